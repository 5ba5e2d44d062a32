"""Relay chains through sources we never held become hops.

A placeholder is a source without text whose every citation is relayed by another
citation ("Reuters, as cited in …", "Lavrov's news conference, as cited in VOA"): the
first version could only draw a relay chain through a Source. Each citation that relays
such a chain gets the placeholders as hops, in order, and relays whatever lies beyond
them (a citation we hold, or nothing). The placeholder citations and sources are then
deleted, each deletion recorded in its history with the reason, so what was there can be
seen and restored.
"""

from django.db import migrations
from django.utils import timezone

from claims.derived import store_attribution_chains, store_representatives
from claims.hops import hop_kind

REASON = "Turned into a relay hop (migration claims 0016)"


def placeholder_sources(Source, Citation) -> set[int]:
    bodiless = Source.objects.filter(body="", citations__isnull=False).distinct()
    return {
        source.pk
        for source in bodiless
        if not Citation.objects.filter(source=source, relayed_by__isnull=True).exists()
    }


def record_version(history_model, record, when, history_type: str) -> None:
    """The row simple_history writes for a change ("~") or a deletion ("-"), for one made
    here, where its signals do not run."""
    values = {
        field.attname: getattr(record, field.attname)
        for field in history_model._meta.concrete_fields
        if not field.name.startswith("history_") and hasattr(record, field.attname)
    }
    history_model.objects.create(
        **values, history_date=when, history_type=history_type, history_change_reason=REASON
    )


def forwards(apps, schema_editor):
    Source = apps.get_model("sources", "Source")
    Citation = apps.get_model("claims", "Citation")
    Hop = apps.get_model("claims", "Hop")
    placeholders = placeholder_sources(Source, Citation)
    if not placeholders:
        return
    when = timezone.now()
    HistoricalCitation = apps.get_model("claims", "HistoricalCitation")
    relaying = Citation.objects.filter(via__source__in=placeholders).exclude(
        source__in=placeholders
    )
    for citation in relaying.select_related("via__source__outlet"):
        position = Hop.objects.filter(citation=citation).count()
        beyond = citation.via
        while beyond is not None and beyond.source_id in placeholders:
            outlet, published = beyond.source.outlet, beyond.source.published_at
            position += 1
            Hop.objects.create(
                citation=citation,
                position=position,
                name=outlet.name,
                outlet=outlet,
                kind=hop_kind(outlet.name, outlet.kind),
                date=published.date() if published else None,
                # The words the placeholder carried (Reuters' English, the ministry's Russian).
                quote=beyond.quote,
                language=beyond.source.language,
                created_at=when,
                updated_at=when,
            )
            beyond = beyond.via
        citation.via = beyond
        Citation.objects.filter(pk=citation.pk).update(via=beyond)
        record_version(HistoricalCitation, citation, when, "~")
    gone = list(Citation.objects.filter(source__in=placeholders))
    for citation in gone:
        record_version(HistoricalCitation, citation, when, "-")
    # Inside the chains of placeholders themselves first, so that RESTRICT has no holder.
    Citation.objects.filter(pk__in=[c.pk for c in gone]).update(via=None)
    Citation.objects.filter(pk__in=[c.pk for c in gone]).delete()
    HistoricalSource = apps.get_model("sources", "HistoricalSource")
    for source in Source.objects.filter(pk__in=placeholders, citations__isnull=True):
        record_version(HistoricalSource, source, when, "-")
        source.delete()
    # What represents each claim, and every chain, as the live code keeps them.
    Claim = apps.get_model("claims", "Claim")
    store_representatives(Claim.objects.all(), Citation.objects.all())
    store_attribution_chains(Citation.objects.all(), None, Hop.objects.all())
    # PostgreSQL checks the foreign keys written here at the end of the transaction, and
    # refuses to build this migration's indexes while such checks are pending: run them now.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0015_several_passages_and_relay_hops"),
        ("sources", "0004_list_order_index"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
