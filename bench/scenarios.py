"""What `make bench` measures, each against its anchor in the same run."""

import http.client
import subprocess
import threading
import time
import urllib.parse
from pathlib import Path

from django.db import connection
from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from bench.measure import Load, Row, percentile, timed, wrk

# Five searches a researcher makes: an Indonesian term, an English phrase, a Russian name
# typed without its ё, a Chinese place name, and a speaker's name half typed.
SEARCHES = ["mikroelektronika", "dual-use goods", "соловьев", "台湾", "Belou"]
# What is typed into the speaker picker: first letters, a typo, Cyrillic, a pinyin name.
SPEAKER_LOOKUPS = ["bel", "Belusov", "wang we", "Иванов", "santo"]


def icontains_claims(query: str):
    """The search this replaces: substring matches, no index can serve them."""
    from claims.models import Citation, Claim

    quoted = Citation.objects.filter(quote__icontains=query).values("claim_id")
    return Claim.objects.filter(
        Q(text__icontains=query)
        | Q(translation__icontains=query)
        | Q(speaker__name__icontains=query)
        | Q(speaker__aliases__icontains=query)
        | Q(pk__in=quoted)
    )


def search(*, repeat: int, scan_repeat: int) -> list[Row]:
    """A results page: the first 50 claims and how many match, as the claims list needs."""
    from claims.models import Claim

    def page(claims):
        return list(claims.values_list("pk", flat=True)[:50]), claims.count()

    ours, scans, notes = [], [], []
    for query in SEARCHES:
        samples = timed(lambda q=query: page(Claim.objects.search(q)), repeat)
        ours += samples
        # Seconds a query at full size: measured fewer times, without a warm-up.
        scans += timed(lambda q=query: page(icontains_claims(q)), scan_repeat, warm_up=False)
        notes.append(
            f"“{query}” {Claim.objects.search(query).count()} matches, "
            f"median {_median(samples):.0f} ms"
        )
    ratio = measure_ratio(scans, ours)
    total = Claim.objects.count()
    return [
        Row(
            f"search, results page (top 50 + count), {len(SEARCHES)} queries",
            ours,
            "ms",
            anchor=f"{ratio:.0f}× faster than icontains scan ({_median(scans):.0f} ms)",
            target="≥ 20×",
            note=f"among {total} claims: " + "; ".join(notes),
        ),
        Row(
            "search p95",
            [percentile(ours, 0.95)],
            "ms",
            anchor=f"scan p95 {percentile(scans, 0.95):.0f} ms",
            target="< 50 ms",
        ),
    ]


