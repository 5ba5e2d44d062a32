"""A speaker's stance over time: the timeline marks what each claim asserted, denied,
restated or retracted, with the role held that day, and suggests possible
self-contradictions of one voice for a researcher to confirm or dismiss."""

import datetime

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimRelation, DismissedContradiction, Role, Speaker
from claims.stance import (
    ASSERTS,
    DENIES,
    RELATION,
    RESTATES,
    RETRACTS,
    TEXT,
    Link,
    Said,
    contradictions,
    stance,
)
from tests.factories import ClaimFactory, ClaimRelationFactory, SpeakerFactory

HTMX = {"HX-Request": "true"}
DAY = datetime.date(2024, 10, 17)
# Said for China by its foreign ministry's spokesperson, against China's denial in Kontan
# ("China says it does not provide weapons to any party, and that normal trade with
# Russia must not be disrupted or restricted.").
ARMS = (
    "China provides weapons to any party that asks, and normal trade with Russia must be protected."
)


# The rules alone


@pytest.mark.parametrize(
    "kinds, expected",
    [
        ([], ASSERTS),
        (["supports", "qualifies"], ASSERTS),
        (["denies"], DENIES),
        (["disputes"], DENIES),
        (["restates"], RESTATES),
        (["restates", "denies"], DENIES),
        (["denies", "retracts"], RETRACTS),
    ],
)
def test_a_claims_stance_is_what_it_does_to_the_claims_it_answers(kinds, expected):
    assert stance(kinds) == expected


def said(pk, text, *, speaker=1, made_for=1, language="en", translation="", day=None):
    return Said(pk, speaker, made_for, day, text, language, translation)


def test_alike_words_of_one_voice_one_saying_no_are_a_possible_contradiction():
    denial = said(1, "China does not provide weapons to any party.")
    arms = said(2, "China provides weapons to any party that asks.", speaker=2)
    [found] = contradictions({1}, [denial, arms], [], set())
    assert (found.first, found.second, found.reason) == (1, 2, TEXT)
    assert found.score >= 0.4


@pytest.mark.parametrize(
    "other",
    [
        # Both say no: they agree.
        said(2, "China does not sell weapons to any party.", speaker=2),
        # Unrelated words of the same speaker.
        said(2, "Trade between the two countries grew last year.", speaker=1),
        # Alike, but another voice (another speaker, made for another body).
        said(2, "China provides weapons to any party that asks.", speaker=2, made_for=2),
        # In another language without an English translation: nothing to compare.
        said(2, "中国向任何一方提供武器。", speaker=1, language="zh"),
    ],
)
def test_no_contradiction_is_suggested_for(other):
    denial = said(1, "China does not provide weapons to any party.")
    assert contradictions({1}, [denial, other], [], set()) == []


def test_languages_meet_through_their_english():
    denial = said(
        1,
        "China mengatakan bahwa pihaknya tidak menyediakan persenjataan kepada pihak mana pun.",
        language="id",
        translation="China says it does not provide weapons to any party.",
    )
    arms = said(2, "China provides weapons to any party that asks.", speaker=2)
    assert [found.reason for found in contradictions({2}, [denial, arms], [], set())] == [TEXT]


def test_a_pair_related_dismissed_or_without_the_speaker_is_not_suggested():
    denial = said(1, "China does not provide weapons to any party.")
    arms = said(2, "China provides weapons to any party that asks.", speaker=2)
    assert contradictions({1}, [denial, arms], [Link(1, 2, "responds_to")], set()) == []
    assert contradictions({1}, [denial, arms], [], {(1, 2)}) == []
    assert contradictions({3}, [denial, arms], [], set()) == []


def test_one_agreeing_and_one_disagreeing_with_a_third_claim_contradict():
    first = said(1, "The talks were substantive.", day=datetime.date(2024, 10, 15))
    second = said(2, "Nothing came of the meeting.", speaker=2, day=datetime.date(2024, 10, 14))
    links = [Link(99, 1, "supports"), Link(99, 2, "disputes")]
    [found] = contradictions({1}, [first, second], links, set())
    # The earlier said first.
    assert (found.first, found.second, found.reason, found.through) == (2, 1, RELATION, 99)


# The timeline page


def timeline_url(speaker: Speaker) -> str:
    return reverse("claims:speaker-timeline", args=[speaker.pk])


def entry_of(response, claim: Claim):
    return next(e for e in response.context["timeline"].entries if e.claim.pk == claim.pk)


@pytest.mark.django_db
def test_the_timeline_marks_what_each_claim_does(reader_client, demo):
    china = Speaker.objects.get(name="China")
    denial = Claim.objects.get(speaker=china)
    again = ClaimFactory(speaker=china, text="China does not arm either side.", stated_on=DAY)
    ClaimRelation.objects.create(claim=denial, counter=again, kind="restates")
    old = ClaimFactory(speaker=china, text="Some trade may be restricted.", stated_on=DAY)
    withdrawn = ClaimFactory(speaker=china, text="Trade must never be restricted.", stated_on=DAY)
    ClaimRelation.objects.create(claim=old, counter=withdrawn, kind="retracts")

    response = reader_client.get(timeline_url(china), headers=HTMX)
    assert response.status_code == 200
    marks = {entry.claim.pk: entry.stance_label for entry in response.context["timeline"].entries}
    assert marks == {
        denial.pk: "Denied",
        again.pk: "Restated",
        old.pk: "Asserted",
        withdrawn.pk: "Retracted",
    }
    html = response.content.decode()
    assert 'class="badge stance stance-denies">Denied</span>' in html
    assert 'class="badge stance stance-retracts">Retracted</span>' in html


