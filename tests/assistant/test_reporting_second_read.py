"""The quote assistant on forms found in a second round of reading reporting written before
the rules saw it (issue 12): a headline with an abbreviation above a credited dateline, a
person speaking in a city, a connective before a described speaker, an Indonesian first
name, a denial in the sentence of its claim, a "no" on the denier's side, anonymous
officials, and Chinese office holders and "there are analysts"."""

from assistant.rules import KnownSpeaker, suggest


def speakers_of(body, **kwargs):
    return [s.speaker.name if s.speaker else None for s in suggest(body, **kwargs)]


def test_a_headline_with_an_abbreviation_does_not_hide_the_credited_dateline():
    body = (
        "U.S. accuses firms of shipping drone engines; Beijing rejects charge\n\n"
        "WASHINGTON, Nov 27 (Reuters) - The State Department said on Thursday that the "
        "engines were reaching Russian factories."
    )
    (found,) = suggest(body, outlets=["Reuters"], publisher="The Straits Times")
    assert found.relays == ("Reuters",)


def test_a_person_speaking_in_a_city_is_the_person_not_the_city():
    body = (
        '"Tidak ada rencana membuka kembali ekspor bijih nikel," kata Kepala Biro Komunikasi '
        "Kementerian ESDM Agus Cahyono Adi di Jakarta, Selasa (24/11/2026).\n\n"
        '"Kami tidak akan mundur," kata Menteri Luar Negeri Ukraina Andrii Sybiha di Kyiv, '
        "Selasa."
    )
    assert speakers_of(body) == ["Agus Cahyono Adi", "Andrii Sybiha"]


def test_a_description_after_a_connective_is_the_subject():
    body = (
        "Sementara itu, ekonom Center of Reform on Economics (CORE) Mohammad Faisal "
        "mengatakan pemerintah perlu berhati-hati dengan kebijakan tersebut."
    )
    assert speakers_of(body, speakers=[KnownSpeaker(1, "Bahlil Lahadalia", ("Bahlil",))]) == [
        "Mohammad Faisal"
    ]


def test_an_indonesian_paper_calls_a_person_of_three_names_by_the_first():
    body = (
        '"Kebijakan hilirisasi tetap berjalan," kata Agus Cahyono Adi di Jakarta.\n\n'
        "Menurut Agus, kabar yang beredar di media sosial itu tidak benar."
    )
    assert speakers_of(body) == ["Agus Cahyono Adi", "Agus Cahyono Adi"]


def test_a_denial_in_the_sentence_of_its_claim_is_a_statement_that_answers_it():
    body = (
        "The United States on Thursday accused several Chinese companies of shipping drone "
        'engines to Russia, a charge Beijing rejected as a "groundless smear".'
    )
    claim, denial = suggest(body)
    assert claim.speaker.name == "United States" and denial.speaker.name == "Beijing"
    assert denial.quote == 'a charge Beijing rejected as a "groundless smear".'
    assert denial.denies == ((claim.start, claim.end),)


def test_what_is_denied_asserts_a_no_near_the_denial_is_on_its_side():
    body = (
        "Kementerian ESDM membantah kabar bahwa pemerintah akan melonggarkan larangan ekspor "
        "bijih nikel.\n\n"
        '"Tidak ada rencana membuka kembali ekspor bijih nikel," kata Kepala Biro Komunikasi '
        "Kementerian ESDM Agus Cahyono Adi.\n\n"
        "Sebelumnya, kantor berita Reuters melaporkan bahwa pemerintah tengah mempertimbangkan "
        "kuota ekspor terbatas bagi perusahaan smelter."
    )
    denial, _quote, report = suggest(body, outlets=["Reuters"])
    assert denial.denies == ((report.start, report.end),)


def test_an_anonymous_official_after_according_to_is_nobody_named_before():
    body = (
        "Kremlin spokesman Dmitry Peskov declined to comment on the allegations.\n\n"
        "At least three shipments passed through Kazakhstan this year, according to a senior "
        "U.S. official who spoke on condition of anonymity."
    )
    assert speakers_of(body) == ["Dmitry Peskov", "senior U.S. official"]


def test_a_chinese_office_holder_unnamed_is_the_office_and_there_are_analysts_is_analysts():
    body = (
        "美国商务部长在声明中称，这些企业向俄罗斯军方提供了可用于武器的电子元件。\n\n"
        "外交部发言人在例行记者会上表示，中方坚决反对美方滥用出口管制措施。\n\n"
        "有分析人士认为，新的管制措施可能推高全球芯片价格。"
    )
    assert speakers_of(body) == ["美国商务部长", "外交部", "分析人士"]
