"""The verdict form of a claim."""

from django import forms

from claims.models import Assessment


class AssessmentForm(forms.ModelForm):
    class Meta:
        model = Assessment
        fields = ["rating", "explanation"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 4})}
