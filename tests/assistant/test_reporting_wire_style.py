"""The quote assistant on the shapes real wire and newspaper reporting takes, found by
reading it as a researcher would (issue 12): titles and places before a name, the house
styles of datelines, a spokesperson's briefing transcript, a subject interrupted by what
it was doing."""

import pytest

from assistant.rules import DIRECT_QUOTE, suggest


def speakers_of(body, **kwargs):
    return [s.speaker.name if s.speaker else None for s in suggest(body, **kwargs)]


# Titles and places before a name: the person is the name after them.


def test_an_ambassador_to_a_country_is_the_person_after_the_country():
    body = "Duta Besar Rusia untuk Indonesia Sergei Tolchenov menyebut tuduhan itu tidak berdasar."
    assert speakers_of(body) == ["Sergei Tolchenov"]


def test_a_chief_of_staff_is_the_person_after_the_office():
    body = "Kepala Staf Kepresidenan Moeldoko menilai Indonesia tetap netral dalam konflik itu."
    assert speakers_of(body) == ["Moeldoko"]


def test_an_analyst_of_a_university_is_the_person_after_it():
    body = (
        "Pengamat hubungan internasional Universitas Indonesia Hikmahanto Juwana berpendapat "
        "kunjungan itu wajar dalam kerangka diplomasi."
    )
    assert speakers_of(body) == ["Hikmahanto Juwana"]


def test_an_embassy_in_a_city_is_the_embassy():
    body = "Kedubes AS di Jakarta belum memberikan tanggapan atas pertemuan tersebut."
    assert speakers_of(body) == ["Kedubes AS di Jakarta"]


def test_a_country_abbreviation_after_a_title_is_not_part_of_the_name():
    body = (
        "Россия не намерена отвечать на санкции зеркально, заявил пресс-секретарь президента "
        "РФ Дмитрий Песков.\n\n"
        "Ранее госсекретарь США Энтони Блинкен заявил, что Китай помогает России.\n\n"
        "Официальный представитель МИД России Мария Захарова назвала санкции незаконными."
    )
    assert speakers_of(body) == ["Дмитрий Песков", "Энтони Блинкен", "Мария Захарова"]


def test_a_weekday_after_the_cue_is_never_the_speaker():
    body = (
        '"Indonesia konsisten dengan politik luar negeri bebas aktif," tutur Sugiono usai '
        "bertemu Menlu Rusia Sergei Lavrov di Moskow, Selasa.\n\n"
        "Ia menjelaskan bahwa kedua menteri membahas kerja sama energi."
    )
    assert speakers_of(body) == ["Sugiono", "Sugiono"]


def test_a_chinese_press_secretary_is_the_name_after_the_title():
    body = "俄罗斯总统新闻秘书佩斯科夫对记者说：“这些制裁不会改变我们的立场。”"
    assert speakers_of(body) == ["佩斯科夫"]


def test_a_subject_interrupted_by_what_it_was_doing_still_speaks():
    body = (
        "Secretary of State Antony Blinken, speaking to reporters in Brussels, said the "
        "United States had shared intelligence with European allies."
    )
    assert speakers_of(body) == ["Antony Blinken"]


# House styles of datelines and credits.


def test_an_antara_dateline_in_title_case_credits_every_statement():
    body = (
        "Jakarta (ANTARA) - Menteri Luar Negeri Sugiono menegaskan Indonesia akan terus "
        "mendorong penyelesaian damai.\n\n"
        '"Indonesia konsisten dengan politik bebas aktif," kata Sugiono kepada wartawan.'
    )
    first, second = suggest(body)
    assert first.quote.startswith("Menteri Luar Negeri Sugiono")
    assert first.relays == second.relays == ("ANTARA",)


def test_a_xinhua_dateline_leaves_out_the_reporter_byline():
    body = "新华社北京12月1日电（记者 王晓）外交部发言人林剑1日在例行记者会上表示，中方从未提供致命性武器。"
    (suggestion,) = suggest(body)
    assert suggestion.quote.startswith("外交部发言人林剑")
    assert suggestion.relays == ("新华社",)


