"""What the API answers with (each record as JSON, its version included), and the request
bodies as the schema describes them: read from the form each write goes through, so the
schema cannot drift from what the form takes."""

from django import forms
from django.forms.models import ModelChoiceField, ModelMultipleChoiceField
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from claims.forms import hops_line
from claims.models import Assessment, Citation, Claim, ClaimRelation, Speaker, Topic
from exchange.api.models import ApiToken
from sources.models import Outlet, Source

BOOKKEEPING = ("version", "created_at", "updated_at")


class RecordSerializer(serializers.ModelSerializer):
    """Every field read-only: writes go through the pages' forms (exchange.api.forms)."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class OutletSerializer(RecordSerializer):
    class Meta:
        model = Outlet
        fields = ["id", "name", "kind", "homepage", "country", *BOOKKEEPING]


class SourceSerializer(RecordSerializer):
    published_at = serializers.SerializerMethodField(
        help_text="A day (2024-10-16), or a moment in UTC when the source gives a time."
    )

    class Meta:
        model = Source
        fields = [
            "id",
            "title",
            "outlet",
            "kind",
            "url",
            "published_at",
            "language",
            "body",
            "archive_url",
            "retrieved_at",
            "notes",
            *BOOKKEEPING,
        ]

    def get_published_at(self, source: Source) -> str | None:
        published = source.published
        return published.isoformat() if published is not None else None


class SpeakerSerializer(RecordSerializer):
    class Meta:
        model = Speaker
        fields = [
            "id",
            "name",
            "kind",
            "description",
            "country",
            "aliases",
            "wikidata_id",
            *BOOKKEEPING,
        ]


class ClaimSerializer(RecordSerializer):
    class Meta:
        model = Claim
        fields = [
            "id",
            "speaker",
            "text",
            "language",
            "translation",
            "kind",
            "stated_on",
            "joint_speakers",
            "topics",
            "notes",
            "pinned_citation",
            "representative",
            "assignee",
            "due_on",
            "status",
            *BOOKKEEPING,
        ]


class CitationSerializer(RecordSerializer):
    relays = serializers.SerializerMethodField(
        help_text="Who the source got the words from, nearest first: “Reuters ← …”."
    )

    class Meta:
        model = Citation
        fields = [
            "id",
            "claim",
            "source",
            "quote",
            "locator",
            "via",
            "relays",
            "anchor_start",
            "anchor_end",
            "anchor_prefix",
            "anchor_suffix",
            "verification",
            *BOOKKEEPING,
        ]

    def get_relays(self, citation: Citation) -> str:
        return hops_line(citation.hops.all())


class RelationSerializer(RecordSerializer):
    class Meta:
        model = ClaimRelation
        fields = ["id", "claim", "counter", "kind", "note", *BOOKKEEPING]


class TopicSerializer(RecordSerializer):
    # A topic's slug keeps its letters (allow_unicode: "ekonomi-dunia", "经济"): no ASCII
    # pattern in the schema, which a name such as "øØ" would break.
    slug = serializers.CharField(read_only=True, max_length=200)

    class Meta:
        model = Topic
        fields = ["id", "name", "slug", "description", *BOOKKEEPING]


class AssessmentSerializer(RecordSerializer):
    class Meta:
        model = Assessment
        fields = [
            "id",
            "claim",
            "rating",
            "explanation",
            "assessed_by",
            "assessed_at",
            *BOOKKEEPING,
        ]


class TokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "key_start", "created_at", "last_used_at", "revoked_at"]
        read_only_fields = fields


class MoveSerializer(serializers.Serializer):
    to = serializers.CharField(help_text="The status to move to (claims.workflow).")
    note = serializers.CharField(required=False, allow_blank=True)


@extend_schema_serializer(many=False)
class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False
    )


@extend_schema_serializer(many=False)
class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()
    current = serializers.DictField(
        required=False,
        allow_null=True,
        help_text="The record as stored now (null: deleted meanwhile).",
    )
    held_by = serializers.ListField(
        child=serializers.DictField(),
        required=False,
        help_text="What holds a record that cannot be deleted.",
    )


def body_field(field: forms.Field, *, required: bool) -> serializers.Field:
    """A form field as a request body's field in the schema."""
    common = {"required": required, "help_text": str(field.help_text or "") or None}
    nullable = not field.required
    if isinstance(field, ModelMultipleChoiceField):
        return serializers.ListField(child=serializers.IntegerField(), **common)
    if isinstance(field, ModelChoiceField):
        return serializers.IntegerField(allow_null=nullable, **common)
    if isinstance(field, forms.TypedChoiceField | forms.ChoiceField):
        choices = [(key, label) for key, label in field.choices if key != ""]
        return serializers.ChoiceField(
            choices=choices, allow_blank=nullable, allow_null=nullable, **common
        )
    if isinstance(field, forms.BooleanField):
        return serializers.BooleanField(**common)
    if isinstance(field, forms.IntegerField):
        return serializers.IntegerField(allow_null=nullable, **common)
    if isinstance(field, forms.DateField):
        return serializers.DateField(allow_null=nullable, **common)
    max_length = getattr(field, "max_length", None)
    return serializers.CharField(
        allow_blank=nullable, allow_null=nullable, max_length=max_length, **common
    )


def body_serializer(
    name: str, form_fields: dict[str, forms.Field], renamed: dict | None = None
) -> type[serializers.Serializer]:
    """The request body a form takes, as a serializer class drf-spectacular can describe."""
    renamed = renamed or {}
    attrs = {
        renamed.get(key, key): body_field(field, required=field.required)
        for key, field in form_fields.items()
        if key != "version"
    }
    return type(name, (serializers.Serializer,), attrs)
