"""Wording across hops: each step's words beside those of the step it relays, word by word
in one language, side by side across two; a hop's words edited in admin and on the
claim page.

The demo records no words for its hops (Kontan does not print what Reuters or the
ministry wrote), so these tests give the Reuters and ministry hops of Belousov's quote
words of their own: what a researcher would add from the wire and the channel."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from claims.models import Claim, Hop
from claims.wording import ADDED, CHANGED, DROPPED, SAME, same_language, word_changes
from tests.claims.rows import many_citations
from tests.factories import ClaimFactory, TopicFactory

HTMX = {"HX-Request": "true"}

# Reuters' English, and the ministry's English account that Reuters relays.
REUTERS = (
    "The military departments of Russia and China are united in their assessment of "
    "global processes, and they have a common understanding of what needs to be done in "
    "the current situation."
)
MINISTRY = (
    "The military departments of Russia and China are united in their assessments of "
    "global processes and have a common understanding of what needs to be done in the "
    "current situation."
)
MINISTRY_RU = (
    "Военные ведомства России и Китая едины в оценках глобальных процессов и имеют общее "
    "понимание того, что необходимо делать в текущей ситуации."
)


# The comparison alone


def test_a_relay_that_adds_drops_and_changes_words_is_counted_word_by_word():
    changes = word_changes(
        "Both sides hope to deepen military ties.",
        "Both sides now hope to expand ties!",
    )
    assert (changes.added, changes.dropped, changes.changed) == (1, 1, 1)
    assert changes.counts == [(ADDED, 1), (DROPPED, 1), (CHANGED, 1)]
    assert [(segment.kind, segment.text) for segment in changes.segments] == [
        (SAME, "Both sides "),
        (ADDED, "now"),
        (SAME, " hope to "),
        (DROPPED, "deepen military"),
        (ADDED, "expand"),
        (SAME, " ties!"),
    ]
    # Shown in full: the relaying words, with the dropped ones where they stood.
    assert "".join(s.text for s in changes.segments if s.kind != DROPPED) == (
        "Both sides now hope to expand ties!"
    )


def test_case_accents_and_punctuation_are_not_changed_words():
    changes = word_changes(
        "«Kami berdiri bersama», kata Menteri.", "kami berdiri BERSAMA, kata menteri"
    )
    assert not changes.any and changes.counts == []


def test_chinese_is_compared_character_by_character():
    changes = word_changes("中国从未向任何一方提供武器", "中国从未向任何一方提供致命武器")
    assert (changes.added, changes.dropped, changes.changed) == (2, 0, 0)
    assert [s.text for s in changes.segments if s.kind == ADDED] == ["致命"]


def test_a_text_too_long_to_compare_says_so():
    changes = word_changes("word " * 501, "word " * 500)
    assert changes.too_long and not changes.any


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("en", "en", True),
        ("en", "en-GB", True),
        ("id", "en", False),
        ("zh-Hans", "zh", True),
        ("zh-Hans", "zh-Hant", False),
        ("", "en", False),
    ],
)
def test_which_languages_are_compared_word_by_word(first, second, same):
    assert same_language(first, second) is same


# On the demo's chain


def belousov_quote() -> Claim:
    return Claim.objects.get(kind=Claim.Kind.DIRECT_QUOTE)


def give_words(claim: Claim, *, ministry: str = MINISTRY, ministry_language: str = "en") -> None:
    hops = Hop.objects.filter(citation__claim=claim)
    reuters = hops.get(name="Reuters")
    reuters.quote, reuters.language = REUTERS, "en"
    reuters.save()
    channel = hops.get(name="Russian Ministry of Defence (Telegram)")
    channel.quote, channel.language = ministry, ministry_language
    channel.save()


@pytest.mark.django_db
def test_each_step_is_compared_with_the_nearest_one_further_along_in_its_language(demo):
    claim = belousov_quote()
    give_words(claim)
    [(citation, steps)] = Claim.objects.for_detail().get(pk=claim.pk).wording_chains()
    kontan, reuters, ministry = steps
    assert citation.source.outlet.name == "Kontan"
    assert [step.label for step in steps] == [
        "Kontan",
        "Reuters",
        "Russian Ministry of Defence (Telegram)",
    ]
    assert [step.language for step in steps] == ["id", "en", "en"]
    # Kontan's Indonesian relays Reuters' English: beside it, not compared.
    assert kontan.relays is reuters and not kontan.compared
    # Reuters adds "they" and has "assessment" for the ministry's "assessments".
    assert reuters.relays is ministry and reuters.compared
    assert (reuters.changes.added, reuters.changes.dropped, reuters.changes.changed) == (1, 0, 1)
    # The original relays nothing.
    assert ministry.relays is None and not ministry.compared


@pytest.mark.django_db
def test_a_step_without_words_is_passed_over(demo):
    claim = belousov_quote()
    give_words(claim)
    Hop.objects.filter(name="Reuters", citation__claim=claim).update(quote="", language="")
    [(_, [kontan, reuters, ministry])] = claim.wording_chains()
    assert not reuters.text and reuters.relays is None
    assert kontan.relays is ministry


@pytest.mark.django_db
def test_the_claim_page_shows_the_words_side_by_side_and_flags_the_change(reader_client, demo):
    claim = belousov_quote()
    give_words(claim)
    html = reader_client.get(claim.get_absolute_url()).content.decode()
    section = html[html.index('id="wording"') : html.index('id="relations"')]
    assert section.count('class="wording-chain"') == 1
    assert (
        section.index("Kontan")
        < section.index(">Reuters<")
        < section.index("Russian Ministry of Defence (Telegram)")
    )
    assert "Reuters adds 1 word, changes 1 word compared with Russian Ministry of" in section
    assert "<ins>they</ins>" in section and "<del>assessments</del>" in section
    assert "<ins>assessment</ins>" in section
    assert "Relays Reuters, in English (en): shown beside, not compared." in section
    assert "Indonesian (id)" in section
    # A reader edits nothing.
    assert "Add its words" not in section and "Edit its words" not in section


@pytest.mark.django_db
def test_words_in_another_language_stand_beside_with_their_language(reader_client, demo):
    claim = belousov_quote()
    give_words(claim, ministry=MINISTRY_RU, ministry_language="ru")
    html = reader_client.get(claim.get_absolute_url()).content.decode()
    section = html[html.index('id="wording"') : html.index('id="relations"')]
    assert f'lang="ru">{MINISTRY_RU}</blockquote>' in section
    assert "Relays Russian Ministry of Defence (Telegram), in Russian (ru)" in section
    chain = section[section.index('class="wording-chain"') :]
    assert "<ins>" not in chain and "Wording changed" not in chain


@pytest.mark.django_db
def test_a_claim_relayed_by_nobody_says_there_is_nothing_to_compare(reader_client):
    claim = ClaimFactory()
    html = reader_client.get(claim.get_absolute_url()).content.decode()
    assert "there is no wording to compare" in html


@pytest.mark.django_db
def test_hostile_words_stay_text(reader_client, demo):
    claim = belousov_quote()
    give_words(claim, ministry="<script>alert(1)</script> said & done")
    html = reader_client.get(claim.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# Editing a hop's words


def reuters_hop(claim: Claim) -> Hop:
    return Hop.objects.get(name="Reuters", citation__claim=claim)


@pytest.mark.django_db
def test_a_researcher_adds_a_hops_words_in_place(researcher_client, researcher, demo):
    claim = belousov_quote()
    hop = reuters_hop(claim)
    url = reverse("claims:hop-update", args=[hop.pk])
    page = researcher_client.get(claim.get_absolute_url()).content.decode()
    assert f'hx-get="{url}"' in page and "Add its words" in page

    form = researcher_client.get(url, headers=HTMX)
    assert b"<html" not in form.content and b'name="quote"' in form.content

    response = researcher_client.post(
        url, {"quote": REUTERS, "language": "EN", "version": hop.version}, headers=HTMX
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#wording"
    assert REUTERS.encode() in response.content
    hop.refresh_from_db()
    assert (hop.quote, hop.language) == (REUTERS, "en")
    assert hop.history.first().history_user == researcher


@pytest.mark.django_db
def test_without_htmx_the_hop_form_is_a_page_and_saving_goes_back_to_the_claim(
    researcher_client, demo
):
    claim = belousov_quote()
    hop = reuters_hop(claim)
    url = reverse("claims:hop-update", args=[hop.pk])
    assert b"<html" in researcher_client.get(url).content
    response = researcher_client.post(
        url, {"quote": REUTERS, "language": "en", "version": hop.version}
    )
    assert response.status_code == 302
    assert response["Location"] == claim.get_absolute_url() + "#wording"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"quote": "Some words."}, "language", "Give the language of these words"),
        ({"quote": "Some words.", "language": "english"}, "language", "BCP 47"),
    ],
)
def test_words_without_a_known_language_are_refused_in_words(
    researcher_client, demo, data, field, message
):
    hop = reuters_hop(belousov_quote())
    url = reverse("claims:hop-update", args=[hop.pk])
    response = researcher_client.post(url, {**data, "version": hop.version}, headers=HTMX)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    hop.refresh_from_db()
    assert hop.quote == ""


@pytest.mark.django_db
def test_the_database_refuses_words_without_a_language(demo):
    hop = reuters_hop(belousov_quote())
    with pytest.raises(ValidationError):
        hop.quote = "Words."
        hop.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Hop.objects.filter(pk=hop.pk).update(quote="Words.", language="")


@pytest.mark.django_db
def test_a_save_over_someone_elses_is_a_409_with_the_words_kept(researcher_client, demo):
    hop = reuters_hop(belousov_quote())
    loaded = hop.version
    hop.quote, hop.language = "Theirs.", "en"
    hop.save()
    response = researcher_client.post(
        reverse("claims:hop-update", args=[hop.pk]),
        {"quote": "Mine.", "language": "en", "version": loaded},
        headers=HTMX,
    )
    assert response.status_code == 409
    assert b"Mine." in response.content and b"Theirs." in response.content
    hop.refresh_from_db()
    assert hop.quote == "Theirs."


@pytest.mark.django_db
def test_a_reader_cannot_edit_a_hops_words(reader_client, demo):
    hop = reuters_hop(belousov_quote())
    url = reverse("claims:hop-update", args=[hop.pk])
    assert reader_client.get(url).status_code == 403
    assert reader_client.post(url, {"quote": "x", "language": "en"}).status_code == 403


@pytest.mark.django_db
def test_admin_edits_a_hops_words_on_its_citation_and_on_its_own_page(staff_client, demo):
    hop = reuters_hop(belousov_quote())
    citation_page = staff_client.get(
        reverse("admin:claims_citation_change", args=[hop.citation_id])
    ).content.decode()
    assert 'name="hops-0-quote"' in citation_page and 'name="hops-0-language"' in citation_page
    hop_page = staff_client.get(reverse("admin:claims_hop_change", args=[hop.pk])).content
    assert b'name="quote"' in hop_page and b'name="language"' in hop_page


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [10, 200])
def test_the_claim_page_with_words_on_every_hop_costs_the_same_queries(
    researcher_client, django_assert_num_queries, rows
):
    claim = ClaimFactory()
    claim.topics.add(TopicFactory())
    citations = many_citations(claim, rows)
    Hop.objects.bulk_create(
        Hop(
            citation=citation,
            position=1,
            name="Reuters",
            quote="The words, as relayed.",
            language="en",
        )
        for citation in citations
    )
    # session, user, claim, topics, joint speakers, citations, their hops, the speaker's
    # roles, permissions (2), relations, the status history: as without words
    with django_assert_num_queries(12):
        response = researcher_client.get(claim.get_absolute_url())
    assert response.content.count(b'class="wording-chain"') == rows
    # The first citation's own words against its hop's; each other citation's against its
    # hop's, its hop's against the first citation's, and on.
    assert response.content.count(b"Wording changed") == 1 + 3 * (rows - 1)


@pytest.mark.django_db
def test_the_flag_reads_in_the_readers_language(reader_client, demo):
    claim = belousov_quote()
    give_words(claim)
    html = reader_client.get(claim.get_absolute_url(), headers={"accept-language": "id"})
    section = html.content.decode()
    assert (
        "Reuters menambah 1 kata, mengubah 1 kata dibandingkan dengan Russian Ministry" in section
    )
    assert "adds 1 word" not in section
