from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from exchange.batches import settle, task_results
from exchange.models import ImportBatch

JOBS_PER_PAGE = 50


@require_GET
@vary_on_headers("HX-Request")
def job_list(request: HttpRequest) -> HttpResponse:
    """Long work, queued, running and done: one's own imports, everyone's for
    administrators. While any on the page is queued or running, the table polls."""
    page = Paginator(ImportBatch.objects.for_jobs(request.user), JOBS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    jobs = [settle(batch) if batch.is_active else batch for batch in page]
    everyone = request.user.is_staff or request.user.is_superuser
    if everyone:
        # Administrators also see each step's task: its state and the workers that ran it.
        tasks = task_results(jobs)
        for job in jobs:
            job.task = tasks.get(job.task_id)
    template = "exchange/job_list.html"
    if request.htmx:
        template += "#job-table"
    return render(
        request,
        template,
        {
            "page": page,
            "jobs": jobs,
            "polling": any(job.is_active for job in jobs),
            "everyone": everyone,
        },
    )
