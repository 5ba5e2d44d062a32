"""Who speaks, in the constructions reporting uses most, one sentence each per language:
titles and roles before a name, appositions, "according to" a noun phrase, spokespeople
for an organisation, the role's complement before a name."""

import pytest

from assistant.rules import suggest

CONSTRUCTIONS = [
    (
        "en",
        "U.S. Secretary of State Antony Blinken told reporters in Brussels that NATO would stand firm.",
        "Antony Blinken",
    ),
    ("en", '"We are ready," Blinken said, adding that talks could resume soon.', "Blinken"),
    ("en", "The Kremlin said on Tuesday that it saw no basis for new talks.", "Kremlin"),
    ("en", "Police said three people had been arrested after the clashes.", "Police"),
    (
        "en",
        "Dmitry Peskov, the Kremlin's spokesman, told reporters the offer was unacceptable.",
        "Dmitry Peskov",
    ),
    (
        "en",
        "According to the health ministry in Gaza, more than 30 people were killed.",
        "health ministry in Gaza",
    ),
    ("en", "Analysts say the central bank is likely to cut rates again in June.", "Analysts"),
    (
        "id",
        "Presiden Prabowo Subianto mengatakan pemerintah akan menaikkan gaji guru tahun depan.",
        "Prabowo Subianto",
    ),
    (
        "id",
        '"Kami akan menindak tegas pelakunya," ujar Kapolda Metro Jaya Irjen Karyoto.',
        "Karyoto",
    ),
    (
        "es",
        "El presidente de México, Andrés Manuel López Obrador, afirmó que no habrá aumento de impuestos.",
        "Andrés Manuel López Obrador",
    ),
    (
        "es",
        '"No vamos a negociar con terroristas", sentenció el ministro del Interior.',
        "ministro del Interior",
    ),
    (
        "es",
        "Fuentes del Ministerio de Defensa indicaron que el ataque fue repelido.",
        "Ministerio de Defensa",
    ),
    (
        "fr",
        "Emmanuel Macron a déclaré jeudi que la France ne enverrait pas de troupes.",
        "Emmanuel Macron",
    ),
    (
        "fr",
        "« Nous ne céderons pas », a martelé le Premier ministre, François Bayrou.",
        "François Bayrou",
    ),
    (
        "fr",
        "Selon le parquet de Paris, l'enquête a été confiée à la brigade criminelle.",
        "parquet de Paris",
    ),
    (
        "ru",
        "Президент России Владимир Путин заявил, что Москва готова к переговорам.",
        "Владимир Путин",
    ),
    (
        "ru",
        "«Мы не допустим эскалации», — сказал министр иностранных дел Сергей Лавров.",
        "Сергей Лавров",
    ),
    ("zh", "国家主席习近平在会谈中指出，中美关系应当稳定发展。", "习近平"),
    ("zh", "美国总统拜登周三表示，美国将继续支持乌克兰。", "拜登"),
    ("zh", "俄罗斯外长拉夫罗夫说：“我们愿意谈判。”", "拉夫罗夫"),
    (
        "fr",
        "Le ministre des Armées Sébastien Lecornu a affirmé que la France livrera des canons.",
        "Sébastien Lecornu",
    ),
    (
        "es",
        "La ministra de Trabajo Yolanda Díaz dijo que la reforma llegará al Congreso en marzo.",
        "Yolanda Díaz",
    ),
    (
        "es",
        "Un portavoz del Consorcio Andes Litio dijo que la empresa cumple la ley ambiental.",
        "Consorcio Andes Litio",
    ),
    (
        "id",
        "Kepala Desa Sukamaju Rohman mengatakan ratusan warga sudah mengungsi ke balai desa.",
        "Rohman",
    ),
    (
        "id",
        "Wali Kota Surabaya Eri Cahyadi mengatakan genangan di pusat kota sudah surut sore ini.",
        "Eri Cahyadi",
    ),
    (
        "fr",
        "Un haut responsable du ministère des Armées juge que ces campagnes ont changé d'échelle.",
        "haut responsable du ministère des Armées",
    ),
    (
        "es",
        "Un alto funcionario del Ministerio de Defensa dijo que las tropas no cruzaron la frontera.",
        "alto funcionario del Ministerio de Defensa",
    ),
    (
        "en",
        "The foreign ministry in Beijing said in a statement that the sanctions were illegal.",
        "foreign ministry in Beijing",
    ),
    ("en", "Officials in Kyiv said the attack had damaged a power station.", "Officials in Kyiv"),
    ("en", "Blinken in Brussels said the alliance would stand firm on Ukraine.", "Blinken"),
    ("ru", "Лавров в Москве заявил, что переговоры с Киевом продолжатся.", "Лавров"),
    (
        "ru",
        "«Мы не допустим этого», — подчеркнул глава МИД Венгрии Петер Сийярто.",
        "Петер Сийярто",
    ),
    (
        "ru",
        "«Мы не допустим этого», — заявил министр обороны России Андрей Белоусов.",
        "Андрей Белоусов",
    ),
    (
        "ru",
        "«Мы не допустим этого», — заявил губернатор Сергей Викторович Иванов.",
        "Сергей Викторович Иванов",
    ),
    (
        "ru",
        "Как сообщили в Минобороны России, ночью были сбиты 40 беспилотников.",
        "Минобороны России",
    ),
    (
        "en",
        "The report by Amnesty International found that security forces used live ammunition.",
        "Amnesty International",
    ),
    (
        "es",
        "Un informe de Human Rights Watch concluyó que la policía usó fuerza excesiva.",
        "Human Rights Watch",
    ),
    ("id", "Laporan ICW menyebut ada kerugian negara Rp 2 triliun dalam proyek itu.", "ICW"),
    ("en", "NATO Secretary-General Mark Rutte said allies must spend more.", "Mark Rutte"),
    (
        "id",
        "Wakil Ketua DPR Sufmi Dasco Ahmad menyatakan DPR akan memanggil menteri pekan depan.",
        "Sufmi Dasco Ahmad",
    ),
    (
        "es",
        "El vocero del Ejército, general Juan Pérez, explicó que las tropas se retiraron.",
        "Juan Pérez",
    ),
    (
        "es",
        "La Embajada de Estados Unidos en Tegucigalpa pidió respetar los resultados electorales.",
        "Embajada de Estados Unidos en Tegucigalpa",
    ),
    ("fr", "Des analystes interrogés par l'AFP estiment que la croissance ralentira.", "analystes"),
    (
        "en",
        "The Food and Drug Administration said the drug was safe for children.",
        "Food and Drug Administration",
    ),
    (
        "fr",
        "Le principal parti d'opposition, Les Transformateurs, affirme que quarante de ses "
        "membres ont été arrêtés.",
        "Les Transformateurs",
    ),
]


