"""Timing, load and the result table."""

import re
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Row:
    figure: str
    samples: list[float]
    unit: str
    anchor: str = ""
    target: str = ""
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(function: Callable[[], object], repeat: int, *, warm_up: bool = True) -> list[float]:
    """Milliseconds for each of `repeat` calls, after one unmeasured warm-up call."""
    if warm_up:
        function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


@dataclass
class Load:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int


def wrk(url: str, *, cookie: str, seconds: int, connections: int = 16) -> Load:
    """One `wrk` run against `url` (loopback), with the session cookie."""
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(connections),
            "--duration",
            f"{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            "--header",
            f"Cookie: sessionid={cookie}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: .*?timeout (\d+)"):
        if found := re.search(pattern, output):
            errors += int(found.group(1))
    return Load(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_wrk_ms(re.search(r"\s50%\s+([\d.]+\w+)", output).group(1)),
        p99_ms=_wrk_ms(re.search(r"\s99%\s+([\d.]+\w+)", output).group(1)),
        errors=errors,
    )


def _wrk_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    if value >= 100:
        return f"{value:,.0f} {unit}".replace(",", " ")
    return f"{value:.1f} {unit}"


def table(rows: list[Row]) -> str:
    header = ["figure", "median", "min", "max", "ratio to anchor (same run)", "target"]
    lines = [
        [
            row.figure,
            fmt(row.median, row.unit),
            fmt(min(row.samples), row.unit),
            fmt(max(row.samples), row.unit),
            row.anchor,
            row.target,
        ]
        for row in rows
    ]
    widths = [max(len(str(cells[i])) for cells in [header, *lines]) for i in range(len(header))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for cells in lines:
        out.append(
            "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"
        )
    notes = [f"- {row.figure}: {row.note}" for row in rows if row.note]
    return "\n".join(out + (["", *notes] if notes else []))
