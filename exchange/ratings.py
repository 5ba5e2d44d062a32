"""Other fact-checkers' verdicts as ours: a rating's words ("Pants on Fire", "Salah",
"Engañoso") or its place on a numeric scale, read as one of `Assessment.Rating`.

The numeric reading is the inverse of the scale our ClaimReview writes
(`Assessment.RATING_VALUES`, 1 worst to 5 best): another scale is stretched onto it first.
"""

from claims.models import Assessment
from exchange.imports import _choice
from records.text import fold

Rating = Assessment.Rating


def _key(label: str) -> str:
    return fold(label.replace("-", " ").replace("_", " ")).strip(" .!")


# Textual ratings as fact-checkers publish them, folded (case and accents ignored), in the
# languages the app is used in most. Our own labels and values are read by `_choice` first.
LABELS: dict[str, str] = {}
for rating, words in {
    Rating.ACCURATE: [
        "true",
        "correct",
        "accurate",
        "fact",
        "verified",
        "benar",
        "fakta",
        "akurat",
        "verdadero",
        "cierto",
        "verdad",
        "correcto",
        "verdadeiro",
        "vrai",
        "richtig",
        "wahr",
    ],
    Rating.MOSTLY_ACCURATE: [
        "mostly true",
        "mostly correct",
        "mostly accurate",
        "largely accurate",
        "sebagian besar benar",
        "mayormente verdadero",
        "mayormente cierto",
        "casi verdadero",
        "en gran parte cierto",
        "plutot vrai",
    ],
    Rating.MIXED: [
        "half true",
        "half-true",
        "mixture",
        "mixed",
        "partly true",
        "partly false",
        "partially true",
        "partially false",
        "half truth",
        "sebagian benar",
        "sebagian salah",
        "campuran",
        "verdad a medias",
        "verdadero a medias",
        "parcialmente verdadero",
        "parcialmente falso",
        "medio verdadero",
        "en parte cierto",
        "meia verdade",
        "partiellement vrai",
        "teilweise richtig",
        "teilweise falsch",
    ],
    Rating.MISLEADING: [
        "misleading",
        "mostly false",
        "missing context",
        "needs context",
        "cherry picks",
        "exaggerated",
        "distorts the facts",
        "out of context",
        "spins the facts",
        "menyesatkan",
        "konten yang menyesatkan",
        "sebagian besar salah",
        "misinformasi",
        "enganoso",
        "enganosa",
        "mayormente falso",
        "impreciso",
        "exagerado",
        "sacado de contexto",
        "fuera de contexto",
        "trompeur",
        "irrefuhrend",
    ],
    Rating.FALSE: [
        "false",
        "pants on fire",
        "pants-fire",
        "incorrect",
        "wrong",
        "fake",
        "fabricated",
        "hoax",
        "four pinocchios",
        "salah",
        "keliru",
        "hoaks",
        "bohong",
        "disinformasi",
        "konten palsu",
        "falso",
        "falsa",
        "bulo",
        "mentira",
        "incorrecto",
        "faux",
        "falsch",
    ],
    Rating.UNSUPPORTED: [
        "unsupported",
        "unproven",
        "no evidence",
        "lacks evidence",
        "baseless",
        "tidak terbukti",
        "tanpa bukti",
        "sin evidencia",
        "sin pruebas",
        "no probado",
        "infundado",
        "sans preuve",
    ],
    Rating.UNVERIFIABLE: [
        "unverifiable",
        "unverified",
        "cannot be verified",
        "research in progress",
        "tidak dapat diverifikasi",
        "belum terverifikasi",
        "inverificable",
        "no verificable",
        "no se puede verificar",
        "invérifiable",
    ],
}.items():
    for word in words:
        LABELS.setdefault(_key(word), rating)


def rating_for(
    label: str = "",
    value: float | None = None,
    *,
    best: float | None = None,
    worst: float | None = None,
) -> str | None:
    """The verdict a rating gives: by its words first (what the fact-checker wrote), else by
    its value on its scale (schema.org's default scale is 1 to 5); None if neither says."""
    label = " ".join(label.split())
    if label:
        if known := _choice(label, Rating):
            return known
        if _key(label) in LABELS:
            return LABELS[_key(label)]
        # "False. The photo is from 2019": the verdict, then why.
        head = _key(label.split(".")[0].split(":")[0].split(",")[0])
        if head in LABELS:
            return LABELS[head]
    if value is None:
        return None
    best = Assessment.BEST_RATING if best is None else best
    worst = Assessment.WORST_RATING if worst is None else worst
    if best == worst or not min(best, worst) <= value <= max(best, worst):
        return None
    span = Assessment.BEST_RATING - Assessment.WORST_RATING
    ours = round(Assessment.WORST_RATING + (value - worst) * span / (best - worst))
    # The first verdict in the scale's order with that value: 2 is "misleading", whose
    # value "unsupported" shares.
    for rating, rating_value in Assessment.RATING_VALUES.items():
        if rating_value == ours:
            return rating
    return None


def understood() -> str:
    """What `rating_for` reads, for a message."""
    return ", ".join(str(label) for label in Rating.labels)
