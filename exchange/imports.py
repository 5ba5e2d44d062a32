"""Bring claim pairs in from a CSV in the claim-pairs export format.

Reading is streamed and every decision is made a chunk of rows at a time, with one lookup
query per kind of record per chunk, so memory follows the chunk size and the number of
records the file creates, never the file's size. The same `PairImporter` previews (decides,
writes nothing) and applies (decides and creates, inside the caller's one transaction).
"""

import codecs
import csv
import datetime
import functools
import hashlib
import io
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import (
    reset_queries,
)
from django.db.models import Q
from django.db.models.functions import MD5
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.anchoring import AmbiguousQuote
from claims.derived import CHAIN_SEPARATOR, attribution_chains, chosen_representatives_among
from claims.hops import hop_kind
from claims.matching import KnownSpeaker, SpeakerMatcher
from claims.models import Citation, Claim, ClaimRelation, Hop, Role, Speaker
from claims.speaking import body_spoken_for
from exchange.bulk import draw_keys, insert_with_history, unsaved
from exchange.cells import uncell
from exchange.columns import (
    PAIR_COLUMNS,
    REQUIRED_ROLES,
    SIDE_COLUMNS,
    SIDE_LABELS,
    SIDES,
    column_for,
)
from exchange.references import CreatedKeys, FileMemory, pair_bytes
from records.dates import RANGE_TEXT, in_utc, is_datetime_in_range, validate_date_in_range
from records.text import fold
from records.validators import normalise_language_tag, validate_language_tag, validate_web_url
from sources.models import Outlet, Source

CHUNK_SIZE = 500
# The csv module refuses a cell longer than this (131 072 characters by default): far more
# than any claim, quote or name, and it stops a runaway quote from swallowing the file.
MAX_CELL_CHARS = csv.field_size_limit()


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, for the person uploading."""


class ImportRejected(Exception):
    """Some rows cannot be imported; nothing was."""

    def __init__(self, problems: list[tuple[int, str]]):
        self.problems = problems
        first = "; ".join(f"row {number}: {reason}" for number, reason in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"Nothing was imported. {first}{more}")


def _either_way(claim: int, counter: int) -> tuple[int, int]:
    """A pair of claims, whichever way round: a pair is recorded once."""
    return (claim, counter) if claim <= counter else (counter, claim)


def text_md5(text: str) -> str:
    """The digest PostgreSQL's md5(text) gives (claims are looked up by it)."""
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def digest(text: str) -> bytes:
    # New claims are keyed by a hash of their speaker and text so that remembering those of
    # a large file costs 20 bytes each, not the text.
    return hashlib.sha1(text.encode(), usedforsecurity=False).digest()


# --- Reading the file -----------------------------------------------------------------


# A claim-pairs row is a few kilobytes; a line past this is no such row, and reading it to
# its end (a file without line ends can be all one line) would only delay the refusal.
MAX_LINE_BYTES = 4 * 2**20
# The export writes 39 columns, and later versions only add a few at the end.
MAX_COLUMNS = 1_000
TOO_MANY_COLUMNS = gettext_lazy(
    "The header has more than {limit} columns: a claim-pairs CSV has a few dozen."
)


class _BinaryData(Exception):
    pass


class _LineTooLong(Exception):
    pass


