"""ClaimReview markup in: each shape fact-checkers publish, each tolerance, three languages,
re-importing, bad input, the command and the page."""

import copy
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.models import Assessment, Citation, Claim, Speaker
from exchange import claimreview_import
from exchange.claimreview_import import ClaimReviewImporter, read_reviews
from exchange.imports import ImportFileError, ImportRejected
from exchange.models import ImportBatch
from exchange.ratings import rating_for
from sources.models import Outlet, Source
from tests.exchange.claimreview_examples import (
    ENGLISH,
    GOOGLE,
    INDONESIAN,
    INDONESIAN_PAGE,
    MEDIA_REVIEW,
    SPANISH_FEED,
)
from tests.factories import ClaimFactory, SpeakerFactory, UserFactory
from tests.webserver import Page

pytestmark = pytest.mark.django_db


def as_bytes(document) -> bytes:
    return document if isinstance(document, bytes) else json.dumps(document).encode()


def preview(document) -> tuple[ClaimReviewImporter, list]:
    importer = ClaimReviewImporter(apply=False)
    results = list(importer.run(read_reviews(io.BytesIO(as_bytes(document)))))
    return importer, results


def apply(document, user) -> dict:
    importer = ClaimReviewImporter(apply=True, user=user, reason="Imported in a test")
    return importer.run_all(read_reviews(io.BytesIO(as_bytes(document))))


def created(counts: dict) -> dict[str, int]:
    return {kind: count["create"] for kind, count in counts.items() if count["create"]}


# --- What each shape becomes ------------------------------------------------------------


def test_an_english_review_is_a_claim_by_its_speaker_cited_where_it_appeared_with_its_verdict(
    researcher,
):
    counts = apply(ENGLISH, researcher)

    assert created(counts) == {
        "speaker": 1,
        "outlet": 2,
        "source": 2,
        "claim": 1,
        "citation": 2,
        "assessment": 1,
    }
    claim = Claim.objects.get()
    assert claim.text == "Texas created more jobs last year than the other 49 states combined."
    assert claim.speaker.name == "Rick Perry"
    assert claim.speaker.description == "Former Governor of Texas"
    assert claim.speaker.kind == Speaker.Kind.PERSON
    assert claim.stated_on == datetime.date(2024, 10, 15)
    assert claim.language == "und"  # the markup names none: "undetermined"
    sources = {
        citation.source.url: citation.source for citation in claim.citations.select_related()
    }
    article = sources["https://news.example.com/2024/10/15/perry-speech"]
    assert article.title == "Perry says Texas leads the nation in jobs"
    assert article.outlet.name == "Example News"
    assert article.published == datetime.date(2024, 10, 15)
    video = sources["https://video.example.net/watch/perry-townhall"]
    assert video.outlet.name == "video.example.net"  # an address alone: its site
    assert {c.verification for c in claim.citations.all()} == {Citation.Verification.NO_TEXT}
    verdict = claim.assessment
    assert verdict.rating == Assessment.Rating.FALSE  # "Pants on Fire", 1 on a 1–6 scale
    assert verdict.reviewer == "Example Fact"
    assert verdict.reviewer_url == "https://factcheck.example.org/"
    assert verdict.review_url == ENGLISH["url"]
    assert verdict.assessed_at == datetime.datetime(2024, 10, 17, tzinfo=datetime.UTC)
    assert verdict.assessed_by == researcher
    for record in (claim, claim.speaker, verdict, article):
        first = record.history.earliest("history_date")
        assert (first.history_user, first.history_change_reason) == (
            researcher,
            "Imported in a test",
        )


def test_an_indonesian_page_gives_its_embedded_review_with_an_type_array_http_context_and_the_legacy_item(
    researcher,
):
    _, results = preview(INDONESIAN_PAGE.encode())
    assert [result.problems for result in results] == [[]]  # the Organization block is no review

    apply(INDONESIAN_PAGE.encode(), researcher)

    claim = Claim.objects.get()
    assert claim.text == INDONESIAN["claimReviewed"]
    assert claim.language == "id"
    assert claim.stated_on == datetime.date(2024, 10, 16)
    assert claim.speaker.name == "Akun Berita Viral"
    assert claim.speaker.kind == Speaker.Kind.ORGANISATION
    post = claim.citations.get().source
    assert post.url == "https://social.example.com/posts/998877"
    assert claim.assessment.rating == Assessment.Rating.FALSE  # "Salah"
    assert claim.assessment.reviewer == "Cek Fakta Contoh"
    # 09:30 in Jakarta (UTC+7)
    assert claim.assessment.assessed_at == datetime.datetime(
        2024, 10, 18, 2, 30, tzinfo=datetime.UTC
    )


