"""The quote assistant on small texts in each language it supports, and on the seed."""

import pytest

from assistant.evaluation import ANNOTATIONS, load, score
from assistant.rules import DIRECT_QUOTE, PARAPHRASE, KnownSpeaker, suggest
from assistant.rules.text import sentences
from claims.anchoring import Match, anchor_quote
from records.quotes import find_quotes

BELOUSOV = KnownSpeaker(1, "Andrei Belousov", ("Belousov", "Menhan Rusia"))
US = KnownSpeaker(2, "United States", ("AS", "Amerika Serikat", "US"))
CHINA = KnownSpeaker(3, "China", ("Tiongkok", "Beijing"))
IBARRA = KnownSpeaker(4, "Tomás Ibarra", ("Ibarra",))


def only(suggestions):
    assert len(suggestions) == 1, suggestions
    return suggestions[0]


def test_every_span_is_the_body_text_and_anchors_exactly():
    body = ANNOTATIONS.parent.parent.parent / "sources/demo/kontan-2024-10-16-rusia-china.txt"
    text = body.read_text(encoding="utf-8")
    for suggestion in suggest(text, speakers=[BELOUSOV, US, CHINA]):
        assert suggestion.quote == text[suggestion.start : suggestion.end]
        anchor = anchor_quote(text, suggestion.quote)
        assert (anchor.start, anchor.end, anchor.match) == (
            suggestion.start,
            suggestion.end,
            Match.EXACT,
        )


# Indonesian


def test_indonesian_reported_speech_with_the_speaker_before_the_verb():
    body = "AS mengatakan China memasok barang-barang dengan penggunaan ganda kepada Rusia."
    suggestion = only(suggest(body, speakers=[US, CHINA]))
    assert (suggestion.kind, suggestion.speaker.id) == (PARAPHRASE, US.id)
    assert suggestion.quote == body


def test_indonesian_postposed_verb_points_to_the_name_after_it():
    body = "Putin dan Xi sepakat memperdalam kemitraan mereka, kata Belousov, tanpa perincian."
    suggestion = only(suggest(body, speakers=[BELOUSOV]))
    assert suggestion.speaker.id == BELOUSOV.id
    assert suggestion.speaker.mention == "Belousov"


def test_indonesian_split_quote_is_one_direct_quote():
    body = '"Kami bersatu dalam penilaian," kata Belousov, "dan kami memahami apa yang perlu dilakukan."'
    suggestion = only(suggest(body, speakers=[BELOUSOV]))
    assert suggestion.kind == DIRECT_QUOTE
    assert suggestion.speaker.id == BELOUSOV.id
    assert (
        suggestion.text
        == "Kami bersatu dalam penilaian, dan kami memahami apa yang perlu dilakukan."
    )
    assert suggestion.quote.startswith("Kami bersatu") and suggestion.quote.endswith("dilakukan.")


def test_relay_cue_names_the_outlet_and_stays_out_of_the_statement():
    body = "Mengutip Reuters, Belousov mengatakan dia bertemu Zhang Youxia di Beijing."
    suggestion = only(suggest(body, speakers=[BELOUSOV]))
    assert suggestion.relays == ("Reuters",)
    assert suggestion.quote == "Belousov mengatakan dia bertemu Zhang Youxia di Beijing."


def test_dikutip_dari_names_any_outlet_even_an_unknown_one():
    body = "Menhan Rusia menegaskan latihan akan berlanjut pekan depan, seperti dikutip dari Harian Rakyat."
    suggestion = only(suggest(body, speakers=[BELOUSOV]))
    assert suggestion.speaker.id == BELOUSOV.id
    assert suggestion.relays == ("Harian Rakyat",)
    assert suggestion.quote == "Menhan Rusia menegaskan latihan akan berlanjut pekan depan"


def test_acronym_alias_matches_only_in_capitals():
    assert (
        only(suggest("AS mengatakan tarif akan naik bulan depan.", speakers=[US])).speaker.id == 2
    )
    english = only(suggest("As expected, Smith said the tariffs would rise.", speakers=[US]))
    assert english.speaker.name == "Smith"


def test_names_match_without_accents_or_case():
    body = "IBARRA dijo que el acuerdo sigue vigente para todos."
    assert only(suggest(body, speakers=[IBARRA])).speaker.id == IBARRA.id
    body = "Tomas Ibarra dijo que el acuerdo sigue vigente para todos."
    assert only(suggest(body, speakers=[IBARRA])).speaker.id == IBARRA.id


def test_indonesian_negated_answer_to_an_accusation_is_a_denial_pair():
    body = (
        "AS mengatakan China memasok senjata kepada Rusia.\n\n"
        "China mengatakan pihaknya tidak menyediakan persenjataan kepada pihak mana pun."
    )
    allegation, denial = suggest(body, speakers=[US, CHINA])
    assert denial.denies == ((allegation.start, allegation.end),)
    assert allegation.denies == ()


