"""Score the assistant against hand-annotated articles (tests/data/assistant/*.json, whose
README says how they are marked), per language, on the tuning set and the held-out set.

Three ways of matching spans, each reported as precision, recall and F1:
- **exact**: a suggestion and a gold statement cover the same words (white space and
  punctuation at either end aside: a quote with or without its marks and final comma);
- **overlap**, as BBC R&D's Citron reports it: the words (for Chinese, the characters) of
  all suggestions that fall in a gold statement, over all suggested words (precision), and
  over all gold words (recall);
- **statement**: a suggestion matches a gold statement when they overlap by at least half
  of each (so neither a fragment nor a whole paragraph counts as finding a sentence),
  largest overlaps first, each at most once. Speaker, relay and pair figures are over
  statements matched this way, and so are the targets (recall and precision >= 0.8).

Speaker accuracy: matched statements whose speaker is the gold one (names compared folded;
an unattributed gold statement wants no speaker). Relay accuracy: matched statements whose
relays are the gold ones, in order. A pair counts when both its statements are matched and
the suggestion of the counter names the suggestion of the claim it denies.
"""

import datetime
import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.rules import KnownSpeaker, Suggestion, suggest
from records.text import WORD, fold

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests/data/assistant"
SPLITS = ("tuning", "heldout")
LANGUAGES = ("id", "en", "es", "zh", "ru", "fr")
TIMED_WORDS = 20_000
_TRIM = " \t\n\"'“”‘’«»„‚‹›「」『』.,;:!?…—–-。，；：！？、"


@dataclass
class Gold:
    id: str
    start: int
    end: int
    speaker: str | None
    kind: str
    relays: list[str]
    speaker_also: list[str] = field(default_factory=list)

    @property
    def speaker_names(self) -> set[str]:
        return {fold(name) for name in [self.speaker or "", *self.speaker_also]}


@dataclass
class Article:
    name: str
    language: str
    split: str
    body: str
    speakers: list[KnownSpeaker]
    outlets: list[str]
    publisher: str | None
    published: datetime.date | None
    statements: list[Gold]
    pairs: list[tuple[str, str]]

    def suggestions(self) -> list[Suggestion]:
        return suggest(
            self.body,
            speakers=self.speakers,
            outlets=self.outlets,
            publisher=self.publisher,
            published=self.published,
        )


