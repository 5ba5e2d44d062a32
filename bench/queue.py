"""The queue at full size: its four tabs over HTTP, against the claims list the same run."""

import http.client

from django.urls import reverse

from bench.measure import Row, percentile, timed


def pages(gunicorn, cookie: str, *, repeat: int) -> list[Row]:
    conn = http.client.HTTPConnection("127.0.0.1", gunicorn.port, timeout=60)

    def fetch(path: str) -> None:
        conn.request("GET", path, headers={"Cookie": f"sessionid={cookie}"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path} answered {response.status}")

    queue = reverse("claims:queue-list")
    tabs = [f"{queue}?queue={name}" for name in ("mine", "unassigned", "review", "overdue")]
    samples = []
    for path in tabs:
        samples += timed(lambda p=path: fetch(p), repeat)
    anchor = timed(lambda: fetch(reverse("claims:claim-list")), repeat)
    conn.close()
    return [
        Row(
            "queue p95 (its four tabs)",
            [percentile(samples, 0.95)],
            "ms",
            anchor=f"claims list p95 {percentile(anchor, 0.95):.0f} ms "
            f"({percentile(samples, 0.95) / max(percentile(anchor, 0.95), 0.001):.2f}× that)",
            target="< 1 000 ms",
            note=f"HTTP, one connection; {repeat} requests a tab over 500 000 claims, 83 % of them "
            "open and a quarter of those assigned across 20 researchers (bench/generate.py)",
        )
    ]
