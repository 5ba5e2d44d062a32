from django import forms
from django.utils.translation import gettext_lazy as _

from claims.models import Claim


def relay_names(typed: str) -> list[str]:
    """The relays a suggestion carries, as its form holds them: names separated by commas."""
    return [name.strip() for name in typed.split(",") if name.strip()]


class SpanForm(forms.Form):
    """A passage of a source's text, by character offsets, checked against that text (it
    may have been edited since the passage was offered)."""

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    stale_message = _("This passage is no longer in the source’s text.")

    def __init__(self, *args, body: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and not self.is_in_body(start, end):
            raise forms.ValidationError(self.stale_message)
        return cleaned

    def is_in_body(self, start: int, end: int) -> bool:
        return start < end <= len(self.body)


class SuggestionForm(SpanForm):
    """A suggestion as accepted, perhaps edited: the span is fixed (it is what the citation
    anchors), the wording, kind, speaker and relays may change."""

    text = forms.CharField(label=_("Claim"), widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(label=_("Kind"), choices=Claim.Kind.choices)
    speaker_name = forms.CharField(
        label=_("Speaker"),
        max_length=300,
        help_text=_("An existing speaker’s name, or a new name to create."),
    )
    speaker_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    relays = forms.CharField(
        label=_("Relayed via"),
        required=False,
        max_length=500,
        help_text=_("Outlets this source cites for it, nearest first, separated by commas."),
    )
    stated_on = forms.DateField(
        label=_("Stated on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When it was said: the source’s date, or the day the text names."),
    )
    # A claim recorded from another source that this statement denies.
    denies_claim = forms.IntegerField(required=False, widget=forms.HiddenInput)

    stale_message = _("This passage is no longer in the source’s text; reload the suggestions.")

    def is_in_body(self, start: int, end: int) -> bool:
        # A claim needs words: a passage of white space alone is no suggestion.
        return super().is_in_body(start, end) and bool(self.body[start:end].strip())

    @property
    def relay_names(self) -> list[str]:
        return relay_names(self.cleaned_data.get("relays", ""))


class AcceptAllForm(forms.Form):
    threshold = forms.DecimalField(
        label=_("Accept every suggestion with a speaker and a confidence of at least"),
        min_value=0,
        max_value=1,
        decimal_places=2,
        initial="0.85",
        widget=forms.NumberInput(attrs={"step": "0.05"}),
    )


class AddPassageForm(SpanForm):
    """A suggestion's passage, added to a claim already recorded."""

    claim = forms.ModelChoiceField(
        Claim.objects.select_related("speaker"),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("That claim is no longer recorded.")},
    )
    relays = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    @property
    def relay_names(self) -> list[str]:
        return relay_names(self.cleaned_data.get("relays", ""))
