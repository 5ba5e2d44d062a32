"""How text is folded for comparison, in one place: search, the import's matching, the
quote assistant and its review all compare names and words through `fold`.

Pure Python (no Django), so that the assistant's rules can use it.
"""

import functools
import re
import unicodedata

# Typographic apostrophes and hyphens as a keyboard types them ("don’t" is "don't"), and
# the Latin letters whose marks Unicode does not decompose ("Łódź" is "lodz").
_FOLDS = str.maketrans(
    {
        **dict.fromkeys("’‘ʼ", "'"),
        **dict.fromkeys("‐‑‒", "-"),
        **dict.fromkeys("łŁ", "l"),
        **dict.fromkeys("øØ", "o"),
        **dict.fromkeys("đĐ", "d"),
        "ħ": "h",
        "Ħ": "h",
        "ı": "i",
    }
)
# A word: letters and digits, with inner hyphens or apostrophes ("isu-isu", "don't").
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def fold(text: str | None) -> str:
    """Case, accents and spacing aside: "Bélousov ", "BELOUSOV" and "belousov" are one.

    Case is folded before the accents are taken off, so that a capital whose lower case
    decomposes ("İ") loses its mark too; "ё" becomes "е", "ß" becomes "ss"; runs of white
    space become one space.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDS).casefold())
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.split())


@functools.lru_cache(maxsize=4096)
def trigrams(text: str) -> frozenset[str]:
    """The trigrams of `text` as PostgreSQL's pg_trgm takes them: each word of letters and
    digits, folded, padded with two spaces before and one after. Kept for the texts
    compared most recently: finding duplicates compares each text with many others."""
    grams = set()
    for word in re.findall(r"[^\W_]+", fold(text)):
        padded = f"  {word} "
        grams.update(padded[n : n + 3] for n in range(len(padded) - 2))
    return frozenset(grams)


def trigram_similarity(a: str, b: str) -> float:
    """pg_trgm's `similarity()`, in Python for SQLite: the share of trigrams the two have in
    common (0 to 1)."""
    first, second = trigrams(a), trigrams(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
