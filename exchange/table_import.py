"""Bring claims in from any spreadsheet of them, through a column mapping: which column
holds the claim's text, its speaker, its date, where it appeared, its verdict…, and what
each verdict label means ("pants-fire" → false). A row is one claim; a counter-claim is
optional. Rows are read as the claim-pairs CSV's are (`read_rows`, streamed, the same
refusals) and decided by the same machinery (`PairImporter` through
`ClaimReviewImporter`: speakers, sources, claims, citations, relations, verdicts).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.models import Assessment, Claim, ClaimRelation, Topic
from exchange.claimreview_import import UNDETERMINED, ClaimReviewImporter, appeared_in
from exchange.imports import (
    LIMITS,
    ImportFileError,
    OutOfRange,
    PairImporter,
    RowPlan,
    SidePlan,
    _choice,
    _day,
    _out_of_range,
    read_rows,
)
from exchange.ratings import rating_for, understood
from records.text import fold
from records.validators import normalise_language_tag, validate_language_tag

# The fields a column can be mapped to, as `manage.py import_claims --columns` names them.
FIELDS = {
    "text": _("claim text"),
    "speaker": _("speaker"),
    "speaker_role": _("speaker role"),
    "stated_on": _("date"),
    "language": _("language"),
    "source_url": _("source URL"),
    "source_title": _("source title"),
    "appeared_in": _("where it appeared"),
    "verdict": _("verdict label"),
    "topic": _("topic"),
    "counter_text": _("counter-claim text"),
    "counter_speaker": _("counter-claim speaker"),
    "relation_kind": _("relation kind"),
}
REQUIRED = ("text", "speaker")
# A pair whose file does not say how the two relate: the weakest link, a researcher can
# say more.
DEFAULT_RELATION = ClaimRelation.Kind.RESPONDS_TO


def parse_columns(text: str) -> dict[str, str]:
    """`text=statement,speaker=speaker` as {field: column}; ValueError saying what is
    wrong."""
    columns = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        field, sep, column = part.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not column:
            raise ValueError(gettext("“{part}” is not FIELD=COLUMN").format(part=part))
        if field not in FIELDS:
            raise ValueError(
                gettext("unknown field “{field}” (use {fields})").format(
                    field=field, fields=", ".join(FIELDS)
                )
            )
        columns[field] = column
    return columns


def parse_labels(text: str) -> dict[str, str]:
    """`pants-fire=false,barely-true=misleading` as {folded label: rating}."""
    labels = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        label, sep, rating = part.rpartition("=")
        known = _choice(rating, Assessment.Rating) if sep else None
        if not label.strip() or known is None:
            raise ValueError(
                gettext("“{part}” is not LABEL=RATING with a rating of {ratings}").format(
                    part=part, ratings=", ".join(Assessment.Rating.values)
                )
            )
        labels[fold(label)] = known
    return labels


def mapping_problems(columns: dict[str, str]) -> list[str]:
    """What keeps a mapping from making claims."""
    problems = [
        gettext("map a column to the {field}").format(field=FIELDS[field])
        for field in REQUIRED
        if not columns.get(field)
    ]
    if columns.get("counter_text") and not columns.get("counter_speaker"):
        problems.append(gettext("a counter-claim text needs its speaker's column too"))
    unknown = sorted(set(columns) - set(FIELDS))
    if unknown:
        problems.append(gettext("unknown fields: {fields}").format(fields=", ".join(unknown)))
    return problems


SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")


def readable_name(name: str) -> str:
    """A name as a person reads it: the slug `rick-perry` is "Rick Perry"; anything
    written otherwise stays as written."""
    name = " ".join(name.split())
    if SLUG.fullmatch(name):
        return " ".join(word.capitalize() for word in re.split(r"[-_]", name))
    return name


def read_table(binary, columns: dict[str, str]):
    """The file's rows, checked against the mapping: a mapped column the header lacks
    refuses the whole file."""

    def check_header(header: list[str]) -> None:
        missing = sorted({column for column in columns.values() if column not in header})
        if missing:
            raise ImportFileError(
                "The mapping names columns the file does not have: "
                f"{', '.join(missing)} (its columns: {', '.join(header[:30])})."
            )

    return read_rows(binary, check_header=check_header, sniff=True)


def _free_slug(name: str) -> str:
    """A new topic's address, as `Topic.save` makes it, numbered past one already taken."""
    base = slugify(name, allow_unicode=True)[:190] or "topic"
    base = "new-topic" if base == "new" else base
    slug, number = base, 1
    while Topic.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class ClaimsImporter(ClaimReviewImporter):
    """One claim a row (and its counter-claim, when mapped), with its verdict and topic."""

    KINDS = ("speaker", "outlet", "source", "claim", "citation", "relation", "assessment", "topic")

    def __init__(self, *, columns: dict[str, str], labels: dict[str, str] | None = None, **kw):
        kw.setdefault("reason", "Imported from a CSV of claims")
        super().__init__(**kw)
        self.columns, self.labels = columns, labels or {}
        self.topics = {fold(name): pk for pk, name in Topic.objects.values_list("pk", "name")}

    def parse(self, number: int, cells: dict, problems: list[str]) -> RowPlan:
        row = RowPlan(number=number, problems=list(problems))

        def cell(field: str) -> str:
            column = self.columns.get(field)
            return cells.get(column, "").strip() if column else ""

        language = cell("language") or UNDETERMINED
        try:
            validate_language_tag(language)
            language = normalise_language_tag(language)
        except ValidationError:
            row.problems.append(
                gettext("language “{language}” is not a BCP 47 code (en, id, es)").format(
                    language=language[:40]
                )
            )
        stated_on = None
        if date := cell("stated_on"):
            try:
                stated_on = _day(date[:10])
            except OutOfRange:
                row.problems.append(_out_of_range(gettext("date"), date))
            except ValueError:
                row.problems.append(
                    gettext("date “{date}” is not a date (YYYY-MM-DD)").format(date=date[:40])
                )
        sides = [("claim", "text", "speaker")]
        if self.columns.get("counter_text") and cell("counter_text"):
            sides.append(("counter", "counter_text", "counter_speaker"))
        for side, text_field, speaker_field in sides:
            plan = SidePlan(
                text=cell(text_field),
                language=language,
                stated_on=stated_on,
                speaker_name=readable_name(cell(speaker_field)),
            )
            for field, value in ((text_field, plan.text), (speaker_field, plan.speaker_name)):
                if not value:
                    row.problems.append(
                        gettext("the {field} column “{column}” is empty").format(
                            field=FIELDS[field], column=self.columns[field]
                        )
                    )
            if side == "claim":
                plan.speaker_description = cell("speaker_role")
                appeared_in(
                    plan,
                    row,
                    {
                        "url": cell("source_url"),
                        "title": cell("source_title"),
                        "outlet": cell("appeared_in"),
                    },
                )
            for role, value, what in (
                ("speaker_name", plan.speaker_name, gettext("speaker name")),
                ("speaker_description", plan.speaker_description, gettext("speaker description")),
            ):
                if len(value) > LIMITS[role]:
                    row.problems.append(
                        gettext("the {what} is longer than {limit}").format(
                            what=what, limit=LIMITS[role]
                        )
                    )
            row.sides[side] = plan
        if len(sides) > 1:
            kind = cell("relation_kind")
            row.relation_kind = _choice(kind, ClaimRelation.Kind) if kind else DEFAULT_RELATION
            if not row.relation_kind:
                row.problems.append(
                    f"unknown relation kind “{kind}” (use one of: "
                    f"{', '.join(ClaimRelation.Kind.values)})"
                )
        if label := cell("verdict"):
            rating = self.labels.get(fold(label)) or rating_for(label)
            if rating is None:
                row.problems.append(
                    f"the verdict “{label[:60]}” is not one Claimtrail can read: map it "
                    f"(LABEL=RATING) to one of {understood()}"
                )
            row.verdict = {
                "rating": rating,
                "explanation": f"Rated “{label}” in the imported file ({self.reason})."[:2000],
                "reviewer": "",
                "reviewer_url": "",
                "review_url": "",
                "assessed_at": None,
            }
        row.topic = cell("topic")[: Topic._meta.get_field("name").max_length]
        return row

    def _resolve(self, rows: list[RowPlan], pending) -> None:
        super()._resolve(rows, pending)
        for row in rows:
            if row.problems or not row.topic:
                continue
            key = fold(row.topic)
            if key in self.topics:
                verdict = "match" if self.topics[key] > 0 else "new"
                if verdict == "match":
                    self.matched["topic"].add(self.topics[key])
            else:
                self.topics[key] = self._new_ref()
                pending["topic"][self.topics[key]] = Topic(name=row.topic)
                self.created["topic"] += 1
                verdict = "create"
            row.actions["topic"] = verdict
            pending["claim_topic"][len(pending["claim_topic"])] = (row.sides["claim"], key)

    def _resolve_relation(self, row: RowPlan, related: dict, pending) -> None:
        if "counter" in row.sides:
            PairImporter._resolve_relation(self, row, related, pending)

    def _create(self, pending, rows: list[RowPlan]) -> None:
        super()._create(pending, rows)
        for ref, topic in pending["topic"].items():
            topic.slug = _free_slug(topic.name)
            topic._history_user, topic._change_reason = self.user, self.reason
            topic.save()
            self.real[ref] = topic.pk
        links = {
            (self._pk(plan.claim), self._pk(self.topics[key]))
            for plan, key in pending["claim_topic"].values()
        }
        held = set(
            Claim.topics.through.objects.filter(
                claim_id__in={claim for claim, _ in links}
            ).values_list("claim_id", "topic_id")
        )
        Claim.topics.through.objects.bulk_create(
            [
                Claim.topics.through(claim_id=claim, topic_id=topic)
                for claim, topic in sorted(links - held)
            ]
        )