def test_a_spanish_datafeed_with_type_for_at_type_and_numbers_as_strings(researcher):
    counts = apply(SPANISH_FEED, researcher)

    assert counts["claim"]["create"] == 2
    chip = Claim.objects.get(text="La vacuna contiene un microchip de rastreo.")
    assert chip.language == "es"
    assert chip.speaker.name == "Usuario Anónimo"
    assert chip.speaker.description == "Usuario de redes"
    assert chip.assessment.rating == Assessment.Rating.MISLEADING  # "Engañoso"
    assert chip.citations.get().source.title == "Publicación viral"
    growth = Claim.objects.get(text="El PIB creció un 2,5 % en 2023.")
    assert growth.speaker.kind == Speaker.Kind.GOVERNMENT
    assert growth.assessment.rating == Assessment.Rating.ACCURATE  # 5 of 5, no words
    assert growth.citations.count() == 0  # the markup names no appearance


def test_google_fact_check_tools_claim_search_json(researcher):
    apply(GOOGLE, researcher)

    claim = Claim.objects.get()
    assert claim.text == "China supplies weapons to Russia."
    assert claim.speaker.name == "Social media posts"
    assert claim.language == "en"
    assert claim.stated_on == datetime.date(2024, 10, 14)
    verdict = claim.assessment
    assert verdict.rating == Assessment.Rating.UNSUPPORTED  # "Unproven"
    assert verdict.reviewer == "Example Checks"
    assert verdict.reviewer_url == "https://checks.example.org"
    assert verdict.review_url == "https://checks.example.org/china-weapons"
    assert verdict.explanation == "No evidence China supplies weapons to Russia"


@pytest.mark.parametrize(
    "document",
    [
        [ENGLISH],
        {"@context": "https://schema.org", "@graph": [ENGLISH]},
        {"@context": {"@vocab": "http://schema.org/"}, "@graph": [ENGLISH]},
        {**ENGLISH, "@type": "http://schema.org/ClaimReview"},
        {**ENGLISH, "@type": ["ClaimReview", "Review"]},
    ],
    ids=["list", "graph", "vocab-context", "full-type-address", "type-array"],
)
def test_the_same_review_however_it_is_wrapped(document):
    importer, results = preview(document)
    assert [result.problems for result in results] == [[]]
    assert importer.counts()["claim"]["create"] == 1
    assert importer.counts()["assessment"]["create"] == 1


def test_reimporting_the_same_reviews_matches_them_and_creates_nothing(researcher):
    everything = [ENGLISH, INDONESIAN, *[e["item"] for e in SPANISH_FEED["dataFeedElement"]]]
    apply(everything, researcher)
    before = {
        model: model.objects.count()
        for model in (Speaker, Outlet, Source, Claim, Citation, Assessment)
    }

    counts = apply(everything, UserFactory(username="second", researcher=True))
    google = apply(GOOGLE, researcher)
    again = apply(GOOGLE, researcher)

    assert created(counts) == {}
    assert counts["assessment"]["match"] == 4
    assert counts["claim"]["match"] == 4
    assert created(again) == {}
    assert created(google) != {}
    assert {m: m.objects.count() for m in before} == {
        **before,
        Speaker: before[Speaker] + 1,
        Claim: before[Claim] + 1,
        Assessment: before[Assessment] + 1,
    }


def test_a_known_speaker_and_source_are_matched_not_made_again(researcher):
    perry = SpeakerFactory(name="Rick Perry", aliases="Governor Perry")
    outlet = Outlet.objects.create(name="Example News")
    article = Source.objects.create(
        title="Perry's speech",
        outlet=outlet,
        url="https://news.example.com/2024/10/15/perry-speech",
        language="en",
    )
    shouted = copy.deepcopy(ENGLISH)
    shouted["itemReviewed"]["author"]["name"] = "RICK PERRY"  # case folded, as everywhere

    counts = apply(shouted, researcher)

    assert counts["speaker"] == {"create": 0, "match": 1}
    assert counts["source"] == {"create": 1, "match": 1}
    claim = Claim.objects.get()
    assert claim.speaker == perry
    assert article in {citation.source for citation in claim.citations.all()}