def bench_session() -> str:
    """A signed-in staff session for the load runs (admin's changelist needs staff)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user, _ = User.objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def get(gunicorn, cookie: str, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", gunicorn.port, timeout=60)
    conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}"})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


def autocomplete(gunicorn, cookie: str, *, repeat: int) -> list[Row]:
    from claims.models import Speaker

    def old(query: str):
        return list(
            Speaker.objects.filter(
                Q(name__icontains=query)
                | Q(aliases__icontains=query)
                | Q(description__icontains=query)
            ).order_by("name", "pk")[:10]
        )

    anchor = []
    for query in SPEAKER_LOOKUPS:
        anchor += timed(lambda q=query: old(q), max(3, repeat // 4))
    try:
        path = reverse("claims:speaker-autocomplete")
    except NoReverseMatch:
        path = None
    samples = []
    if path is None:
        for query in SPEAKER_LOOKUPS:
            samples += timed(lambda q=query: list(Speaker.objects.autocomplete(q)), repeat)
        level = "QuerySet (the autocomplete view is not on this branch)"
    else:
        conn = http.client.HTTPConnection("127.0.0.1", gunicorn.port, timeout=60)
        headers = {"Cookie": f"sessionid={cookie}", "HX-Request": "true"}

        def fetch(query: str) -> None:
            conn.request("GET", f"{path}?q={urllib.parse.quote(query)}", headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"autocomplete answered {response.status}")

        for query in SPEAKER_LOOKUPS:
            samples += timed(lambda q=query: fetch(q), repeat)
        conn.close()
        level = "HTTP, through gunicorn, one connection"
    return [
        Row(
            "speaker autocomplete p95",
            [percentile(samples, 0.95)],
            "ms",
            anchor=f"icontains query p95 {percentile(anchor, 0.95):.0f} ms "
            f"({measure_ratio(anchor, samples, 0.95):.0f}×)",
            target="< 15 ms",
            note=f"{level}; {len(samples)} lookups of {', '.join(SPEAKER_LOOKUPS)}; "
            f"median {_median(samples):.2f} ms",
        )
    ]


def pages(gunicorn, cookie: str, *, seconds: int, runs: int) -> list[Row]:
    targets = page_paths()
    for label, path in targets.items():
        status, _ = get(gunicorn, cookie, path)
        if status != 200:
            raise RuntimeError(f"{label} ({path}) answered {status}, not 200")
    loads: dict[str, list[Load]] = {label: [] for label in targets}
    for path in targets.values():
        # Unmeasured: every worker thread opens its database connection, caches warm up.
        wrk(gunicorn.url(path), cookie=cookie, seconds=1)
        drain(gunicorn, cookie)
    for _ in range(runs):
        for label, path in targets.items():
            loads[label].append(wrk(gunicorn.url(path), cookie=cookie, seconds=seconds))
            drain(gunicorn, cookie)
    hello = _median([load.requests_per_second for load in loads["hello"]])
    admin = _median([load.requests_per_second for load in loads["stock admin changelist"]])
    anchors = ("hello", "stock admin changelist")
    rows = []
    for label, results in loads.items():
        rps = [load.requests_per_second for load in results]
        errors = sum(load.errors for load in results)
        note = f"{errors} non-2xx or timeouts" if errors else ""
        anchor = (
            "anchor"
            if label in anchors
            else f"{ratio(_median(rps), hello, 3)}× hello, {ratio(_median(rps), admin, 1)}× stock admin"
        )
        target = "" if label in anchors else "≥ 0.05× hello, ≥ 15× admin"
        rows.append(Row(f"{label} ({targets[label]}), req/s", rps, "req/s", anchor, target, note))
        rows.append(
            Row(
                f"{label}, p50 / p99 latency",
                [load.p99_ms for load in results],
                "ms",
                f"p50 {_median([load.p50_ms for load in results]):.1f} ms",
                "" if label in anchors else "p99 < 150 ms",
            )
        )
    rows[0].note = f"wrk, 16 connections, {runs} runs of {seconds} s per page; latency rows: p99"
    return rows


def drain(gunicorn, cookie: str) -> None:
    """Wait until the requests wrk left queued are served (a slow page's backlog would
    otherwise eat into the next page's run): until the hello page answers promptly."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = time.perf_counter()
        get(gunicorn, cookie, "/bench/hello/")
        if time.perf_counter() - started < 0.1:
            return


def page_paths() -> dict[str, str]:
    with connection.cursor() as cursor:
        # A claim with three citations (a full relay chain) and relations.
        cursor.execute(
            "SELECT claim_id FROM claims_citation WHERE via_id IS NOT NULL "
            "GROUP BY claim_id HAVING count(*) = 2 ORDER BY claim_id DESC LIMIT 1"
        )
        claim = cursor.fetchone()[0]
        # The source with the most cited quotes: a long article.
        cursor.execute(
            "SELECT source_id FROM claims_citation WHERE source_id <= 100 "
            "GROUP BY source_id ORDER BY count(*) DESC LIMIT 1"
        )
        source = cursor.fetchone()[0]
    return {
        "hello": "/bench/hello/",
        "claims list": reverse("claims:claim-list"),
        "claims list, search": reverse("claims:claim-list") + "?q=mikroelektronika",
        "pairs list": reverse("claims:pair-list"),
        "claim detail": reverse("claims:claim-detail", args=[claim]),
        "source reader": reverse("sources:source-detail", args=[source]),
        "admin changelist": reverse("admin:claims_claimrelation_changelist"),
        "stock admin changelist": reverse("bench-admin:claims_claimrelation_changelist"),
    }


# The anchor: a set-based join returning the file's columns but the chain, with
# each claim's first citation picked by DISTINCT ON (the table names are today's).
ANCHOR_JOIN = """
WITH first AS (
  SELECT DISTINCT ON (c.claim_id) c.claim_id, c.quote, c.verification, s.title, s.url,
         s.published_at, o.name AS outlet
  FROM claims_citation c JOIN sources_source s ON s.id = c.source_id
  JOIN sources_outlet o ON o.id = s.outlet_id
  ORDER BY c.claim_id, s.published_at ASC NULLS LAST, c.id
)
SELECT r.id, r.kind, r.note,
  a.id, a.text, a.translation, a.language, a.kind, a.stated_on, sa.id, sa.name, sa.description,
  fa.title, fa.outlet, fa.url, fa.published_at, fa.quote, fa.verification,
  b.id, b.text, b.translation, b.language, b.kind, b.stated_on, sb.id, sb.name, sb.description,
  fb.title, fb.outlet, fb.url, fb.published_at, fb.quote, fb.verification,
  r.created_at, r.updated_at
FROM claims_claimrelation r
JOIN claims_claim a ON a.id = r.claim_id JOIN claims_speaker sa ON sa.id = a.speaker_id
JOIN claims_claim b ON b.id = r.counter_id JOIN claims_speaker sb ON sb.id = b.speaker_id
LEFT JOIN first fa ON fa.claim_id = a.id
LEFT JOIN first fb ON fb.claim_id = b.id
ORDER BY r.id
"""


def export(gunicorn, cookie: str, dsn: str, *, runs: int) -> list[Row]:
    """Every pair as CSV over HTTP, against `psql \\copy` of the export's own query and of
    the anchor join, taken in turn in the same run."""
    import psycopg

    from claims.models import ClaimRelation
    from exchange.export import ClaimURL, pairs_select_sql

    pairs = ClaimRelation.objects.count()
    select, params = pairs_select_sql(ClaimRelation.objects.all(), ClaimURL(gunicorn.url("")))
    with psycopg.connect(dsn) as conn:
        statement = psycopg.ClientCursor(conn).mogrify(select, params)

    def psql(query: str):
        # \copy reads one line.
        copy = "\\copy (" + " ".join(query.split()) + ") to '/dev/null' with (format csv)"
        return lambda: subprocess.run(["psql", "--no-psqlrc", "-q", dsn, "-c", copy], check=True)

    own, anchor = psql(statement), psql(ANCHOR_JOIN)
    copies, anchors, rates, peaks = [], [], [], []
    for _ in range(runs):  # in turn, so that a passing load falls on all three alike
        copies += [pairs / (ms / 1000) for ms in timed(own, 1, warm_up=False)]
        anchors += [pairs / (ms / 1000) for ms in timed(anchor, 1, warm_up=False)]
        with RSSWatch(gunicorn.worker_pids()) as watch:
            started = time.perf_counter()
            received = download(gunicorn, cookie, reverse("claims:pair-export"))
            elapsed = time.perf_counter() - started
        if received != pairs + 1:
            raise RuntimeError(f"the export had {received} lines for {pairs} pairs")
        rates.append(pairs / elapsed)
        peaks.append(watch.peak_mb)
    copy_rate, anchor_rate = _median(copies), _median(anchors)
    return [
        Row(
            f"pairs CSV export over HTTP ({pairs} pairs) vs the anchor join, rows/s",
            rates,
            "rows/s",
            f"{_median(rates) / anchor_rate:.2f}× psql \\copy of the anchor join "
            f"({anchor_rate:,.0f} rows/s)".replace(",", " "),
            "≥ 0.5× anchor join",
            f"{runs} runs each, in turn; the anchor join is the set-based SELECT of the "
            "file's columns but the chain, DISTINCT ON picking each claim's first citation",
        ),
        Row(
            f"pairs CSV export over HTTP ({pairs} pairs), rows/s",
            rates,
            "rows/s",
            f"{_median(rates) / copy_rate:.2f}× psql \\copy ({copy_rate:,.0f} rows/s)".replace(
                ",", " "
            ),
            "≥ 0.7× COPY",
            f"{runs} runs each; psql \\copy of the export's own SELECT to /dev/null",
        ),
        Row(
            "pairs CSV export, peak RSS of the gunicorn worker",
            peaks,
            "MB",
            "",
            "< 150 MB",
            "VmRSS of both workers sampled every 20 ms during the download",
        ),
    ]


def download(gunicorn, cookie: str, path: str) -> int:
    """Read the whole response, as a client would; return the number of lines."""
    conn = http.client.HTTPConnection("127.0.0.1", gunicorn.port, timeout=300)
    conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}"})
    response = conn.getresponse()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    lines = 0
    while block := response.read(1 << 20):
        lines += block.count(b"\n")
    conn.close()
    return lines


class RSSWatch:
    """The largest resident set of any of `pids` while the block runs."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self._stop.is_set():
            for pid in self.pids:
                self.peak_mb = max(self.peak_mb, rss_mb(pid))
            self._stop.wait(0.02)

    def __enter__(self) -> "RSSWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def ratio(value: float, anchor: float, digits: int) -> str:
    return f"{value / anchor:.{digits}f}" if anchor else "n/a (anchor 0)"


def measure_ratio(anchor: list[float], ours: list[float], fraction: float = 0.5) -> float:
    return percentile(anchor, fraction) / percentile(ours, fraction)


def _median(samples: list[float]) -> float:
    return percentile(samples, 0.5)
