import datetime
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import TrigramWordSimilarity
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, connections, models, transaction
from django.db.models.functions import Greatest, Least, Lower, StrIndex
from django.db.models.lookups import GreaterThan
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from simple_history.models import HistoricalRecords

from claims import hops
from claims.anchoring import AmbiguousQuote, Match, anchor_quote
from claims.derived import (
    appearance_order,
    chain_label,
    store_attribution_chains,
    store_representatives,
    store_voices,
    walk_chain,
)
from claims.hops import hop_kind
from claims.matching import KnownSpeaker, SpeakerMatcher, name_key, speaker_search_text
from claims.speaking import body_spoken_for, role_held_on, voices_of
from claims.stance import (
    ASSERTS,
    DISAGREE,
    RELATION,
    STANCE_LABELS,
    Link,
    Said,
    contradictions,
    recorded,
    stance,
)
from claims.wording import ADDED, CHANGED, DROPPED, Changes, same_language, word_changes
from claims.workflow import OPEN, Status, check_move
from records.dates import validate_date_in_range, validate_datetime_in_range, within_range
from records.links import record_url
from records.models import EditConflict, Record, WebURLField
from records.search import MIN_PREFIX, Fold, clean_query, text_search, tsquery_text
from records.text import fold
from records.validators import (
    normalise_language_tag,
    validate_country_code,
    validate_language_tag,
)
from sources.models import Outlet, Source


class Topic(Record):
    """A label that groups claims: "Russia–China military ties", "Taiwan"."""

    name = models.CharField(max_length=200, verbose_name=gettext_lazy("name"))
    slug = models.SlugField(
        max_length=200, unique=True, allow_unicode=True, verbose_name=gettext_lazy("slug")
    )
    description = models.TextField(blank=True, verbose_name=gettext_lazy("description"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = gettext_lazy("topic")
        verbose_name_plural = gettext_lazy("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="topic_name_unique",
                violation_error_message=gettext_lazy("A topic with this name already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return record_url("claims:topic-detail", self.slug)

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:200] or "topic"
            if self.slug == "new":  # /topics/new/ is the form for a new topic
                self.slug = "new-topic"
        super().save(*args, **kwargs)

    @transaction.atomic
    def delete_moving_claims(self, move_to: "Topic | None" = None) -> int:
        """Delete the topic; each claim that had it loses it in the claim's own history
        (and gains `move_to` instead: two topics merged). How many claims it had."""
        claims = list(Claim.objects.filter(topics=self))
        for claim in claims:
            if move_to is not None:
                claim.topics.add(move_to)
            claim.topics.remove(self)
        self.delete()
        return len(claims)


class SpeakerQuerySet(models.QuerySet):
    def search(self, query: str):
        """Speakers whose name, aliases or description match `query`, best match first.

        Both sides are compared folded (`records.text.fold`) in the stored `search_text`.
        PostgreSQL finds any part of a name through a trigram index, and when nothing
        matches as typed, forgives typos ("Belusov" finds Belousov) through trigram word
        similarity. SQLite: every word of `query` stands in them; no typo tolerance.
        """
        query = clean_query(query)
        if not query:
            return self
        folded = fold(query)
        if connections[self.db].vendor != "postgresql":
            speakers = self
            for word in folded.split():
                speakers = speakers.filter(search_text__contains=word)
            return speakers
        if len(query) < MIN_PREFIX:
            # Too short for a trigram: names that start so (a B-tree prefix search).
            return self._best_first(folded, models.Q(search_text__startswith=folded))
        # The query as typed, anywhere in the names (trigram index). Only when nothing
        # matches so is it taken for a typo, and the names whose stretches are close to it
        # are offered instead: a list of near misses would bury the exact ones. The
        # NOT EXISTS is uncorrelated, so it is computed once.
        as_typed = models.Q(search_text__contains=folded)
        nothing_as_typed = ~models.Exists(self.model._base_manager.filter(as_typed))
        return self._best_first(folded, as_typed | models.Q(nothing_as_typed, self._near(folded)))

    def autocomplete(self, query: str, limit: int = 10) -> list["Speaker"]:
        """The first `limit` matches for a speaker picker, with only what it shows.

        On PostgreSQL the names containing the query as typed are asked for first, and the
        near misses only when there are none. Asked in one statement (as `search` does),
        the planner scans the trigram index for near misses too and computes their
        similarity even when exact matches exist: 8 to 22 ms a keystroke over 50 000
        speakers, against 0.1 to 6 ms for the names as typed alone.
        """
        speakers = self.only("pk", "name", "description", "aliases", "kind")
        query = clean_query(query)
        if connections[self.db].vendor != "postgresql" or len(query) < MIN_PREFIX:
            return list(speakers.search(query)[:limit])
        folded = fold(query)
        as_typed = models.Q(search_text__contains=folded)
        return list(speakers._best_first(folded, as_typed)[:limit]) or list(
            speakers._best_first(folded, models.Q(self._near(folded)))[:limit]
        )

    def named(self, name: str) -> list["Speaker"]:
        """The speakers one of whose names or aliases `name` is (`claims.matching`)."""
        key = fold(name_key(name))
        if not key:
            return []
        # The folded names hold the key wherever it matches; the matcher then decides.
        candidates = self.filter(search_text__contains=key).order_by("pk")[:MAX_NAMESAKES]
        by_pk = {speaker.pk: speaker for speaker in candidates}
        matcher = SpeakerMatcher(speaker.as_known() for speaker in by_pk.values())
        return [by_pk[known.id] for known in matcher.named(name)]

    def matching(
        self, name: str, *, description: str = "", hint: int | None = None
    ) -> "Speaker | None":
        """The speaker `name` means, by `claims.matching`'s rule, or None."""
        speakers = {speaker.pk: speaker for speaker in self.named(name)}
        known = SpeakerMatcher(speaker.as_known() for speaker in speakers.values()).match(
            name, description=description, hint=hint
        )
        return speakers[known.id] if known else None

    def update(self, **kwargs) -> int:
        """As QuerySet.update, keeping `search_text` current when a name changes."""
        if not _NAMES & kwargs.keys():
            return super().update(**kwargs)
        with transaction.atomic(using=self.db):
            pks = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            self.model._default_manager.using(self.db).filter(pk__in=pks).refresh_search_text()
        return count

    def refresh_search_text(self) -> None:
        """Fold these speakers' names again (`speaker_search_text`)."""
        batch = []
        for speaker in self.only("name", "aliases", "description").iterator(chunk_size=2000):
            speaker.refresh_search_text()
            batch.append(speaker)
            if len(batch) == 2000:
                self.model._base_manager.bulk_update(batch, ["search_text"])
                batch = []
        self.model._base_manager.bulk_update(batch, ["search_text"])

    @staticmethod
    def _near(folded: str) -> TrigramWordSimilar:
        # `search_text %> query`: a stretch of the names is close to the query, by the
        # threshold the connection sets (records.search.WORD_SIMILARITY_THRESHOLD).
        return TrigramWordSimilar(models.F("search_text"), models.Value(folded))

    def _best_first(self, folded: str, matches: models.Q):
        """Where the query stands (the name comes first: a name that starts so ranks
        first); near misses after every exact match, closest first."""
        position = StrIndex("search_text", models.Value(folded))
        closeness = models.Case(
            models.When(GreaterThan(position, 0), then=models.Value(1.0)),
            default=TrigramWordSimilarity(folded, "search_text"),
            output_field=models.FloatField(),
        )
        return (
            self.alias(closeness=closeness, position=position)
            .filter(matches)
            .order_by("-closeness", "position", "name", "pk")
        )


# A speaker's timeline shows their first claims, and weighs them against the latest of
# those who speak with them (`Speaker.timeline`).
TIMELINE_LIMIT = 200
VOICE_LIMIT = 100

_NAMES = {"name", "aliases", "description"}
# Candidates a name is told apart among: far more people of one name than anyone keeps.
MAX_NAMESAKES = 200


class Speaker(Record):
    """A person, organisation or government that makes statements.

    Names are not unique: the description tells two people of one name apart.
    """

    class Kind(models.TextChoices):
        PERSON = "person", gettext_lazy("Person")
        ORGANISATION = "organisation", gettext_lazy("Organisation")
        GOVERNMENT = "government", gettext_lazy("Government")

    name = models.CharField(max_length=300, verbose_name=gettext_lazy("name"))
    kind = models.CharField(
        max_length=20, choices=Kind, default=Kind.PERSON, verbose_name=gettext_lazy("kind")
    )
    description = models.CharField(
        max_length=300,
        blank=True,
        help_text=gettext_lazy("Role, e.g. “Minister of Defence of Russia”"),
        verbose_name=gettext_lazy("description"),
    )
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text=gettext_lazy("ISO 3166 code"),
        verbose_name=gettext_lazy("country"),
    )
    aliases = models.TextField(
        blank=True,
        help_text=gettext_lazy(
            "Other spellings and names, one per line: “Belousov”, “Menhan Rusia”"
        ),
        verbose_name=gettext_lazy("aliases"),
    )
    wikidata_id = models.CharField(
        gettext_lazy("Wikidata ID"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(r"^Q[1-9][0-9]*$", "Enter a Wikidata item ID such as “Q4775452”.")
        ],
    )
    # Derived from the names on every save (`speaker_search_text`); PostgreSQL indexes it
    # by trigrams (migration 0004). Bulk inserts set it themselves (`refresh_search_text`).
    search_text = models.TextField(default="", editable=False)

    history = HistoricalRecords(excluded_fields=["search_text"])
    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("speaker")
        verbose_name_plural = gettext_lazy("speakers")
        ordering = ["name", "pk"]
        indexes = [models.Index(Lower("name"), name="speaker_name_lower")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="speaker_name_not_empty")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.description})" if self.description else self.name

    def get_absolute_url(self) -> str:
        return record_url("claims:speaker-detail", self.pk)

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]

    def role_on(self, day: "datetime.date | None") -> "Role | None":
        """The role they held on `day` (`claims.speaking.role_held_on`)."""
        return role_held_on(self.roles.select_related("organisation"), day)

    def timeline(self) -> "Timeline":
        """Their claims in the order they made them, each with what it does (`claims.stance`)
        and the role they held that day, and the possible contradictions of their voice.

        Five queries whatever the numbers: the claims (the first TIMELINE_LIMIT), the roles,
        the claims of their voice (made for the bodies they spoke for, or for them: the
        latest VOICE_LIMIT), the relations touching either, and the dismissed pairs."""
        claims = list(Claim.objects.by_speaker(self).select_related("speaker")[:TIMELINE_LIMIT])
        roles = list(self.roles.select_related("organisation"))
        bodies = {claim.made_for_id for claim in claims if claim.made_for_id} | {self.pk}
        voices = list(
            Claim.objects.filter(made_for__in=bodies)
            .exclude(speaker=self)
            .select_related("speaker")
            .order_by(models.F("stated_on").desc(nulls_last=True), "-pk")[:VOICE_LIMIT]
        )
        by_pk = {claim.pk: claim for claim in [*claims, *voices]}
        relations = list(
            ClaimRelation.objects.filter(
                models.Q(claim__in=list(by_pk)) | models.Q(counter__in=list(by_pk))
            )
            .select_related("claim__speaker", "counter__speaker")
            .order_by("pk")
        )
        dismissed = set(
            DismissedContradiction.objects.filter(
                first__in=list(by_pk), second__in=list(by_pk)
            ).values_list("first_id", "second_id")
        )
        focus = {claim.pk for claim in claims} | {
            claim.pk for claim in voices if claim.made_for_id == self.pk
        }
        said = [claim.as_said() for claim in by_pk.values()]
        links = [relation.as_link() for relation in relations]
        everything = dict(by_pk)
        for relation in relations:
            everything.setdefault(relation.claim_id, relation.claim)
            everything.setdefault(relation.counter_id, relation.counter)

        entries = {
            claim.pk: TimelineEntry(claim, role_held_on(roles, claim.stated_on)) for claim in claims
        }
        for relation in relations:
            if relation.claim_id in entries:
                entries[relation.claim_id].answered_by.append(relation)
            if relation.counter_id in entries:
                entries[relation.counter_id].answers.append(relation)
        for entry in entries.values():
            entry.stance = stance(relation.kind for relation in entry.answers)
        recorded_ids = {
            link.id
            for link in recorded(said, links)
            if link.claim in focus or link.counter in focus
        }
        return Timeline(
            entries=list(entries.values()),
            recorded=[relation for relation in relations if relation.pk in recorded_ids],
            suggestions=[
                SelfContradiction(
                    everything[found.first],
                    everything[found.second],
                    found.reason,
                    found.score,
                    everything.get(found.through) if found.through else None,
                )
                for found in contradictions(focus, said, links, dismissed)
            ],
            truncated=len(claims) == TIMELINE_LIMIT,
        )

    def as_known(self) -> KnownSpeaker:
        """This speaker as the speaker matcher knows one."""
        return KnownSpeaker(self.pk, self.name, tuple(self.alias_list), self.description)

    def refresh_search_text(self) -> None:
        self.search_text = speaker_search_text(self.name, self.aliases, self.description)

    def save(self, *args, **kwargs) -> None:
        self.refresh_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class RoleQuerySet(models.QuerySet):
    def speaking_for(self) -> list:
        """Every role in which one speaks for a body, as `claims.speaking` edges."""
        return list(
            self.filter(speaks_for=True, organisation__isnull=False).values_list(
                "speaker_id", "organisation_id", "start", "end"
            )
        )

    def latest_first(self):
        """Latest begun first, undated last (which one is held on a day:
        `claims.speaking.role_held_on`)."""
        return self.order_by(models.F("start").desc(nulls_last=True), "-pk")


