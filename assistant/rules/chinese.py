"""Who speaks in Chinese reporting: the subject before a cue, without spaces between
words to tell where it starts (after the clause's comma or quotation mark) or ends (before a
date, a place, a time), the name after a role, a role as written, the one who cites
figures, an unnamed official counted out of a body, a resident by surname and title."""

import re
from dataclasses import replace

from assistant.rules.lexicon import (
    ZH_CLAUSE_OPENERS,
    ZH_OF_WORDS,
    ZH_SPEAKING_FOR,
    ZH_SUBJECT_ENDS,
    Language,
)
from assistant.rules.speakers import Names, Subject, _of, _pronoun_gender

_QUOTING_ZH = ("援引", "引述", "引用")
# Officials who speak as themselves, not as the body's voice.
_ZH_OFFICERS = frozenset(("负责人", "官员"))
_ZH_REPORTED_AFTER = re.compile(r"(?:报道|报导|透露|披露)$")
# What is cited that is no one's words: figures, records, documents.
_ZH_CITED_RECORDS = re.compile(r"^[^对向]*(?:数据|统计|资料|文件|记录|报告)(?:[对向].*)?$")
_ZH_COUNT_BEFORE = re.compile(r"^另?(?:[一二两三四五六七八九十几数多]+|这|该)(?:名|位|个)")
# Surnames that are also words a subject ends before: 曾 ("once"), 于 ("at").
_ZH_SURNAMES_AS_ADVERBS = frozenset("曾于")
# "涉案企业之一金风科技的相关负责人": one of those concerned, then the company, then "the
# relevant" before the role.
_ZH_UNNAMED = re.compile(r"^(?:不愿具名|不愿透露姓名|要求匿名|匿名)的?")
_ZH_ONE_OF = re.compile(r"^.{1,8}之一")
_ZH_RELEVANT = re.compile(r"的?相关$")
_ZH_RANK_AFTER = re.compile(
    r"(?:陆军|海军|空军|火箭军|武警)?(?:大校|上校|中校|少校|少将|中将|上将)$"
)
_ZH_BOUNDARIES = "，。：；、“”「」『』（）()！？!?,:;《》"
# "马克·霍尔顿（Mark Holden）", "（记者 周婧怡）": an aside in brackets, no part of a name.
_ZH_ASIDE = re.compile(r"（[^）]*）|\([^)]*\)|【[^】]*】|^[\u3400-\u9fff]{2,8}讯")
# Someone the text names by surname and title alone: "李女士", "欧阳先生".
_ZH_SURNAME_AND_TITLE = re.compile(
    r"(?:欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|[\u4e00-\u9fff])(?:女士|先生|小姐|阿姨|大爷|老人)$"
)
# "12月6日晚，…": when, before whoever acts.
_ZH_WHEN = re.compile(r"^(?:\d+年)?(?:\d+月)?\d+日(?:晚间|晚|早|晨|上午|下午|凌晨)?")