@dataclass
class Score:
    name: str
    articles: int = 0
    gold: int = 0
    suggested: int = 0
    exact: int = 0
    matched: int = 0
    gold_tokens: int = 0
    suggested_tokens: int = 0
    shared_tokens: int = 0
    speakers: int = 0
    relays: int = 0
    gold_pairs: int = 0
    suggested_pairs: int = 0
    pairs: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_speaker: list[str] = field(default_factory=list)
    wrong_relays: list[str] = field(default_factory=list)
    missed_pairs: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    _COUNTS = (
        "articles",
        "gold",
        "suggested",
        "exact",
        "matched",
        "gold_tokens",
        "suggested_tokens",
        "shared_tokens",
        "speakers",
        "relays",
        "gold_pairs",
        "suggested_pairs",
        "pairs",
    )

    @staticmethod
    def ratio(part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    @staticmethod
    def f1(precision: float, recall: float) -> float:
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def precision(self) -> float:
        return self.ratio(self.matched, self.suggested)

    @property
    def recall(self) -> float:
        return self.ratio(self.matched, self.gold)

    @property
    def exact_precision(self) -> float:
        return self.ratio(self.exact, self.suggested)

    @property
    def exact_recall(self) -> float:
        return self.ratio(self.exact, self.gold)

    @property
    def overlap_precision(self) -> float:
        return self.ratio(self.shared_tokens, self.suggested_tokens)

    @property
    def overlap_recall(self) -> float:
        return self.ratio(self.shared_tokens, self.gold_tokens)

    @property
    def speaker_accuracy(self) -> float:
        return self.ratio(self.speakers, self.matched)

    @property
    def relay_accuracy(self) -> float:
        return self.ratio(self.relays, self.matched)

    @property
    def pair_recall(self) -> float:
        return self.ratio(self.pairs, self.gold_pairs)

    @property
    def pair_precision(self) -> float:
        return self.ratio(self.pairs, self.suggested_pairs)

    def add(self, other: "Score") -> None:
        for name in self._COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _demo_speakers() -> tuple[list[KnownSpeaker], list[str]]:
    from claims.demo import OUTLETS, SPEAKERS  # needs Django set up; only for "demo"

    speakers = [
        KnownSpeaker(number, fields["name"], tuple(fields["aliases"].splitlines()))
        for number, fields in enumerate(SPEAKERS.values(), start=1)
    ]
    return speakers, [fields["name"] for fields in OUTLETS.values()]


def _place(body: str, text: str, occurrence: int, where: str) -> int:
    """Where the `occurrence`-th copy of `text` starts; an annotation that does not say
    which copy it means must name words that stand once."""
    start = -1
    for _ in range(occurrence):
        start = body.find(text, start + 1)
        if start == -1:
            raise ValueError(f"{where}: not found {occurrence} time(s) in the body")
    if occurrence == 1 and body.find(text, start + 1) != -1:
        raise ValueError(f"{where}: stands more than once; say which with occurrence")
    return start


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
        where = f"{path.name}: {entry['id']}"
        start = _place(body, entry["text"], entry.get("occurrence", 1), where)
        statements.append(
            Gold(
                id=entry["id"],
                start=start,
                end=start + len(entry["text"]),
                speaker=entry["speaker"],
                kind=entry["kind"],
                relays=entry.get("relays", []),
                speaker_also=entry.get("speaker_also", []),
            )
        )
    pairs = [(pair["claim"], pair["counter"]) for pair in data.get("pairs", [])]
    published = datetime.date.fromisoformat(data["date"]) if data.get("date") else None
    return Article(
        name=path.stem,
        language=data["language"],
        split=data.get("split", "tuning"),
        body=body,
        speakers=speakers,
        outlets=outlets,
        publisher=data.get("publisher"),
        published=published,
        statements=statements,
        pairs=pairs,
    )


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(golds: list[Gold], suggestions: list[Suggestion]) -> dict[int, int]:
    """gold index → suggestion index, by the statement rule in the module docstring."""
    candidates = []
    for g, gold in enumerate(golds):
        for s, suggestion in enumerate(suggestions):
            shared = _overlap(gold.start, gold.end, suggestion.start, suggestion.end)
            if (
                shared
                and shared * 2 >= gold.end - gold.start
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


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start] in _TRIM:
        start += 1
    while end > start and body[end - 1] in _TRIM:
        end -= 1
    return start, end


def _tokens(body: str, spans: list[tuple[int, int]]) -> set[int]:
    """The words of these spans, by where each starts; a Chinese character is a word."""
    found = set()
    for start, end in spans:
        for word in WORD.finditer(body, start, end):
            text = word.group()
            if any("\u3400" <= char <= "\u9fff" for char in text):
                found.update(word.start() + n for n in range(len(text)))
            else:
                found.add(word.start())
    return found


def score(article: Article) -> tuple[Score, list[Suggestion]]:
    suggestions = article.suggestions()
    body = article.body
    result = Score(
        article.name, articles=1, gold=len(article.statements), suggested=len(suggestions)
    )
    gold_spans = {_trimmed(body, g.start, g.end) for g in article.statements}
    result.exact = sum(1 for s in suggestions if _trimmed(body, s.start, s.end) in gold_spans)
    gold_tokens = _tokens(body, [(g.start, g.end) for g in article.statements])
    suggested_tokens = _tokens(body, [(s.start, s.end) for s in suggestions])
    result.gold_tokens, result.suggested_tokens = len(gold_tokens), len(suggested_tokens)
    result.shared_tokens = len(gold_tokens & suggested_tokens)

    matched = match(article.statements, suggestions)
    result.matched = len(matched)
    for g, gold in enumerate(article.statements):
        if g not in matched:
            result.missed.append(f"{gold.id}: {body[gold.start : gold.end][:70]}")
            continue
        found = suggestions[matched[g]]
        name = found.speaker.name if found.speaker else ""
        if fold(name) in gold.speaker_names:
            result.speakers += 1
        else:
            result.wrong_speaker.append(f"{gold.id}: {name or None} (gold {gold.speaker})")
        if [fold(r) for r in found.relays] == [fold(r) for r in gold.relays]:
            result.relays += 1
        else:
            result.wrong_relays.append(f"{gold.id}: {list(found.relays)} (gold {gold.relays})")
    taken = set(matched.values())
    result.extra = [s.quote[:70] for n, s in enumerate(suggestions) if n not in taken]

    index = {gold.id: g for g, gold in enumerate(article.statements)}
    result.suggested_pairs = sum(len(s.denies) for s in suggestions)
    result.gold_pairs = len(article.pairs)
    for claim_id, counter_id in article.pairs:
        claim, counter = index[claim_id], index[counter_id]
        if claim in matched and counter in matched:
            target = suggestions[matched[claim]]
            if (target.start, target.end) in suggestions[matched[counter]].denies:
                result.pairs += 1
                continue
        result.missed_pairs.append(f"{counter_id} denies {claim_id}")
    return result, suggestions


def articles(paths: list[Path] | None = None) -> list[Article]:
    return [load(path) for path in paths or sorted(ANNOTATIONS.glob("*.json"))]


@dataclass
class Report:
    articles: list[Score]
    # (split, language) → the sum over that split's articles in that language; language
    # "all" for the split's total.
    totals: dict[tuple[str, str], Score]
    seconds: float  # the median time to analyse a TIMED_WORDS article
    words: int


def _long_article(loaded: list[Article]) -> tuple[str, list[KnownSpeaker], list[str]]:
    """A TIMED_WORDS-word article made of the annotated bodies, over and over."""
    parts, count = [], 0
    while count < TIMED_WORDS:
        for article in loaded:
            parts.append(article.body)
            count += len(WORD.findall(article.body))
            if count >= TIMED_WORDS:
                break
    speakers = {speaker.name: speaker for article in loaded for speaker in article.speakers}
    outlets = sorted({outlet for article in loaded for outlet in article.outlets})
    return "\n\n".join(parts), list(speakers.values()), outlets


def timed(loaded: list[Article], runs: int = 3) -> tuple[float, int]:
    body, speakers, outlets = _long_article(loaded)
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        suggest(body, speakers=speakers, outlets=outlets)
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds), len(WORD.findall(body))


