"""The dates Claimtrail keeps: years 1000 to 9999, date-times counted in UTC.

Python's datetime ends at years 1 and 9999, and so does psycopg's reading of a timestamp:
a date-time typed as 0001-01-01T00:00+14:00 is a moment of the year 0 in UTC, which
PostgreSQL stores gladly and no page can then read back. Years before 1000 are refused too:
`strftime("%Y")` writes them without their leading zeros, which a browser's date and
date-time inputs do not accept, so the next edit of the record would silently drop the
date. No source or statement a newsroom records is that old.

The same range is checked in Python (`validate_datetime_in_range`, on the model fields, so
forms, admin and the import share it) and held by the database (`within_range`, a CHECK).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

EARLIEST_DAY = datetime.date(1000, 1, 1)
LATEST_DAY = datetime.date(9999, 12, 31)
EARLIEST = datetime.datetime.combine(EARLIEST_DAY, datetime.time.min, datetime.UTC)
LATEST = datetime.datetime.combine(LATEST_DAY, datetime.time.max, datetime.UTC)

RANGE_TEXT = gettext_lazy("between the years 1000 and 9999")


def in_utc(value: datetime.datetime) -> datetime.datetime | None:
    """An aware date-time as UTC, or None when UTC has no such moment (before year 1 or
    after 9999, as 0001-01-01T00:00+14:00 is)."""
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        return None


def is_datetime_in_range(value: datetime.datetime) -> bool:
    utc = in_utc(value) if value.tzinfo is not None else value.replace(tzinfo=datetime.UTC)
    return utc is not None and EARLIEST <= utc <= LATEST


def validate_datetime_in_range(value: datetime.datetime) -> None:
    if value is not None and not is_datetime_in_range(value):
        raise ValidationError(
            _("Enter a date and time %(range)s (in UTC: %(given)s is outside it)."),
            code="date_out_of_range",
            params={"range": RANGE_TEXT, "given": value.isoformat()},
        )


def validate_date_in_range(value: datetime.date) -> None:
    if value is not None and not EARLIEST_DAY <= value <= LATEST_DAY:
        raise ValidationError(
            _("Enter a date %(range)s."), code="date_out_of_range", params={"range": RANGE_TEXT}
        )


def within_range(field: str, *, name: str, dates: bool = False) -> models.CheckConstraint:
    """The database's own check of the range, for a nullable date or date-time column."""
    low, high = (EARLIEST_DAY, LATEST_DAY) if dates else (EARLIEST, LATEST)
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__isnull": True})
        | models.Q(**{f"{field}__gte": low, f"{field}__lte": high}),
        name=name,
        violation_error_message=f"The date must lie {RANGE_TEXT}.",
    )


def repair_stored(model, field: str) -> list[str]:
    """Find the values of `field` outside the range, say what they were, and make them
    keepable: a value that may be empty is emptied, any other moved to the nearest end of
    the range. For the data migration that comes before `within_range`'s CHECK.

    The values are read as text, in SQL: a moment before year 1 cannot be read into Python.
    """
    column = model._meta.get_field(field)
    dates = isinstance(column, models.DateField) and not isinstance(column, models.DateTimeField)
    low, high = (EARLIEST_DAY, LATEST_DAY) if dates else (EARLIEST, LATEST)
    rows = model._base_manager.all()
    too_early, too_late = (
        rows.filter(**{f"{field}__lt": low}),
        rows.filter(**{f"{field}__gt": high}),
    )
    found = (too_early | too_late).order_by("pk").values_list("pk", Cast(field, models.TextField()))
    label = f"{model._meta.label} {field}"
    if column.null:
        fix, early, late = "emptied", None, None
    else:
        fix, early, late = "moved to the nearest end of the range", low, high
    key = model._meta.pk.name
    report = [
        f"{label}, {key} {pk}: {text} is outside years 1000–9999, {fix}" for pk, text in found
    ]
    too_early.update(**{field: early})
    too_late.update(**{field: late})
    return report


def repairing(app_label: str, dated: list[tuple[str, str]]):
    """A data migration's function: `repair_stored` on each (model, field) of the app, at
    the migration's state, the report printed for whoever runs `migrate`."""

    def repair(apps, schema_editor) -> None:
        report = [
            line
            for model, field in dated
            for line in repair_stored(apps.get_model(app_label, model), field)
        ]
        if report:
            print("".join(f"\n  {line}" for line in report))

    return repair
