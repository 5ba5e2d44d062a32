"""Search, on both databases: PostgreSQL's full-text and trigram search, and SQLite's
folded substring fallback. Where the two differ (typos, ranking) each test says which."""

import pytest
from django.db import connection

from claims.models import Citation, Claim, ClaimRelation, Speaker
from sources.models import Source
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    SourceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


@pytest.fixture
def belousov():
    return SpeakerFactory(
        name="Andrei Belousov",
        description="Minister of Defence of Russia",
        aliases="Андрей Белоусов\nMenhan Rusia",
    )


def names(speakers) -> list[str]:
    return [speaker.name for speaker in speakers]


def test_a_speaker_is_found_without_the_accents_of_their_name():
    obrador = SpeakerFactory(name="Andrés Manuel López Obrador")
    SpeakerFactory(name="Claudia Sheinbaum")

    assert list(Speaker.objects.search("lopez obrador")) == [obrador]
    assert list(Speaker.objects.search("LÓPEZ")) == [obrador]


def test_a_claim_is_found_without_the_accents_of_its_text():
    claim = ClaimFactory(text="Le café de l’Élysée est fermé.", language="fr")
    ClaimFactory(text="Nothing to see here.")

    assert list(Claim.objects.search("elysee")) == [claim]
    assert list(Claim.objects.search("cafe ferme")) == [claim]


def test_cyrillic_is_found_whatever_its_case(belousov):
    claim = ClaimFactory(speaker=belousov, text="Министр обороны Белоусов прибыл в Пекин.")

    assert list(Claim.objects.search("БЕЛОУСОВ")) == [claim]
    assert list(Claim.objects.search("пекин")) == [claim]
    assert list(Speaker.objects.search("белоусов")) == [belousov]


def test_chinese_is_found_by_the_characters_of_a_word():
    claim = ClaimFactory(text="中国不向任何一方提供武器，台湾问题是中国内政。", language="zh")
    ClaimFactory(text="台北的天气很好。", language="zh")

    assert list(Claim.objects.search("台湾")) == [claim]
    assert list(Claim.objects.search("提供武器")) == [claim]


def test_a_speaker_is_found_by_an_alias(belousov):
    SpeakerFactory(name="Zhang Youxia")

    assert list(Speaker.objects.search("menhan")) == [belousov]
    assert list(Speaker.objects.search("Андрей")) == [belousov]


def test_a_claim_is_found_by_its_speakers_alias(belousov):
    claim = ClaimFactory(speaker=belousov, text="Hubungan kedua negara sangat baik.")
    ClaimFactory(text="Another statement.")

    assert list(Claim.objects.search("Menhan Rusia")) == [claim]


@on_postgresql
def test_a_speaker_is_found_despite_a_typo_in_the_name_on_postgresql(belousov):
    SpeakerFactory(name="Zhang Youxia")

    assert list(Speaker.objects.search("Belusov")) == [belousov]
    assert Speaker.objects.search("Zang Youxia").first().name == "Zhang Youxia"


@on_sqlite
def test_sqlite_finds_only_what_is_spelled_as_typed(belousov):
    # The documented fallback: a folded substring match, no typo tolerance.
    assert list(Speaker.objects.search("Belusov")) == []
    assert list(Speaker.objects.search("elouso")) == [belousov]


def test_a_claim_is_found_by_a_quote_its_citation_carries():
    claim = ClaimFactory(text="China supports Russia's war effort.")
    CitationFactory(claim=claim, quote="China memasok barang penggunaan ganda")
    ClaimFactory(text="Unrelated.")

    assert list(Claim.objects.search("penggunaan ganda")) == [claim]


def test_a_changed_quote_is_found_and_the_old_one_no_longer_is():
    citation = CitationFactory(claim__text="A statement.", quote="mikroelektronika")
    citation.quote = "semikonduktor"
    citation.save()

    assert list(Claim.objects.search("semikonduktor")) == [citation.claim]
    assert list(Claim.objects.search("mikroelektronika")) == []


def test_a_bulk_update_of_quotes_is_searchable_at_once():
    # QuerySet.update() calls no save(): PostgreSQL's triggers see it all the same.
    citation = CitationFactory(claim__text="A statement.", quote="first words")
    Citation.objects.filter(pk=citation.pk).update(quote="tweede woorden")

    assert list(Claim.objects.search("tweede")) == [citation.claim]
    assert list(Claim.objects.search("first")) == []