def evaluate(paths: list[Path] | None = None, *, timing: bool = True) -> Report:
    loaded = articles(paths)
    scores, totals = [], {}
    for article in loaded:
        each, _ = score(article)
        scores.append(each)
        for language in (article.language, "all"):
            key = (article.split, language)
            totals.setdefault(key, Score(f"{article.split} {language}")).add(each)
    seconds, words = timed(loaded) if timing else (0.0, 0)
    return Report(scores, totals, seconds, words)


def _row(label: str, each: Score) -> str:
    exact = (each.exact_precision, each.exact_recall)
    overlap = (each.overlap_precision, each.overlap_recall)
    statement = (each.precision, each.recall)
    cells = [
        f"{label:<10}",
        f"{each.articles:>3} {each.gold:>4} {each.suggested:>4}",
        *(f"{p:.2f} {r:.2f} {Score.f1(p, r):.2f}" for p, r in (exact, overlap, statement)),
        f"{each.speaker_accuracy:>5.2f} {each.relay_accuracy:>5.2f}",
        f"{each.pair_recall:>4.2f} ({each.pairs}/{each.gold_pairs})",
    ]
    return "  ".join(cells)


HEADER = (
    f"{'':<10}  art gold sugg  {'exact P R F1':<14}  {'overlap P R F1':<14}  "
    f"{'statement P R F1':<16}  {'spkr':>5} {'relay':>5}  pair R"
)


def table(report: Report, *, verbose: bool = False) -> str:
    lines = []
    for split in SPLITS:
        lines += ["", f"{split} set", HEADER, "-" * len(HEADER)]
        for language in (*LANGUAGES, "all"):
            if (split, language) in report.totals:
                if language == "all":
                    lines.append("-" * len(HEADER))
                lines.append(_row(language, report.totals[split, language]))
    if report.words:
        lines += ["", f"{report.words} words analysed in {report.seconds:.3f} s (median of 3)"]
    if verbose:
        for each in report.articles:
            lines += ["", _row(each.name[:10], each) + f"  {each.name}"]
            for label, items in (
                ("missed", each.missed),
                ("wrong speaker", each.wrong_speaker),
                ("wrong relays", each.wrong_relays),
                ("missed pair", each.missed_pairs),
                ("not in gold", each.extra),
            ):
                lines.extend(f"    {label}: {item}" for item in items)
    return "\n".join(lines)
