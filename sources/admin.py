from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from sources.models import Outlet, Source


@admin.register(Outlet)
class OutletAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "homepage"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
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
        # Defer the article bodies: a changelist never shows them.
        return (
            super()
            .get_queryset(request)
            .defer("body", "notes")
            .annotate(citation_total=Count("citations"))
        )

    @admin.display(description="citations", ordering="citation_total")
    def citation_count(self, source: Source) -> int:
        return source.citation_total
