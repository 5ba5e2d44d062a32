"""The quote assistant on Russian names as Russian declines them: a speaker named in the
genitive or the locative is proposed in the nominative, the database's form; a company's
name in guillemets is a name, not a quotation (issue 12, section 1: speakers)."""

import pytest

from assistant.rules import PARAPHRASE, suggest
from assistant.rules.russian import nominative


@pytest.mark.parametrize(
    ("written", "held"),
    [
        ("Марины Колесниковой", "Марина Колесникова"),
        ("Сергея Лаврова", "Сергей Лавров"),
        ("Олега Игоревича Ладыженского", "Олег Игоревич Ладыженский"),
        ("Уралхимпрома", "Уралхимпром"),
        ("Северного азота", "Северный азот"),
        ("Волжских минеральных удобрениях", "Волжские минеральные удобрения"),
        ("двух трейдеров", "два трейдера"),
        # Only the head is declined back; what depends on it keeps its case.
        ("Национального союза зернопроизводителей", "Национальный союз зернопроизводителей"),
        ("источников в оборонном ведомстве", "источники в оборонном ведомстве"),
        # A surname that declines for neither sex: the given name says the case.
        ("Вадим Гурко", "Вадим Гурко"),
        ("Вадима Гурко", "Вадим Гурко"),
        ("Кая Каллас", "Кая Каллас"),
        # A surname the dictionary reads first as a place's name.
        ("Дениса Ефремова", "Денис Ефремов"),
    ],
)
def test_a_declined_name_is_put_back_in_the_nominative(written, held):
    assert nominative(written) == held


@pytest.mark.parametrize(
    "name",
    [
        "Мария Лаврова",  # a woman's surname, not Лавров's genitive
        "Кая Каллас",  # Каллас declines for no one
        "Лулу Ранне",  # a foreign name the dictionary only guesses at
        "Андрей Белоусов",
        "РАПУ",
    ],
)
def test_a_name_that_may_stand_as_written_is_left_alone(name):
    assert nominative(name) == name


def test_po_slovam_a_role_and_a_person_in_the_genitive_give_the_person():
    body = (
        "По словам исполнительного директора РАПУ Марины Колесниковой, письма были "
        "типовыми уведомлениями, которые рассылаются перед каждым сезоном."
    )
    (found,) = suggest(body, language="ru")
    assert (found.speaker.name, found.speaker.mention) == (
        "Марина Колесникова",
        "Марины Колесниковой",
    )


def test_a_representative_of_a_company_in_marks_is_the_company():
    body = (
        "Представитель «Уралхимпрома» заявил ТАСС, что компания «полностью соблюдает "
        "антимонопольное законодательство» и намерена оспорить решение службы в суде."
    )
    (found,) = suggest(body, language="ru", outlets=["ТАСС"])
    assert (found.speaker.name, found.relays) == ("Уралхимпром", ("ТАСС",))


def test_companies_named_in_marks_are_not_quotations():
    body = (
        "Фигурантами дела стали «Уралхимпром», «Северный азот» и «Волжские минеральные удобрения»."
    )
    assert suggest(body, language="ru") == []


def test_two_bodies_declining_in_one_sentence_are_two_statements_in_the_nominative():
    body = (
        "В пресс-службе «Северного азота» от комментариев отказались, в «Волжских "
        "минеральных удобрениях» не ответили на запрос редакции."
    )
    found = suggest(body, language="ru")
    assert [(s.quote, s.speaker.name) for s in found] == [
        ("В пресс-службе «Северного азота» от комментариев отказались", "Северный азот"),
        (
            "в «Волжских минеральных удобрениях» не ответили на запрос редакции.",
            "Волжские минеральные удобрения",
        ),
    ]
    assert all(s.rule.startswith("declined to comment") for s in found)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "В прокуратуре Краснодарского края сообщили «Интерфаксу», что начата проверка.",
            "прокуратура Краснодарского края",
        ),
        (
            "В следственном управлении СК по Свердловской области сообщили о возбуждении "
            "уголовного дела.",
            "следственное управление СК по Свердловской области",
        ),
    ],
)
def test_a_body_named_by_its_common_noun_where_it_was_said_speaks(sentence, speaker):
    (found,) = suggest(sentence, language="ru")
    assert found.speaker.name == speaker


def test_kak_before_any_verb_puts_the_subject_after_it():
    body = (
        "Как рассказал “Ъ” заместитель руководителя ФАС Олег Игоревич Ладыженский, у службы "
        "есть основания полагать, что компании согласовали повышение цен."
    )
    (found,) = suggest(body, language="ru")
    assert found.speaker.name == "Олег Игоревич Ладыженский"
    assert found.kind == PARAPHRASE


def test_the_imperfective_past_of_a_report_is_a_cue():
    body = (
        "Еще в ноябре агентство Reuters со ссылкой на двух трейдеров сообщало, что "
        "производители сократили отгрузки селитры на внутренний рынок."
    )
    (found,) = suggest(body, language="ru", outlets=["Reuters"])
    assert found.cue == "сообщало"
    assert found.relays == ("Reuters",)


def test_a_sentence_opening_with_the_word_of_a_credit_is_still_a_statement():
    body = (
        "Источник в Минсельхозе утверждает, что министерство еще в сентябре предлагало "
        "ФАС обратить внимание на рынок, однако служба тогда сочла рост цен сезонным."
    )
    (found,) = suggest(body, language="ru")
    assert found.cue == "утверждает"
    assert suggest("Источник: пресс-служба ФАС", language="ru") == []


