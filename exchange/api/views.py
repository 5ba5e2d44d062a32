"""The API's resources. Each write binds the page's own form (exchange.api.forms) and saves
it as the page does, inside one transaction: the form's rules, the version check
(`Record.save(expected_version=…)`, from `If-Match`) and the history (with who: the
request's user, as simple_history's middleware records it) are the pages' own."""

import re

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status, viewsets
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from claims.assessments import AssessmentForm
from claims.editor_forms import SpeakerForm
from claims.filters import ClaimFilterForm, PairFilterForm
from claims.forms import CitationForm, PairEditForm, RelationForm, TopicForm
from claims.models import Assessment, Citation, Claim, ClaimRelation, Publisher, Speaker, Topic
from exchange.api import serializers
from exchange.api.errors import bad_input
from exchange.api.filters import AssessmentFilterForm, CitationFilterForm, SearchFilterForm
from exchange.api.forms import ApiClaimForm, BodyError, form_data, form_errors
from exchange.api.models import ApiToken
from records.models import EditConflict
from sources.forms import OutletForm, SourceFilterForm, SourceForm
from sources.models import Outlet, Source

IF_MATCH = re.compile(r'^\s*(?:W/)?"?(\d{1,10})"?\s*$')


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = gettext_lazy(
        "Say which version you are changing: send If-Match with the ETag of the record "
        "as you read it (its version)."
    )
    default_code = "precondition_required"


class Pages(CursorPagination):
    ordering = "-pk"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def etag(record) -> str:
    return f'"{record.version}"'


def expected_version(request) -> int:
    header = request.headers.get("If-Match")
    if not header:
        raise PreconditionRequired()
    found = IF_MATCH.match(header)
    if not found:
        raise exceptions.ValidationError(
            {"If-Match": ['Give the record\'s ETag as it came: If-Match: "3".']}
        )
    return int(found[1])


def lookup(value, queryset, name: str):
    """A record named by id in a body, checked as a form's field checks it."""
    try:
        return forms.ModelChoiceField(queryset).clean(value)
    except forms.ValidationError as error:
        raise BodyError({name: list(error.messages)}) from None


class ApiViewSet(viewsets.GenericViewSet):
    @classmethod
    def as_view(cls, *args, **kwargs):
        # Tokens are read by the view, after the middleware: DRF answers 401/403 itself.
        return login_not_required(super().as_view(*args, **kwargs))

    def initial(self, request, *args, **kwargs):
        # A method the resource does not have is "not allowed" whoever asks (DRF would
        # check who asks first).
        if request.method.lower() != "options" and not hasattr(self, request.method.lower()):
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)


class RecordViewSet(ApiViewSet):
    """A resource read and written through the page's form.

    Subclasses name `form_class` (or override `make_form`), the permissions each write
    needs (those of the page's view), and how the list filters (`filter_form`)."""

    pagination_class = Pages
    form_class: type[forms.BaseForm]
    filter_form: type[forms.Form] | None = None
    renamed: dict[str, str] = {}  # a form field's name → its name in the body
    fixed: dict[str, object] = {}  # form fields the API sets itself
    body_only: tuple[str, ...] = ()  # body fields read before the form (a citation's claim)
    write_permissions: dict[str, tuple[str, ...]] = {}

    def filter_queryset(self, queryset):
        if self.filter_form is not None and self.action == "list":
            queryset = self.filter_form(self.request.query_params).filter(queryset)
        return queryset

    def get_object(self):
        record = get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
        self.check_object_permissions(self.request, record)
        return record

    def make_form(self, data, instance=None, body=None):
        return self.form_class(data, instance=instance)

    def save_form(self, form, instance=None):
        return form.save()

    def shown(self, record, code=status.HTTP_200_OK) -> Response:
        record = self.get_queryset().get(pk=record.pk)
        return Response(
            self.get_serializer(record).data, status=code, headers={"ETag": etag(record)}
        )

    def read_only(self) -> set[str]:
        return set(self.get_serializer_class().Meta.fields) | set(
            self.get_serializer_class()._declared_fields
        )

    def bound(self, instance, body, *, partial: bool, version: int | None):
        if not isinstance(body, dict):
            raise BodyError({"non_field_errors": [_("Send a JSON object of fields and values.")]})
        unbound = self.make_form(None, instance, body)
        data = form_data(
            {key: value for key, value in body.items() if key not in self.body_only},
            unbound,
            partial=partial,
            read_only=self.read_only(),
            renamed=self.renamed,
            fixed=self.fixed,
        )
        if version is not None:
            data[unbound.add_prefix("version")] = version
        return self.make_form(data, instance, body)

    # The actions.

    def list(self, request):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        record = self.get_object()
        return Response(self.get_serializer(record).data, headers={"ETag": etag(record)})

    def create(self, request):
        try:
            form = self.bound(None, request.data, partial=False, version=None)
        except BodyError as error:
            return bad_input(error.errors)
        return self.write(form, None, status.HTTP_201_CREATED)

    def update(self, request, pk=None, partial=False):
        record = self.get_object()
        version = expected_version(request)
        try:
            form = self.bound(record, request.data, partial=partial, version=version)
        except BodyError as error:
            return bad_input(error.errors)
        return self.write(form, record, status.HTTP_200_OK)

    def partial_update(self, request, pk=None):
        return self.update(request, pk, partial=True)

    def write(self, form, instance, code) -> Response:
        if not form.is_valid():
            return bad_input(form_errors(form, self.renamed))
        try:
            with transaction.atomic():
                record = self.save_form(form, instance)
        except EditConflict as conflict:
            return self.conflict(conflict, instance)
        return self.shown(record, code)

    def conflict(self, conflict: EditConflict, instance) -> Response:
        current = conflict.current
        if current is not None:
            current = self.get_queryset().filter(pk=current.pk).first()
        stale = instance is not None
        body = {
            "detail": str(conflict)
            + (
                " Read it again, merge your change, and send it with the new ETag." if stale else ""
            ),
            "current": self.get_serializer(current).data if current is not None else None,
        }
        headers = {"ETag": etag(current)} if current is not None else {}
        code = status.HTTP_412_PRECONDITION_FAILED if stale else status.HTTP_409_CONFLICT
        return Response(body, status=code, headers=headers)

    def destroy(self, request, pk=None):
        record = self.get_object()
        with transaction.atomic():
            self.remove(record)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def remove(self, record) -> None:
        record.delete()

    # What the schema shows a write takes.
    def request_body(self, action_name: str):
        return None


