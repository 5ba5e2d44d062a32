"""The quote assistant on Chinese reporting: no spaces between words, its own cues, roles
before names, relays by 援引 and 据…报道 (issue 12, section 1)."""

import datetime

import pytest

from assistant.rules import DIRECT_QUOTE, PARAPHRASE, KnownSpeaker, suggest

LIN = KnownSpeaker(1, "Lin Jian", ("林剑",))
US = KnownSpeaker(2, "美国国务院", ("美国务院",))


def only(suggestions):
    assert len(suggestions) == 1, suggestions
    return suggestions[0]


@pytest.mark.parametrize("cue", ["说", "表示", "称", "指出", "强调", "回应称", "声称", "否认"])
def test_each_chinese_cue_attributes_to_the_name_before_it(cue):
    body = f"中国外交部发言人林剑{cue}，美方的有关报道完全不符合事实。"
    suggestion = only(suggest(body, speakers=[LIN]))
    assert suggestion.speaker.id == LIN.id
    assert suggestion.speaker.mention == "林剑"
    assert suggestion.kind == PARAPHRASE
    assert suggestion.cue == cue


def test_a_role_and_a_date_before_the_verb_are_not_the_name():
    body = "中国国防部新闻发言人吴谦2日在记者会上说，演习是对分裂势力的严重警告。"
    assert only(suggest(body)).speaker.name == "吴谦"


def test_an_organisation_speaks_when_no_name_follows_its_spokesperson():
    body = "德国外交部发言人称，柏林正在研究美方提供的材料。"
    assert only(suggest(body)).speaker.name == "德国外交部"


def test_he_said_is_the_speaker_before():
    body = "林剑表示，中方坚决反对单边制裁。他强调，中方始终坚持客观公正立场。"
    assert [s.speaker.id for s in suggest(body, speakers=[LIN])] == [LIN.id, LIN.id]


def test_a_quote_after_the_cue_and_colon_is_a_direct_quote():
    body = "林剑说：“中俄之间的正常贸易不针对第三方，也不应受到第三方干扰。”"
    suggestion = only(suggest(body, speakers=[LIN]))
    assert suggestion.kind == DIRECT_QUOTE
    assert suggestion.text == "中俄之间的正常贸易不针对第三方，也不应受到第三方干扰。"


def test_a_quote_before_its_cue_is_attributed_to_the_name_after_it():
    body = "“谁在玩火，谁就会自焚。”吴谦说。"
    suggestion = only(suggest(body))
    assert suggestion.kind == DIRECT_QUOTE and suggestion.speaker.name == "吴谦"


def test_scare_quotes_are_not_a_statement():
    body = "吴谦说，演习是对“台独”势力的严重警告。"
    suggestion = only(suggest(body))
    assert suggestion.kind == PARAPHRASE


def test_yuanyin_names_the_relay_and_the_speaker():
    body = "新华社援引中国外交部的话说，南海问题应由直接当事国通过谈判解决。"
    suggestion = only(suggest(body))
    assert suggestion.relays == ("新华社",)
    assert suggestion.speaker.name == "中国外交部"


def test_ju_baodao_is_a_relay():
    body = "据路透社报道，菲律宾海岸警卫队17日声称，中国海警船只使用水炮驱离补给船。"
    suggestion = only(suggest(body))
    assert suggestion.relays == ("路透社",)
    assert suggestion.speaker.name == "菲律宾海岸警卫队"


def test_a_chinese_denial_pairs_with_the_accusation():
    body = (
        "美国国务院日前发表声明，指责中国企业向俄罗斯出口军用零部件。\n\n"
        "中国外交部发言人林剑11日否认了美方的指责，称中方从未向冲突任何一方提供致命性武器。"
    )
    accusation, denial = suggest(body, speakers=[LIN, US])
    assert accusation.speaker.id == US.id and accusation.accusation
    assert denial.denies == ((accusation.start, accusation.end),)


def test_the_day_of_the_month_is_the_date_stated():
    body = "林剑11日在例行记者会上表示，美方的指责毫无事实根据。"
    suggestion = only(suggest(body, speakers=[LIN], published=datetime.date(2025, 3, 12)))
    assert suggestion.stated_on == datetime.date(2025, 3, 11)


def test_a_xinhua_dateline_is_a_credit_line():
    body = "新华社北京3月11日电 林剑表示，美方的指责毫无事实根据。"
    suggestion = only(suggest(body, speakers=[LIN]))
    assert suggestion.relays == ("新华社",)
    assert suggestion.quote.startswith("林剑")
    assert only(suggest(body, speakers=[LIN], publisher="新华社")).relays == ()


def test_chinese_teasers_and_captions_are_left_out():
    body = (
        "林剑表示，美方的指责毫无事实根据。\n\n相关阅读：中俄贸易额创历史新高\n\n图为记者会现场。"
    )
    assert len(suggest(body, speakers=[LIN])) == 1


def test_those_an_outlet_cites_one_of_those_concerned_and_a_researcher_after_the_institute():
    body = (
        "路透社援引两名知情人士的话报道称，欧盟内部对此次调查存在分歧。\n\n"
        "涉案企业之一金风科技的相关负责人表示，公司将积极应诉。\n\n"
        "中国社会科学院世界经济与政治研究所研究员宋泓认为，欧方的调查缺乏依据。"
    )
    found = suggest(body, outlets=["路透社"])
    assert [s.speaker.name for s in found] == ["知情人士", "金风科技", "宋泓"]
    assert found[0].relays == ("路透社",)


