"""Validators for the codes and addresses that sources and claims share."""

import langcodes
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.utils.deconstruct import deconstructible


def normalise_language_tag(tag: str) -> str:
    """The tag in canonical form (langcodes): zh-hant-tw is zh-Hant-TW, the retired "in"
    is "id". A tag that is not one is left as it is, for the validator to refuse."""
    try:
        return langcodes.standardize_tag(tag.strip())
    except langcodes.LanguageTagError:
        return tag


@deconstructible
class LanguageTagValidator:
    """A valid BCP 47 tag: well formed, and its subtags registered (langcodes)."""

    message = "Enter a BCP 47 language tag such as “id”, “en”, “ru”, “zh” or “zh-Hant”."

    def __call__(self, value: str) -> None:
        if not isinstance(value, str) or not langcodes.tag_is_valid(value.strip()):
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
