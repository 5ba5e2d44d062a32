"""When a statement was made, as the text says it: "on Tuesday", "kemarin", "el martes",
"周二", "11日", "во вторник", "(8/7)", resolved against the source's date; else the source's
date itself (a report tells what was said shortly before it)."""

import datetime
import re

from assistant.rules.lexicon import Language
from assistant.rules.text import Word

_DAY_MONTH = re.compile(r"\((\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\)")  # "(8/7)", "(21/5/2025)"
_ZH_DAY = re.compile(r"(?<![\d月年])(\d{1,2})日")


def stated_on(
    text: str,
    sentence_words: list[Word],
    language: Language,
    published: datetime.date | None,
) -> datetime.date | None:
    if published is None:
        return None
    for match in _DAY_MONTH.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else published.year
        year = year + 2000 if year < 100 else year
        try:
            found = datetime.date(year, month, day)
        except ValueError:
            continue
        return found if found <= published else found.replace(year=found.year - 1)
    if language.code == "zh":
        for word, offset in language.relative_days.items():
            if word in text:
                return published + datetime.timedelta(days=offset)
        for word, weekday in language.weekdays.items():
            if word in text:
                return _weekday_before(published, weekday)
        if match := _ZH_DAY.search(text):
            return _day_before(published, int(match.group(1)))
        return published
    folded = [word.folded for word in sentence_words]
    for n, word in enumerate(folded):
        if word in language.relative_days:
            return published + datetime.timedelta(days=language.relative_days[word])
        if word in language.weekdays and not (n and folded[n - 1] in ("next", "depan")):
            return _weekday_before(published, language.weekdays[word])
    return published


def _weekday_before(published: datetime.date, weekday: int) -> datetime.date:
    """The last such weekday on or before the source's date: a report of Wednesday says
    "on Tuesday" of the day before, and "on Wednesday" of its own day."""
    return published - datetime.timedelta(days=(published.weekday() - weekday) % 7)


def _day_before(published: datetime.date, day: int) -> datetime.date:
    """Day `day` of the source's month, or of the month before when that is still to come."""
    year, month = published.year, published.month
    if day > published.day:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return published