@pytest.mark.django_db
def test_the_timeline_gives_the_role_held_on_each_claims_day(reader_client, demo):
    belousov = Speaker.objects.get(name="Andrei Belousov")
    Role.objects.create(
        speaker=belousov,
        title="First Deputy Prime Minister",
        start=datetime.date(2020, 1, 21),
        end=datetime.date(2024, 5, 12),
    )
    earlier = ClaimFactory(speaker=belousov, stated_on=datetime.date(2023, 3, 1))
    talks = Claim.objects.filter(speaker=belousov, stated_on=datetime.date(2024, 10, 15)).first()

    response = reader_client.get(timeline_url(belousov))
    assert str(entry_of(response, earlier).role) == "First Deputy Prime Minister"
    assert (
        str(entry_of(response, talks).role) == "Minister of Defence, Ministry of Defence of Russia"
    )
    assert "as Minister of Defence, Ministry of Defence of Russia then" in response.content.decode()


@pytest.mark.django_db
def test_unrelated_claims_of_one_speaker_are_not_suggested(reader_client, demo):
    belousov = Speaker.objects.get(name="Andrei Belousov")
    response = reader_client.get(timeline_url(belousov))
    assert response.context["timeline"].suggestions == []
    assert "None found." in response.content.decode()


def lin_jian_arms() -> Claim:
    """Lin Jian speaks for the foreign ministry, which speaks for China (the demo's roles)."""
    return ClaimFactory(
        speaker=Speaker.objects.get(name="Lin Jian"), text=ARMS, language="en", stated_on=DAY
    )


@pytest.mark.django_db
def test_a_spokesperson_contradicting_the_government_they_speak_for_is_suggested(
    reader_client, demo
):
    arms = lin_jian_arms()
    denial = Claim.objects.get(speaker__name="China")
    assert arms.made_for.name == "China" and denial.made_for.name == "China"

    for speaker in (arms.speaker, denial.speaker):
        response = reader_client.get(timeline_url(speaker))
        [found] = response.context["timeline"].suggestions
        # Undated claims come after dated ones.
        assert (found.first, found.second, found.reason) == (arms, denial, TEXT)
        html = response.content.decode()
        assert f'id="contradiction-{arms.pk}-{denial.pk}"' in html
        assert "only one of them says no" in html
        pair = html[html.index(f'id="contradiction-{arms.pk}-{denial.pk}"') :]
        assert pair.index("<strong>The earlier</strong>") < pair.index(ARMS)
        assert "(undated: taken as the later)" in html
        assert 'name="kind"' not in html  # a reader answers nothing


@pytest.mark.django_db
def test_a_relation_through_a_third_claim_is_suggested_on_the_bodys_page(reader_client, demo):
    # China's defence ministry supports Belousov's account of the talks (the demo); China
    # disputing that account disagrees with its own ministry.
    talks = Claim.objects.get(speaker__name="Andrei Belousov", text__contains="substantif")
    ministry = Claim.objects.get(speaker__name="Ministry of National Defense of China")
    china = Speaker.objects.get(name="China")
    doubt = ClaimFactory(speaker=china, text="The talks settled nothing.", stated_on=DAY)
    ClaimRelationFactory(claim=talks, counter=doubt, kind="disputes")

    response = reader_client.get(timeline_url(china))
    [found] = response.context["timeline"].suggestions
    assert {found.first, found.second} == {ministry, doubt}
    assert found.reason == RELATION and found.through == talks
    assert "one agrees with" in response.content.decode()


@pytest.mark.django_db
def test_a_researcher_confirms_a_contradiction_as_a_relation_in_history(
    researcher_client, researcher, demo
):
    arms = lin_jian_arms()
    denial = Claim.objects.get(speaker__name="China")
    url = reverse("claims:contradiction-accept", args=[arms.speaker_id])
    page = researcher_client.get(timeline_url(arms.speaker)).content.decode()
    assert f'hx-post="{url}"' in page

    # Posted in either order: the earlier is the claim answered.
    response = researcher_client.post(
        url, {"first": denial.pk, "second": arms.pk, "kind": "retracts"}, headers=HTMX
    )
    assert response.status_code == 200
    relation = ClaimRelation.objects.get(claim=arms, counter=denial)
    assert relation.kind == "retracts"
    assert relation.history.get().history_user == researcher
    timeline = response.context["timeline"]
    assert timeline.suggestions == [] and timeline.recorded == [relation]
    assert b"Recorded the contradiction." in response.content
    assert b'id="speaker-timeline"' in response.content and b"<html" not in response.content