def read_rows(
    binary: io.BufferedIOBase,
    *,
    check_header: Callable[[list[str]], None] | None = None,
    sniff: bool = False,
) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """Yield (row number, cells by column name, problems) for each data row.

    The header is checked as a claim-pairs file's unless `check_header` says otherwise;
    with `sniff`, cells may be separated by tabs or semicolons too, whichever the header
    uses most (a spreadsheet of claims from elsewhere).

    Row numbers count the header as row 1, as a spreadsheet shows them. Raises
    `ImportFileError` for anything that makes the whole file unreadable, as soon as it is
    seen: the file is read as a stream, in time and memory that follow its size.
    """
    head = binary.read(4096)
    if not head.strip():
        raise ImportFileError(_("The file is empty."))
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        head.count(b"\x00") > len(head) // 4
    ):
        raise ImportFileError(
            _("The file is UTF-16 text (or binary data), not UTF-8. Save it as “CSV UTF-8”.")
        )
    # Old Mac files end their lines with a carriage return alone.
    line_end = b"\r" if b"\r" in head and b"\n" not in head else b"\n"
    # Decode line by line (a line end never occurs inside a UTF-8 character), so that an
    # undecodable byte is reported in the row that holds it.
    chunks = itertools.chain([head], iter(lambda: binary.read(2**16), b""))
    lines = _decoded_lines(chunks, line_end)
    record = 0  # the last record read whole: the header is row 1
    try:
        first = next(lines, "")
        # Counting its commas costs nothing; parsing a vast header into names does.
        delimiter = max(",\t;", key=first.count) if sniff else ","
        if first.count(delimiter) >= MAX_COLUMNS:
            raise ImportFileError(TOO_MANY_COLUMNS.format(limit=f"{MAX_COLUMNS:,}"))
        reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError(_("The file is empty.")) from None
        record = 1
        header = [name.strip() for name in header]
        (check_header or _check_header)(header)
        width = len(header)
        for cells in reader:
            record += 1
            if not any(cell.strip() for cell in cells):
                continue
            problems = []
            if len(cells) != width:
                problems.append(
                    f"has {len(cells)} cells but the header has {width} columns "
                    "(a missing or extra comma, or an unclosed quote?)"
                )
            yield (
                record,
                {name: uncell(value) for name, value in zip(header, cells, strict=False)},
                problems,
            )
    except _BinaryData:
        raise ImportFileError(
            _(
                "This is not a CSV text file: it holds binary data (a NUL byte in row {value})."
            ).format(value=record + 1)
        ) from None
    except _LineTooLong:
        raise ImportFileError(
            _(
                "Row {value} is longer than {value2} MB: that is not a claim pairs file (or its line ends are missing)."
            ).format(value=record + 1, value2=MAX_LINE_BYTES // 2**20)
        ) from None
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text: row {value} holds bytes that are not UTF-8 (Latin-1 or Windows-1252?). Save it as “CSV UTF-8” and upload it again."
            ).format(value=record + 1)
        ) from None
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise ImportFileError(
                _(
                    "Row {value} has a cell longer than {MAX_CELL_CHARS:,} characters; that is not a claim pairs file."
                ).format(value=record + 1, MAX_CELL_CHARS=MAX_CELL_CHARS)
            ) from None
        if "new-line character seen in unquoted field" in str(error):
            raise ImportFileError(
                _(
                    "Row {value} breaks a line inside a cell that is not in quotes (its line ends mix carriage returns and line feeds). Save the file again as “CSV UTF-8” and upload it again."
                ).format(value=record + 1)
            ) from None
        raise ImportFileError(
            _("Row {value} is not valid CSV ({error}).").format(value=record + 1, error=error)
        ) from None


def _decoded_lines(chunks: Iterable[bytes], line_end: bytes = b"\n") -> Iterator[str]:
    """The text's lines, each with its line end, decoded one at a time. A line split over
    many chunks is joined once, when its end comes (never copied chunk by chunk); a NUL
    byte or a line past MAX_LINE_BYTES stops the reading where it is found."""
    pending: list[bytes] = []
    pending_bytes = 0
    first = True
    for chunk in chunks:
        *complete, rest = chunk.split(line_end)
        for piece in complete:
            if b"\x00" in piece:
                raise _BinaryData
            if pending_bytes + len(piece) > MAX_LINE_BYTES:
                raise _LineTooLong
            pending.append(piece)
            pending.append(line_end)
            decoded = b"".join(pending).decode("utf-8")
            pending, pending_bytes = [], 0
            if first:
                decoded, first = decoded.removeprefix("\ufeff"), False
            yield decoded
        if b"\x00" in rest:
            raise _BinaryData
        pending.append(rest)
        pending_bytes += len(rest)
        if pending_bytes > MAX_LINE_BYTES:
            raise _LineTooLong
    if pending_bytes:
        yield b"".join(pending).decode("utf-8").removeprefix("\ufeff" if first else "")


def _check_header(header: list[str]) -> None:
    if len(header) > MAX_COLUMNS:  # its quoted names ran over several lines
        raise ImportFileError(TOO_MANY_COLUMNS.format(limit=f"{MAX_COLUMNS:,}"))
    counts = Counter(header)
    duplicates = sorted(name for name, count in counts.items() if count > 1 and name)
    if duplicates:
        raise ImportFileError(
            _("Columns appear twice in the header: {items}.").format(items=", ".join(duplicates))
        )
    missing = [column_for(role) for role in REQUIRED_ROLES if column_for(role) not in counts]
    if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
        raise ImportFileError(
            _(
                "The columns are separated by semicolons or tabs; a claim-pairs CSV uses commas. "
                "Save it again as “CSV UTF-8 (comma delimited)”."
            )
        )
    if len(missing) == len(REQUIRED_ROLES):
        raise ImportFileError(
            _(
                "This is not a claim-pairs CSV: its first row should name the columns, as the pairs export does ({items}, …)."
            ).format(items=", ".join(missing))
        )
    if missing:
        raise ImportFileError(
            _("Columns missing from the header: {items}.").format(items=", ".join(missing))
        )


# --- Deciding and creating ------------------------------------------------------------


