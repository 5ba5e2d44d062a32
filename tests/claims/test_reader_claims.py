import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claims.models import Citation, Claim, Hop
from sources.models import Source
from tests.factories import OutletFactory, SourceFactory, SpeakerFactory, TopicFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
BODY = "He said: we agree. Later, they said: we agree. Nothing more."


def claim_data(speaker, **overrides) -> dict:
    data = {
        "quote": "we agree",
        "start": "9",
        "prefix": "He said: ",
        "suffix": ". Later",
        "speaker": speaker.pk if speaker else "",
        "speaker_search": speaker.name if speaker else "",
        "text": "We agree.",
        "kind": "direct_quote",
        "language": "en",
        "translation": "",
        "stated_on": "2024-10-15",
        "locator": "",
    }
    return {**data, **overrides}


def url(source):
    return reverse("claims:source-claim-create", args=[source.pk])


def test_the_manager_creates_claim_and_anchored_citation_at_the_selected_occurrence():
    source = SourceFactory(body=BODY)
    speaker = SpeakerFactory()
    claim, citation = Claim.objects.create_with_citation(
        speaker=speaker,
        text="We agree.",
        language="en",
        source=source,
        quote="we agree",
        prefix="they said: ",
        suffix=". Nothing",
        start=37,
    )
    assert claim.citations.get() == citation
    assert citation.verification == Citation.Verification.VERIFIED
    assert BODY[citation.anchor_start : citation.anchor_end] == "we agree"
    assert citation.anchor_start == BODY.rindex("we agree")


def test_the_manager_creates_nothing_when_the_quote_is_ambiguous():
    source = SourceFactory(body=BODY)
    with pytest.raises(ValidationError) as error:
        Claim.objects.create_with_citation(
            speaker=SpeakerFactory(), text="x", language="en", source=source, quote="we agree"
        )
    assert "quote" in error.value.message_dict
    assert not Claim.objects.exists()


def test_an_anonymous_visitor_is_asked_to_sign_in(client):
    source = SourceFactory(body=BODY)
    response = client.get(url(source))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_reader_gets_a_403_that_says_why(reader_client, method):
    source = SourceFactory(body=BODY)
    response = getattr(reader_client, method)(url(source), claim_data(SpeakerFactory()))
    assert response.status_code == 403
    assert "only Researchers can" in response.content.decode()
    assert not Claim.objects.exists()


def test_the_form_is_prefilled_from_the_selection_as_a_page_or_a_fragment(researcher_client):
    source = SourceFactory(body=BODY, language="id")
    selection = {"quote": "we agree", "start": "9", "prefix": "He said: ", "suffix": ". Later"}
    page = researcher_client.get(url(source), selection)
    fragment = researcher_client.get(url(source), selection, headers=HX)

    assert "<html" in page.content.decode()
    html = fragment.content.decode()
    assert "<html" not in html
    form = fragment.context["form"]
    assert form["quote"].value() == "we agree"
    assert form["start"].value() == 9
    assert form["prefix"].value() == "He said: "
    assert form["language"].value() == "id"
    assert 'role="combobox"' in html


def test_the_kind_starts_as_a_direct_quote_only_for_words_between_quotation_marks(
    researcher_client,
):
    body = "Lin Jian said “we never sold weapons” and called the trade normal."
    source = SourceFactory(body=body)

    def kind(words: str, start: int | None = None) -> str:
        offset = body.index(words) if start is None else start
        selection = {"quote": words, "start": str(offset)}
        return researcher_client.get(url(source), selection).context["form"]["kind"].value()

    assert kind("we never sold weapons") == "direct_quote"
    assert kind("called the trade normal") == "paraphrase"
    # An offset that does not point at the words (a stale page) is looked up in the text.
    assert kind("we never sold weapons", start=0) == "direct_quote"


def test_saving_with_htmx_answers_the_reader_body_with_the_new_highlight(researcher_client):
    source = SourceFactory(body=BODY)
    speaker = SpeakerFactory(name="Alpha")
    topic = TopicFactory()

    response = researcher_client.post(
        url(source), {**claim_data(speaker), "topics": [topic.pk]}, headers=HX
    )

    claim = Claim.objects.get()
    citation = claim.citations.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert (claim.speaker, claim.kind, list(claim.topics.all())) == (
        speaker,
        "direct_quote",
        [topic],
    )
    assert (citation.anchor_start, citation.verification) == (9, "verified")
    assert 'id="reader-body"' in html and "<html" not in html
    assert f'<a class="hl hl-verified" href="{claim.get_absolute_url()}"' in html
    assert "Claim saved" in html


def test_saving_without_htmx_redirects_to_the_reader(researcher_client):
    source = SourceFactory(body=BODY)
    response = researcher_client.post(url(source), claim_data(SpeakerFactory()))
    assert response.status_code == 302
    assert response["Location"] == source.get_absolute_url()
    assert Claim.objects.count() == 1


def test_without_javascript_a_typed_speaker_name_or_alias_is_enough(researcher_client):
    source = SourceFactory(body=BODY)
    speaker = SpeakerFactory(name="Andrei Belousov", aliases="Menhan Rusia")
    researcher_client.post(url(source), claim_data(None, speaker_search="Menhan Rusia"))
    assert Claim.objects.get().speaker == speaker


def test_a_missing_or_unknown_speaker_re_renders_the_form_with_the_input_kept(
    researcher_client,
):
    source = SourceFactory(body=BODY)
    for typed, message in [("", "Choose a speaker."), ("Nobody", "No speaker matches")]:
        response = researcher_client.post(
            url(source), claim_data(None, speaker_search=typed, text="Kept words"), headers=HX
        )
        assert response.status_code == 200
        assert response["HX-Retarget"] == "#claim-panel"
        html = response.content.decode()
        assert message in html
        assert "Kept words" in html
    assert not Claim.objects.exists()


