"""The filters of the claims list and the pairs page, read from the query string.

The same forms serve the HTML lists and the CSV exports, so an "Export CSV" link that
carries the page's query string exports exactly what the page shows. A value that does not
parse (an unknown speaker id, a made-up kind) is reported and ignored, never a 500.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from claims.forms import resolve_typed
from claims.models import Citation, Claim, ClaimRelation, Speaker, Topic

ANY = [("", _("Any"))]


class ClaimFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=500)
    speaker = forms.ModelChoiceField(
        Speaker.objects.all(), required=False, widget=forms.HiddenInput
    )
    topic = forms.ModelChoiceField(
        Topic.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("Any"),
        label=_("Topic"),
    )
    kind = forms.ChoiceField(choices=ANY + Claim.Kind.choices, required=False, label=_("Kind"))
    language = forms.CharField(required=False, max_length=35, label=_("Language"))
    verification = forms.ChoiceField(
        label=_("Quote check"), choices=ANY + Citation.Verification.choices, required=False
    )
    made_for = forms.ModelChoiceField(
        Speaker.objects.all(),
        label=_("Made for"),
        required=False,
        widget=forms.HiddenInput,
        help_text=_(
            "A body, with everyone who speaks for it: “China” finds its ministries' "
            "and spokespeople's claims too."
        ),
    )
    has_counter = forms.NullBooleanField(
        label=_("Has counter-claims"),
        required=False,
        widget=forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))]),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without JavaScript the speaker picker sends only the typed name.
        self.data = resolve_typed(self.data, "speaker", Speaker.objects)
        self.data = resolve_typed(self.data, "made_for", Speaker.objects)

    def filter_values(self) -> dict:
        """The valid filters, each as the QuerySet's `filter_by` takes it."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.fields if name in cleaned}

    def filter(self, claims):
        return claims.filter_by(**self.filter_values())


class PairFilterForm(ClaimFilterForm):
    relation_kind = forms.ChoiceField(
        label=_("Relation"), choices=ANY + ClaimRelation.Kind.choices, required=False
    )