@dataclass
class SidePlan:
    """One side of a row, parsed and checked."""

    text: str = ""
    translation: str = ""
    language: str = ""
    kind: str = Claim.Kind.PARAPHRASE
    stated_on: datetime.date | None = None
    speaker_name: str = ""
    speaker_description: str = ""
    speaker_kind: str = Speaker.Kind.PERSON  # of a new speaker
    speaker_id: int | None = None
    source_title: str = ""
    outlet: str = ""
    source_url: str = ""
    published: datetime.date | datetime.datetime | None = None
    quote: str = ""
    hops: tuple[str, ...] = ()  # who the source had it from, nearest first
    # Filled in by resolution: references to records, positive for rows in the database,
    # negative for records this import creates.
    speaker: int = 0
    claim: int = 0
    source: int = 0
    anchor: Citation | None = None

    @property
    def cites(self) -> bool:
        return any((self.source_title, self.outlet, self.source_url, self.quote))


@dataclass
class RowPlan:
    number: int
    problems: list[str]
    sides: dict[str, SidePlan] = field(default_factory=dict)
    relation_kind: str = ""
    relation_note: str = ""
    created_at: datetime.datetime | None = None
    updated_at: datetime.datetime | None = None
    actions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RowResult:
    number: int
    problems: list[str]
    actions: dict[str, str]


def _choice(value: str, choices: type) -> str | None:
    """A TextChoices value from its value or its English label, in any case; None if
    unknown. A file reads the same whatever the language of the page that uploaded it."""
    wanted = value.strip().casefold().replace(" ", "_").replace("-", "_")
    return _choice_names(choices).get(wanted)


@functools.cache
def _choice_names(choices: type) -> dict[str, str]:
    """Each choice's value by itself and by its English label (the first choice that has
    a name keeps it): made once, not for each cell of each row."""
    names = {}
    with translation.override("en"):
        for choice in choices:
            names.setdefault(choice.value, choice.value)
            names.setdefault(str(choice.label).casefold().replace(" ", "_"), choice.value)
    return names


class OutOfRange(ValueError):
    """A well-formed date outside the range Claimtrail keeps (records.dates)."""


def _aware(value: str) -> datetime.datetime | None:
    """A date-time or a date as a date-time in UTC; None if empty. ValueError if it is
    neither, OutOfRange if it lies outside the years kept."""
    value = value.strip()
    if not value:
        return None
    # Both parsers raise ValueError for a well-formed impossible date (2024-02-30).
    parsed = parse_datetime(value.replace(" ", "T", 1)) if len(value) > 10 else None
    if parsed is None:
        day = parse_date(value)
        if day is None:
            raise ValueError(value)
        parsed = datetime.datetime.combine(day, datetime.time())
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    if not is_datetime_in_range(parsed):
        raise OutOfRange(value)
    return in_utc(parsed)


def _published(value: str) -> datetime.date | datetime.datetime | None:
    """A source's publication as `Source.published` keeps it: a date alone stays a date."""
    value = value.strip()
    return _day(value) if len(value) == 10 else _aware(value)


def _day(value: str) -> datetime.date:
    """A YYYY-MM-DD date; ValueError if it is not one, OutOfRange outside the years kept."""
    day = parse_date(value) if len(value) == 10 else None
    if day is None:
        raise ValueError(value)
    try:
        validate_date_in_range(day)
    except ValidationError:
        raise OutOfRange(value) from None
    return day


def _out_of_range(what: str, value: str) -> str:
    return _("{what} “{value}” is outside the dates kept: they lie {range}, in UTC").format(
        what=what, value=value, range=RANGE_TEXT
    )


LIMITS = {
    "speaker_name": 300,
    "speaker_description": 300,
    "source_title": 500,
    "outlet": 200,
    "source_url": 2000,
    "language": 35,
}
ROLE_LABELS = {
    "speaker_name": gettext_lazy("speaker name"),
    "speaker_description": gettext_lazy("speaker description"),
    "source_title": gettext_lazy("source title"),
    "outlet": gettext_lazy("outlet"),
    "source_url": gettext_lazy("source URL"),
    "language": gettext_lazy("language"),
}
MOMENT_LABELS = {"created_at": gettext_lazy("created at"), "updated_at": gettext_lazy("updated at")}


@functools.lru_cache(maxsize=4096)  # a file names the same sources over and over
def _is_web_url(url: str) -> bool:
    try:
        validate_web_url(url)
    except ValidationError:
        return False
    return True


# Each role's column, looked up once: a row is read cell by cell, 32 cells a row.
_PAIR_COLUMN = {role: column_for(role) for role in PAIR_COLUMNS}
_SIDE_COLUMN = {
    side: {role: column_for(f"{side}.{role}") for role in SIDE_COLUMNS} for side in SIDES
}


