"""The same roles as the pages: anyone signed in reads; a write needs the model permission
the page's view asks for (records.roles: Readers have none, Researchers add, change and
delete, only Editors publish)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import permissions


class RolePermission(permissions.BasePermission):
    """`view.write_permissions` maps an action to the permissions its page requires; a
    read needs only a signed-in user, as every list and detail page does."""

    message = _(
        "You can read, but not change records: only Researchers can. "
        "Ask an administrator to add you to the Researchers group."
    )

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        if request.method in permissions.SAFE_METHODS:
            return True
        needed = view.write_permissions.get(getattr(view, "action", None) or "", None)
        if needed is None:
            needed = view.write_permissions.get(request.method.lower(), ())
        return request.user.has_perms(needed)
