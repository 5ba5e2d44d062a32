"""The quote assistant on the forms English wire reporting takes (issue 12, section 1)."""

import datetime

import pytest

from assistant.rules import DIRECT_QUOTE, PARAPHRASE, KnownSpeaker, suggest

ZAKHAROVA = KnownSpeaker(1, "Maria Zakharova", ("Zakharova",), "Russian Foreign Ministry")
LAVROV = KnownSpeaker(2, "Sergei Lavrov")
TUESDAY = datetime.date(2025, 3, 5)  # a Wednesday


def only(suggestions):
    assert len(suggestions) == 1, suggestions
    return suggestions[0]


# Direct quotes


def test_a_quote_left_open_where_the_text_is_cut_off_is_offered():
    body = 'The mayor spoke first.\n\n"We will rebuild every house on this street, and we will'
    suggestion = only(suggest(body))
    assert suggestion.kind == DIRECT_QUOTE
    assert suggestion.quote.endswith("and we will")


def test_a_quote_interrupted_by_its_attribution_is_one_statement():
    body = '"The bids were opened in public," Kessler said, "and the lowest price won."'
    suggestion = only(suggest(body))
    assert suggestion.text == "The bids were opened in public, and the lowest price won."
    assert suggestion.speaker.name == "Kessler"


def test_a_bracketed_insertion_stays_in_the_quote():
    body = '"We [the city] owe those families an explanation," Mayor Carla Ruiz said.'
    suggestion = only(suggest(body))
    assert suggestion.text == "We [the city] owe those families an explanation,"
    assert suggestion.speaker.name == "Carla Ruiz"


def test_short_fragments_are_part_of_the_claim_that_holds_them():
    body = "Senator Ron Whitaker dismissed the inquiry as a 'witch hunt' and called the emails \"junk\"."
    suggestion = only(suggest(body))
    assert suggestion.kind == PARAPHRASE
    assert suggestion.quote == body
    assert suggestion.speaker.name == "Ron Whitaker"


# Reported speech, nominal and passive forms


def test_reported_speech_with_the_cue_before_or_after_the_content():
    before = only(suggest("Kessler said the contract had been awarded in an open tender."))
    after = only(suggest("The contract had been awarded in an open tender, Kessler said."))
    assert before.speaker.name == after.speaker.name == "Kessler"
    assert before.kind == after.kind == PARAPHRASE


def test_accused_of_is_an_accusation_by_its_subject():
    suggestion = only(
        suggest("Opposition leader Marek Dunn accused the minister of lying about the bids.")
    )
    assert suggestion.speaker.name == "Marek Dunn"
    assert suggestion.accusation


def test_dismissing_them_as_and_berated_for_are_statements():
    dismissing = only(
        suggest("The ministry rejected the reports, dismissing them as foreign propaganda.")
    )
    assert dismissing.speaker.name == "ministry" and dismissing.denial
    berated = only(suggest("Governor Ellen Marsh berated the utility for the long blackout."))
    assert berated.speaker.name == "Ellen Marsh"


def test_an_apology_was_posted_is_a_statement():
    suggestion = only(suggest("An apology was posted on the campaign's account late on Thursday."))
    assert suggestion.kind == PARAPHRASE
    assert suggestion.cue == "apology was posted"


def test_refused_to_comment_is_a_statement_however_short():
    suggestion = only(suggest("The Great Lakes Steel Importers Association refused to comment."))
    assert suggestion.speaker.name == "Great Lakes Steel Importers Association"
    assert suggestion.rule.startswith("declined to comment")


# Speakers


def test_a_role_description_names_the_person_after_it():
    body = "Russia's Foreign Ministry spokeswoman Maria Zahkarova said the sanctions would fail."
    suggestion = only(suggest(body, speakers=[ZAKHAROVA]))
    assert suggestion.speaker.id == ZAKHAROVA.id
    assert suggestion.speaker.mention == "Maria Zahkarova"
    assert suggestion.speaker.description == "Russian Foreign Ministry"


def test_the_minister_is_the_minister_named_before():
    body = (
        "Transport Minister Ana Kessler said the harbour would open in May.\n\n"
        "Opposition leader Marek Dunn said the harbour was years late.\n\n"
        "The minister said the delay was caused by the storms in January."
    )
    assert [s.speaker.name for s in suggest(body)] == ["Ana Kessler", "Marek Dunn", "Ana Kessler"]


def test_he_said_is_the_nearest_person_before():
    body = '"We are not going to negotiate under blackmail," he said.'
    lead = "Foreign Minister Sergei Lavrov spoke after meeting his Turkish counterpart.\n\n"
    suggestion = only(suggest(lead + body, speakers=[LAVROV]))
    assert suggestion.speaker.id == LAVROV.id  # nobody spoke before: the person named
    said = "Foreign Minister Sergei Lavrov said the talks had stalled for good.\n\n" + body
    assert [s.speaker.name for s in suggest(said, speakers=[LAVROV])] == ["Sergei Lavrov"] * 2