def test_a_negated_statement_about_something_else_is_no_denial():
    body = (
        "AS mengatakan China memasok senjata kepada Rusia.\n\n"
        "China mengatakan pihaknya tidak akan menghadiri pertemuan puncak bulan depan."
    )
    assert all(suggestion.denies == () for suggestion in suggest(body, speakers=[US, CHINA]))


def test_indonesian_denial_verb_pairs_with_what_it_denies():
    body = (
        "Amerika Serikat menuduh Beijing mengirim drone ke Rusia.\n\n"
        "Tiongkok membantah tuduhan pengiriman drone tersebut."
    )
    accusation, denial = suggest(body, speakers=[US, CHINA])
    assert (accusation.speaker.id, denial.speaker.id) == (US.id, CHINA.id)
    assert denial.denies == ((accusation.start, accusation.end),)


# English


def test_english_quote_with_the_verb_before_the_name():
    body = "“We never sold a single drone to anyone,” said Foreign Minister Wang Yi."
    suggestion = only(suggest(body))
    assert suggestion.kind == DIRECT_QUOTE
    assert suggestion.speaker.is_new and suggestion.speaker.name == "Wang Yi"
    assert suggestion.text == "We never sold a single drone to anyone,"


def test_english_quote_split_across_sentences_keeps_its_speaker():
    body = (
        "“The bids were opened in public,” Ana Kessler told reporters. “We have nothing to hide.”"
    )
    first, second = suggest(body)
    assert first.text == "The bids were opened in public,"
    assert second.text == "We have nothing to hide."
    assert first.speaker.name == second.speaker.name == "Ana Kessler"


def test_english_nested_quote_is_part_of_the_outer_one():
    body = "“He keeps telling us ‘the process was clean’, but nobody has seen the bids,” Dunn said."
    suggestion = only(suggest(body))
    assert (
        suggestion.text
        == "He keeps telling us ‘the process was clean’, but nobody has seen the bids,"
    )
    assert suggestion.speaker.name == "Dunn"


def test_a_quote_with_no_attribution_is_offered_without_a_speaker():
    suggestion = only(
        suggest("The port was quiet.\n\n“A harbour built on secret deals will sink.”")
    )
    assert suggestion.kind == DIRECT_QUOTE
    assert suggestion.speaker is None


def test_a_few_words_in_quotation_marks_are_not_a_statement():
    body = 'Russia and China held "substantive" talks on "deliberate attempts" to strengthen ties.'
    assert suggest(body) == []


def test_two_speakers_in_one_sentence_are_two_statements():
    body = "The harbour authority said work would start in May, while the union said its members had not been consulted."
    authority = KnownSpeaker(5, "Harbour Authority", ("harbour authority",))
    union = KnownSpeaker(6, "Port Workers' Union", ("union",))
    first, second = suggest(body, speakers=[authority, union])
    assert first.quote == "The harbour authority said work would start in May"
    assert second.quote == "the union said its members had not been consulted."
    assert (first.speaker.id, second.speaker.id) == (5, 6)


def test_english_denial_pairs_with_the_accusation_sharing_its_words():
    body = (
        "Opposition leader Marek Dunn accused the government of steering the contract to a friendly company.\n\n"
        "The ministry said on Monday that the harbour would open in May.\n\n"
        "Kessler denied the accusation, saying the company had no links to her family."
    )
    ministry = KnownSpeaker(7, "Ministry of Transport", ("ministry",))
    accusation, _, denial = suggest(body, speakers=[ministry])
    assert denial.speaker.name == "Kessler"
    assert denial.denies == ((accusation.start, accusation.end),)


def test_according_to_an_outlet_is_a_relay_and_to_a_person_a_speaker():
    relayed = only(
        suggest(
            "According to Reuters, the European Commission said it had asked for the documents."
        )
    )
    assert relayed.relays == ("Reuters",)
    assert relayed.speaker.name == "European Commission"
    person = only(suggest("According to Marek Dunn, the contract was never put out to tender."))
    assert person.speaker.name == "Marek Dunn" and person.relays == ()


def test_a_surname_after_a_full_name_is_the_same_new_speaker():
    body = (
        "Opposition leader Marek Dunn said the contract was rigged from the start.\n\n"
        "Dunn said he would take the documents to the prosecutor."
    )
    first, second = suggest(body)
    assert first.speaker.name == second.speaker.name == "Marek Dunn"


def test_a_pronoun_speaker_is_whoever_spoke_last():
    body = "Kessler said the tender was fair to every bidder. She added that the bids would be published."
    first, second = suggest(body)
    assert second.speaker.name == first.speaker.name == "Kessler"


