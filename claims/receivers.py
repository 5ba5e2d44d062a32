"""How claims follow changes to what they depend on, in the same transaction: a source's
text (citations anchor again), its date and outlet and an outlet's name (what represents
a claim, and attribution chains), every citation and hop saved or deleted, roles (the body
a claim was made for) and joint speakers; and, once a claim, speaker or source is saved,
what it may duplicate (`claims.duplicates`)."""

from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from claims import duplicates
from claims.comments import UserLanguage
from claims.models import (
    Citation,
    Claim,
    Hop,
    PossibleDuplicate,
    Role,
    Speaker,
    refresh_citations_of,
)
from claims.speaking import voices_of
from records import languages
from sources.models import Source
from sources.signals import outlet_renamed, source_changed


@receiver(source_changed)
def follow_a_changed_source(sender, source, changed, **kwargs) -> None:
    citations = Citation.objects.filter(source=source)
    if "body" in changed:
        citations.reanchor()
    if changed & {"published_at", "outlet"}:
        refresh_citations_of(set(citations.values_list("claim_id", flat=True)))


@receiver(outlet_renamed)
def follow_a_renamed_outlet(sender, outlet, **kwargs) -> None:
    named = Q(source__outlet=outlet) | Q(hops__outlet=outlet)
    Citation.objects.filter(named).refresh_attribution_chains()


@receiver(post_save, sender=Citation)
@receiver(post_delete, sender=Citation)
def follow_a_citation(sender, instance: Citation, **kwargs) -> None:
    claims = {instance.claim_id, getattr(instance, "_loaded_claim_id", None)} - {None}
    refresh_citations_of(claims)


@receiver(post_save, sender=Hop)
@receiver(post_delete, sender=Hop)
def follow_a_hop(sender, instance: Hop, **kwargs) -> None:
    claim_id = Citation.objects.filter(pk=instance.citation_id).values("claim_id")
    Citation.objects.filter(claim_id__in=claim_id).refresh_attribution_chains()


@receiver(post_save, sender=Role)
@receiver(post_delete, sender=Role)
def follow_a_role(sender, instance: Role, **kwargs) -> None:
    # Whoever speaks through this speaker may now speak for another body.
    below = [voice.speaker for voice in voices_of(instance.speaker_id, Role.objects.speaking_for())]
    Claim.objects.filter(
        Q(speaker__in=below) | Q(joint_speakers__in=below)
    ).distinct().refresh_voices()


@receiver(m2m_changed, sender=Claim.joint_speakers.through)
def follow_joint_speakers(sender, instance, action: str, **kwargs) -> None:
    if action.startswith("post_") and isinstance(instance, Claim):
        Claim.objects.filter(pk=instance.pk).refresh_voices()


# What a record's possible duplicates are decided by: a save of other fields alone (a claim
# moved along its way, a speaker's country) leaves them as they were.
COMPARED = {
    PossibleDuplicate.Kind.CLAIMS: {"text", "translation", "language", "speaker", "stated_on"},
    PossibleDuplicate.Kind.SPEAKERS: {"name", "aliases", "description", "kind", "wikidata_id"},
    PossibleDuplicate.Kind.SOURCES: {"url", "body", "url_key", "text_key"},
}


def _find_duplicates_after_commit(kind: str):
    def receiver(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
        if raw:  # fixtures load records as they were
            return
        if update_fields is not None and not COMPARED[kind] & set(update_fields):
            return
        # After the commit, so that the search sees the saved record; robust, because a
        # failure to look for duplicates must not undo or fail the save it follows.
        transaction.on_commit(lambda: duplicates.find_for(kind, instance), robust=True)

    return receiver


def _forget_duplicates(kind: str):
    def receiver(sender, instance, **kwargs) -> None:
        duplicates.forget(kind, instance.pk)

    return receiver


for model, kind in (
    (Claim, PossibleDuplicate.Kind.CLAIMS),
    (Speaker, PossibleDuplicate.Kind.SPEAKERS),
    (Source, PossibleDuplicate.Kind.SOURCES),
):
    post_save.connect(_find_duplicates_after_commit(kind), sender=model, weak=False)
    post_delete.connect(_forget_duplicates(kind), sender=model, weak=False)


@receiver(user_logged_in)
def keep_the_language_signed_in_with(sender, request, user, **kwargs) -> None:
    """The language a user signs in with (their switcher's cookie, else their browser's)
    is the one their mail is written in, until they switch."""
    UserLanguage.remember(user, languages.current())
