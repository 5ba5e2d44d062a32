"""Fetch a page or a PDF from the web, for a source: `http`/`https` only, a time limit, a
size cap (read as a stream, stopped at the cap), at most five redirects, each checked
again, and a clear User-Agent.

Every address is checked before it is connected to: a host name is resolved once, every
address it resolves to must be public (no private, loopback, link-local, unspecified,
multicast or reserved address), and the connection goes to the address that was checked,
never through a second look-up a DNS answer could change in between. An administrator
may allow hosts by name in `CLAIMTRAIL_FETCH_ALLOW_HOSTS` (an intranet, the tests' local
server).

The HTTP client is urllib3 (already there for courlan and trafilatura): its connection
pools take the address to connect to apart from the name to send (`Host`) and to check the
certificate against (`server_hostname`, `assert_hostname`).
"""

import ipaddress
import socket
import time
from dataclasses import dataclass, field
from datetime import datetime
from email.message import Message
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
CHUNK = 64 * 1024


class FetchError(Exception):
    """A fetch that gave nothing to keep; the message says what happened and what to do.
    `gone` is set for a page that answered 404 or 410 (what a recheck flags)."""

    def __init__(self, message: str, *, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.status = status

    @property
    def gone(self) -> bool:
        return self.status in {404, 410}


@dataclass
class Fetched:
    """What a fetch brought back: the bytes as served, and where they came from."""

    url: str  # the address asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # the media type alone: "text/html"
    charset: str  # as the server declared it, or ""
    content: bytes
    fetched_at: datetime = field(default_factory=timezone.now)


def user_agent() -> str:
    return f"Claimtrail/1.0 (source archiver for fact-checking; +{settings.CLAIMTRAIL_BASE_URL})"


def refused_address(address: str) -> str:
    """Why an address may not be fetched from, or "" when it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    embedded = getattr(ip, "ipv4_mapped", None) or getattr(ip, "sixtofour", None)
    if embedded is not None:
        return refused_address(str(embedded))
    for flag, name in (
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_unspecified", "an unspecified"),
        ("is_multicast", "a multicast"),
        ("is_reserved", "a reserved"),
        ("is_private", "a private"),
    ):
        if getattr(ip, flag):
            return f"{name} address ({ip})"
    if not ip.is_global:
        return f"a non-public address ({ip})"
    return ""


def is_allowed_host(host: str) -> bool:
    allowed = {name.strip().lower().strip("[]") for name in settings.CLAIMTRAIL_FETCH_ALLOW_HOSTS}
    return host.lower().strip("[]") in allowed


def checked_addresses(host: str, port: int) -> list[str]:
    """The addresses to connect to for `host`, resolved once and checked: every address
    the name resolves to must be public, unless the host is allowed by the settings."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(
            _(
                "The address {host} could not be found ({error}). Check the URL for typing mistakes, or try again later."
            ).format(host=host, error=error)
        ) from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not addresses:
        raise FetchError(
            _("The address {host} could not be found. Check the URL.").format(host=host)
        )
    if not is_allowed_host(host):
        for address in addresses:
            reason = refused_address(address)
            if reason:
                raise FetchError(
                    _(
                        "{host} is {reason}: Claimtrail fetches only from the public web. Save the page in your browser and upload the file instead, or ask an administrator to allow this host (CLAIMTRAIL_FETCH_ALLOW_HOSTS)."
                    ).format(host=host, reason=reason)
                )
    return addresses


