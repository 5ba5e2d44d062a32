"""The migration that turns placeholder sources into hops (claims 0016), run on a database
the first version made: the demo's relays and the trial's kinds of placeholders
("Reuters, as cited in …", "Lavrov's news conference, as cited in VOA"), built with that
version's models, then migrated forward.

It keeps every claim, every citation of a source we hold or cite directly, and every relay
(as hops). The pairs CSV differs in the new columns, and where a text-less placeholder had
represented a claim (the first version took the earliest date, and placeholders carried
the earlier date of the report they stood for) it now shows the verified passage that
relayed it, whose chain still ends with every outlet the placeholder's did.
"""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from claims.models import Citation, Claim, Hop
from exchange.export import (
    LATER_CLAIM_FIELDS,
    PAIR_COLUMNS,
    PAIR_FIELDS,
    ClaimURL,
    _formatter,
    stream_pairs_csv,
)
from sources.models import Source

# Both apps as they were before hops: sources had no identity keys yet either.
BEFORE = [("claims", "0014_dates_in_range"), ("sources", "0005_dates_in_range")]
UTC = datetime.UTC
OLD_COLUMNS = [name for name, _ in PAIR_COLUMNS][: len(PAIR_COLUMNS) - 2 * len(LATER_CLAIM_FIELDS)]
CITED_CELLS = [
    "source_title",
    "source_outlet",
    "source_url",
    "source_published_at",
    "quote",
    "verification",
    "attribution_chain",
]
KONTAN = "Belousov said the talks were substantive. China denies supplying weapons."
VOA = "Lavrov called the reports junk, funded by the U.S. State Department."


def build_first_version_data(apps) -> dict:
    """Rows as the first version's code left them, with its stored representative (the
    earliest published appearance, then the first entered) and attribution chains."""
    Outlet, Source = apps.get_model("sources", "Outlet"), apps.get_model("sources", "Source")
    Speaker, Claim = apps.get_model("claims", "Speaker"), apps.get_model("claims", "Claim")
    Citation = apps.get_model("claims", "Citation")
    Relation = apps.get_model("claims", "ClaimRelation")
    outlet = {
        name: Outlet.objects.create(name=name, kind=kind)
        for name, kind in [
            ("Kontan", "newspaper"),
            ("Reuters", "wire_agency"),
            ("Russian MoD (Telegram)", "government"),
            ("VOA", "broadcaster"),
            ("Lavrov's news conference", "other"),
        ]
    }

    def source(title, outlet_name, day, body=""):
        return Source.objects.create(
            title=title,
            outlet=outlet[outlet_name],
            language="en",
            body=body,
            published_at=datetime.datetime(2024, 10, day, tzinfo=UTC),
        )

    kontan = source("Kontan article", "Kontan", 16, KONTAN)
    reuters = source("Reuters, as cited in “Kontan article”", "Reuters", 15)
    telegram = source("Ministry post, as cited by Reuters", "Russian MoD (Telegram)", 15)
    voa = source("VOA report", "VOA", 17, VOA)
    venue = source("Lavrov's news conference, as cited in VOA", "Lavrov's news conference", 14)
    wire = source("A wire we cite directly", "Reuters", 18)  # no text, but no placeholder

    def cite(claim, src, quote, via=None, verification="no_text", start=None):
        end = start + len(quote) if start is not None else None
        return Citation.objects.create(
            claim=claim,
            source=src,
            quote=quote,
            via=via,
            verification=verification,
            anchor_start=start,
            anchor_end=end,
        )

    belousov = Speaker.objects.create(name="Andrei Belousov")
    lavrov = Speaker.objects.create(name="Sergei Lavrov")
    china = Speaker.objects.create(name="China", kind="government")
    talks = Claim.objects.create(
        speaker=belousov, text="The talks were substantive.", language="en"
    )
    junk = Claim.objects.create(speaker=lavrov, text="The reports are junk.", language="en")
    denial = Claim.objects.create(speaker=china, text="China supplies no weapons.", language="en")
    quote = "the talks were substantive"
    posted = cite(talks, telegram, quote)
    relayed = cite(talks, reuters, quote, via=posted)
    cite(talks, kontan, quote, via=relayed, verification="verified", start=KONTAN.index(quote))
    said = cite(junk, venue, "junk")
    cite(junk, voa, "junk", via=said, verification="verified", start=VOA.index("junk"))
    cite(
        denial,
        kontan,
        "China denies supplying weapons",
        verification="verified",
        start=KONTAN.index("China denies"),
    )
    cite(denial, wire, "No weapons to any party.")
    Relation.objects.create(claim=talks, counter=denial, kind="disputes")
    Relation.objects.create(claim=junk, counter=denial, kind="responds_to")

    # What the first version stored for the export.
    for claim in Claim.objects.all():
        first = min(
            Citation.objects.filter(claim=claim).select_related("source"),
            key=lambda c: (c.source.published_at is None, c.source.published_at, c.pk),
        )
        Claim.objects.filter(pk=claim.pk).update(representative=first)
    for citation in Citation.objects.all():
        chain, current = [], citation
        while current is not None:
            chain.append(current.source.outlet.name)
            current = current.via
        Citation.objects.filter(pk=citation.pk).update(attribution_chain=" ← ".join(chain))
    return {
        "claims": set(Claim.objects.values_list("pk", flat=True)),
        "kept": set(
            Citation.objects.exclude(source__in=[reuters, telegram, venue]).values_list(
                "pk", flat=True
            )
        ),
        "placeholders": {reuters.pk, telegram.pk, venue.pk},
        "placeholder_citations": set(
            Citation.objects.filter(source__in=[reuters, telegram, venue]).values_list(
                "pk", flat=True
            )
        ),
    }