def test_a_claim_with_another_verdict_is_refused_and_nothing_is_imported(researcher):
    apply(ENGLISH, researcher)
    kinder = copy.deepcopy(ENGLISH)
    kinder["reviewRating"] = {"@type": "Rating", "alternateName": "Mostly true"}
    claims_before = Claim.objects.count()

    with pytest.raises(ImportRejected, match="already has a verdict, “False” by Example Fact"):
        apply([INDONESIAN, kinder], researcher)

    assert Claim.objects.count() == claims_before
    assert Assessment.objects.get().rating == Assessment.Rating.FALSE


# --- Ratings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "value", "best", "worst", "rating"),
    [
        ("Pants on Fire!", None, None, None, "false"),
        ("pants-fire", None, None, None, "false"),
        ("Mostly True", None, None, None, "mostly_accurate"),
        ("Half True", None, None, None, "mixed"),
        ("False. The photo is from 2019.", None, None, None, "false"),
        ("Hoaks", None, None, None, "false"),
        ("Sebagian benar", None, None, None, "mixed"),
        ("Menyesatkan", None, None, None, "misleading"),
        ("ENGAÑOSO", None, None, None, "misleading"),
        ("Verdadero", None, None, None, "accurate"),
        ("Sin evidencia", None, None, None, "unsupported"),
        ("", 1.0, 6.0, 1.0, "false"),
        ("", 3.0, None, None, "mixed"),
        ("", 10.0, 10.0, 0.0, "accurate"),
        ("", 0.0, 0.0, 10.0, "accurate"),  # a scale that runs the other way
        ("Satire", None, None, None, None),
        ("", 7.0, 5.0, 1.0, None),  # off its scale
    ],
)
def test_a_rating_is_read_by_its_words_then_its_value(label, value, best, worst, rating):
    assert rating_for(label, value, best=best, worst=worst) == rating


@pytest.mark.parametrize("rating", Assessment.Rating.values)
def test_every_verdict_we_write_is_read_back_as_itself(rating):
    label = Assessment.Rating(rating).label
    assert rating_for(label, Assessment.RATING_VALUES[rating], best=5, worst=1) == rating


# --- Refused ----------------------------------------------------------------------------


def test_a_mediareview_is_refused_with_a_reason_and_nothing_is_imported(researcher):
    _, results = preview([ENGLISH, MEDIA_REVIEW])
    assert results[0].problems == []
    assert "is a MediaReview (a verdict on a photo or video)" in results[1].problems[0]

    with pytest.raises(ImportRejected):
        apply([ENGLISH, MEDIA_REVIEW], researcher)
    assert Claim.objects.count() == 0


@pytest.mark.parametrize(
    ("review", "problem"),
    [
        ({**ENGLISH, "claimReviewed": ""}, "names no claim"),
        (
            {**ENGLISH, "itemReviewed": {"@type": "Claim"}},
            "does not say who made the claim",
        ),
        ({**ENGLISH, "reviewRating": {"@type": "Rating"}}, "gives no rating"),
        (
            {**ENGLISH, "reviewRating": {"@type": "Rating", "alternateName": "Satire"}},
            "its rating “Satire” is not one Claimtrail can read",
        ),
        ({**ENGLISH, "url": "javascript:alert(1)"}, "is not a web address"),
        (
            {**ENGLISH, "datePublished": "0999-01-01"},
            "the review's date “0999-01-01” is outside the dates kept",
        ),
        ({**ENGLISH, "itemReviewed": {**ENGLISH["itemReviewed"], "inLanguage": "!!"}}, "BCP 47"),
    ],
    ids=["no-claim", "no-author", "no-rating", "unknown-rating", "bad-url", "old-date", "language"],
)
def test_a_review_that_cannot_be_imported_says_why(review, problem):
    _, results = preview([review])
    assert any(problem in text for text in results[0].problems), results[0].problems


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"@type": "ClaimReview", "claimReviewed": "x",', "is not valid JSON"),
        (b"", "The file is empty."),
        ('{"@type": "ClaimReview", "claimReviewed": "café"}'.encode("latin-1"), "not UTF-8"),
        (b"\x00\x01binary", "binary data"),
        (
            json.dumps({"@context": "https://schema.org", "@type": "NewsArticle"}).encode(),
            "holds no ClaimReview (it describes NewsArticle)",
        ),
        (b"<html><body>No markup here</body></html>", "The page holds no JSON-LD"),
        (
            b'<html><script type="application/ld+json">{broken</script></html>',
            "not valid JSON (1 broken block(s))",
        ),
        (b"[" * 100 + b"]" * 100, "nests deeper than"),
    ],
    ids=["malformed", "empty", "latin-1", "binary", "other-type", "no-jsonld", "broken", "deep"],
)
def test_a_file_that_is_no_claimreview_is_refused_plainly(data, message):
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(read_reviews(io.BytesIO(data)))


