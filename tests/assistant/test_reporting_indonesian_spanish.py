"""The quote assistant on Indonesian and Spanish reporting (issue 12, section 1)."""

import datetime

import pytest

from assistant.rules import DIRECT_QUOTE, KnownSpeaker, suggest

ZAKHAROVA = KnownSpeaker(1, "Maria Zakharova", ("Zakharova",))
US = KnownSpeaker(2, "Amerika Serikat", ("AS",))
SOLIS = KnownSpeaker(3, "Ramiro Solís", ("Solís",))


def only(suggestions):
    assert len(suggestions) == 1, suggestions
    return suggestions[0]


# Indonesian


def test_menuduh_and_membantah_are_an_accusation_and_its_denial():
    body = (
        "Departemen Keuangan AS menuduh bank-bank Rusia membantu Moskwa menghindari sanksi.\n\n"
        "Zakharova membantah tuduhan itu dan menyebutnya tidak berdasar."
    )
    accusation, denial = suggest(body, speakers=[ZAKHAROVA, US])
    assert accusation.accusation and accusation.speaker.name == "Departemen Keuangan AS"
    assert denial.speaker.id == ZAKHAROVA.id and denial.denial
    assert denial.denies == ((accusation.start, accusation.end),)


def test_dia_mengatakan_is_the_speaker_before():
    body = (
        "Zakharova mengatakan sanksi baru itu adalah langkah putus asa.\n\n"
        "Dia mengatakan Moskwa akan merespons dengan cara yang dianggap perlu."
    )
    assert [s.speaker.id for s in suggest(body, speakers=[ZAKHAROVA])] == [1, 1]


def test_a_misspelt_spokeswoman_is_the_known_speaker():
    body = (
        "Juru bicara Kementerian Luar Negeri Rusia Maria Zahkarova mengatakan sanksi itu sia-sia."
    )
    suggestion = only(suggest(body, speakers=[ZAKHAROVA]))
    assert suggestion.speaker.id == ZAKHAROVA.id


def test_mengutip_reuters_and_kepada_antara_are_relays():
    quoting = only(
        suggest(
            "Mengutip Reuters, Zakharova mengatakan Moskwa akan merespons.", speakers=[ZAKHAROVA]
        )
    )
    assert quoting.relays == ("Reuters",)
    told = only(
        suggest(
            "Menteri Sugiono mengatakan kepada Antara bahwa Indonesia terus memantau.",
            outlets=["Antara"],
        )
    )
    assert told.relays == ("Antara",) and told.speaker.name == "Sugiono"


def test_a_voa_credit_line_and_a_date_in_brackets():
    body = (
        "WASHINGTON (VOA) — Juru bicara Kementerian Luar Negeri China Lin Jian membantah laporan "
        "tersebut di Beijing, Selasa (8/7).\n\n(VOA)"
    )
    suggestion = only(suggest(body, published=datetime.date(2025, 7, 9)))
    assert suggestion.relays == ("VOA",)
    assert suggestion.speaker.name == "Lin Jian"
    assert suggestion.stated_on == datetime.date(2025, 7, 8)


def test_katanya_is_the_speaker_before():
    body = (
        "Menteri Rina Hapsari menjelaskan bahwa beras impor baru akan tiba pada bulan Maret. "
        '"Kami tidak ingin ada kekosongan stok menjelang Ramadan," tuturnya.'
    )
    _, quote = suggest(body)
    assert quote.kind == DIRECT_QUOTE and quote.speaker.name == "Rina Hapsari"


def test_baca_juga_and_the_teaser_under_it_are_left_out():
    body = (
        "Zakharova mengatakan sanksi itu sia-sia dan tidak akan berhasil.\n\n"
        "Baca Juga:\nHarga Cabai Melonjak Jelang Imlek\n\n"
        "Simak berita dan artikel lainnya di Google News"
    )
    assert len(suggest(body, speakers=[ZAKHAROVA])) == 1


# Spanish


def test_dijo_a_reuters_is_a_relay_and_the_credit_comes_first():
    body = (
        "BOGOTÁ (AFP) — Un portavoz del Consorcio Andes Litio dijo a Reuters que la empresa no "
        "comenta negociaciones en curso."
    )
    suggestion = only(suggest(body))
    assert suggestion.relays == ("AFP", "Reuters")
    assert suggestion.speaker.name == "Consorcio Andes Litio"


def test_segun_a_person_is_the_speaker():
    body = "Según Paredes, el consorcio recibiría el 70 % de los beneficios durante treinta años."
    assert only(suggest(body)).speaker.name == "Paredes"


