"""Which language work done away from its request is written in: the interface language of
whoever asked for it, kept when the work is queued (an import's step, a fetch) or chosen
by a user (their mail), and the site's when none was kept."""

from django.conf import settings
from django.utils import translation


def current() -> str:
    """The language of the request being answered, to keep with work it queues."""
    return translation.get_language() or ""


def written_in(kept: str):
    """A context in which messages are written in `kept`, else in the site's language."""
    return translation.override(kept or settings.LANGUAGE_CODE)