def parse_row(number: int, cells: dict[str, str], problems: list[str]) -> RowPlan:
    row = RowPlan(number=number, problems=list(problems))

    def cell(role: str) -> str:
        return cells.get(_PAIR_COLUMN[role], "").strip()

    kind = cell("relation_kind")
    row.relation_kind = _choice(kind, ClaimRelation.Kind) or ""
    if not kind:
        row.problems.append(_("relation kind is empty"))
    elif not row.relation_kind:
        row.problems.append(
            _("unknown relation kind “{kind}” (use one of: {kinds})").format(
                kind=kind, kinds=", ".join(ClaimRelation.Kind.values)
            )
        )
    row.relation_note = cell("relation_note")
    for role in ("created_at", "updated_at"):
        try:
            setattr(row, role, _aware(cell(role)))
        except OutOfRange:
            row.problems.append(_out_of_range(MOMENT_LABELS[role], cell(role)))
        except ValueError:
            row.problems.append(
                _("{what} “{value}” is not a date-time").format(
                    what=MOMENT_LABELS[role], value=cell(role)
                )
            )

    for side in SIDES:
        plan, label = SidePlan(), SIDE_LABELS[side]
        row.sides[side] = plan
        values = {
            role: cells.get(column, "").strip() for role, column in _SIDE_COLUMN[side].items()
        }
        side_cell = values.__getitem__

        for role, limit in LIMITS.items():
            value = values[role]
            if len(value) > limit:
                row.problems.append(
                    _("{side} {what} is {length} characters long (at most {limit})").format(
                        side=label, what=ROLE_LABELS[role], length=len(value), limit=limit
                    )
                )
            setattr(plan, role, value)
        plan.text, plan.translation = side_cell("text"), side_cell("translation")
        plan.quote = side_cell("quote")
        if chain := side_cell("chain"):
            plan.hops = tuple(name for name in chain.split(CHAIN_SEPARATOR)[1:] if name.strip())
        if not plan.text:
            row.problems.append(_("{side} text is empty").format(side=label))
        if not plan.speaker_name:
            row.problems.append(_("{side} speaker name is empty").format(side=label))
        if not plan.language:
            row.problems.append(_("{side} language is empty").format(side=label))
        else:
            try:
                validate_language_tag(plan.language)
                plan.language = normalise_language_tag(plan.language)
            except ValidationError:
                row.problems.append(
                    _(
                        "{side} language “{language}” is not a language code "
                        "(use a BCP 47 tag such as id, en, ru, zh)"
                    ).format(side=label, language=plan.language)
                )
        if claim_kind := side_cell("kind"):
            plan.kind = _choice(claim_kind, Claim.Kind) or ""
            if not plan.kind:
                row.problems.append(
                    _("{side} kind “{kind}” is unknown (use {kinds})").format(
                        side=label, kind=claim_kind, kinds=_(" or ").join(Claim.Kind.values)
                    )
                )
        if date := side_cell("date"):
            try:
                plan.stated_on = _day(date)
            except OutOfRange:
                row.problems.append(_out_of_range(_("{side} date").format(side=label), date))
            except ValueError:
                row.problems.append(
                    _("{side} date “{date}” is not a date (YYYY-MM-DD)").format(
                        side=label, date=date
                    )
                )
        if speaker_id := side_cell("speaker_id"):
            plan.speaker_id = int(speaker_id) if speaker_id.isdigit() else None
        try:
            plan.published = _published(side_cell("published"))
        except OutOfRange:
            row.problems.append(
                _out_of_range(_("{side} published date").format(side=label), side_cell("published"))
            )
        except ValueError:
            row.problems.append(
                _("{side} published date “{date}” is not a date").format(
                    side=label, date=side_cell("published")
                )
            )
        if plan.source_url and not _is_web_url(plan.source_url):
            row.problems.append(
                _("{side} source URL “{url}” is not a web address (http:// or https://)").format(
                    side=label, url=plan.source_url[:80]
                )
            )
        if plan.cites:
            if not plan.quote:
                row.problems.append(
                    _("{side} names a source but its quote is empty").format(side=label)
                )
            if not plan.source_url and not (plan.source_title and plan.outlet):
                row.problems.append(
                    _(
                        "{side} quote needs its source: a source URL, or a title and an outlet"
                    ).format(side=label)
                )
    return row


def speaker_matcher() -> SpeakerMatcher:
    """Every speaker, to match the file's names against in memory."""
    rows = Speaker.objects.order_by("pk").values_list("pk", "name", "aliases", "description")
    return SpeakerMatcher(
        KnownSpeaker(pk, name, tuple(aliases.splitlines()), description)
        for pk, name, aliases, description in rows.iterator(chunk_size=2000)
    )


