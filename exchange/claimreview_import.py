"""Bring verdicts in from other fact-checkers' schema.org ClaimReview markup.

The reader takes what fact-checkers publish: a JSON-LD document (one review, a list, an
`@graph`, a `DataFeed`), the JSON-LD blocks of an HTML page, or the JSON that Google's Fact
Check Tools claim search returns. Each review becomes one row of cells, kept and previewed
like a CSV's rows; `ClaimReviewImporter` then decides and creates them with the claim-pairs
import's own machinery (`PairImporter`: the one speaker matcher, the same source, outlet and
claim matching, citations made by `Citation.of`, history with who and why) plus the
verdict. It reads what `exchange.claimreview` writes: where they meet, one is the inverse
of the other.

A `MediaReview` (a verdict on a photo or video, not on a statement) is refused with a
message: its `interpretedAsClaim` is too rarely filled in to build a claim from.
"""

import datetime
import html.parser
import json
from collections.abc import Iterator
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from claims.models import Assessment, Publisher, Speaker
from exchange.bulk import insert_with_history
from exchange.imports import (
    LIMITS,
    ImportFileError,
    OutOfRange,
    PairImporter,
    RowPlan,
    SidePlan,
    _day,
    _is_web_url,
    _out_of_range,
    _published,
)
from exchange.ratings import rating_for, understood
from records.text import fold
from records.validators import normalise_language_tag, validate_language_tag

# A feed of ten thousand reviews is several fact-checkers' whole output; a file past these
# is no feed to preview in a page.
MAX_BYTES = 20 * 2**20
MAX_REVIEWS = 10_000
# JSON nested deeper than this is no ClaimReview (and would exhaust the reader's stack).
MAX_DEPTH = 40
# What a claim says when its markup names no language: BCP 47's "undetermined".
UNDETERMINED = "und"

SCHEMA_PREFIXES = ("http://schema.org/", "https://schema.org/", "schema:")


def _types(node: dict) -> set[str]:
    """A node's schema.org types: `@type` or `type`, a string or a list, with or without
    the vocabulary's address."""
    given = node.get("@type", node.get("type", ()))
    names = [given] if isinstance(given, str) else given if isinstance(given, list) else []
    found = set()
    for name in names:
        if isinstance(name, str):
            for prefix in SCHEMA_PREFIXES:
                name = name.removeprefix(prefix)
            found.add(name.strip())
    return found


def _text(value) -> str:
    """A plain string from a value that should be one: a string, a number, the first of a
    list, or a node's name (`{"@value": …}` too)."""
    if isinstance(value, list):
        value = next((item for item in value if item not in (None, "")), "")
    if isinstance(value, dict):
        value = value.get("@value", value.get("name", value.get("@id", "")))
        if isinstance(value, (dict, list)):
            return _text(value)
    if isinstance(value, bool) or value is None:
        return ""
    return " ".join(str(value).split())


def _number(value) -> float | None:
    """A number from a number or a string of one ("4", "4.0", "4,5"); None otherwise."""
    if isinstance(value, bool) or value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _nodes(value) -> list:
    """A value that may be one node or a list of them, as a list."""
    if value in (None, "", []):
        return []
    return value if isinstance(value, list) else [value]


def _name_and_url(node) -> tuple[str, str]:
    if isinstance(node, str):
        return ("", node) if node.startswith(("http://", "https://")) else (_text(node), "")
    if not isinstance(node, dict):
        return "", ""
    url = _text(node.get("url")) or _text(node.get("sameAs"))
    return _text(node.get("name")) or _text(node.get("alternateName")), url


def _language(*values) -> str:
    for value in values:
        if isinstance(value, dict):
            value = value.get("alternateName") or value.get("name")
        if text := _text(value):
            return text
    return ""


# --- Reading the document ---------------------------------------------------------------