def zh_subject(body: str, start: int, end: int, names: Names) -> Subject:
    """The subject of a Chinese cue at `end`, written in body[start:end] (from the clause
    start): less what follows the subject (dates, places, times), the name after a role."""
    phrase = _ZH_WHEN.sub("", _ZH_ASIDE.sub("", body[start:end]).strip())
    language = names.language
    # "灰狐研究12月3日晚发布的报告称": the report speaks for its author, and "报告还称"
    # after it is theirs too.
    report = next((noun for noun in language.report_nouns if phrase.endswith(noun)), None)
    for quoting in _QUOTING_ZH:
        if quoting in phrase:
            speaker, _, cited = phrase.rpartition(quoting)
            if _ZH_CITED_RECORDS.search(cited) and speaker:
                # "阮文雄援引该机构监测数据对澎湃新闻表示": one who cites figures speaks.
                phrase = speaker
                continue
            # "路透社援引两名知情人士的话报道称": those cited, less how many and whose words.
            phrase = _ZH_REPORTED_AFTER.sub("", cited)
            for of in ZH_OF_WORDS:
                phrase = phrase.removesuffix(of)
    # "一名不愿具名的澳大利亚民航安全局官员", "两名知情人士": someone of the office, less how
    # many and the anonymity asked for.
    phrase = _ZH_UNNAMED.sub("", _ZH_COUNT_BEFORE.sub("", phrase))
    cut = _zh_subject_end(phrase, language.roles)
    if phrase[:1] in ("该", "此") and phrase[1:cut] in language.roles:
        phrase, cut = phrase[1:], cut - 1  # "该负责人同时否认": that official, as "这位负责人"
    if (cut < 2 or phrase[:cut].endswith("的")) and "的" in phrase:
        # "曾在该市梯队执教三年的教练赵磊", "参加选拔的一名球员家长王女士": no subject before
        # "在" or "一名", but after the 的 that describes it.
        phrase = _ZH_COUNT_BEFORE.sub("", _past_description(phrase, language))
        cut = _zh_subject_end(phrase, language.roles)
    # "湖北省医疗保障局一位负责人": the body, and the role of the one of it who spoke, for
    # "这位负责人说" after it.
    counted = _ZH_COUNT_BEFORE.match(phrase[cut:])
    held = _zh_roles(phrase[cut + counted.end() :], language)[1] if counted else frozenset()
    # Whose official it was, with the role as written, the count aside: "湖北省医疗保障局
    # 负责人" (a spokesman is the body's voice: "美国国务院一名发言人" is the department).
    officer = phrase[cut + counted.end() :] if counted and held & _ZH_OFFICERS else ""
    phrase = _past_description(phrase[:cut], language)
    for opener in ZH_CLAUSE_OPENERS:
        phrase = phrase.removeprefix(opener)
    phrase = _ZH_RANK_AFTER.sub("", phrase)  # "施毅陆军大校": the rank after the name
    if titled := _ZH_SURNAME_AND_TITLE.search(phrase):
        phrase = titled.group()  # "3栋住户李女士": Ms Li, whoever she is
    if phrase.startswith("有") and not phrase.startswith("有关") and len(phrase) > 2:
        phrase = phrase[1:]  # "有分析人士认为": there are analysts who think (有关 is "concerned")
    if not phrase:
        return Subject()
    if phrase.removeprefix("该").removeprefix("这份") in language.report_nouns:
        return Subject(roles=frozenset((phrase[-2:],)), words=1, phrase=phrase)
    if officer and not names.known_cjk(phrase):
        officer = _ZH_UNNAMED.sub("", officer)
        ends = [officer.find(role) + len(role) for role in _ZH_OFFICERS if role in officer]
        name = phrase + officer[: max(ends)]
        return Subject(names.match(name, name), roles=held, words=1)
    subject = _zh_subject_named(phrase, names)
    roles = held | ({report} if report is not None else set())
    return replace(subject, roles=subject.roles | roles) if roles else subject


def _zh_subject_end(phrase: str, roles: frozenset[str] = frozenset()) -> int:
    """Where a Chinese subject ends: at a date, a place ("在…"), a time, an adverb; not at
    a surname after a role that reads as one ("村民曾凡友": 曾 is also "once")."""
    for n, char in enumerate(phrase):
        if n and (char.isdigit() or any(phrase.startswith(end, n) for end in ZH_SUBJECT_ENDS)):
            if char in _ZH_SURNAMES_AS_ADVERBS and any(phrase[:n].endswith(r) for r in roles):
                continue
            return n
    return len(phrase)