BODIES: dict[str, type] = {}


def body_of(name: str, form_class, *, exclude=(), renamed=None, claim: bool = False):
    """The schema's request body for a form (made once: the schema names it)."""
    if name not in BODIES:
        fields = {k: v for k, v in form_class.base_fields.items() if k not in exclude}
        body = serializers.body_serializer(name, fields, renamed)
        if claim:
            body._declared_fields = {
                "claim": serializers.serializers.IntegerField(),
                **body._declared_fields,
            }
        BODIES[name] = body
    return BODIES[name]


class OutletViewSet(RecordViewSet):
    queryset = Outlet.objects.all()
    serializer_class = serializers.OutletSerializer
    form_class = OutletForm
    write_permissions = {
        "post": ("sources.add_outlet",),
        "put": ("sources.change_outlet",),
        "patch": ("sources.change_outlet",),
    }

    def request_body(self, action_name):
        return body_of("OutletBody", OutletForm)


class SourceViewSet(RecordViewSet):
    queryset = Source.objects.all()
    serializer_class = serializers.SourceSerializer
    form_class = SourceForm
    filter_form = SourceFilterForm
    write_permissions = {
        "post": ("sources.add_source",),
        "put": ("sources.change_source",),
        "patch": ("sources.change_source",),
        "delete": ("sources.delete_source",),
    }

    def request_body(self, action_name):
        return body_of("SourceBody", SourceForm)


class SpeakerViewSet(RecordViewSet):
    queryset = Speaker.objects.all()
    serializer_class = serializers.SpeakerSerializer
    form_class = SpeakerForm
    filter_form = SearchFilterForm
    write_permissions = {
        "post": ("claims.add_speaker",),
        "put": ("claims.change_speaker",),
        "patch": ("claims.change_speaker",),
        "delete": ("claims.delete_speaker",),
    }

    def request_body(self, action_name):
        return body_of("SpeakerBody", SpeakerForm)


class ClaimViewSet(RecordViewSet):
    queryset = Claim.objects.prefetch_related("topics", "joint_speakers")
    serializer_class = serializers.ClaimSerializer
    form_class = ApiClaimForm
    filter_form = ClaimFilterForm
    write_permissions = {
        "post": ("claims.add_claim",),
        "put": ("claims.change_claim",),
        "patch": ("claims.change_claim",),
        "delete": ("claims.delete_claim",),
        "move": ("claims.change_claim",),
    }

    def request_body(self, action_name):
        if action_name == "move":
            return serializers.MoveSerializer
        return body_of("ClaimBody", ApiClaimForm)

    def move(self, request, pk=None):
        """Move the claim along its way (to check → … → published), as the claim page's
        buttons do: only Editors publish and unpublish."""
        claim = self.get_object()
        version = expected_version(request)
        body = request.data
        if not isinstance(body, dict) or set(body) - {"to", "note"}:
            return bad_input({"non_field_errors": [_('Send {"to": status, "note": text}.')]})
        to, note = body.get("to", ""), body.get("note", "")
        if not isinstance(to, str) or not isinstance(note, str):
            return bad_input({"to": [_("Give the status and the note as text.")]})
        if to == "published" and Publisher.current().is_placeholder:
            return bad_input(
                {"to": [_("Say who publishes the verdicts first (the claim page asks, once).")]}
            )
        try:
            with transaction.atomic():
                claim.move_to(to, by=request.user, note=note[:1000], expected_version=version)
        except EditConflict as conflict:
            return self.conflict(conflict, claim)
        return self.shown(claim)


