from django import forms

from claims.models import Claim


class SuggestionForm(forms.Form):
    """A suggestion as accepted, perhaps edited: the span is fixed (it is what the citation
    anchors), the wording, kind, speaker and relays may change."""

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    text = forms.CharField(label="Claim", widget=forms.Textarea(attrs={"rows": 3}))
    kind = forms.ChoiceField(choices=Claim.Kind.choices)
    speaker_name = forms.CharField(
        label="Speaker",
        max_length=300,
        help_text="An existing speaker’s name, or a new name to create.",
    )
    speaker_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    relays = forms.CharField(
        label="Relayed via",
        required=False,
        max_length=500,
        help_text="Outlets this source cites for it, nearest first, separated by commas.",
    )

    def __init__(self, *args, body: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if (
            start is not None
            and end is not None
            and (not (start < end <= len(self.body)) or not self.body[start:end].strip())
        ):
            raise forms.ValidationError(
                "This passage is no longer in the source’s text; reload the suggestions."
            )
        return cleaned

    @property
    def relay_names(self) -> list[str]:
        return [
            name.strip() for name in self.cleaned_data.get("relays", "").split(",") if name.strip()
        ]


class SpanForm(forms.Form):
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, body: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and not (start < end <= len(self.body)):
            raise forms.ValidationError("This passage is no longer in the source’s text.")
        return cleaned