def _past_description(phrase: str, language: Language) -> str:
    """ "为恒川提供年报审计的立衡会计师事务所", "曾在该市梯队执教三年的教练赵磊": what
    describes the subject, up to its last 的, is no part of its name (but "外交部的发言人",
    "金风科技的相关负责人" keep whose spokesman it is, and "…发布的报告" whose report)."""
    described = phrase.rpartition("的")[2]
    if described == phrase or described.startswith(tuple(language.report_nouns)):
        return phrase
    named = _ZH_COUNT_BEFORE.sub("", described)
    for role in sorted(_zh_roles(described, language)[1], key=len, reverse=True):
        named = named.replace(role, "")
    return described if len(named.removeprefix("相关")) >= 2 else phrase


def _zh_subject_named(phrase: str, names: Names) -> Subject:
    """The speaker a Chinese subject names, trimmed to it: a known speaker, the name after
    a role, a role as written, or the phrase."""
    language = names.language
    if phrase in language.pronouns or (phrase[-1:] in language.pronouns and len(phrase) == 1):
        return Subject(pronoun=True, words=1, woman=_pronoun_gender(phrase, language))
    if phrase in language.plural_pronouns:
        return Subject(pronoun=True, plural=True, words=1)
    if phrase.removeprefix("该") in ("公司", "企业", "集团"):
        # "公司在公告中表示": the company the text spoke of.
        return Subject(pronoun=True, plural=True, body=True, words=1)
    known = names.known_cjk(phrase)
    role_end, roles = _zh_roles(phrase, language)
    if known is not None and known[2] > role_end:
        speaker, first, last = known
        return Subject(_of(speaker, phrase[first:last]), roles=roles, words=1)
    if role_end and role_end < len(phrase):
        name = phrase[role_end:]
        return Subject(names.match(name, name), roles=roles, words=1)
    if role_end:
        last_role = max((role for role in roles if phrase.endswith(role)), key=len, default="")
        if last_role and last_role not in ZH_SPEAKING_FOR and len(phrase) > len(last_role):
            # "美国商务部长在声明中称": the secretary, unnamed, as written.
            return Subject(names.match(phrase, phrase), roles=roles, words=1)
        owner = phrase[: role_end - max(len(role) for role in roles)]
        owner = _ZH_RELEVANT.sub("", _ZH_ONE_OF.sub("", owner))
        if owner:
            if known is not None:
                return Subject(_of(known[0], phrase[known[1] : known[2]]), roles=roles, words=1)
            return Subject(names.match(owner, owner), roles=roles, words=1)
        return Subject(roles=roles, words=1, phrase=phrase)
    if known is not None:
        return Subject(_of(known[0], phrase[known[1] : known[2]]), words=1)
    return Subject(names.match(phrase, phrase), words=1)


def _zh_roles(phrase: str, language: Language) -> tuple[int, frozenset[str]]:
    """Where the last role word in a Chinese phrase ends, and the roles found; a role
    inside an organisation's name is none (大使 in 大使馆, the embassy)."""
    end, roles = 0, set()
    for role in language.roles:
        at = phrase.rfind(role)
        if at == -1:
            continue
        after = phrase[at + len(role) :]
        if after and any(after.startswith(org) for org in language.organisations):
            continue
        roles.add(role)
        end = max(end, at + len(role))
    return end, frozenset(roles)


def zh_clause_start(body: str, sentence_start: int, position: int) -> int:
    """Where the clause that ends at `position` starts: after the last comma, colon or
    quotation mark before it."""
    at = position
    while at > sentence_start:
        char = body[at - 1]
        if char == "》" and (opener := body.rfind("《", sentence_start, at - 1)) > sentence_start:
            at = opener  # "在接受《曼谷邮报》采访时表示": a title, not a clause's edge
            continue
        if char in "）)":
            # "马克·霍尔顿（Mark Holden）7日对路透社表示": the name's aside, not a clause.
            opener = body.rfind("（" if char == "）" else "(", sentence_start, at - 1)
            if opener > sentence_start and body[opener - 1] not in _ZH_BOUNDARIES:
                at = opener
                continue
        if char in _ZH_BOUNDARIES:
            break
        at -= 1
    return at
