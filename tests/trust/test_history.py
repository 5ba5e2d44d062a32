import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.models import Claim
from tests.factories import (
    ClaimFactory,
    ClaimRelationFactory,
    SourceFactory,
    SpeakerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def edit(claim, user, **changes):
    claim.refresh_from_db()
    for name, value in changes.items():
        setattr(claim, name, value)
    claim._history_user = user
    claim.save()
    del claim._history_user


def add_versions(claim, count: int) -> None:
    """Many versions quickly: the historical rows a thousand saves would leave."""
    History = Claim.history.model
    base = timezone.now()
    last = claim.history.first()
    rows = []
    for n in range(count):
        row = History(
            **{
                f.attname: getattr(last, f.attname)
                for f in History._meta.fields
                if f.attname not in {"history_id"}
            }
        )
        row.text = f"Wording number {n}."
        row.history_type = "~"
        row.history_date = base + datetime.timedelta(seconds=n + 1)
        rows.append(row)
    History.objects.bulk_create(rows)


def test_history_shows_who_changed_which_field_and_when(researcher_client, researcher):
    speaker = SpeakerFactory(name="Andrei Belousov")
    claim = ClaimFactory(speaker=speaker, text="The talks were useful.", kind="paraphrase")
    other = SpeakerFactory(name="Zhang Youxia")
    edit(claim, researcher, kind="direct_quote", speaker=other)

    response = researcher_client.get(reverse("claims:claim-history", args=[claim.pk]))

    assert response.status_code == 200
    first = response.context["versions"][0]
    assert first.record.history_user == researcher
    changes = {change.label: (change.old, change.new) for change in first.changes}
    assert changes == {
        "kind": ("Paraphrase", "Direct quote"),
        "speaker": ("Andrei Belousov", "Zhang Youxia"),
    }
    assert b"researcher" in response.content
    assert b"<del>Andrei Belousov</del>" in response.content


def test_a_long_text_change_is_a_word_diff_with_everything_escaped(researcher_client, researcher):
    claim = ClaimFactory(text="Both sides hope to deepen military ties.")
    edit(
        claim, researcher, text="Both sides hope to <script>alert(1)</script> expand military ties."
    )

    response = researcher_client.get(reverse("claims:claim-history", args=[claim.pk]))

    change = next(c for c in response.context["versions"][0].changes if c.label == "text")
    assert ("del", "deepen ") in change.segments
    assert ("ins", "<script>alert(1)</script> expand ") in change.segments
    html = response.content.decode()
    assert "<ins>&lt;script&gt;alert(1)&lt;/script&gt; expand </ins>" in html
    assert "<script>alert" not in html


def test_topic_changes_show_in_the_history(researcher_client, researcher):
    claim = ClaimFactory()
    claim.topics.add(TopicFactory(name="Taiwan"))

    response = researcher_client.get(reverse("claims:claim-history", args=[claim.pk]))

    topics_change = response.context["versions"][0].changes
    assert [(c.label, c.old, c.new) for c in topics_change] == [("topics", "", "Taiwan")]


def history_queries(client, claim, page=1) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("claims:claim-history", args=[claim.pk]), {"page": page})
    assert response.status_code == 200
    return len(queries)


def test_history_of_a_claim_edited_a_thousand_times_pages_with_a_constant_query_count(
    researcher_client,
):
    few = ClaimFactory()
    add_versions(few, 25)
    many = ClaimFactory()
    add_versions(many, 1000)

    assert history_queries(researcher_client, few) == history_queries(researcher_client, many)
    assert history_queries(researcher_client, many, page=30) == history_queries(
        researcher_client, few
    )
    response = researcher_client.get(reverse("claims:claim-history", args=[many.pk]), {"page": 2})
    versions = response.context["versions"]
    assert len(versions) == 20
    assert response.context["has_next"] and response.context["has_previous"]
    # The last version on the page is diffed against its predecessor on the next page.
    assert [(c.old, c.new) for c in versions[-1].changes] == [
        ("Wording number 959.", "Wording number 960.")
    ]


def test_history_pages_pin_their_query_count(researcher_client, django_assert_num_queries):
    claim = ClaimFactory()
    add_versions(claim, 50)
    # session, user, the versions (one page and one more), their topic rows and their
    # joint-speaker rows, the live record with its speaker, the user's permissions (user's
    # own, then groups')
    with django_assert_num_queries(8):
        researcher_client.get(reverse("claims:claim-history", args=[claim.pk]))


