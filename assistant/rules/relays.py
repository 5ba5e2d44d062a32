"""Relays: the reports a statement reached this text through, nearest first, which build a
citation's `via` chain.

- The credit line names the report the whole text comes from: "MOSCOW, March 5 (Reuters) -",
  "WASHINGTON (VOA) —", "МОСКВА, 12 февраля. /ТАСС/.", "新华社北京3月11日电", "【环球时报报道】",
  or a last paragraph "(VOA)", "(ant)". It relays every statement, unless it names the
  publisher of the text itself.
- A sentence that names an outlet outside its quotations got its statement through it:
  "told Reuters", "citing TASS", "mengutip Reuters", "据路透社报道", "сообщили «Интерфаксу»",
  "selon Le Monde", "citée par l'AFP"; outlets we hold, and the wire services any newsroom
  knows. A platform it was posted on ("on Telegram", "в Telegram-канале") is the last hop.
"""

import re
from collections.abc import Iterable

from assistant.rules.lexicon import (
    CREDIT_ABBREVIATIONS,
    PLATFORM_X_BEFORE,
    PLATFORMS,
    WIRE_SERVICES,
)
from assistant.rules.text import Word, is_cjk, without_elision
from claims.matching import name_key
from records.text import fold

_CITY = r"[A-ZÀ-ÞА-ЯЁ][A-ZÀ-ÞА-ЯЁ .'’-]{1,40}?"
_CREDITED = (
    r"(?:\((?P<paren>[^)]{1,30})\)|/(?P<slash>[^/]{1,20})/"
    r"|(?P<site>[A-Za-z]+\.(?:com|co\.id|id|net)))"
)
# The text goes on after the dash, or in the next paragraph ("MADRID, 2 Dic. (EUROPA PRESS) -").
_DASH = r"\s*(?:\.-|\.–|[-–—]+|\.)(?:\s+|$)"
# "MOSCOW, March 5 (Reuters) - ", "МОСКВА, 12 февраля. /ТАСС/. ", "MOSKOW, KOMPAS.com - ",
# or a dateline with no credit: "RIVERSIDE — ".
_DATELINE_CREDIT = re.compile(rf"^{_CITY}(?:,[^()\n/]{{0,30}}?)?\s*{_CREDITED}{_DASH}")
# A city in title case before a credit, as Indonesian, Chinese and Spanish wires write it:
# "Jakarta (ANTARA) - ", "Beijing (Xinhua) -- ", "Santiago de Chile, 25 nov (EFE).- "; the site before the city: "TEMPO.CO,
# Jakarta - ".
_DATELINE_TITLE = re.compile(
    rf"^(?:[A-ZÀ-ÞА-ЯЁ][\w'’-]{{1,20}}(?: (?:(?:de|del|da|do|di) )?[A-ZÀ-ÞА-ЯЁ][\w'’-]{{1,20}})?"
    # The country of a little-known town: "La Quiaca (Argentina), 3 dic (EFE).- ".
    rf"(?:\s+\([A-ZÀ-Þ][\w ]{{2,25}}\))?"
    rf"(?:,[^()\n/]{{0,30}}?)?\s+{_CREDITED}"
    rf"|(?P<site_first>[A-Za-z]+\.(?:com|co|co\.id|id|net)),\s*[A-ZÀ-ÞА-ЯЁ][\w'’-]{{1,20}}"
    # A broadcaster named after the city: "Jakarta, CNN Indonesia -- ".
    rf"|[A-ZÀ-ÞА-ЯЁ][\w'’-]{{1,20}},\s*(?P<broadcaster>[A-Z]{{2,}}(?: [A-Z][\w.]+){{0,2}})\s*(?=--|—)"
    # …or a single dash after a city in title case: "Jakarta, CNBC Indonesia - ".
    rf"|[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё'’-]{{1,20}},\s*(?P<broadcaster_dash>[A-Z]{{2,}}"
    rf"(?: [A-Z][\w.]+){{0,2}})\s*(?=-\s)"
    rf"){_DASH}"
)
# The credit alone, Bloomberg's style: "(Bloomberg) -- Japan's trade ministry …".
_CREDIT_FIRST = re.compile(r"^\((?P<paren>[^)]{1,30})\)\s*(?:--|[–—])\s+")
# With a dash alone: a period after capitals is an abbreviation too ("U.S. accuses …").
_DATELINE_PLAIN = re.compile(rf"^{_CITY}(?:,[^()\n/]{{0,30}}?)?\s*[-–—]+\s+")
# A city in title case, alone before a dash: "Jakarta - Menteri …" (detik's style).
_DATELINE_TITLE_PLAIN = re.compile(
    r"^[A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё]{2,20}\s+(?:-|--|—)\s+(?=[A-ZÀ-ÞА-ЯЁ\"“])"
)
# Interfax's house style: "Москва. 26 ноября. ИНТЕРФАКС - ".
_DATELINE_AGENCY_CAPS = re.compile(
    r"^[A-ZА-ЯЁ][\w'’-]{1,20}\.\s+\d{1,2}\s+\w+\.\s+(?P<caps>[A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,20})\s*[-–—]+\s+"
)
_ZH_DATELINE = re.compile(
    # "本报华盛顿12月1日电": the paper's own correspondent, no relay.
    r"^(?:(?:本报|(?P<agency>[\u4e00-\u9fff]{2,4}(?:社|网)))[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电\s*"
    # The reporter's byline after it: "（记者 王晓）".
    r"(?:[（(](?:记者|通讯员)[^）)\n]{0,30}[）)]\s*)?"
    r"|【(?P<bracket>[^】]{2,12}?)(?:报道|讯|消息)?】\s*)"
)
# A byline that names the wire the text is from: "Por Agencia EFE", "FRANCE 24 avec AFP",
# "By Reuters" (a person's name there is no outlet's: `_credited` says which it is).
_BYLINE_CREDIT = re.compile(
    r"^(?:(?:Por|Par|By|Oleh)\s+(?:(?:la\s+)?[Aa]gencia\s+|l'agence\s+)?"
    r"|[\w .,]{2,40}\s+(?:avec|with|con|dengan)\s+(?:l'|la\s+)?)(?P<byline>[\w.]{2,20})$"
)
# A dateline opens one of the first paragraphs, after a headline, a time stamp, a byline.
DATELINE_PARAGRAPHS = 6
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SITE = re.compile(r"[A-Za-z]+\.(?:com|co\.id|id|net)")
_LAST_CREDIT = re.compile(
    r"^[(（]\s*(?:(?:Avec|With|Con|Dengan)\s+)?(?P<credit>[^()（）]{1,24}?)\s*[)）]$"
    # "Avec AFP", "With Reuters", "Con información de EFE": the wire the text is written
    # with, as a last line (the first, when it names two).
    r"|^(?:Avec|With|Con|Dengan)\s+"
    r"(?:l'agence\s+|informaci[oó]n\s+de\s+|reporting\s+by\s+|files\s+from\s+)?"
    r"(?P<wire>(?:The\s+)?[\w.]{2,20}(?:\s+[A-Z][\w.]{1,20}){0,2})"
    r"(?:\s+(?:et|and|y|dan)\s+[\w.]{2,20})?\.?$",
    re.IGNORECASE,
)
_CLOSING_PARAGRAPHS = 3
# Russian outlet names decline: «Интерфаксу» is Интерфакс.
_INFLECTION = 2