class CitationViewSet(RecordViewSet):
    queryset = Citation.objects.prefetch_related("hops")
    serializer_class = serializers.CitationSerializer
    filter_form = CitationFilterForm
    body_only = ("claim",)
    write_permissions = {
        "post": ("claims.add_citation",),
        "put": ("claims.change_citation",),
        "patch": ("claims.change_citation",),
        "delete": ("claims.delete_citation",),
    }

    def make_form(self, data, instance=None, body=None):
        if instance is not None:
            return CitationForm(data, instance=instance, claim=instance.claim)
        claim = lookup((body or {}).get("claim"), Claim.objects.all(), "claim")
        return CitationForm(data, claim=claim)

    def read_only(self):
        return super().read_only() - ({"claim"} if self.action == "create" else set())

    def request_body(self, action_name):
        if action_name == "create":
            return body_of("CitationCreateBody", CitationForm, claim=True)
        return body_of("CitationUpdateBody", CitationForm, exclude=("source",))


class RelationViewSet(RecordViewSet):
    """Claim pairs: `counter` answers `claim` (denies, disputes, supports…)."""

    queryset = ClaimRelation.objects.all()
    serializer_class = serializers.RelationSerializer
    filter_form = PairFilterForm
    write_permissions = {
        "post": ("claims.add_claimrelation",),
        "put": ("claims.change_claimrelation",),
        "patch": ("claims.change_claimrelation",),
        "delete": ("claims.delete_claimrelation",),
    }

    @property
    def body_only(self):
        return ("claim",) if self.action == "create" else ()

    @property
    def renamed(self):
        return {"other": "counter"} if self.action == "create" else {}

    @property
    def fixed(self):
        return {"direction": RelationForm.THIS_IS_ANSWERED} if self.action == "create" else {}

    def make_form(self, data, instance=None, body=None):
        if instance is not None:
            return PairEditForm(data, instance=instance)
        claim = lookup((body or {}).get("claim"), Claim.objects.all(), "claim")
        return RelationForm(data, claim=claim)

    def read_only(self):
        return super().read_only() - ({"claim", "counter"} if self.action == "create" else set())

    def request_body(self, action_name):
        if action_name == "create":
            return body_of(
                "RelationCreateBody",
                RelationForm,
                claim=True,
                exclude=("direction",),
                renamed={"other": "counter"},
            )
        return body_of("RelationUpdateBody", PairEditForm)


class TopicViewSet(RecordViewSet):
    queryset = Topic.objects.all()
    serializer_class = serializers.TopicSerializer
    form_class = TopicForm
    write_permissions = {
        "post": ("claims.add_topic",),
        "put": ("claims.change_topic",),
        "patch": ("claims.change_topic",),
        "delete": ("claims.delete_topic",),
    }

    def remove(self, record) -> None:
        record.delete_moving_claims()

    def request_body(self, action_name):
        return body_of("TopicBody", TopicForm)


VERDICT = ("claims.add_assessment", "claims.change_assessment")


class AssessmentViewSet(RecordViewSet):
    """Verdicts: one a claim; changing one keeps the one before in its history."""

    queryset = Assessment.objects.all()
    serializer_class = serializers.AssessmentSerializer
    filter_form = AssessmentFilterForm
    write_permissions = {"post": VERDICT, "put": VERDICT, "patch": VERDICT}

    @property
    def body_only(self):
        return ("claim",) if self.action == "create" else ()

    def make_form(self, data, instance=None, body=None):
        if instance is None and data is not None:
            self.verdict_claim = lookup((body or {}).get("claim"), Claim.objects.all(), "claim")
        return AssessmentForm(data, instance=instance)

    def read_only(self):
        return super().read_only() - ({"claim"} if self.action == "create" else set())

    def save_form(self, form, instance=None):
        version = form.cleaned_data.get("version")
        return Assessment.record(
            claim=instance.claim if instance is not None else self.verdict_claim,
            rating=form.cleaned_data["rating"],
            explanation=form.cleaned_data["explanation"],
            by=self.request.user,
            expected_version=version if instance is not None else None,
            first=instance is None,
        )

    def request_body(self, action_name):
        if action_name == "create":
            return body_of("AssessmentCreateBody", AssessmentForm, claim=True)
        return body_of("AssessmentBody", AssessmentForm)


class TokenViewSet(ApiViewSet):
    """One's own API tokens: seen, and revoked. An administrator issues them (admin)."""

    serializer_class = serializers.TokenSerializer
    pagination_class = Pages
    write_permissions = {"delete": ()}

    def get_queryset(self):
        return ApiToken.objects.filter(user=self.request.user)

    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, pk=None):
        return Response(self.get_serializer(get_object_or_404(self.get_queryset(), pk=pk)).data)

    def destroy(self, request, pk=None):
        """Revoke the token: it stops working at once (the record stays, marked revoked)."""
        get_object_or_404(self.get_queryset(), pk=pk).revoke()
        return Response(status=status.HTTP_204_NO_CONTENT)