# A spokesperson's briefing, as the ministry publishes it: name, colon, answer.


def test_a_briefing_transcript_is_the_spokespersons_statements_and_not_the_questions():
    body = (
        "中国外交部发言人毛宁在12月2日的例行记者会上回答提问。\n\n"
        "路透社记者：美国财政部宣布对多家中国企业实施制裁。中方有何评论？\n\n"
        "毛宁：中方坚决反对美方非法单边制裁。我们将采取必要措施，坚决维护中国企业的正当权益。\n\n"
        "问：有报道称，美方还将实施二级制裁。\n\n"
        "答：我不了解你提到的情况。"
    )
    found = suggest(body)
    answers = [s for s in found if s.quote.startswith(("中方坚决", "我不了解"))]
    assert [(s.speaker.name, s.kind) for s in answers] == [
        ("毛宁", DIRECT_QUOTE),
        ("毛宁", DIRECT_QUOTE),
    ]
    assert answers[0].quote.endswith("正当权益。")
    assert not [s for s in found if "记者：" in s.quote or "有何评论" in s.quote]


def test_an_english_briefing_transcript_is_read_the_same_way():
    body = (
        "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on December 2\n\n"
        "AFP: The US Treasury has sanctioned several Chinese companies. What is your comment?\n\n"
        "Lin Jian: China firmly opposes illegal unilateral sanctions. We will take necessary "
        "measures to safeguard the lawful rights of Chinese companies."
    )
    (answer,) = [s for s in suggest(body) if s.quote.startswith("China firmly")]
    assert answer.speaker.name == "Lin Jian" and answer.kind == DIRECT_QUOTE
    assert not [s for s in suggest(body) if "What is your comment" in s.quote]


def test_a_question_is_not_a_statement():
    body = "有记者问：美国国务卿布林肯日前称，中国是俄罗斯国防工业的主要贡献者。中方对此有何回应？"
    quotes = [s.quote for s in suggest(body)]
    assert not [q for q in quotes if q.endswith("？")]


def test_a_clause_opening_adverb_is_not_a_speaker_for_the_pronoun_after():
    body = (
        "林剑说，美方一边出台援助乌克兰的法案，一边对中俄正常贸易往来横加指责，这是双重标准。\n\n"
        "他强调，中方在乌克兰问题上始终秉持客观公正立场。"
    )
    assert speakers_of(body) == ["林剑", "林剑"]


def test_a_role_of_several_words_after_the_verb_leads_to_the_name():
    body = (
        '"These are defensive capabilities meant to deter aggression," said Pentagon press '
        "secretary Pat Ryder, adding that Washington had informed its allies."
    )
    assert speakers_of(body) == ["Pat Ryder"]


def test_a_dateline_after_a_headline_a_time_stamp_and_a_byline_still_credits():
    body = (
        "Russia says US missile plan risks new arms race\n\n"
        "Published December 1, 2025 3:45pm EST\n\n"
        "By Guy Faulconbridge\n\n"
        "MOSCOW, Dec 1 (Reuters) - Russia warned on Monday that the plan would trigger a new "
        "arms race.\n\n"
        "Kremlin spokesman Dmitry Peskov told reporters that the Europeans were targets again."
    )
    first, second = suggest(body)
    assert first.quote.startswith("Russia warned")
    assert first.relays == second.relays == ("Reuters",)


def test_a_site_credit_is_read_whole():
    body = (
        "Kompas.com - 01/12/2025, 14:30 WIB\n\n"
        "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto menegaskan Indonesia tidak akan ikut "
        "campur urusan negara lain."
    )
    (suggestion,) = suggest(body)
    assert suggestion.relays == ("KOMPAS.com",)