def test_an_ambiguous_quote_is_a_readable_form_error_not_a_500(researcher_client):
    source = SourceFactory(body=BODY)
    response = researcher_client.post(
        url(source), claim_data(SpeakerFactory(), start="", prefix="", suffix="")
    )
    assert response.status_code == 200
    assert "occur 2 times" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_quote_not_in_the_text_is_kept_and_flagged(researcher_client):
    source = SourceFactory(body=BODY)
    researcher_client.post(
        url(source), claim_data(SpeakerFactory(), quote="words never printed", start="")
    )
    assert Citation.objects.get().verification == Citation.Verification.NOT_FOUND


def test_hostile_values_are_refused_with_errors_not_a_500(researcher_client):
    source = SourceFactory(body=BODY)
    response = researcher_client.post(
        url(source),
        {
            **claim_data(None),
            "start": "-5",
            "stated_on": "2024-13-45",
            "language": "not a language",
            "kind": "bogus",
            "speaker": "999999",
        },
    )
    assert response.status_code == 200
    assert {"start", "stated_on", "kind", "speaker"} <= set(response.context["form"].errors)
    assert not Claim.objects.exists()


@pytest.mark.parametrize("claims", [1, 12])
def test_the_answer_after_a_save_costs_the_same_queries_whatever_the_source_holds(
    researcher_client, django_assert_num_queries, claims
):
    words = [f"<{n}>" for n in range(claims)]
    source = SourceFactory(body=" ".join(words) + " " + BODY)
    speaker = SpeakerFactory()
    for word in words:
        Claim.objects.create_with_citation(
            speaker=speaker, text=word, language="en", source=source, quote=word
        )
    # 47, whatever the source holds: among them the roles (the body the claim is made
    # for), the history of its joint speakers, the check that the passage is not cited
    # already, storing what represents the claim and the new citation's chain, three
    # each that check the claim's date stated and due date are in range, and the
    # savepoint of adding its passage, and the source's snapshots the reader lists.
    with django_assert_num_queries(48):
        researcher_client.post(url(source), claim_data(speaker), headers=HX)
    assert Claim.objects.count() == claims + 1


def test_a_claim_relayed_through_others_keeps_them_as_hops_without_placeholder_sources(
    researcher_client,
):
    source = SourceFactory(body=BODY, outlet__name="Kontan")
    reuters = OutletFactory(name="Reuters", kind="wire_agency")
    data = {
        **claim_data(SpeakerFactory()),
        "relays": "reuters ← Russian Ministry of Defence's Telegram post ; Belousov's briefing",
    }
    researcher_client.post(url(source), data)

    claim = Claim.objects.get()
    mine = claim.citations.get()
    assert Source.objects.count() == 1  # no placeholder sources for the hops
    hops = list(mine.hops.values_list("position", "name", "outlet", "kind"))
    assert hops == [
        (1, "reuters", reuters.pk, "outlet"),
        (2, "Russian Ministry of Defence's Telegram post", None, "channel"),
        (3, "Belousov's briefing", None, "venue"),
    ]
    assert mine.verification == "verified"
    expected = (
        "Kontan ← Reuters ← Russian Ministry of Defence's Telegram post ← Belousov's briefing"
    )
    assert mine.chain_label() == mine.attribution_chain == expected


def test_a_chain_of_relays_too_long_to_be_real_is_refused_in_the_form(researcher_client):
    source = SourceFactory(body=BODY)
    data = {**claim_data(SpeakerFactory()), "relays": " ← ".join(f"Hop {n}" for n in range(11))}
    response = researcher_client.post(url(source), data)
    assert response.status_code == 200
    assert "At most 10 hops" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_relay_name_the_database_cannot_hold_is_refused_before_any_lookup(researcher_client):
    # PostgreSQL refuses a NUL character in any string, a query's parameter included.
    source = SourceFactory(body=BODY)
    data = {**claim_data(SpeakerFactory()), "relays": "Reuters\x00"}
    response = researcher_client.post(url(source), data)
    assert response.status_code == 200
    assert "Null characters are not allowed" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_source_cannot_relay_itself():
    source = SourceFactory(body=BODY)
    itself = Hop(name="Itself", source=source)
    with pytest.raises(ValidationError, match="cannot relay itself"):
        Claim.objects.create_with_citation(
            speaker=SpeakerFactory(),
            text="We agree.",
            language="en",
            source=source,
            quote="We agree.",
            relays=[itself],
        )
    assert not Claim.objects.exists()


def test_the_source_autocomplete_finds_by_title_and_shows_the_outlet(reader_client):
    SourceFactory(title="Reuters report on defence talks", outlet__name="Reuters")
    SourceFactory(title="Weather")
    response = reader_client.get(
        reverse("sources:source-autocomplete"),
        {"q": "defence"},
        headers={"HX-Request": "true", "HX-Target": "claim-relays-listbox"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reuters report on defence talks" in html and "Weather" not in html
    assert 'id="claim-relays-listbox-' in html and "<html" not in html


@pytest.mark.parametrize("rows", [3, 30])
def test_the_source_autocomplete_costs_the_same_queries_whatever_the_number_of_sources(
    reader_client, django_assert_num_queries, rows
):
    SourceFactory.create_batch(rows, title="Defence talks")
    with django_assert_num_queries(3):  # session, user, the search
        reader_client.get(reverse("sources:source-autocomplete"), {"q": "defence"})


def test_the_source_autocomplete_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get(reverse("sources:source-autocomplete"), {"q": "x"})
    assert response.status_code == 302
