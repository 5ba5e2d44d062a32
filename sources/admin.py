from django.contrib import admin
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from records.admin import LargeTableAdmin, VersionedAdmin, external_link
from sources.models import Outlet, Source


@admin.register(Outlet)
class OutletAdmin(VersionedAdmin):
    list_display = ["name", "kind", "country", "homepage_link"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]

    @admin.display(description=_("homepage"), ordering="homepage")
    def homepage_link(self, outlet: Outlet) -> str:
        return external_link(outlet.homepage)


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

    @admin.display(description=_("citations"), ordering="citation_total")
    def citation_count(self, source: Source) -> int:
        return source.citation_total
