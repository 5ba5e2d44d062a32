import io

import pytest

from claims.models import Citation, Claim, ClaimRelation
from tests.factories import CitationFactory, SourceFactory

pytestmark = pytest.mark.django_db

V = Citation.Verification


def test_every_demo_citation_with_a_text_verifies(demo):
    statuses = set(Citation.objects.exclude(source__body="").values_list("verification", flat=True))
    assert statuses == {V.VERIFIED}
    # What Kontan relays (Reuters, the ministry's post) are hops, not text-less sources.
    assert not Citation.objects.filter(source__body="").exists()


def test_curly_quotes_where_the_body_has_straight_ones_verify_after_normalising():
    source = SourceFactory(body='He said the talks were "very substantive" and left.')
    citation = CitationFactory(source=source, quote="the talks were “very substantive”")
    assert citation.verification == V.VERIFIED_NORMALISED
    assert source.body[citation.anchor_start : citation.anchor_end] == (
        'the talks were "very substantive"'
    )


def test_a_quote_missing_from_the_body_is_kept_and_flagged():
    citation = CitationFactory(source=SourceFactory(body="Nothing of the sort."), quote="We deny")
    citation.refresh_from_db()
    assert citation.quote == "We deny"
    assert citation.verification == V.NOT_FOUND


def test_a_repeated_quote_anchors_where_its_context_says():
    source = SourceFactory(body="Monday: we are ready. Tuesday: we are ready.")
    citation = CitationFactory(source=source, quote="we are ready", anchor_prefix="Tuesday: ")
    assert citation.anchor_start == source.body.rindex("we are ready")


def test_a_repeated_quote_with_no_context_is_refused_with_a_reason():
    source = SourceFactory(body="we are ready. we are ready.")
    citation = CitationFactory.build(source=source, quote="we are ready")
    citation.claim.speaker.save()
    citation.claim.save()
    with pytest.raises(Exception, match="occur 2 times"):
        citation.full_clean()


def test_editing_the_body_checks_its_citations_again():
    source = SourceFactory(body="Intro. The minister said yes. End.")
    citation = CitationFactory(source=source, quote="The minister said yes.")
    assert citation.verification == V.VERIFIED

    source.body = "Intro. The minister said no. End."
    source.save()
    citation.refresh_from_db()
    assert citation.verification == V.NOT_FOUND

    source.body = "New intro, longer. The minister said yes. End."
    source.save()
    citation.refresh_from_db()
    assert citation.verification == V.VERIFIED
    assert citation.anchor_start == source.body.index("The minister")


def test_removing_the_body_marks_citations_as_having_no_text():
    source = SourceFactory(body="Words here.")
    citation = CitationFactory(source=source, quote="Words here.")
    source.body = ""
    source.save()
    citation.refresh_from_db()
    assert citation.verification == V.NO_TEXT


def test_loaddemo_twice_gives_the_same_data(demo):
    from django.core.management import call_command

    models = [Claim, Citation, ClaimRelation]
    before = [model.objects.count() for model in models]
    call_command("loaddemo", stdout=io.StringIO())
    assert [model.objects.count() for model in models] == before


def test_demo_has_the_headline_denial_with_verified_kontan_citations(demo):
    pair = ClaimRelation.objects.get(kind="denies")
    assert pair.claim.speaker.name == "United States"
    assert pair.counter.speaker.name == "China"
    for claim in (pair.claim, pair.counter):
        citation = claim.citations.get()
        assert citation.source.outlet.name == "Kontan"
        assert citation.verification == V.VERIFIED
    assert ClaimRelation.objects.filter(
        kind="supports", counter__speaker__name="Ministry of National Defense of China"
    ).exists()


def test_belousovs_direct_quote_carries_the_relay_chain(demo):
    claim = Claim.objects.get(speaker__name="Andrei Belousov", kind="direct_quote")
    kontan = claim.citations.get(source__outlet__name="Kontan")
    assert [link.label for link in kontan.chain_links()] == [
        "Kontan",
        "Reuters",
        "Russian Ministry of Defence (Telegram)",
    ]
    assert kontan.chain_label() == "Kontan ← Reuters ← Russian Ministry of Defence (Telegram)"