class Role(Record):
    """A position a speaker holds for a time (Popolo's membership): Andrei Belousov,
    Minister of Defence of Russia from 14 May 2024; Lin Jian, spokesperson of China's
    foreign ministry. With `speaks_for`, what they say in the role is said on behalf of
    the organisation, so that "China denies" finds the ministry's and its spokesperson's
    denials too."""

    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.CASCADE,
        related_name="roles",
        verbose_name=gettext_lazy("speaker"),
    )
    title = models.CharField(
        max_length=300,
        help_text=gettext_lazy("“Minister of Defence”, “Spokesperson”"),
        verbose_name=gettext_lazy("title"),
    )
    organisation = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        help_text=gettext_lazy("The body the role is in, when we have it as a speaker."),
        verbose_name=gettext_lazy("organisation"),
    )
    speaks_for = models.BooleanField(
        gettext_lazy("speaks for the organisation"),
        default=False,
        help_text=gettext_lazy("What they say in this role is said on behalf of the organisation."),
    )
    start = models.DateField(null=True, blank=True, verbose_name=gettext_lazy("start"))
    end = models.DateField(null=True, blank=True, verbose_name=gettext_lazy("end"))

    history = HistoricalRecords()
    objects = RoleQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("role")
        verbose_name_plural = gettext_lazy("roles")
        ordering = ["speaker", models.F("start").desc(nulls_last=True), "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="role_title_not_empty"),
            models.CheckConstraint(
                condition=~models.Q(organisation=models.F("speaker")),
                name="role_not_in_itself",
                violation_error_message=gettext_lazy("A speaker cannot hold a role in itself."),
            ),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="role_ends_after_it_starts",
                violation_error_message=gettext_lazy("A role cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(speaks_for=False) | models.Q(organisation__isnull=False),
                name="role_speaks_for_a_body",
                violation_error_message=gettext_lazy("Name the organisation this role speaks for."),
            ),
        ]

    def __str__(self) -> str:
        body = f", {self.organisation.name}" if self.organisation_id else ""
        return f"{self.title}{body}"

    def get_absolute_url(self) -> str:
        return self.speaker.get_absolute_url() + f"#role-{self.pk}"