class _JsonLdScripts(html.parser.HTMLParser):
    """The text of each `<script type="application/ld+json">` of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        kind = dict(attrs).get("type") or ""
        if tag == "script" and kind.split(";")[0].strip().lower() == "application/ld+json":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._inside = False

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def _depth_ok(value, depth: int = 0) -> bool:
    if depth > MAX_DEPTH:
        return False
    if isinstance(value, dict):
        return all(_depth_ok(item, depth + 1) for item in value.values())
    if isinstance(value, list):
        return all(_depth_ok(item, depth + 1) for item in value)
    return True


def _loads(text: str, what: str):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("{what} is not valid JSON: {error} at line {line}, column {column}.").format(
                what=what, error=error.msg, line=error.lineno, column=error.colno
            )
        ) from None
    except RecursionError:
        data = None
    if data is None or not _depth_ok(data):
        raise ImportFileError(
            _("{what} nests deeper than {depth} levels: no ClaimReview does.").format(
                what=what, depth=MAX_DEPTH
            )
        )
    return data


def read_document(data: bytes) -> list:
    """The JSON documents a file holds: itself, or an HTML page's JSON-LD blocks. Raises
    `ImportFileError` for anything that is neither."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _(
                "The file is larger than {size} MB, more than a ClaimReview feed needs: split it."
            ).format(size=MAX_BYTES // 2**20)
        )
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if b"\x00" in data:
        raise ImportFileError(_("This is binary data, not JSON-LD or an HTML page."))
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not UTF-8 text. Save it as UTF-8.")) from None
    if text.lstrip().startswith("<"):
        page = _JsonLdScripts()
        page.feed(text)
        page.close()
        documents, broken = [], 0
        for block in page.blocks:
            try:
                documents.append(_loads(block, _("A JSON-LD block")))
            except ImportFileError:
                broken += 1  # a page's other, broken blocks do not stop its good ones
        if not documents:
            raise ImportFileError(
                _('The page holds no JSON-LD (no <script type="application/ld+json">).')
                if not broken
                else _("The page's JSON-LD is not valid JSON ({count} broken block(s)).").format(
                    count=broken
                )
            )
        return documents
    return [_loads(text, _("The file"))]


class _Found:
    """Reviews (and refusals) in the order the document gives them, counted."""

    def __init__(self):
        self.items: list[tuple[dict, list[str]]] = []
        self.others: set[str] = set()

    def add(self, cells: dict, problems: list[str]) -> None:
        if len(self.items) >= MAX_REVIEWS:
            raise _TooMany
        self.items.append((cells, problems))


class _TooMany(Exception):
    pass


def _too_many(count: int | None = None) -> ImportFileError:
    limit = f"{MAX_REVIEWS:,}"
    many = f"{count:,}" if count else _("more than {limit}").format(limit=limit)
    return ImportFileError(
        _(
            "The document holds {many} reviews; an import takes at most {limit}. "
            "Split the feed (by date, say) and import each part."
        ).format(many=many, limit=limit)
    )


def _walk(node, found: _Found, *, top: bool) -> None:
    if isinstance(node, list):
        if len(node) > MAX_REVIEWS:
            raise _too_many(len(node))
        for item in node:
            _walk(item, found, top=top)
        return
    if not isinstance(node, dict):
        return
    types = _types(node)
    if "@graph" in node:
        _walk(node["@graph"], found, top=top)
    elif "claims" in node and not types and isinstance(node["claims"], list):
        if len(node["claims"]) > MAX_REVIEWS:
            raise _too_many(len(node["claims"]))
        for claim in node["claims"]:
            _google_claim(claim, found)
    elif "DataFeed" in types:
        elements = _nodes(node.get("dataFeedElement"))
        if len(elements) > MAX_REVIEWS:
            raise _too_many(len(elements))
        for element in elements:
            if isinstance(element, dict) and "DataFeedItem" in _types(element):
                _walk(element.get("item"), found, top=False)
            else:
                _walk(element, found, top=False)
    elif "ClaimReview" in types:
        found.add(*_review_cells(node))
    elif "MediaReview" in types:
        found.add(
            _review_cells(node)[0],
            [
                "is a MediaReview (a verdict on a photo or video), not a ClaimReview: "
                "Claimtrail records statements; enter the claim the media carries by hand"
            ],
        )
    elif top:
        # A page's other blocks (its organisation, its breadcrumbs) are not reviews; a
        # nested review (an article's `review`, a page's `mainEntity`) is.
        nested = [node.get(key) for key in ("mainEntity", "review", "hasPart") if key in node]
        for inner in nested:
            _walk(inner, found, top=True)
        if not nested:
            found.others.update(types or {"an object without a type"})
    else:
        found.add(
            {},
            [
                f"is a {', '.join(sorted(types)) or 'node without a type'}, not a ClaimReview "
                "(a DataFeed's items should be ClaimReviews)"
            ],
        )


