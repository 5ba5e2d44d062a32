"""The fetcher against a real HTTP server on the loopback address: limits, redirects and
the guard that keeps fetches on the public web."""

import gzip
import time

import pytest

from sources.fetching import FetchError, checked_addresses, fetch, refused_address
from tests.webserver import Page


def test_a_page_is_fetched_with_its_type_charset_and_our_user_agent(web):
    web.pages["/a"] = Page("<p>Ça va</p>".encode("cp1252"), "text/html; charset=windows-1252")

    fetched = fetch(web.url("/a"))

    assert fetched.status == 200
    assert fetched.content == "<p>Ça va</p>".encode("cp1252")
    assert (fetched.content_type, fetched.charset) == ("text/html", "windows-1252")
    assert web.requests[0][1]["User-Agent"].startswith("Claimtrail/")
    assert web.requests[0][1]["Host"] == f"localhost:{web.server_address[1]}"


def test_redirects_are_followed_up_to_five(web):
    for step in range(5):
        web.pages[f"/r{step}"] = Page(status=302, headers={"Location": f"/r{step + 1}"})
    web.pages["/r5"] = Page(b"<p>end</p>")

    fetched = fetch(web.url("/r0"))

    assert fetched.final_url == web.url("/r5")
    assert fetched.content == b"<p>end</p>"


def test_a_sixth_redirect_is_refused(web):
    for step in range(6):
        web.pages[f"/r{step}"] = Page(status=301, headers={"Location": f"/r{step + 1}"})
    web.pages["/r6"] = Page(b"<p>end</p>")

    with pytest.raises(FetchError, match="redirects more than 5 times"):
        fetch(web.url("/r0"))


def test_a_redirect_loop_is_named(web):
    web.pages["/a"] = Page(status=302, headers={"Location": "/b"})
    web.pages["/b"] = Page(status=302, headers={"Location": "/a"})

    with pytest.raises(FetchError, match="redirects in a loop"):
        fetch(web.url("/a"))


def test_a_redirect_to_a_private_address_is_refused_after_the_first_hop(web):
    port = web.server_address[1]
    web.pages["/out"] = Page(status=302, headers={"Location": f"http://127.0.0.1:{port}/in"})
    web.pages["/in"] = Page(b"<p>internal</p>")

    with pytest.raises(FetchError, match=r"loopback address \(127\.0\.0\.1\)"):
        fetch(web.url("/out"))
    assert [path for path, _ in web.requests] == ["/out"]


def test_a_redirect_to_another_scheme_is_refused(web):
    web.pages["/a"] = Page(status=302, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(FetchError, match="Only http and https"):
        fetch(web.url("/a"))


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:x", "example.org"]
)
def test_only_http_and_https_are_fetched(url):
    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (500, "failed on the site's side"),
        (503, "failed on the site's side"),
        (404, "is gone"),
        (410, "is gone"),
        (403, "sign-in or a subscription"),
        (401, "sign-in"),
    ],
)
def test_an_error_status_says_what_happened(web, status, words):
    web.pages["/x"] = Page(b"oops", status=status)

    with pytest.raises(FetchError, match=words) as error:
        fetch(web.url("/x"))
    assert error.value.status == status
    assert error.value.gone is (status in {404, 410})


def test_a_declared_size_over_the_cap_is_refused_before_reading(web):
    web.pages["/big"] = Page(b"x" * 2000)

    with pytest.raises(FetchError, match="larger than"):
        fetch(web.url("/big"), max_bytes=1000)


def test_an_endless_body_is_cut_at_the_cap(web):
    sent = []

    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(10_000):  # 640 MB if nobody stops reading
                handler.wfile.write(b"a" * 65536)
                sent.append(1)
        except OSError:
            pass

    web.pages["/endless"] = endless

    with pytest.raises(FetchError, match="larger than 1 MB"):
        fetch(web.url("/endless"), max_bytes=2**20)
    time.sleep(0.2)
    assert len(sent) < 200


def test_a_gzip_bomb_is_cut_at_the_cap_once_inflated(web):
    bomb = gzip.compress(b"\0" * (50 * 2**20))
    web.pages["/bomb"] = Page(bomb, headers={"Content-Encoding": "gzip"})

    with pytest.raises(FetchError, match="larger than 2 MB"):
        fetch(web.url("/bomb"), max_bytes=2 * 2**20)


def test_a_page_that_does_not_answer_in_time_is_refused(web, settings):
    settings.CLAIMTRAIL_FETCH_TIMEOUT = 0.5

    def slow(handler):
        time.sleep(2)

    web.pages["/slow"] = slow

    started = time.monotonic()
    with pytest.raises(FetchError, match=r"did not answer within 0\.5 seconds"):
        fetch(web.url("/slow"))
    assert time.monotonic() - started < 1.5


def test_a_trickle_is_stopped_at_the_time_limit(web, settings):
    settings.CLAIMTRAIL_FETCH_TIMEOUT = 1

    def trickle(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(100):
                handler.wfile.write(b"a" * 70000)
                handler.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    web.pages["/trickle"] = trickle

    started = time.monotonic()
    with pytest.raises(FetchError, match="did not answer within"):
        fetch(web.url("/trickle"))
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("10.255.255.254", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("fc00::1", "private"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
    ],
)
def test_the_guard_refuses_every_address_that_is_not_public(address, kind):
    assert kind in refused_address(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.215.14", "2606:4700::1111", "172.32.0.1"])
def test_the_guard_lets_public_addresses_through(address):
    assert refused_address(address) == ""


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "::1", "10.1.2.3", "172.16.5.5", "192.168.0.10", "169.254.169.254"]
)
def test_a_literal_private_address_is_refused_before_any_connection(host):
    url = f"http://[{host}]/" if ":" in host else f"http://{host}/"
    with pytest.raises(FetchError, match="fetches only from the public web"):
        fetch(url)


def test_a_name_that_resolves_to_a_loopback_address_is_refused(web, settings):
    """`localhost` stands for any public-looking name whose DNS answer is private: the
    server is there and answers, and the guard still refuses it."""
    web.pages["/a"] = Page(b"<p>secret</p>")
    settings.CLAIMTRAIL_FETCH_ALLOW_HOSTS = []

    with pytest.raises(FetchError, match=r"localhost is a loopback address \(127\.0\.0\.1\)"):
        fetch(web.url("/a"))
    assert web.requests == []


def test_the_literal_server_address_is_refused_while_only_its_name_is_allowed(web):
    web.pages["/a"] = Page(b"<p>secret</p>")

    with pytest.raises(FetchError, match="fetches only from the public web"):
        fetch(web.url("/a", host="127.0.0.1"))
    assert fetch(web.url("/a")).content == b"<p>secret</p>"


def test_the_name_is_resolved_once_and_the_checked_address_connected_to(web, monkeypatch):
    """No second look-up between the check and the connection, that a DNS answer changed
    in between (rebinding) could send elsewhere: the name is resolved once, and the
    connection is made to the address itself."""
    import socket

    real = socket.getaddrinfo
    asked = []

    def spy(host, *args, **kwargs):
        asked.append(host)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", spy)
    web.pages["/a"] = Page(b"<p>ok</p>")

    assert fetch(web.url("/a")).content == b"<p>ok</p>"
    assert asked.count("localhost") == 1
    assert set(asked) <= {"localhost", "127.0.0.1"}
    assert checked_addresses("localhost", 80) == ["127.0.0.1"]


def test_an_unknown_host_says_it_could_not_be_found():
    with pytest.raises(FetchError, match="could not be found"):
        fetch("http://no-such-host.invalid/")