def test_a_datafeed_of_a_hundred_thousand_reviews_is_refused_before_any_is_read():
    feed = {"@type": "DataFeed", "dataFeedElement": [{"@type": "ClaimReview"}] * 100_000}
    with pytest.raises(ImportFileError, match="holds 100,000 reviews; an import takes at most"):
        list(read_reviews(io.BytesIO(json.dumps(feed).encode())))


def test_a_body_past_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(claimreview_import, "MAX_BYTES", 1000)
    with pytest.raises(ImportFileError, match="larger than"):
        list(read_reviews(io.BytesIO(b" " * 2000)))


# --- The command ------------------------------------------------------------------------


def write(tmp_path, name, document):
    path = tmp_path / name
    path.write_bytes(as_bytes(document))
    return str(path)


def test_the_command_previews_then_applies(tmp_path, researcher):
    feed = write(tmp_path, "feed.jsonld", SPANISH_FEED)
    out = io.StringIO()
    call_command("import_claimreview", feed, stdout=out)
    assert "Preview (nothing written; --apply to import): 2 reviews, 0 rejected." in out.getvalue()
    assert "  claim: 2 new, 0 matched" in out.getvalue()
    assert Claim.objects.count() == 0

    call_command("import_claimreview", feed, "--apply", "--user", "researcher", stdout=out)
    assert Claim.objects.count() == 2
    assert Assessment.objects.filter(assessed_by=researcher).count() == 2

    again = io.StringIO()
    call_command("import_claimreview", feed, "--apply", "--user", "researcher", stdout=again)
    assert "  claim: 0 new, 2 matched" in again.getvalue()
    assert Claim.objects.count() == 2


def test_the_command_exits_non_zero_when_nothing_can_be_imported(tmp_path, researcher):
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 reviews rejected"):
        call_command(
            "import_claimreview", write(tmp_path, "m.json", [ENGLISH, MEDIA_REVIEW]), stderr=err
        )
    assert "Review 2: is a MediaReview" in err.getvalue()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import_claimreview",
            write(tmp_path, "m.json", [ENGLISH, MEDIA_REVIEW]),
            "--apply",
            "--user",
            "researcher",
            stderr=io.StringIO(),
        )
    assert Claim.objects.count() == 0
    with pytest.raises(CommandError, match="is not valid JSON"):
        call_command("import_claimreview", write(tmp_path, "bad.json", b"{"))
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_claimreview", str(tmp_path / "missing.json"))
    with pytest.raises(CommandError, match="--user"):
        call_command("import_claimreview", write(tmp_path, "e.json", ENGLISH), "--apply")


def test_the_command_reads_a_page_by_its_address(web, researcher):
    web.pages["/fact-check"] = Page(INDONESIAN_PAGE.encode())
    out = io.StringIO()
    call_command(
        "import_claimreview",
        web.url("/fact-check"),
        "--apply",
        "--user",
        "researcher",
        stdout=out,
    )
    assert Claim.objects.get().language == "id"


# --- The page ---------------------------------------------------------------------------