class PairImporter:
    """Decide, row by row, what each row matches or creates; in apply mode, create it.

    Call `run()` inside one transaction when applying: if any row is rejected, `run()`
    raises `ImportRejected` at the end and the caller's transaction rolls everything back.
    """

    def __init__(
        self,
        *,
        apply: bool,
        user=None,
        reason: str = "Imported from a claim-pairs CSV",
        progress: Callable[[int], None] | None = None,
    ):
        self.apply = apply
        self.user = user
        self.reason = reason
        self.progress = progress
        self.speakers = speaker_matcher()
        self.outlets = {}
        self.outlet_kinds, self.outlet_names = {}, {}
        for pk, name, kind in Outlet.objects.values_list("pk", "name", "kind"):
            self.outlets[fold(name)], self.outlet_kinds[pk], self.outlet_names[pk] = pk, kind, name
        # Source -> its outlet, for chains: of the sources this import creates, and of
        # those the chunk at hand looked up (each chunk looks up its own again, so that
        # what is kept does not grow with every source a large file names).
        self.new_source_outlets: dict[int, int] = {}
        self.source_outlets: dict[int, int] = {}
        # Who speaks for whom, for the body each new claim is made for.
        self.edges = Role.objects.speaking_for() if apply else []
        self.new_sources_by_url: dict[str, int] = {}
        self.new_sources_by_title: dict[tuple[str, int], int] = {}
        # What this file creates, to find a later row's mention of it (a digest, a pair of
        # references), kept outside the worker's memory, as it grows with the file.
        self.memory = FileMemory()
        self.real = CreatedKeys()  # negative reference -> primary key, once created
        self.created: Counter = Counter()
        self.matched: dict[str, set[int]] = defaultdict(set)
        self.problems: list[tuple[int, str]] = []
        self.rows = 0
        # Unsaved records are made by the hundred thousand: without Django's `__init__`.
        models = (Speaker, Outlet, Source, Claim, Citation, ClaimRelation, Hop)
        self.new = {model: unsaved(model) for model in models}

    # References: a positive number is a row in the database; a negative one stands for a
    # record this import creates, mapped to its primary key in `real` once it exists.
    def _new_ref(self) -> int:
        return self.real.new_ref()

    def _pk(self, ref: int) -> int:
        return ref if ref > 0 else self.real[ref]

    def counts(self) -> dict[str, dict[str, int]]:
        kinds = ["speaker", "outlet", "source", "claim", "citation", "relation"]
        return {
            kind: {"create": self.created[kind], "match": len(self.matched[kind])} for kind in kinds
        }

    def run(self, rows: Iterable[tuple[int, dict[str, str], list[str]]]) -> Iterator[RowResult]:
        rows = iter(rows)
        try:
            while chunk := list(itertools.islice(rows, CHUNK_SIZE)):
                yield from self._chunk([self.parse(*row) for row in chunk])
                self.rows += len(chunk)
                # With DEBUG on, Django keeps the last 9 000 statements, and a bulk insert's
                # is as long as its rows: a large import would hold gigabytes of SQL text.
                reset_queries()
                if self.progress:
                    self.progress(self.rows)
        finally:
            self.memory.close()
        if self.problems and self.apply_requested:
            raise ImportRejected(self.problems)

    def run_all(self, rows) -> dict[str, dict[str, int]]:
        for _row in self.run(rows):
            pass
        return self.counts()

    @property
    def apply_requested(self) -> bool:
        return getattr(self, "_apply_requested", self.apply)

    def _reject(self, row: RowPlan) -> None:
        for problem in row.problems:
            self.problems.append((row.number, problem))
        if self.apply:
            # Nothing will be kept: stop creating, keep checking to name every bad row.
            self._apply_requested, self.apply = True, False

    # How a row of cells becomes a plan: the claim-pairs columns.
    parse = staticmethod(parse_row)

    def _chunk(self, plans: list[RowPlan]) -> Iterator[RowResult]:
        good = [row for row in plans if not row.problems]
        pending = defaultdict(dict)  # kind -> {ref: unsaved instance}
        self._resolve(good, pending)
        for row in plans:
            if row.problems:
                self._reject(row)
        if self.apply:
            self._create(pending, [row for row in plans if not row.problems])
        for row in plans:
            yield RowResult(row.number, row.problems, row.actions if not row.problems else {})

    def _resolve(self, rows: list[RowPlan], pending) -> None:
        """Decide what the chunk's good rows match or create, one kind after another."""
        self._resolve_speakers(rows, pending)
        self._resolve_sources(rows, pending)
        self._resolve_claims(rows, pending)
        self._resolve_citations_and_relations(rows, pending)

    def _resolve_speakers(self, rows: list[RowPlan], pending) -> None:
        for row in rows:
            for side, plan in row.sides.items():
                known = self.speakers.match(
                    plan.speaker_name, description=plan.speaker_description, hint=plan.speaker_id
                )
                ref = known.id if known else None
                if ref is None:
                    ref = self._new_ref()
                    pending["speaker"][ref] = self.new[Speaker](
                        name=plan.speaker_name,
                        description=plan.speaker_description,
                        kind=plan.speaker_kind,
                    )
                    self.speakers.add(
                        KnownSpeaker(ref, plan.speaker_name, (), plan.speaker_description)
                    )
                    self.created["speaker"] += 1
                    row.actions[f"{side}.speaker"] = "create"
                elif ref < 0:
                    row.actions[f"{side}.speaker"] = "new"
                else:
                    self.matched["speaker"].add(ref)
                    row.actions[f"{side}.speaker"] = "match"
                plan.speaker = ref

    def _resolve_sources(self, rows: list[RowPlan], pending) -> None:
        sides = [
            (row, side, plan) for row in rows for side, plan in row.sides.items() if plan.cites
        ]
        urls = {plan.source_url for _, _, plan in sides if plan.source_url}
        by_url, by_title, bodies = {}, {}, {}
        self.source_outlets = {}
        columns = ("pk", "url", "title", "outlet_id", "body")
        found = list(Source.objects.filter(url__in=urls).values_list(*columns)) if urls else []
        for pk, url, _title, outlet_id, body in found:
            by_url[url], bodies[pk], self.source_outlets[pk] = pk, body, outlet_id
        # A title is looked up only for the sides that its URL does not name (the title has
        # no index of its own: a file of known addresses never scans for titles).
        titles = {
            plan.source_title
            for _, _, plan in sides
            if plan.source_title
            and plan.source_url not in by_url
            and plan.source_url not in self.new_sources_by_url
        }
        if titles:
            named = Source.objects.filter(title__in=titles).values_list(*columns)
            for pk, _url, title, outlet_id, body in named:
                by_title.setdefault((title, outlet_id), pk)
                bodies[pk], self.source_outlets[pk] = body, outlet_id
        self._bodies, self._stand_ins = bodies, {}
        for row, side, plan in sides:
            ref, verdict = None, "match"
            # This import's own new records first: once applied, they are in the database
            # too, and must keep the reference they were first given.
            if plan.source_url:
                ref = self.new_sources_by_url.get(plan.source_url) or by_url.get(plan.source_url)
            if ref is None and plan.source_title and plan.outlet:
                outlet = self._outlet(row, side, plan, pending)
                key = (plan.source_title, outlet)
                ref = self.new_sources_by_title.get(key)
                if ref is None and outlet > 0:
                    ref = by_title.get(key)
                if ref is None:
                    ref, verdict = self._new_ref(), "create"
                    pending["source"][ref] = self.new[Source](
                        title=plan.source_title,
                        url=plan.source_url,
                        published=plan.published,
                        # The file does not say the source's language; the claim's is the
                        # best guess, and a researcher can correct it.
                        language=plan.language,
                    )
                    pending["source"][ref]._outlet_ref = outlet
                    self.new_sources_by_title[key] = ref
                    if plan.source_url:
                        self.new_sources_by_url[plan.source_url] = ref
                    self.created["source"] += 1
            elif ref is None:
                row.problems.append(
                    _(
                        "{side} source URL “{url}” is not known "
                        "and the file gives no title and outlet to create it"
                    ).format(side=SIDE_LABELS.get(side, side), url=plan.source_url[:80])
                )
                continue
            if ref > 0 and verdict == "match":
                self.matched["source"].add(ref)
            elif verdict == "match":
                verdict = "new"
            row.actions[f"{side}.source"] = verdict
            plan.source = ref

    def _outlet(self, row: RowPlan, side: str, plan: SidePlan, pending) -> int:
        key = fold(plan.outlet)
        ref = self.outlets.get(key)
        if ref is None:
            ref = self._new_ref()
            pending["outlet"][ref] = self.new[Outlet](name=plan.outlet)
            self.outlets[key] = ref
            self.created["outlet"] += 1
            row.actions[f"{side}.outlet"] = "create"
        elif ref > 0:
            self.matched["outlet"].add(ref)
            row.actions[f"{side}.outlet"] = "match"
        return ref

    def _resolve_claims(self, rows: list[RowPlan], pending) -> None:
        known_speakers = {
            self._pk(plan.speaker)
            for row in rows
            for plan in row.sides.values()
            if plan.speaker > 0 or plan.speaker in self.real
        }
        texts = {plan.text for row in rows for plan in row.sides.values()}
        existing = {}
        if known_speakers:
            # By the texts' digests, which PostgreSQL indexes (claims 0030), and then the
            # texts themselves: a digest names a text, it does not prove it.
            found = (
                Claim.objects.annotate(text_md5=MD5("text"))
                .filter(speaker__in=known_speakers, text_md5__in={text_md5(text) for text in texts})
                .order_by("pk")
            )
            for pk, speaker_id, text in found.values_list("pk", "speaker_id", "text"):
                existing.setdefault((speaker_id, text), pk)
        for row in rows:
            if row.problems:
                continue
            for side, plan in row.sides.items():
                key = digest(f"{plan.speaker}\n{plan.text}")
                ref = self.memory.get(FileMemory.CLAIM, key)
                if ref is None and (plan.speaker > 0 or plan.speaker in self.real):
                    ref = existing.get((self._pk(plan.speaker), plan.text))
                if ref is None:
                    ref = self._new_ref()
                    pending["claim"][ref] = self.new[Claim](
                        text=plan.text,
                        translation=plan.translation,
                        language=plan.language,
                        kind=plan.kind,
                        stated_on=plan.stated_on,
                    )
                    pending["claim"][ref]._speaker_ref = plan.speaker
                    self.memory.add(FileMemory.CLAIM, key, ref)
                    self.created["claim"] += 1
                    row.actions[f"{side}.claim"] = "create"
                elif ref > 0:
                    self.matched["claim"].add(ref)
                    row.actions[f"{side}.claim"] = "match"
                else:
                    row.actions[f"{side}.claim"] = "new"
                plan.claim = ref
            if "counter" in row.sides and row.sides["claim"].claim == row.sides["counter"].claim:
                row.problems.append(
                    _(
                        "the claim and the counter-claim are the same claim (same speaker and "
                        "text): a claim cannot answer itself"
                    )
                )

    def _resolve_citations_and_relations(self, rows: list[RowPlan], pending) -> None:
        rows = [row for row in rows if not row.problems]
        claim_pks = {plan.claim for row in rows for plan in row.sides.values() if plan.claim > 0}
        cited, related = set(), set()
        if claim_pks:
            cited = set(
                Citation.objects.filter(claim__in=claim_pks).values_list("claim_id", "source_id")
            )
            pairs = ClaimRelation.objects.filter(
                Q(claim__in=claim_pks) | Q(counter__in=claim_pks)
            ).values_list("pk", "claim_id", "counter_id")
            related = {_either_way(claim, counter): pk for pk, claim, counter in pairs}
        for row in rows:
            for side, plan in row.sides.items():
                if not plan.cites:
                    continue
                key = (plan.claim, plan.source)
                held = key in cited
                if held or self.memory.get(FileMemory.CITATION, pair_bytes(*key)) is not None:
                    row.actions[f"{side}.citation"] = "match" if held else "new"
                    continue
                # Anchored in the text it has now (none, if this import creates the source);
                # the source itself is set once it exists.
                citation = Citation.of(
                    source=self._anchoring(plan.source), quote=plan.quote, make=self.new[Citation]
                )
                try:
                    citation.anchor()
                except AmbiguousQuote as ambiguity:
                    row.problems.append(
                        _(
                            "{side} quote occurs {count} times in its source's text; add it by "
                            "hand with a few words around it"
                        ).format(side=SIDE_LABELS.get(side, side), count=ambiguity.occurrences)
                    )
                    continue
                citation._refs, citation._hops = key, plan.hops
                pending["citation"][self._new_ref()] = citation
                self.memory.add(FileMemory.CITATION, pair_bytes(*key))
                self.created["citation"] += 1
                row.actions[f"{side}.citation"] = "create"
            if not row.problems:
                self._resolve_relation(row, related, pending)

    def _resolve_relation(self, row: RowPlan, related: dict, pending) -> None:
        """The row's pair: one we hold (`related`), an earlier row's, or a new one."""
        pair = _either_way(row.sides["claim"].claim, row.sides["counter"].claim)
        key = pair_bytes(*pair)
        if pair in related:
            self.matched["relation"].add(related[pair])
            row.actions["relation"] = "match"
        elif self.memory.get(FileMemory.PAIR, key) is not None:
            row.actions["relation"] = "new"
        else:
            relation = self.new[ClaimRelation](
                kind=row.relation_kind,
                note=row.relation_note,
                created_at=row.created_at,
                updated_at=row.updated_at or row.created_at,
            )
            relation._refs = (row.sides["claim"].claim, row.sides["counter"].claim)
            pending["relation"][self._new_ref()] = relation
            self.memory.add(FileMemory.PAIR, key)
            self.created["relation"] += 1
            row.actions["relation"] = "create"

    def _anchoring(self, ref: int) -> Source:
        """A stand-in for the source to anchor a quote in: the text it has now (none, if
        this import creates it), one a source and chunk."""
        if ref not in self._stand_ins:
            self._stand_ins[ref] = self.new[Source](
                body=self._bodies.get(ref, "") if ref > 0 else ""
            )
        return self._stand_ins[ref]

    def _create(self, pending, rows: list[RowPlan]) -> None:
        """Create this chunk's new records, parents first, each kind in one bulk insert
        with its history rows, with what their `save()` would have stored about them."""
        for speaker in pending["speaker"].values():
            speaker.refresh_search_text()
        for kind, model in [("outlet", Outlet), ("speaker", Speaker)]:
            self._bulk(model, pending[kind])
        for outlet in pending["outlet"].values():
            self.outlet_kinds[outlet.pk], self.outlet_names[outlet.pk] = outlet.kind, outlet.name
        for source in pending["source"].values():
            source.outlet_id = self._pk(source._outlet_ref)
            source.refresh_keys()
        self._bulk(Source, pending["source"])
        for source in pending["source"].values():
            self.new_source_outlets[source.pk] = source.outlet_id
        for claim in pending["claim"].values():
            claim.speaker_id = self._pk(claim._speaker_ref)
            # A new claim has no joint speakers: the body it was made for is its speaker's.
            claim.made_for_id = body_spoken_for(claim.speaker_id, claim.stated_on, self.edges)
        # Where the claims' keys can be drawn first (PostgreSQL), their citations go in
        # before them (foreign keys are checked at the commit), so that each new claim's
        # search vector is made once, quotes and all, by its own insert, and not made again
        # by the citations' insert.
        citations_first = draw_keys(Claim, list(pending["claim"].values()))
        if citations_first:
            self.real.update((ref, claim.pk) for ref, claim in pending["claim"].items())
        else:
            self._bulk(Claim, pending["claim"])
        citations = list(pending["citation"].values())
        hops = []  # each citation's, in the same order
        for citation in citations:
            claim_ref, source_ref = citation._refs
            citation.claim_id, citation.source_id = self._pk(claim_ref), self._pk(source_ref)
            hops.append(list(self._hops(citation)))
        # A new citation relays none: its chain is its source's outlet and its own hops.
        chains = dict(
            attribution_chains(
                (
                    number,
                    citation.claim_id,
                    None,
                    (
                        self.outlet_names[self._outlet_of(citation.source_id)],
                        *(self._hop_label(hop) for hop in hops[number]),
                    ),
                )
                for number, citation in sorted(
                    enumerate(citations), key=lambda pair: pair[1].claim_id
                )
            )
        )
        for number, citation in enumerate(citations):
            citation.attribution_chain = chains[number]
        self._bulk(Citation, pending["citation"], remember=False)
        new_claims = {claim.pk for claim in pending["claim"].values()}
        if citations_first:
            # And what represents each new claim goes in with it, not in an update after:
            # a new claim's citations are all this chunk's.
            new_citations = [citation for citation in citations if citation.claim_id in new_claims]
            chosen = chosen_representatives_among(new_citations, Citation.objects.all())
            for claim in pending["claim"].values():
                claim.representative_id, claim.passage_count = chosen.get(claim.pk, (None, 0))
            self._bulk(Claim, pending["claim"])
        for citation, its_hops in zip(citations, hops, strict=True):
            for hop in its_hops:
                hop.citation_id = citation.pk
        self._bulk(Hop, [hop for its_hops in hops for hop in its_hops], remember=False)
        # What represents each (other) claim that has a new citation.
        cited = {citation.claim_id for citation in citations}
        if citations_first:
            cited -= new_claims
        Claim.objects.filter(pk__in=cited).refresh_representatives()
        relations = pending["relation"]
        for relation in relations.values():
            relation.claim_id, relation.counter_id = map(self._pk, relation._refs)
        self._bulk(ClaimRelation, relations, keep_timestamps=True, remember=False)

    def _outlet_of(self, source: int) -> int:
        outlet = self.new_source_outlets.get(source)
        return self.source_outlets[source] if outlet is None else outlet

    def _hops(self, citation: Citation) -> Iterator[Hop]:
        """The hops the file's chain names for a citation, each linked to an outlet we know
        by that name (the file's own new outlets included), as `Hop.named` would."""
        for position, name in enumerate(citation._hops, start=1):
            ref = self.outlets.get(fold(name))
            outlet = self._pk(ref) if ref is not None else None
            kind = hop_kind(name, self.outlet_kinds.get(outlet) if outlet else None)
            yield self.new[Hop](
                position=position,
                name=" ".join(name.split())[: Hop._meta.get_field("name").max_length],
                outlet_id=outlet,
                kind=kind,
            )

    def _hop_label(self, hop: Hop) -> str:
        """`Hop.label`, from the outlets at hand."""
        return self.outlet_names[hop.outlet_id] if hop.outlet_id else hop.name

    def _bulk(
        self, model, pending: dict[int, object] | list, *, keep_timestamps=False, remember=True
    ) -> None:
        """Insert the records, and remember the key of each reference (unless no later
        row can refer to them: citations, hops and relations)."""
        if not pending:
            return
        if not isinstance(pending, dict):
            pending = dict(enumerate(pending))  # references nobody will look up
            remember = False
        objects = list(pending.values())
        insert_with_history(
            model, objects, user=self.user, reason=self.reason, keep_timestamps=keep_timestamps
        )
        if remember:
            self.real.update((ref, obj.pk) for ref, obj in zip(pending, objects, strict=True))