class ClaimQuerySet(models.QuerySet):
    def said_by(self, speakers: "Iterable[int]"):
        """Claims made by any of these speakers (by primary key)."""
        return self.filter(speaker_id__in=list(speakers))

    def search(self, query: str):
        """Claims whose text, translation, quotes or speaker's names match `query`.

        PostgreSQL: full-text search on the stored `search_vector` (every word must match,
        the last also as a prefix; accents and case ignored; Chinese by characters side by
        side), best match first. SQLite: every word of `query` stands somewhere in them,
        accents and case aside, in the list's own order.
        """
        query = clean_query(query)
        if not query:
            return self
        if connections[self.db].vendor != "postgresql":
            claims = self.alias(
                text_folded=Fold("text"),
                translation_folded=Fold("translation"),
                speaker_folded=Fold("speaker__name"),
                aliases_folded=Fold("speaker__aliases"),
            )
            for word in fold(query).split():
                quoted = (
                    Citation.objects.alias(quote_folded=Fold("quote"))
                    .filter(quote_folded__contains=word)
                    .values("claim_id")
                )
                claims = claims.filter(
                    models.Q(text_folded__contains=word)
                    | models.Q(translation_folded__contains=word)
                    | models.Q(speaker_folded__contains=word)
                    | models.Q(aliases_folded__contains=word)
                    | models.Q(pk__in=quoted)
                )
            return claims
        if not tsquery_text(query):
            return self.none()
        matches, rank = text_search("search_vector", query)
        return self.alias(search_rank=rank).filter(matches).order_by("-search_rank", "-pk")

    def filter_by(
        self,
        *,
        q: str = "",
        speaker: "Speaker | None" = None,
        topic: "Topic | None" = None,
        kind: str = "",
        language: str = "",
        verification: str = "",
        has_counter: bool | None = None,
        made_for: "Speaker | None" = None,
    ):
        """The claims list's filters; an empty value means "any"."""
        claims = self.search(q)
        if speaker is not None:
            claims = claims.filter(speaker=speaker)
        if made_for is not None:
            claims = claims.made_for(made_for)
        if topic is not None:
            claims = claims.filter(topics=topic)
        if kind:
            claims = claims.filter(kind=kind)
        if language:
            claims = claims.filter(language__iexact=language)
        if verification:
            claims = claims.filter(
                pk__in=Citation.objects.filter(verification=verification).values("claim_id")
            )
        if has_counter is not None:
            answered = models.Exists(ClaimRelation.objects.filter(claim=models.OuterRef("pk")))
            claims = claims.filter(answered if has_counter else ~answered)
        return claims

    def languages(self) -> list[str]:
        """The languages claims are written in, in order: a walk down the language index
        that jumps from one language to the next (a "loose index scan"), so it reads a
        handful of index entries, not every claim. The same SQL runs on SQLite."""
        table = Claim._meta.db_table
        with connections[self.db].cursor() as cursor:
            cursor.execute(
                f"""WITH RECURSIVE found(language) AS (
                    SELECT min(language) FROM {table}
                    UNION ALL
                    SELECT (SELECT min(language) FROM {table} WHERE language > found.language)
                    FROM found WHERE found.language IS NOT NULL
                )
                SELECT language FROM found WHERE language IS NOT NULL"""
            )
            return [language for (language,) in cursor.fetchall()]

    def for_list(self):
        return self.select_related("speaker", "representative__source__outlet").prefetch_related(
            "topics"
        )

    def for_detail(self):
        # The verdict (and who gave it) is shown on the claim page, with its ClaimReview;
        # the citations in the order they appeared; the body it was made for.
        citations = Citation.objects.with_sources().in_appearance_order()
        return self.select_related(
            "speaker", "assessment__assessed_by", "made_for", "assignee"
        ).prefetch_related(
            "topics", "joint_speakers", models.Prefetch("citations", queryset=citations)
        )

    def refresh_representatives(self) -> int:
        """Store again which citation represents each of these claims."""
        return store_representatives(self, Citation.objects.all())

    def refresh_voices(self) -> int:
        """Store again the body each of these claims was made for, and its joint speakers."""
        joint = Claim.joint_speakers.through.objects.all()
        return store_voices(self, Role.objects.speaking_for(), joint)

    def made_for(self, body: "Speaker"):
        """The claims made for `body`: its own, and those of everyone who speaks for it,
        directly or through others, while their roles held (undated claims count), as
        speaker or as a joint speaker."""
        made = models.Q()
        for voice in voices_of(body.pk, Role.objects.speaking_for()):
            held = models.Q()
            if voice.start:
                held &= models.Q(stated_on__gte=voice.start)
            if voice.end:
                held &= models.Q(stated_on__lte=voice.end)
            if held:
                held = held | models.Q(stated_on__isnull=True)
            speaking = models.Q(speaker_id=voice.speaker) | models.Q(
                pk__in=Claim.joint_speakers.through.objects.filter(speaker_id=voice.speaker).values(
                    "claim_id"
                )
            )
            made |= speaking & held
        return self.filter(made)

    def by_speaker(self, speaker: "Speaker"):
        """A speaker's claims in the order they made them (undated last)."""
        return self.filter(speaker=speaker).order_by(
            models.F("stated_on").asc(nulls_last=True), "pk"
        )

    @transaction.atomic
    def create_with_citation(
        self,
        *,
        speaker: "Speaker",
        text: str,
        language: str,
        source: Source,
        quote: str,
        kind: str = "paraphrase",
        translation: str = "",
        stated_on: "datetime.date | None" = None,
        topics: "Iterable[Topic]" = (),
        notes: str = "",
        prefix: str = "",
        suffix: str = "",
        start: int | None = None,
        locator: str = "",
        relays: "Sequence[Hop]" = (),
    ) -> "tuple[Claim, Citation]":
        """A new claim and its citation, anchored in `source`, or nothing at all: the one
        way a claim is made from a passage (the reader, the assistant and the import).

        `prefix`, `suffix` and `start` say where the quote was selected, so a quote that
        stands several times in the text anchors at the selected occurrence. `relays` are
        the hops `source` got the words through, nearest first (Kontan citing Reuters
        citing the ministry's Telegram post: `[Hop.named("Reuters"), Hop.named(…)]`),
        unsaved. Raises ValidationError (keyed by field) when any record is invalid.
        """
        claim = self.model(
            speaker=speaker,
            text=text,
            language=language,
            kind=kind,
            translation=translation,
            stated_on=stated_on,
            notes=notes,
        )
        claim.full_clean()
        claim.save()
        claim.topics.set(topics)
        citation = claim.add_passage(
            source=source,
            quote=quote,
            locator=locator,
            prefix=prefix,
            suffix=suffix,
            start=start,
            relays=relays,
        )
        return claim, citation

    def for_claimreview(self):
        """Published claims' verdicts with all a ClaimReview names: speaker, verdict,
        appearances (a verdict is public once its claim is published: `verdict_is_public`)."""
        return (
            self.filter(assessment__isnull=False, status=Status.PUBLISHED)
            .select_related("speaker", "assessment")
            .prefetch_related(
                "joint_speakers",
                models.Prefetch(
                    "citations", queryset=Citation.objects.with_sources().in_appearance_order()
                ),
            )
            .order_by("pk")
        )


