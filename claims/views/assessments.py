from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from claims.assessments import AssessmentForm
from claims.models import Assessment, Claim
from records.conflicts import render_edit_conflict
from records.models import EditConflict
from records.roles import permission_required


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@permission_required("claims.add_assessment", "claims.change_assessment")
def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    """The verdict form of a claim: GET shows it, POST saves it."""
    claim = get_object_or_404(Claim.objects.select_related("speaker", "assessment"), pk=pk)
    current = getattr(claim, "assessment", None)
    form = AssessmentForm(request.POST or None, instance=current)
    context = {"claim": claim, "form": form, "editing": True}
    template = "claims/includes/assessment.html" if request.htmx else "claims/assessment_form.html"
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        try:
            claim.assessment = Assessment.record(
                claim=claim,
                rating=form.cleaned_data["rating"],
                explanation=form.cleaned_data["explanation"],
                by=request.user,
                expected_version=version,
                first=version is None,
            )
        except EditConflict as conflict:
            return render_edit_conflict(request, template, context, conflict)
        if not request.htmx:
            return redirect(claim.assessment)
        return render(request, "claims/includes/assessment.html", {"claim": claim})
    return render(request, template, context)
