from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.admin import ClaimRelationAdmin
from claims.models import ClaimRelation
from exchange.export import pairs_filename, stream_pairs_csv
from exchange.models import ImportMapping
from exchange.views.exports import base_url, csv_response

# The claims app knows nothing of the exchange; the exchange adds its export to the pairs.
admin.site.unregister(ClaimRelation)


@admin.register(ClaimRelation)
class ExportableClaimRelationAdmin(ClaimRelationAdmin):
    actions = ["export_csv"]

    @admin.action(description=_("Export selected pairs as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        chunks = stream_pairs_csv(queryset, base_url=base_url(request))
        return csv_response(chunks, pairs_filename(timezone.localdate()))


@admin.register(ImportMapping)
class ImportMappingAdmin(admin.ModelAdmin):
    """The saved column mappings for CSVs of claims, to rename, correct or delete."""

    list_display = ["name", "created_by", "updated_at"]
    search_fields = ["name"]
    readonly_fields = ["created_by", "updated_at"]