def test_a_quote_then_the_verb_then_the_name():
    body = (
        '"Fue una agresión directa contra nuestros soldados", dijo Solís a periodistas en Bogotá.'
    )
    suggestion = only(suggest(body, speakers=[SOLIS]))
    assert suggestion.kind == DIRECT_QUOTE and suggestion.speaker.id == SOLIS.id


def test_lea_tambien_is_left_out():
    body = (
        "Solís dijo que exigía una explicación inmediata.\n\nLea también: El precio del litio cae"
    )
    assert len(suggest(body, speakers=[SOLIS])) == 1


def test_an_ambassador_to_a_country_is_learnt_without_the_country():
    body = (
        "Duta Besar Uni Eropa untuk Indonesia Denis Chaibi membantah tudingan bahwa aturan itu "
        "menyasar Indonesia.\n\n"
        '"Tidak ada satu negara pun yang kami sasar," ujar Chaibi.'
    )
    assert [s.speaker.name for s in suggest(body)] == ["Denis Chaibi", "Denis Chaibi"]


def test_an_audit_finding_and_the_no_after_the_audited_companys_own_words():
    body = (
        "Badan Pemeriksa Keuangan (BPK) menemukan kelebihan bayar Rp 45 miliar dalam proyek "
        "jalan tol.\n\n"
        "Direktur Utama Jasa Marga Rivan Purwantono mengatakan pihaknya menghormati proses "
        "audit.\n\n"
        "Namun, ia menegaskan tidak ada kelebihan bayar karena seluruh pembayaran sesuai kontrak."
    )
    finding, _respect, answer = suggest(body)
    assert finding.speaker.name == "Badan Pemeriksa Keuangan"
    assert answer.denies == ((finding.start, finding.end),)


def test_the_body_spoken_of_before_speaks_again_as_el_organismo():
    body = (
        "El Consejo Nacional Electoral (CNE) afirmó que el escrutinio avanza con normalidad.\n\n"
        "Dos funcionarios del CNE dijeron al diario La Prensa que el sistema se cayó.\n\n"
        "En el mismo texto, el organismo sostuvo que el sistema funcionó sin interrupciones."
    )
    assert [s.speaker.name for s in suggest(body)] == [
        "Consejo Nacional Electoral",
        "funcionarios del CNE",
        "Consejo Nacional Electoral",
    ]


def test_two_surnames_name_the_person_first_named_with_three_words():
    body = (
        "“La plantilla ha perdido 140 conductores”, afirmó el secretario general del "
        "sindicato, Diego Martín Arroyo.\n\n"
        "Martín Arroyo acusó además a la empresa de haber maquillado los datos del paro."
    )
    assert [s.speaker.name for s in suggest(body)] == ["Diego Martín Arroyo"] * 2


def test_how_and_to_which_medium_it_spoke_come_before_a_long_postposed_subject():
    body = (
        "El portavoz del sindicato, Diego Martín Arroyo, afirmó que el paro fue un éxito.\n\n"
        "“Lo que cuenta la empresa no se parece en nada a lo que hemos visto”, aseguró en "
        "declaraciones a la Cadena SER la presidenta de la Asociación de Usuarios de "
        "Cercanías de Madrid, Pilar Guzmán."
    )
    found = suggest(body, outlets=["Cadena SER"])
    assert [s.speaker.name for s in found] == ["Diego Martín Arroyo", "Pilar Guzmán"]


def test_a_relative_clause_after_a_name_and_an_english_title_are_no_part_of_the_speaker():
    body = (
        "Serikat Pengemudi Daring Indonesia (SPDI) yang menggerakkan aksi itu menuding "
        "aplikator memotong pendapatan mitra melebihi ketentuan.\n\n"
        '"Komisi kami tetap 20 persen," kata Head of Corporate Affairs Ayo Jalan, Nadia '
        "Prameswari, saat dihubungi."
    )
    assert [s.speaker.name for s in suggest(body)] == [
        "Serikat Pengemudi Daring Indonesia",
        "Nadia Prameswari",
    ]


def test_what_a_bodys_data_show_the_body_says():
    body = (
        "Los datos del Consorcio Regional de Transportes de Madrid, que sigue en tiempo real "
        "la circulación de la red, apuntan a que solo circuló el 48% de los trenes."
    )
    assert [s.speaker.name for s in suggest(body)] == [
        "Consorcio Regional de Transportes de Madrid"
    ]


def test_a_ministry_before_the_name_its_short_form_spells_is_part_of_the_name():
    body = (
        "JAKARTA, Kontan.co.id - Kementerian Energi dan Sumber Daya Mineral (ESDM) membantah "
        "kabar bahwa pemerintah akan melonggarkan larangan ekspor bijih nikel."
    )
    (found,) = suggest(body, language="id")
    assert found.speaker.name == "Kementerian Energi dan Sumber Daya Mineral"


