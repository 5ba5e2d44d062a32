"""Relay cues: the words that say a statement reached this text through another report
("mengutip Reuters", "citing Reuters", "as reported by", "dikutip dari"), which build a
citation's `via` chain."""

from collections.abc import Iterable

from assistant.rules import lexicon
from assistant.rules.speakers import NameIndex, capitalised_run
from assistant.rules.text import Word


class OutletIndex(NameIndex):
    """Outlets we hold, plus the wire services any newsroom would recognise."""

    def __init__(self, outlet_names: Iterable[str]):
        names = [name for name in outlet_names if name.strip()]
        known = [(name, [name]) for name in names]
        # A wire service we hold no outlet for yet is named as the text writes it ("").
        wires = [("", [wire]) for wire in lexicon.WIRE_SERVICES]
        super().__init__([*known, *wires])

    def outlet_at_start(self, phrase: list[Word], body: str) -> str | None:
        """The outlet that `phrase` starts with (after fillers such as "pernyataan"), as
        we know it or, for a wire service we do not hold yet, as the text writes it."""
        phrase = skip_fillers(phrase)
        found = self.starting_at(phrase, 0)
        if found is None:
            return None
        name, first, last = found
        return name or body[phrase[first].start : phrase[last - 1].end]


def skip_fillers(phrase: list[Word]) -> list[Word]:
    skip = 0
    while skip < len(phrase) - 1 and phrase[skip].folded in lexicon.CUE_FILLERS:
        skip += 1
    return phrase[skip:]


def reported_by_name(phrase: list[Word], body: str, outlets: OutletIndex) -> str | None:
    """After "dikutip dari" / "as reported by" comes a report, known or not."""
    if known := outlets.outlet_at_start(phrase, body):
        return known
    run = capitalised_run(skip_fillers(phrase), from_end=False)
    return body[run[0].start : run[-1].end] if run else None
