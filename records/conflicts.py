"""Answering an edit that lost the race: the user's input beside what is stored now."""

import datetime
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from records.models import EditConflict


@dataclass
class ConflictRow:
    """One field of a refused edit: as stored now, and as the user typed it."""

    name: str
    label: str
    saved: str
    yours: str

    @property
    def differs(self) -> bool:
        return self.saved.strip() != self.yours.strip()


def shown(field: forms.Field, value) -> str:
    """A form field's value as a person reads it: names, not ids; labels, not codes."""
    if value is None or value == "" or value == [] or value == ():
        return ""
    try:
        if isinstance(field, forms.ModelMultipleChoiceField):
            keys = [getattr(item, "pk", item) for item in value]
            return ", ".join(sorted(str(obj) for obj in field.queryset.filter(pk__in=keys)))
        if isinstance(field, forms.ModelChoiceField):
            obj = field.queryset.filter(pk=getattr(value, "pk", value)).first()
            return str(obj) if obj is not None else str(value)
    except (ValueError, TypeError, ValidationError):
        return str(value)
    if isinstance(field, forms.ChoiceField):
        labels = {str(key): label for key, label in field.choices}
        return str(labels.get(str(value), value))
    if isinstance(field, forms.BooleanField):
        return _("yes") if value not in (False, "false", "False", "off", "0") else _("no")
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return str(value).replace("\r\n", "\n")


def conflict_rows(form: forms.BaseForm, current) -> list[ConflictRow]:
    names = [name for name, field in form.fields.items() if not field.widget.is_hidden]
    stored = model_to_dict(current, fields=names) if current is not None else {}
    return [
        ConflictRow(
            name=name,
            label=str(form[name].label),
            saved=shown(form.fields[name], stored.get(name)),
            yours=shown(form.fields[name], form[name].value()),
        )
        for name in names
    ]


def render_edit_conflict(
    request: HttpRequest, template_name: str, context: dict, conflict: EditConflict
) -> HttpResponse:
    """Answer 409 with the form (the user's unsaved input kept) beside the stored version.

    The form is re-bound to the stored version number, so saving again after merging by
    hand is a deliberate overwrite of what the user has now seen. The include
    `includes/edit_conflict.html` shows who saved what, field by field, side by side.
    """
    form = context["form"]
    current = conflict.current
    if current is not None:
        data = form.data.copy()
        data[form.add_prefix("version")] = current.version
        form.data = data
    model = type(form.instance)
    # A form for a new record (a first verdict) meets the one saved meanwhile.
    pk = form.instance.pk or getattr(current, "pk", None)
    latest = model.history.filter(id=pk).select_related("history_user").first()
    context = {
        **context,
        "conflict": conflict,
        "conflict_current": current,
        "conflict_deleted": current is None,
        "conflict_user": getattr(latest, "history_user", None),
        "conflict_date": getattr(latest, "history_date", None),
        "conflict_rows": conflict_rows(form, current),
    }
    return render(request, template_name, context, status=409)


def update_page(
    request: HttpRequest,
    form,
    template_name: str,
    context: dict,
    *,
    saved: str,
    then: str | None = None,
) -> HttpResponse:
    """A whole-page edit form of a versioned record: shown, or saved and left for the
    record's page (`then`, another address, instead) with the message `saved`; an edit
    over someone else's newer one answers 409 with both (`render_edit_conflict`)."""
    if request.method == "POST" and form.is_valid():
        try:
            record = form.save()
        except EditConflict as conflict:
            return render_edit_conflict(request, template_name, context, conflict)
        messages.success(request, saved.format(record=record))
        return redirect(then or record)
    return render(request, template_name, context)
