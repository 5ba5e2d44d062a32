"""A record's story: the versions django-simple-history keeps, shown as readable diffs,
and restoring an earlier one.

Generic over models (each URL passes `model`), so the sources app can show its history
without knowing about claims, and claims, speakers, citations and relations share one view.
"""

import difflib
import re
from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from records.models import EditConflict
from records.roles import READ_ONLY_MESSAGE

PAGE_SIZE = 20
# Bookkeeping that changes on every save and says nothing a reader needs to see.
HIDDEN_FIELDS = {"version", "created_at", "updated_at"}
# Unchanged stretches longer than this (in words) are shortened around a word diff.
CONTEXT_WORDS = 12
WORDS = re.compile(r"\S+\s*|\s+")


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    # For long texts, the word-level diff: ("equal" | "ins" | "del" | "gap", text) pairs.
    # The template prints each text escaped; nothing here is marked safe.
    segments: list[tuple[str, str]] | None = None


@dataclass
class Version:
    record: models.Model
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def action(self) -> str:
        return {"+": "Created", "~": "Changed", "-": "Deleted"}[self.record.history_type]


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """Words removed and added between two texts, with long unchanged runs shortened."""
    before, after = WORDS.findall(old), WORDS.findall(new)
    segments: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after)
    opcodes = matcher.get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            words = before[i1:i2]
            head = words[:CONTEXT_WORDS] if index > 0 else []
            tail = words[-CONTEXT_WORDS:] if index < len(opcodes) - 1 else []
            if len(words) > len(head) + len(tail):
                if head:
                    segments.append(("equal", "".join(head)))
                segments.append(("gap", "…"))
                if tail:
                    segments.append(("equal", "".join(tail)))
            else:
                segments.append(("equal", "".join(words)))
            continue
        if tag in ("delete", "replace"):
            segments.append(("del", "".join(before[i1:i2])))
        if tag in ("insert", "replace"):
            segments.append(("ins", "".join(after[j1:j2])))
    return segments


def _m2m_relations(history_model) -> list[tuple[str, str, str]]:
    """(tracked field, accessor on a historical record, target field on its rows)."""
    found = []
    for m2m_field in history_model._history_m2m_fields:
        for relation in history_model._meta.related_objects:
            row_model = relation.related_model
            if relation.field.name != "history" or not hasattr(row_model, "m2m_history_id"):
                continue
            target = m2m_field.remote_field.model
            for row_field in row_model._meta.fields:
                if getattr(row_field, "related_model", None) is target:
                    found.append((m2m_field.name, relation.get_accessor_name(), row_field.name))
    return found


def _display(model_field, value, related: dict) -> str:
    if value in (None, ""):
        return ""
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        target = related.get((model_field.related_model, value))
        return str(target) if target is not None else _("#{pk} (deleted)").format(pk=value)
    return str(value)


def versions_with_changes(records: list, model) -> list[Version]:
    """Each record diffed against the one before it (the next in this newest-first list).

    The caller fetches one record more than it shows, so that the last one shown has its
    predecessor too. Related names are loaded in one query per foreign key, whatever the
    number of versions.
    """
    history_model = model.history.model
    m2m = _m2m_relations(history_model)
    excluded = HIDDEN_FIELDS | {name for name, _, _ in m2m}
    pairs = list(zip(records, [*records[1:], None], strict=True))
    deltas = {}
    for record, previous in pairs:
        if previous is not None and record.history_type != "-":
            deltas[record.pk] = record.diff_against(previous, excluded_fields=excluded)
    wanted: dict[type, set] = {}
    for record, previous in pairs:
        if record.pk in deltas:
            names = deltas[record.pk].changed_fields
        elif record.history_type == "+":
            names = [f.name for f in record.tracked_fields if f.editable]
        else:
            names = []
        for name in names:
            model_field = model._meta.get_field(name)
            if isinstance(model_field, models.ForeignKey):
                for version in (record, previous):
                    if version is not None and getattr(version, model_field.attname):
                        wanted.setdefault(model_field.related_model, set()).add(
                            getattr(version, model_field.attname)
                        )
    related = {
        (target, obj.pk): obj
        for target, pks in wanted.items()
        for obj in target._base_manager.filter(pk__in=pks)
    }

    versions = []
    for record, previous in pairs[: len(records)]:
        version = Version(record)
        if record.pk in deltas:
            changes = [(c.field, c.old, c.new) for c in deltas[record.pk].changes]
        elif record.history_type == "+":
            changes = [
                (f.name, None, getattr(record, f.attname))
                for f in record.tracked_fields
                if f.editable and f.name not in excluded
            ]
        else:
            changes = []
        for name, old, new in changes:
            model_field = model._meta.get_field(name)
            if previous is not None and isinstance(model_field, models.ForeignKey):
                old = getattr(previous, model_field.attname)
                new = getattr(record, model_field.attname)
            old_text = _display(model_field, old, related)
            new_text = _display(model_field, new, related)
            if old_text == new_text:
                continue
            segments = None
            if isinstance(model_field, models.TextField) and old_text and new_text:
                segments = word_diff(old_text, new_text)
            version.changes.append(
                FieldChange(str(model_field.verbose_name), old_text, new_text, segments)
            )
        for name, accessor, target_field in m2m:
            label = str(model._meta.get_field(name).verbose_name)
            now = {str(getattr(row, target_field)) for row in getattr(record, accessor).all()}
            before = (
                {str(getattr(row, target_field)) for row in getattr(previous, accessor).all()}
                if previous is not None
                else set()
            )
            if now != before and record.history_type != "-":
                version.changes.append(
                    FieldChange(label, ", ".join(sorted(before)), ", ".join(sorted(now)))
                )
        versions.append(version)
    return versions


