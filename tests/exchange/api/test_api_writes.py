"""Writes through the API follow the pages' rules: the same forms (anchoring a quote, a
new outlet typed by name, a pair recorded once), the same version check (412 with the
record as stored, 428 without If-Match), and each write in history with who made it."""

import json

import pytest

from claims.models import Assessment, Citation, ClaimRelation, Speaker, Topic
from sources.models import Outlet, Source
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    OutletFactory,
    SourceFactory,
    SpeakerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
JSON = "application/json"


def post(client, path, body):
    return client.post(path, body, content_type=JSON)


def change(client, method, path, body, version):
    return client.generic(
        method,
        path,
        data=json.dumps(body),
        content_type=JSON,
        headers={"if-match": f'"{version}"'},
    )


def last_user(record):
    return record.history.order_by("-history_date", "-history_id").first().history_user


def test_a_source_with_a_new_outlet_typed_by_name_as_the_source_form_allows(api):
    response = post(
        api["researcher"],
        "/api/sources/",
        {
            "title": "Rusia dan China bersatu",
            "new_outlet": "Kontan",
            "kind": "article",
            "url": "https://internasional.kontan.co.id/news/rusia",
            "language": "id",
            "published_at": "2024-10-16",
            "body": "Belousov berkata.\r\nItu saja.",
        },
    )
    assert response.status_code == 201, response.json()
    source = Source.objects.get(title="Rusia dan China bersatu")
    assert source.outlet.name == "Kontan"
    assert source.body == "Belousov berkata.\nItu saja."  # the form's own clean_body
    assert response.json()["published_at"] == "2024-10-16"
    assert last_user(source) == api.users["researcher"]