def test_htmx_paging_answers_the_versions_fragment(researcher_client):
    claim = ClaimFactory()
    add_versions(claim, 30)
    response = researcher_client.get(
        reverse("claims:claim-history", args=[claim.pk]),
        {"page": 2},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert b"<html" not in response.content
    assert b'id="versions"' in response.content


@pytest.mark.parametrize("name", ["speaker", "citation", "relation"])
def test_every_kind_of_record_has_a_history_page(reader_client, name):
    from tests.factories import CitationFactory

    record = {
        "speaker": SpeakerFactory,
        "citation": CitationFactory,
        "relation": ClaimRelationFactory,
    }[name]()
    response = reader_client.get(reverse(f"claims:{name}-history", args=[record.pk]))
    assert response.status_code == 200
    assert response.context["versions"][0].action == "Created"


def test_a_source_has_a_history_page(reader_client):
    source = SourceFactory(title="Rusia dan China")
    response = reader_client.get(reverse("sources:source-history", args=[source.pk]))
    assert response.status_code == 200
    assert b"Rusia dan China" in response.content


def test_history_of_an_unknown_record_is_a_404(reader_client):
    assert reader_client.get(reverse("claims:claim-history", args=[999999])).status_code == 404


def restore(client, claim, version, reason="Vandalised", expected=None):
    return client.post(
        reverse("claims:claim-restore", args=[claim.pk, version.history_id]),
        {"reason": reason, "version": expected if expected is not None else claim.version},
    )


def test_a_researcher_restores_an_earlier_version_as_a_new_version_with_the_reason(
    researcher_client, researcher
):
    topic = TopicFactory(name="Dual-use goods")
    claim = ClaimFactory(text="China supplies dual-use goods.")
    claim.topics.add(topic)
    original = claim.history.first()
    edit(claim, researcher, text="Changed by mistake.")
    claim.topics.clear()
    claim.refresh_from_db()

    response = restore(researcher_client, claim, original, reason="Undo the mistake")

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.text == "China supplies dual-use goods."
    assert list(claim.topics.all()) == [topic]
    latest = claim.history.filter(history_type="~").order_by("-history_date").first()
    saved = claim.history.filter(text="China supplies dual-use goods.").order_by("-history_date")
    assert (
        saved.first().history_change_reason == f"Restored #{original.history_id}: Undo the mistake"
    )
    assert latest.history_user == researcher
    assert claim.version == 3


def test_a_reader_cannot_restore(reader_client):
    claim = ClaimFactory(text="Kept.")
    version = claim.history.first()
    response = restore(reader_client, claim, version)
    assert response.status_code == 403
    assert claim.history.count() == 1


def test_a_restore_needs_a_reason(researcher_client, researcher):
    claim = ClaimFactory(text="Old.")
    version = claim.history.first()
    edit(claim, researcher, text="New.")
    claim.refresh_from_db()
    response = restore(researcher_client, claim, version, reason="  ")
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.text == "New."
    page = researcher_client.get(response["Location"])
    assert b"Not restored: This field is required." in page.content


def test_a_restore_over_a_newer_edit_is_refused(researcher_client, researcher):
    claim = ClaimFactory(text="Old.")
    version = claim.history.first()
    edit(claim, researcher, text="Newer, by someone else.")
    response = restore(researcher_client, claim, version, expected=1)
    claim.refresh_from_db()
    assert claim.text == "Newer, by someone else."
    page = researcher_client.get(response["Location"])
    assert b"someone changed this record after you opened its history" in page.content


def test_a_restore_that_breaks_a_rule_says_why(researcher_client, researcher):
    speaker = SpeakerFactory(name="Gone soon")
    claim = ClaimFactory(speaker=speaker, text="Old.")
    version = claim.history.first()
    edit(claim, researcher, speaker=SpeakerFactory(name="Kept"))
    speaker.delete()
    claim.refresh_from_db()
    response = restore(researcher_client, claim, version)
    claim.refresh_from_db()
    assert claim.speaker.name == "Kept"
    page = researcher_client.get(response["Location"])
    assert b"Not restored:" in page.content
    assert b"has been deleted since: recover it first." in page.content


def test_detail_pages_link_to_their_history(reader_client):
    from tests.factories import CitationFactory

    relation = ClaimRelationFactory()
    citation = CitationFactory(claim=relation.claim)
    claim_page = reader_client.get(relation.claim.get_absolute_url()).content.decode()
    for name, pk in [
        ("claim", relation.claim.pk),
        ("citation", citation.pk),
        ("relation", relation.pk),
    ]:
        assert reverse(f"claims:{name}-history", args=[pk]) in claim_page, name
    speaker = relation.claim.speaker
    assert (
        reverse("claims:speaker-history", args=[speaker.pk])
        in reader_client.get(speaker.get_absolute_url()).content.decode()
    )
    source = citation.source
    assert (
        reverse("sources:source-history", args=[source.pk])
        in reader_client.get(source.get_absolute_url()).content.decode()
    )
