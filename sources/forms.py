from django import forms
from django.db import transaction

from records.forms import VersionedModelForm
from sources.models import Outlet, Source


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