def test_a_radio_station_named_in_marks_holds_no_cue_and_between_words_are_no_name():
    body = (
        "Председатель профсоюза Денис Хромов в эфире радиостанции «Говорит Москва» заявил, "
        "что руководство компании давит на пилотов.\n\n"
        "В Росавиации между тем сообщили, что экипаж зафиксировал отказ гидросистемы."
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["Денис Хромов", "Росавиация"]
    assert found[0].cue == "заявил"


def test_a_refusal_in_the_agency_is_the_agency_the_text_spoke_of():
    body = (
        "В Росавиации сообщили, что экипаж зафиксировал отказ гидросистемы. От дальнейших "
        "комментариев в ведомстве отказались до завершения расследования."
    )
    assert [s.speaker.name for s in suggest(body)] == ["Росавиация", "Росавиация"]


def test_a_denial_in_the_lead_answers_the_accusation_far_below_in_its_words():
    body = (
        "Компания «Полярные линии» отвергла обвинения в том, что заставляла водителей "
        "автобусов работать сверх установленных норм рабочего времени.\n\n"
        "По словам представителя компании Игоря Лебедева, средняя смена водителя составляет "
        "девять часов.\n\n"
        "Губернатор области Олег Смирнов сообщил, что проверка началась в понедельник.\n\n"
        "Мэр города Анна Котова заявила, что новые автобусы поступят в январе.\n\n"
        "Депутат Сергей Орлов сказал, что тарифы на проезд не изменятся.\n\n"
        "Пассажирка Мария Белова рассказала, что автобус пришел с опозданием на час.\n\n"
        "Председатель профсоюза водителей Денис Хромов заявил, что руководство компании "
        "систематически требует от водителей работать сверх норм рабочего времени."
    )
    found = suggest(body)
    assert found[0].speaker.name == "Компания «Полярные линии»"
    assert found[5].speaker.name == "Мария Белова"
    assert found[0].denies == ((found[-1].start, found[-1].end),)


def test_a_bodys_plural_present_and_a_given_name_read_as_its_likeliest_case():
    body = (
        "По словам заместителя руководителя Росрыболовства Дмитрия Кравцова, аукционы "
        "принесут бюджету 45 млрд руб.\n\n"
        "В Росрыболовстве эту оценку называют завышенной: по расчетам ведомства, потери "
        "компаний не превысят 5 млрд руб."
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["Дмитрий Кравцов", "Росрыболовство"]


def test_a_place_before_a_persons_two_names_is_no_part_of_them():
    body = (
        "Член общественного совета при комитете по природным ресурсам Ленобласти Денис "
        "Рыбаков считает, что спор о долгах лишь маскирует системную проблему."
    )
    (found,) = suggest(body, language="ru")
    assert found.speaker.name == "Денис Рыбаков"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "«Мы не банкроты, — заявил на встрече с дольщиками генеральный директор ГК "
            "«Волгастрой» Артем Гущин, — мы компания, у которой банк заморозил деньги».",
            "Артем Гущин",
        ),
        (
            "«Нам перестали платить с июня», — пояснил его директор Виктор Павлович Самойлов.",
            "Виктор Павлович Самойлов",
        ),
    ],
)
def test_where_it_was_said_and_whose_director_come_before_the_name_after_the_verb(body, speaker):
    (found,) = suggest(body, language="ru")
    assert found.speaker.name == speaker


def test_by_whose_count_or_opinion_is_a_cue_and_the_body_is_put_in_the_nominative():
    body = (
        "По подсчетам администрации Всеволожского района, мусор не вывозился больше недели.\n\n"
        "Юрист Анна Крылова заявила, что суд затянется. По ее мнению, дольщикам уже сейчас "
        "следует направить претензии."
    )
    found = suggest(body, language="ru")
    assert [s.speaker.name for s in found] == [
        "администрация Всеволожского района",
        "Анна Крылова",
        "Анна Крылова",
    ]


def test_a_body_spoken_of_by_its_common_noun_is_the_one_named_in_full_before():
    body = (
        "Как сообщает 47news, в комитете по природным ресурсам Ленобласти обсуждают "
        "расторжение соглашения с регоператором. В комитете эту информацию опровергли, "
        "заявив, что вопрос не стоит."
    )
    found = suggest(body, language="ru")
    assert found[-1].speaker.name == "комитет по природным ресурсам Ленобласти"


def test_a_surname_alone_later_is_the_full_name_in_the_nominative():
    body = (
        "Однако, по словам координатора инициативной группы Дениса Ефремова, об обсуждениях "
        "было объявлено только на сайте мэрии.\n\n"
        "«Куда они собираются сажать 300 деревьев — на крышу?» — говорит Ефремов."
    )
    found = suggest(body, language="ru")
    assert [s.speaker.name for s in found] == ["Денис Ефремов", "Денис Ефремов"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "В пресс-службе мэрии Новосибирска НГС эту информацию опровергли, сообщив, что "
            "билет был выдан заранее.",
            "мэрия Новосибирска",
        ),
        (
            "В Фонде развития территорий «РГ» сообщили, что заявка пока не поступала.",
            "Фонд развития территорий",
        ),
    ],
)
def test_the_paper_told_before_the_verb_is_no_part_of_the_body_that_spoke(body, speaker):
    (found,) = suggest(body, language="ru", publisher="НГС")
    assert found.speaker.name == speaker
