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
# Han characters and kana: written without spaces between words, so each character is
# taken as a word of its own (search indexes them so; word differences compare them so).
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_OR_RUN = re.compile(f"[{CJK}]|[^{CJK}]+")
_CJK_CHAR = re.compile(f"[{CJK}]")

# Words that say no, folded, by language: the quote assistant reads denials with them
# (assistant.rules.lexicon), the speaker page reads contradictions (claims.stance).
NEGATIONS = {
    "en": frozenset(
        ["not", "never", "no", "none", "nothing", "nobody", "neither", "nor", "without"]
    ),
    "id": frozenset(["tidak", "tak", "bukan", "belum", "tiada", "jangan", "tanpa", "enggan"]),
    "es": frozenset(
        ["no", "nunca", "jamas", "ningun", "ninguna", "ninguno", "nada", "tampoco", "ni", "sin"]
    ),
    "fr": frozenset(
        ["ne", "n", "pas", "jamais", "aucun", "aucune", "rien", "personne", "ni", "sans", "non"]
    ),
    "ru": frozenset(["не", "нет", "ни", "никогда", "никакой", "никаких", "ничего", "без"]),
}
# Chinese negations as words: a lone 无 or 不 stands inside words that deny nothing
# (无人机, a drone; 不断, without end).
ZH_NEGATIONS = (
    "不是",
    "并不",
    "不会",
    "不应",
    "不能",
    "不得",
    "不存在",
    "不符合",
    "没有",
    "从未",
    "从来没有",
    "未曾",
    "绝不",
    "决不",
    "毫无",
    "并非",
    "否认",
)


def fold(text: str | None) -> str:
    """Case, accents and spacing aside: "Bélousov ", "BELOUSOV" and "belousov" are one.

    Case is folded before the accents are taken off, so that a capital whose lower case
    decomposes ("İ") loses its mark too; "ё" becomes "е", "ß" becomes "ss"; runs of white
    space become one space.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLDS).casefold())
    if not decomposed.isascii():  # ASCII has no combining marks: most names are quick
        decomposed = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(decomposed.split())


def words(text: str) -> list[re.Match]:
    """The words of `text` where they stand (`WORD`), each Han character or kana a word
    of its own."""
    found = []
    for match in WORD.finditer(text):
        if _CJK_CHAR.search(match.group()):
            # Runs of other letters stay whole ("Su-35" in a Chinese sentence is one word).
            found.extend(CJK_OR_RUN.finditer(text, match.start(), match.end()))
        else:
            found.append(match)
    return found


def primary_language(tag: str) -> str:
    """The language of a BCP 47 tag without its script or region: "zh-Hant-TW" is "zh"."""
    return tag.split("-", 1)[0].casefold()


def without_negations(text: str, language: str) -> tuple[str, bool]:
    """`text` with its words that say no left out (`NEGATIONS`; in English also "-n't"),
    and whether it had any: "China does not supply weapons" is ("China does supply
    weapons", True); "doesn't" goes whole. Languages it has no words for are never negated."""
    language = primary_language(language)
    if language == "zh":
        stripped = text
        for negation in ZH_NEGATIONS:
            stripped = stripped.replace(negation, " ")
        return stripped, stripped != text
    negations = NEGATIONS.get(language, frozenset())
    kept, negated = [], False
    for word in WORD.findall(text):
        folded = fold(word)
        if folded in negations or (language == "en" and folded.endswith("n't")):
            negated = True
        else:
            kept.append(word)
    return " ".join(kept), negated


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
    return shared_trigrams(trigrams(a), trigrams(b))


def shared_trigrams(first: frozenset[str], second: frozenset[str]) -> float:
    """`trigram_similarity` of texts whose trigrams are at hand (comparing many pairs)."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)
