"""Validators for the codes and addresses that sources and claims share."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.utils.deconstruct import deconstructible

# BCP 47 well-formedness (RFC 5646 section 2.1), narrowed to what real tags use: a two- or
# three-letter ISO 639 language (the grammar's 4-8 letter forms are reserved and would let
# "english" pass), then extlang, script, region, variants, extensions, private use.
BCP47_PATTERN = re.compile(
    r"""^(
        (?P<language>[a-z]{2,3}(-[a-z]{3}){0,3})
        (-(?P<script>[a-z]{4}))?
        (-(?P<region>[a-z]{2}|[0-9]{3}))?
        (-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
        (-[0-9a-wy-z](-[a-z0-9]{2,8})+)*
        (-x(-[a-z0-9]{1,8})+)?
    |x(-[a-z0-9]{1,8})+)$""",
    re.VERBOSE | re.IGNORECASE,
)


def normalise_language_tag(tag: str) -> str:
    """Canonical case: language lower, Script title, REGION upper (zh-Hant-TW)."""
    parts = tag.strip().replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


@deconstructible
class LanguageTagValidator:
    message = "Enter a BCP 47 language tag such as “id”, “en”, “ru”, “zh” or “zh-Hant”."

    def __call__(self, value: str) -> None:
        if not isinstance(value, str) or not BCP47_PATTERN.match(value):
            raise ValidationError(self.message, code="invalid_language", params={"value": value})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LanguageTagValidator)


validate_language_tag = LanguageTagValidator()

validate_country_code = RegexValidator(
    r"^[A-Z]{2}$", "Enter a two-letter ISO 3166 country code in capitals, such as “ID” or “RU”."
)

# Only web addresses: a javascript: or data: URL in a source would run when clicked.
validate_web_url = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)