def test_an_embassy_of_a_country_in_a_city_and_an_initial_in_capitals():
    body = (
        "Anggota Komisi I DPR TB Hasanuddin mengkritik pemerintah yang dinilai terlalu lunak.\n\n"
        "Kedutaan Besar China di Jakarta membantah kapal-kapalnya melanggar hukum internasional."
    )
    assert speakers_of(body) == ["TB Hasanuddin", "Kedutaan Besar China di Jakarta"]


def test_ju_an_unknown_agency_baodao_is_a_relay_and_the_speaker_follows():
    body = "据俄罗斯卫星通讯社报道，俄罗斯外长拉夫罗夫1日表示，俄方愿意与美方就乌克兰问题进行对话。"
    (suggestion,) = suggest(body)
    assert suggestion.speaker.name == "拉夫罗夫"
    assert suggestion.relays == ("俄罗斯卫星通讯社",)


def test_a_broadcasters_dateline_and_a_statement_posted_on_telegram():
    body = (
        "Jakarta, CNN Indonesia -- Kementerian Luar Negeri RI memastikan tidak ada WNI yang "
        "menjadi korban serangan rudal di Kyiv.\n\n"
        "Kementerian Pertahanan Rusia dalam pernyataannya di Telegram menyebut serangan itu hanya "
        "menyasar fasilitas militer.\n\n"
        '"Rusia kembali menyerang kota-kota kami," tulis Zelensky di akun X miliknya.'
    )
    first, second, third = suggest(body)
    assert first.quote.startswith("Kementerian Luar Negeri RI")
    assert first.relays[0] == "CNN Indonesia"
    assert second.speaker.name == "Kementerian Pertahanan Rusia"
    assert "Telegram" in second.relays
    assert third.speaker.name == "Zelensky" and third.cue == "tulis"


def test_lashing_out_and_calling_it_a_fragment_is_a_statement():
    body = (
        "President Donald Trump on Friday lashed out at the special counsel, calling the "
        'investigation a "witch hunt" and insisting he had done nothing wrong.'
    )
    (suggestion,) = suggest(body)
    assert suggestion.speaker.name == "Donald Trump" and suggestion.accusation


def test_a_papers_own_dateline_and_a_chief_cabinet_secretary():
    body = (
        "本报华盛顿12月1日电 美国国务卿鲁比奥当地时间1日在国会听证会上称，中国是美国面临的最大威胁。\n\n"
        "日本官房长官林芳正在记者会上表示，日方对此不予置评。"
    )
    first, second = suggest(body)
    assert first.quote.startswith("美国国务卿鲁比奥") and first.relays == ()
    assert [first.speaker.name, second.speaker.name] == ["鲁比奥", "林芳正"]


def test_an_embassy_in_lower_case_in_a_city_is_the_embassy():
    body = "The Russian embassy in Washington did not immediately respond to a request for comment."
    assert speakers_of(body) == ["Russian embassy in Washington"]


def test_a_city_alone_before_a_dash_is_a_dateline():
    body = (
        "Jakarta - Menteri Pertahanan Sjafrie Sjamsoeddin memastikan Indonesia tidak akan "
        "membeli pesawat tempur dari Rusia."
    )
    (suggestion,) = suggest(body)
    assert suggestion.quote.startswith("Menteri Pertahanan")


def test_the_person_after_an_organisations_bracketed_short_name():
    body = (
        "Pengamat militer dari Institute for Security and Strategic Studies (ISESS) Khairul "
        "Fahmi menilai pernyataan Menhan sudah tepat."
    )
    assert speakers_of(body) == ["Khairul Fahmi"]


def test_an_unnamed_spokesperson_is_not_the_one_named_before():
    body = (
        '"This is typical economic coercion," said foreign ministry spokesperson Guo Jiakun.\n\n'
        "A department spokesperson, who asked not to be named, said the listings were based on "
        "solid evidence."
    )
    assert speakers_of(body) == ["Guo Jiakun", "department spokesperson"]


def test_an_agency_reporting_is_a_statement_of_the_agency():
    body = (
        "Sebelumnya, kantor berita Rusia RIA Novosti melaporkan bahwa Moskow menawarkan Su-35 "
        "kepada Jakarta dengan skema barter."
    )
    (suggestion,) = suggest(body)
    assert "RIA Novosti" in suggestion.speaker.name or "RIA Novosti" in suggestion.relays