def test_a_bare_attribution_sentence_is_not_a_statement_of_its_own():
    body = "“The harbour will open in May as planned.” Kessler said."
    suggestion = only(suggest(body))
    assert suggestion.kind == DIRECT_QUOTE and suggestion.speaker.name == "Kessler"


# Spanish


def test_spanish_postposed_verb_and_guillemets():
    body = "«No hemos vendido ni una sola bala a ningún grupo armado», dijo Ibarra."
    suggestion = only(suggest(body, speakers=[IBARRA]))
    assert suggestion.kind == DIRECT_QUOTE and suggestion.speaker.id == IBARRA.id


def test_spanish_apposition_names_the_speaker():
    body = "El ministro de Exteriores, Tomás Ibarra, negó el martes que su país haya vendido armas."
    assert only(suggest(body, speakers=[IBARRA])).speaker.id == IBARRA.id


def test_spanish_nested_quotes_and_two_speakers():
    body = 'Lucía Ferrer declaró: «El ministro nos dijo que "eran alimentos", pero eran fusiles.»'
    suggestion = only(suggest(body))
    assert suggestion.speaker.name == "Lucía Ferrer"
    assert suggestion.text == 'El ministro nos dijo que "eran alimentos", pero eran fusiles.'
    two = suggest(
        "El Gobierno dijo que la frontera está cerrada, mientras que la Alianza aseguró que sigue abierta."
    )
    assert [s.speaker.name for s in two] == ["Gobierno", "Alianza"]


def test_spanish_denial_answers_an_accusation_that_comes_later():
    body = (
        "Ibarra negó que su país haya vendido armas a los rebeldes.\n\n"
        "La Alianza Cívica afirmó que el Gobierno había enviado armas a los rebeldes del norte."
    )
    denial, accusation = suggest(body, speakers=[IBARRA])
    assert denial.denies == ((accusation.start, accusation.end),)


# Text handling


def test_corner_brackets_and_low_quotes_are_quotation_marks():
    body = "Er sagte „wir sind einig“ und 「我们团结一致」。"
    found = [body[q.inner_start : q.inner_end] for q in find_quotes(body, 0, len(body))]
    assert found == ["wir sind einig", "我们团结一致"]


def test_apostrophes_are_not_quotation_marks():
    body = "The minister's brother-in-law and Xi's envoy didn't say 'no comment' twice."
    found = [body[q.inner_start : q.inner_end] for q in find_quotes(body, 0, len(body))]
    assert found == ["no comment"]


def test_sentences_do_not_split_inside_quotations_or_after_abbreviations():
    body = 'Mr. Smith said: "We are ready. We have always been." Then he left.'
    assert [body[s.start : s.end] for s in sentences(body)] == [
        'Mr. Smith said: "We are ready. We have always been."',
        "Then he left.",
    ]


def test_the_same_text_gives_the_same_suggestions():
    body = ANNOTATIONS.joinpath("en-harbour-wire.txt").read_text(encoding="utf-8")
    assert suggest(body) == suggest(body)


# Quality on the seed (a correctness test of the engine, measured as make eval-assistant does)


@pytest.mark.django_db
def test_the_seed_meets_its_target():
    article = load(ANNOTATIONS / "id-kontan-seed.json")
    result, suggestions = score(article)
    assert result.missed == [] and result.wrong_speaker == []
    assert result.recall >= 0.9
    assert result.precision >= 0.8
    assert result.pair_recall == 1.0
    by_speaker = {(s.speaker.name, s.kind) for s in suggestions}
    assert ("Andrei Belousov", DIRECT_QUOTE) in by_speaker
    belousov_talks = next(s for s in suggestions if s.quote.startswith("Belousov mengatakan"))
    assert belousov_talks.relays == ("Reuters",)


@pytest.mark.parametrize(
    "body",
    [
        "Changi Airport Group did not respond to queries from the newspaper.",
        "Consultada por este diario, la fiscalía no quiso hacer declaraciones.",
        "В Рособрнадзоре эту цифру оспорили: первые публикации появились за час до начала.",
        "Депутат Наталья Кравец потребовала провести проверку во всех регионах.",
        "Le député Antoine Delafosse a réclamé une enquête parlementaire sur les contrôles.",
    ],
    ids=["en-no-response", "es-no-statement", "ru-disputed", "ru-demanded", "fr-demanded"],
)
def test_more_ways_of_saying_and_of_not_saying(body):
    assert len(suggest(body)) == 1


def test_an_estimate_in_spanish_is_a_statement():
    body = (
        "El ingeniero civil Martín Quiroga, a quien la asociación contrató para relevar el "
        "edificio, calculó en cambio un avance real del 41%."
    )
    assert [s.speaker.name for s in suggest(body)] == ["Martín Quiroga"]
