"""Every URL of the app, read from the URLconf and filled with real ids.

A new view appears here by itself; `url_kind` then refuses it until it is classified, so
nobody can add a page that the permission, CSRF and hostile-input tests do not visit.
"""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from claims.models import (
    Assessment,
    Citation,
    Claim,
    ClaimRelation,
    Hop,
    Merge,
    PossibleDuplicate,
    Speaker,
    Topic,
)
from sources.models import Outlet, Source

# The segment a path gives before `<int:pk>` says which model the id belongs to.
MODELS_BY_SEGMENT = {
    "claims": Claim,
    "speakers": Speaker,
    "sources": Source,
    "citations": Citation,
    "hops": Hop,
    "relations": ClaimRelation,
    "pairs": ClaimRelation,
    "duplicates": PossibleDuplicate,
    "merges": Merge,
    "outlets": Outlet,
    "topics": Topic,
    "assessments": Assessment,
}

# Read or write, by the last word of the URL name; anything else must be listed below.
READ_SUFFIXES = (
    "list",
    "detail",
    "history",
    "autocomplete",
    "search",
    "export",
    "options",
    "suggestions",
    "map",
    "svg",
    "png",
    "timeline",
    "feed",
)
WRITE_SUFFIXES = (
    "create",
    "update",
    "delete",
    "restore",
    "accept",
    "dismiss",
    "assessment",
    "import",
    "merge",
    "undo",
    "move",
    "take",
)
EXCEPTIONS = {
    "home": "read",
    # Pages only Researchers open: reading them is the start of writing, and costly.
    "assistant:suggestion-list": "research",
    "assistant:suggestion-add-passage": "write",
    # The warning a claim form asks for: any signed-in user may ask it, as the form's
    # pickers are asked.
    "claims:duplicate-check": "read",
    "claims:merge-preview": "write",  # its POST is the merge
    "claims:notification-count": "read",
    "claims:claim-live": "read",  # what an open claim page polls for
    "claims:queue-count": "read",
    # Marking one's own notifications read: anyone signed in, a Reader too.
    "claims:notification-update": "own",
    "login": "public",
    "set_language": "public",  # the language switcher, on the login page too
    # One's own password, for every signed-in role; a forgotten one, for anyone.
    "password_change": "own",
    "password_change_done": "own",
    "password_reset": "public",
    "password_reset_done": "public",
    "password_reset_confirm": "public",
    "password_reset_complete": "public",
    "healthz": "public",  # the proxy's health check
    "logout": "logout",
    "sources:source-recheck": "write",  # fetch a source again (a task)
    "api:reference": "read",  # the API's reference page, for a signed-in browser
}
# The JSON API: tokens or the session, refusals as JSON (401, not a redirect to sign in);
# the permission matrix expects its own statuses of these (`api` kind).
API_NAMESPACE = "api"
# Namespaces with their own access rules, tested on their own (admin wants staff).
SKIPPED_NAMESPACES = {"admin"}
# An uploaded import belongs to whoever uploaded it (anyone else gets a 404), so these do
# not fit the role grid; tests/claims/test_import.py pins who may see and apply an upload.
SKIPPED_NAMES = {
    "claims:pair-import-detail",
    "claims:pair-import-apply",
    "claims:pair-import-cancel",
    "claims:pair-import-delete",
    # Likewise the column mapping of one's own upload: tests/exchange/test_claims_csv_import.py.
    "claims:claim-import-columns",
    # Likewise a comment is its author's to edit or delete: tests/claims/test_comments.py.
    "claims:comment-update",
    "claims:comment-delete",
    # A fetch is its owner's (tests/sources/test_adding_sources.py); a snapshot's download
    # is for every signed-in user, and there is no snapshot in the grid's data.
    "sources:fetch-detail",
    "sources:snapshot-download",
    # An API token is its owner's to see and revoke: tests/exchange/api/test_tokens.py.
    "api:token-list",
    "api:token-detail",
}
# Values for converters that are not an object id.
FIXED_VALUES = {"field": "text", "uidb64": "MQ", "token": "no-such-token"}
CONVERTER = re.compile(r"<(?:(?P<type>\w+):)?(?P<name>\w+)>")


