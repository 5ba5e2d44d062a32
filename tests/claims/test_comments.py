"""Discussion: comments with @mentions that notify exactly the users named, their edits and
deletions in history, and the notifications page."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from claims.comments import Comment, Notification, mentioned_usernames
from tests.factories import ClaimFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def team():
    return {
        "rita": UserFactory(username="rita", researcher=True, email="rita@example.org"),
        "dewi": UserFactory(username="dewi", researcher=True),
        "edna": UserFactory(username="edna", editor=True),
        "gone": UserFactory(username="gone", researcher=True, is_active=False),
        "rene": UserFactory(username="rene", reader=True),
    }


def comment_on(client, subject, text, kind="claims"):
    url = reverse(f"claims:{kind[:-1]}-comment-create", args=[subject.pk])
    return client.post(url, {"text": text})


def test_a_mention_is_a_username_where_a_word_starts():
    text = "Ask @dewi. And @edna, not rita@example.org, nor @@x; @rita.s too."
    assert mentioned_usernames(text) == {"dewi", "edna", "rita.s"}


def test_mentions_notify_exactly_the_active_users_named(team, django_capture_on_commit_callbacks):
    claim = ClaimFactory()
    text = (
        "@dewi can you check the Reuters wording? Not for rita@example.org, nor @gone, "
        "nor @nobody; @rita too. And @dewi again."
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = comment_on(client_for(team["edna"]), claim, text)
    assert response.status_code == 302
    notified = sorted(n.recipient.username for n in Notification.objects.all())
    assert notified == ["dewi", "rita"]
    assert [message.to for message in mail.outbox] == [["rita@example.org"]]
    assert "edna mentioned you" in mail.outbox[0].subject


def test_the_author_naming_themselves_is_not_notified(team):
    comment_on(client_for(team["dewi"]), ClaimFactory(), "Note to self, @dewi: reread.")
    assert not Notification.objects.exists()


def test_an_edit_keeps_the_old_text_in_history_and_notifies_only_the_newly_named(team):
    source = SourceFactory()
    dewi = client_for(team["dewi"])
    comment_on(dewi, source, "@edna the date is wrong.", kind="sources")
    comment = Comment.objects.get()
    response = dewi.post(
        reverse("claims:comment-update", args=[comment.pk]),
        {"text": "@edna the date is wrong; @rita agrees.", "version": comment.version},
    )
    assert response.status_code == 302
    assert sorted(n.recipient.username for n in Notification.objects.all()) == ["edna", "rita"]
    assert [h.text for h in comment.history.order_by("history_date")] == [
        "@edna the date is wrong.",
        "@edna the date is wrong; @rita agrees.",
    ]
    other = client_for(team["rita"]).post(
        reverse("claims:comment-update", args=[comment.pk]), {"text": "Mine now."}
    )
    assert other.status_code == 403


def test_a_deleted_comment_stays_in_history_and_only_its_author_deletes_it(team):
    claim = ClaimFactory()
    comment_on(client_for(team["dewi"]), claim, "First thought.")
    comment = Comment.objects.get()
    url = reverse("claims:comment-delete", args=[comment.pk])
    assert client_for(team["rita"]).post(url).status_code == 403
    assert client_for(team["dewi"]).post(url).status_code == 302
    assert not Comment.objects.exists()
    assert comment.history.filter(history_type="-").get().text == "First thought."


def test_a_reader_reads_the_discussion_but_cannot_comment(team):
    claim = ClaimFactory()
    comment_on(client_for(team["dewi"]), claim, "Checked against the wire copy.")
    rene = client_for(team["rene"])
    page = rene.get(reverse("claims:claim-comment-list", args=[claim.pk])).content.decode()
    assert "Checked against the wire copy." in page and "Add comment" not in page
    assert comment_on(rene, claim, "Me too.").status_code == 403


def test_the_notifications_page_count_and_marking_read(team, django_assert_num_queries):
    claim = ClaimFactory(text="China denies supplying weapons.")
    comment_on(client_for(team["edna"]), claim, "@dewi please take this one.")
    dewi = client_for(team["dewi"])
    # session, user, the unread count
    with django_assert_num_queries(3):
        count = dewi.get(reverse("claims:notification-count")).content.decode()
    assert 'aria-label="1 unread"' in count
    # session, user, the count for the pages, the page of notifications with their comments
    with django_assert_num_queries(4):
        page = dewi.get(reverse("claims:notification-list")).content.decode()
    assert "edna</strong> mentioned you" in page and "China denies supplying weapons." in page
    dewi.post(reverse("claims:notification-update"))
    assert (
        'aria-label="1 unread"'
        not in dewi.get(reverse("claims:notification-count")).content.decode()
    )


def test_a_comment_is_on_one_claim_or_one_source(team):
    response = comment_on(client_for(team["dewi"]), ClaimFactory(), "")
    assert response.status_code == 200 and not Comment.objects.exists()