def test_a_citation_is_anchored_in_its_source_as_the_page_anchors_it(api):
    source = SourceFactory(body="Kata Belousov, kedua negara bersatu dalam penilaian mereka.")
    claim = ClaimFactory(text="bersatu dalam penilaian", language="id")
    response = post(
        api["researcher"],
        "/api/citations/",
        {
            "claim": claim.pk,
            "source": source.pk,
            "quote": "bersatu dalam penilaian",
            "relays": "Reuters ← Russian Ministry of Defence (Telegram)",
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["verification"] == "verified"
    assert body["relays"] == "Reuters ← Russian Ministry of Defence (Telegram)"
    citation = Citation.objects.get(pk=body["id"])
    assert (citation.anchor_start, citation.anchor_end) == (28, 51)
    assert last_user(citation) == api.users["researcher"]
    again = post(
        api["researcher"],
        "/api/citations/",
        {
            "claim": claim.pk,
            "source": source.pk,
            "quote": "bersatu dalam penilaian",
        },
    )
    assert again.status_code == 400
    assert "quote" in again.json()["errors"]
    assert Citation.objects.filter(claim=claim).count() == 1


def test_a_citation_keeps_its_source_once_made(api):
    citation = CitationFactory()
    response = change(
        api["researcher"],
        "PATCH",
        f"/api/citations/{citation.pk}/",
        {"source": SourceFactory().pk},
        citation.version,
    )
    assert response.status_code == 400
    assert response.json()["errors"]["source"] == ["This field is read-only."]


def test_a_relation_is_recorded_once_and_edited_and_deleted(api):
    allegation, denial = ClaimFactory(), ClaimFactory()
    client = api["researcher"]
    made = post(
        client,
        "/api/relations/",
        {
            "claim": allegation.pk,
            "counter": denial.pk,
            "kind": "denies",
            "note": "the pair",
        },
    )
    assert made.status_code == 201, made.json()
    relation = ClaimRelation.objects.get()
    assert (relation.claim, relation.counter, relation.kind) == (allegation, denial, "denies")
    twice = post(
        client,
        "/api/relations/",
        {"claim": denial.pk, "counter": allegation.pk, "kind": "disputes"},
    )
    assert twice.status_code == 400
    assert "already related" in str(twice.json()["errors"])
    edited = change(
        client, "PATCH", f"/api/relations/{relation.pk}/", {"kind": "disputes"}, relation.version
    )
    assert edited.status_code == 200 and edited.json()["kind"] == "disputes"
    assert client.delete(f"/api/relations/{relation.pk}/").status_code == 204
    assert not ClaimRelation.objects.exists()
    deleted = ClaimRelation.history.filter(id=relation.pk, history_type="-").get()
    assert deleted.history_user == api.users["researcher"]


def test_a_verdict_is_given_changed_and_a_second_first_one_is_a_conflict(api):
    claim = ClaimFactory()
    client = api["researcher"]
    first = post(
        client,
        "/api/assessments/",
        {"claim": claim.pk, "rating": "false", "explanation": "No evidence."},
    )
    assert first.status_code == 201, first.json()
    assessment = Assessment.objects.get(claim=claim)
    assert assessment.assessed_by == api.users["researcher"]
    second = post(
        api["editor"],
        "/api/assessments/",
        {"claim": claim.pk, "rating": "accurate", "explanation": "Other."},
    )
    assert second.status_code == 409
    assert second.json()["current"]["rating"] == "false"
    changed = change(
        api["editor"],
        "PUT",
        f"/api/assessments/{assessment.pk}/",
        {"rating": "misleading", "explanation": "Half of it."},
        assessment.version,
    )
    assert changed.status_code == 200, changed.json()
    assessment.refresh_from_db()
    assert (assessment.rating, assessment.assessed_by) == ("misleading", api.users["editor"])
    assert assessment.history.count() == 2


def test_deleting_a_topic_takes_it_off_its_claims_in_their_history(api):
    topic = TopicFactory(name="Taiwan")
    claim = ClaimFactory()
    claim.topics.add(topic)
    assert api["researcher"].delete(f"/api/topics/{topic.pk}/").status_code == 204
    assert not Topic.objects.exists()
    assert list(claim.topics.all()) == []


def test_a_speaker_with_claims_cannot_be_deleted_and_is_told_what_holds_it(api):
    claim = ClaimFactory(speaker=SpeakerFactory(name="Belousov"))
    response = api["researcher"].delete(f"/api/speakers/{claim.speaker_id}/")
    assert response.status_code == 409
    assert response.json()["held_by"][0]["id"] == claim.pk
    assert Speaker.objects.filter(pk=claim.speaker_id).exists()


def record_of(kind):
    return {
        "outlets": lambda: OutletFactory(name="Kontan"),
        "sources": lambda: SourceFactory(title="Kontan, 16 October"),
        "speakers": lambda: SpeakerFactory(name="Lin Jian"),
        "claims": lambda: ClaimFactory(text="We do not supply weapons."),
        "citations": lambda: CitationFactory(quote="We do not supply weapons."),
        "relations": lambda: ClaimRelationFactory(note="the pair"),
        "topics": lambda: TopicFactory(name="Taiwan"),
    }[kind]()


EDITS = {
    "outlets": {"name": "Kontan.co.id"},
    "sources": {"title": "Kontan, 16 October 2024"},
    "speakers": {"description": "Spokesperson"},
    "claims": {"translation": "We supply no weapons."},
    "citations": {"locator": "para. 9"},
    "relations": {"note": "the headline pair"},
    "topics": {"description": "Cross-strait"},
}


@pytest.mark.parametrize("plural", sorted(EDITS))
@pytest.mark.parametrize("method", ["PUT", "PATCH"])
def test_every_resource_refuses_a_stale_or_missing_version_and_keeps_what_was_saved(
    api, plural, method
):
    record = record_of(plural)
    path = f"/api/{plural}/{record.pk}/"
    client = api["researcher"]
    shown = client.get(path)
    body = {
        **{k: v for k, v in shown.json().items() if k in writable(client, plural, record)},
        **EDITS[plural],
    }
    if method == "PATCH":
        body = EDITS[plural]
    missing = client.generic(method, path, data=json.dumps(body), content_type=JSON)
    assert missing.status_code == 428
    saved = change(client, method, path, body, shown["ETag"].strip('"'))
    assert saved.status_code == 200, saved.json()
    field, value = next(iter(EDITS[plural].items()))
    assert saved.json()[field] == value
    assert last_user(type(record).objects.get(pk=record.pk)) == api.users["researcher"]
    stale = change(
        client, method, path, {**body, field: "someone else's"}, shown["ETag"].strip('"')
    )
    assert stale.status_code == 412
    assert stale.json()["current"][field] == value
    assert stale["ETag"] == saved["ETag"]
    record.refresh_from_db()
    assert getattr(record, field) == value


def writable(client, plural, record) -> set[str]:
    """The fields a PUT takes for this resource, as the schema gives them."""
    schema = client.get("/api/schema/", {"format": "json"}).json()
    ref = schema["paths"][f"/api/{plural}/{{id}}/"]["put"]["requestBody"]["content"][JSON]
    name = ref["schema"]["$ref"].rsplit("/", 1)[-1]
    return set(schema["components"]["schemas"][name]["properties"])


def test_a_claims_topics_and_joint_speakers_are_changed_by_id_in_one_version(api):
    claim = ClaimFactory()
    taiwan, other = TopicFactory(name="Taiwan"), SpeakerFactory(name="Zhang Youxia")
    response = change(
        api["researcher"],
        "PATCH",
        f"/api/claims/{claim.pk}/",
        {"topics": [taiwan.pk], "joint_speakers": [other.pk]},
        claim.version,
    )
    assert response.status_code == 200, response.json()
    claim.refresh_from_db()
    assert list(claim.topics.all()) == [taiwan]
    assert list(claim.joint_speakers.all()) == [other]
    assert claim.version == 2


def test_an_outlet_made_through_the_api_is_listed_in_cursor_pages(api):
    for number in range(3):
        OutletFactory(name=f"Outlet {number}")
    first = api["reader"].get("/api/outlets/", {"page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"]
    rest = api["reader"].get(first["next"]).json()
    names = [row["name"] for row in first["results"] + rest["results"]]
    assert sorted(names) == ["Outlet 0", "Outlet 1", "Outlet 2"]
    assert Outlet.objects.count() == 3


def test_a_patch_keeps_what_it_does_not_name_a_sources_moment_and_its_day_alone(api):
    kontan = post(
        api["researcher"],
        "/api/sources/",
        {
            "title": "Kontan",
            "new_outlet": "Kontan",
            "kind": "article",
            "language": "id",
            "published_at": "2024-10-16T14:45:00Z",
        },
    ).json()
    reuters = post(
        api["researcher"],
        "/api/sources/",
        {
            "title": "Reuters",
            "new_outlet": "Reuters",
            "kind": "wire_report",
            "language": "en",
            "published_at": "2024-10-16",
        },
    ).json()
    for made, published in [(kontan, "2024-10-16T14:45:00+00:00"), (reuters, "2024-10-16")]:
        assert made["published_at"] == published
        response = change(
            api["researcher"],
            "PATCH",
            f"/api/sources/{made['id']}/",
            {"notes": "checked"},
            made["version"],
        )
        assert response.status_code == 200, response.json()
        assert response.json()["published_at"] == published
        assert response.json()["outlet"] == made["outlet"]
        assert response.json()["notes"] == "checked"
