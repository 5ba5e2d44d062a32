import csv
import datetime
import io
import re
from pathlib import Path

import hypothesis
import pandas as pd
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import StreamingHttpResponse
from django.urls import reverse
from hypothesis import strategies as st

import exchange.export
from claims.models import Claim, ClaimRelation, Speaker, Topic
from exchange.export import (
    CLAIM_COLUMNS,
    PAIR_COLUMNS,
    cell,
    claim_header,
    pair_header,
    stream_claims_csv,
    stream_pairs_csv,
    timestamp,
)
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    OutletFactory,
    SourceFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db

BOM = "\ufeff".encode()
README = Path(__file__).resolve().parents[2] / "README.md"
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")

# Text a spreadsheet or a CSV parser could trip on.
NASTY_TEXTS = [
    "Plain words.",
    "Commas, many, of them",
    'He said "no", twice: ""no"".',
    "Line one\nline two\r\nline three\rend",
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A9)",
    "-1+1",
    "@SUM(1)",
    "\tled by a tab",
    "\nled by a line feed",
    "\rled by a carriage return",
    "Россия и Китай, «вместе».",
    "中国不向任何一方提供武器。",
    "Emoji 🙂 and a backslash \\ and \\.",
    "\\.",
    "   ",
    "trailing space ",
    "a=1 is not a formula",
    '\u200b=HYPERLINK("http://x")',
    "\ufeff+1",
    "\u2060@SUM(1)",
    "\u202e-1+1",
    "\u200f\u200e=1",
    "\u200b plain words behind a zero-width space",
]


