"""Many new records at once, each with its history row ("created", by whom, why), for the
import.

On PostgreSQL the records' keys are drawn from their table's sequence in one query and the
records and their history rows are written with `COPY`: Django's bulk insert spends far
longer building its statement than the database spends on it. Elsewhere (SQLite) Django's
and django-simple-history's own bulk inserts do the same work.

Either way no `save()` runs: the caller sets what `save()` would derive, and the
database's own triggers (search vectors, relay guards) run on every row as usual.
"""

from collections.abc import Callable, Sequence
from operator import attrgetter

from django.db import connection
from django.db.models import Case, Model, Value, When
from django.db.models.base import ModelState
from django.db.models.signals import post_init, pre_init
from django.utils import timezone
from psycopg.types.json import Jsonb
from simple_history.utils import bulk_create_with_history, get_history_manager_for_model


def unsaved(model: type[Model]) -> Callable[..., Model]:
    """A maker of unsaved instances of `model`, as `model(**values)` makes them, for the
    hundreds of thousands an import builds: every field at its default, then `values` (by
    attribute name, as `speaker_id`; any other name, such as a related object, is set as an
    attribute). Django's `__init__` spends longer per instance than the COPY of its row.
    Where something listens for instances being made (init signals), it is `model` itself."""
    if pre_init.has_listeners(model) or post_init.has_listeners(model):
        return model
    constants, factories = {}, []
    for field in model._meta.concrete_fields:
        # A fresh dict or list each time, as Django gives (`NOT_PROVIDED`, a class, is
        # callable too: a field without a default has one constant, its empty value).
        if field.has_default() and callable(field.default):
            factories.append((field.attname, field.get_default))
        else:
            constants[field.attname] = field.get_default()
    known = set(constants) | {attname for attname, _ in factories}
    new = Model.__new__

    def make(**values) -> Model:
        obj = new(model)
        obj._state = ModelState()
        fields = obj.__dict__
        fields.update(constants)
        for attname, default in factories:
            fields[attname] = default()
        for name, value in values.items():
            if name in known:
                fields[name] = value
            else:
                setattr(obj, name, value)
        return obj

    return make


def draw_keys(model: type[Model], objects: Sequence[Model]) -> bool:
    """Give `objects` their primary keys before they are inserted, where the database can
    (PostgreSQL: from the table's sequence, in one query); False where the insert will."""
    if connection.vendor != "postgresql" or not objects:
        return connection.vendor == "postgresql"
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objects)],
        )
        for obj, (key,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = key
    return True


def insert_with_history(
    model: type[Model],
    objects: Sequence[Model],
    *,
    user=None,
    reason: str = "",
    keep_timestamps: bool = False,
) -> None:
    """Insert `objects` (unsaved instances of `model`, with keys from `draw_keys` or
    none) and a "created" history row for each, and give each its primary key. With
    `keep_timestamps`, an object whose `created_at` is set keeps it and its `updated_at`
    (a file's dates outlive the insert); otherwise both are now, as on `save()`."""
    if not objects:
        return
    if connection.vendor == "postgresql":
        _copy_with_history(model, objects, user=user, reason=reason, keep=keep_timestamps)
    else:
        _django_bulk_with_history(model, objects, user=user, reason=reason, keep=keep_timestamps)


def _copy_with_history(model, objects, *, user, reason: str, keep: bool) -> None:
    meta = model._meta
    now = timezone.now()
    if objects[0].pk is None:
        draw_keys(model, objects)
    with connection.cursor() as cursor:
        for obj in objects:
            obj._state.adding, obj._state.db = False, connection.alias
            if not (keep and obj.created_at):
                obj.created_at = obj.updated_at = now
        fields = meta.concrete_fields
        _copy(cursor, meta.db_table, [field.column for field in fields], objects, fields)
        history = get_history_manager_for_model(model).model
        user = user or history.get_default_history_user(objects[0])
        constant = {
            "history_date": now,
            "history_change_reason": reason,
            "history_type": "+",
            "history_user_id": user.pk if user is not None else None,
        }
        tracked = [
            field
            for field in history._meta.concrete_fields
            if field.attname != history._meta.pk.attname
        ]
        values = [constant.get(field.attname, field) for field in tracked]
        _copy(cursor, history._meta.db_table, [field.column for field in tracked], objects, values)


def insert(model: type[Model], objects: Sequence[Model]) -> None:
    """Insert `objects` with no history and no keys wanted back (rows staged for later)."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    with connection.cursor() as cursor:
        _copy(cursor, model._meta.db_table, [field.column for field in fields], objects, fields)


def _copy(cursor, table: str, columns: list[str], objects, values) -> None:
    """COPY one row per object: each value is a field of the object (read by its
    attribute name) or, for anything else, that constant."""
    quote = connection.ops.quote_name
    # The fields are read all at once (one C call a row), the constants put in after, and
    # only JSON wrapped: this loop runs once for every row of every table an import fills.
    attnames = [value.attname for value in values if hasattr(value, "attname")]
    read = attrgetter(*attnames) if attnames else (lambda obj: ())
    if len(attnames) == 1:
        read = (lambda get: lambda obj: (get(obj),))(read)
    template, positions, json = [], [], []
    for value in values:
        if hasattr(value, "attname"):
            if value.get_internal_type() == "JSONField":
                json.append(len(template))
            positions.append(len(template))
            template.append(None)
        else:
            template.append(value)
    plain = not json and len(positions) == len(template)
    statement = f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN"
    # As Django's own statements: a unique key taken meanwhile is an IntegrityError.
    with connection.wrap_database_errors, cursor.cursor.copy(statement) as copy:
        for obj in objects:
            fields = read(obj)
            if plain:
                copy.write_row(fields)
                continue
            row = list(template)
            for position, field_value in zip(positions, fields, strict=True):
                row[position] = field_value
            for position in json:
                row[position] = Jsonb(row[position])
            copy.write_row(row)


def _django_bulk_with_history(model, objects, *, user, reason: str, keep: bool) -> None:
    objects = list(objects)
    if not keep:
        bulk_create_with_history(objects, model, default_user=user, default_change_reason=reason)
        return
    wanted = [(obj.created_at, obj.updated_at) for obj in objects]
    model.objects.bulk_create(objects)  # stamps both times "now"
    dated = [
        (obj, created, updated or created)
        for obj, (created, updated) in zip(objects, wanted, strict=True)
        if created
    ]
    if dated:
        model.objects.filter(pk__in=[obj.pk for obj, _, _ in dated]).update(
            created_at=Case(*[When(pk=obj.pk, then=Value(c)) for obj, c, _ in dated]),
            updated_at=Case(*[When(pk=obj.pk, then=Value(u)) for obj, _, u in dated]),
        )
        for obj, created, updated in dated:
            obj.created_at, obj.updated_at = created, updated
    get_history_manager_for_model(model).bulk_history_create(
        objects, default_user=user, default_change_reason=reason
    )
