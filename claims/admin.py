from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from claims.models import (
    Assessment,
    Citation,
    Claim,
    ClaimRelation,
    DismissedContradiction,
    Hop,
    Publisher,
    Role,
    Speaker,
    Topic,
)
from records.admin import LargeTableAdmin, VersionedAdmin, VersionedInlineMixin
from sources.admin import SourceAdmin
from sources.models import Source


class CitationInline(VersionedInlineMixin, admin.StackedInline):
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


class HopInline(VersionedInlineMixin, admin.TabularInline):
    model = Hop
    extra = 0
    autocomplete_fields = ["outlet", "source"]
    fields = ["position", "kind", "name", "outlet", "source", "date", "quote", "language"]


class RoleInline(VersionedInlineMixin, admin.TabularInline):
    model = Role
    fk_name = "speaker"
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["title", "organisation", "speaks_for", "start", "end"]


class RelationAsClaimInline(VersionedInlineMixin, admin.TabularInline):
    model = ClaimRelation
    fk_name = "claim"
    extra = 0
    autocomplete_fields = ["counter"]
    fields = ["kind", "counter", "note"]
    verbose_name = "answered by"
    verbose_name_plural = "Answered by (this claim is the one disputed, denied…)"


class RelationAsCounterInline(VersionedInlineMixin, admin.TabularInline):
    model = ClaimRelation
    fk_name = "counter"
    extra = 0
    autocomplete_fields = ["claim"]
    fields = ["kind", "claim", "note"]
    verbose_name = "answers"
    verbose_name_plural = "Answers (this claim denies, disputes… another)"


class AssessmentInline(VersionedInlineMixin, admin.StackedInline):
    model = Assessment
    extra = 0
    fields = ["rating", "explanation", "assessed_by", "assessed_at"]
    autocomplete_fields = ["assessed_by"]


@admin.register(Topic)
class TopicAdmin(VersionedAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Speaker)
class SpeakerAdmin(LargeTableAdmin):
    list_display = ["name", "description", "kind", "country", "wikidata_id"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "aliases", "description"]
    readonly_fields = ["created_at", "updated_at", "version"]
    inlines = [RoleInline]


@admin.register(Role)
class RoleAdmin(VersionedAdmin):
    list_display = ["speaker", "title", "organisation", "speaks_for", "start", "end"]
    list_filter = ["speaks_for"]
    list_select_related = ["speaker", "organisation"]
    search_fields = ["title", "speaker__name", "organisation__name"]
    autocomplete_fields = ["speaker", "organisation"]


@admin.register(Hop)
class HopAdmin(VersionedAdmin):
    list_display = ["name", "kind", "position", "citation", "date", "language"]
    list_filter = ["kind"]
    list_select_related = ["citation__source__outlet", "outlet"]
    search_fields = ["name"]
    autocomplete_fields = ["citation", "outlet", "source"]


class LanguageFilter(admin.SimpleListFilter):
    """The languages claims are written in, read off the language index (admin's own
    filter for a field runs SELECT DISTINCT over every claim: 100 ms at 500 000)."""

    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, code) for code in Claim.objects.languages()]

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset


@admin.register(Claim)
class ClaimAdmin(LargeTableAdmin):
    list_display = ["__str__", "speaker", "kind", "language", "stated_on", "status", "created_at"]
    # A date filter, not a date hierarchy: the hierarchy reads every claim's date on
    # every changelist view (SELECT DISTINCT date_trunc(…), 400 ms at 500 000 claims).
    list_filter = [
        "status",
        "kind",
        LanguageFilter,
        ("stated_on", admin.DateFieldListFilter),
        "topics",
        "citations__verification",
    ]
    list_select_related = ["speaker"]
    search_fields = ["text", "translation", "speaker__name", "speaker__aliases"]
    autocomplete_fields = ["speaker", "topics", "joint_speakers", "pinned_citation"]
    # The status moves on the claim page, where the table of moves and the roles apply.
    readonly_fields = ["status", "created_at", "updated_at", "version"]
    inlines = [CitationInline, RelationAsClaimInline, RelationAsCounterInline, AssessmentInline]


@admin.register(Citation)
class CitationAdmin(LargeTableAdmin):
    inlines = [HopInline]
    list_display = ["claim", "source", "verification", "chain"]
    list_filter = ["verification", "source__outlet"]
    list_select_related = ["claim__speaker", "source__outlet"]
    search_fields = ["quote", "source__title", "claim__text"]
    autocomplete_fields = ["claim", "source", "via"]
    readonly_fields = ["verification", "anchor_start", "anchor_end", "created_at", "updated_at"]

    @admin.display(description=_("attribution chain"))
    def chain(self, citation: Citation) -> str:
        return citation.attribution_chain  # stored: claims.derived

    def search_filter(self, search_term: str) -> Q:
        # A claim's search vector holds its citations' quotes.
        return Q(claim__in=Claim.objects.search(search_term).values("pk"))


@admin.register(ClaimRelation)
class ClaimRelationAdmin(LargeTableAdmin):
    list_display = ["__str__", "kind", "claim", "counter", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["claim__speaker", "counter__speaker"]
    search_fields = ["claim__text", "counter__text", "note"]
    autocomplete_fields = ["claim", "counter"]

    def search_filter(self, search_term: str) -> Q:
        matching = Claim.objects.search(search_term).values("pk")
        return Q(claim__in=matching) | Q(counter__in=matching)


# Sources know nothing of claims; the claims app adds a source's citations to its page.
admin.site.unregister(Source)


@admin.register(Source)
class SourceWithCitationsAdmin(SourceAdmin):
    inlines = [SourceCitationInline]


@admin.register(Assessment)
class AssessmentAdmin(VersionedAdmin):
    list_display = ["claim", "rating", "assessed_by", "assessed_at"]
    list_filter = ["rating"]
    list_select_related = ["claim__speaker", "assessed_by"]
    search_fields = ["claim__text", "explanation"]
    autocomplete_fields = ["claim", "assessed_by"]
    readonly_fields = ["created_at", "updated_at", "version"]


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    """The one organisation the ClaimReview feed names as the verdicts' author."""

    list_display = ["name", "url"]

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not Publisher.objects.exists()


@admin.register(DismissedContradiction)
class DismissedContradictionAdmin(SimpleHistoryAdmin):
    """Deleting one lets the speaker page suggest the pair again."""

    list_display = ["__str__", "first", "second", "dismissed_by", "dismissed_at"]
    list_select_related = ["first__speaker", "second__speaker", "dismissed_by"]
    autocomplete_fields = ["first", "second", "dismissed_by"]
    readonly_fields = ["dismissed_at"]