class Claim(Record):
    """One statement by one speaker, however many sources carry it."""

    class Kind(models.TextChoices):
        DIRECT_QUOTE = "direct_quote", gettext_lazy("Direct quote")
        PARAPHRASE = "paraphrase", gettext_lazy("Paraphrase")

    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="claims",
        verbose_name=gettext_lazy("speaker"),
    )
    text = models.TextField(
        help_text=gettext_lazy("The wording in its own language."),
        verbose_name=gettext_lazy("text"),
    )
    language = models.CharField(
        max_length=35,
        validators=[validate_language_tag],
        help_text=gettext_lazy("BCP 47 tag: id, en, ru, zh"),
        verbose_name=gettext_lazy("language"),
    )
    translation = models.TextField(
        blank=True,
        help_text=gettext_lazy("English translation, if any."),
        verbose_name=gettext_lazy("translation"),
    )
    kind = models.CharField(
        max_length=20, choices=Kind, default=Kind.PARAPHRASE, verbose_name=gettext_lazy("kind")
    )
    stated_on = models.DateField(
        null=True,
        blank=True,
        db_index=True,
        validators=[validate_date_in_range],
        verbose_name=gettext_lazy("stated on"),
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="claims", verbose_name=gettext_lazy("topics")
    )
    joint_speakers = models.ManyToManyField(
        Speaker,
        blank=True,
        related_name="joint_claims",
        help_text=gettext_lazy(
            "Others who made the statement with the speaker (a joint statement)."
        ),
        verbose_name=gettext_lazy("joint speakers"),
    )
    notes = models.TextField(blank=True, verbose_name=gettext_lazy("notes"))
    pinned_citation = models.ForeignKey(
        "Citation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=gettext_lazy(
            "The passage to show and export the claim with, instead of the default."
        ),
        verbose_name=gettext_lazy("pinned citation"),
    )

    # Derived, kept current by claims.derived whenever what they depend on changes: the
    # citation the claim is shown and exported with, how many passages cite it, the body
    # it was made for, and its joint speakers' names (for the export's plain join).
    representative = models.ForeignKey(
        "Citation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    passage_count = models.PositiveIntegerField(default=0, editable=False)
    made_for = models.ForeignKey(
        Speaker, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    joint_names = models.TextField(blank=True, editable=False)
    # Its way through the newsroom (claims.workflow): moved with `move_to`, not edited.
    status = models.CharField(
        max_length=20, choices=Status, default=Status.TO_CHECK, editable=False, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
        help_text=gettext_lazy("Who is checking it."),
        verbose_name=gettext_lazy("assignee"),
    )
    due_on = models.DateField(
        gettext_lazy("due"),
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text=gettext_lazy("When the check is due."),
    )

    history = HistoricalRecords(
        m2m_fields=[topics, joint_speakers],
        excluded_fields=["representative", "passage_count", "made_for", "joint_names"],
    )
    objects = ClaimQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("claim")
        verbose_name_plural = gettext_lazy("claims")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["speaker", "stated_on"], name="claim_speaker_stated"),
            models.Index(fields=["language"], name="claim_language"),
            # The list's order, whole: deep pages walk it instead of sorting every claim.
            models.Index(fields=["created_at", "id"], name="claim_created_id"),
            # The queue's order (claims.views.workflow.queue_claims) over open work only:
            # each tab walks one of these to its first 50 instead of sorting 400 000 open
            # claims (560 ms at full bench size). Unassigned work has one of its own: the
            # planner orders by an index's later columns only after an equality, and
            # `assignee IS NULL` is none.
            models.Index(
                fields=["assignee", "due_on", "created_at", "id"],
                condition=models.Q(status__in=OPEN),
                name="claim_queue_by_assignee",
            ),
            models.Index(
                fields=["due_on", "created_at", "id"],
                condition=models.Q(status__in=OPEN, assignee__isnull=True),
                name="claim_queue_unassigned",
            ),
            # With the status last, the review tab's deep pages skip the other open
            # claims in the index alone (11 ms for page 40 instead of 300).
            models.Index(
                fields=["due_on", "created_at", "id", "status"],
                condition=models.Q(status__in=OPEN),
                name="claim_queue_order",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="claim_text_not_empty"),
            within_range("stated_on", name="claim_stated_in_range", dates=True),
            within_range("due_on", name="claim_due_in_range", dates=True),
        ]
        permissions = [("publish_claim", "Can publish and unpublish a claim's verdict")]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 80 else self.text[:79] + "…"
        return f"{self.speaker.name}: {text}" if self.speaker_id else text

    def get_absolute_url(self) -> str:
        return record_url("claims:claim-detail", self.pk)

    def clean(self) -> None:
        if self.language:
            self.language = normalise_language_tag(self.language)
        if self.pinned_citation_id and self.pinned_citation.claim_id != self.pk:
            raise ValidationError({"pinned_citation": _("Pin one of this claim's own citations.")})

    def save(self, *args, **kwargs) -> None:
        adding = self._state.adding
        # Another speaker or day may change the body the claim was made for.
        self.made_for_id = body_spoken_for(
            self.speaker_id, self.stated_on, Role.objects.speaking_for()
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "made_for"}
        super().save(*args, **kwargs)
        if not adding:
            # This copy's `representative` may be older than a citation saved meanwhile.
            type(self).objects.filter(pk=self.pk).refresh_representatives()

    def move_to(self, to: str, *, by, note: str = "", expected_version: int) -> None:
        """Move the claim along its way (`claims.workflow.MOVES`), as `by` and with `note`
        in its history. Raises ValidationError for a move the table does not have,
        PermissionDenied for one `by` may not make, EditConflict if the claim changed."""
        check_move(self.status, to, by)
        before = Status(self.status).label
        self.status = to
        self._history_user = by
        self._change_reason = (note.strip() or f"{before} → {Status(to).label}")[:100]
        try:
            self.save(update_fields=["status", "updated_at"], expected_version=expected_version)
        finally:
            del self._change_reason

    @property
    def verdict_is_public(self) -> bool:
        """A verdict is public (the feed, the embedded JSON-LD) once its claim is published."""
        return self.status == Status.PUBLISHED

    @transaction.atomic
    def add_passage(
        self,
        *,
        source: Source,
        quote: str,
        prefix: str = "",
        suffix: str = "",
        start: int | None = None,
        locator: str = "",
        relays: "Sequence[Hop]" = (),
    ) -> "Citation":
        """One more passage carrying this claim: a citation of `quote` in `source`, anchored
        as `Citation.of` says, with the hops it came through (nearest first, unsaved).
        Raises ValidationError (keyed by field), and then saves nothing."""
        if any(hop.source_id is not None and hop.source_id == source.pk for hop in relays):
            raise ValidationError({"relays": _("A source cannot relay itself.")})
        citation = Citation.of(
            claim=self,
            source=source,
            quote=quote,
            locator=locator,
            prefix=prefix,
            suffix=suffix,
            start=start,
        )
        citation.full_clean()
        citation.save()
        if relays:
            citation.set_hops(relays)
        return citation

    def as_said(self) -> Said:
        """This claim as `claims.stance` reads one."""
        return Said(
            self.pk,
            self.speaker_id,
            self.made_for_id,
            self.stated_on,
            self.text,
            self.language,
            self.translation,
        )

    @property
    def speaker_role(self) -> "Role | None":
        """The role the speaker held on the day the claim was made."""
        return self.speaker.role_on(self.stated_on)

    @property
    def first_citation(self) -> "Citation | None":
        """The citation that represents the claim, as stored now (`claims.derived`)."""
        self.refresh_from_db(fields=["representative"])
        return self.representative

    def display_value(self, field: str) -> str:
        """One field as a reader sees it, e.g. beside an edit that conflicts with it."""
        if field == "topics":
            return ", ".join(topic.name for topic in self.topics.all())
        if field == "kind":
            return self.get_kind_display()
        if field == "joint_speakers":
            return "\n".join(speaker.name for speaker in self.joint_speakers.all())
        value = getattr(self, field)
        return "" if value is None else str(value)

    def related_groups(self) -> list[tuple[str, list[tuple["ClaimRelation", "Claim"]]]]:
        """The claims related to this one, grouped as read from here: "Denied by" for
        answers to this claim, "Denies" for claims this one answers."""
        groups: dict[str, list[tuple[ClaimRelation, Claim]]] = {}
        for relation in ClaimRelation.objects.for_claim(self):
            label, other = relation.seen_from(self)
            groups.setdefault(label, []).append((relation, other))
        return list(groups.items())

    def wording_chains(self) -> list[tuple["Citation", list["Wording"]]]:
        """The citations that relay the words through others, each with the words at
        every step (`Citation.wordings`), from the loaded citations alone."""
        citations = list(self.citations.all())
        siblings = {citation.pk: citation for citation in citations}
        chains = [(citation, citation.wordings(siblings)) for citation in citations]
        return [(citation, steps) for citation, steps in chains if len(steps) > 1]

    def citations_with_chains(self) -> list[tuple["Citation", list["ChainLink"]]]:
        """Each citation with its relay chain, built from the loaded citations alone, in
        the order loaded (`for_detail` loads them in appearance order)."""
        citations = list(self.citations.all())
        siblings = {citation.pk: citation for citation in citations}
        return [(citation, citation.chain_links(siblings)) for citation in citations]


ALREADY_CITED = gettext_lazy("This passage is already cited for this claim.")


@dataclass(frozen=True)
class ChainLink:
    """One step of a drawn attribution chain: a citation's source, or one of its hops."""

    label: str
    title: str = ""
    url: str = ""
    kind: str = ""  # "source", or the hop's kind
    date: "datetime.date | None" = None


