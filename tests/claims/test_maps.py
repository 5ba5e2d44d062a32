"""Dispute maps and speaker timelines: the layout alone, then the pages."""

import io
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from PIL import Image

from claims.dispute_map import PAD, MapClaim, MapRelation, layout, text_width
from claims.models import Claim, Speaker, Topic
from sources.models import Source
from tests.factories import ClaimFactory, ClaimRelationFactory, SpeakerFactory, TopicFactory

SVG = "{http://www.w3.org/2000/svg}"


def claim(pk, speaker_id, text="Something was said."):
    return MapClaim(pk, speaker_id, f"Speaker {speaker_id}", text, f"/claims/{pk}/")


def test_claims_are_grouped_by_speaker_and_relations_join_their_boxes():
    claims = [claim(1, 10), claim(2, 20), claim(3, 10, "A much longer statement " * 20)]
    relations = [MapRelation(1, 2, "denies", "denies"), MapRelation(1, 3, "supports", "supports")]
    wide = layout(claims, relations, columns=2, width=960)
    assert [len(group.nodes) for group in wide.groups] == [2, 1]
    assert wide.groups[0].x != wide.groups[1].x  # two columns
    assert len(wide.edges) == 2
    assert wide.edges[0].colour != wide.edges[1].colour  # warm against cool
    assert len(wide.groups[0].nodes[1].lines) == 4 and wide.groups[0].nodes[1].lines[-1].endswith(
        "…"
    )
    narrow = layout(claims, relations, columns=1, width=420)
    assert {group.x for group in narrow.groups} == {narrow.groups[0].x}
    assert narrow.width == 420 and narrow.height > wide.height


CHINESE = (
    "中国外交部发言人林剑表示，中方从未向冲突任何一方提供致命性武器，严格管控两用物项出口。" * 2
)


def test_chinese_wraps_by_character_and_no_line_leaves_its_box():
    claims = [claim(1, 10, CHINESE), claim(2, 20, "Washington says China supplies Russia. " * 3)]
    for columns, width in [(2, 960), (1, 375)]:
        drawn = layout(claims, [], columns=columns, width=width)
        for group in drawn.groups:
            for node in group.nodes:
                assert len(node.lines) > 1
                room = node.width - 2 * PAD
                assert all(text_width(line) <= room for line in node.lines), node.lines
    joined = "".join(layout(claims, [], columns=1, width=375).groups[0].nodes[0].lines)
    assert joined.endswith("…") and CHINESE.startswith(joined.removesuffix("…"))


def test_arrow_labels_stay_inside_the_map_and_off_each_other():
    claims = [claim(n, 10 + n % 2) for n in range(1, 7)]
    relations = [MapRelation(1, n, "supports", "supported by") for n in range(2, 7)]
    relations += [MapRelation(2, n, "disputes", "disputed by") for n in range(3, 7)]
    for columns, width in [(2, 960), (1, 375)]:
        drawn = layout(claims, relations, columns=columns, width=width)
        boxes = []
        for edge in drawn.edges:
            half = text_width(edge.relation.label, 12) / 2
            assert half <= edge.label_x <= drawn.width - half
            assert edge.label_y + 12 <= drawn.height
            for x, y, other_half in boxes:
                apart = abs(edge.label_x - x) >= half + other_half
                assert apart or abs(edge.label_y - y) >= 12
            boxes.append((edge.label_x, edge.label_y, half))


def test_a_relation_to_a_claim_not_on_the_map_is_left_out():
    assert layout([claim(1, 10)], [MapRelation(1, 99, "denies", "denies")]).edges == []


@pytest.mark.django_db
def test_the_seed_source_map_shows_the_denial_and_the_support(reader_client, demo):
    kontan = Source.objects.get(outlet__name="Kontan")
    response = reader_client.get(reverse("claims:source-map", args=[kontan.pk]))
    assert response.status_code == 200 and b"<html" in response.content
    text = response.content.decode()
    assert 'China</a> <span class="map-relation map-relation-denies">denies</span> <a' in text
    assert "supports" in text
    fragment = reader_client.get(
        reverse("claims:source-map", args=[kontan.pk]), headers={"HX-Request": "true"}
    )
    assert b"<html" not in fragment.content and b'id="dispute-map"' in fragment.content


@pytest.mark.django_db
def test_the_svg_download_is_well_formed_with_a_link_per_claim(reader_client, demo):
    kontan = Source.objects.get(outlet__name="Kontan")
    response = reader_client.get(reverse("claims:source-map-svg", args=[kontan.pk]))
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "attachment" in response["Content-Disposition"]
    root = ET.fromstring(response.content)
    links = root.findall(f".//{SVG}a")
    assert len(links) == 9
    assert {link.get("href") for link in links} == {
        claim.get_absolute_url() for claim in Claim.objects.all()
    }
    assert not root.findall(f".//{SVG}script")
    assert "onload" not in response.content.decode().lower()


