import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from records.dates import validate_date_in_range, validate_datetime_in_range
from records.forms import VersionedModelForm
from sources.models import Outlet, Source


class SourceFilterForm(forms.Form):
    """The sources list's filters, read from the query string; a bad value is ignored."""

    q = forms.CharField(label=gettext_lazy("Search sources"), required=False, max_length=500)
    outlet = forms.ModelChoiceField(
        Outlet.objects.all(),
        required=False,
        empty_label=gettext_lazy("Any"),
        label=gettext_lazy("Outlet"),
    )
    kind = forms.ChoiceField(
        choices=[("", gettext_lazy("Any")), *Source.Kind.choices],
        required=False,
        label=gettext_lazy("Kind"),
    )
    language = forms.CharField(
        required=False,
        max_length=35,
        help_text=gettext_lazy("e.g. id, en, ru"),
        label=gettext_lazy("Language"),
    )

    def filter(self, sources):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return sources.filter_by(**{name: cleaned[name] for name in self.fields if name in cleaned})


class PublishedWidget(forms.MultiWidget):
    """A day, and a time of day if the source gives one (a browser's date-time input
    refuses a day alone, which made people invent 00:00)."""

    def __init__(self):
        super().__init__(
            [
                forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                forms.TimeInput(
                    attrs={"type": "time", "aria-label": "Time of day (optional)"},
                    format="%H:%M",
                ),
            ]
        )

    def id_for_label(self, id_):
        # The label "Published" names the day's input (Django's MultiWidget names none).
        return f"{id_}_0" if id_ else id_

    def decompress(self, value):
        if isinstance(value, str):
            day, _, time = value.replace(" ", "T", 1).partition("T")
            return [day, time[:5]]
        if isinstance(value, datetime.datetime):
            value = timezone.localtime(value)
            return [value.date(), value.time().replace(second=0, microsecond=0)]
        if isinstance(value, datetime.date):
            return [value, None]
        return [None, None]

    def value_from_datadict(self, data, files, name):
        if name in data and f"{name}_0" not in data:
            # One value, as a script or an older form posts it ("2024-10-16" or
            # "2024-10-16T21:45+07:00"): the field reads it whole.
            return str(data.get(name) or "")
        return super().value_from_datadict(data, files, name)


class PublishedField(forms.MultiValueField):
    """A date alone stays a date; a time, when given, makes it a moment (in UTC, the app's
    time zone, as the form says)."""

    widget = PublishedWidget

    def __init__(self, **kwargs):
        fields = (
            forms.DateField(required=False, validators=[validate_date_in_range]),
            forms.TimeField(required=False),
        )
        super().__init__(fields, required=False, require_all_fields=False, **kwargs)

    def clean(self, value):
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if "T" in value or " " in value:
                return forms.DateTimeField(validators=[validate_datetime_in_range]).clean(value)
            return forms.DateField(validators=[validate_date_in_range]).clean(value)
        return super().clean(value)

    def compress(self, data_list):
        day, time = [*(data_list or []), None, None][:2]
        if day is None:
            if time is not None:
                raise ValidationError(_("Give the day too, or leave the time empty."))
            return None
        if time is None:
            return day
        return timezone.make_aware(datetime.datetime.combine(day, time))


class SourceForm(VersionedModelForm):
    """Create or edit a source; the outlet is chosen from the list or typed as a new one."""

    new_outlet = forms.CharField(
        label=gettext_lazy("…or a new outlet"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Type a name to add an outlet that is not in the list yet."),
    )
    published_at = PublishedField(
        label=gettext_lazy("Published"),
        help_text=gettext_lazy("The day; the time too if the source gives one (UTC)."),
    )

    class Meta:
        model = Source
        fields = [
            "title",
            "outlet",
            "new_outlet",
            "kind",
            "url",
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
        help_texts = {
            "body": gettext_lazy("Paste the article's full text. Quotes are anchored in it.")
        }
        labels = {
            "title": gettext_lazy("Title"),
            "outlet": gettext_lazy("Outlet"),
            "kind": gettext_lazy("Kind"),
            "url": gettext_lazy("URL"),
            "language": gettext_lazy("Language"),
            "body": gettext_lazy("Body"),
            "archive_url": gettext_lazy("Archive URL"),
            "notes": gettext_lazy("Notes"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].required = False
        self.fields["outlet"].empty_label = _("Choose an outlet")
        if self.instance.pk and "published_at" not in self.initial:
            self.initial["published_at"] = self.instance.published

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
            self.add_error("outlet", _("Choose an outlet, or type the name of a new one."))
        return cleaned

    def _post_clean(self):
        if "published_at" in self.cleaned_data:
            self.instance.published = self.cleaned_data["published_at"]
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


class FetchForm(forms.Form):
    """Add a source from its web address: the server fetches it."""

    url = forms.CharField(
        label=gettext_lazy("Web address"),
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text=gettext_lazy(
            "A news page, a statement or a PDF. Claimtrail fetches it and keeps a copy."
        ),
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        if not url.lower().startswith(("http://", "https://")):
            raise ValidationError(_("Give an address starting with https:// (or http://)."))
        return url


class UploadForm(forms.Form):
    """Add a source from a file: a saved page, a PDF, a plain-text or Markdown file."""

    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "HTML (a page saved from your browser), PDF, plain text or Markdown."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".html,.htm,.pdf,.txt,.md,.markdown"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.CLAIMTRAIL_FETCH_MAX_BYTES
        if upload.size > limit:
            raise ValidationError(
                _(
                    "The file is {value} MB; a source may be at most {value2} MB. Upload the part you cite, or paste its text."
                ).format(value=upload.size // 2**20, value2=limit // 2**20)
            )
        return upload


class PreviewForm(SourceForm):
    """The source as read from its document, every field editable, before it is saved."""

    @classmethod
    def initial_from(cls, fields: dict) -> dict:
        published = fields.get("published") or ""
        value = None
        if published:
            value = (
                datetime.date.fromisoformat(published)
                if fields.get("date_only")
                else datetime.datetime.fromisoformat(published)
            )
        return {
            "title": fields.get("title", ""),
            "url": fields.get("url", ""),
            "language": fields.get("language", ""),
            "body": fields.get("body", ""),
            "published_at": value,
            "outlet": fields.get("outlet"),
            "new_outlet": fields.get("new_outlet", ""),
            "kind": Source.Kind.ARTICLE if fields.get("format") == "html" else Source.Kind.OTHER,
            "notes": f"Author: {fields['author']}" if fields.get("author") else "",
        }


class OutletForm(VersionedModelForm):
    """Create or edit an outlet: who publishes, and its homepage (what a fetched page's
    site is matched by)."""

    class Meta:
        model = Outlet
        fields = ["name", "kind", "homepage", "country"]
        widgets = {"homepage": forms.URLInput(attrs={"placeholder": "https://"})}
        help_texts = {
            "homepage": gettext_lazy("Pages fetched from this site are matched to this outlet."),
            "country": gettext_lazy("ISO 3166 code: ID, RU, CN."),
        }
        labels = {
            "name": gettext_lazy("Name"),
            "kind": gettext_lazy("Kind"),
            "homepage": gettext_lazy("Homepage"),
            "country": gettext_lazy("Country"),
        }
