"""The verdict form of a claim."""

from django import forms

from claims.models import Assessment
from records.forms import VersionedModelForm


class AssessmentForm(VersionedModelForm):
    """The verdict, with the version it was loaded from: none when the claim had no verdict
    yet (so that a first verdict given meanwhile is a conflict too)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = False

    class Meta:
        model = Assessment
        fields = ["rating", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 4})}