def _google_claim(claim, found: _Found) -> None:
    """One claim of Google's Fact Check Tools claim search, with each of its reviews."""
    if not isinstance(claim, dict):
        found.add({}, ["is not a claim object"])
        return
    reviews = _nodes(claim.get("claimReview"))
    if not reviews:
        found.add(
            {"claim_text": _text(claim.get("text"))}, ["the claim has no claimReview: no verdict"]
        )
    for review in reviews:
        if not isinstance(review, dict):
            found.add({}, ["its claimReview is not an object"])
            continue
        publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
        site = _text(publisher.get("site"))
        cells = {
            "claim_text": _text(claim.get("text")),
            "claim_speaker_name": _text(claim.get("claimant")),
            "claim_language": _text(review.get("languageCode")),
            "claim_date": _text(claim.get("claimDate")),
            "appearances": [],
            "rating_label": _text(review.get("textualRating")),
            "reviewer": _text(publisher.get("name")) or site,
            "reviewer_url": site if site.startswith("http") else f"https://{site}" if site else "",
            "review_url": _text(review.get("url")),
            "review_date": _text(review.get("reviewDate")),
            "review_title": _text(review.get("title")),
        }
        found.add(cells, [] if cells["claim_text"] else ["the claim has no text"])


def _appearance(node) -> dict | None:
    """Where the claim appeared: an address, or a CreativeWork with its publisher."""
    if isinstance(node, str):
        return {"url": node.strip()} if node.strip() else None
    if not isinstance(node, dict):
        return None
    publisher = _name_and_url(node.get("publisher"))[0]
    url = _text(node.get("url")) or _text(node.get("sameAs"))
    if not (url or _text(node.get("headline")) or _text(node.get("name"))):
        return None
    return {
        "url": url,
        "title": _text(node.get("headline")) or _text(node.get("name")),
        "outlet": publisher,
        "published": _text(node.get("datePublished")),
        # Who it had it from, nearest first, as our writer's `isBasedOn` says.
        "hops": [
            name
            for based in _nodes(node.get("isBasedOn"))
            if (name := _name_and_url(based)[0] or _text(based))
        ],
    }


def _review_cells(review: dict) -> tuple[dict, list[str]]:
    item = review.get("itemReviewed")
    item = item[0] if isinstance(item, list) and item else item
    item = item if isinstance(item, dict) else {}
    if "MediaReview" in _types(review) and isinstance(review.get("interpretedAsClaim"), dict):
        item = review["interpretedAsClaim"]
    authors = _nodes(item.get("author"))
    author = authors[0] if authors else {}
    if isinstance(author, str):
        author = {"name": author}
    rating = review.get("reviewRating")
    rating = rating[0] if isinstance(rating, list) and rating else rating
    rating = rating if isinstance(rating, dict) else {}
    reviewer, reviewer_url = _name_and_url(
        _nodes(review.get("author"))[0] if review.get("author") else review.get("publisher")
    )
    appearances = []
    for node in [item.get("firstAppearance"), *_nodes(item.get("appearance"))]:
        found = _appearance(node)
        if found and all(found["url"] != known["url"] or not found["url"] for known in appearances):
            appearances.append(found)
    types = _types(item)
    legacy = "Claim" not in types and types & {"CreativeWork", "Article", "NewsArticle", "WebPage"}
    # The legacy form: the work the claim appeared in is itself the item reviewed.
    if legacy and (work := _appearance(item)) and work["url"]:
        appearances.insert(0, work)
    author_types = _types(author) if isinstance(author, dict) else set()
    cells = {
        "claim_text": _text(review.get("claimReviewed")),
        "claim_speaker_name": _text(author.get("name")) if isinstance(author, dict) else "",
        "claim_speaker_description": (
            _text(author.get("jobTitle")) or _text(author.get("description"))
            if isinstance(author, dict)
            else ""
        ),
        "claim_speaker_kind": (
            Speaker.Kind.PERSON
            if not author_types or "Person" in author_types
            else Speaker.Kind.GOVERNMENT
            if author_types & {"GovernmentOrganization", "Country"}
            else Speaker.Kind.ORGANISATION
        ),
        "claim_language": _language(item.get("inLanguage"), review.get("inLanguage")),
        "claim_date": _text(item.get("datePublished")) or _text(item.get("dateCreated")),
        "appearances": appearances,
        "rating_label": _text(rating.get("alternateName")) or _text(rating.get("name")),
        "rating_value": _number(rating.get("ratingValue")),
        "best_rating": _number(rating.get("bestRating")),
        "worst_rating": _number(rating.get("worstRating")),
        "rating_explanation": _text(rating.get("ratingExplanation")),
        "reviewer": reviewer,
        "reviewer_url": reviewer_url,
        "review_url": _text(review.get("url")),
        "review_date": _text(review.get("datePublished")),
        "review_title": _text(review.get("headline")) or _text(review.get("name")),
    }
    problems = []
    if not cells["claim_text"]:
        problems.append(_("the review names no claim (its claimReviewed is empty)"))
    return cells, problems


