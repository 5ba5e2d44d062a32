"""The quote assistant on how reporting pairs a statement with what answers it (issue 12):
criticism is answered as well as answering, a report named is what its outlet carried, and
a reply right after another's claim answers it."""

import pytest

from assistant.rules import suggest


def starting(pairs, opening):
    """The quote among `pairs` that opens with these words."""
    return next(quote for quote in pairs if quote.startswith(opening))


def denied_by(body, **kwargs):
    """Each suggestion's quote → the quotes it denies."""
    found = suggest(body, **kwargs)
    quotes = {(s.start, s.end): s.quote for s in found}
    return {s.quote: [quotes[span] for span in s.denies] for s in found}


def test_criticism_is_answered_by_the_rejection_that_follows():
    body = (
        "Le Premier ministre hongrois Viktor Orbán a dénoncé jeudi une « ingérence » de "
        "Bruxelles dans les affaires de son pays.\n\n"
        "La présidente de la Commission a salué de son côté l'accord conclu avec Kiev.\n\n"
        "Le commissaire européen à la Justice Michael McGrath a rejeté ces critiques."
    )
    pairs = denied_by(body)
    rejection = starting(pairs, "Le commissaire")
    assert pairs[rejection] == [next(quote for quote in pairs if "Orbán" in quote)]


def test_spains_perfect_tense_reports_and_denunciar_accuses():
    body = (
        "La asociación Pro Derechos ha denunciado este jueves que la policía retuvo a doce "
        "jornaleros sin asistencia letrada durante dos días.\n\n"
        '"Los tuvieron dos días sin abogado y sin agua", ha relatado la portavoz de la '
        "asociación, Ana Ruiz.\n\n"
        "La Delegación del Gobierno ha negado esas acusaciones."
    )
    pairs = denied_by(body)
    assert len(pairs) == 3
    denial = starting(pairs, "La Delegación")
    assert pairs[denial] == [next(quote for quote in pairs if "ha denunciado" in quote)]


def test_an_answer_that_names_a_report_answers_what_its_outlet_carried():
    body = (
        "Japan's trade ministry accused China on Wednesday of holding up export licences for "
        "rare earth magnets.\n\n"
        "Toyota has warned suppliers that two assembly lines could halt next month, the "
        "Nikkei newspaper reported.\n\n"
        'The Chinese embassy in Tokyo described the Nikkei story as "groundless speculation".'
    )
    pairs = denied_by(body, outlets=["Nikkei"])
    embassy = starting(pairs, "The Chinese embassy")
    assert pairs[embassy] == [starting(pairs, "Toyota")]


def test_russian_refutations_and_the_publications_they_answer():
    body = (
        "Премьер-министр Армении Никол Пашинян заявил в среду, что Россия так и не "
        "поставила республике оплаченное вооружение.\n\n"
        "Пресс-секретарь президента России Дмитрий Песков назвал претензии армянской "
        "стороны «не соответствующими действительности».\n\n"
        "Ранее газета «Коммерсантъ» со ссылкой на источники сообщила, что Ереван ведет "
        "переговоры о закупке систем у Индии.\n\n"
        "Официальный представитель МИД России Мария Захарова назвала эти публикации "
        "«информационным вбросом»."
    )
    pairs = denied_by(body, outlets=["Коммерсантъ"])
    peskov = next(quote for quote in pairs if "Песков" in quote)
    zakharova = next(quote for quote in pairs if "Захарова" in quote)
    assert pairs[peskov] == [next(quote for quote in pairs if "Пашинян" in quote)]
    assert pairs[zakharova] == [next(quote for quote in pairs if "Коммерсантъ" in quote)]


def test_a_chinese_official_objection_answers_the_measure():
    body = (
        "欧盟委员会1日宣布对原产于中国的风力发电机组发起反补贴调查，称中国企业获得了不公平的政府补贴。\n\n"
        "商务部新闻发言人何咏前2日就此答记者问时表示，中方对欧方滥用贸易救济措施表示强烈不满和坚决反对。"
    )
    (claim, answer) = suggest(body)
    assert answer.denies == ((claim.start, claim.end),)


