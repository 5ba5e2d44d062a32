"""Issue 12's acceptance in Chromium: a researcher pastes an article in a language other
than the seed's (Chinese; the seed is Indonesian) and turns it into its claims — with
their speakers, a relay and a denial pair — by Accept and one edit, each button clicked
once with the mouse, with no console error and no CSP violation."""

import datetime

import pytest
from playwright.sync_api import expect

from claims.models import Citation, ClaimRelation, Speaker
from sources.models import Outlet, Source
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

ARTICLE = """外交部：美方有关无人机的指责毫无根据

新华社北京5月21日电 美国国务院20日发表声明，指责中国企业向俄罗斯出口无人机零部件。

中国外交部发言人林剑21日在例行记者会上否认了美方的指责，称中方从未向冲突任何一方提供致命性武器。

“中俄之间的正常贸易不针对第三方，也不应受到第三方干扰。”林剑说。

据路透社报道，欧盟委员会一名发言人表示，欧方正在研究美方提供的材料。

相关阅读：中俄贸易额创历史新高"""


def test_a_chinese_article_becomes_its_claims_by_accept_and_one_edit(
    researcher_page, page_errors, live_server
):
    lin = Speaker.objects.create(
        name="Lin Jian", aliases="林剑", description="PRC MFA spokesperson"
    )
    Outlet.objects.create(name="Global Times", kind=Outlet.Kind.NEWSPAPER)
    page = researcher_page
    # Narrow, so that the list stands below the text: a passage marked on focus would be
    # scrolled to, moving the page under the pointer between press and release.
    page.set_viewport_size({"width": 820, "height": 700})
    page.goto(f"{live_server.url}/sources/new/")
    page.get_by_label("Title").fill("外交部：美方有关无人机的指责毫无根据")
    page.get_by_label("Outlet", exact=True).select_option(label="Global Times")
    page.get_by_label("Published").fill("2025-05-21")
    page.get_by_label("Time of day (optional)").fill("09:00")
    page.get_by_label("Language").fill("zh")
    page.get_by_label("Body").fill(ARTICLE)
    page.get_by_role("button", name="Add source").click()
    page.get_by_role("link", name="Suggest claims").click()
    source = Source.objects.get(title__startswith="外交部")
    page.wait_for_url(f"**/sources/{source.pk}/suggestions/")
    heading = page.locator("#suggestions-heading")
    expect(heading).to_have_text("4 open suggestions")
    screenshot(page, "assistant-chinese-1440")

    def suggestion(text):
        return page.locator(".suggestion", has=page.locator("q", has_text=text))

    # Accept three as suggested, one click each, wherever they stand in the list.
    for text, remaining in (
        ("中俄之间的正常贸易", 3),
        ("美国国务院20日", 2),
        ("否认了美方的指责", 1),
    ):
        suggestion(text).get_by_role("button", name="Accept").click()
        expect(heading).to_have_text(
            f"{remaining} open suggestion{'' if remaining == 1 else 's'}", timeout=20_000
        )

    # One edit: the European Commission under the name the newsroom keeps it by.
    last = suggestion("欧方正在研究")
    last.get_by_text("Edit", exact=True).click()
    last.get_by_label("Speaker").fill("European Commission")
    last.get_by_role("button", name="Accept as edited").click()
    expect(heading).to_have_text("0 open suggestions", timeout=20_000)

    citations = {
        c.claim.speaker.name: c
        for c in Citation.objects.filter(source=source).select_related("claim__speaker")
    }
    assert sorted(citations) == ["European Commission", "Lin Jian", "美国国务院"]
    assert Citation.objects.filter(source=source, claim__speaker=lin).count() == 2
    commission = citations["European Commission"]
    # The credit line's agency, nearest first, then the report it cites.
    assert [hop.name for hop in commission.hops.all()] == ["新华社", "路透社"]
    allegation = citations["美国国务院"].claim
    denials = ClaimRelation.objects.filter(claim=allegation, kind=ClaimRelation.Kind.DENIES)
    assert {relation.counter.speaker for relation in denials} == {lin}
    assert citations["美国国务院"].claim.stated_on == datetime.date(2025, 5, 20)
    assert all(c.is_verified for c in Citation.objects.filter(source=source))
    assert page_errors == []