def read_reviews(binary) -> Iterator[tuple[int, dict, list[str]]]:
    """Yield (number, cells, problems) for each review of a file, numbered from 1 in the
    order the file gives them. Raises `ImportFileError` if the file holds none, or too many
    (`MAX_REVIEWS`)."""
    data = binary.read(MAX_BYTES + 1)
    documents = read_document(data)
    found = _Found()
    try:
        for document in documents:
            _walk(document, found, top=True)
    except _TooMany:
        raise _too_many() from None
    if not found.items:
        others = ", ".join(sorted(found.others)) or _("nothing")
        raise ImportFileError(
            _(
                "This holds no ClaimReview (it describes {others}). The import reads "
                "schema.org ClaimReview JSON-LD, a DataFeed of them, an HTML page with them "
                "embedded, or Google Fact Check Tools claim-search JSON."
            ).format(others=others)
        )
    for number, (cells, problems) in enumerate(found.items, start=1):
        yield number, cells, problems


# --- Deciding and creating -------------------------------------------------------------


def appeared_in(plan: SidePlan, row: RowPlan, appearance: dict) -> None:
    """Cite the claim where it appeared: an address, a title, an outlet, as far as they
    are known (an address alone: its site stands for the outlet until someone names it)."""
    url = appearance.get("url", "")
    if not (url or appearance.get("title")):
        return
    plan.source_url = url
    plan.source_title = appearance.get("title") or url
    host = urlsplit(url).hostname or "" if url else ""
    plan.outlet = appearance.get("outlet") or host.removeprefix("www.")
    if not plan.outlet:
        row.problems.append(_("where it appeared needs an address or an outlet's name"))
    # The claim as the review or the file words it: the source's text decides whether it
    # is found there (a new source has none: `no_text`).
    plan.quote = plan.text
    plan.hops = tuple(appearance.get("hops") or ())
    try:
        plan.published = _published(appearance.get("published", "")[:25])
    except OutOfRange:
        row.problems.append(_out_of_range(_("the appearance's date"), appearance["published"]))
    except ValueError:
        plan.published = None  # a date we cannot read is no reason to refuse the verdict
    if url and not _is_web_url(url):
        row.problems.append(_("the appearance “{url}” is not a web address").format(url=url[:80]))


def _side(cells: dict, row: RowPlan, appearance: dict | None, language: str) -> SidePlan:
    plan = SidePlan(
        text=cells.get("claim_text", ""),
        language=language,
        speaker_name=cells.get("claim_speaker_name", ""),
        speaker_description=cells.get("claim_speaker_description", ""),
        speaker_kind=cells.get("claim_speaker_kind") or Speaker.Kind.PERSON,
    )
    if appearance:
        appeared_in(plan, row, appearance)
    return plan