def test_a_standfirst_above_the_byline_is_no_statement():
    body = (
        "Paris accuse Bakou d'ingérence\n\n"
        "Le service Viginum dit avoir repéré des milliers de faux comptes avant le scrutin.\n\n"
        "Par Martin Delacroix\nPublié le 02/12/2026 à 11:42\n\n"
        "Le service Viginum affirme dans un rapport publié mardi avoir identifié plus de 4000 "
        "faux comptes liés à l'Azerbaïdjan.\n\n"
        "Bakou a rejeté ces accusations en bloc."
    )
    found = suggest(body)
    assert [s.quote[:20] for s in found] == ["Le service Viginum a", "Bakou a rejeté ces a"]
    assert found[1].denies == ((found[0].start, found[0].end),)


def test_a_standfirst_above_a_byline_and_a_date_with_no_clock_is_no_statement():
    body = (
        "Sri Lanka denies letting Chinese survey ship map seabed\n\n"
        'Opposition says navy "looked the other way" as research vessel went dark.\n\n'
        "By Al Jazeera Staff\nPublished On 3 Dec 2026\n\n"
        "Colombo, Sri Lanka – Sri Lanka's government has rejected accusations that it "
        "secretly allowed a Chinese research vessel to map the seabed.\n\n"
        "The accusation was first made on Monday by opposition MP Harsha Kumara "
        "Wickramaratne, who told parliament that the ship had spent nine days off Trincomalee."
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == [
        "Sri Lanka's government",
        "Harsha Kumara Wickramaratne",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The State Department accused Beijing on Monday of supplying drone parts to Russia.\n\n"
        "China's foreign ministry spokesperson Lin Jian said China had never provided lethal "
        "weapons to any party.",
        "Human Rights Watch said police had beaten at least 20 protesters in the capital.\n\n"
        "The interior ministry insisted officers had acted lawfully and with restraint.",
        "美国国务院发言人称，中国向俄罗斯提供了军民两用物资。\n\n"
        "外交部发言人林剑表示，中方从未向冲突任何一方提供致命性武器。",
        "Украинская сторона заявила, что российские войска обстреляли Херсон.\n\n"
        "В Минобороны России эту информацию опровергли.",
        "Госдеп США обвинил Россию в поставках оружия КНДР.\n\n"
        "В МИД России назвали эти обвинения беспочвенными.",
    ],
)
def test_a_reply_right_after_anothers_claim_answers_it(body):
    claim, answer = suggest(body)
    assert answer.denies == ((claim.start, claim.end),)


def test_a_minister_of_a_portfolio_named_for_the_first_time_is_nobody_who_spoke_before():
    body = (
        "Le Rassemblement national accuse le gouvernement d'avoir caché le coût réel de la "
        "réforme.\n\n"
        "Le ministre de l'Économie a contesté ces chiffres, assurant que toutes les données ont "
        "été publiées."
    )
    claim, answer = suggest(body)
    assert answer.speaker.name == "ministre de l'Économie"
    assert answer.denies == ((claim.start, claim.end),)


def test_a_body_answers_what_was_said_of_its_country():
    body = (
        "The European Commission said on Tuesday that Chinese electric car makers had received "
        "unfair subsidies worth billions of euros.\n\n"
        "Analysts at Nomura said the duties could cut exports by a fifth.\n\n"
        "China's commerce ministry said the accusations were groundless and vowed to defend "
        "its companies."
    )
    claim, _analysts, answer = suggest(body)
    assert answer.denies == ((claim.start, claim.end),)


@pytest.mark.parametrize(
    "body",
    [
        "El Gobierno boliviano negó este martes que el camión detenido en la frontera "
        "transportara armas.\n\n"
        "El ministro de Defensa, Edmundo Novillo, dijo que la carga era de repuestos "
        "agrícolas.\n\n"
        "El diputado opositor Carlos Mamani había asegurado el lunes que el cargamento "
        "incluía fusiles de asalto.",
        "The port authority denied on Tuesday that any cargo had been diverted.\n\n"
        "Its chairman, Rohan Silva, said all manifests were in order.\n\n"
        "Opposition MP Harsha de Silva had said on Monday that two containers of rifles "
        "left the port unrecorded.",
    ],
)
def test_a_denial_answers_the_claim_reported_after_it_in_the_past_before_the_past(body):
    denial, _their_side, claim = suggest(body)
    assert denial.denies == ((claim.start, claim.end),)


