"""The OpenAPI schema (drf-spectacular): request bodies as the forms take them, the
If-Match a change needs, and every refusal the API may answer with."""

from django import forms
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse

from exchange.api.serializers import ConflictSerializer, ErrorSerializer

ERRORS = {
    400: "Bad input: the fields' errors, keyed by field",
    401: "No token, or one that is not valid",
    403: "Your role may not do this (or the CSRF token is missing)",
    404: "No such record",
    413: "The body is too large",
    415: "Send JSON",
    429: "Too many requests with this token: wait and retry",
}


def query_type(field: forms.Field) -> dict:
    """A filter form's field as a query parameter: its type, and its choices."""
    if isinstance(field, forms.NullBooleanField):
        return {"type": bool}
    if isinstance(field, forms.ModelChoiceField):
        return {"type": int if field.to_field_name is None else str}
    if isinstance(field, forms.ChoiceField):
        return {"type": str, "enum": [key for key, _ in field.choices if key != ""]}
    return {"type": str}


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "exchange.api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token an administrator issued",
        }


class ApiSchema(AutoSchema):
    def get_request_serializer(self):
        body = getattr(self.view, "request_body", None)
        if body is not None and self.method in ("POST", "PUT", "PATCH"):
            found = body(getattr(self.view, "action", ""))
            if found is not None:
                return found
        return super().get_request_serializer()

    def changes_a_version(self) -> bool:
        return self.method in ("PUT", "PATCH") or getattr(self.view, "action", "") == "move"

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        filters = getattr(self.view, "filter_form", None)
        if filters is not None and getattr(self.view, "action", "") == "list":
            for name, field in filters.base_fields.items():
                parameters.append(
                    OpenApiParameter(
                        name,
                        location=OpenApiParameter.QUERY,
                        required=False,
                        **query_type(field),
                        description=str(field.help_text or field.label or ""),
                    )
                )
        if self.changes_a_version():
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    str,
                    OpenApiParameter.HEADER,
                    required=True,
                    description='The record\'s ETag as you read it: its version, “"3"”.',
                )
            )
        return parameters

    def get_response_serializers(self):
        found = super().get_response_serializers()
        action = getattr(self.view, "action", "")
        success = {"create": 201, "destroy": 204}.get(action, 200)
        responses = {success: None if success == 204 else found}
        error = OpenApiResponse(ErrorSerializer)
        for code, description in ERRORS.items():
            responses[code] = OpenApiResponse(ErrorSerializer, description=description)
        if self.method != "GET":
            responses[409] = OpenApiResponse(
                ConflictSerializer, description="Saved meanwhile by someone else, or held"
            )
        if self.changes_a_version():
            responses[412] = OpenApiResponse(
                ConflictSerializer, description="Stale If-Match: the record as stored now"
            )
            responses[428] = error
        return responses