def history_records(model, pk: int):
    """A record's versions, newest first, with who made each and the tracked m2m rows."""
    records = (
        model.history.filter(id=pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")
    )
    prefetch = [
        f"{accessor}__{target}" for _, accessor, target in _m2m_relations(model.history.model)
    ]
    return records.prefetch_related(*prefetch) if prefetch else records


def page_number(request: HttpRequest) -> int:
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        return 1
    return number if 1 <= number <= 1_000_000 else 1


class RestoreForm(forms.Form):
    reason = forms.CharField(
        max_length=80,
        strip=True,
        help_text=gettext_lazy("Why this version comes back; kept in the history."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


@require_GET
@vary_on_headers("HX-Request")
def history(request: HttpRequest, pk: int, model: type[models.Model]) -> HttpResponse:
    """Every version of one record, newest first, each with who, when and what changed.

    Paginated in SQL: one page of versions plus the one before the page's last, so a
    record edited a thousand times costs what one edited twenty times costs.
    """
    number = page_number(request)
    start = (number - 1) * PAGE_SIZE
    records = list(history_records(model, pk)[start : start + PAGE_SIZE + 1])
    if not records:
        raise Http404("No history for this record.")
    # The title names related records (a claim's speaker, a source's outlet): load the
    # required ones with it.
    required = [f.name for f in model._meta.concrete_fields if f.many_to_one and not f.null]
    current = model._default_manager.select_related(*required).filter(pk=pk).first()
    view_name = request.resolver_match.view_name
    context = {
        "model_name": model._meta.verbose_name,
        "pk": pk,
        "current": current,
        "title": str(current) if current is not None else str(records[0].instance),
        "versions": versions_with_changes(records, model)[:PAGE_SIZE],
        "page_number": number,
        "has_previous": number > 1,
        "has_next": len(records) > PAGE_SIZE,
        "history_url": reverse(view_name, args=[pk]),
        "restore_view": view_name.removesuffix("-history") + "-restore",
        "can_restore": current is not None
        and request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"),
    }
    template = "history/history.html"
    if request.htmx:
        template += "#versions"
    return render(request, template, context)


@require_POST
def restore(
    request: HttpRequest, pk: int, history_id: int, model: type[models.Model]
) -> HttpResponse:
    """Bring an earlier version back, as a new version that records why."""
    if not request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
        raise PermissionDenied(READ_ONLY_MESSAGE)
    record = get_object_or_404(model._default_manager, pk=pk)
    version = get_object_or_404(model.history, id=pk, history_id=history_id)
    back = reverse(
        request.resolver_match.view_name.removesuffix("-restore") + "-history", args=[pk]
    )
    form = RestoreForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, _("Not restored: {error}").format(error=error))
        return redirect(back)
    try:
        record.restore_version(
            version,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except EditConflict:
        messages.error(
            request,
            _(
                "Not restored: someone changed this record after you opened its history. "
                "Look at the newest version below and restore again if you still want to."
            ),
        )
    except ValidationError as error:
        problems = "; ".join(message for message in error.messages)
        messages.error(request, _("Not restored: {problems}").format(problems=problems))
    else:
        messages.success(
            request,
            _("Restored the version of {history_date}.").format(
                history_date=date_format(localtime(version.history_date), "DATETIME_FORMAT")
            ),
        )
    return redirect(back)
