"""Which of the assistant's languages a text is in, when the caller does not say: Chinese
and Russian by their scripts, the others by their commonest small words."""

from assistant.rules.lexicon import LANGUAGES
from assistant.rules.text import is_cjk
from records.text import WORD, fold

# Words frequent in one of the Latin-script languages and rare in the others.
_MARKERS = {
    "en": {"the", "and", "of", "said", "to", "in", "that", "was", "is", "on", "with", "for"},
    "id": {"yang", "dan", "di", "itu", "dengan", "ini", "untuk", "tidak", "dari", "kata", "akan"},
    "es": {
        *("el", "los", "las", "que", "del", "por", "una", "dijo", "con", "para", "se", "y"),
        *("pero", "muy", "tambien", "esta", "como", "mas", "sus", "segun", "este"),
    },
    "fr": {
        *("le", "les", "des", "et", "est", "une", "du", "dans", "pour", "qui", "pas", "au"),
        *("tout", "avec", "sur", "mais", "cette", "ont", "ete", "aussi", "selon", "d'un"),
    },
}
_SAMPLE = 4000  # characters: enough to tell, little enough to stay fast


def detect(body: str) -> str:
    sample = body[:_SAMPLE]
    letters = [char for char in sample if char.isalpha()]
    if not letters:
        return "en"
    cjk = sum(1 for char in letters if is_cjk(char))
    cyrillic = sum(1 for char in letters if "\u0400" <= char <= "\u04ff")
    if cjk * 4 >= len(letters):
        return "zh"
    if cyrillic * 2 >= len(letters):
        return "ru"
    counts = dict.fromkeys(_MARKERS, 0)
    previous = ""
    for match in WORD.finditer(sample):
        word = fold(match.group())
        for code, markers in _MARKERS.items():
            lexicon = LANGUAGES[code]
            if word in markers or word in lexicon.weekdays:
                counts[code] += 1
            if (word,) in lexicon.cues or (previous, word) in lexicon.cues:
                counts[code] += 2  # a verb of saying tells a language well
        previous = word
    return max(counts, key=lambda code: counts[code]) if any(counts.values()) else "en"


def resolve(language: str | None, body: str) -> str:
    """The language to read `body` in: the one given if the assistant knows it (a BCP 47
    tag's first part: "zh-Hans" is Chinese), else the one detected."""
    if language:
        code = language.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return detect(body)
