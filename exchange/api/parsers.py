"""JSON bodies only, and no bigger than a form may be (DATA_UPLOAD_MAX_MEMORY_SIZE): DRF's
parser reads the stream itself, past Django's own check of the body's size."""

import json

from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers


class TooLarge(exceptions.APIException):
    status_code = 413
    default_detail = _("The request body is larger than the API accepts.")
    default_code = "too_large"


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if limit is not None and len(raw) > limit:
            raise TooLarge(
                gettext("The request body is larger than {size} MB.").format(size=limit // 2**20)
            )
        if not raw.strip():
            return {}
        try:
            return json.loads(
                raw.decode(parser_context.get("encoding", "utf-8") if parser_context else "utf-8"),
                parse_constant=refuse_constant,
            )
        except (ValueError, UnicodeDecodeError) as error:
            raise exceptions.ParseError(
                gettext("The body is not valid JSON: {error}").format(error=error)
            ) from None
        except RecursionError:
            raise exceptions.ParseError(gettext("The body's JSON is nested too deep.")) from None


def refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")
