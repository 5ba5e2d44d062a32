"""A text's suggestions, computed once and kept in the database cache.

Suggesting reads a whole text against every known speaker and outlet, which takes long for
a long article; showing the page, accepting and dismissing all need the same suggestions.
They are kept under a key that changes whenever anything they were computed from changes:
the source's text (its id, version and a hash of its body), the speakers and outlets the
rules match names against (how many, the newest, the last change), and the rules' own code.
The cache lives in the database (settings.CACHES), so every app server shares it.
"""

import hashlib
from collections.abc import Callable
from pathlib import Path

from django.core.cache import cache
from django.db.models import Count, Max

import assistant.rules
from claims.models import Speaker
from sources.models import Outlet, Source

# A new release with other rules must not serve the old rules' suggestions.
RULES_DIGEST = hashlib.sha256(
    b"".join(
        path.read_bytes() for path in sorted(Path(assistant.rules.__file__).parent.glob("*.py"))
    )
).hexdigest()


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()


def _names_known() -> str:
    """Changes when a speaker or an outlet is added, edited or deleted."""
    state = [
        model.objects.aggregate(Count("pk"), Max("pk"), Max("updated_at")).values()
        for model in (Speaker, Outlet)
    ]
    return _digest(*(value for values in state for value in values))


def key_for(source: Source) -> str:
    body = hashlib.sha256(source.body.encode()).hexdigest()
    return "assistant:" + _digest(source.pk, source.version, body, _names_known(), RULES_DIGEST)


def cached[T](source: Source, compute: Callable[[], T]) -> T:
    key = key_for(source)
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found)
    return found
