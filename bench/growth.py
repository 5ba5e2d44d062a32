"""How the work of one request grows with its input: each doubling of the input should cost
at most 2.5 times the time (linear, or n log n, with room for noise), never 4 times.

Three kinds of input a user controls, each at a few sizes, in the app's own code and in
this process (no database, no server): the quote assistant's rules on a long article and
on a text built to be slow for them (a run of "a.", at smaller sizes), the import reading a
file that is no claim-pairs file (a header of very many columns, a line without end), and
a quote anchored in a text built to be slow for it (a long run of "a " holding the quote at
every other character).

    python -m bench.run --only growth
"""

import contextlib
import io
import itertools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from claims.demo import ARTICLE_FILE

# Per doubling of the input; a quadrupling may take 2.5² times, and so on.
ALLOWED_PER_DOUBLING = 2.5
# Each size is run at least three times and for at least a second (quick work is noisy),
# and no more once its runs add up to ten seconds.
RUNS, AT_LEAST_SECONDS, BUDGET_SECONDS = 3, 1.0, 10
SPEAKERS = [
    ("Andrei Belousov", ("Belousov", "Menhan Rusia")),
    ("Zhang Youxia", ("Zhang",)),
    ("Vladimir Putin", ("Putin",)),
    ("Xi Jinping", ("Xi",)),
    ("Russia", ("Rusia",)),
    ("China", ()),
    ("United States", ("AS", "Amerika Serikat")),
]


@dataclass
class Growth:
    what: str
    sizes: list[str]
    seconds: list[float]
    factors: list[float]  # how much larger each size is than the one before

    def ratios(self) -> list[float]:
        return [
            b / a if a else math.inf for a, b in zip(self.seconds, self.seconds[1:], strict=False)
        ]

    def allowed(self) -> list[float]:
        return [ALLOWED_PER_DOUBLING ** math.log2(factor) for factor in self.factors]

    @property
    def met(self) -> bool:
        return all(r <= a for r, a in zip(self.ratios(), self.allowed(), strict=True))


def _timed(work: Callable[[], object]) -> float:
    """The fastest of the runs: the one least disturbed by other work on the machine, which
    is what a ratio between sizes should compare."""
    samples, spent = [], 0.0
    while (len(samples) < RUNS or spent < AT_LEAST_SECONDS) and spent < BUDGET_SECONDS:
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
        spent += samples[-1]
    return min(samples)


def _growth(what: str, inputs: list[tuple[str, float, Callable[[], object]]]) -> Growth:
    labels, seconds, amounts = [], [], []
    for label, amount, work in inputs:
        labels.append(label)
        amounts.append(amount)
        seconds.append(_timed(work))
        print(f"  growth: {what}, {label}: {seconds[-1] * 1000:.1f} ms", flush=True)
    factors = [b / a for a, b in itertools.pairwise(amounts)]
    return Growth(what, labels, seconds, factors)


def article(size: int) -> str:
    """The demo article, repeated as paragraphs to `size` characters."""
    text = ARTICLE_FILE.read_text(encoding="utf-8").strip()
    copies = [text] * (size // len(text) + 1)
    return "\n\n".join(copies)[:size]


def assistant() -> Growth:
    from assistant.rules import KnownSpeaker, suggest

    speakers = [KnownSpeaker(n, name, aliases) for n, (name, aliases) in enumerate(SPEAKERS, 1)]
    inputs = []
    for kb in (30, 60, 120):
        body = article(kb * 1000)
        inputs.append((f"{kb} KB", kb, lambda body=body: suggest(body, speakers=speakers)))
    return _growth("quote assistant, a long article", inputs)


def assistant_stops() -> Growth:
    """A text built to be slow for the sentence splitter: a run of "a." is a full stop at
    every other character, each asking whether it ends an abbreviation."""
    from assistant.rules import suggest

    inputs = []
    for kb in (4, 8, 16):
        body = "a." * (kb * 500)
        inputs.append((f"{kb} KB", kb, lambda body=body: suggest(body)))
    return _growth('quote assistant, a run of "a."', inputs)


def _refused(data: bytes) -> Callable[[], object]:
    from exchange.imports import ImportFileError, read_rows

    def read() -> None:
        try:
            for _ in read_rows(io.BytesIO(data)):
                pass
        except ImportFileError:
            return
        raise AssertionError("the file was not refused")

    return read


def import_header() -> Growth:
    inputs = []
    for columns in (10_000, 40_000):
        header = ",".join(f"column {n % (columns // 2)}" for n in range(columns)) + "\n"
        inputs.append((f"{columns:,} columns", columns, _refused(header.encode())))
    return _growth("import, a header of many columns", inputs)


def import_line() -> Growth:
    inputs = []
    for mb in (12, 25, 50):
        inputs.append((f"{mb} MB", mb, _refused(b"x" * (mb * 2**20))))
    return _growth("import, a line without end", inputs)


def anchoring() -> Growth:
    from claims.anchoring import AmbiguousQuote, anchor_quote

    quote = "a " * 2_000 + "a"

    def anchor(body: str) -> None:
        with contextlib.suppress(AmbiguousQuote):
            anchor_quote(body, quote, prefix="a a ", suffix=" a a")

    inputs = []
    for mb in (0.25, 0.5, 1):
        body = "a " * int(mb * 2**20 / 2)
        inputs.append((f"{mb:g} MB", mb, lambda body=body: anchor(body)))
    return _growth('anchoring a 4 KB quote in a text of "a "', inputs)


def measure() -> list[Growth]:
    return [assistant(), assistant_stops(), import_header(), import_line(), anchoring()]


def _ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:,.0f}".replace(",", " ") if ms >= 100 else f"{ms:.1f}" if ms >= 1 else f"{ms:.3f}"


def table(rows: list[Growth]) -> str:
    header = ["input", "sizes", "milliseconds", "time ratio per step", "allowed", "met"]
    lines = [
        [
            row.what,
            " / ".join(row.sizes),
            " / ".join(_ms(s) for s in row.seconds),
            " / ".join(f"{r:.2f}×" for r in row.ratios()),
            " / ".join(f"≤ {a:.2f}×" for a in row.allowed()),
            "yes" if row.met else "NO",
        ]
        for row in rows
    ]
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    out += [
        "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"
        for cells in lines
    ]
    return "\n".join(out)
