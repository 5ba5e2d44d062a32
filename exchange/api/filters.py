"""Filters of the resources that have no list page of their own (citations, verdicts):
read from the query string like the lists' filters, a bad value ignored."""

from django import forms

from claims.models import Assessment, Claim
from sources.models import Source


class CitationFilterForm(forms.Form):
    claim = forms.ModelChoiceField(Claim.objects.all(), required=False)
    source = forms.ModelChoiceField(Source.objects.all(), required=False)

    def filter(self, citations):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        for name in ("claim", "source"):
            if cleaned.get(name) is not None:
                citations = citations.filter(**{name: cleaned[name]})
        return citations


class AssessmentFilterForm(forms.Form):
    claim = forms.ModelChoiceField(Claim.objects.all(), required=False)
    rating = forms.ChoiceField(choices=[("", "Any"), *Assessment.Rating.choices], required=False)

    def filter(self, assessments):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        if cleaned.get("claim") is not None:
            assessments = assessments.filter(claim=cleaned["claim"])
        if cleaned.get("rating"):
            assessments = assessments.filter(rating=cleaned["rating"])
        return assessments


class SearchFilterForm(forms.Form):
    """The speakers list's one filter: its search box."""

    q = forms.CharField(required=False, max_length=500)

    def filter(self, records):
        self.is_valid()
        return records.search(getattr(self, "cleaned_data", {}).get("q", ""))
