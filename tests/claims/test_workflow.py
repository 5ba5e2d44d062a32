"""A claim's way from "to check" to "published": every move for every role, the moves in
history, the publishing gate of the ClaimReview feed, assignment and the queue."""

import datetime
import json
from itertools import product

import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Assessment, Claim, Publisher
from claims.views.workflow import status_history
from claims.workflow import MOVES, PUBLISH, Status
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def move(client, claim: Claim, to: str, **data):
    claim.refresh_from_db()
    return client.post(
        reverse("claims:claim-move", args=[claim.pk]),
        {"to": to, "version": claim.version, **data},
        follow=True,
    )


@pytest.fixture
def people():
    return {
        "reader": UserFactory(username="rene", reader=True),
        "researcher": UserFactory(username="rita", researcher=True),
        "editor": UserFactory(username="edna", editor=True),
    }


@pytest.fixture
def publisher():
    return Publisher.objects.create(name="Cek Fakta", url="https://cekfakta.example.id/")


def test_every_move_for_every_role_is_allowed_or_refused_as_the_table_says(people, publisher):
    clients = {role: client_for(user) for role, user in people.items()}
    for (was, to), (role, client) in product(
        product(Status.values, Status.values), clients.items()
    ):
        claim = ClaimFactory(status=was)
        response = move(client, claim, to)
        claim.refresh_from_db()
        permission = MOVES[was].get(to)
        allowed = (
            permission is not None
            and role != "reader"
            and (permission != PUBLISH or role == "editor")
        )
        assert claim.status == (to if allowed else was), (role, was, to)
        if role == "reader":
            assert response.status_code == 403
        elif not allowed:
            text = response.content.decode()
            assert "Not moved:" in text, (role, was, to)
            assert ("Only Editors publish" in text) == (permission == PUBLISH), (role, was, to)


def test_the_moves_are_in_history_with_who_when_and_the_note(people, publisher):
    claim = ClaimFactory()
    rita, edna = client_for(people["researcher"]), client_for(people["editor"])
    move(rita, claim, Status.IN_PROGRESS)
    move(rita, claim, Status.IN_REVIEW, note="Reuters confirms the quote.")
    move(edna, claim, Status.CHECKED)
    changes = status_history(claim)
    assert [(c["who"], c["was"], c["now"]) for c in changes] == [
        ("rita", "To check", "In progress"),
        ("rita", "In progress", "In review"),
        ("edna", "In review", "Checked"),
    ]
    assert changes[1]["note"] == "Reuters confirms the quote."
    page = rita.get(claim.get_absolute_url()).content.decode()
    assert "Moves so far (3)" in page and "Reuters confirms the quote." in page


def test_a_move_made_on_a_stale_page_is_refused(people):
    claim = ClaimFactory(status=Status.IN_PROGRESS)
    stale = claim.version
    claim.notes = "Someone else's edit."
    claim.save()
    response = client_for(people["researcher"]).post(
        reverse("claims:claim-move", args=[claim.pk]),
        {"to": Status.IN_REVIEW, "version": stale},
        follow=True,
    )
    assert "Someone else changed this claim meanwhile" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Status.IN_PROGRESS


def feed_authors(client) -> list[str]:
    document = json.loads(client.get(reverse("claims:claimreview-feed")).content)
    return [node["itemReviewed"]["author"]["name"] for node in document["@graph"]]


def test_only_published_verdicts_are_in_the_feed_and_on_the_page(people, publisher):
    claim = ClaimFactory(status=Status.CHECKED, speaker__name="China")
    Assessment.record(
        claim=claim, rating="accurate", explanation="Its own words.", by=people["editor"]
    )
    reader, editor = client_for(people["reader"]), client_for(people["editor"])
    assert feed_authors(reader) == []
    assert "application/ld+json" not in reader.get(claim.get_absolute_url()).content.decode()

    move(editor, claim, Status.PUBLISHED)
    assert feed_authors(reader) == ["China"]
    assert "application/ld+json" in reader.get(claim.get_absolute_url()).content.decode()
    document = json.loads(reader.get(reverse("claims:claimreview-feed")).content)
    assert document["@graph"][0]["author"] == {
        "@type": "Organization",
        "name": "Cek Fakta",
        "url": "https://cekfakta.example.id/",
    }

    move(editor, claim, Status.CHECKED, note="Unpublished: the rating is being reviewed.")
    assert feed_authors(reader) == []


def test_publishing_under_the_placeholder_organisation_asks_for_the_real_one(people):
    claim = ClaimFactory(status=Status.CHECKED)
    editor = client_for(people["editor"])
    page = editor.get(claim.get_absolute_url()).content.decode()
    assert "Who publishes the verdicts" in page

    response = move(editor, claim, Status.PUBLISHED)
    assert "Say who publishes the verdicts first" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == Status.CHECKED

    move(
        editor,
        claim,
        Status.PUBLISHED,
        **{"publisher-name": "Cek Fakta", "publisher-url": "https://cekfakta.example.id/"},
    )
    claim.refresh_from_db()
    assert claim.status == Status.PUBLISHED
    assert Publisher.current().name == "Cek Fakta" and not Publisher.current().is_placeholder
    page = editor.get(ClaimFactory(status=Status.CHECKED).get_absolute_url()).content.decode()
    assert "Who publishes the verdicts" not in page