@dataclass
class AppUrl:
    name: str
    route: str
    callback: object

    @property
    def kind(self) -> str:
        return url_kind(self.name)


def url_kind(name: str) -> str:
    if name in EXCEPTIONS:
        return EXCEPTIONS[name]
    if name.split(":", 1)[0] == API_NAMESPACE:
        return "api"
    suffix = name.rsplit(":", 1)[-1].rsplit("-", 1)[-1]
    if suffix in READ_SUFFIXES:
        return "read"
    if suffix in WRITE_SUFFIXES:
        return "write"
    raise AssertionError(
        f"URL {name!r} is not classified: name it *-list/-detail/… (read) or "
        f"*-create/-update/-delete/-restore (write), or add it to EXCEPTIONS in {__file__}"
    )


def app_urls() -> list[AppUrl]:
    found: list[AppUrl] = []

    def walk(patterns, route: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace in SKIPPED_NAMESPACES:
                    continue
                inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
                walk(entry.url_patterns, route + str(entry.pattern), inner.strip(":"))
            elif isinstance(entry, URLPattern):
                if entry.name is None:
                    raise AssertionError(f"URL {route + str(entry.pattern)!r} has no name")
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if name not in SKIPPED_NAMES:
                    found.append(AppUrl(name, route + str(entry.pattern), entry.callback))

    walk(get_resolver().url_patterns, "", "")
    return found


def delete_some() -> None:
    """A deleted claim and a deleted source, so that their restore URLs can be filled."""
    from tests.factories import ClaimFactory, SourceFactory

    ClaimFactory(text="A claim deleted by mistake").delete()
    SourceFactory(title="A source deleted by mistake").delete()


def duplicate_some() -> None:
    """A possible duplicate pair still open, and a merge to look at and undo."""
    from claims import merging
    from tests.factories import SpeakerFactory, UserFactory

    first, second = SpeakerFactory(name="Lavrov"), SpeakerFactory(name="Sergei Lavrov")
    # With a live server the save's own lookup (committed) may have found it already.
    PossibleDuplicate.objects.update_or_create(
        kind="speakers",
        first_id=first.pk,
        second_id=second.pk,
        defaults={"score": 0.8, "reason": "a near miss"},
    )
    kept, merged = SpeakerFactory(name="Maria Zakharova"), SpeakerFactory(name="Zahkarova")
    merging.merge("speakers", kept, merged, by=UserFactory(username="merger"))


def assess_some() -> None:
    """A verdict, so that the API's assessment URLs can be filled."""
    from tests.factories import UserFactory

    claim = Claim.objects.order_by("pk").first()
    Assessment.record(
        claim=claim,
        rating="false",
        explanation="No evidence was offered.",
        by=UserFactory(username="assessor"),
        first=True,
    )


def deleted_row(model):
    return model.history.filter(history_type="-").exclude(id__in=model.objects.values("pk")).first()


def fill(url: AppUrl) -> str:
    """The route with real ids from the database in place of its converters."""
    path = url.route
    obj = None
    for match in CONVERTER.finditer(url.route):
        name = match["name"]
        before = url.route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
        if name in FIXED_VALUES:
            value = FIXED_VALUES[name]
        elif name == "pk":
            obj = MODELS_BY_SEGMENT[before].objects.order_by("pk").first()
            value = obj.pk
        elif name == "slug":
            value = Topic.objects.order_by("pk").first().slug
        elif name == "history_id" and url.route.startswith("deleted/"):
            value = deleted_row(MODELS_BY_SEGMENT[before]).history_id
        elif name == "history_id" and obj is not None:
            value = obj.history.order_by("history_date").first().history_id
        else:
            raise AssertionError(f"No value for <{name}> in {url.name} ({url.route})")
        path = path.replace(match.group(0), str(value), 1)
    return "/" + path
