"""Links to a record's page without a `reverse()` per link.

`reverse()` walks the URL resolver on every call, about 45 µs here: a 50-row pairs page
with six links a row spent 14 ms on them, a third of its time. A record page's address
differs between records only in its key (a primary key, a topic's slug), so each view's
address is reversed once (per script prefix, which a deployment under a sub-path changes)
with a placeholder key, and the key is put in its place.
"""

from collections.abc import Callable
from functools import cache
from urllib.parse import quote

from django.urls import get_script_prefix, reverse

# Digits that cannot occur elsewhere in an address of ours, and that both an `int` and a
# `str` path converter accept.
_PLACEHOLDER = 987_654_321_012_345


@cache
def _around_key(viewname: str, script_prefix: str) -> tuple[str, str]:
    head, _, tail = reverse(viewname, args=[_PLACEHOLDER]).partition(str(_PLACEHOLDER))
    return head, tail


def _key(key: int | str) -> str:
    return str(key) if isinstance(key, int) else quote(key, safe="")


def record_url(viewname: str, key: int | str) -> str:
    """`reverse(viewname, args=[key])` for a view whose only argument is the record's key."""
    return record_urls(viewname)(key)


def record_urls(viewname: str) -> Callable[[int | str], str]:
    """`record_url` for a list of records of one view: the address is looked up once."""
    head, tail = around_key(viewname)
    return lambda key: f"{head}{_key(key)}{tail}"


def around_key(viewname: str) -> tuple[str, str]:
    """The parts of a record page's address before and after its key, for code that puts
    the key between them itself (the CSV export's SQL)."""
    return _around_key(viewname, get_script_prefix())
