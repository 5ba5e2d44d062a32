"""Two records that are one: everything the merged one holds moves to the one kept, in one
transaction, each change saved (so in history) and listed in a `Merge`, so that an
unmerge puts every row back where it was.

What cannot move is dropped, shown in the preview first, and kept in history:
- a citation of a passage the kept claim already cites (one citation a passage);
- a relation that would relate the kept claim to itself, or to a claim it already answers
  or is answered by (one relation a pair);
- the merged claim's verdict when the kept claim has its own.
The merged record is then deleted: its history keeps it, and the unmerge brings it back
with the same id.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from claims import duplicates
from claims.matching import name_key
from claims.models import (
    Assessment,
    Citation,
    Claim,
    ClaimRelation,
    Hop,
    Merge,
    PossibleDuplicate,
    Role,
    Speaker,
)
from claims.recovery import bring_back_deleted
from sources.models import Source

Kind = PossibleDuplicate.Kind

# What moves and what is gained, by label: the labels are keys in code, said through the
# catalogue when shown (templates/claims/merge_preview.html).
LABELS = (
    gettext_noop("citations"),
    gettext_noop("relations"),
    gettext_noop("verdicts"),
    gettext_noop("topics"),
    gettext_noop("joint speakers"),
    gettext_noop("claims"),
    gettext_noop("joint statements"),
    gettext_noop("joint places taken"),
    gettext_noop("roles"),
    gettext_noop("roles held for them"),
    gettext_noop("aliases"),
    gettext_noop("hops"),
)


@dataclass
class Plan:
    """What a merge of `merged` into `kept` would do."""

    kind: str
    kept: models.Model
    merged: models.Model
    # label → records that move to the kept one ("citations", "relations", …)
    moves: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    # (record, why): rows that cannot move, deleted by the merge, back with an unmerge
    drops: list[tuple[models.Model, str]] = field(default_factory=list)
    # label → what the kept record gains ("topics", "aliases", …)
    gains: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    refused: str = ""

    @property
    def described_drops(self) -> list[tuple[str, str, str]]:
        return [(str(row._meta.verbose_name), str(row), why) for row, why in self.drops]

    @property
    def counts(self) -> list[tuple[str, int]]:
        return [(label, len(records)) for label, records in self.moves.items() if records]


def preview(kind: str, kept, merged) -> Plan:
    """The preview: what would move, be dropped and be gained; or why it cannot be done."""
    result = Plan(kind, kept, merged)
    if kept.pk == merged.pk:
        result.refused = _("A record cannot be merged into itself.")
    elif kind == Kind.CLAIMS:
        _plan_claims(result)
    elif kind == Kind.SPEAKERS:
        _plan_speakers(result)
    else:
        _plan_sources(result)
    return result


def _plan_claims(plan: Plan) -> None:
    kept, merged = plan.kept, plan.merged
    _move_citations(plan, "claim", _("#{kept} already cites this passage").format(kept=kept.pk))
    answered = set()
    for relation in kept.relations_as_claim.all():
        answered.add(relation.counter_id)
    for relation in kept.relations_as_counter.all():
        answered.add(relation.claim_id)
    for relation in ClaimRelation.objects.involving(merged).order_by("pk"):
        other = relation.counter_id if relation.claim_id == merged.pk else relation.claim_id
        if other == kept.pk:
            plan.drops.append((relation, _("it would relate the claim to itself")))
        elif other in answered:
            plan.drops.append(
                (
                    relation,
                    _("#{kept} is already related to #{other}").format(kept=kept.pk, other=other),
                )
            )
        else:
            answered.add(other)
            plan.moves["relations"].append(relation)
    verdict = Assessment.objects.filter(claim=merged).first()
    if verdict is not None:
        if Assessment.objects.filter(claim=kept).exists():
            plan.drops.append((verdict, _("#{kept} has a verdict of its own").format(kept=kept.pk)))
        else:
            plan.moves["verdicts"].append(verdict)
    have = set(kept.topics.values_list("pk", flat=True))
    plan.gains["topics"] = [topic for topic in merged.topics.all() if topic.pk not in have]
    joint = set(kept.joint_speakers.values_list("pk", flat=True)) | {kept.speaker_id}
    plan.gains["joint speakers"] = [
        speaker for speaker in merged.joint_speakers.all() if speaker.pk not in joint
    ]


def _move_citations(plan: Plan, pointer: str, taken: str) -> None:
    """The merged record's citations move, pointing at the kept one by `pointer` ("claim"
    or "source"), but for a passage that is cited there already (`Citation.same_passage`):
    that one is dropped, `taken` saying why."""
    for citation in plan.merged.citations.order_by("pk"):
        moved = Citation(
            claim_id=citation.claim_id,
            source_id=citation.source_id,
            quote=citation.quote,
            anchor_start=citation.anchor_start,
            anchor_end=citation.anchor_end,
        )
        setattr(moved, f"{pointer}_id", plan.kept.pk)
        if moved.same_passage().exists():
            plan.drops.append((citation, taken))
        else:
            plan.moves["citations"].append(citation)
    _refuse_dropping_relayed(plan)


def _refuse_dropping_relayed(plan: Plan) -> None:
    """A citation another relays (`via`) cannot simply go: say which, to unlink first."""
    dropped = [row.pk for row, _why in plan.drops if isinstance(row, Citation)]
    relaying = Citation.objects.filter(via__in=dropped).exclude(pk__in=dropped).first()
    if relaying is not None:
        plan.refused = _(
            "The citation “{quote}” relays a passage that would be dropped: "
            "remove its relay link first, then merge."
        ).format(quote=relaying.quote[:60])


def _plan_speakers(plan: Plan) -> None:
    kept, merged = plan.kept, plan.merged
    plan.moves["claims"] = list(merged.claims.order_by("pk"))
    theirs = models.Q(speaker=kept) | models.Q(joint_speakers=kept)
    joint = Claim.objects.filter(joint_speakers=merged)
    plan.moves["joint statements"] = list(joint.exclude(theirs).distinct().order_by("pk"))
    # Claims the kept speaker makes already: the merged one's joint place simply goes.
    plan.moves["joint places taken"] = list(joint.filter(theirs).distinct().order_by("pk"))
    own = merged.roles.order_by("pk")
    plan.moves["roles"] = list(own.exclude(organisation=kept))
    held = Role.objects.filter(organisation=merged).order_by("pk")
    plan.moves["roles held for them"] = list(held.exclude(speaker=kept))
    for role in [*own.filter(organisation=kept), *held.filter(speaker=kept)]:
        plan.drops.append((role, _("{kept} would hold a role in themselves").format(kept=kept)))
    known = {name_key(spelling) for spelling in kept.as_known().spellings}
    plan.gains["aliases"] = [
        spelling for spelling in merged.as_known().spellings if name_key(spelling) not in known
    ]


def _plan_sources(plan: Plan) -> None:
    kept, merged = plan.kept, plan.merged
    if not merged.text_key or merged.text_key != kept.text_key:
        plan.refused = _(
            "Their texts differ, so the citations' anchors would not hold in the kept source. "
            "Make the texts the same first (edit one source), or keep both."
        )
        return
    _move_citations(
        plan,
        "source",
        _("its claim already cites this passage in #{kept}").format(kept=kept.pk),
    )
    plan.moves["hops"] = list(Hop.objects.filter(source=merged).order_by("pk"))


# Where each moving record points at the merged one.
_POINTERS = {
    Citation: ("claim", "source"),
    ClaimRelation: ("claim", "counter"),
    Assessment: ("claim",),
    Claim: ("speaker",),
    Role: ("speaker", "organisation"),
    Hop: ("source",),
}


def _save_moved(record, fields: list[str]) -> None:
    """A citation moved to another source anchors again in that source's text (the same
    text once folded, perhaps spaced otherwise); one moved to another claim stays put."""
    if isinstance(record, Citation):
        record.save(reanchor="source" in fields)
    else:
        record.save()


def _label(record_or_model) -> str:
    return record_or_model._meta.label_lower


@transaction.atomic
def merge(kind: str, kept, merged, *, by) -> Merge:
    """Merge `merged` into `kept` as `preview` shows it, worked out again under both rows'
    locks (someone may have changed either since the preview was shown)."""
    model = type(kept)
    locked = {
        row.pk: row for row in model.objects.select_for_update().filter(pk__in=[kept.pk, merged.pk])
    }
    if merged.pk not in locked or kept.pk not in locked:
        raise ValidationError(_("One of the two has been deleted or merged meanwhile."))
    plan = preview(kind, locked[kept.pk], locked[merged.pk])
    if plan.refused:
        raise ValidationError(plan.refused)
    kept, merged = plan.kept, plan.merged
    reason = f"Merged #{merged.pk} into #{kept.pk}"
    moved, dropped = defaultdict(list), defaultdict(list)
    for record, _why in plan.drops:
        if isinstance(record, Citation):  # its hops go with it, and come back with it
            dropped[_label(Hop)].extend(record.hops.values_list("pk", flat=True))
        dropped[_label(record)].append(record.pk)
        record._change_reason = reason
        record.delete()
    for label, records in plan.moves.items():
        for record in records:
            if label in {"joint statements", "joint places taken"}:
                record.joint_speakers.remove(merged)
                if label == "joint statements":
                    record.joint_speakers.add(kept)
                moved["joint" if label == "joint statements" else "joint_taken"].append(record.pk)
                continue
            pointers = _POINTERS[type(record)]
            fields = [name for name in pointers if getattr(record, f"{name}_id") == merged.pk]
            for name in fields:
                setattr(record, f"{name}_id", kept.pk)
            record._change_reason = reason
            _save_moved(record, fields)
            moved[_label(record)].append([record.pk, fields])
    gained = {}
    if plan.kind == Kind.CLAIMS:
        kept.topics.add(*plan.gains["topics"])
        kept.joint_speakers.add(*plan.gains["joint speakers"])
        gained = {
            "topics": [topic.pk for topic in plan.gains["topics"]],
            "joint_speakers": [speaker.pk for speaker in plan.gains["joint speakers"]],
        }
    elif plan.kind == Kind.SPEAKERS:
        gained = {"aliases": plan.gains["aliases"], "wikidata_id": ""}
        kept.aliases = "\n".join([*kept.alias_list, *plan.gains["aliases"]])
        if merged.wikidata_id and not kept.wikidata_id:
            kept.wikidata_id = gained["wikidata_id"] = merged.wikidata_id
        kept._change_reason = reason
        kept.save()
    merged._change_reason = reason
    merged_id = merged.pk
    merged.delete()
    duplicates.forget(plan.kind, merged_id)
    if plan.kind == Kind.SPEAKERS:
        _refresh_voices(moved)
    return Merge.objects.create(
        kind=plan.kind,
        kept_id=kept.pk,
        merged_id=merged_id,
        moved={**moved, "gained": gained},
        dropped=dropped,
        merged_by=by,
    )


def _refresh_voices(moved: dict) -> None:
    """The body each moved claim was made for follows its new speaker (`claims.speaking`)."""
    claims = [pk for pk, _fields in moved.get(_label(Claim), [])]
    claims += [*moved.get("joint", []), *moved.get("joint_taken", [])]
    Claim.objects.filter(pk__in=claims).refresh_voices()


_MODELS = {
    _label(model): model for model in (Citation, ClaimRelation, Assessment, Claim, Role, Hop)
}
_MERGED = {Kind.CLAIMS: Claim, Kind.SPEAKERS: Speaker, Kind.SOURCES: Source}
# Rows back in this order: what others point at first.
_RESTORE_ORDER = [
    "claims.citation",
    "claims.hop",
    "claims.claimrelation",
    "claims.assessment",
    "claims.role",
]


@transaction.atomic
def unmerge(record: Merge, *, by) -> list[str]:
    """Undo `record`: the merged record back with its id, everything moved moved back,
    what the kept one gained taken away, what was dropped restored. Returns what could
    not come back, and why (a row deleted since, say)."""
    record = Merge.objects.select_for_update().get(pk=record.pk)
    if record.undone_at:
        raise ValidationError(_("This merge has already been undone."))
    model = _MERGED[record.kind]
    reason = f"Unmerged #{record.merged_id} from #{record.kept_id}"
    left_out: list[str] = []
    merged = bring_back_deleted(model, record.merged_id, reason=reason)
    kept = model.objects.get(pk=record.kept_id)
    gained = record.moved.get("gained", {})
    for label, entries in record.moved.items():
        if label == "gained":
            continue
        if label in {"joint", "joint_taken"}:
            for claim in Claim.objects.filter(pk__in=entries):
                if label == "joint":
                    claim.joint_speakers.remove(kept)
                claim.joint_speakers.add(merged)
            continue
        rows = _MODELS[label]
        for pk, fields in entries:
            row = rows.objects.filter(pk=pk).first()
            if row is None:
                left_out.append(f"{rows._meta.verbose_name} #{pk}: deleted since the merge")
                continue
            for name in fields:
                setattr(row, f"{name}_id", merged.pk)
            row._change_reason = reason
            _save_moved(row, fields)
    if record.kind == Kind.CLAIMS:
        kept.topics.remove(*gained.get("topics", []))
        kept.joint_speakers.remove(*gained.get("joint_speakers", []))
    elif record.kind == Kind.SPEAKERS:
        taken = set(gained.get("aliases", []))
        kept.aliases = "\n".join(alias for alias in kept.alias_list if alias not in taken)
        if gained.get("wikidata_id") == kept.wikidata_id:
            kept.wikidata_id = ""
        kept._change_reason = reason
        kept.save()
    for label in _RESTORE_ORDER:
        for pk in record.dropped.get(label, []):
            try:
                bring_back_deleted(_MODELS[label], pk, reason=reason)
            except ValidationError as error:
                left_out.append(f"{_MODELS[label]._meta.verbose_name} #{pk}: {error.messages[0]}")
    if record.kind == Kind.SPEAKERS:
        _refresh_voices(record.moved)
    record.undone_at, record.undone_by = timezone.now(), by
    record.save(update_fields=["undone_at", "undone_by"])
    duplicates.find_for(record.kind, merged)
    return left_out