def parse_review(number: int, cells: dict, problems: list[str]) -> RowPlan:
    """One review's cells as the plan `PairImporter` decides: one side, or one a place it
    appeared (the same claim each time), and the verdict."""
    row = RowPlan(number=number, problems=list(problems))
    if row.problems:
        return row
    speaker = cells.get("claim_speaker_name", "")
    if not speaker:
        row.problems.append(
            _("the review does not say who made the claim (its itemReviewed has no author)")
        )
    for role, value, what in (
        ("speaker_name", speaker, _("speaker name")),
        (
            "speaker_description",
            cells.get("claim_speaker_description", ""),
            _("speaker description"),
        ),
    ):
        if len(value) > LIMITS[role]:
            row.problems.append(
                _("the {what} is longer than {limit}").format(what=what, limit=LIMITS[role])
            )
    language = cells.get("claim_language", "") or UNDETERMINED
    try:
        validate_language_tag(language)
        language = normalise_language_tag(language)
    except ValidationError:
        row.problems.append(
            _("its language “{language}” is not a BCP 47 code (en, id, es)").format(
                language=language[:40]
            )
        )
    appearances = cells.get("appearances") or [None]
    for position, appearance in enumerate(appearances, start=1):
        side = "claim" if position == 1 else f"appearance {position}"
        row.sides[side] = _side(cells, row, appearance, language)
    if date := cells.get("claim_date", ""):
        try:
            stated_on = _day(date[:10])
        except OutOfRange:
            row.problems.append(_out_of_range(_("the claim's date"), date))
        except ValueError:
            stated_on = None
        else:
            for plan in row.sides.values():
                plan.stated_on = stated_on
    label = cells.get("rating_label", "")
    rating = rating_for(
        label,
        cells.get("rating_value"),
        best=cells.get("best_rating"),
        worst=cells.get("worst_rating"),
    )
    if rating is None:
        shown = (
            f"“{label[:60]}”"
            if label
            else _("value {value}").format(value=cells.get("rating_value"))
        )
        row.problems.append(
            _(
                "its rating {shown} is not one Claimtrail can read as a verdict ({understood}, "
                "or a value on its scale)"
            ).format(shown=shown, understood=understood())
            if label or cells.get("rating_value") is not None
            else _("the review gives no rating (reviewRating has no alternateName or ratingValue)")
        )
    reviewer = cells.get("reviewer", "")[:200]
    review_url = cells.get("review_url", "")
    if review_url and not _is_web_url(review_url):
        row.problems.append(
            _("the review's url “{url}” is not a web address").format(url=review_url[:80])
        )
    elif not reviewer and not cells.get("ours"):
        # Someone else's verdict all the same: named by its site, never taken for ours.
        reviewer = (urlsplit(review_url).hostname or "") if review_url else ""
        reviewer = reviewer.removeprefix("www.") or "an unnamed fact-checker"
    reviewer_url = cells.get("reviewer_url", "")
    if reviewer_url and not _is_web_url(reviewer_url):
        reviewer_url = ""
    explanation = (
        cells.get("rating_explanation")
        or cells.get("review_title")
        or f"Rated “{label or rating}” by {reviewer or 'another fact-checker'}"
        + (f": {review_url}" if review_url else ".")
    )[: Assessment._meta.get_field("explanation").max_length]
    assessed_at = None
    if review_date := cells.get("review_date", ""):
        try:
            assessed_at = _published(review_date[:25])
        except OutOfRange:
            row.problems.append(_out_of_range(_("the review's date"), review_date))
        except ValueError:
            assessed_at = None
        if isinstance(assessed_at, datetime.date) and not isinstance(
            assessed_at, datetime.datetime
        ):
            assessed_at = datetime.datetime.combine(assessed_at, datetime.time(), datetime.UTC)
    row.verdict = {
        "rating": rating,
        "explanation": explanation,
        "reviewer": reviewer,
        "reviewer_url": reviewer_url[:500],
        "review_url": review_url[:2000],
        "assessed_at": assessed_at,
    }
    return row