class OutletIndex:
    """Outlets we hold, plus the wire services, found by name in the words of a text."""

    def __init__(self, outlet_names: Iterable[str], publisher: str | None = None):
        self._names: dict[str, str] = {}
        self._first_words: set[str] = set()
        self._cjk: dict[str, str] = {}
        self.longest = 1
        for name in [name for name in outlet_names if name and name.strip()]:
            self._add(name, name)
        for wire in WIRE_SERVICES:
            self._add(wire, "")
        self.publisher = fold(publisher) if publisher else ""

    def _add(self, spelling: str, name: str) -> None:
        if any(is_cjk(char) for char in spelling):
            self._cjk.setdefault(spelling, name)
            return
        key = name_key(spelling)
        if not key:
            return
        self._names.setdefault(key, name)
        self._first_words.add(fold(key.split()[0]))
        self.longest = max(self.longest, key.count(" ") + 1)

    def name_of(self, spelling: str) -> str | None:
        """The outlet a spelling names, as we hold it (or as written, for a wire service
        we hold no outlet for); None when it names none."""
        if any(is_cjk(char) for char in spelling):
            found = self._cjk.get(spelling.strip())
            return None if found is None else found or spelling.strip()
        found = self._names.get(name_key(spelling))
        if found is None:
            return None
        return found or spelling.strip()

    def is_publisher(self, name: str) -> bool:
        return bool(self.publisher) and fold(name) == self.publisher

    def mentioned(self, body: str, sentence_words: list[Word], quoted: list[bool]) -> list[str]:
        """Outlets and platforms named in a sentence outside its quotations, in order."""
        found: list[str] = []
        index = 0
        while index < len(sentence_words):
            if quoted[index] and not _named_in_quotes(body, sentence_words[index]):
                index += 1
                continue
            length = self._match_at(body, sentence_words, quoted, index, found)
            index += max(length, 1)
        return [name for name in dict.fromkeys(found) if not self.is_publisher(name)]

    def _match_at(
        self, body: str, sentence_words: list[Word], quoted: list[bool], index: int, found
    ) -> int:
        word = sentence_words[index]
        bare = without_elision(word.text)
        if bare != word.text and (name := self.name_of(bare)):
            found.append(name)  # "citée par l'AFP"
            return 1
        if _CJK.search(word.text):
            found.extend(self.in_cjk(word.text))
            return 1
        if word.folded in self._first_words:
            for length in range(min(self.longest, len(sentence_words) - index), 0, -1):
                if any(quoted[index : index + length]):
                    continue
                last = sentence_words[index + length - 1]
                spelling = body[word.start : last.end]
                name = self.name_of(spelling)
                if name is not None:
                    found.append(name)
                    return length
        if word.text[:1].isupper() and "\u0400" <= word.text[0] <= "\u04ff":
            for cut in range(1, _INFLECTION + 1):
                name = self.name_of(word.text[:-cut])
                if name is not None and len(word.text) - cut >= 3:
                    found.append(name if name != word.text[:-cut] else word.text[:-cut])
                    return 1
        if word.folded.split("-")[0] in PLATFORMS:
            found.append(word.text.split("-")[0])
        elif word.text == "X" and index and sentence_words[index - 1].folded in PLATFORM_X_BEFORE:
            found.append("X")  # "en la red social X", "di platform X"
        return 1

    def names_in_marks(self, text: str) -> bool:
        """Is this quoted text an outlet's name, declined as Russian writes it
        ("«Интерфаксу»")?"""
        if self.name_of(text):
            return True
        return (
            bool(text[:1])
            and "\u0400" <= text[0] <= "\u04ff"
            and any(
                self.name_of(text[:-cut])
                for cut in range(1, _INFLECTION + 1)
                if len(text) - cut >= 3
            )
        )

    def in_cjk(self, text: str) -> list[str]:
        """The outlets named in a run of Chinese characters, in order."""
        found = []
        position = 0
        longest = max((len(name) for name in self._cjk), default=0)
        while position < len(text):
            for length in range(min(longest, len(text) - position), 1, -1):
                spelling = text[position : position + length]
                if spelling in self._cjk:
                    found.append(self._cjk[spelling] or spelling)
                    position += length
                    break
            else:
                position += 1
        return found


