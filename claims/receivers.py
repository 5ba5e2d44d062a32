"""How claims follow changes to what they depend on, in the same transaction: a source's
text (citations anchor again), its date and outlet and an outlet's name (what represents
a claim, and attribution chains), and every citation saved or deleted."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from claims.models import Citation, refresh_claims
from sources.signals import outlet_renamed, source_changed


@receiver(source_changed)
def follow_a_changed_source(sender, source, changed, **kwargs) -> None:
    citations = Citation.objects.filter(source=source)
    if "body" in changed:
        citations.reanchor()
    if changed & {"published_at", "outlet"}:
        refresh_claims(set(citations.values_list("claim_id", flat=True)))


@receiver(outlet_renamed)
def follow_a_renamed_outlet(sender, outlet, **kwargs) -> None:
    Citation.objects.filter(source__outlet=outlet).refresh_attribution_chains()


@receiver(post_save, sender=Citation)
@receiver(post_delete, sender=Citation)
def follow_a_citation(sender, instance: Citation, **kwargs) -> None:
    refresh_claims({instance.claim_id, getattr(instance, "_loaded_claim_id", None)} - {None})
