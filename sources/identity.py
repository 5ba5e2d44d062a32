"""Whether two sources are one document: the same address once normalised, or the same
text. One rule, for the duplicates page and whatever else compares sources."""

import hashlib
from urllib.parse import urlsplit, urlunsplit

from courlan import extract_domain, normalize_url

from records.text import fold

# Hosts that serve the same page as the bare one: "m.", "amp.", "www.".
_MIRROR_PREFIXES = ("www.", "m.", "amp.")


def url_key(url: str) -> str:
    """A fingerprint of `normalised_url`, short enough to index whatever the address."""
    normalised = normalised_url(url)
    return hashlib.sha256(normalised.encode()).hexdigest() if normalised else ""


def normalised_url(url: str) -> str:
    """The address without what does not change the page: tracking parameters and the
    fragment (courlan), the scheme, mirror hosts and a trailing slash or `/amp`."""
    if not url:
        return ""
    try:
        normalised = normalize_url(url, strict=True)
    except ValueError:
        normalised = url
    parts = urlsplit(normalised)
    host = _without_mirror_prefix(parts.netloc.lower())
    path = parts.path.removesuffix("/amp").rstrip("/")
    return urlunsplit(("", host, path, parts.query, ""))[2:]


def _without_mirror_prefix(host: str) -> str:
    while host.startswith(_MIRROR_PREFIXES) and host.count(".") > 1:
        host = host.split(".", 1)[1]
    return host


def site_host(url: str) -> str:
    """The site an address is on, as `normalised_url` counts hosts: `www.kontan.co.id`
    and `m.kontan.co.id` are `kontan.co.id`."""
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""
    return _without_mirror_prefix(host)


def site_domain(url: str) -> str:
    """The registered domain an address is on (courlan, with the public suffix list):
    `internasional.kontan.co.id` is `kontan.co.id`."""
    host = site_host(url)
    if not host:
        return ""
    return extract_domain(f"https://{host}/", fast=True) or host


def text_key(body: str) -> str:
    """A fingerprint of the text, spacing and case aside: two copies of one article agree."""
    folded = fold(body)
    return hashlib.sha256(folded.encode()).hexdigest() if folded else ""