def test_a_chinese_quote_its_attribution_interrupts_on_a_comma_is_one_statement():
    body = "“美方泛化国家安全概念，滥用出口管制措施，”郭嘉昆说，“这是典型的经济胁迫。”"
    (suggestion,) = suggest(body)
    assert suggestion.speaker.name == "郭嘉昆" and suggestion.kind == DIRECT_QUOTE
    assert suggestion.text == "美方泛化国家安全概念，滥用出口管制措施，这是典型的经济胁迫。"


def test_discourse_markers_a_name_before_the_comma_and_unnamed_sources():
    body = (
        "Как заявил журналистам пресс-секретарь Кремля Дмитрий Песков, Москва с уважением "
        "относится к позиции Пекина."
    )
    assert speakers_of(body) == ["Дмитрий Песков"]
    body = (
        "Por su parte, el Departamento de Estado estadounidense afirmó en un comunicado que "
        "sigue comprometido con la paz.\n\n"
        "Según fuentes diplomáticas citadas por la agencia EFE, la próxima ronda podría "
        "celebrarse en Estambul."
    )
    first, second = suggest(body)
    assert first.speaker.name == "Departamento de Estado estadounidense"
    assert second.speaker.name == "fuentes diplomáticas" and "EFE" in second.relays


def test_the_subject_after_the_verb_ends_where_the_circumstances_begin():
    body = (
        "« La Chine a un rôle majeur à jouer », a déclaré le chef de l'État lors d'une "
        "conférence de presse à l'Élysée."
    )
    (suggestion,) = suggest(body)
    assert suggestion.speaker.name == "chef de l'État"


def test_what_brought_one_to_speak_is_not_a_name_and_a_broadcaster_named_as_such_relays():
    body = (
        "Asked about Lavrov's comments, a White House official said the administration "
        "remained open to diplomacy.\n\n"
        "Xi said the two countries' relationship was rock solid, according to state "
        "broadcaster CCTV."
    )
    first, second = suggest(body)
    assert first.speaker.name == "White House official"
    assert second.relays == ("CCTV",)


def test_a_full_name_is_learnt_from_a_caption():
    body = (
        "ILUSTRASI. Presiden Rusia Vladimir Putin berbicara dalam rapat di Moskwa. "
        "(ANTARA/REUTERS/Maxim Shemetov)\n\n"
        "Putin mengatakan Rusia akan merespons setiap penempatan rudal AS di Eropa."
    )
    assert speakers_of(body) == ["Vladimir Putin"]


def test_she_said_passes_over_a_man_who_spoke_after_her():
    body = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova said the sanctions were illegal.\n\n"
        "Kremlin spokesman Dmitry Peskov said Moscow would respond.\n\n"
        '"We will not be intimidated," she said.'
    )
    assert speakers_of(body) == ["Maria Zakharova", "Dmitry Peskov", "Maria Zakharova"]


def test_a_credit_that_opens_the_story_and_a_dateline_alone_on_its_line_relay_it():
    bloomberg = (
        "(Bloomberg) -- Japan's trade ministry said on Wednesday that exports of the metals "
        "had fallen by half since September."
    )
    europa_press = (
        "MADRID, 2 Dic. (EUROPA PRESS) -\n\n"
        "El colectivo Caminando Fronteras ha asegurado este miércoles que la frontera sigue "
        "cerrada para los solicitantes de asilo."
    )
    assert [s.relays for s in suggest(bloomberg)] == [("Bloomberg",)]
    assert [s.relays for s in suggest(europa_press)] == [("EUROPA PRESS",)]


