from django.contrib import admin
from django.utils import timezone

from claims.export import pairs_filename, stream_pairs_csv
from claims.models import Citation, Claim, ClaimRelation, Speaker, Topic
from claims.views.exports import base_url, csv_response
from sources.admin import SourceAdmin, VersionedAdmin
from sources.models import Source


class CitationInline(admin.StackedInline):
    model = Citation
    fk_name = "claim"
    extra = 0
    autocomplete_fields = ["source", "via"]
    fields = ["source", "quote", "locator", "via", "anchor_prefix", "anchor_suffix", "verification"]
    readonly_fields = ["verification"]


class SourceCitationInline(CitationInline):
    fk_name = "source"
    autocomplete_fields = ["claim", "via"]
    fields = ["claim", "quote", "locator", "via", "anchor_prefix", "anchor_suffix", "verification"]


class RelationAsClaimInline(admin.TabularInline):
    model = ClaimRelation
    fk_name = "claim"
    extra = 0
    autocomplete_fields = ["counter"]
    fields = ["kind", "counter", "note"]
    verbose_name = "answered by"
    verbose_name_plural = "Answered by (this claim is the one disputed, denied…)"


class RelationAsCounterInline(admin.TabularInline):
    model = ClaimRelation
    fk_name = "counter"
    extra = 0
    autocomplete_fields = ["claim"]
    fields = ["kind", "claim", "note"]
    verbose_name = "answers"
    verbose_name_plural = "Answers (this claim denies, disputes… another)"


@admin.register(Topic)
class TopicAdmin(VersionedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Speaker)
class SpeakerAdmin(VersionedAdmin):
    list_display = ["name", "description", "kind", "country", "wikidata_id"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "aliases", "description"]
    readonly_fields = ["created_at", "updated_at", "version"]


@admin.register(Claim)
class ClaimAdmin(VersionedAdmin):
    list_display = ["__str__", "speaker", "kind", "language", "stated_on", "created_at"]
    list_filter = ["kind", "language", "topics", "citations__verification"]
    list_select_related = ["speaker"]
    search_fields = ["text", "translation", "speaker__name", "speaker__aliases"]
    autocomplete_fields = ["speaker", "topics"]
    date_hierarchy = "stated_on"
    readonly_fields = ["created_at", "updated_at", "version"]
    inlines = [CitationInline, RelationAsClaimInline, RelationAsCounterInline]


@admin.register(Citation)
class CitationAdmin(VersionedAdmin):
    list_display = ["claim", "source", "verification", "chain"]
    list_filter = ["verification", "source__outlet"]
    list_select_related = ["claim__speaker", "source__outlet", "via__source__outlet"]
    search_fields = ["quote", "source__title", "claim__text"]
    autocomplete_fields = ["claim", "source", "via"]
    readonly_fields = ["verification", "anchor_start", "anchor_end", "created_at", "updated_at"]

    @admin.display(description="attribution chain")
    def chain(self, citation: Citation) -> str:
        return citation.chain_label()


@admin.register(ClaimRelation)
class ClaimRelationAdmin(VersionedAdmin):
    list_display = ["__str__", "kind", "claim", "counter", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["claim__speaker", "counter__speaker"]
    search_fields = ["claim__text", "counter__text", "note"]
    autocomplete_fields = ["claim", "counter"]
    actions = ["export_csv"]

    @admin.action(description="Export selected pairs as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        chunks = stream_pairs_csv(queryset, base_url=base_url(request))
        return csv_response(chunks, pairs_filename(timezone.localdate()))


# Sources know nothing of claims; the claims app adds a source's citations to its page.
admin.site.unregister(Source)


@admin.register(Source)
class SourceWithCitationsAdmin(SourceAdmin):
    inlines = [SourceCitationInline]
