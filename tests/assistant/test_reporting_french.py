"""The quote assistant on French reporting: compound past and inverted verbs, selon,
guillemets with spaces inside, apposition after a role (issue 12, section 1)."""

import pytest

from assistant.rules import DIRECT_QUOTE, PARAPHRASE, KnownSpeaker, suggest

MOREL = KnownSpeaker(1, "Élisabeth Morel", ("Morel",))


def only(suggestions):
    assert len(suggestions) == 1, suggestions
    return suggestions[0]


@pytest.mark.parametrize("cue", ["a dit", "a déclaré", "a affirmé", "a indiqué", "a démenti"])
def test_each_french_verb_attributes_to_its_subject(cue):
    body = f"La ministre du Travail, Élisabeth Morel, {cue} mardi qu'aucun projet n'était prêt."
    suggestion = only(suggest(body, speakers=[MOREL]))
    assert suggestion.speaker.id == MOREL.id
    assert suggestion.kind == PARAPHRASE


def test_a_dementi_is_a_denial_pairing_with_the_claim():
    body = (
        "La CGT a accusé le gouvernement de préparer en secret une nouvelle réforme des retraites.\n\n"
        "Élisabeth Morel a démenti tout projet de réforme des retraites."
    )
    accusation, denial = suggest(body, speakers=[MOREL])
    assert denial.denial and denial.denies == ((accusation.start, accusation.end),)


def test_selon_names_the_speaker_after_a_role():
    body = "Selon la secrétaire générale de la CGT, Sophie Lambert, un document interne prévoit une hausse."
    assert only(suggest(body)).speaker.name == "Sophie Lambert"


def test_selon_an_outlet_is_a_relay():
    body = "La CGT avait affirmé lundi, selon Le Monde, que le gouvernement préparait une réforme."
    suggestion = only(suggest(body, outlets=["Le Monde"]))
    assert suggestion.relays == ("Le Monde",)
    assert suggestion.speaker.name == "CGT"


def test_an_inverted_verb_after_a_quote_is_the_speaker_before():
    body = (
        "Élisabeth Morel a démenti mardi tout projet de relever l'âge légal.\n\n"
        "« Il n'y a aucun projet de ce genre sur la table », a-t-elle déclaré sur France Inter."
    )
    _, quote = suggest(body, speakers=[MOREL])
    assert (
        quote.kind == DIRECT_QUOTE
        and quote.text == "Il n'y a aucun projet de ce genre sur la table"
    )
    assert quote.speaker.id == MOREL.id


def test_a_role_after_the_verb_and_an_apposed_name():
    body = (
        "« On a des patients qui attendent douze heures », a expliqué son président, Marc Noizet."
    )
    assert only(suggest(body)).speaker.name == "Marc Noizet"


def test_an_afp_dateline_is_a_credit_line():
    body = "PARIS, 18 mars (AFP) - Élisabeth Morel a démenti mardi tout projet de réforme."
    suggestion = only(suggest(body, speakers=[MOREL]))
    assert suggestion.relays == ("AFP",)
    assert suggestion.quote.startswith("Élisabeth Morel")


def test_lire_aussi_is_left_out():
    body = "Élisabeth Morel a indiqué qu'elle recevrait les syndicats.\n\nLire aussi : Assurance chômage, les nouvelles règles"
    assert len(suggest(body, speakers=[MOREL])) == 1


def test_pour_and_para_at_the_head_of_a_sentence_say_whose_view_it_is():
    assert [
        s.speaker.name for s in suggest("Pour Marine Le Pen, « ce budget est une provocation ».")
    ] == ["Marine Le Pen"]
    (found,) = suggest("Para el ministro de Economía, la inflación seguirá bajando en 2027.")
    assert found.speaker.name == "ministro de Economía"
    (found,) = suggest("Pour la première fois, le syndicat a reconnu des erreurs de gestion.")
    assert found.speaker.name == "syndicat"


def test_an_inverted_attribution_between_commas_inside_one_pair_of_guillemets():
    body = (
        "Le porte-parole du gouvernement, Gassim Chérif Mahamat, a contesté ces chiffres.\n\n"
        "« Il n'y a aucun prisonnier politique au Tchad, a-t-il insisté, il n'y a que des "
        "justiciables. »"
    )
    _paraphrase, quote = suggest(body)
    assert quote.speaker.name == "Gassim Chérif Mahamat"
    # The passages joined, the attribution between them left out.
    assert (
        quote.text == "Il n'y a aucun prisonnier politique au Tchad il n'y a que des justiciables."
    )


def test_a_last_line_avec_afp_credits_the_wire_for_every_statement():
    body = (
        "Le gouvernement malgache a annoncé jeudi la fin des délestages d'ici à janvier.\n\n"
        "« Les nouvelles turbines arrivent », a déclaré le ministre de l'Énergie, selon la "
        "Radio nationale malgache.\n\n"
        "Avec AFP"
    )
    found = suggest(body, outlets=["AFP", "Radio nationale malgache"], publisher="France 24")
    assert [s.relays for s in found] == [("AFP",), ("AFP", "Radio nationale malgache")]


def test_a_body_named_by_its_organisations_word_through_what_it_is_of():
    body = (
        "Trois personnes ont été tuées dimanche lors de heurts à Toamasina, a annoncé lundi "
        "le ministère de la Sécurité publique.\n\n"
        "Le Syndicat des travailleurs de la Jirama estime qu'il faudra au moins dix-huit "
        "mois pour rétablir le courant.\n\n"
        "« Aucune turbine n'est arrivée au port », a réagi Lalao Randriamampionona, "
        "économiste."
    )
    assert [s.speaker.name for s in suggest(body)] == [
        "ministère de la Sécurité publique",
        "Syndicat des travailleurs de la Jirama",
        "Lalao Randriamampionona",
    ]


