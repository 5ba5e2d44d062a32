from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from simple_history.admin import SimpleHistoryAdmin

from config.pagination import LargeTablePaginator
from sources.models import Outlet, Source


class LargeTableAdmin(SimpleHistoryAdmin):
    """For tables that grow to hundreds of thousands of rows: no `COUNT(*)` of the whole
    table on every changelist view (an estimate above 10 000 rows instead), and the
    QuerySet's indexed `search()` instead of admin's `icontains` on every search field,
    which scans the table (also what the autocomplete widgets of other admins call)."""

    show_full_result_count = False
    paginator = LargeTablePaginator

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.filter(self.search_filter(search_term)), False

    def search_filter(self, search_term: str) -> Q:
        return Q(pk__in=self.model.objects.search(search_term).values("pk"))


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "homepage"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]


@admin.register(Source)
class SourceAdmin(LargeTableAdmin):
    list_display = ["title", "outlet", "kind", "language", "published_at", "citation_count"]
    list_filter = ["kind", "language", "outlet"]
    list_select_related = ["outlet"]
    search_fields = ["title", "url", "outlet__name"]
    autocomplete_fields = ["outlet"]
    date_hierarchy = "published_at"
    readonly_fields = ["created_at", "updated_at", "version"]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "kind", "language", "published_at"]}),
        ("Where", {"fields": ["url", "archive_url", "retrieved_at"]}),
        ("Text", {"fields": ["body", "notes"]}),
        ("Record", {"fields": ["created_at", "updated_at", "version"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        # Defer the article bodies: a changelist never shows them. Count each source's
        # citations in a subquery, not a GROUP BY over every source and citation: only
        # the rows of the page are counted. (The claims app's Citation is reached through
        # the relation, since sources does not import claims.)
        citations = Source._meta.get_field("citations").related_model
        per_source = (
            citations.objects.filter(source=OuterRef("pk"))
            .order_by()
            .values("source")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return (
            super()
            .get_queryset(request)
            .defer("body", "notes")
            .annotate(citation_total=Coalesce(Subquery(per_source, output_field=IntegerField()), 0))
        )

    def search_filter(self, search_term: str) -> Q:
        return super().search_filter(search_term) | Q(url=search_term.strip())

    @admin.display(description="citations", ordering="citation_total")
    def citation_count(self, source: Source) -> int:
        return source.citation_total