def test_an_uploaded_file_is_previewed_on_the_import_page_then_applied(researcher_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("feed.jsonld", as_bytes(SPANISH_FEED), "application/ld+json")
    response = researcher_client.post(reverse("claims:claimreview-import"), {"file": upload})

    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response.url == batch.get_absolute_url()
    assert (batch.kind, batch.status, batch.row_count, batch.rejected_count) == (
        "claimreview",
        "previewed",
        2,
        0,
    )
    page = researcher_client.get(batch.get_absolute_url()).content.decode()
    assert "2 reviews, all importable" in page
    assert "La vacuna contiene un microchip de rastreo." in page
    assert "Engañoso" in page
    assert Claim.objects.count() == 0

    researcher_client.post(reverse("claims:pair-import-apply", args=[batch.pk]))

    batch.refresh_from_db()
    assert batch.status == "applied"
    assert Claim.objects.count() == 2
    assert batch.counts["assessment"] == {"create": 2, "match": 0}


def test_pasted_markup_and_a_page_address_are_imported_too(researcher_client, web):
    url = reverse("claims:claimreview-import")
    researcher_client.post(url, {"markup": json.dumps(GOOGLE)})
    web.pages["/cek"] = Page(INDONESIAN_PAGE.encode())
    researcher_client.post(url, {"url": web.url("/cek")})

    batches = list(ImportBatch.objects.order_by("pk"))
    assert [(b.filename, b.status, b.row_count) for b in batches] == [
        ("pasted.jsonld", "previewed", 1),
        (web.url("/cek"), "previewed", 1),
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"markup": "{not json"}, "is not valid JSON"),
        ({"markup": json.dumps({"@type": "NewsArticle"})}, "holds no ClaimReview"),
        ({}, "Choose a file, paste the markup, or give the page"),
        ({"url": "http://127.0.0.1:9/x"}, "127.0.0.1"),
    ],
    ids=["malformed", "other-type", "nothing", "private-address"],
)
def test_the_page_says_what_is_wrong_and_keeps_nothing(researcher_client, data, message):
    response = researcher_client.post(reverse("claims:claimreview-import"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_a_file_past_the_limit_is_refused_on_the_page(researcher_client, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    monkeypatch.setattr(claimreview_import, "MAX_BYTES", 1000)
    upload = SimpleUploadedFile("big.jsonld", b" " * 5000)
    response = researcher_client.post(reverse("claims:claimreview-import"), {"file": upload})
    assert "larger than" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_readers_cannot_import_reviews(reader_client):
    assert reader_client.get(reverse("claims:claimreview-import")).status_code == 403
    response = reader_client.post(
        reverse("claims:claimreview-import"), {"markup": json.dumps(ENGLISH)}
    )
    assert response.status_code == 403
    assert ImportBatch.objects.count() == 0


def test_the_import_page_and_the_csv_page_point_to_each_other(researcher_client):
    reviews = researcher_client.get(reverse("claims:claimreview-import")).content.decode()
    pairs = researcher_client.get(reverse("claims:pair-import")).content.decode()
    assert reverse("claims:pair-import") in reviews
    assert reverse("claims:claimreview-import") in pairs


def test_a_review_that_names_no_author_is_someone_elses_not_ours(researcher):
    anonymous = {key: value for key, value in ENGLISH.items() if key != "author"}
    apply(anonymous, researcher)
    assert Assessment.objects.get().reviewer == "factcheck.example.org"


def test_a_claim_with_a_verdict_of_our_own_keeps_it(researcher):
    perry = SpeakerFactory(name="Rick Perry")
    claim = ClaimFactory(speaker=perry, text=ENGLISH["claimReviewed"])
    Assessment.record(claim=claim, rating="mixed", explanation="Our own check.", by=researcher)

    _, results = preview(ENGLISH)

    assert "already has a verdict, “Mixed” by this newsroom" in results[0].problems[0]


def test_a_verdict_changed_here_is_ours_not_the_imported_reviewer_s(researcher, client):
    apply(ENGLISH, researcher)
    claim = Claim.objects.get()
    page = client
    page.force_login(researcher)
    assert "by Example Fact" in page.get(claim.get_absolute_url()).content.decode()

    Assessment.record(
        claim=claim,
        rating="mixed",
        explanation="We checked the jobs figures ourselves.",
        by=researcher,
        expected_version=claim.assessment.version,
    )

    verdict = Assessment.objects.get()
    assert (verdict.reviewer, verdict.reviewer_url, verdict.review_url) == ("", "", "")
    assert verdict.history.earliest("history_date").reviewer == "Example Fact"  # kept