def test_assign_yourself_in_one_click(people):
    claim = ClaimFactory()
    rita = client_for(people["researcher"])
    page = rita.get(claim.get_absolute_url()).content.decode()
    assert "Assign to me" in page
    response = rita.post(
        reverse("claims:claim-field-update", args=[claim.pk, "assignee"]),
        {"assignee": people["researcher"].pk, "version": claim.version},
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.assignee == people["researcher"]
    assert (
        "Assigned to <strong>rita</strong>" in rita.get(claim.get_absolute_url()).content.decode()
    )


def test_the_queue_shows_mine_unassigned_waiting_for_review_and_overdue(
    people, django_assert_num_queries
):
    rita = people["researcher"]
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    mine = ClaimFactory(text="Mine to check.", assignee=rita, status=Status.IN_PROGRESS)
    late = ClaimFactory(text="Mine and late.", assignee=rita, due_on=yesterday)
    nobodys = ClaimFactory(text="Nobody has it.")
    review = ClaimFactory(text="Waiting for review.", assignee=people["editor"], status="in_review")
    ClaimFactory(text="Done already.", assignee=rita, status=Status.PUBLISHED, due_on=yesterday)
    client = client_for(rita)

    def listed(queue: str) -> list[str]:
        response = client.get(reverse("claims:queue-list") + f"?queue={queue}")
        return [row["text"] for row in response.context["page"]]

    assert listed("mine") == [late.text, mine.text]
    assert listed("unassigned") == [nobodys.text]
    assert listed("review") == [review.text]
    assert listed("overdue") == [late.text]
    # session, user, the count, the page's ids, its rows, their topics, the filters' topics
    with django_assert_num_queries(7):
        client.get(reverse("claims:queue-list") + "?queue=mine")
    filtered = client.get(reverse("claims:queue-list") + "?queue=mine&q=late")
    assert [row["text"] for row in filtered.context["page"]] == [late.text]


def test_the_navigation_counts_my_open_claims_and_those_waiting_for_review(
    people, django_assert_num_queries
):
    rita = people["researcher"]
    ClaimFactory(assignee=rita, status=Status.IN_PROGRESS)
    ClaimFactory(assignee=rita, status=Status.PUBLISHED)
    ClaimFactory(status=Status.IN_REVIEW)
    client = client_for(rita)
    # session, user, two counts
    with django_assert_num_queries(4):
        answer = client.get(reverse("claims:queue-count")).content.decode()
    assert 'aria-label="1 of mine open"' in answer and 'aria-label="1 waiting for review"' in answer


def take(client, claim: Claim, version: int, **headers):
    return client.post(
        reverse("claims:claim-take", args=[claim.pk]),
        {"version": version, "next": "/queue/?queue=unassigned"},
        **headers,
    )


def test_a_claim_is_taken_from_the_queue_in_one_click_and_its_row_says_so(people):
    rita = people["researcher"]
    claim = ClaimFactory(text="Nobody has it yet.")
    client = client_for(rita)
    row = client.get(reverse("claims:queue-list") + "?queue=unassigned").content.decode()
    assert "unassigned" in row and 'data-action="take"' in row

    answer = take(client, claim, claim.version, HTTP_HX_REQUEST="true")

    assert answer.status_code == 200
    assert "assigned to you" in answer.content.decode()
    assert 'data-action="take"' not in answer.content.decode()
    claim.refresh_from_db()
    assert claim.assignee == rita
    assert claim.history.first().history_user == rita
    # Without JavaScript the form goes back to the queue it was sent from.
    other = ClaimFactory()
    assert take(client, other, other.version)["Location"] == "/queue/?queue=unassigned"


def test_taking_a_claim_someone_took_meanwhile_leaves_it_theirs_and_says_so(people):
    claim = ClaimFactory()
    loaded_version = claim.version
    claim.assignee = people["editor"]
    claim.save()

    answer = take(client_for(people["researcher"]), claim, loaded_version, HTTP_HX_REQUEST="true")

    assert answer.status_code == 409
    assert "Someone else changed this claim meanwhile" in answer.content.decode()
    assert "assigned to edna" in answer.content.decode()
    claim.refresh_from_db()
    assert claim.assignee == people["editor"]


def test_a_reader_cannot_take_a_claim_and_is_offered_no_button(people):
    reader = client_for(people["reader"])
    claim = ClaimFactory()
    page = reader.get(reverse("claims:queue-list") + "?queue=unassigned").content.decode()
    assert claim.text in page and 'data-action="take"' not in page
    assert take(reader, claim, claim.version).status_code == 403
    claim.refresh_from_db()
    assert claim.assignee is None


def test_only_open_work_past_its_date_is_overdue_on_the_claim_page_and_in_lists(people):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    late = ClaimFactory(due_on=yesterday, assignee=people["researcher"])
    done = ClaimFactory(due_on=yesterday, assignee=people["researcher"], status=Status.PUBLISHED)
    client = client_for(people["researcher"])
    assert "overdue</span>" in client.get(late.get_absolute_url()).content.decode()
    assert "overdue</span>" not in client.get(done.get_absolute_url()).content.decode()
    rows = client.get(reverse("claims:queue-list") + "?queue=mine").context["page"]
    assert [(row["text"], row["work"]["overdue"]) for row in rows] == [(late.text, True)]