def _named_in_quotes(body: str, word: Word) -> bool:
    """A name in quotation marks, as Russian writes outlets («Интерфаксу»)."""
    return word.capitalised and word.start > 0 and body[word.start - 1] in '«“"„'


def credit(body: str, paragraphs: list[tuple[int, int]], outlets: OutletIndex) -> str:
    """The outlet the credit line names, or "": a dateline in the first paragraphs (or a
    byline above it), or a last paragraph that is only a credit."""
    name = ""
    for p_start, p_end in paragraphs[:DATELINE_PARAGRAPHS]:
        text = body[p_start:p_end]
        if match := _dateline(text):
            named = next((value for value in match.groupdict().values() if value), None)
            name = (_credited(named, outlets) if named else "") or name
            break
        if (match := _BYLINE_CREDIT.match(text)) and not name:
            name = _credited(match.group("byline"), outlets)
    # The last paragraph, or one of the last few when page furniture follows the credit
    # ("(Avec AFP)", then a newsletter's line).
    for last_start, last_end in reversed(paragraphs[-_CLOSING_PARAGRAPHS:]):
        if name:
            break
        if match := _LAST_CREDIT.match(body[last_start:last_end]):
            name = _credited(match.group("credit") or match.group("wire"), outlets)
    return "" if name and outlets.is_publisher(name) else name


def _credited(text: str, outlets: OutletIndex) -> str:
    text = text.strip()
    if known := outlets.name_of(text):
        return known
    if abbreviation := CREDIT_ABBREVIATIONS.get(fold(text)):
        return outlets.name_of(abbreviation) or abbreviation
    # A credit line names a report even when we hold no outlet for it, if it reads as
    # an outlet's name: an acronym ("EFE"), a site ("KOMPAS.com"), a Chinese agency.
    letters = text.replace(" ", "").replace(".", "")
    first = text.split()[0] if text.split() else ""
    if (
        (letters.isupper() and len(letters) >= 2)
        or (len(first) >= 2 and first.isupper() and first.isalpha())  # "CNN Indonesia"
        or _SITE.fullmatch(text)
        or (any(is_cjk(char) for char in text) and len(text) <= 8 and text[-1] in "社报网台")
    ):
        return text
    return ""


def dateline_end(body: str, start: int, end: int) -> int:
    """Where a paragraph's text starts after its dateline ("PORT ALDEN, March 3 (Reuters) -")."""
    match = _dateline(body[start:end])
    return start + match.end() if match else start


def _dateline(text: str) -> re.Match | None:
    return (
        _DATELINE_CREDIT.match(text)
        or _CREDIT_FIRST.match(text)
        or _DATELINE_AGENCY_CAPS.match(text)
        or _DATELINE_TITLE.match(text)
        or _ZH_DATELINE.match(text)
        or _DATELINE_PLAIN.match(text)
        or _DATELINE_TITLE_PLAIN.match(text)
    )