@dataclass
class Wording:
    """The words one step of a chain carried: a citation's quote in its source, or a
    hop's own quote, and how they differ from the step it relays (`claims.wording`)."""

    label: str
    language: str
    text: str
    kind: str = ""  # "source", or the hop's kind
    url: str = ""
    hop: "Hop | None" = None
    # The nearest step further along whose words we have, and, when it is in the same
    # language, the words this one adds, drops or changes.
    relays: "Wording | None" = None
    changes: Changes | None = None

    @property
    def compared(self) -> bool:
        return self.changes is not None

    @property
    def summary(self) -> str:
        """ "adds 2 words, changes 1 word": how the flag reads, in the active language."""
        if self.changes is None or not self.changes.any:
            return _("the same words")
        said = {
            ADDED: lambda n: ngettext("adds %(count)d word", "adds %(count)d words", n),
            DROPPED: lambda n: ngettext("drops %(count)d word", "drops %(count)d words", n),
            CHANGED: lambda n: ngettext("changes %(count)d word", "changes %(count)d words", n),
        }
        return ", ".join(
            said[kind](count) % {"count": count} for kind, count in self.changes.counts
        )


class CitationQuerySet(models.QuerySet):
    def in_appearance_order(self):
        """Earliest publication first, undated last (`claims.derived.appearance_order`)."""
        return self.order_by(*appearance_order())

    def refresh_attribution_chains(self) -> int:
        """Store again the attribution chains of every citation of these citations' claims."""
        claim_ids = set(self.values_list("claim_id", flat=True))
        return store_attribution_chains(Citation.objects.all(), claim_ids, Hop.objects.all())

    def for_annotations(self):
        """With the source's text (to show the exact words anchored) and the snapshot they
        were anchored in, in the order they appeared."""
        return self.select_related("source", "snapshot").in_appearance_order()

    def with_sources(self):
        """With each source and outlet, but not the source's text: an article body can
        run to a hundred kilobytes, and a list of claims shows none of it. Ordered by
        `claim_id`, not the default `claim` (which joins every claim to sort by its date)."""
        hops = Hop.objects.select_related("outlet", "source").defer("source__body", "source__notes")
        return (
            self.select_related("source__outlet")
            .defer("source__body", "source__notes")
            .prefetch_related(models.Prefetch("hops", queryset=hops))
            .order_by("claim_id", "pk")
        )

    @transaction.atomic
    def reanchor(self) -> int:
        """Anchor these citations again (their source's text changed); return how many
        moved or changed status."""
        moved, taken = [], set()
        for citation in self.select_related("source").order_by("pk"):
            before = (
                citation.verification,
                citation.anchor_start,
                citation.anchor_end,
                citation.snapshot_id,
            )
            try:
                citation.anchor()
            except AmbiguousQuote:
                # The new text holds the quote several times and no context can choose.
                citation.unanchor()
            passage = (citation.claim_id, citation.source_id, citation.anchor_start)
            if citation.anchor_start is not None and passage in taken:
                # Two passages of one claim now fall on the same words: the first keeps them.
                citation.unanchor()
            taken.add(passage)
            after = (
                citation.verification,
                citation.anchor_start,
                citation.anchor_end,
                citation.snapshot_id,
            )
            if after != before:
                moved.append(citation)
        # Free every old span first, so that two passages may trade places.
        Citation.objects.filter(pk__in=[c.pk for c in moved]).update(
            anchor_start=None, anchor_end=None
        )
        for citation in moved:
            citation.save(reanchor=False)
        return len(moved)


