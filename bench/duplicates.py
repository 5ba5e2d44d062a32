"""Possible duplicates at full size: finding them all once (the command a bulk load needs),
the warning a claim form asks for while it is filled in, and the duplicates page."""

import http.client
import random
import time
import urllib.parse

from django.urls import reverse

from bench.measure import Row, percentile, timed

# Claims whose wording the warning is asked about: a sample of the generated ones.
SAMPLE = 40
SEED = 17


def find_all() -> list[Row]:
    from claims.duplicates import find_all
    from claims.models import PossibleDuplicate

    rows = []
    for kind in ("claims", "speakers"):
        started = time.perf_counter()
        found = find_all(kind)
        seconds = time.perf_counter() - started
        stored = PossibleDuplicate.objects.filter(kind=kind).count()
        rows.append(
            Row(
                f"finding every possible duplicate of {kind}",
                [seconds],
                "s",
                note=f"{found} pairs found, {stored} stored (`manage.py findduplicates`)",
            )
        )
    return rows


def _fetch(conn, cookie: str, path: str) -> None:
    conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}", "HX-Request": "true"})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")


def pages(gunicorn, cookie: str, *, repeat: int) -> list[Row]:
    from claims.models import Claim, PossibleDuplicate

    random.seed(SEED)
    top = Claim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    ids = random.sample(range(1, top + 1), min(SAMPLE, top))
    claims = list(
        Claim.objects.filter(pk__in=ids).values(
            "speaker_id", "text", "language", "translation", "stated_on", "made_for_id"
        )
    )
    check = reverse("claims:duplicate-check")
    conn = http.client.HTTPConnection("127.0.0.1", gunicorn.port, timeout=60)

    def warning(claim: dict) -> None:
        query = {key: claim[key] or "" for key in ("text", "language", "translation")}
        query |= {"speaker": claim["speaker_id"], "stated_on": claim["stated_on"] or ""}
        _fetch(conn, cookie, f"{check}?{urllib.parse.urlencode(query)}")

    def voice(claim: dict) -> None:
        # The anchor: the voice's claims read by their index, nothing compared.
        list(Claim.objects.filter(made_for_id=claim["made_for_id"]).values_list("text")[:500])

    warnings, anchor = [], []
    for claim in claims:
        warnings += timed(lambda c=claim: warning(c), max(1, repeat // 10))
        anchor += timed(lambda c=claim: voice(c), max(1, repeat // 10))

    listing = reverse("claims:duplicate-list")
    pairs = PossibleDuplicate.objects.filter(kind="claims").count()
    last = max(1, (pairs + 49) // 50)
    page_paths = [
        f"{listing}?kind=claims",
        f"{listing}?kind=claims&page={last}",
        f"{listing}?kind=speakers",
    ]
    listed = []
    for path in page_paths:
        listed += timed(lambda p=path: _fetch(conn, cookie, p), repeat)
    conn.close()
    return [
        Row(
            "duplicate warning p95 (claim form)",
            [percentile(warnings, 0.95)],
            "ms",
            anchor=f"the voice's claims read by index p95 {percentile(anchor, 0.95):.1f} ms "
            f"({percentile(warnings, 0.95) / max(percentile(anchor, 0.95), 0.001):.1f}× that)",
            target="< 100 ms",
            note=f"HTTP, through gunicorn; the wording of {len(claims)} generated claims",
        ),
        Row(
            "duplicates page p95",
            [percentile(listed, 0.95)],
            "ms",
            target="< 1 000 ms",
            note=f"first and last page of {pairs} claim pairs, and the speakers' first page",
        ),
    ]