def test_a_rejection_of_the_ministers_words_answers_the_minister():
    body = (
        "El ministro de Economía, Luis Caputo, afirmó el lunes que la inflación de diciembre "
        "bajará del 2 %.\n\n"
        "La consultora Equilibra estimó que los precios subieron 2,4 % en noviembre.\n\n"
        "La CGT rechazó las palabras del ministro y convocó a un paro."
    )
    minister, _estimate, rejection = suggest(body)
    assert rejection.denies == ((minister.start, minister.end),)


def test_a_denial_of_that_claim_answers_the_last_speaker_before_it():
    # "klaim itu" points at what was said last, not at the minister's earlier words that
    # share more with the denial: the regent's own denial follows the company's answer.
    body = (
        "Menteri Kelautan Sakti Wahyu mengatakan kapal milik PT Samudra Jaya menangkap ikan "
        "di zona larangan.\n\n"
        "PT Samudra Jaya membantah tuduhan tersebut.\n\n"
        '"Kapal kami berada di luar zona larangan," kata juru bicara perusahaan, Andi '
        "Saputra.\n\n"
        "Aktivis lingkungan Maya Sari mengatakan izin tangkap di perairan itu diterbitkan "
        "Dinas Kelautan Maluku tanpa kajian.\n\n"
        "Kepala Dinas Kelautan Maluku Budi Santoso menepis klaim itu."
    )
    pairs = denied_by(body)
    regent = starting(pairs, "Kepala Dinas")
    assert pairs[regent] == [starting(pairs, "Aktivis")]


def test_that_claim_is_what_was_reported_before_it_not_the_words_it_shares():
    body = (
        "Menteri Perhubungan Rudi Hartono mengatakan data kementerian menunjukkan antrean "
        "kendaraan di Pelabuhan Merak sudah terurai sejak Minggu pagi.\n\n"
        "Kepala Dinas Perhubungan Banten Yusuf Maulana sebelumnya menyebut jumlah penumpang "
        "turun separuh dibanding tahun lalu.\n\n"
        "Ketua Organda Banten Sri Lestari membantah klaim tersebut dan menyebut data Organda "
        "menunjukkan angka yang jauh berbeda."
    )
    pairs = denied_by(body)
    denial = starting(pairs, "Ketua Organda")
    assert pairs[denial] == [starting(pairs, "Kepala Dinas")]


@pytest.mark.parametrize(
    ("body", "answer", "answered"),
    [
        (
            "El ministro de Economía, Pablo Serrano, afirmó que la inflación bajará al 3 % en "
            "marzo.\n\nLa patronal Cepyme informó de que 400 comercios cerraron en enero.\n\n"
            "El Banco Central respondió que, contrariamente a lo dicho por Serrano, los precios "
            "seguirán subiendo durante la primavera.",
            "El Banco Central",
            "El ministro",
        ),
        (
            "美国商务部发言人周二称，多家中国企业向俄罗斯出口了无人机发动机。\n\n"
            "哈萨克斯坦海关官员称，10月共查获两批货物。\n\n"
            "中国外交部发言人毛宁回应称，美国长期向冲突地区输送武器，没有资格对别国指手画脚。",
            "中国外交部",
            "美国商务部",
        ),
    ],
    ids=["es", "zh"],
)
def test_an_answer_that_names_a_speaker_answers_them_not_the_one_just_before(
    body, answer, answered
):
    pairs = denied_by(body)
    reply = starting(pairs, answer)
    assert pairs[reply] == [starting(pairs, answered)]