def test_the_sources_an_outlet_cites_speak_and_the_outlet_relays_them():
    spanish = (
        "Según informó la Cadena SER, citando fuentes de la Guardia Civil, los agentes "
        "recibieron la orden de contener a los migrantes en la orilla."
    )
    english = (
        "Reuters, citing two sources familiar with the matter, reported on Tuesday that the "
        "agents had been ordered to hold the migrants on the beach."
    )
    (found,) = suggest(spanish, outlets=["Cadena SER"])
    assert (found.speaker.name, found.relays) == ("fuentes de la Guardia Civil", ("Cadena SER",))
    (found,) = suggest(english, outlets=["Reuters"])
    assert (found.speaker.name, found.relays) == (
        "two sources familiar with the matter",
        ("Reuters",),
    )


def test_a_description_in_lower_case_between_commas_describes_the_name_before_it():
    body = (
        "Sumar, socio minoritario de la coalición, ha pedido por su parte que la Fiscalía "
        "investigue los hechos."
    )
    assert speakers_of(body) == ["Sumar"]


def test_a_company_named_with_its_abbreviation_and_then_its_spokesperson():
    body = (
        "Toyota Motor Corp. has warned suppliers that two assembly lines could halt next "
        "month. A Toyota spokesperson declined to comment on the report."
    )
    assert speakers_of(body) == ["Toyota Motor Corp.", "Toyota Motor Corp."]


def test_a_chinese_family_name_spelt_as_a_pronoun():
    body = (
        "Commerce ministry spokesperson He Yadong rejected the accusation at a regular "
        "briefing in Beijing on Thursday."
    )
    assert speakers_of(body) == ["He Yadong"]


def test_the_medium_between_the_verb_and_its_subject():
    body = (
        "« Nous sommes face à une opération coordonnée », a déclaré mercredi matin sur "
        "France Inter le ministre des Affaires étrangères, Jean-Noël Barrot."
    )
    (found,) = suggest(body, outlets=["France Inter"])
    assert (found.speaker.name, found.relays) == ("Jean-Noël Barrot", ("France Inter",))


def test_a_chinese_fragment_after_the_speakers_own_words_is_part_of_the_paraphrase():
    body = (
        "商务部新闻发言人何咏前2日表示，中方坚决反对。她指出，中国风电产业的竞争优势来自完整的产业链，"
        "“不是靠补贴补出来的”。"
    )
    found = suggest(body)
    assert [(s.kind, s.speaker.name) for s in found] == [
        ("paraphrase", "何咏前"),
        ("paraphrase", "何咏前"),
    ]
    assert found[1].quote.startswith("她指出")


def test_a_report_relayed_with_a_word_quoted_in_it_is_still_a_statement():
    body = (
        "Según informó la Cadena SER, citando fuentes de la Guardia Civil, los agentes "
        'recibieron la orden verbal de "contener" a los migrantes en la orilla.'
    )
    (found,) = suggest(body, outlets=["Cadena SER"])
    assert (found.kind, found.speaker.name) == ("paraphrase", "fuentes de la Guardia Civil")


def test_a_broadcaster_after_a_city_and_one_dash_and_no_comment_in_french_and_indonesian():
    body = (
        "Jakarta, CNBC Indonesia - Komisi Pengawas Persaingan Usaha (KPPU) menduga ada kartel "
        "gula di tingkat distributor.\n\n"
        "Kementerian Perindustrian belum merespons permintaan konfirmasi hingga berita ini "
        "diturunkan."
    )
    found = suggest(body, publisher="CNBC Indonesia")
    assert [(s.speaker.name, s.relays) for s in found] == [
        ("Komisi Pengawas Persaingan Usaha", ()),
        ("Kementerian Perindustrian", ()),
    ]
    (found,) = suggest("L'ANSE n'a pas souhaité faire de commentaire.")
    assert found.rule.startswith("declined to comment")


