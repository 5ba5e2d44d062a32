"""The accessibility audit: axe-core (npm, tests/browser/vendor, installed by
`make install-dev`) run in the page as it stands.

The page's Content Security Policy forbids inline scripts, so axe is not added as a
<script>: Playwright evaluates its source through the browser's debugging protocol,
which the policy does not govern, and the page's own CSP stays in force for everything
else the test checks.
"""

from functools import cache
from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "node_modules" / "axe-core" / "axe.min.js"
# What must never ship: axe's two highest impacts.
BLOCKING = ("serious", "critical")


@cache
def axe_source() -> str:
    if not AXE.exists():
        raise RuntimeError(
            f"{AXE} is missing: run `make install-dev` (npm ci in tests/browser/vendor)"
        )
    return AXE.read_text(encoding="utf-8")


def violations(page) -> list[str]:
    """The serious and critical violations on the page, one line each: rule, impact, help,
    and the first elements it found."""
    page.evaluate(axe_source())
    found = page.evaluate(
        """async () => {
          const result = await axe.run(document, {resultTypes: ["violations"]});
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
          }));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'])}"
        for v in found
        if v["impact"] in BLOCKING
    ]
