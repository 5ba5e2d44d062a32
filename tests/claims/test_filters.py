import pytest

from claims.filters import ClaimFilterForm, PairFilterForm
from claims.models import Claim, ClaimRelation, Speaker
from tests.factories import CitationFactory, SourceFactory

pytestmark = pytest.mark.django_db


def filtered_claims(params: dict) -> list[str]:
    form = ClaimFilterForm(params)
    return sorted(form.filter(Claim.objects.all()).values_list("speaker__name", flat=True))


def test_claims_filter_by_speaker_and_search(demo):
    china = Speaker.objects.get(name="China")
    assert filtered_claims({"speaker": china.pk}) == ["China"]
    assert filtered_claims({"q": "mikroelektronika"}) == ["United States"]


def test_claims_filter_by_counter_claims(demo):
    assert filtered_claims({"has_counter": "true"}) == ["Andrei Belousov", "United States"]


def test_claims_filter_by_quote_check_status(demo):
    # The demo's relays are hops: every demo quote verifies; one text-less citation does not.
    CitationFactory(claim=Claim.objects.get(kind="direct_quote"), source=SourceFactory(body=""))
    assert filtered_claims({"verification": "no_text"}) == ["Andrei Belousov"]
    assert len(filtered_claims({"verification": "verified"})) == 9


def test_values_that_do_not_parse_are_reported_and_ignored(demo):
    form = ClaimFilterForm({"speaker": "not-a-number", "kind": "rumour", "q": "Taiwan"})
    assert set(form.errors) == {"speaker", "kind"}
    assert form.filter_values()["q"] == "Taiwan"
    assert form.filter(Claim.objects.all()).count() == 2


def test_pairs_match_when_either_side_matches(demo):
    china = Speaker.objects.get(name="China")
    values = PairFilterForm({"speaker": china.pk}).filter_values()
    pairs = ClaimRelation.objects.filter_by(**values)
    assert [pair.kind for pair in pairs] == ["denies"]
    supports = PairFilterForm({"relation_kind": "supports"}).filter_values()
    assert ClaimRelation.objects.filter_by(**supports).get().kind == "supports"