@pytest.mark.parametrize(
    ("body", "speakers"),
    [
        (
            "El Sindicato de Controladores Aéreos (USCA), convocante del paro, cifró el "
            "seguimiento en el 88% de la plantilla.\n\nAena lo situó en el 35%.",
            ["Sindicato de Controladores Aéreos", "Aena"],
        ),
        (
            "The ministry said 1,200 homes had been flooded in the district.\n\n"
            "The Red Cross puts the number at 4,000 homes.",
            ["ministry", "Red Cross"],
        ),
        (
            "Le syndicat SNPL a affirmé que 70 % des vols avaient été annulés.\n\n"
            "Air Austral fait état de 30 % de vols annulés.",
            ["SNPL", "Air Austral"],
        ),
    ],
    ids=["es", "en", "fr"],
)
def test_another_speakers_figure_for_the_same_count_disputes_the_first(body, speakers):
    found = suggest(body)
    assert [s.speaker.name for s in found] == speakers
    assert found[1].denies == ((found[0].start, found[0].end),)


def test_figures_of_different_things_are_no_dispute():
    body = (
        "The ministry said 1,200 homes had been flooded in the district.\n\n"
        "The Red Cross said 300 volunteers had arrived by Sunday."
    )
    assert [s.denies for s in suggest(body)] == [(), ()]


def test_a_sentence_that_goes_on_in_her_words_is_one_paraphrase_and_a_bare_rival_number():
    body = (
        "Albright said the company had cut 40 carman positions in Nebraska over two years, "
        '"almost all of them through retirements." The union puts the number at 112.'
    )
    found = suggest(body)
    assert [s.quote for s in found] == [
        "Albright said the company had cut 40 carman positions in Nebraska over two years, "
        '"almost all of them through retirements."',
        "The union puts the number at 112.",
    ]
    assert found[1].denies == ((found[0].start, found[0].end),)


def test_a_no_in_the_words_of_anothers_claim_gainsays_it_statements_later():
    body = (
        "Juru bicara PT Ayo Jalan, Nadia Prameswari, mengatakan biaya layanan dibayar oleh "
        "penumpang.\n\n"
        "Ketua SPDI Rahmat Sidik mengatakan aksi akan berlanjut pekan depan.\n\n"
        "Anggota DPR Sigit Hartanto menilai pemerintah perlu mengaudit aplikator.\n\n"
        "Seorang pengemudi, Wahyu Saputra, mengatakan biaya layanan itu bukan dibayar "
        "penumpang, melainkan dipotong dari saldonya."
    )
    pairs = denied_by(body)
    driver = starting(pairs, "Seorang pengemudi")
    assert pairs[driver] == [starting(pairs, "Juru bicara")]


def test_a_second_denial_by_the_same_speaker_answers_what_its_own_words_meet():
    body = (
        "La militante Camille Ferrand affirme que le préfet a écarté l'avis défavorable de "
        "l'Office de la biodiversité.\n\n"
        "Ferrand affirme aussi que les gendarmes ont lancé au moins six grenades de "
        "désencerclement samedi.\n\n"
        "La préfecture a démenti vendredi avoir écarté l'avis de l'office.\n\n"
        "La préfecture a par ailleurs démenti tout usage de grenades de désencerclement lors "
        "du rassemblement."
    )
    pairs = denied_by(body)
    second = next(quote for quote in pairs if "par ailleurs" in quote)
    assert pairs[second] == [starting(pairs, "Ferrand affirme")]


def test_a_figure_set_against_anothers_answers_it_whatever_it_counts():
    body = (
        "La Secretaría de Salud Jalisco confirmó 12 casos de hepatitis A entre alumnos de tres "
        "escuelas.\n\n"
        "La Unión de Padres de Familia sostiene, en cambio, que los contagios suman ya 40."
    )
    first, second = suggest(body, language="es")
    assert (first.denies, second.denies) == ((), ((first.start, first.end),))


@pytest.mark.parametrize(
    ("body", "language"),
    [
        (
            "« Nous avons renforcé l'équipe de 40 agents », a rappelé la ministre, Marie "
            "Vandeputte.\n\n« Sur ces 40, il y a 31 stagiaires », a dit Samir El Ouali.",
            "fr",
        ),
        (
            "龙华区住房和建设局表示，改造后的租金涨幅约为12%。\n\n"
            "深圳大学教授林海东认为，住建局所说的12%是整栋楼的平均租金涨幅。",
            "zh",
        ),
    ],
)
def test_anothers_figure_pointed_at_again_is_disputed(body, language):
    first, second = suggest(body, language=language)
    assert second.denies == ((first.start, first.end),)