@pytest.mark.parametrize(
    ("sentence", "language", "speaker"),
    [
        (
            "Camat Cibeureum Dedi Supriadi mengatakan banjir merendam 300 rumah.",
            "id",
            "Dedi Supriadi",
        ),
        (
            "El concejal de Suárez Wilson Larrahondo afirmó que la compañía conocía las "
            "fisuras desde julio.",
            "es",
            "Wilson Larrahondo",
        ),
    ],
)
def test_a_local_office_before_the_place_it_is_of_is_a_role(sentence, language, speaker):
    (found,) = suggest(sentence, language=language)
    assert found.speaker.name == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "La regidora de Tlaquepaque María Elena Robles afirmó que hubo otros dos contagios.",
            "María Elena Robles",
        ),
        (
            "El alcalde de Tlaquepaque Juan Pérez dijo que las escuelas siguen abiertas.",
            "Juan Pérez",
        ),
    ],
)
def test_a_compound_given_name_after_a_role_is_kept_and_a_place_is_not(sentence, speaker):
    (found,) = suggest(sentence, language="es")
    assert found.speaker.name == speaker


def test_after_an_office_of_a_place_the_place_then_all_the_persons_names():
    body = (
        "Anggota DPRD Kotawaringin Barat Rudi Hartono Simanjuntak menuding kontraktor "
        "mengurangi jumlah besi tulangan pada pilar jembatan."
    )
    (found,) = suggest(body, language="id")
    assert found.speaker.name == "Rudi Hartono Simanjuntak"


def test_a_spanish_name_of_four_words_is_learnt_whole_and_called_by_its_first_surname():
    body = (
        "El director del colegio, Julio César Paredes Lazo, afirmó que la matrícula se "
        "devolverá.\n\n"
        "Paredes aseguró además que la UGEL conocía el cierre desde octubre."
    )
    found = suggest(body, language="es")
    assert [s.speaker.name for s in found] == ["Julio César Paredes Lazo"] * 2


def test_the_company_is_the_name_its_apposition_describes():
    body = (
        "Los inspectores encontraron fallas en la cocina de Alimentos Escolares del Bajío, la "
        "empresa que surte los desayunos.\n\n"
        "Maldonado aseguró además que la asociación advirtió a la SEJ desde octubre.\n\n"
        "La empresa negó que sus alimentos estén relacionados con el brote."
    )
    found = suggest(body, language="es")
    assert found[-1].speaker.name == "Alimentos Escolares del Bajío"


def test_a_paper_quoted_first_relays_whoever_speaks_after_the_comma():
    body = (
        "Mengutip Radar Gresik, seorang sumber di internal perusahaan menyebut kebocoran berasal "
        "dari pipa transfer yang seharusnya diganti sejak Juni."
    )
    (found,) = suggest(body, language="id")
    assert (found.speaker.name, found.relays) == (
        "sumber di internal perusahaan",
        ("Radar Gresik",),
    )


def test_declining_to_refer_to_something_is_declining_to_comment():
    body = (
        "El superintendente de Electricidad, Luis Ernesto Cabral Ortiz, declinó referirse a esa "
        "información."
    )
    (found,) = suggest(body, language="es")
    assert (found.speaker.name, found.rule) == ("Luis Ernesto Cabral Ortiz", "declined to comment")


def test_a_ministrys_official_named_after_its_role_and_the_body_speaks():
    ministry = KnownSpeaker(8, "Kementerian Koperasi")
    body = (
        "Deputi Bidang Pengawasan Kementerian Koperasi Hendra Wijaya Kusumo mengatakan, kredit "
        "macet di koperasi itu hanya sekitar 9% dari total pinjaman."
    )
    (found,) = suggest(body, speakers=[ministry], language="id")
    assert found.speaker.name == "Hendra Wijaya Kusumo"


def test_the_executive_named_before_is_whom_el_ejecutivo_means():
    body = (
        "“Esto no se va a detener”, afirmó el gerente general de Edesureste, Manuel Antonio "
        "Fermín Jiménez.\n\n"
        "Según el ejecutivo, las facturas subieron porque antes se cobraba por estimación."
    )
    found = suggest(body, language="es")
    assert found[-1].speaker.name == found[0].speaker.name


def test_an_airline_by_its_name_and_its_corporate_secretary_after_a_comma():
    body = (
        "JAKARTA - Maskapai Lintas Nusa Air membantah menjual tiket di atas tarif batas atas.\n\n"
        '"Tidak ada satu pun rute yang melewati batas atas," kata Corporate Secretary Lintas '
        "Nusa Air, Daniel Parlindungan Hutapea, saat dihubungi."
    )
    found = suggest(body, language="id")
    assert [s.speaker.name for s in found] == ["Lintas Nusa Air", "Daniel Parlindungan Hutapea"]