def test_a_phrase_said_between_the_auxiliary_and_the_participle():
    body = "La préfecture a par ailleurs démenti tout usage de grenades lors du rassemblement."
    [found] = suggest(body)
    assert (found.speaker.name, found.cue, found.denial) == (
        "préfecture",
        "a par ailleurs démenti",
        True,
    )


def test_an_answer_in_the_present():
    body = (
        "«Le débit réservé sera garanti toute l'année», répond Alain Bourrel, président du "
        "syndicat mixte."
    )
    [found] = suggest(body)
    assert (found.speaker.name, found.cue) == ("Alain Bourrel", "répond")


def test_the_union_is_the_union_the_text_named_in_lower_case_words():
    body = (
        "Le Syndicat national des agents des douanes (SNAD) a adressé un signalement au "
        "procureur du Havre.\n\n"
        "Le syndicat affirme que le scanner était en panne depuis des semaines."
    )
    assert suggest(body)[-1].speaker.name == "Syndicat national des agents des douanes"


def test_the_body_a_common_noun_stands_for_is_the_one_named_in_full_before():
    body = (
        "Un syndicat affirme que des conteneurs ont échappé aux contrôles.\n\n"
        "Le Syndicat national des agents des douanes (SNAD) a adressé un signalement au "
        "procureur mercredi.\n\n"
        "Selon le syndicat, le scanner est resté « hors service » pendant onze jours."
    )
    found = suggest(body, language="fr")
    assert found[-1].speaker.name == "Syndicat national des agents des douanes"


def test_a_name_its_bracketed_short_form_spells_is_the_speaker_after_the_verb():
    body = (
        "La situation des droits humains « continue de se dégrader », estime la Ligue "
        "tchadienne des droits de l'homme (LTDH) dans un communiqué publié mardi."
    )
    (found,) = suggest(body, language="fr")
    assert found.speaker.name == "Ligue tchadienne des droits de l'homme"


def test_the_prefect_named_after_a_comma_speaks_not_a_body_named_before():
    body = (
        "Ariège : le préfet autorise la retenue de la Lèze\n\n"
        "La préfecture a démenti vendredi avoir écarté l'avis. «Cet avis portait sur une "
        "version du projet qui n'existe plus, a expliqué le préfet, Hervé Lambert, à la "
        "Dépêche du Midi, et toutes ses réserves ont été levées depuis.»"
    )
    found = suggest(body, language="fr")
    assert found[-1].speaker.name == "Hervé Lambert"


def test_a_credit_in_brackets_before_the_page_furniture_credits_every_statement():
    body = (
        "ABIDJAN — Des coopératives accusent l'exportateur de ne pas les payer.\n\n"
        "Son directeur général, Jean-Marc Aka, a attribué ces retards au durcissement du "
        "crédit.\n\n"
        "(Avec AFP)\n\n"
        "Newsletter : recevez chaque matin l'essentiel de l'actualité économique africaine."
    )
    found = suggest(body, language="fr", outlets=["AFP"])
    assert [s.relays for s in found] == [("AFP",), ("AFP",)]
    assert found[-1].speaker.name == "Jean-Marc Aka"  # "a attribué": a claim of causes


def test_a_role_with_its_elided_article_is_a_role_before_the_name():
    body = (
        "Pour l'économiste Mamadou Diarrassouba, spécialiste des filières agricoles, "
        "l'argument ne tient pas."
    )
    (found,) = suggest(body, language="fr")
    assert found.speaker.name == "Mamadou Diarrassouba"


def test_a_short_name_in_brackets_after_the_role_is_passed_over_to_the_person():
    body = (
        "« La prison hébergeait ce lundi 1 262 détenus », a indiqué le porte-parole de la "
        "Direction générale des Établissements pénitentiaires (DG EPI), Benoît Mertens."
    )
    (found,) = suggest(body, language="fr")
    assert found.speaker.name == "Benoît Mertens"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("« Nous avons gagné », a déclaré la Norvégienne Astrid Halvorsen.", "Astrid Halvorsen"),
        ("Le Danois Henrik Aas a dénoncé des pressions.", "Henrik Aas"),
    ],
)
def test_a_nationality_before_a_name_is_no_part_of_it(body, speaker):
    (found,) = suggest(body, language="fr")
    assert found.speaker.name == speaker


def test_an_adverb_between_the_auxiliary_and_the_participle_keeps_the_cue():
    body = (
        "Selon Bruzz, qui cite une source pénitentiaire, un détenu aurait attendu neuf heures.\n\n"
        "Le directeur de la prison, Xavier Lemaire, a formellement démenti cette information."
    )
    claim, denial = suggest(body, language="fr")
    assert (denial.speaker.name, denial.cue) == ("Xavier Lemaire", "a formellement démenti")
    assert denial.denies == ((claim.start, claim.end),)


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "La Fédération internationale de kayak de mer (FIKM), dont le siège se trouve à la "
            "Maison du sport international à Lausanne, a démenti mercredi tout achat de voix.",
            "Fédération internationale de kayak de mer",
        ),
        (
            "Le Ministère public du canton de Vaud a confirmé avoir reçu lundi une plainte pénale.",
            "Ministère public du canton de Vaud",
        ),
    ],
)
def test_a_body_before_its_relative_clause_or_with_an_adjective_of_its_own(body, speaker):
    (found,) = suggest(body, language="fr")
    assert found.speaker.name == speaker