def first_version_csv(apps) -> list[dict[str, str]]:
    """The pairs file as the first version's export wrote it: the same plain join of the
    same stored values, its columns being the ones the file had then."""
    url = ClaimURL("")
    fields = PAIR_FIELDS[: len(OLD_COLUMNS)]
    # The first version knew no date-only sources: every publication was a timestamp.
    kinds = ["timestamp" if field.kind == "published" else field.kind for field in fields]
    formats = [_formatter(kind, url) for kind in kinds]
    relations = apps.get_model("claims", "ClaimRelation").objects.order_by("pk")
    return [
        dict(
            zip(OLD_COLUMNS, [f(value) for f, value in zip(formats, row, strict=True)], strict=True)
        )
        for row in relations.values_list(*[field.lookup for field in fields])
    ]


@pytest.mark.django_db(transaction=True)
def test_placeholder_sources_become_hops_and_nothing_is_lost():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old_apps = executor.loader.project_state(BEFORE).apps
        made = build_first_version_data(old_apps)
        before = first_version_csv(old_apps)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    after = list(
        csv.DictReader(
            io.StringIO(b"".join(stream_pairs_csv(use_copy=False, bom=False)).decode(), newline="")
        )
    )
    assert set(Claim.objects.values_list("pk", flat=True)) == made["claims"]
    assert set(Citation.objects.values_list("pk", flat=True)) == made["kept"]
    assert not Source.objects.filter(pk__in=made["placeholders"]).exists()
    assert Source.objects.filter(title="A wire we cite directly").exists()
    talks = Citation.objects.get(claim__text="The talks were substantive.")
    assert [(hop.name, hop.kind) for hop in talks.hops.all()] == [
        ("Reuters", "outlet"),
        ("Russian MoD (Telegram)", "channel"),
    ]
    assert talks.via is None
    assert talks.attribution_chain == "Kontan ← Reuters ← Russian MoD (Telegram)"
    junk = Citation.objects.get(claim__text="The reports are junk.")
    assert [hop.name for hop in junk.hops.all()] == ["Lavrov's news conference"]
    assert Hop.objects.count() == len(made["placeholder_citations"])
    # History keeps what was there, and why it went.
    gone = Citation.history.filter(id__in=made["placeholder_citations"], history_type="-")
    assert gone.count() == len(made["placeholder_citations"])
    assert all("relay hop" in row.history_change_reason for row in gone)
    assert Source.history.filter(id__in=made["placeholders"], history_type="-").count() == 3

    assert len(after) == len(before) == 2
    for old, new in zip(before, after, strict=True):
        for side in ("claim", "counter"):
            cited = {f"{side}_{cell}" for cell in CITED_CELLS}
            if (
                old[f"{side}_verification"] == "no_text"
                and new[f"{side}_verification"] == "verified"
            ):
                # A placeholder represented the claim: now the passage that relayed it does,
                # and its chain still names everything the placeholder's named.
                assert new[f"{side}_attribution_chain"].endswith(old[f"{side}_attribution_chain"])
                assert new[f"{side}_attribution_chain"] != old[f"{side}_attribution_chain"]
                old = {k: v for k, v in old.items() if k not in cited}
                new = {k: v for k, v in new.items() if k not in cited}
        assert {k: new[k] for k in old} == old  # the first version's columns, unchanged
    # The disputed side and the denial: placeholders represented the first two.
    assert [row["claim_attribution_chain"] for row in after] == [
        "Kontan ← Reuters ← Russian MoD (Telegram)",
        "VOA ← Lavrov's news conference",
    ]
    # The denial's representative did not change: its verified passage was earliest.
    assert {row["counter_verification"] for row in after} == {"verified"}