class Citation(Record):
    """Where a claim appears: one passage of a source, the words it prints, who it got them
    from (its `hops`), and the citation it relays when we hold that one too (`via`).

    A claim may be carried by several passages of one source (a paraphrase in the lead, a
    fragment, the direct quote later): each is a citation with its own anchor."""

    class Verification(models.TextChoices):
        VERIFIED = "verified", gettext_lazy("Verified")
        VERIFIED_NORMALISED = "verified_normalised", gettext_lazy("Verified after normalising")
        NOT_FOUND = "not_found", gettext_lazy("Not found in source")
        NO_TEXT = "no_text", gettext_lazy("Source has no text")

    claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=gettext_lazy("claim"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=gettext_lazy("source"),
    )
    quote = models.TextField(
        help_text=gettext_lazy("The exact words as this source prints them."),
        verbose_name=gettext_lazy("quote"),
    )
    locator = models.CharField(
        max_length=200,
        blank=True,
        help_text=gettext_lazy("Page, paragraph or timestamp"),
        verbose_name=gettext_lazy("locator"),
    )
    # RESTRICT, not PROTECT: deleting a whole claim takes its relay chain with it, but a
    # single citation that another one relays cannot be deleted from under it.
    via = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="relayed_by",
        help_text=gettext_lazy("The citation this source relays (Kontan citing Reuters)."),
        verbose_name=gettext_lazy("via"),
    )
    anchor_start = models.PositiveIntegerField(null=True, blank=True, editable=False)
    anchor_end = models.PositiveIntegerField(null=True, blank=True, editable=False)
    anchor_prefix = models.CharField(
        max_length=64, blank=True, verbose_name=gettext_lazy("anchor prefix")
    )
    anchor_suffix = models.CharField(
        max_length=64, blank=True, verbose_name=gettext_lazy("anchor suffix")
    )
    verification = models.CharField(
        max_length=20,
        choices=Verification,
        default=Verification.NO_TEXT,
        editable=False,
        db_index=True,
    )
    # The snapshot of the source the quote was last found in: the proof of what the source
    # said. A quote not found in a later fetch keeps the snapshot it was found in.
    snapshot = models.ForeignKey(
        "sources.Snapshot",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="citations",
    )

    # Its relay path as one line of outlets (claims.derived), kept current whenever a
    # `via`, a source's outlet or an outlet's name changes.
    attribution_chain = models.TextField(blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["attribution_chain"])
    objects = CitationQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("citation")
        verbose_name_plural = gettext_lazy("citations")
        ordering = ["claim", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source", "anchor_start", "anchor_end"],
                condition=models.Q(anchor_start__isnull=False),
                name="citation_once_per_passage",
                violation_error_message=ALREADY_CITED,
            ),
            models.CheckConstraint(
                condition=~models.Q(via=models.F("pk")),
                name="citation_not_via_itself",
                violation_error_message=gettext_lazy("A citation cannot relay itself."),
            ),
            models.CheckConstraint(
                condition=models.Q(anchor_start__isnull=True)
                | models.Q(anchor_end__gte=models.F("anchor_start")),
                name="citation_anchor_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} — {self.quote[:60]}"

    def get_absolute_url(self) -> str:
        return record_url("claims:claim-detail", self.claim_id) + f"#citation-{self.pk}"

    @classmethod
    def of(
        cls,
        *,
        source: Source,
        quote: str,
        prefix: str = "",
        suffix: str = "",
        start: int | None = None,
        make=None,
        **fields,
    ) -> "Citation":
        """An unsaved citation of `quote` in `source`. `prefix`, `suffix` and `start` say
        where it was selected (kept as far as the anchor keeps them); saving anchors it.
        `make` makes the instance, if not the model itself (an import's faster maker)."""
        return (make or cls)(
            source=source,
            quote=quote,
            anchor_prefix=prefix[-cls._meta.get_field("anchor_prefix").max_length :],
            anchor_suffix=suffix[: cls._meta.get_field("anchor_suffix").max_length],
            anchor_start=start,
            **fields,
        )

    def chain(self, siblings: "dict[int, Citation] | None" = None) -> list["Citation"]:
        """This citation, then the one it relays, and so on to the original
        (`claims.derived.walk_chain`).

        `siblings` (the claim's citations by pk, already loaded) saves a query per hop.
        """
        if siblings is None:
            siblings = {self.pk: self}

            def via(citation: Citation) -> "Citation | None":
                return citation.via if citation.via_id else None
        else:

            def via(citation: Citation) -> "Citation | None":
                return siblings.get(citation.via_id) if citation.via_id else None

        return walk_chain(self, via, key=lambda citation: citation.pk)

    def chain_links(self, siblings: "dict[int, Citation] | None" = None) -> list["ChainLink"]:
        """The relay path as it is drawn: each citation of the chain (its source), each
        followed by its hops."""
        links = []
        for citation in self.chain(siblings):
            source = citation.source
            links.append(
                ChainLink(source.outlet.name, source.title, source.get_absolute_url(), "source")
            )
            links.extend(
                ChainLink(hop.label, hop.get_kind_display(), hop.url, hop.kind, hop.date)
                for hop in citation.hops.all()
            )
        return links

    def wordings(self, siblings: "dict[int, Citation] | None" = None) -> list[Wording]:
        """The words at each step of the chain, nearest first, each compared with the
        nearest step further along whose words we have, when in the same language."""
        steps = []
        for citation in self.chain(siblings):
            source = citation.source
            steps.append(
                Wording(
                    source.outlet.name,
                    source.language,
                    citation.quote,
                    "source",
                    source.get_absolute_url(),
                )
            )
            steps.extend(
                Wording(hop.label, hop.language, hop.quote, hop.kind, hop.url, hop)
                for hop in citation.hops.all()
            )
        relayed = None
        for step in reversed(steps):
            if not step.text:
                continue
            step.relays = relayed
            if relayed is not None and same_language(step.language, relayed.language):
                step.changes = word_changes(relayed.text, step.text)
            relayed = step
        return steps

    def chain_label(self, siblings: "dict[int, Citation] | None" = None) -> str:
        """The relay path as one line: "Kontan ← Reuters ← Russian MoD (Telegram)"; stored
        as `attribution_chain` (`claims.derived`)."""
        return chain_label(link.label for link in self.chain_links(siblings))

    @property
    def changed_since_cited(self) -> bool:
        """The quote was found in a snapshot of its source and is not in its text now: the
        source changed since it was cited (the old snapshot is the proof)."""
        return self.verification == self.Verification.NOT_FOUND and self.snapshot_id is not None

    def via_error(self) -> str | None:
        """Why `via` is not allowed, or None. (PostgreSQL also refuses these in a trigger.)"""
        if not self.via_id:
            return None
        if self.via_id == self.pk:
            return _("A citation cannot relay itself.")
        if self.via.claim_id != self.claim_id:
            return _("A citation can only relay another citation of the same claim.")
        if self.pk and any(link.pk == self.pk for link in self.via.chain()):
            return _("This would make a loop: that citation already relays this one.")
        return None

    def clean(self) -> None:
        errors = {}
        if via_error := self.via_error():
            errors["via"] = via_error
        if self.source_id and self.quote:
            try:
                self.anchor()
            except AmbiguousQuote as ambiguity:
                errors["quote"] = (
                    f"These words occur {ambiguity.occurrences} times in the source. Give a "
                    "few of the words just before or after them (prefix or suffix) to say "
                    "which one is meant."
                )
            else:
                if self.claim_id and self.same_passage().exists():
                    errors["quote"] = ALREADY_CITED
        if errors:
            raise ValidationError(errors)

    def same_passage(self) -> "CitationQuerySet":
        """Other citations of this claim that carry the same passage of the same source:
        the same anchored span, or, where the text does not hold it, the same words."""
        same = Citation.objects.filter(claim_id=self.claim_id, source_id=self.source_id)
        if self.anchor_start is not None:
            same = same.filter(anchor_start=self.anchor_start, anchor_end=self.anchor_end)
        else:
            same = same.filter(anchor_start__isnull=True, quote=self.quote)
        return same.exclude(pk=self.pk) if self.pk else same

    def set_hops(self, hops: "Sequence[Hop]") -> None:
        """Make `hops` (unsaved, nearest first) this citation's relay chain, replacing any."""
        self.hops.all().delete()
        for position, hop in enumerate(hops, start=1):
            hop.citation, hop.position = self, position
            hop.full_clean()
            hop.save()

    def unanchor(self) -> None:
        """The quote is not (or no longer unambiguously) in the text: keep it, flagged."""
        self.anchor_start = self.anchor_end = None
        self.verification = self.Verification.NOT_FOUND

    def anchor(self) -> None:
        """Find the quote in the source's body and record where, and how well, it matched."""
        body = self.source.body
        if not body:
            self.anchor_start = self.anchor_end = None
            self.verification = self.Verification.NO_TEXT
            return
        found = anchor_quote(
            body,
            self.quote,
            prefix=self.anchor_prefix,
            suffix=self.anchor_suffix,
            near=self.anchor_start,
        )
        if found is None:
            self.anchor_start = self.anchor_end = None
            self.verification = self.Verification.NOT_FOUND
            return
        self.anchor_start, self.anchor_end = found.start, found.end
        self.anchor_prefix, self.anchor_suffix = found.prefix, found.suffix
        self.snapshot_id = self.source.snapshot_id
        if not self.locator and self.source.page_starts:
            self.locator = self.source.locator_at(found.start)  # a PDF's page: "p. 3"
        self.verification = (
            self.Verification.VERIFIED
            if found.match == Match.EXACT
            else self.Verification.VERIFIED_NORMALISED
        )

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # A citation moved to another claim leaves that claim to be refreshed too.
        instance._loaded_claim_id = instance.__dict__.get("claim_id")
        return instance

    def save(self, *args, reanchor: bool = True, **kwargs) -> None:
        if via_error := self.via_error():
            raise ValidationError({"via": via_error})
        if reanchor:
            try:
                self.anchor()
            except AmbiguousQuote as ambiguity:
                raise ValidationError(
                    {
                        "quote": _("These words occur {occurrences} times in the source.").format(
                            occurrences=ambiguity.occurrences
                        )
                    }
                ) from ambiguity
        super().save(*args, **kwargs)

    @property
    def is_verified(self) -> bool:
        return self.verification in {
            self.Verification.VERIFIED,
            self.Verification.VERIFIED_NORMALISED,
        }


class Hop(Record):
    """One step of a citation's relay chain that we do not hold as a citation of its own:
    who relayed or said the words before the citation's source printed them. Kontan's
    citation of Belousov has two: Reuters (an outlet), then the ministry's Telegram post
    (a channel). A hop names a Source only when we hold, or want to hold, its text."""

    class Kind(models.TextChoices):
        OUTLET = hops.OUTLET, gettext_lazy("Outlet (a newspaper, an agency, a broadcaster)")
        VENUE = hops.VENUE, gettext_lazy("Venue (a news conference, a briefing, an interview)")
        CHANNEL = hops.CHANNEL, gettext_lazy("Channel (a Telegram post, a social-media account)")
        DOCUMENT = hops.DOCUMENT, gettext_lazy("Document (a statement, a report, a filing)")

    citation = models.ForeignKey(
        Citation,
        on_delete=models.CASCADE,
        related_name="hops",
        verbose_name=gettext_lazy("citation"),
    )
    position = models.PositiveSmallIntegerField(
        help_text=gettext_lazy(
            "1 for the one the citation's source got the words from, 2 for the one before…"
        ),
        verbose_name=gettext_lazy("position"),
    )
    kind = models.CharField(
        max_length=20, choices=Kind, default=Kind.OUTLET, verbose_name=gettext_lazy("kind")
    )
    name = models.CharField(
        max_length=300,
        help_text=gettext_lazy("Who relayed or said it: “Reuters”, “Lavrov's news conference”"),
        verbose_name=gettext_lazy("name"),
    )
    outlet = models.ForeignKey(
        Outlet,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hops",
        help_text=gettext_lazy("The outlet, when the hop is one we know."),
        verbose_name=gettext_lazy("outlet"),
    )
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hops",
        help_text=gettext_lazy("The document itself, when we hold or want to hold its text."),
        verbose_name=gettext_lazy("source"),
    )
    date = models.DateField(
        null=True,
        blank=True,
        help_text=gettext_lazy("When it was relayed or said."),
        verbose_name=gettext_lazy("date"),
    )
    quote = models.TextField(
        blank=True,
        help_text=gettext_lazy("Its words, when we know them: what the next step relayed."),
        verbose_name=gettext_lazy("quote"),
    )
    language = models.CharField(
        max_length=35,
        blank=True,
        validators=[validate_language_tag],
        help_text=gettext_lazy("BCP 47 tag of those words: en, ru, zh"),
        verbose_name=gettext_lazy("language"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = gettext_lazy("hop")
        verbose_name_plural = gettext_lazy("hops")
        ordering = ["citation", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["citation", "position"],
                name="hop_once_per_position",
                violation_error_message=gettext_lazy(
                    "This citation has a hop at that place already."
                ),
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="hop_name_not_empty"),
            models.CheckConstraint(
                condition=models.Q(position__gte=1), name="hop_position_from_one"
            ),
            # Words are compared only with words in their own language (claims.wording).
            models.CheckConstraint(
                condition=models.Q(quote="") | ~models.Q(language=""),
                name="hop_quote_has_language",
                violation_error_message=gettext_lazy("Give the language of the hop's words."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if self.language:
            self.language = normalise_language_tag(self.language)
        if self.quote and not self.language:
            raise ValidationError({"language": _("Give the language of these words: en, ru, zh…")})

    def get_absolute_url(self) -> str:
        return self.citation.get_absolute_url()

    @property
    def label(self) -> str:
        """How the chain names it: the outlet's current name, else the name given."""
        return self.outlet.name if self.outlet_id else self.name

    @property
    def url(self) -> str:
        """Where to read more of it: the source we hold, else the outlet's sources."""
        if self.source_id:
            return self.source.get_absolute_url()
        return self.outlet.get_absolute_url() if self.outlet_id else ""

    @classmethod
    def named(cls, name: str, **fields) -> "Hop":
        """An unsaved hop for a name a researcher, the assistant or a file gives: an outlet
        we know by that name is linked, and the kind read from it or from the name."""
        name = " ".join(name.split())
        outlet = Outlet.objects.named(name)
        fields.setdefault("kind", cls.kind_of(name, outlet))
        return cls(name=name, outlet=outlet, **fields)

    @classmethod
    def kind_of(cls, name: str, outlet: Outlet | None) -> str:
        return hop_kind(name, outlet.kind if outlet is not None else None)


def refresh_citations_of(claim_ids: "Collection[int]") -> None:
    """Store again what depends on these claims' citations (`claims.derived`): what
    represents each claim, and every citation's attribution chain."""
    if claim_ids:
        Claim.objects.filter(pk__in=claim_ids).refresh_representatives()
        store_attribution_chains(Citation.objects.all(), claim_ids, Hop.objects.all())


def refresh_claims(claim_ids: "Collection[int]") -> None:
    """Store again everything derived about these claims: what depends on their
    citations, and the body each was made for with its joint speakers' names."""
    if claim_ids:
        refresh_citations_of(claim_ids)
        Claim.objects.filter(pk__in=claim_ids).refresh_voices()


class ClaimRelationQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("claim__speaker", "counter__speaker")

    def filter_by(self, *, relation_kind: str = "", **claim_filters):
        """The pairs page's filters: a pair matches a claim filter when either of its two
        claims does; `relation_kind` narrows to one kind of relation."""
        pairs = self
        if relation_kind:
            pairs = pairs.filter(kind=relation_kind)
        if any(value not in ("", None) for value in claim_filters.values()):
            matching = Claim.objects.filter_by(**claim_filters).values("pk")
            pairs = pairs.filter(models.Q(claim__in=matching) | models.Q(counter__in=matching))
        return pairs

    def involving(self, claim: Claim):
        return self.filter(models.Q(claim=claim) | models.Q(counter=claim))

    def for_claim(self, claim: Claim):
        """The relations shown on a claim's page, both directions, with both speakers."""
        return (
            self.involving(claim)
            .select_related("claim__speaker", "counter__speaker")
            .order_by("kind", "pk")
        )

    def against_speaker(self, speaker: "Speaker"):
        """Counter-claims others made to this speaker's claims, earliest first."""
        return (
            self.filter(claim__speaker=speaker)
            .select_related("claim", "counter__speaker")
            .order_by("counter__stated_on", "pk")
        )


class ClaimRelation(Record):
    """A typed link from a claim to the claim that answers it: a denial, a dispute…"""

    class Kind(models.TextChoices):
        DENIES = "denies", gettext_lazy("denies")
        DISPUTES = "disputes", gettext_lazy("disputes")
        SUPPORTS = "supports", gettext_lazy("supports")
        QUALIFIES = "qualifies", gettext_lazy("qualifies")
        RESPONDS_TO = "responds_to", gettext_lazy("responds to")
        # The same position stated again, by the same speaker or one who speaks with them.
        RESTATES = "restates", gettext_lazy("restates")
        # The speaker withdrawing what they (or a body they speak for) said before.
        RETRACTS = "retracts", gettext_lazy("retracts")

    claim = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="relations_as_claim",
        help_text=gettext_lazy("The earlier statement, e.g. the allegation."),
        verbose_name=gettext_lazy("claim"),
    )
    counter = models.ForeignKey(
        Claim,
        on_delete=models.CASCADE,
        related_name="relations_as_counter",
        help_text=gettext_lazy("The statement that answers it, e.g. the denial."),
        verbose_name=gettext_lazy("counter"),
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind,
        default=Kind.DISPUTES,
        db_index=True,
        verbose_name=gettext_lazy("kind"),
    )
    note = models.TextField(blank=True, verbose_name=gettext_lazy("note"))

    history = HistoricalRecords()
    objects = ClaimRelationQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("claim relation")
        verbose_name_plural = gettext_lazy("claim relations")
        ordering = ["-created_at", "-pk"]
        # The pairs list's and admin's order, whole: deep pages walk it instead of sorting.
        indexes = [models.Index(fields=["created_at", "id"], name="relation_created_id")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(claim=models.F("counter")),
                name="relation_not_self",
                violation_error_message=gettext_lazy("A claim cannot answer itself."),
            ),
            models.UniqueConstraint(
                Least("claim", "counter"),
                Greatest("claim", "counter"),
                name="relation_pair_once",
                violation_error_message=gettext_lazy("These two claims are already related."),
            ),
            # An import keeps the file's times (exchange.imports checks them first).
            within_range("created_at", name="relation_created_in_range"),
            within_range("updated_at", name="relation_updated_in_range"),
        ]

    ANSWERED_BY = {
        Kind.DENIES: gettext_lazy("Denied by"),
        Kind.DISPUTES: gettext_lazy("Disputed by"),
        Kind.SUPPORTS: gettext_lazy("Supported by"),
        Kind.QUALIFIES: gettext_lazy("Qualified by"),
        Kind.RESPONDS_TO: gettext_lazy("Responded to by"),
        Kind.RESTATES: gettext_lazy("Restated by"),
        Kind.RETRACTS: gettext_lazy("Retracted by"),
    }

    def __str__(self) -> str:
        return f"#{self.counter_id} {self.get_kind_display()} #{self.claim_id}"

    def as_link(self) -> Link:
        """This relation as `claims.stance` reads one."""
        return Link(self.claim_id, self.counter_id, self.kind, self.pk)

    def seen_from(self, claim: Claim) -> tuple[str, Claim]:
        """How this relation reads on `claim`'s page, and the claim at its other end."""
        if claim.pk == self.claim_id:
            return str(self.ANSWERED_BY[self.kind]), self.counter
        return str(self.get_kind_display()).capitalize(), self.claim

    def get_absolute_url(self) -> str:
        return record_url("claims:claim-detail", self.claim_id) + f"#relation-{self.pk}"


@dataclass
class TimelineEntry:
    """One claim on a speaker's timeline: what it does and the role held that day."""

    claim: Claim
    role: Role | None = None
    stance: str = ASSERTS
    answered_by: list[ClaimRelation] = field(default_factory=list)
    answers: list[ClaimRelation] = field(default_factory=list)

    @property
    def countered(self) -> bool:
        return any(relation.kind in DISAGREE for relation in self.answered_by)

    @property
    def stance_label(self) -> str:
        return STANCE_LABELS[self.stance]


@dataclass
class SelfContradiction:
    """Two claims of one voice that may disagree (`claims.stance`), for a researcher."""

    first: Claim  # the earlier
    second: Claim
    reason: str
    score: float
    through: Claim | None = None

    @property
    def by_relation(self) -> bool:
        return self.reason == RELATION


@dataclass
class Timeline:
    entries: list[TimelineEntry]
    recorded: list[ClaimRelation]  # disagreements of one voice already recorded
    suggestions: list[SelfContradiction]
    truncated: bool = False


class DismissedContradiction(models.Model):
    """Two claims of one voice a researcher judged not to contradict each other, so that
    the speaker page does not suggest them again (`claims.stance`)."""

    first = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="+", verbose_name=gettext_lazy("first")
    )
    second = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="+", verbose_name=gettext_lazy("second")
    )
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=gettext_lazy("dismissed by"),
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = gettext_lazy("dismissed contradiction")
        verbose_name_plural = gettext_lazy("dismissed contradictions")
        constraints = [
            models.UniqueConstraint(
                fields=["first", "second"], name="dismissed_contradiction_once"
            ),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")),
                name="dismissed_contradiction_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.first_id} and #{self.second_id}: no contradiction"

    def get_absolute_url(self) -> str:
        return record_url("claims:claim-detail", self.first_id)

    @classmethod
    def dismiss(cls, first: Claim, second: Claim, *, by) -> "DismissedContradiction":
        """Turn the pair down (again: it stays turned down)."""
        low, high = sorted((first, second), key=lambda claim: claim.pk)
        return cls.objects.get_or_create(first=low, second=high, defaults={"dismissed_by": by})[0]


class AssessmentRating(models.TextChoices):
    ACCURATE = "accurate", gettext_lazy("Accurate")
    MOSTLY_ACCURATE = "mostly_accurate", gettext_lazy("Mostly accurate")
    MIXED = "mixed", gettext_lazy("Mixed")
    MISLEADING = "misleading", gettext_lazy("Misleading")
    FALSE = "false", gettext_lazy("False")
    UNSUPPORTED = "unsupported", gettext_lazy("Unsupported")
    UNVERIFIABLE = "unverifiable", gettext_lazy("Unverifiable")


class Assessment(Record):
    """A researcher's verdict on a claim. One current assessment per claim; history keeps
    the earlier ones."""

    Rating = AssessmentRating

    # schema.org Rating.ratingValue for each verdict, on a 1 (worst) to 5 (best) scale.
    # "Unsupported" (no evidence offered) scores as "misleading"; "unverifiable" has no
    # place on a truth scale, so its ClaimReview carries the name alone, no value.
    BEST_RATING, WORST_RATING = 5, 1
    RATING_VALUES = {
        Rating.ACCURATE: 5,
        Rating.MOSTLY_ACCURATE: 4,
        Rating.MIXED: 3,
        Rating.MISLEADING: 2,
        Rating.UNSUPPORTED: 2,
        Rating.FALSE: 1,
        Rating.UNVERIFIABLE: None,
    }

    claim = models.OneToOneField(
        Claim,
        on_delete=models.CASCADE,
        related_name="assessment",
        verbose_name=gettext_lazy("claim"),
    )
    rating = models.CharField(max_length=20, choices=Rating, verbose_name=gettext_lazy("rating"))
    explanation = models.TextField(
        max_length=2000,
        help_text=gettext_lazy("Why this verdict, in a few sentences, with the evidence."),
        verbose_name=gettext_lazy("explanation"),
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=gettext_lazy("assessed by"),
    )
    assessed_at = models.DateTimeField(
        default=timezone.now,
        validators=[validate_datetime_in_range],
        verbose_name=gettext_lazy("assessed at"),
    )
    # A verdict brought in from another fact-checker's ClaimReview names who gave it and
    # where it is published; empty for our own (the `Publisher`'s, at our address).
    reviewer = models.CharField(
        gettext_lazy("reviewed by"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy("Empty for our own verdicts."),
    )
    reviewer_url = WebURLField(gettext_lazy("reviewer's address"), max_length=500, blank=True)
    review_url = WebURLField(gettext_lazy("review's address"), max_length=2000, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = gettext_lazy("assessment")
        verbose_name_plural = gettext_lazy("assessments")
        ordering = ["-assessed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__in=AssessmentRating.values),
                name="assessment_rating_known",
            ),
            models.CheckConstraint(
                condition=~models.Q(explanation=""), name="assessment_explanation_not_empty"
            ),
            within_range("assessed_at", name="assessment_assessed_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()}: {self.claim}"

    def get_absolute_url(self) -> str:
        return reverse("claims:claim-detail", args=[self.claim_id]) + "#assessment"

    @property
    def rating_value(self) -> int | None:
        return self.RATING_VALUES[self.rating]

    @classmethod
    @transaction.atomic
    def record(
        cls,
        *,
        claim: Claim,
        rating: str,
        explanation: str,
        by,
        expected_version: int | None = None,
        first: bool = False,
    ) -> "Assessment":
        """Set or change the claim's verdict; the previous one stays in history.

        From a form, say what the form was loaded with: `first` when the claim had no
        verdict then, else the `expected_version` of the one it showed. Someone else's
        verdict saved meanwhile, even a first one given at the same moment, raises
        EditConflict rather than being replaced unseen.
        """
        assessment = cls.objects.select_for_update().filter(claim=claim).first()
        if first and assessment is not None:
            raise EditConflict(assessment)
        if assessment is None:
            if expected_version is not None:
                raise EditConflict(None, cls)  # deleted since the form was loaded
            assessment = cls(claim=claim)
        assessment.rating, assessment.explanation = rating, explanation
        assessment.assessed_by, assessment.assessed_at = by, timezone.now()
        # A verdict given here is ours, even where another fact-checker's was imported.
        assessment.reviewer = assessment.reviewer_url = assessment.review_url = ""
        assessment.full_clean(validate_unique=False)
        if not assessment._state.adding:
            assessment.save(expected_version=expected_version)
            return assessment
        try:
            with transaction.atomic():
                assessment.save()
        except IntegrityError:
            # A first verdict of someone else's committed between our look and our insert.
            raise EditConflict(cls.objects.filter(claim=claim).first(), cls) from None
        return assessment


class PossibleDuplicateQuerySet(models.QuerySet):
    def open(self):
        """Not dismissed, best first."""
        return self.filter(dismissed_at__isnull=True).order_by("-score", "-pk")

    def between(self, kind: str, a: int, b: int):
        first, second = sorted((a, b))
        return self.filter(kind=kind, first_id=first, second_id=second)


class PossibleDuplicate(models.Model):
    """Two claims, speakers or sources that may be one, found when either was saved
    (`claims.duplicates`), until a researcher merges or dismisses them."""

    class Kind(models.TextChoices):
        CLAIMS = "claims", gettext_lazy("Claims")
        SPEAKERS = "speakers", gettext_lazy("Speakers")
        SOURCES = "sources", gettext_lazy("Sources")

    kind = models.CharField(max_length=10, choices=Kind)
    first_id = models.PositiveBigIntegerField()  # the lower id of the two
    second_id = models.PositiveBigIntegerField()
    score = models.FloatField(help_text=gettext_lazy("How alike, from 0 to 1."))
    reason = models.CharField(max_length=200)
    found_at = models.DateTimeField(auto_now=True)
    dismissed_at = models.DateTimeField(null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = PossibleDuplicateQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["kind", "dismissed_at", "-score"], name="duplicate_open")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "first_id", "second_id"], name="duplicate_pair_once"
            ),
            models.CheckConstraint(
                condition=models.Q(first_id__lt=models.F("second_id")),
                name="duplicate_pair_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.first_id} and #{self.second_id}"

    def get_absolute_url(self) -> str:
        return reverse("claims:duplicate-list") + f"?kind={self.kind}"


class Merge(models.Model):
    """One record merged into another: what moved, so that it can be undone from history."""

    kind = models.CharField(max_length=10, choices=PossibleDuplicate.Kind)
    kept_id = models.PositiveBigIntegerField()
    merged_id = models.PositiveBigIntegerField()
    # {"citations": [ids moved to the kept record], …} and the ids of rows the merge
    # deleted (a passage or a relation both had), restored by an unmerge from history.
    moved = models.JSONField(default=dict)
    dropped = models.JSONField(default=dict)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-merged_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.merged_id} merged into #{self.kept_id}"

    def get_absolute_url(self) -> str:
        return reverse("claims:merge-detail", args=[self.pk])


class Publisher(models.Model):
    """The organisation that publishes this newsroom's verdicts (ClaimReview's author):
    one record, edited in admin or when the first verdict is published; until then the
    settings' CLAIMTRAIL_ORGANISATION, whose defaults nobody should publish under."""

    name = models.CharField(max_length=200)
    url = WebURLField("address", max_length=500)

    class Meta:
        verbose_name = gettext_lazy("publishing organisation")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Publisher":
        stored = cls.objects.order_by("pk").first()
        if stored is not None:
            return stored
        return cls(**settings.CLAIMTRAIL_ORGANISATION)

    @property
    def is_placeholder(self) -> bool:
        """Still the defaults Claimtrail ships with: publishing must ask for the real ones."""
        return self.url.rstrip("/") in PLACEHOLDER_PUBLISHER_URLS


# The address Claimtrail's settings name when no organisation is configured.
PLACEHOLDER_PUBLISHER_URLS = {"https://claimtrail.example", "http://claimtrail.example"}


# Discussion lives in its own module; its models are the app's all the same.
from claims.comments import Comment, Notification  # noqa: E402, F401
from claims.presence import Editing  # noqa: E402, F401
