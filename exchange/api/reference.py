"""The API's reference page at /api/: the OpenAPI schema written out as HTML on the server
(the Swagger and Redoc pages want scripts and inline styles that the app's CSP refuses)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


def component(schema: dict, ref: str) -> tuple[str, dict]:
    name = ref.rsplit("/", 1)[-1]
    return name, schema["components"]["schemas"].get(name, {})


def type_of(prop: dict) -> str:
    if "$ref" in prop:
        return prop["$ref"].rsplit("/", 1)[-1]
    if "allOf" in prop or "oneOf" in prop:
        parts = prop.get("allOf") or prop.get("oneOf")
        return " | ".join(type_of(part) for part in parts)
    if "enum" in prop:
        return "one of " + ", ".join(
            str(value) for value in prop["enum"] if value not in ("", None)
        )
    kind = prop.get("type", "")
    if kind == "array":
        return f"list of {type_of(prop.get('items', {}))}"
    return kind + (f" ({prop['format']})" if "format" in prop else "")


def fields_of(schema: dict, body: dict | None) -> tuple[str, list[dict]]:
    if not body:
        return "", []
    name, shape = component(schema, body["$ref"]) if "$ref" in body else ("", body)
    required = set(shape.get("required", []))
    return name, [
        {
            "name": key,
            "type": type_of(prop),
            "required": key in required,
            "read_only": prop.get("readOnly", False),
            "nullable": prop.get("nullable", False),
            "description": prop.get("description", ""),
        }
        for key, prop in shape.get("properties", {}).items()
    ]


def operations(schema: dict) -> list[dict]:
    found = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            content = operation.get("requestBody", {}).get("content", {})
            body_name, body = fields_of(schema, content.get("application/json", {}).get("schema"))
            responses = []
            for code, response in operation.get("responses", {}).items():
                shape = response.get("content", {}).get("application/json", {}).get("schema")
                responses.append(
                    {
                        "code": code,
                        "description": response.get("description", ""),
                        "type": type_of(shape) if shape else "",
                    }
                )
            found.append(
                {
                    "id": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "description": operation.get("description", ""),
                    "parameters": operation.get("parameters", []),
                    "body_name": body_name,
                    "body": body,
                    "responses": responses,
                }
            )
    return found


@require_GET
def reference(request: HttpRequest) -> HttpResponse:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    records = []
    for name, shape in sorted(schema["components"]["schemas"].items()):
        if name.endswith(("Body", "List")) or name.startswith("Patched"):
            continue
        records.append({"name": name, "fields": fields_of(schema, shape)[1]})
    context = {"info": schema["info"], "operations": operations(schema), "records": records}
    return render(request, "api/reference.html", context)