def read_rows(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def export(**kwargs) -> bytes:
    kwargs.setdefault("base_url", "https://claims.example.org")
    return b"".join(stream_pairs_csv(**kwargs))


def readme_columns(heading: str) -> list[str]:
    """The first column of the table under `heading` in the README's export section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## CSV export columns", 1)[1]
    table = section.split(heading, 1)[1].split("\n###", 1)[0]
    return re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE)


def make_relay_claim(text: str, **claim_fields) -> Claim:
    """A claim carried by a dated paper that relays an undated wire that relays an undated
    post: the paper is the first citation, and its chain has three outlets."""
    claim = ClaimFactory(text=text, **claim_fields)
    post = CitationFactory(
        claim=claim, source=SourceFactory(outlet=OutletFactory(name=f"Post of {claim.pk}"))
    )
    wire = CitationFactory(
        claim=claim,
        source=SourceFactory(outlet=OutletFactory(name=f"Wire, {claim.pk}")),
        via=post,
    )
    CitationFactory(
        claim=claim,
        source=SourceFactory(
            outlet=OutletFactory(name=f'Paper "{claim.pk}"'),
            body=f"Before. {text} After.",
            url=f"https://paper.example/{claim.pk}",
            published_at=datetime.datetime(2024, 10, 16, 14, 45, 30, 123456, tzinfo=datetime.UTC),
        ),
        via=wire,
        quote=text,
    )
    return claim


def make_nasty_pairs() -> list[ClaimRelation]:
    """Pairs over every nasty text, with and without citations, translations and dates."""
    kinds = list(ClaimRelation.Kind)
    pairs = []
    for index, text in enumerate(NASTY_TEXTS):
        speaker = SpeakerFactory(
            name=NASTY_TEXTS[-1 - index] if NASTY_TEXTS[-1 - index].strip() else "Speaker",
            description=NASTY_TEXTS[index - 3] if index % 2 else "",
        )
        if index % 3 == 0:
            claim = make_relay_claim(text, speaker=speaker, translation="")
        else:
            claim = ClaimFactory(
                text=text,
                speaker=speaker,
                language="ru" if index % 2 else "zh-Hant",
                translation=NASTY_TEXTS[index - 1],
                stated_on=datetime.date(2024, 1 + index % 12, 1 + index),
                kind=Claim.Kind.DIRECT_QUOTE,
            )
        if index % 3 == 1:
            # Two citations, one undated and one dated earlier than the other: the dated one
            # comes first whatever the order of entry.
            CitationFactory(claim=claim, source=SourceFactory(title=f"={text}"))
            CitationFactory(
                claim=claim,
                source=SourceFactory(
                    title=text,
                    outlet=OutletFactory(name=f"@Outlet {index}"),
                    published_at=datetime.datetime(1000, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),
                ),
                quote=f"-{text}",
            )
        counter = ClaimFactory(text=f"Counter to {index}: {text}", speaker=speaker)
        if index % 3 == 2:
            # A source that gives its day alone.
            CitationFactory(
                claim=counter, source=SourceFactory(published=datetime.date(999 + index, 1, 2))
            )
        pairs.append(
            ClaimRelationFactory(
                claim=claim,
                counter=counter,
                kind=kinds[index % len(kinds)],
                note=NASTY_TEXTS[index - 5],
            )
        )
    return pairs


# --- The demo, read back ---------------------------------------------------------------


def test_a_reader_downloads_the_demo_pairs_as_a_streamed_dated_csv(reader_client, demo):
    response = reader_client.get(reverse("claims:pair-export"))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="claimtrail-pairs-\d{4}-\d{2}-\d{2}\.csv"',
        response["Content-Disposition"],
    )
    content = b"".join(response.streaming_content)
    assert content.startswith(BOM)
    rows = read_rows(content)
    assert len(rows) == 2
    denies = next(row for row in rows if row["relation_kind"] == "denies")
    us_claim = Claim.objects.get(speaker__name="United States")
    assert denies["claim_id"] == str(us_claim.pk)
    assert denies["claim_url"] == f"http://testserver/claims/{us_claim.pk}/"
    assert denies["claim_speaker_name"] == "United States"
    assert denies["counter_speaker_name"] == "China"
    assert denies["counter_speaker_description"] == "Government of the People's Republic of China"
    assert "mikroelektronika" in denies["claim_text"]
    assert "microelectronics" in denies["claim_translation"]
    for side in ("claim", "counter"):
        assert denies[f"{side}_source_outlet"] == "Kontan"
        assert denies[f"{side}_source_title"] == (
            "Kompak Kritik Amerika, Rusia dan China Memperkuat Hubungan Militer"
        )
        assert denies[f"{side}_source_published_at"] == "2024-10-16T14:45:00Z"
        assert denies[f"{side}_verification"] == "verified"
        assert denies[f"{side}_attribution_chain"] == "Kontan"
        assert denies[f"{side}_quote"] == denies[f"{side}_text"]
    assert denies["relation_note"].startswith("China denies supplying weapons")


def test_pandas_reads_the_demo_pairs(reader_client, demo):
    content = b"".join(reader_client.get(reverse("claims:pair-export")).streaming_content)
    frame = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == pair_header()
    denies = frame[frame["relation_kind"] == "denies"].iloc[0]
    assert (denies["claim_speaker_name"], denies["counter_speaker_name"]) == (
        "United States",
        "China",
    )
    assert denies["claim_source_outlet"] == denies["counter_source_outlet"] == "Kontan"
    assert denies["claim_verification"] == denies["counter_verification"] == "verified"
    supports = frame[frame["relation_kind"] == "supports"].iloc[0]
    assert supports["claim_speaker_name"] == "Andrei Belousov"
    # Kontan relays Reuters: a hop, not a source of its own, so the verified Kontan quote
    # represents the claim (it had been Reuters' text-less placeholder, dated earlier).
    assert supports["claim_source_outlet"] == "Kontan"
    assert supports["claim_verification"] == "verified"
    assert supports["claim_attribution_chain"] == "Kontan ← Reuters"
    assert supports["claim_passages"] == "2"


def test_the_header_is_the_documented_column_list(demo):
    content = export()
    assert content.split(b"\r\n", 1)[0] == BOM + ",".join(pair_header()).encode()
    assert readme_columns("### Claim pairs") == [name for name, _ in PAIR_COLUMNS]
    assert readme_columns("### Claims") == [name for name, _ in CLAIM_COLUMNS]
    assert len(set(pair_header())) == len(pair_header())


def test_the_claims_csv_has_one_row_per_claim_with_topics_and_first_citation(reader_client, demo):
    response = reader_client.get(reverse("claims:claim-export"))
    assert response.status_code == 200
    assert "claimtrail-claims-" in response["Content-Disposition"]
    content = b"".join(response.streaming_content)
    assert content.split(b"\r\n", 1)[0] == BOM + ",".join(claim_header()).encode()
    rows = read_rows(content)
    assert len(rows) == Claim.objects.count() == 9
    united = next(row for row in rows if row["text"].startswith("Departemen militer"))
    assert united["speaker_name"] == "Andrei Belousov"
    assert united["topics"] == "Russia–China military ties"
    # Kontan's one passage; Reuters and the ministry's post are its hops, not sources.
    assert united["citations_count"] == "1"
    assert (
        united["attribution_chain"] == "Kontan ← Reuters ← Russian Ministry of Defence (Telegram)"
    )
    talks = next(row for row in rows if row["text"].startswith("Belousov mengatakan"))
    assert (talks["citations_count"], talks["passages"]) == ("1", "2")
    denial = next(row for row in rows if row["speaker_name"] == "China")
    assert denial["topics"] == "Dual-use goods; War in Ukraine"
    assert denial["source_outlet"] == "Kontan"
    assert denial["verification"] == "verified"


def test_the_claims_csv_honours_the_claims_list_filters(reader_client, demo):
    china = Speaker.objects.get(name="China")
    response = reader_client.get(reverse("claims:claim-export"), {"speaker": china.pk, "bom": "0"})
    content = b"".join(response.streaming_content)
    assert not content.startswith(BOM)
    assert [row["speaker_name"] for row in read_rows(content)] == ["China"]
    taiwan = Topic.objects.get(name="Taiwan")
    response = reader_client.get(reverse("claims:claim-export"), {"topic": taiwan.slug})
    rows = read_rows(b"".join(response.streaming_content))
    assert rows
    assert all("Taiwan" in row["topics"].split("; ") for row in rows)


# --- Access ----------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_sign_in(client, demo):
    for name in ("claims:pair-export", "claims:claim-export"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_the_export_answers_only_get(reader_client, demo):
    assert reader_client.post(reverse("claims:pair-export")).status_code == 405


# --- Safety and format -----------------------------------------------------------------


def test_formula_like_cells_get_a_leading_apostrophe(demo):
    starts = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx"]
    pairs = []
    for start in starts:
        claim = ClaimFactory(text=start, translation=start)
        pairs.append(ClaimRelationFactory(claim=claim, note=start))
    harmless = ClaimRelationFactory(claim=ClaimFactory(text="1+1=2"), note="a@b")
    rows = {row["pair_id"]: row for row in read_rows(export())}
    for start, pair in zip(starts, pairs, strict=True):
        row = rows[str(pair.pk)]
        assert row["claim_text"] == row["claim_translation"] == row["relation_note"] == "'" + start
    assert rows[str(harmless.pk)]["claim_text"] == "1+1=2"
    assert rows[str(harmless.pk)]["relation_note"] == "a@b"
    # NUL cannot be stored on PostgreSQL; the rule still covers it.
    assert cell("\0x") == "'\0x"
    assert cell("") == cell(None) == ""


def test_characters_that_show_nothing_do_not_hide_a_formula(demo):
    starts = ["\u200b=1+1", "\ufeff+1", "\u2060@SUM(A1)", "\u200e-1", "\u202e\u2066=1"]
    pairs = [ClaimRelationFactory(note=start) for start in starts]
    harmless = ClaimRelationFactory(note="\u200bplain")
    rows = {row["pair_id"]: row for row in read_rows(export())}
    for start, pair in zip(starts, pairs, strict=True):
        assert rows[str(pair.pk)]["relation_note"] == "'" + start
    assert rows[str(harmless.pk)]["relation_note"] == "\u200bplain"


def test_bom_is_there_by_default_and_left_out_on_request(reader_client, demo):
    url = reverse("claims:pair-export")
    with_bom = b"".join(reader_client.get(url).streaming_content)
    without = b"".join(reader_client.get(url, {"bom": "0"}).streaming_content)
    assert with_bom.startswith(BOM + b"pair_id,")
    assert without.startswith(b"pair_id,")
    assert with_bom[len(BOM) :] == without


def test_commas_quotes_and_line_breaks_are_quoted_rfc4180(demo):
    text = 'One, "two"\nthree'
    pair = ClaimRelationFactory(claim=ClaimFactory(text=text), note="plain")
    content = export(bom=False)
    assert b',"One, ""two""\nthree",' in content
    assert b",plain," in content
    assert content.endswith(b"\r\n")
    row = next(row for row in read_rows(content) if row["pair_id"] == str(pair.pk))
    assert row["claim_text"] == text


def test_non_latin_text_survives_as_utf8(demo):
    russian = ClaimFactory(text="Россия и Китай едины.", language="ru")
    chinese = ClaimFactory(text="中国不向任何一方提供武器。", language="zh")
    ClaimRelationFactory(claim=russian, counter=chinese)
    content = export()
    assert "Россия и Китай едины.".encode() in content
    assert "中国不向任何一方提供武器。".encode() in content
    rows = read_rows(content)
    assert {"Россия и Китай едины.", "中国不向任何一方提供武器。"} <= {
        row["claim_text"] for row in rows
    } | {row["counter_text"] for row in rows}


def test_timestamps_are_utc_to_the_second():
    wib = datetime.timezone(datetime.timedelta(hours=7))
    moment = datetime.datetime(2024, 10, 16, 21, 45, 59, 999999, tzinfo=wib)
    assert timestamp(moment) == "2024-10-16T14:45:59Z"
    assert timestamp(datetime.datetime(999, 1, 2, tzinfo=datetime.UTC)) == "0999-01-02T00:00:00Z"
    assert timestamp(None) == ""


def test_the_direction_is_the_relations_own(demo):
    allegation, denial = ClaimFactory(text="Allegation"), ClaimFactory(text="Denial")
    # Entered counter first, so that ids cannot be what decides the direction.
    pair = ClaimRelationFactory(claim=denial, counter=allegation)
    row = next(row for row in read_rows(export()) if row["pair_id"] == str(pair.pk))
    assert (row["claim_text"], row["counter_text"]) == ("Denial", "Allegation")


def test_a_claim_without_citations_has_empty_source_cells(demo):
    pair = ClaimRelationFactory()
    row = next(row for row in read_rows(export()) if row["pair_id"] == str(pair.pk))
    for name in ("source_title", "source_outlet", "quote", "verification", "attribution_chain"):
        assert row[f"claim_{name}"] == ""


def test_the_chain_is_the_first_citations_relay_path(demo):
    claim = make_relay_claim("Said once, relayed twice.")
    pair = ClaimRelationFactory(claim=claim)
    row = next(row for row in read_rows(export()) if row["pair_id"] == str(pair.pk))
    claim = Claim.objects.for_list().get(pk=claim.pk)
    assert row["claim_attribution_chain"] == claim.first_citation.chain_label()
    assert row["claim_attribution_chain"] == (
        f'Paper "{claim.pk}" ← Wire, {claim.pk} ← Post of {claim.pk}'
    )
    assert row["claim_verification"] == "verified"
    assert row["claim_source_url"] == f"https://paper.example/{claim.pk}"
    assert row["claim_source_published_at"] == "2024-10-16T14:45:30Z"


@pytest.mark.parametrize("use_copy", [False, pytest.param(True, marks=on_postgresql)])
def test_a_source_that_gives_its_day_alone_is_exported_as_that_day(demo, use_copy):
    dated = ClaimFactory()
    CitationFactory(claim=dated, source=SourceFactory(published=datetime.date(2024, 10, 16)))
    timed = ClaimFactory()
    moment = datetime.datetime(2024, 10, 16, 0, 0, tzinfo=datetime.UTC)
    CitationFactory(claim=timed, source=SourceFactory(published=moment))
    pair = ClaimRelationFactory(claim=dated, counter=timed)
    row = next(
        row for row in read_rows(export(use_copy=use_copy)) if row["pair_id"] == str(pair.pk)
    )
    # Midnight UTC stated by the page stays a moment; a day alone gets no invented hour.
    assert row["claim_source_published_at"] == "2024-10-16"
    assert row["counter_source_published_at"] == "2024-10-16T00:00:00Z"


# --- Filters ---------------------------------------------------------------------------


def test_the_pairs_page_filters_are_carried(reader_client, demo):
    url = reverse("claims:pair-export")
    rows = read_rows(
        b"".join(reader_client.get(url, {"relation_kind": "supports"}).streaming_content)
    )
    assert [row["relation_kind"] for row in rows] == ["supports"]
    china = Speaker.objects.get(name="China")
    rows = read_rows(b"".join(reader_client.get(url, {"speaker": china.pk}).streaming_content))
    assert [(row["relation_kind"], row["counter_speaker_name"]) for row in rows] == [
        ("denies", "China")
    ]
    rows = read_rows(b"".join(reader_client.get(url, {"q": "mikroelektronika"}).streaming_content))
    assert [row["relation_kind"] for row in rows] == ["denies"]
    rows = read_rows(
        b"".join(
            reader_client.get(url, {"relation_kind": "denies", "q": "Belousov"}).streaming_content
        )
    )
    assert rows == []


def test_filter_values_that_do_not_parse_are_ignored_not_a_500(reader_client, demo):
    response = reader_client.get(
        reverse("claims:pair-export"),
        {"speaker": "not-a-number", "relation_kind": "made-up", "has_counter": "perhaps"},
    )
    assert response.status_code == 200
    assert len(read_rows(b"".join(response.streaming_content))) == 2


# --- Queries ---------------------------------------------------------------------------


def test_the_python_writer_queries_do_not_grow_with_rows(django_assert_num_queries):
    # One plain join for the pairs; the claims, then their topics, for the claims.
    for _ in range(3):
        ClaimRelationFactory(claim=make_relay_claim("Small"))
    with django_assert_num_queries(1):
        assert len(read_rows(export(use_copy=False))) == 3
    for _ in range(27):
        ClaimRelationFactory(claim=make_relay_claim("Larger"))
    with django_assert_num_queries(1):
        assert len(read_rows(export(use_copy=False))) == 30
    with django_assert_num_queries(2):
        assert len(read_rows(b"".join(stream_claims_csv()))) == 60


def test_chunks_and_blocks_do_not_change_the_bytes(monkeypatch, demo):
    make_nasty_pairs()
    whole = export(use_copy=False)
    monkeypatch.setattr(exchange.export, "CHUNK_SIZE", 3)
    monkeypatch.setattr(exchange.export, "BLOCK_SIZE", 100)
    pieces = list(stream_pairs_csv(base_url="https://claims.example.org", use_copy=False))
    assert len(pieces) > 5
    assert b"".join(pieces) == whole


# --- PostgreSQL COPY equals the Python writer ------------------------------------------


@on_postgresql
def test_copy_equals_the_python_writer_on_the_demo(demo):
    assert export(use_copy=True) == export(use_copy=False)
    assert export(use_copy=True, bom=False) == export(use_copy=False, bom=False)


@on_postgresql
def test_copy_equals_the_python_writer_on_nasty_data(demo):
    pairs = make_nasty_pairs()
    by_copy, by_python = export(use_copy=True), export(use_copy=False)
    assert by_copy == by_python
    rows = read_rows(by_copy)
    assert len(rows) == len(pairs) + 2
    assert {row["claim_text"].removeprefix("'") for row in rows} >= set(NASTY_TEXTS)


@on_postgresql
def test_copy_equals_the_python_writer_through_filters(demo):
    pairs = make_nasty_pairs()
    speaker = pairs[4].claim.speaker
    for filtered in (
        ClaimRelation.objects.filter_by(relation_kind="supports"),
        ClaimRelation.objects.filter_by(speaker=speaker),
        ClaimRelation.objects.filter_by(q="Россия"),
        ClaimRelation.objects.filter_by(verification="verified", has_counter=True),
        ClaimRelation.objects.filter(pk__in=[pairs[1].pk, pairs[7].pk]),
        ClaimRelation.objects.none().filter(pk=0),
    ):
        assert export(pairs=filtered, use_copy=True) == export(pairs=filtered, use_copy=False)
    assert len(read_rows(export(pairs=ClaimRelation.objects.filter_by(speaker=speaker)))) == 1


@on_postgresql
def test_an_abandoned_copy_leaves_the_connection_usable(demo):
    # A client that hangs up mid-download closes the stream half-way through COPY.
    make_nasty_pairs()
    exchange.export.BLOCK_SIZE, block_size = 10, exchange.export.BLOCK_SIZE
    try:
        stream = stream_pairs_csv(use_copy=True)
        next(stream)
        stream.close()
    finally:
        exchange.export.BLOCK_SIZE = block_size
    assert ClaimRelation.objects.count() == len(NASTY_TEXTS) + 2


def test_copy_rows_get_crlf_and_keep_their_embedded_line_breaks():
    rows = [["a", 'b "q"\nc', "d"], ["x\r\ny", "", "z"], ['"', "\n", "end\n"]]
    lf_rows, crlf = [], io.StringIO()
    for row in rows:
        line = io.StringIO()
        csv.writer(line, lineterminator="\n").writerow(row)
        lf_rows.append(memoryview(line.getvalue().encode()))
    csv.writer(crlf, lineterminator="\r\n").writerows(rows)
    assert b"".join(exchange.export._crlf_rows(lf_rows)) == crlf.getvalue().encode()
    with pytest.raises(RuntimeError, match="one whole row"):
        list(exchange.export._crlf_rows([b"a,b"]))


# --- Admin action and command ----------------------------------------------------------


def test_the_admin_action_exports_the_selected_pairs(staff_client, demo):
    denies = ClaimRelation.objects.get(kind="denies")
    response = staff_client.post(
        reverse("admin:claims_claimrelation_changelist"),
        {"action": "export_csv", "_selected_action": [denies.pk]},
    )
    assert response.status_code == 200
    assert "claimtrail-pairs-" in response["Content-Disposition"]
    rows = read_rows(b"".join(response.streaming_content))
    assert [row["pair_id"] for row in rows] == [str(denies.pk)]
    assert list(rows[0]) == pair_header()


def test_the_command_writes_a_file_with_filters(tmp_path, demo, settings):
    settings.CLAIMTRAIL_BASE_URL = "https://claims.example.org"
    output = tmp_path / "pairs.csv"
    call_command("export_pairs", "--output", str(output), "--relation-kind", "denies")
    content = output.read_bytes()
    assert content.startswith(BOM)
    rows = read_rows(content)
    assert [row["relation_kind"] for row in rows] == ["denies"]
    assert rows[0]["claim_url"].startswith("https://claims.example.org/claims/")
    call_command("export_pairs", "-o", str(output), "--no-bom", "--has-counter", "true")
    assert output.read_bytes() == export(bom=False)


def test_the_command_writes_to_stdout_and_refuses_bad_filters(demo):
    out = io.StringIO()
    call_command("export_pairs", "--no-bom", "--q", "Belousov", stdout=out)
    assert [row["relation_kind"] for row in read_rows(out.getvalue().encode())] == ["supports"]
    with pytest.raises(CommandError, match="--speaker"):
        call_command("export_pairs", "--speaker", "999999", stdout=io.StringIO())
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_pairs", "--output", "/nonexistent/dir/x.csv")


# PostgreSQL text holds no NUL, and Django refuses lone surrogates.
any_text = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\0"), min_size=1, max_size=40
)


@on_postgresql
@hypothesis.settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture],
)
@hypothesis.given(text=any_text, note=st.one_of(st.just(""), any_text), outlet=any_text)
def test_copy_equals_the_python_writer_for_any_text(db, text, note, outlet):
    claim = ClaimFactory(text=text, translation=note, speaker=SpeakerFactory(name=outlet))
    CitationFactory(
        claim=claim, source=SourceFactory(outlet=OutletFactory(name=f"{outlet} {claim.pk}"))
    )
    pair = ClaimRelationFactory(claim=claim, note=note)
    only = ClaimRelation.objects.filter(pk=pair.pk)
    assert export(pairs=only, use_copy=True) == export(pairs=only, use_copy=False)
