import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from sources.models import EditConflict, Outlet, Source


class VersionedModelForm(forms.ModelForm):
    """An edit form that remembers which version of the record it was loaded from.

    Saving goes through `Record.save(expected_version=…)`, so a save over someone else's
    newer change raises EditConflict instead of overwriting it. Catch it in the view and
    answer with `render_edit_conflict`.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["version"].required = True

    def save(self, commit: bool = True):
        instance = super().save(commit=False)
        if commit:
            expected = self.cleaned_data.get("version") if instance.pk else None
            instance.save(expected_version=expected)
            self._save_m2m()
        return instance


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
        return "yes" if value not in (False, "false", "False", "off", "0") else "no"
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
    latest = model.history.filter(id=form.instance.pk).select_related("history_user").first()
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


class SourceFilterForm(forms.Form):
    """The sources list's filters, read from the query string; a bad value is ignored."""

    q = forms.CharField(label="Search sources", required=False, max_length=500)
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False, empty_label="Any")
    kind = forms.ChoiceField(choices=[("", "Any"), *Source.Kind.choices], required=False)
    language = forms.CharField(required=False, max_length=35, help_text="e.g. id, en, ru")

    def filter(self, sources):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return sources.filter_by(**{name: cleaned[name] for name in self.fields if name in cleaned})


class SourceForm(VersionedModelForm):
    """Create or edit a source; the outlet is chosen from the list or typed as a new one."""

    new_outlet = forms.CharField(
        label="…or a new outlet",
        required=False,
        max_length=200,
        help_text="Type a name to add an outlet that is not in the list yet.",
    )
    published_at = forms.DateTimeField(
        label="Published",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="In your time zone (UTC).",
    )

    class Meta:
        model = Source
        fields = [
            "title",
            "outlet",
            "new_outlet",
            "kind",
            "url",
            "published_at",
            "language",
            "body",
            "archive_url",
            "notes",
        ]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 18, "class": "body-input"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "url": forms.URLInput(attrs={"placeholder": "https://"}),
        }
        help_texts = {"body": "Paste the article's full text. Quotes are anchored in it."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].required = False
        self.fields["outlet"].empty_label = "Choose an outlet"

    def clean_body(self) -> str:
        # Browsers post textareas with CRLF line ends; the reader shows (and a selection's
        # offsets count) LF only, so store LF.
        return self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")

    def clean(self):
        cleaned = super().clean()
        name = (cleaned.get("new_outlet") or "").strip()
        if name:
            existing = Outlet.objects.filter(name__iexact=name).first()
            cleaned["outlet"] = existing or Outlet(name=name)
        elif not cleaned.get("outlet") and "outlet" not in self.errors:
            self.add_error("outlet", "Choose an outlet, or type the name of a new one.")
        return cleaned

    def _post_clean(self):
        outlet = self.cleaned_data.get("outlet")
        if outlet is not None and outlet.pk is None:
            # A new outlet is saved with the source; until then validate the source without it.
            self.cleaned_data["outlet"] = None
            super()._post_clean()
            self.cleaned_data["outlet"] = outlet
        else:
            super()._post_clean()

    @transaction.atomic
    def save(self, commit: bool = True):
        outlet = self.cleaned_data.get("outlet")
        if outlet is not None and outlet.pk is None:
            outlet.full_clean()
            outlet.save()
        self.instance.outlet = outlet
        return super().save(commit=commit)
