"""The quote assistant on Russian reporting: verbs in every gender, по словам, как заявил,
guillemets with the attribution between dashes, case endings (issue 12, section 1)."""

import pytest

from assistant.rules import DIRECT_QUOTE, PARAPHRASE, KnownSpeaker, suggest

ZAKHAROVA = KnownSpeaker(1, "Maria Zakharova", ("Мария Захарова", "Захарова"))
BELOUSOV = KnownSpeaker(2, "Andrei Belousov", ("Belousov",))


def only(suggestions):
    assert len(suggestions) == 1, suggestions
    return suggestions[0]


@pytest.mark.parametrize(
    "cue", ["сказала", "заявила", "отметила", "подчеркнула", "сообщила", "отвергла"]
)
def test_each_russian_verb_attributes_to_its_subject(cue):
    body = f"Мария Захарова {cue}, что Лондон не представил ни одного доказательства."
    suggestion = only(suggest(body, speakers=[ZAKHAROVA]))
    assert suggestion.speaker.id == ZAKHAROVA.id
    assert suggestion.kind == PARAPHRASE


def test_po_slovam_with_a_case_ending_names_the_speaker():
    body = "По словам Захаровой, Лондон не представил ни одного доказательства."
    assert only(suggest(body, speakers=[ZAKHAROVA])).speaker.id == ZAKHAROVA.id


def test_kak_zayavil_names_the_speaker_after_it():
    body = "Как заявил Белоусов, итоги учений будут подведены в конце сентября."
    suggestion = only(suggest(body, speakers=[BELOUSOV]))
    assert suggestion.speaker.id == BELOUSOV.id
    assert suggestion.speaker.mention == "Белоусов"


def test_a_misspelt_name_in_cyrillic_is_the_known_speaker():
    body = "Министр обороны России Андрей Белусов заявил, что учения носят оборонительный характер."
    assert only(suggest(body, speakers=[BELOUSOV])).speaker.id == BELOUSOV.id


def test_otverg_is_a_denial_of_the_accusation():
    body = (
        "МИД Великобритании обвинил российские спецслужбы в атаках на больницы.\n\n"
        "Захарова отвергла обвинения британского правительства."
    )
    accusation, denial = suggest(body, speakers=[ZAKHAROVA])
    assert accusation.accusation and denial.denial
    assert denial.denies == ((accusation.start, accusation.end),)


def test_a_quote_then_dash_then_verb_is_attributed_after_it():
    body = "«Это очередная информационная провокация», — заявила Захарова в своем Telegram-канале."
    suggestion = only(suggest(body, speakers=[ZAKHAROVA]))
    assert suggestion.kind == DIRECT_QUOTE
    assert suggestion.speaker.id == ZAKHAROVA.id
    assert suggestion.relays == ("Telegram",)


def test_an_attribution_between_dashes_splits_one_pair_of_guillemets():
    body = (
        "«Мы никогда не использовали энергоносители как оружие, — сказал Песков журналистам. "
        "— Решение о прекращении транзита принял Киев.»"
    )
    first, second = suggest(body)
    assert first.text == "Мы никогда не использовали энергоносители как оружие,"
    assert second.text == "Решение о прекращении транзита принял Киев."
    assert first.speaker.name == second.speaker.name == "Песков"


def test_a_tass_credit_and_a_relay_clause():
    body = (
        "МОСКВА, 12 февраля. /ТАСС/. Министр обороны Андрей Белоусов, как передает РИА Новости, "
        "отметил, что армия усилит защиту информационных систем."
    )
    suggestion = only(suggest(body, speakers=[BELOUSOV]))
    assert suggestion.relays == ("ТАСС", "РИА Новости")
    assert suggestion.speaker.id == BELOUSOV.id
    assert suggestion.quote.startswith("Министр обороны")


def test_she_is_the_speaker_before():
    body = "Захарова заявила, что Москва ответит. Она подчеркнула, что Россия готова к диалогу."
    assert [s.speaker.id for s in suggest(body, speakers=[ZAKHAROVA])] == [1, 1]


def test_read_also_is_left_out():
    body = "Захарова заявила, что Москва ответит на санкции.\n\nЧитайте также: Лавров провел переговоры"
    assert len(suggest(body, speakers=[ZAKHAROVA])) == 1


def test_an_attribution_between_hyphens_typed_for_dashes():
    body = (
        "Министр транспорта Финляндии Лулу Ранне обвинила Россию в глушении сигналов GPS.\n\n"
        "«Источник помех находится на российской территории, - сказала она в эфире телеканала "
        "Yle, - и это уже нельзя считать случайностью»."
    )
    _accusation, quote = suggest(body, outlets=["Yle"])
    assert (quote.speaker.name, quote.relays) == ("Лулу Ранне", ("Yle",))
