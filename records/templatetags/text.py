"""`clip`: Django's `truncatechars` for text that is usually short enough already.

`truncatechars` measures every string character by character (it must not count
combining accents), which made truncating the 300 snippets of a Pairs page a quarter of
its rendering time. A string no longer than the limit in code points cannot be longer on
screen, so it is returned at once; only longer ones go through Django's Truncator.
"""

from django import template
from django.utils.text import Truncator

register = template.Library()


@register.filter(is_safe=True)
def clip(text: str, length: int) -> str:
    text = str(text)
    return text if len(text) <= length else Truncator(text).chars(length)
