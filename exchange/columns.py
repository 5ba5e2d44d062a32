"""The claim-pairs file's columns as the import reads them: each role the importer needs,
and the export's column that carries it."""

import functools

from django.utils.translation import gettext_lazy

SIDES = ("claim", "counter")
SIDE_LABELS = {"claim": gettext_lazy("claim"), "counter": gettext_lazy("counter-claim")}

# What the importer reads, by role, and the export's column for it (`exchange.export`'s
# PAIR_COLUMNS; "{side}" is "claim" or "counter"; a test holds the two together). Ids,
# URLs, verification and attribution chain are derived columns: the import accepts and
# ignores them (verification is checked afresh against the source's text).
SIDE_COLUMNS = {
    "text": "{side}_text",
    "translation": "{side}_translation",
    "language": "{side}_language",
    "kind": "{side}_kind",
    "date": "{side}_date",
    "speaker_id": "{side}_speaker_id",
    "speaker_name": "{side}_speaker_name",
    "speaker_description": "{side}_speaker_description",
    "source_title": "{side}_source_title",
    "outlet": "{side}_source_outlet",
    "source_url": "{side}_source_url",
    "published": "{side}_source_published_at",
    "quote": "{side}_quote",
    # Read for its hops: the chain's first outlet is the source's own.
    "chain": "{side}_attribution_chain",
}
PAIR_COLUMNS = {
    "relation_kind": "relation_kind",
    "relation_note": "relation_note",
    "created_at": "created_at",
    "updated_at": "updated_at",
}
REQUIRED_ROLES = ["relation_kind"] + [
    f"{side}.{role}" for side in SIDES for role in ("text", "language", "speaker_name")
]


@functools.cache  # called for every cell of every row of an import
def column_for(role: str) -> str:
    if "." in role:
        side, name = role.split(".")
        return SIDE_COLUMNS[name].format(side=side)
    return PAIR_COLUMNS[role]
