"""Who speaks for whom: a spokesperson for a ministry, a ministry for a government, each
for the time their role lasts (`Role` with `speaks_for`). Pure functions over the roles
as (speaker, body, start, end) tuples, one walk upwards (the body a claim was made for)
and one downwards (every voice of a body), so that both read the same graph."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

Edge = tuple[int, int, datetime.date | None, datetime.date | None]  # speaker, body, start, end


def holds(
    start: datetime.date | None, end: datetime.date | None, day: datetime.date | None
) -> bool:
    """Whether a role from `start` to `end` (either open) covers `day`; an unknown day is
    covered by every role."""
    if day is None:
        return True
    return (start is None or start <= day) and (end is None or day <= end)


class Held(Protocol):
    pk: int
    start: datetime.date | None
    end: datetime.date | None


def role_held_on[R: Held](roles: Iterable[R], day: datetime.date | None) -> R | None:
    """Of `roles`, the one held on `day`: the one begun last where several held (an
    undated start counts as the earliest; between equals, the one entered last)."""
    held = [role for role in roles if holds(role.start, role.end, day)]
    return max(held, key=lambda role: (role.start or datetime.date.min, role.pk), default=None)


def body_spoken_for(speaker: int, day: datetime.date | None, edges: Iterable[Edge]) -> int:
    """The outermost body `speaker` spoke for on `day` (Lin Jian → the foreign ministry →
    China): the speaker itself when they spoke for nobody else. Where several roles
    hold, the one begun last is followed; a loop stops where it closes."""
    upwards = defaultdict(list)
    for who, body, start, end in edges:
        if holds(start, end, day):
            upwards[who].append((start or datetime.date.min, body))
    current, seen = speaker, {speaker}
    while upwards.get(current):
        _, body = max(upwards[current])
        if body in seen:
            break
        seen.add(body)
        current = body
    return current


@dataclass(frozen=True)
class Voice:
    """A speaker whose claims count as the body's, and the days on which they do."""

    speaker: int
    start: datetime.date | None = None
    end: datetime.date | None = None


def voices_of(body: int, edges: Iterable[Edge]) -> list[Voice]:
    """The body itself and everyone who speaks for it, directly or through others, each
    with the days on which every role along the way held."""
    downwards = defaultdict(list)
    for who, spoken_for, start, end in edges:
        downwards[spoken_for].append((who, start, end))
    voices, queue, seen = [Voice(body)], [Voice(body)], {body}
    while queue:
        voice = queue.pop(0)
        for who, start, end in downwards.get(voice.speaker, ()):
            if who in seen:
                continue
            begins = max((day for day in (voice.start, start) if day), default=None)
            ends = min((day for day in (voice.end, end) if day), default=None)
            if begins and ends and ends < begins:
                continue  # the roles never held at the same time
            seen.add(who)
            voices.append(Voice(who, begins, ends))
            queue.append(voices[-1])
    return voices