@pytest.mark.django_db
def test_a_dismissed_contradiction_is_kept_and_not_suggested_again(
    researcher_client, researcher, demo
):
    arms = lin_jian_arms()
    denial = Claim.objects.get(speaker__name="China")
    url = reverse("claims:contradiction-dismiss", args=[arms.speaker_id])
    response = researcher_client.post(url, {"first": arms.pk, "second": denial.pk})
    assert response.status_code == 302 and response["Location"] == arms.speaker.get_absolute_url()
    dismissed = DismissedContradiction.objects.get()
    assert (dismissed.first, dismissed.second, dismissed.dismissed_by) == (
        min(arms, denial, key=lambda c: c.pk),
        max(arms, denial, key=lambda c: c.pk),
        researcher,
    )
    # Dismissing again changes nothing; no page suggests it any more.
    researcher_client.post(url, {"first": denial.pk, "second": arms.pk}, headers=HTMX)
    assert DismissedContradiction.objects.count() == 1
    assert dismissed.history.count() == 1
    for speaker in (arms.speaker, denial.speaker):
        assert researcher_client.get(timeline_url(speaker)).context["timeline"].suggestions == []
    assert not ClaimRelation.objects.filter(claim__in=[arms, denial], counter__in=[arms, denial])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, message",
    [
        ({"first": 999999, "second": "x", "kind": "retracts"}, "That claim is gone"),
        ({"first": "", "kind": "retracts"}, "This field is required"),
        ({"kind": "agrees"}, "Select a valid choice"),
    ],
)
def test_bad_answers_are_refused_in_words(researcher_client, demo, data, message):
    arms = lin_jian_arms()
    response = researcher_client.post(
        reverse("claims:contradiction-accept", args=[arms.speaker_id]), data, headers=HTMX
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ClaimRelation.objects.count() == 2  # the demo's


@pytest.mark.django_db
def test_two_claims_not_of_one_voice_or_not_the_speakers_are_refused(researcher_client, demo):
    arms = lin_jian_arms()
    allegation = Claim.objects.get(speaker__name="United States")
    denial = Claim.objects.get(speaker__name="China")
    url = reverse("claims:contradiction-accept", args=[arms.speaker_id])
    response = researcher_client.post(
        url, {"first": arms.pk, "second": allegation.pk, "kind": "disputes"}, headers=HTMX
    )
    assert "do not speak with one voice" in response.content.decode()
    talks = Claim.objects.get(speaker__name="Andrei Belousov", text__contains="substantif")
    other_page = reverse("claims:contradiction-dismiss", args=[talks.speaker_id])
    response = researcher_client.post(other_page, {"first": arms.pk, "second": denial.pk})
    assert response.status_code == 200
    assert response.context["answer_errors"] == ["Neither claim is Andrei Belousov's."]
    assert ClaimRelation.objects.count() == 2 and not DismissedContradiction.objects.exists()


@pytest.mark.django_db
def test_confirming_a_pair_already_related_says_so(researcher_client, demo):
    arms = lin_jian_arms()
    denial = Claim.objects.get(speaker__name="China")
    ClaimRelationFactory(claim=arms, counter=denial, kind="qualifies")
    response = researcher_client.post(
        reverse("claims:contradiction-accept", args=[arms.speaker_id]),
        {"first": arms.pk, "second": denial.pk, "kind": "retracts"},
        headers=HTMX,
    )
    assert "These two claims are already related." in response.content.decode()
    assert ClaimRelation.objects.get(claim=arms).kind == "qualifies"


@pytest.mark.django_db
def test_a_reader_cannot_confirm_or_dismiss(reader_client, demo):
    arms = lin_jian_arms()
    denial = Claim.objects.get(speaker__name="China")
    for name in ("claims:contradiction-accept", "claims:contradiction-dismiss"):
        url = reverse(name, args=[arms.speaker_id])
        data = {"first": arms.pk, "second": denial.pk, "kind": "retracts"}
        assert reader_client.post(url, data).status_code == 403
        assert reader_client.get(url).status_code == 405
    assert ClaimRelation.objects.count() == 2 and not DismissedContradiction.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [2, 20])
def test_the_timeline_costs_the_same_queries_whatever_the_number_of_claims(
    researcher_client, django_assert_num_queries, rows
):
    body = SpeakerFactory(name="Ministry")
    speaker = SpeakerFactory(name="Spokesperson")
    Role.objects.create(speaker=speaker, title="Spokesperson", organisation=body, speaks_for=True)
    for n in range(rows):
        mine = ClaimFactory(speaker=speaker, text=f"We do not sell arms, number {n}.")
        theirs = ClaimFactory(speaker=body, text=f"We sell arms, number {n}.")
        ClaimRelationFactory(claim=ClaimFactory(), counter=mine, kind="denies")
        ClaimRelationFactory(claim=ClaimFactory(), counter=theirs, kind="supports")
    # session, user, speaker, their claims, their roles, the claims of their voice, the
    # relations touching either, the dismissed pairs, permissions (2)
    with django_assert_num_queries(10):
        response = researcher_client.get(timeline_url(speaker), headers=HTMX)
    assert len(response.context["timeline"].entries) == rows
    assert response.context["timeline"].suggestions