def test_a_side_is_nobody_she_can_be():
    body = (
        "商务部新闻发言人何咏前2日表示，中方对欧方滥用贸易救济措施表示强烈不满。\n\n"
        "她指出，中国风电产业的竞争优势来自持续的技术创新和完整的产业链。"
    )
    assert [s.speaker.name for s in suggest(body)] == ["何咏前", "何咏前"]


def test_a_name_keeps_its_bracketed_spelling_out_and_a_description_before_de_is_dropped():
    body = (
        "北岭资源首席执行官艾伦·格雷（Alan Grey）5日对彭博社表示，公司不会出售在智利的锂矿。\n\n"
        "一位长期研究稀土市场的行业分析师对记者表示，锂价短期内难以回升。\n\n"
        "为该项目提供法律服务的金诚律师事务所一位合伙人表示，不便对个案置评。"
    )
    found = suggest(body, outlets=["彭博社"])
    assert [s.speaker.name for s in found] == ["艾伦·格雷", "行业分析师", "金诚律师事务所"]


def test_a_report_speaks_for_its_author_when_another_has_answered_between():
    body = (
        "绿岸研究11月30日发布的报告称，宁远科技虚报了今年前三季度的电池出货量。\n\n"
        "宁远科技在公告中表示，公司披露的出货量数据真实准确。\n\n"
        "报告还称，宁远科技的库存周转天数已升至一百八十天。"
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["绿岸研究", "宁远科技", "绿岸研究"]


def test_a_byline_and_a_date_are_nobody_and_whoever_acted_before_the_denial_denies():
    body = "【新华网】（记者 王晓明）12月3日晚，宁远科技发布澄清公告，否认做空机构关于其虚增收入的指控。"
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["宁远科技"]


def test_a_description_with_a_place_in_it_and_a_situation_statement_that_says_nothing():
    body = (
        "新京报讯（记者 李想）12月5日晚，南屿市足球协会发布情况说明，否认该市梯队选拔中存在"
        "“交钱入队”问题。\n\n"
        "参加选拔的一名球员家长王女士告诉新京报记者，有教练私下要求她缴纳4万元“赞助费”。\n\n"
        "曾在该市梯队执教三年的教练赵磊对新京报记者表示，最终名单在测试开始前就已“基本确定”。"
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["南屿市足球协会", "王女士", "赵磊"]
    assert found[0].cue == "否认"


def test_hereinafter_says_nothing_the_company_and_this_official_are_whom_the_text_named():
    body = (
        "上海康晟生物科技股份有限公司（下称“康晟生物”）发布公告称，公司决定退出联合议价。\n\n"
        "公司在公告中表示，联盟提出的目标价“低于公司的综合成本”。\n\n"
        "对此，湖北省医疗保障局一位负责人对记者表示，该疫苗每剂的生产成本“不超过200元”。\n\n"
        "“我们尊重企业的定价自主权，”这位负责人说，“但公共采购必须考虑老百姓的承受能力。”"
    )
    found = suggest(body)
    # An official unnamed speaks as the body's official (a spokesman would be its voice).
    assert [s.speaker.name for s in found] == [
        "上海康晟生物科技股份有限公司",
        "上海康晟生物科技股份有限公司",
        "湖北省医疗保障局负责人",
        "湖北省医疗保障局负责人",
    ]


def test_one_who_cites_figures_speaks_and_a_title_in_book_marks_is_no_clause_edge():
    body = (
        "湄公河委员会秘书处技术负责人阮文雄援引该机构监测数据对澎湃新闻表示，今年下游水位偏低"
        "“主要是季风降雨偏弱所致”。\n\n"
        "美国驻泰国大使馆发言人日前在接受《曼谷邮报》采访时表示，美方“支持下游国家及时获取透明"
        "的水文信息”。"
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["阮文雄", "美国驻泰国大使馆"]


def test_what_another_said_is_no_cue_and_a_count_is_whose_it_is():
    body = (
        "深圳大学教授林海东认为，住建局所说的12%是整栋楼的平均租金涨幅。他说，统租改造不应以"
        "清退原有租户为代价。\n\n"
        "据业委会统计，截至12月3日，已有40户业主家中出现新的裂缝。"
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["林海东", "林海东", "业委会"]


def test_that_official_is_the_one_named_before_and_a_resident_is_her_surname_and_title():
    body = (
        "对此，负责该站施工的中建蓉城轨道工程有限公司项目部一位负责人回应称，第三方监测单位已"
        "入户排查。\n\n"
        "该负责人同时否认施工方曾在夜间进行爆破作业。\n\n"
        "3栋住户李女士告诉记者，几乎每晚11点以后都能感到明显的震动。"
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["中建蓉城轨道工程有限公司项目部负责人"] * 2 + [
        "李女士"
    ]


def test_an_unnamed_spokesman_is_the_bodys_voice_and_an_official_speaks_as_its_official():
    body = (
        "据中央社报道，美国国务院一名发言人表示，美方“密切关注”局势发展。\n\n"
        "澜湄水资源合作中心一位负责人回应称，中方一直与下游国家分享水文数据。"
    )
    found = suggest(body)
    assert [s.speaker.name for s in found] == ["美国国务院", "澜湄水资源合作中心负责人"]


def test_a_surname_that_reads_as_once_after_a_role_and_another_villager():
    body = (
        "“我在这条河边住了六十年，从没见过这么多死鱼。”青岚镇石塘村村民曾凡友说。\n\n"
        "“现在井水都不敢喝了。”另一名村民曾秀兰说。"
    )
    found = suggest(body)
    # The attribution after each quotation says nothing of its own.
    assert [s.speaker.name for s in found] == ["曾凡友", "曾秀兰"]