def test_the_full_name_is_learnt_from_the_first_mention():
    body = (
        "Foreign Minister Sergei Lavrov met his Turkish counterpart in Moscow.\n\n"
        "Lavrov said the talks on the grain corridor had stalled."
    )
    assert only(suggest(body)).speaker.name == "Sergei Lavrov"
    known = only(suggest(body, speakers=[LAVROV]))
    assert known.speaker.id == LAVROV.id and known.speaker.mention == "Lavrov"


# Relays


def test_citing_and_told_name_the_relays():
    citing = only(
        suggest("Zakharova said Moscow would respond, citing Reuters.", speakers=[ZAKHAROVA])
    )
    assert citing.relays == ("Reuters",)
    told = only(suggest("Zakharova told Reuters that Moscow would respond.", speakers=[ZAKHAROVA]))
    assert told.relays == ("Reuters",) and told.speaker.id == ZAKHAROVA.id


def test_a_statement_on_telegram_is_relayed_by_the_platform():
    body = "Zakharova said, according to a statement on Telegram, that Moscow would respond."
    assert only(suggest(body, speakers=[ZAKHAROVA])).relays == ("Telegram",)


def test_a_credit_line_relays_every_statement_unless_it_is_the_publisher():
    body = (
        "WASHINGTON (VOA) — The State Department said Chinese firms shipped machine tools.\n\n"
        '"China is giving Russia a lifeline," said spokesman Matthew Hale.'
    )
    assert [s.relays for s in suggest(body)] == [("VOA",), ("VOA",)]
    assert [s.relays for s in suggest(body, publisher="VOA")] == [(), ()]
    first = suggest(body)[0]
    assert first.quote.startswith("The State Department")


# Boilerplate


def test_teasers_captions_and_social_links_are_left_out():
    body = (
        "Harbour deal under fire\n\n"
        "By staff reporter | Follow us on X @harbourdesk\n\n"
        "Kessler said the contract had been awarded in an open tender.\n\n"
        "Also read: Minister says harbour will open in May\n\n"
        "Photo: Kessler leaves the ministry on Monday. (AP Photo)\n\n"
        "Share this story: Facebook | X | Email"
    )
    assert [s.quote for s in suggest(body)] == [
        "Kessler said the contract had been awarded in an open tender."
    ]


# Evidence, date, kind


def test_each_suggestion_carries_its_evidence():
    body = "Kessler said on Tuesday that the contract had been awarded fairly."
    suggestion = only(suggest(body, published=TUESDAY))
    assert suggestion.cue == "said"
    assert body[suggestion.cue_start : suggestion.cue_end] == "said"
    assert suggestion.rule == "reported speech"
    assert 0 < suggestion.confidence <= 1


def test_on_tuesday_is_resolved_against_the_source_date():
    body = "Kessler said on Tuesday that the contract had been awarded fairly."
    assert only(suggest(body, published=TUESDAY)).stated_on == datetime.date(2025, 3, 4)
    plain = "Kessler said the contract had been awarded fairly."
    assert only(suggest(plain, published=TUESDAY)).stated_on == TUESDAY
    assert only(suggest(plain)).stated_on is None


def test_denial_pairs_with_the_accusation_it_answers():
    body = (
        "Opposition leader Marek Dunn accused the government of steering the contract.\n\n"
        "Kessler denied the accusation, saying the company had no links to her family."
    )
    accusation, denial = suggest(body)
    assert denial.denies == ((accusation.start, accusation.end),)


def test_a_quotation_over_several_paragraphs_keeps_its_speaker():
    body = (
        'Mayor Carla Ruiz spoke first.\n\n"We will rebuild every house on this street," '
        'Ruiz said. "We will not leave anyone behind.\n\n'
        '"The money is there, and the crews are ready to start on Monday."'
    )
    assert [s.speaker.name for s in suggest(body)] == ["Carla Ruiz"] * 3


def test_something_added_to_a_list_is_no_statement():
    body = (
        "The friction comes two months after Beijing added seven more rare earth elements to "
        "its export control list."
    )
    assert suggest(body) == []
    (found,) = suggest("The minister added that the talks would resume next week.")
    assert found.cue == "added"


def test_the_agency_is_the_body_spoken_of_before_not_the_last_person():
    body = (
        "The European Medicines Agency said the vaccine was safe for children.\n\n"
        "Doctors at two hospitals said several patients had fallen ill.\n\n"
        "The agency said it would review the new data next week."
    )
    assert [s.speaker.name for s in suggest(body)][2] == "European Medicines Agency"


def test_the_authority_is_the_authority_the_text_named_before():
    body = (
        "The derailment happened on an 11-mile segment belonging to the state-chartered "
        "Western Nebraska Rail Authority.\n\n"
        "The authority said in a statement that its track had been tested in October."
    )
    assert [s.speaker.name for s in suggest(body)] == ["Western Nebraska Rail Authority"]