@pytest.mark.parametrize(("language", "body", "speaker"), CONSTRUCTIONS)
def test_the_speaker_of_a_common_construction(language, body, speaker):
    first = suggest(body, language=language)[0]
    assert first.speaker.name == speaker


# Read blind in a thirteenth round.


def test_a_quote_interrupted_by_a_verb_a_role_and_the_person_after_a_comma():
    body = (
        "« Nous n'avons rien à cacher, a affirmé le directeur général de Ravinala Nickel, Luc "
        "Vernier, et nous ouvrirons le site à tout expert indépendant », lors d'une conférence "
        "de presse. Selon lui, la digue a cédé sous l'effet de pluies « exceptionnelles »."
    )
    found = suggest(body, language="fr")
    assert [s.speaker.name for s in found] == ["Luc Vernier", "Luc Vernier"]
    assert found[0].cue == "a affirmé"  # its own attribution, not the sentence after
    assert found[0].quote == (
        "Nous n'avons rien à cacher, a affirmé le directeur général de Ravinala Nickel, Luc "
        "Vernier, et nous ouvrirons le site à tout expert indépendant"
    )


def test_a_full_name_set_off_after_a_role_is_learnt_whole():
    body = (
        "Lundi, le ministre des Mines, Hery Lalaina Randrianarisoa, avait accusé l'entreprise "
        "d'avoir rejeté des effluents.\n\n"
        "M. Randrianarisoa a balayé ces arguments dans la soirée."
    )
    found = suggest(body, language="fr")
    assert [s.speaker.name for s in found] == ["Hery Lalaina Randrianarisoa"] * 2


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Un diplomate européen en poste à Antananarivo, qui a requis l'anonymat, estime que "
            "le conflit dépasse largement la question environnementale.",
            "fr",
            "diplomate européen en poste à Antananarivo",
        ),
        (
            "L'ambassade de France à Madagascar n'a pas souhaité faire de commentaire.",
            "fr",
            "ambassade de France à Madagascar",
        ),
        (
            "A senior Sri Lankan naval officer, who spoke to reporters on condition of anonymity "
            "because he was not authorised to brief the media, said the ship had not stayed in "
            "international waters.",
            "en",
            "senior Sri Lankan naval officer",
        ),
    ],
)
def test_an_unnamed_official_where_they_serve_is_kept_as_written(body, language, speaker):
    (found,) = suggest(body, language=language)
    assert found.speaker.name == speaker