def test_a_chinese_outlet_crediting_itself_by_its_short_name_relays_nothing():
    body = (
        "中新网12月3日电 据澳大利亚广播公司报道，澳大利亚国防部长马尔斯2日称，中国海军舰艇没有提供充分通知。\n\n"
        "外交部发言人林剑表示，中方坚决反对。他同时表示，中方愿意与澳方保持沟通。\n\n"
        "一名不愿具名的澳大利亚民航安全局官员称，当天共有49个航班受到影响。"
    )
    found = suggest(body, publisher="中国新闻网", outlets=["澳大利亚广播公司"])
    assert [s.relays for s in found] == [("澳大利亚广播公司",), (), (), ()]
    assert [s.speaker.name for s in found[1:]] == ["林剑", "林剑", "澳大利亚民航安全局官员"]


def test_someone_an_outlet_cites_described_at_length():
    body = (
        "Citing a relative of one of the detained captains, the state-run Global Times "
        "reported that the crews had been beaten."
    )
    (found,) = suggest(body, outlets=["Global Times"])
    assert (found.speaker.name, found.relays) == (
        "relative of one of the detained captains",
        ("Global Times",),
    )


# Credit lines read blind in a thirteenth round: a byline that names the wire, a town's
# country in brackets before the credit, a Chinese report named with its country.


def test_a_spanish_dateline_with_the_country_of_the_town_credits_the_agency():
    body = (
        "La Quiaca (Argentina), 3 dic (EFE).- El Gobierno de Bolivia rechazó este jueves que "
        "el camión pertenezca a una empresa estatal."
    )
    (found,) = suggest(body, publisher="Infobae")
    assert found.relays == ("EFE",)
    assert found.quote.startswith("El Gobierno de Bolivia rechazó")


def test_a_byline_naming_the_wire_credits_every_statement():
    body = (
        "Madagascar : le gouvernement accuse un minier, l'entreprise dément\n\n"
        "FRANCE 24 avec AFP\n\n"
        "Le groupe minier Ravinala Nickel a démenti mercredi avoir déversé des résidus "
        "toxiques dans la rivière Ivondro.\n\n"
        "Le ministre des Mines a affirmé que le permis était suspendu."
    )
    found = suggest(body, publisher="France 24")
    assert [s.relays for s in found] == [("AFP",), ("AFP",)]
    spanish = "Bolivia niega todo\n\nPor Agencia EFE\n\nEl ministro dijo que no hubo delito."
    assert [s.relays for s in suggest(spanish, publisher="Infobae")] == [("EFE",)]
    # A person's byline names no wire.
    english = "Ships go dark\n\nBy Jane Smith\n\nThe navy said the ship had left on Monday."
    assert [s.relays for s in suggest(english, publisher="Al Jazeera")] == [()]


def test_a_chinese_report_named_with_its_country_is_the_outlet_we_know():
    body = (
        "据日本共同社报道，日本防卫省1日称，一架无人机当天“两度进入日本领空”。\n\n"
        "另据日本广播协会（NHK）报道，日本内阁官房长官2日在记者会上称，雷达数据“清楚显示”无人机越过了领空线。"
    )
    found = suggest(body, outlets=["共同社", "日本广播协会"])
    assert [s.relays for s in found] == [("共同社",), ("日本广播协会",)]


def test_a_rhetorical_question_in_chinese_is_its_asker_s():
    body = (
        "日本内阁官房长官2日称，航空自卫队的雷达数据“清楚显示”无人机越过了领空线。"
        "对此，吴志明反问：“既然证据确凿，日方为何迟迟不肯公布？”"
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["日本内阁官房长官", "吴志明"]


@pytest.mark.parametrize(
    ("body", "outlets", "relay"),
    [
        (
            "PARRSBORO, N.S. — The hospital will close overnight, the health authority said.\n\n"
            "With files from The Canadian Press",
            ["The Canadian Press"],
            "The Canadian Press",
        ),
        (
            "Soupçons de votes achetés\n\nPar Jeanne Morel, avec ATS\n\n"
            "La fédération a démenti samedi tout achat de voix.",
            ["ATS"],
            "ATS",
        ),
    ],
)
def test_a_credit_with_files_from_a_wire_or_in_a_byline_with_a_comma(body, outlets, relay):
    (found,) = suggest(body, outlets=outlets)
    assert found.relays == (relay,)
