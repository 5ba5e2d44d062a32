"""A briefing as its transcript is published: a label, a colon, what was said.

"路透社记者：…中方有何评论？" then "毛宁：中方坚决反对…"; "AFP: … What is your comment?"
then "Lin Jian: China firmly opposes…"; "问：…" then "答：…". The questions are the
reporters', never a statement; each answer is one direct quote of the speaker its label
names ("答" and "A" are whoever answered before). An article is read as a transcript only
when it holds both a question and an answer turn, so that a lone "Editor: …" credit or a
"Catatan: …" is never taken for a speaker.
"""

import re
from dataclasses import dataclass

from assistant.rules.chinese import zh_subject
from assistant.rules.relays import OutletIndex
from assistant.rules.speakers import Names, SpeakerMatch, interpret
from assistant.rules.text import is_cjk, words
from records.text import fold

# A label of a few words before a colon that opens the paragraph.
_LABEL = re.compile(
    r"\s*(?P<label>[^\s：:。.!?？！,，\"“”][^：:\n。.!?？！,，\"“”]{0,28}?)\s*[：:]\s*(?=\S)"
)
_QUESTION_LABELS = frozenset(
    fold(label)
    for label in (
        "问",
        "提问",
        "记者",
        "Q",
        "Question",
        "Reporter",
        "Pertanyaan",
        "Tanya",
        "Вопрос",
    )
)
_ANSWER_LABELS = frozenset(
    fold(label) for label in ("答", "A", "Answer", "Jawab", "Jawaban", "Ответ", "Respuesta")
)
_QUESTION_ENDS = ("记者", "问", " reporter", "wartawan")
_MOST_LABEL_WORDS = 4


@dataclass(frozen=True)
class Turn:
    paragraph: int
    start: int  # where what was said starts, after the colon
    end: int
    label: str
    question: bool


def turns(
    body: str, spans: list[tuple[int, int]], kept: set[int], outlets: OutletIndex
) -> list[Turn]:
    """The turns of a briefing transcript among the kept paragraphs; none when the text
    is not one."""
    found = []
    for number in sorted(kept):
        start, end = spans[number]
        match = _LABEL.match(body, start, end)
        if match is None:
            continue
        label = match["label"].strip()
        if not _reads_as_label(label):
            continue
        said = body[match.end() : end].rstrip()
        folded = fold(label)
        question = (
            folded in _QUESTION_LABELS
            or folded.endswith(_QUESTION_ENDS)
            or outlets.name_of(label) is not None
            or said.endswith(("?", "？"))
        )
        found.append(Turn(number, match.end(), match.end() + len(said), label, question))
    if not any(turn.question for turn in found) or all(turn.question for turn in found):
        return []
    return found


def _reads_as_label(label: str) -> bool:
    if all(is_cjk(char) for char in label):
        return len(label) <= 12
    parts = label.split()
    return 0 < len(parts) <= _MOST_LABEL_WORDS and all(
        part[:1].isupper() or part in ("bin", "de", "van") for part in parts
    )


def answerer(turn: Turn, names: Names, previous: SpeakerMatch | None) -> SpeakerMatch | None:
    """Who speaks an answer turn: the person its label names, through the one speaker
    rule ("发言人毛宁" is 毛宁); "答" or "A" is the one who answered before."""
    if fold(turn.label) in _ANSWER_LABELS:
        return previous or names.last(person=True)
    if all(is_cjk(char) for char in turn.label):
        subject = zh_subject(turn.label, 0, len(turn.label), names)
    else:
        subject = interpret(turn.label, words(turn.label), names, before=True)
    if subject.match is None:
        return previous
    names.learn_full_name(subject.match.name)
    return subject.match
