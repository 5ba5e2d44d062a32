"""Who may change what. Readers see and export; Researchers also create, edit and delete.

Checks live in the views (a partial skips its page, so a template check alone would not do).
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

READ_ONLY_MESSAGE = gettext_lazy(
    "You can read and export, but not change records: only Researchers can. "
    "Ask an administrator to add you to the Researchers group."
)


def permission_required(*perms: str) -> Callable:
    """Refuse with a 403 page that says why, instead of a login loop or a silent no-op."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.has_perms(perms):
                raise PermissionDenied(READ_ONLY_MESSAGE)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
