from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from exchange.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Issue a token: choose the user and say what it is for; the key is shown once, on
    the page that follows. Revoke one with the action."""

    list_display = ["name", "user", "key_start", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__username"]
    readonly_fields = ["key_start", "created_by", "created_at", "last_used_at", "revoked_at"]
    autocomplete_fields = ["user"]
    actions = ["revoke"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a token is issued or revoked, never edited

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            key = obj.set_key()
            obj.created_by = request.user
            super().save_model(request, obj, form, change)
            messages.warning(
                request,
                f"The token for {obj.user.get_username()} is {key} — copy it now: it is not "
                "kept and will not be shown again.",
            )

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset) -> None:
        for token in queryset.filter(revoked_at__isnull=True):
            token.revoke()
        messages.success(request, _("Revoked."))
