"""The address a request comes from, as sign-in throttling counts it.

Behind the TLS proxy every request arrives from the proxy's own address; the client's is in
the X-Forwarded-For header that the proxy adds to. That header is only believed when the
request comes from a proxy that `settings.TRUSTED_PROXIES` names: anyone else could write
any address in it, and so dodge the lock or lock someone else out. Each trusted proxy adds
the address it got the request from at the right end; the client is the rightmost address
that is not one of our proxies (what a client writes there itself stays to its left).
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: Address | None) -> bool:
    return address is not None and any(
        address in ipaddress.ip_network(proxy, strict=False) for proxy in settings.TRUSTED_PROXIES
    )


def client_address(request: HttpRequest) -> str | None:
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    client = remote
    if _trusted(remote):
        for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
            forwarded = _address(entry)
            if forwarded is None:
                break  # not written by a proxy of ours: stop at the last one that was
            client = forwarded
            if not _trusted(forwarded):
                break
    return str(client) if client is not None else None
