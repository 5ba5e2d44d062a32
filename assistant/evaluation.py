"""Score the assistant against hand-annotated articles (tests/data/assistant/*.json).

An annotation names its body file, the speakers (and outlets) the database would already
hold — or "demo" for the demo dataset's — and the gold statements, each by its exact text
in the body, with its speaker, kind and relays, plus the gold denial pairs.

Matching rule: a suggestion matches a gold statement when their spans overlap by at least
half of the gold span *and* half of the suggested span (so neither a fragment nor a
whole paragraph counts as finding a sentence); each is matched at most once, largest
overlaps first. Speaker attribution counts a matched suggestion whose speaker is the gold
one (an unattributed gold quote wants no speaker). A pair counts when both its statements
are matched and the suggestion of the denial names the suggestion of the claim it denies.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from assistant.rules import KnownSpeaker, Suggestion, suggest
from records.text import fold

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests/data/assistant"


@dataclass
class Gold:
    id: str
    start: int
    end: int
    speaker: str | None
    kind: str
    relays: list[str]


@dataclass
class Article:
    name: str
    body: str
    speakers: list[KnownSpeaker]
    outlets: list[str]
    statements: list[Gold]
    pairs: list[tuple[str, str]]


@dataclass
class Score:
    name: str
    gold: int = 0
    suggested: int = 0
    spans: int = 0  # matched pairs
    speakers: int = 0  # matched with the right speaker
    with_speaker: int = 0
    gold_pairs: int = 0
    suggested_pairs: int = 0
    pairs: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @staticmethod
    def _ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @property
    def span_precision(self) -> float:
        return self._ratio(self.spans, self.suggested)

    @property
    def span_recall(self) -> float:
        return self._ratio(self.spans, self.gold)

    @property
    def speaker_precision(self) -> float:
        return self._ratio(self.speakers, self.suggested)

    @property
    def speaker_recall(self) -> float:
        return self._ratio(self.speakers, self.gold)

    @property
    def pair_precision(self) -> float:
        return self._ratio(self.pairs, self.suggested_pairs)

    @property
    def pair_recall(self) -> float:
        return self._ratio(self.pairs, self.gold_pairs)

    def add(self, other: "Score") -> None:
        for name in (
            "gold",
            "suggested",
            "spans",
            "speakers",
            "with_speaker",
            "gold_pairs",
            "suggested_pairs",
            "pairs",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _demo_speakers() -> tuple[list[KnownSpeaker], list[str]]:
    from claims.demo import OUTLETS, SPEAKERS  # needs Django set up; only for "demo"

    speakers = [
        KnownSpeaker(number, fields["name"], tuple(fields["aliases"].splitlines()))
        for number, fields in enumerate(SPEAKERS.values(), start=1)
    ]
    return speakers, [fields["name"] for fields in OUTLETS.values()]


def load(path: Path) -> Article:
    data = json.loads(path.read_text(encoding="utf-8"))
    body = (ROOT / data["body_file"]).read_text(encoding="utf-8")
    if data["speakers"] == "demo":
        speakers, outlets = _demo_speakers()
    else:
        speakers = [
            KnownSpeaker(number, entry["name"], tuple(entry.get("aliases", ())))
            for number, entry in enumerate(data["speakers"], start=1)
        ]
        outlets = data.get("outlets", [])
    statements = []
    for entry in data["statements"]:
        start = body.find(entry["text"])
        if start == -1 or body.find(entry["text"], start + 1) != -1:
            raise ValueError(f"{path.name}: {entry['id']} must occur exactly once in the body")
        statements.append(
            Gold(
                id=entry["id"],
                start=start,
                end=start + len(entry["text"]),
                speaker=entry["speaker"],
                kind=entry["kind"],
                relays=entry.get("relays", []),
            )
        )
    pairs = [(pair["claim"], pair["counter"]) for pair in data.get("pairs", [])]
    return Article(path.stem, body, speakers, outlets, statements, pairs)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(golds: list[Gold], suggestions: list[Suggestion]) -> dict[int, int]:
    """gold index → suggestion index, by the rule in the module docstring."""
    candidates = []
    for g, gold in enumerate(golds):
        for s, suggestion in enumerate(suggestions):
            shared = _overlap(gold.start, gold.end, suggestion.start, suggestion.end)
            if (
                shared * 2 >= gold.end - gold.start
                and shared * 2 >= suggestion.end - suggestion.start
            ):
                candidates.append((shared, g, s))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, s in sorted(candidates, reverse=True):
        if g not in matched and s not in taken:
            matched[g] = s
            taken.add(s)
    return matched


def score(article: Article) -> tuple[Score, list[Suggestion]]:
    suggestions = suggest(article.body, speakers=article.speakers, outlets=article.outlets)
    result = Score(article.name, gold=len(article.statements), suggested=len(suggestions))
    matched = match(article.statements, suggestions)
    result.spans = len(matched)
    result.with_speaker = sum(1 for s in suggestions if s.speaker is not None)
    for g, gold in enumerate(article.statements):
        if g not in matched:
            result.missed.append(gold.id)
            continue
        found = suggestions[matched[g]].speaker
        if fold(found.name if found else "") == fold(gold.speaker or ""):
            result.speakers += 1
        else:
            result.wrong_speaker.append(f"{gold.id}: {found.name if found else None}")
    taken = set(matched.values())
    result.extra = [s.quote[:60] for n, s in enumerate(suggestions) if n not in taken]

    index = {gold.id: g for g, gold in enumerate(article.statements)}
    suggested_pairs = {
        ((s.start, s.end), denying)
        for denying in suggestions
        for s in _denied(denying, suggestions)
    }
    result.suggested_pairs = len(suggested_pairs)
    result.gold_pairs = len(article.pairs)
    for claim_id, counter_id in article.pairs:
        claim, counter = index[claim_id], index[counter_id]
        if claim in matched and counter in matched:
            target = suggestions[matched[claim]]
            if (target.start, target.end) in suggestions[matched[counter]].denies:
                result.pairs += 1
    return result, suggestions


def _denied(denying: Suggestion, suggestions: list[Suggestion]) -> list[Suggestion]:
    return [s for s in suggestions if (s.start, s.end) in denying.denies]


def evaluate(paths: list[Path] | None = None) -> tuple[list[Score], Score]:
    paths = paths or sorted(ANNOTATIONS.glob("*.json"))
    scores = [score(load(path))[0] for path in paths]
    total = Score("overall")
    for each in scores:
        total.add(each)
    return scores, total


def table(scores: list[Score], total: Score, *, verbose: bool = False) -> str:
    header = (
        f"{'article':<24} {'gold':>4} {'sugg':>4}  {'span P':>6} {'span R':>6}  "
        f"{'spkr P':>6} {'spkr R':>6}  {'pair P':>6} {'pair R':>6}"
    )
    lines = [header, "-" * len(header)]
    for each in [*scores, total]:
        if each is total:
            lines.append("-" * len(header))
        lines.append(
            f"{each.name:<24} {each.gold:>4} {each.suggested:>4}  "
            f"{each.span_precision:>6.2f} {each.span_recall:>6.2f}  "
            f"{each.speaker_precision:>6.2f} {each.speaker_recall:>6.2f}  "
            f"{each.pair_precision:>6.2f} {each.pair_recall:>6.2f}"
        )
        if verbose and each is not total:
            for label, items in (
                ("missed", each.missed),
                ("wrong speaker", each.wrong_speaker),
                ("not in gold", each.extra),
            ):
                lines.extend(f"    {label}: {item}" for item in items)
    return "\n".join(lines)