def test_the_company_said_is_the_company_named_before():
    body = (
        "Le groupe minier Ravinala Nickel a démenti mercredi avoir déversé des résidus. "
        "Le groupe a prévenu qu'il pourrait mettre au chômage technique ses 2 000 salariés."
    )
    assert [s.speaker.name for s in suggest(body, language="fr")] == ["Ravinala Nickel"] * 2


@pytest.mark.parametrize("group", ["Officials", "Police officers"])
def test_people_in_the_plural_are_not_the_one_who_spoke_last(group):
    body = (
        "Its chairman, Rohan Silva, said all manifests were in order.\n\n"
        f"{group} said they would audit the records."
    )
    _chairman, group_said = suggest(body, language="en")
    assert group_said.speaker.name == group


def test_a_particle_in_a_name_is_the_names_and_its_surname_says_whom_it_means():
    body = (
        "Its chairman, Rohan Silva, said all manifests were in order.\n\n"
        "Opposition MP Harsha de Silva said on Monday that rifles had left the port.\n\n"
        "De Silva said the navy knew.\n\n"
        "Malaysian opposition leader Anwar bin Ibrahim said the ship had been seen."
    )
    assert [s.speaker.name for s in suggest(body, language="en")] == [
        "Rohan Silva",
        "Harsha de Silva",
        "Harsha de Silva",
        "Anwar bin Ibrahim",
    ]


def test_a_french_pronominal_verb_in_the_past_is_a_cue_and_agrees():
    body = (
        "« C'est une victoire pour les riverains », s'est félicitée Inès Carrel, porte-parole "
        "de l'association.\n\n"
        "« Nous n'avons rien caché », s'est défendu le directeur du site, Paul Roux."
    )
    victory, defence = suggest(body, language="fr")
    assert (victory.speaker.name, victory.cue) == ("Inès Carrel", "s'est félicitée")
    assert defence.speaker.name == "Paul Roux"
    assert defence.denial


def test_a_bracketed_short_name_inside_a_bodys_name_does_not_cut_it():
    body = (
        "El Ministerio de Salud (Minsa) de Perú negó este jueves que exista un "
        "desabastecimiento de medicamentos oncológicos."
    )
    (denial,) = suggest(body, language="es")
    assert denial.speaker.name.startswith("Ministerio de Salud")
    assert denial.speaker.name.endswith("de Perú")