def test_a_deleted_citation_no_longer_finds_its_claim():
    citation = CitationFactory(claim__text="A statement.", quote="dual-use goods")
    claim = citation.claim
    citation.delete()

    assert list(Claim.objects.search("goods")) == []
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_renamed_speaker_finds_their_claims_by_the_new_name(belousov):
    claim = ClaimFactory(speaker=belousov, text="A statement.")
    Speaker.objects.filter(pk=belousov.pk).update(aliases="Belousov A. R.")

    assert list(Claim.objects.search("Menhan")) == []
    assert list(Claim.objects.search("Belousov")) == [claim]
    assert list(Speaker.objects.search("menhan")) == []


def test_the_last_word_is_matched_as_a_prefix_while_the_user_types():
    claim = ClaimFactory(text="China supplies microelectronics to Russia.")

    assert list(Claim.objects.search("microelec")) == [claim]
    assert list(Claim.objects.search("China microelec")) == [claim]


@on_postgresql
def test_a_match_in_the_text_ranks_above_a_match_in_a_quote_or_a_name():
    in_name = ClaimFactory(speaker__name="Taiwan", text="We remain calm.")
    in_quote = CitationFactory(claim__text="A statement.", quote="about Taiwan").claim
    in_text = ClaimFactory(text="The situation around Taiwan is tense.")

    assert list(Claim.objects.search("taiwan")) == [in_text, in_quote, in_name]


def test_sources_are_found_by_title_and_by_text():
    by_title = SourceFactory(title="Rusia dan China bersatu", body="")
    by_body = SourceFactory(title="Wire report", body="Belousov met Zhang Youxia in Beijing.")
    SourceFactory(title="Weather", body="Sunny.")

    assert list(Source.objects.search("bersatu")) == [by_title]
    assert list(Source.objects.search("beijing")) == [by_body]


@pytest.mark.parametrize(
    "query", ["%", "_", "\\", "'", "a & b | !c", "foo:*", "(", "<->", "—", "\x00x"]
)
def test_search_takes_any_input_without_error(query, belousov):
    ClaimFactory(speaker=belousov, text="100% sure: a_b (c) & d.")

    list(Claim.objects.search(query))
    list(Speaker.objects.search(query))
    list(Source.objects.search(query))


def test_an_empty_query_leaves_the_queryset_alone():
    claim = ClaimFactory()

    assert list(Claim.objects.search("  ")) == [claim]


def test_the_pairs_filter_searches_through_a_subquery():
    relation = ClaimRelationFactory(claim__text="Allegation about dual-use goods.")
    ClaimRelationFactory()

    assert list(ClaimRelation.objects.filter_by(q="dual-use")) == [relation]


def test_autocomplete_returns_at_most_the_limit(belousov):
    for number in range(12):
        SpeakerFactory(name=f"Belousov namesake {number}")

    found = list(Speaker.objects.autocomplete("belousov", limit=5))

    assert len(found) == 5
    assert belousov in Speaker.objects.autocomplete("belousov", limit=20)


def test_autocomplete_finds_a_name_from_its_first_letters(belousov):
    xi = SpeakerFactory(name="Xi Jinping")

    assert list(Speaker.objects.autocomplete("xi")) == [xi]
    assert list(Speaker.objects.autocomplete("an")) == [belousov]


def test_names_that_contain_the_query_hide_near_misses():
    SpeakerFactory(name="Ivan Petrov")
    SpeakerFactory(name="Anna Petrovna")
    SpeakerFactory(name="Oleg Petrof")

    assert names(Speaker.objects.search("petrov")) == ["Anna Petrovna", "Ivan Petrov"]


@on_postgresql
def test_a_name_that_starts_with_the_query_comes_first():
    SpeakerFactory(name="Alexei Xin")
    SpeakerFactory(name="Xinyi Zhou")

    assert names(Speaker.objects.search("xin")) == ["Xinyi Zhou", "Alexei Xin"]


@pytest.mark.parametrize("query", ["Belousov", "Belusov", "bel", "Белоусов", "menhan", "Zang"])
def test_autocomplete_offers_what_search_ranks_first(belousov, query):
    # The picker asks for names as typed first and near misses only when there are none;
    # it must offer exactly the speakers the one-statement search ranks first.
    SpeakerFactory(name="Zhang Youxia")
    SpeakerFactory(name="Belova Marina", description="Namesake of no one")
    for number in range(12):
        SpeakerFactory(name=f"Bela Namesake {number}")

    assert Speaker.objects.autocomplete(query) == list(Speaker.objects.search(query)[:10])
