from django import template
from django.utils.safestring import SafeString

from exchange.claimreview import claim_review, json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def claimreview_jsonld(context, claim) -> SafeString:
    """The claim's ClaimReview as a JSON-LD data block, or nothing if it has no verdict or
    its verdict is not public yet (the claim is not published)."""
    if getattr(claim, "assessment", None) is None or not claim.verdict_is_public:
        return SafeString("")
    base_url = context["request"].build_absolute_uri("/").rstrip("/")
    return json_ld_script(claim_review(claim, base_url=base_url))