@pytest.mark.parametrize(
    "body",
    [
        "Castañeda dijo que no hay desabastecimiento.\n\n"
        'Los retrasos obedecen a "un problema de gestión", opinó el exviceministro de Salud '
        "Javier Lozada.",
        "Castañeda dijo que no hay desabastecimiento.\n\n"
        'Los retrasos obedecen a "un problema de gestión", opinó el ex-viceministro de Salud '
        "Javier Lozada.",
    ],
)
def test_a_former_holder_of_a_role_is_described_by_it(body):
    _minister, former = suggest(body, language="es")
    assert former.speaker.name == "Javier Lozada"


@pytest.mark.parametrize(
    ("body", "company"),
    [
        (
            "La autoridad ambiental sancionó a la empresa Minerales del Alto Cauca S.A.S. por "
            "el vertimiento.\n\nLa compañía sostuvo que el vertimiento no superó los 6.000 "
            "metros cúbicos.",
            "Minerales del Alto Cauca S.A.S.",
        ),
        (
            "The batches were made by Puducherry-based Meditrine Lifesciences Pvt. Ltd. and "
            "sent to hospitals in Madurai.\n\nThe company has denied that any of its batches "
            "left the factory before they were cleared.",
            "Meditrine Lifesciences Pvt. Ltd.",
        ),
        (
            "OJK meminta PT Bank Amanah Syariah Nusantara Tbk (BASN) menggelar audit "
            "forensik.\n\nBank juga menegaskan telah melaporkan insiden itu kepada OJK.",
            "PT Bank Amanah Syariah Nusantara Tbk",
        ),
    ],
    ids=["es", "en", "id"],
)
def test_the_company_is_the_one_the_text_named_by_its_legal_form_or_as_a_company(body, company):
    assert suggest(body)[-1].speaker.name == company


def test_an_office_of_government_is_no_role_and_a_bodys_last_word_no_surname():
    body = (
        "La autoridad sancionó a la empresa Minerales del Alto Cauca.\n\n"
        "La Secretaría de Salud del Cauca informó que las muestras no tenían mercurio.\n\n"
        "“Activamos el plan de contingencia”, explicó el gerente de operaciones de la "
        "compañía, Felipe Restrepo."
    )
    assert [s.speaker.name for s in suggest(body)] == [
        "Secretaría de Salud del Cauca",
        "Felipe Restrepo",
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Ms Rachel Lim, a 34-year-old teacher who set up a Facebook group for affected "
            "travellers, said more than 800 bags were still missing.",
            "Rachel Lim",
        ),
        (
            "Skyport, a joint venture that also serves three other carriers at Terminal 4, said "
            "it had met its staffing commitments.",
            "Skyport",
        ),
    ],
    ids=["person", "company"],
)
def test_a_long_indefinite_description_between_commas_passes_to_the_name_before_it(body, speaker):
    assert [s.speaker.name for s in suggest(body)] == [speaker]


def test_a_body_named_from_its_word_keeps_out_what_it_is_of_in_lower_case():
    body = (
        "La Dirección de Defensa del Consumidor de la provincia informó que abrió un sumario "
        "contra la desarrolladora."
    )
    assert [s.speaker.name for s in suggest(body)] == ["Dirección de Defensa del Consumidor"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The company denied the allegations, spokeswoman Ann Reed said.", "Ann Reed"),
        ("La empresa negó las acusaciones, dijo su portavoz, Ana Ruiz.", "Ana Ruiz"),
        (
            "Авиакомпания «Северавиа» отвергла обвинения в том, что вынуждала экипажи летать "
            "сверх норм, заявила РИА Новости пресс-секретарь перевозчика Ольга Самарина.",
            "Ольга Самарина",
        ),
    ],
    ids=["en", "es", "ru"],
)
def test_who_is_named_at_the_end_says_the_whole_sentence(body, speaker):
    [found] = suggest(body, outlets=["РИА Новости"])
    assert (found.speaker.name, found.denial) == (speaker, True)