def _split(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise FetchError(
            _("“{url}” is not a web address. Give one starting https://.").format(url=url)
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"}:
        raise FetchError(
            _(
                "Only http and https addresses can be fetched, not “{value}”. Give the page's web address, or upload the file."
            ).format(value=scheme or url)
        )
    host = parts.hostname or ""
    if not host:
        raise FetchError(
            _("“{url}” names no host. Give the full address, https://….").format(url=url)
        )
    port = port or (443 if scheme == "https" else 80)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return scheme, host, port, target


def _request(url: str, *, deadline: float, max_bytes: int):
    """One request, no redirect followed: (status, headers, content or None)."""
    scheme, host, port, target = _split(url)
    addresses = checked_addresses(host, port)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise _timed_out(url)
    timeout = urllib3.Timeout(connect=min(remaining, 10), read=remaining)
    host_header = host if ":" not in host else f"[{host}]"
    if port != (443 if scheme == "https" else 80):
        host_header += f":{port}"
    headers = {
        "Host": host_header,
        "User-Agent": user_agent(),
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    for number, address in enumerate(addresses, start=1):
        try:
            return _request_from(
                address, scheme, host, port, target, headers, timeout, url, deadline, max_bytes
            )
        except urllib3.exceptions.NewConnectionError as error:
            if number == len(addresses):
                raise FetchError(
                    _(
                        "{host} could not be reached ({name__}). Check the address, or try again later."
                    ).format(host=host, name__=error.__class__.__name__)
                ) from None
    raise AssertionError("unreachable")


def _request_from(address, scheme, host, port, target, headers, timeout, url, deadline, max_bytes):
    if scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            address,
            port,
            timeout=timeout,
            retries=False,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=certifi.where(),
        )
    else:
        pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
    try:
        response = pool.urlopen(
            "GET",
            target,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
        try:
            if response.status in REDIRECT_STATUSES or response.status >= 400:
                return response.status, response.headers, None
            return response.status, response.headers, _read(response, url, deadline, max_bytes)
        finally:
            response.release_conn()
    except urllib3.exceptions.NewConnectionError:
        raise
    except urllib3.exceptions.TimeoutError:
        raise _timed_out(url) from None
    except urllib3.exceptions.SSLError as error:
        raise FetchError(
            _(
                "The secure connection to {host} failed ({error}). The site's certificate may be wrong: check the address, or save the page in your browser and upload it."
            ).format(host=host, error=error)
        ) from None
    except (urllib3.exceptions.HTTPError, OSError) as error:
        raise FetchError(
            _(
                "{host} could not be reached ({name__}). Check the address, or try again later."
            ).format(host=host, name__=error.__class__.__name__)
        ) from None
    finally:
        pool.close()


def _read(response, url: str, deadline: float, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, max_bytes, int(declared))
    chunks, size = [], 0
    for chunk in response.stream(CHUNK, decode_content=True):
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        if time.monotonic() > deadline:
            raise _timed_out(url)
        chunks.append(chunk)
    return b"".join(chunks)


def _timed_out(url: str) -> FetchError:
    return FetchError(
        _(
            "{url} did not answer within {CLAIMTRAIL_FETCH_TIMEOUT} seconds. Try again later, or save the page in your browser and upload the file."
        ).format(url=url, CLAIMTRAIL_FETCH_TIMEOUT=settings.CLAIMTRAIL_FETCH_TIMEOUT)
    )


def _too_large(url: str, max_bytes: int, size: int | None = None) -> FetchError:
    said = f" ({size // 2**20} MB)" if size else ""
    return FetchError(
        _(
            "{url} is larger than {value} MB{said}, the most a source may be. Save the part you cite and upload that, or paste its text."
        ).format(url=url, value=max_bytes // 2**20, said=said)
    )


def _status_error(url: str, status: int) -> FetchError:
    if status in {404, 410}:
        text = f"{url} is gone (the site answered {status}). Check the address, or look for the page in a web archive."
    elif status in {401, 403, 407}:
        text = (
            f"{url} refused to show the page (the site answered {status}): it may need a "
            "sign-in or a subscription. Open it in your browser, save the page and upload "
            "the file, or paste its text."
        )
    elif status == 429:
        text = f"{url} asked us to slow down (429). Try again in a few minutes."
    elif status >= 500:
        text = f"{url} failed on the site's side (it answered {status}). Try again later."
    else:
        text = f"{url} answered {status}, not a page. Check the address."
    return FetchError(text, status=status)


def fetch(url: str, *, max_bytes: int | None = None) -> Fetched:
    """GET `url`, following at most five redirects, each one checked as the first was."""
    max_bytes = max_bytes or settings.CLAIMTRAIL_FETCH_MAX_BYTES
    deadline = time.monotonic() + settings.CLAIMTRAIL_FETCH_TIMEOUT
    current, seen = url.strip(), []
    for _redirect in range(MAX_REDIRECTS + 1):
        seen.append(current)
        status, headers, content = _request(current, deadline=deadline, max_bytes=max_bytes)
        if status in REDIRECT_STATUSES:
            location = headers.get("Location", "")
            if not location:
                raise FetchError(
                    _("{current} redirects without saying where to. Check the address.").format(
                        current=current
                    )
                )
            target = urljoin(current, location)
            if target in seen:
                raise FetchError(
                    _(
                        "{url} redirects in a loop ({current} → {target}). The site may want a cookie or a sign-in: open it in your browser, save the page and upload it."
                    ).format(url=url, current=current, target=target)
                )
            current = target
            continue
        if status >= 400 or status < 200 or content is None:
            raise _status_error(current, status)
        message = Message()
        message["content-type"] = headers.get("Content-Type", "")
        return Fetched(
            url=url.strip(),
            final_url=current,
            status=status,
            content_type=message.get_content_type() if headers.get("Content-Type") else "",
            charset=message.get_content_charset() or "",
            content=content,
        )
    raise FetchError(
        _(
            "{url} redirects more than {MAX_REDIRECTS} times. Open it in your browser and give the address where it ends."
        ).format(url=url, MAX_REDIRECTS=MAX_REDIRECTS)
    )