def test_a_cue_inside_the_phrase_that_opens_the_sentence_is_not_its_attribution():
    body = (
        "In a video message to employees posted Thursday, the company's chief executive, "
        'Richard Hale, said the derailment was caused by "a broken rail on a stretch of '
        'track we do not own."'
    )
    found = suggest(body)
    assert [(s.speaker.name, s.cue) for s in found] == [("Richard Hale", "said")]


def test_a_surname_is_the_one_named_with_an_initial_before_it():
    body = (
        "Director of Drugs Control S. Mahalakshmi said 41 patients had reported reactions.\n\n"
        "Its State president, Dr. K. Senthilkumar, put the number of affected patients at "
        "“at least 68”.\n\n"
        "Addressing reporters in Chennai, Ms. Mahalakshmi said the department had written to "
        "the regulator."
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == [
        "S. Mahalakshmi",
        "K. Senthilkumar",
        "S. Mahalakshmi",
    ]


def test_a_title_with_its_full_stop_is_part_of_a_name_set_off_by_commas():
    body = (
        "The Dean of the Government Rajaji Hospital, Dr. A. Premalatha, told Puthiya "
        "Thalaimurai that the hospital's cold-chain records had been handed over."
    )
    [found] = suggest(body, outlets=["Puthiya Thalaimurai"])
    assert (found.speaker.name, found.relays) == ("A. Premalatha", ("Puthiya Thalaimurai",))


def test_a_bodys_person_named_after_its_role_speaks_with_all_three_names():
    kwsc = KnownSpeaker(7, "Karachi Water and Sewerage Corporation", ("KWSC",))
    body = (
        "KWSC spokesperson Abdul Qadir Shaikh denied the report on Tuesday.\n\n"
        "Former KWSC chief engineer Anwar Hussain Jatoi said the deadline was unrealistic."
    )
    found = suggest(body, speakers=[kwsc], language="en")
    assert [s.speaker.name for s in found] == ["Abdul Qadir Shaikh", "Anwar Hussain Jatoi"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # A place before two names is no name of theirs, by the country's name or by
        # where the text writes it ("de Tlaquepaque", "in Sindh").
        ("Foreign Minister of Ukraine Andrii Sybiha said talks would resume.", "Andrii Sybiha"),
        ("Officials in Sindh met. Minister Sindh Ali Shah said the canal was safe.", "Ali Shah"),
        ("Commissioner Food Safety S. Mahalakshmi said the batch was recalled.", "S. Mahalakshmi"),
        (
            "Sindh Local Government Minister Mir Shabbir Talpur told the assembly the project "
            "would start in June.",
            "Mir Shabbir Talpur",
        ),
    ],
)
def test_three_names_after_a_role_are_the_persons_unless_the_first_is_a_place(sentence, speaker):
    found = suggest(sentence, language="en")
    assert found[-1].speaker.name == speaker


def test_a_paper_we_do_not_hold_that_reports_citing_someone_relays_them():
    body = (
        "The Bendigo Advertiser reported on Monday, citing a senior council officer, that EPA "
        "inspectors had written to the council in August."
    )
    (found,) = suggest(body, language="en")
    assert found.speaker.name == "senior council officer"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "A City of Greater Bendigo spokeswoman denied the report on Tuesday.",
            "City of Greater Bendigo",
        ),
        ("A Toyota spokesperson said the plant would reopen.", "Toyota"),
    ],
)
def test_a_body_speaks_through_its_unnamed_spokesperson(sentence, speaker):
    (found,) = suggest(sentence, language="en")
    assert found.speaker.name == speaker


def test_a_long_relative_clause_before_an_auxiliary_and_someone_described_at_length():
    body = (
        "Loddon Resource Recovery, which sorts kerbside recycling for about 50,000 households "
        "in Greater Bendigo, has denied sending glass to landfill.\n\n"
        "A former forklift operator at the company's Epsom depot, who asked not to be named "
        "because he is in a pay dispute with the firm, told the ABC that trucks carried crushed "
        "glass to the landfill."
    )
    found = suggest(body, language="en")
    assert [s.speaker.name for s in found] == [
        "Loddon Resource Recovery",
        "former forklift operator at the company's Epsom depot",
    ]


def test_citing_a_reason_is_no_source_and_a_physician_is_described_as_written():
    nsh = KnownSpeaker(9, "Nova Scotia Health Authority", ("Nova Scotia Health",))
    body = (
        "Nova Scotia Health declined to comment on the complaint, citing patient privacy.\n\n"
        "A physician who works shifts at the hospital told CBC News that overnight coverage "
        "would not come back."
    )
    found = suggest(body, speakers=[nsh], language="en")
    assert [s.speaker.name for s in found] == [
        "Nova Scotia Health Authority",
        "physician who works shifts at the hospital",
    ]