def test_its_own_figures_at_the_end_name_nobody_else():
    body = (
        "El Ministerio de Sanidad rechazó esas cifras y sostuvo que la demora media es de 58 "
        "días, según sus propios datos."
    )
    assert suggest(body)[0].speaker.name == "Ministerio de Sanidad"


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        ('"The school never told us anything," recounted Ana Gomez, a mother.', "en", "Ana Gomez"),
        (
            '"La escuela no nos avisó nada", relató Ana Gómez, madre de un alumno.',
            "es",
            "Ana Gómez",
        ),
        (
            "« L'école ne nous a rien dit », raconte Anne Girard, mère d'un élève.",
            "fr",
            "Anne Girard",
        ),
        ("« L'école ne nous a rien dit », déplore Anne Girard.", "fr", "Anne Girard"),
        ("«Школа нам ничего не сказала», — рассказывает Анна Смирнова.", "ru", "Анна Смирнова"),
        ("«Школа нам ничего не сказала», — призналась Анна Смирнова.", "ru", "Анна Смирнова"),
    ],
)
def test_the_verbs_of_a_told_story_attribute_a_quote(body, language, speaker):
    (found,) = suggest(body, language=language)
    assert found.speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Pakistan Tehreek-i-Insaf MPA Sajjad Hussain Soomro said the government was "
            "selling the city's water twice.",
            "en",
            "Sajjad Hussain Soomro",
        ),
        (
            "La presidenta de la Unión de Padres, Rocío Maldonado Íñiguez, atribuyó los "
            "contagios al agua que llega a las escuelas.",
            "es",
            "Rocío Maldonado Íñiguez",
        ),
        (
            "The utility's chief engineer, Omar Farooq, attributed the losses to households "
            "tapping the lines.",
            "en",
            "Omar Farooq",
        ),
    ],
)
def test_a_legislators_title_is_a_role_and_attributing_a_cause_is_a_claim(body, language, speaker):
    (found,) = suggest(body, language=language)
    assert found.speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "The denial came a day after the Karachi Water Rights Alliance, a coalition of "
            "residents' associations from Orangi, Baldia and Manghopir, told a press "
            "conference that 27 illegal hydrants were operating.",
            "en",
            "Karachi Water Rights Alliance",
        ),
        (
            "El pediatra infectólogo Arturo Esparza, del Hospital Civil de Guadalajara, dijo "
            "que atendió a cuatro niños.",
            "es",
            "Arturo Esparza",
        ),
        (
            "Le Conseil du café-cacao (CCC), l'organe de régulation de la filière, assure "
            "n'avoir « jamais autorisé » un exportateur à acheter au-delà de ses garanties.",
            "fr",
            "Conseil du café-cacao",
        ),
    ],
)
def test_the_name_before_an_apposition_of_what_it_is_speaks(body, language, speaker):
    (found,) = suggest(body, language=language)
    assert found.speaker.name == speaker


@pytest.mark.parametrize(
    ("body", "language", "speaker"),
    [
        (
            "Selon Bruzz, qui cite une source pénitentiaire, un détenu aurait attendu neuf heures.",
            "fr",
            "source pénitentiaire",
        ),
        (
            "Según RPP, que cita a fuentes de la Fiscalía Provincial Penal de San Juan de "
            "Lurigancho, la fiscalía abrió una investigación.",
            "es",
            "fuentes de la Fiscalía Provincial Penal de San Juan de Lurigancho",
        ),
        (
            "Как сообщает NewsNN со ссылкой на источник в правительстве Нижегородской области, "
            "один из кредиторов уже направил в суд заявление.",
            "ru",
            "источник в правительстве Нижегородской области",
        ),
    ],
)
def test_unnamed_sources_an_outlet_cites_speak_as_the_text_describes_them(body, language, speaker):
    (found,) = suggest(body, language=language)
    assert found.speaker.name == speaker
