"""Text filters: `clip`, and `language_name` for a language tag.

`clip` is Django's `truncatechars` for text that is usually short enough already.

`truncatechars` measures every string character by character (it must not count
combining accents), which made truncating the 300 snippets of a Pairs page a quarter of
its rendering time. A string no longer than the limit in code points cannot be longer on
screen, so it is returned at once; only longer ones go through Django's Truncator.
"""

from django import template
from django.conf.locale import LANG_INFO
from django.utils.text import Truncator
from django.utils.translation import gettext

from records.text import primary_language

register = template.Library()


@register.filter(is_safe=True)
def clip(text: str, length: int) -> str:
    text = str(text)
    return text if len(text) <= length else Truncator(text).chars(length)


@register.filter
def language_name(tag: str) -> str:
    """A BCP 47 tag with its language's name where Django knows it, in the reader's
    language from Django's own catalogue: "Russian (ru)", "Rusia (ru)"."""
    if not tag:
        return ""
    info = LANG_INFO.get(tag.casefold()) or LANG_INFO.get(primary_language(tag), {})
    if "fallback" in info:
        info = LANG_INFO.get(info["fallback"][0], {})
    name = info.get("name")
    return f"{gettext(name)} ({tag})" if name else tag