class ClaimReviewImporter(PairImporter):
    """`PairImporter`, for reviews: one claim a review (cited in each place it appeared),
    no relations, and the review's verdict as the claim's assessment.

    A claim that already has a verdict keeps it: the same verdict from the same reviewer
    matches (importing the same review again creates nothing); another one is refused,
    to be changed on the claim's page, where history keeps the old one.
    """

    KINDS = ("speaker", "outlet", "source", "claim", "citation", "assessment")

    def __init__(self, *, reason: str = "Imported from ClaimReview markup", **kwargs):
        super().__init__(reason=reason, **kwargs)
        self.new_verdicts: dict[int, str] = {}  # new claim's reference -> its rating
        publisher = Publisher.current()
        self.ours = (fold(publisher.name), publisher.url.rstrip("/"))

    def parse(self, number: int, cells: dict, problems: list[str]) -> RowPlan:
        """A review whose author is our own organisation (our feed, read back) is a verdict
        of ours: no other reviewer, at the claim's own page."""
        if fold(cells.get("reviewer")) == self.ours[0] or (
            cells.get("reviewer_url", "").rstrip("/") == self.ours[1]
        ):
            cells = {**cells, "reviewer": "", "reviewer_url": "", "review_url": "", "ours": True}
        return parse_review(number, cells, problems)

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            kind: {"create": self.created[kind], "match": len(self.matched[kind])}
            for kind in self.KINDS
        }

    def _resolve(self, rows: list[RowPlan], pending) -> None:
        super()._resolve(rows, pending)
        # (A spreadsheet's row may have no verdict.)
        self._resolve_verdicts(
            [row for row in rows if not row.problems and getattr(row, "verdict", None)], pending
        )

    def _resolve_relation(self, row: RowPlan, related: dict, pending) -> None:
        """A review relates no claims."""

    def _resolve_verdicts(self, rows: list[RowPlan], pending) -> None:
        claims = {row.sides["claim"].claim for row in rows if row.sides["claim"].claim > 0}
        held = {
            assessment.claim_id: assessment
            for assessment in Assessment.objects.filter(claim__in=claims).only(
                "claim_id", "rating", "reviewer", "review_url"
            )
        }
        for row in rows:
            verdict, claim = row.verdict, row.sides["claim"].claim
            if claim > 0 and claim in held:
                current = held[claim]
                same = current.rating == verdict["rating"] and (
                    current.reviewer == verdict["reviewer"]
                    or (verdict["review_url"] and current.review_url == verdict["review_url"])
                )
                if same:
                    self.matched["assessment"].add(current.pk)
                    row.actions["assessment"] = "match"
                else:
                    who = current.reviewer or _("this newsroom")
                    row.problems.append(
                        _(
                            "its claim already has a verdict, “{rating}” by {who}; change it on "
                            "the claim's page (history keeps the old one)"
                        ).format(rating=current.get_rating_display(), who=who)
                    )
                continue
            if claim in self.new_verdicts:
                if self.new_verdicts[claim] != verdict["rating"]:
                    row.problems.append(
                        _("an earlier review in this file gives the same claim another verdict")
                    )
                else:
                    row.actions["assessment"] = "new"
                continue
            self.new_verdicts[claim] = verdict["rating"]
            assessment = Assessment(
                rating=verdict["rating"],
                explanation=verdict["explanation"],
                reviewer=verdict["reviewer"],
                reviewer_url=verdict["reviewer_url"],
                review_url=verdict["review_url"],
            )
            if verdict["assessed_at"]:
                assessment.assessed_at = verdict["assessed_at"]
            assessment._claim_ref = claim
            pending["assessment"][self._new_ref()] = assessment
            self.created["assessment"] += 1
            row.actions["assessment"] = "create"

    def _create(self, pending, rows: list[RowPlan]) -> None:
        super()._create(pending, rows)
        assessments = list(pending["assessment"].values())
        for assessment in assessments:
            assessment.claim_id = self._pk(assessment._claim_ref)
            assessment.assessed_by = self.user
        if assessments:
            insert_with_history(Assessment, assessments, user=self.user, reason=self.reason)