@pytest.mark.django_db
def test_the_png_download_is_the_map_drawn_at_twice_its_size(reader_client):
    topic = TopicFactory(name="Weapons")
    said = ClaimFactory(text=CHINESE, language="zh")
    denied = ClaimFactory(text="Washington says China supplies Russia with dual-use goods.")
    said.topics.add(topic)
    denied.topics.add(topic)
    ClaimRelationFactory(claim=denied, counter=said, kind="denies")
    page = reader_client.get(reverse("claims:topic-map", args=[topic.slug])).content.decode()
    png_url = reverse("claims:topic-map-png", args=[topic.slug])
    assert f'href="{png_url}"' in page

    response = reader_client.get(png_url)

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="dispute-map-weapons.png"'
    drawing = ET.fromstring(
        reader_client.get(reverse("claims:topic-map-svg", args=[topic.slug])).content
    )
    picture = Image.open(io.BytesIO(response.content))
    assert picture.format == "PNG"
    assert picture.size == (2 * int(drawing.get("width")), 2 * int(drawing.get("height")))
    # Drawn, not blank: the boxes and their text give it many colours.
    assert len(picture.convert("RGB").getcolors(maxcolors=1_000_000)) > 50


@pytest.mark.django_db
def test_user_text_in_the_svg_is_escaped(reader_client):
    speaker = SpeakerFactory(name='<script>alert(1)</script> & "Co"')
    topic = TopicFactory(name="Hostile")
    first = ClaimFactory(speaker=speaker, text="</text><script>alert(2)</script>")
    first.topics.add(topic)
    ClaimRelationFactory(claim=first, counter=ClaimFactory(text="No & never"))
    response = reader_client.get(reverse("claims:topic-map-svg", args=[topic.slug]))
    body = response.content.decode()
    assert "<script>" not in body
    ET.fromstring(response.content)  # still well-formed XML


@pytest.mark.django_db
def test_a_claim_map_is_its_connected_dispute(reader_client):
    a, b, c, unrelated = ClaimFactory(), ClaimFactory(), ClaimFactory(), ClaimFactory()
    ClaimRelationFactory(claim=a, counter=b)
    ClaimRelationFactory(claim=b, counter=c, kind="supports")
    response = reader_client.get(reverse("claims:claim-map", args=[a.pk]))
    shown = {node.claim.id for group in response.context["wide"].groups for node in group.nodes}
    assert shown == {a.pk, b.pk, c.pk} and unrelated.pk not in shown


@pytest.mark.django_db
def test_the_topic_map_runs_a_fixed_number_of_queries(reader_client, django_assert_num_queries):
    topic = TopicFactory()
    for _ in range(5):
        claim_ = ClaimFactory()
        claim_.topics.add(topic)
        ClaimRelationFactory(claim=claim_)
    # session, user, topic, claims, relations
    with django_assert_num_queries(5):
        reader_client.get(reverse("claims:topic-map", args=[topic.slug]))
    for _ in range(10):
        ClaimFactory().topics.add(topic)
    with django_assert_num_queries(5):
        reader_client.get(reverse("claims:topic-map", args=[topic.slug]))


@pytest.mark.django_db
def test_the_speaker_timeline_marks_counter_claims(reader_client, demo):
    us = Speaker.objects.get(name="United States")
    response = reader_client.get(reverse("claims:speaker-timeline", args=[us.pk]))
    text = response.content.decode()
    assert response.status_code == 200 and "claim-timeline-countered" in text
    assert 'relation-denies">denies</span> by <a' in text and ">China</a>" in text
    fragment = reader_client.get(
        reverse("claims:speaker-timeline", args=[us.pk]), headers={"HX-Request": "true"}
    )
    assert b"<html" not in fragment.content and b'id="speaker-timeline"' in fragment.content


@pytest.mark.django_db
def test_unknown_maps_are_404(reader_client):
    assert reader_client.get(reverse("claims:topic-map", args=["nope"])).status_code == 404
    assert reader_client.get(reverse("claims:claim-map", args=[999])).status_code == 404
    assert reader_client.get(reverse("claims:speaker-timeline", args=[999])).status_code == 404
    assert Topic.objects.count() == 0


@pytest.mark.django_db
def test_the_editors_pages_offer_the_map_the_timeline_and_the_suggestions(researcher_client, demo):
    us = Speaker.objects.get(name="United States")
    claim_ = Claim.objects.get(speaker=us)
    topic = Topic.objects.get(name="Dual-use goods")
    kontan = Source.objects.get(outlet__name="Kontan")
    pages = {
        reverse("claims:topic-detail", args=[topic.slug]): reverse(
            "claims:topic-map", args=[topic.slug]
        ),
        reverse("claims:claim-detail", args=[claim_.pk]): reverse(
            "claims:claim-map", args=[claim_.pk]
        ),
        reverse("claims:speaker-detail", args=[us.pk]): reverse(
            "claims:speaker-timeline", args=[us.pk]
        ),
        reverse("sources:source-detail", args=[kontan.pk]): reverse(
            "assistant:suggestion-list", args=[kontan.pk]
        ),
    }
    for page, fragment in pages.items():
        html = researcher_client.get(page).content.decode()
        assert f'href="{fragment}"' in html, page
