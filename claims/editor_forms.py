"""Forms of the reader (a claim from a selection) and of the speaker pages."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.forms import HopsField, resolve_typed
from claims.models import Citation, Claim, Speaker, Topic
from records.forms import VersionedModelForm
from records.validators import validate_language_tag
from sources.models import Source


def errors_onto(form: forms.Form, error: ValidationError) -> None:
    """A model's errors on the form: each on its field where the form has one, else on the
    whole form."""
    for field, messages in error.message_dict.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


class SpeakerChoiceField(forms.ModelChoiceField):
    """The hidden pk a speaker combobox posts."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(Speaker.objects.all(), **kwargs)


def resolve_typed_speaker(form: forms.Form, field: str = "speaker") -> None:
    """Without JavaScript the combobox posts only the typed name (`speaker_search`):
    accept it when exactly one speaker has that name or alias, else say what to do."""
    if form.cleaned_data.get(field) or field in form.errors:
        return
    typed = (form.data.get(f"{field}_search") or "").strip()
    if not typed:
        form.add_error(field, _("Choose a speaker."))
        return
    matches = Speaker.objects.named(typed)[:2] or list(Speaker.objects.search(typed)[:2])
    if len(matches) == 1:
        form.cleaned_data[field] = matches[0]
    elif matches:
        form.add_error(
            field,
            _("More than one speaker matches “{typed}”: pick one from the list.").format(
                typed=typed
            ),
        )
    else:
        form.add_error(
            field, _("No speaker matches “{typed}”. Create the speaker first.").format(typed=typed)
        )


class ClaimFromSelectionForm(forms.Form):
    """A new claim and its citation in this source, from text selected in the reader."""

    quote = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The exact words as this source prints them."),
        label=gettext_lazy("Quote"),
    )
    start = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    prefix = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    suffix = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    speaker = SpeakerChoiceField(required=False)
    text = forms.CharField(
        label=gettext_lazy("Claim"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "The statement in its own language; for a direct quote, the quote itself."
        ),
    )
    kind = forms.ChoiceField(
        choices=Claim.Kind.choices, initial=Claim.Kind.DIRECT_QUOTE, label=gettext_lazy("Kind")
    )
    language = forms.CharField(
        max_length=35,
        validators=[validate_language_tag],
        help_text=gettext_lazy("BCP 47 tag: id, en, ru, zh"),
        label=gettext_lazy("Language"),
    )
    translation = forms.CharField(
        label=gettext_lazy("English translation"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    stated_on = forms.DateField(
        label=gettext_lazy("Stated on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    topics = forms.ModelMultipleChoiceField(
        Topic.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Topics"),
    )
    locator = forms.CharField(
        required=False,
        max_length=200,
        help_text=gettext_lazy("Page, paragraph or timestamp (optional)"),
        label=gettext_lazy("Locator"),
    )
    relays = HopsField()

    def __init__(self, *args, source: Source, **kwargs):
        self.source = source
        super().__init__(*args, **kwargs)
        self.use_required_attribute = False  # the speaker is validated on the server

    def clean_quote(self) -> str:
        # A textarea posts CRLF; the body stores LF (see SourceForm.clean_body).
        return self.cleaned_data["quote"].replace("\r\n", "\n")

    def clean_text(self) -> str:
        return self.cleaned_data["text"].replace("\r\n", "\n")

    def clean(self):
        cleaned = super().clean()
        resolve_typed_speaker(self)
        return cleaned

    def save(self) -> tuple[Claim, "object"]:
        """Create the claim and its citation; on a model error, add it to the form and
        raise ValidationError so the view re-renders."""
        data = self.cleaned_data
        try:
            return Claim.objects.create_with_citation(
                speaker=data["speaker"],
                text=data["text"],
                language=data["language"],
                kind=data["kind"],
                translation=data["translation"],
                stated_on=data["stated_on"],
                topics=data["topics"],
                source=self.source,
                quote=data["quote"],
                prefix=data["prefix"] or "",
                suffix=data["suffix"] or "",
                start=data["start"],
                locator=data["locator"],
                relays=data["relays"],
            )
        except ValidationError as error:
            errors_onto(self, error)
            raise


class PassageFromSelectionForm(forms.Form):
    """Text selected in the reader, added as one more passage of a claim we have already
    (a paraphrase in the lead, a fragment, the direct quote later)."""

    claim = forms.ModelChoiceField(
        Claim.objects.select_related("speaker"),
        widget=forms.HiddenInput,
        error_messages={"required": gettext_lazy("Choose the claim this passage carries.")},
    )
    quote = forms.CharField(
        label=gettext_lazy("Passage"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The exact words as this source prints them."),
    )
    start = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)
    prefix = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    suffix = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    locator = forms.CharField(
        label=gettext_lazy("Where in the source"),
        required=False,
        max_length=200,
        help_text=gettext_lazy("Page, paragraph or timestamp (optional)"),
    )
    relays = HopsField(label=gettext_lazy("This passage came through (optional)"))

    def __init__(self, *args, source: Source, **kwargs):
        self.source = source
        # It stands on the page beside the new-claim form: its own element ids.
        kwargs.setdefault("auto_id", "passage_%s")
        super().__init__(*args, **kwargs)
        self.data = resolve_typed(self.data, "claim", Claim.objects)

    def clean_quote(self) -> str:
        return self.cleaned_data["quote"].replace("\r\n", "\n")

    @transaction.atomic
    def save(self) -> Citation:
        """The new citation, anchored; a model error goes onto the form and is raised."""
        data = self.cleaned_data
        try:
            return data["claim"].add_passage(
                source=self.source,
                quote=data["quote"],
                prefix=data["prefix"] or "",
                suffix=data["suffix"] or "",
                start=data["start"],
                locator=data["locator"],
                relays=data["relays"],
            )
        except ValidationError as error:
            errors_onto(self, error)
            raise


class SpeakerForm(VersionedModelForm):
    class Meta:
        model = Speaker
        fields = ["name", "kind", "description", "country", "aliases", "wikidata_id"]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "name": gettext_lazy("Name"),
            "kind": gettext_lazy("Kind"),
            "description": gettext_lazy("Description"),
            "country": gettext_lazy("Country"),
            "aliases": gettext_lazy("Aliases"),
        }


class InlineSpeakerForm(forms.ModelForm):
    """The short speaker form that opens under a speaker combobox, inside another form:
    prefixed, so its fields cannot collide with that form's."""

    prefix = "new_speaker"

    class Meta:
        model = Speaker
        fields = ["name", "kind", "description"]
        labels = {
            "name": gettext_lazy("Name"),
            "kind": gettext_lazy("Kind"),
            "description": gettext_lazy("Description"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.use_required_attribute = False  # it lives inside the claim form
