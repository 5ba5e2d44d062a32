"""Hostile input at every form and query parameter: never a 500, nothing half-written.

Forms are discovered from the pages themselves: every page the URLconf lists is rendered
for a staff user, and each of its <form>s — its action, method and field names — is
filled with arbitrary unicode, huge strings, NUL bytes, malformed dates, bad language
codes and bad ids.
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.trust.urlconf import app_urls, fill

pytestmark = pytest.mark.django_db

HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Answers allowed for nonsense: a page (with errors), a redirect, a refusal, a conflict.
ACCEPTABLE = {200, 302, 400, 403, 404, 405, 409, 422}

nasty = st.one_of(
    # (Lone surrogates aside: no client can send one, UTF-8 has no form for it.)
    st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=10).map(lambda s: s + "\x00"),
    st.integers(min_value=1, max_value=3).map(lambda n: "ẞ\u202e" * (30_000 * n)),
    st.sampled_from(
        [
            "2024-13-45",
            "0000-00-00",
            "99999-01-01",
            "2024-02-30T25:61",
            # Dates at the edges of the range kept, with offsets that carry them out of it.
            "0001-01-01T00:00+14:00",
            "9999-12-31T23:59-14:00",
            "1000-01-01T13:59+14:00",
            "9999-12-31T10:00-14:00",
            "0999-12-31",
            # Bodies built to be slow: quotation marks, full stops, one quote over and over.
            '"' * 20_000,
            "a." * 8_000,
            "“a” " * 5_000,
            "a " * 50_000,
            "yesterday",
            "english",
            "zz-ZZZZ-1",
            "x-",
            "-1",
            "0",
            "99999999999999999999999",
            "1e308",
            "NaN",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "\x00",
            "",
        ]
    ),
)


@dataclass
class Form:
    page: str
    action: str
    method: str
    fields: list[str] = field(default_factory=list)


class FormFinder(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.page = page
        self.forms: list[Form] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = attrs.get("action") or attrs.get("hx-post") or attrs.get("hx-get") or ""
            method = "post" if "hx-post" in attrs else (attrs.get("method") or "get").lower()
            self.forms.append(Form(self.page, action or self.page, method))
        elif tag in {"input", "select", "textarea"} and self.forms and attrs.get("name"):
            self.forms[-1].fields.append(attrs["name"])


def discover_forms(client) -> list[Form]:
    forms, seen = [], set()
    for url in app_urls():
        if url.kind == "public":
            continue
        page = fill(url)
        response = client.get(page)
        html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code != 200 or response.streaming or not html:
            continue
        finder = FormFinder(page)
        finder.feed(response.content.decode())
        for form in finder.forms:
            form.fields = [name for name in form.fields if name != "csrfmiddlewaretoken"]
            key = (form.action, form.method, tuple(sorted(form.fields)))
            ours = form.action.startswith("/") and not form.action.startswith("/accounts/")
            if ours and key not in seen:
                seen.add(key)
                forms.append(form)
    return forms


def counts() -> dict[str, int]:
    """Rows in every table of ours, history included."""
    return {
        model._meta.label: model._base_manager.count()
        for config in (apps.get_app_config("claims"), apps.get_app_config("sources"))
        for model in config.get_models()
    }


def send(client, form: Form, data: dict, htmx: bool):
    headers = {"HX-Request": "true"} if htmx else {}
    with transaction.atomic():
        before = counts()
        if form.method == "post":
            response = client.post(form.action, data, headers=headers)
        else:
            response = client.get(form.action, data, headers=headers)
        after = counts()
        transaction.set_rollback(True)
    return response, before, after


@pytest.fixture
def forms(site_data, staff_client):
    found = discover_forms(staff_client)
    assert any(form.method == "get" and "q" in form.fields for form in found)
    assert any(form.method == "post" and "reason" in form.fields for form in found)
    return found


def test_every_form_survives_hostile_input(forms, staff_client):
    @HYPOTHESIS
    @given(data=st.data(), htmx=st.booleans())
    def check(data, htmx):
        form = data.draw(st.sampled_from(forms), label="form")
        values = {name: data.draw(nasty, label=name) for name in form.fields}
        response, before, after = send(staff_client, form, values, htmx)
        assert response.status_code in ACCEPTABLE, (form, values, response.status_code)
        # Refused — or only read — means not a row written, not a history entry added. A
        # plain POST succeeds with a redirect, so its 200 is a form with errors; htmx's 200
        # may be either, so only its refusals count.
        refused = response.status_code >= 400 or (response.status_code == 200 and not htmx)
        if form.method == "get" or refused:
            assert after == before, (form, {k: v[:80] for k, v in values.items()})

    check()


def test_every_query_parameter_survives_hostile_values(site_data, staff_client):
    names = [
        "q",
        "page",
        "kind",
        "speaker",
        "topic",
        "language",
        "verification",
        "outlet",
        "has_counter",
        "relation_kind",
        "sort",
        "format",
    ]
    pages = [fill(url) for url in app_urls() if url.kind in ("read", "research")]

    @HYPOTHESIS
    @given(
        page=st.sampled_from(pages),
        params=st.dictionaries(st.sampled_from(names), nasty, max_size=4),
        htmx=st.booleans(),
    )
    def check(page, params, htmx):
        headers = {"HX-Request": "true"} if htmx else {}
        response = staff_client.get(page, params, headers=headers)
        assert response.status_code in ACCEPTABLE, (page, params, response.status_code)

    check()


def test_bad_ids_in_paths_are_404s(site_data, staff_client):
    routes = [url for url in app_urls() if "<" in url.route]

    @HYPOTHESIS
    @given(
        url=st.sampled_from(routes),
        value=st.one_of(
            st.integers(min_value=0, max_value=2**70),
            st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=20),
            # A NUL byte in a path (PostgreSQL refuses it in a string: it must not get there).
            # No lone surrogates: no client can put one in a URL (UTF-8 has no form for it).
            st.text(
                st.characters(exclude_characters="/?#%", exclude_categories=["Cs"]), max_size=10
            ).map(lambda s: s + "\x00"),
        ),
    )
    def check(url, value):
        path = "/" + re.sub(r"<(?:\w+:)?\w+>", str(value), url.route)
        response = staff_client.get(path)
        assert response.status_code in {404, 405, 200}, (path, response.status_code)

    check()


@pytest.mark.parametrize("path", ["/topics/%00/", "/topics/%00/map/", "/topics/%00/map.svg"])
def test_a_nul_byte_in_a_topic_path_is_not_found(reader_client, path):
    assert reader_client.get(path).status_code == 404
