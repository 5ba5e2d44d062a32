import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

import exchange.imports
from claims.models import Citation, Claim, ClaimRelation, Role, Speaker
from exchange.batches import preview_upload
from exchange.columns import REQUIRED_ROLES, SIDE_COLUMNS, column_for
from exchange.export import pair_header, stream_pairs_csv
from exchange.imports import (
    ImportFileError,
    ImportRejected,
    PairImporter,
    read_rows,
)
from exchange.models import ImportBatch
from sources.models import Outlet, Source
from tests.factories import (
    CitationFactory,
    ClaimFactory,
    ClaimRelationFactory,
    OutletFactory,
    SourceFactory,
    SpeakerFactory,
    UserFactory,
)
from tests.roles import recreate_roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles_after_flush(transactional_db):
    """The Readers and Researchers groups with their permissions, made again after a
    transactional test emptied them (tests/roles.py)."""
    recreate_roles()


HEADER = pair_header()


def row(**cells) -> dict[str, str]:
    """A good row: two claims by two speakers, each cited from a source of its own."""
    base = {
        "relation_kind": "denies",
        "claim_text": "China supplies dual-use goods to Russia.",
        "claim_language": "en",
        "claim_kind": "paraphrase",
        "claim_speaker_name": "United States",
        "claim_speaker_description": "Government of the United States",
        "claim_source_title": "US statement",
        "claim_source_outlet": "Reuters",
        "claim_source_url": "https://example.com/us",
        "claim_quote": "China supplies dual-use goods.",
        "counter_text": "China provides no weapons to any party.",
        "counter_language": "en",
        "counter_speaker_name": "China",
        "counter_source_title": "China's reply",
        "counter_source_outlet": "Kontan",
        "counter_quote": "No weapons.",
    }
    base.update(cells)
    return base


def csv_bytes(rows: list[dict[str, str]], header: list[str] = HEADER) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def preview(data: bytes) -> PairImporter:
    importer = PairImporter(apply=False)
    importer.run_all(read_rows(io.BytesIO(data)))
    return importer


def apply(data: bytes, user=None) -> dict:
    # As the page and the command do: one transaction, which a rejected row rolls back.
    with transaction.atomic():
        return PairImporter(apply=True, user=user).run_all(read_rows(io.BytesIO(data)))


def test_a_good_file_applies_and_creates_every_record(researcher):
    counts = apply(csv_bytes([row(), row(relation_kind="disputes", counter_text="Not so.")]))
    assert counts["relation"] == {"create": 2, "match": 0}
    assert counts["speaker"] == {"create": 2, "match": 0}
    assert Claim.objects.count() == 3
    relation = ClaimRelation.objects.get(kind="denies")
    assert relation.claim.speaker.name == "United States"
    assert relation.counter.text == "China provides no weapons to any party."
    assert Citation.objects.get(claim=relation.claim).source.outlet.name == "Reuters"
    assert Source.objects.get(url="https://example.com/us").title == "US statement"
    assert Citation.objects.get(claim=relation.counter).verification == "no_text"


def test_preview_writes_nothing_and_says_what_it_would_do():
    existing = SpeakerFactory(name="Andrei Belousov", aliases="Belousov\nMenhan Rusia")
    importer = preview(
        csv_bytes([row(claim_speaker_name="BELÓUSOV", claim_speaker_description="")])
    )
    assert importer.counts()["speaker"] == {"create": 1, "match": 1}
    assert importer.matched["speaker"] == {existing.pk}
    assert Claim.objects.count() == 0 and ClaimRelation.objects.count() == 0


def test_existing_records_are_matched_not_duplicated():
    kontan = OutletFactory(name="Kontan")
    source = SourceFactory(title="Old title", outlet=kontan, url="https://example.com/us")
    speaker = SpeakerFactory(name="United States", description="Government of the United States")
    claim = ClaimFactory(speaker=speaker, text="China supplies dual-use goods to Russia.")
    CitationFactory(claim=claim, source=source, quote="China supplies dual-use goods.")
    counts = apply(csv_bytes([row(counter_source_outlet="kontan")]))
    assert counts["source"] == {"create": 1, "match": 1}
    assert counts["outlet"] == {"create": 0, "match": 1}
    assert counts["claim"] == {"create": 1, "match": 1}
    assert counts["citation"] == {"create": 1, "match": 0}
    assert Outlet.objects.count() == 1
    assert Speaker.objects.filter(name="United States").count() == 1


def test_source_is_matched_by_title_and_outlet_when_it_has_no_url():
    source = SourceFactory(title="China's reply", outlet=OutletFactory(name="Kontan"))
    apply(csv_bytes([row()]))
    assert Citation.objects.get(claim__text__startswith="China provides").source == source


def test_importing_the_same_file_twice_creates_nothing_new():
    data = csv_bytes([row(), row(counter_text="Another answer.", relation_kind="qualifies")])
    apply(data)
    before = [model.objects.count() for model in (Speaker, Outlet, Source, Claim, Citation)]
    counts = apply(data)
    assert all(count["create"] == 0 for count in counts.values())
    after = [model.objects.count() for model in (Speaker, Outlet, Source, Claim, Citation)]
    assert after == before and ClaimRelation.objects.count() == 2


@pytest.mark.parametrize("applying", [False, True], ids=["preview", "apply"])
def test_what_an_earlier_chunk_created_is_known_to_every_later_one(
    applying, researcher, monkeypatch
):
    # The importer keeps what the file created in a scratch database, not in the worker's
    # memory: the same pair four chunks on is still the one the first row made.
    monkeypatch.setattr(exchange.imports, "CHUNK_SIZE", 2)
    fillers = [row(claim_text=f"Filler {n}.", counter_text=f"Reply {n}.") for n in range(6)]
    first = again = row()
    with transaction.atomic():
        importer = PairImporter(apply=applying, user=researcher)
        results = list(importer.run(read_rows(io.BytesIO(csv_bytes([first, *fillers, again])))))
    assert results[-1].actions["claim.claim"] == results[-1].actions["counter.claim"] == "new"
    assert results[-1].actions["relation"] == "new"
    assert results[-1].actions["claim.citation"] == results[-1].actions["counter.citation"] == "new"
    counts = importer.counts()
    assert counts["claim"]["create"] == 14 and counts["relation"]["create"] == 7
    assert counts["citation"]["create"] == 14
    if applying:
        assert Claim.objects.count() == 14 and ClaimRelation.objects.count() == 7
        assert Citation.objects.filter(claim__text=first["claim_text"]).count() == 1


def test_a_pair_already_recorded_the_other_way_round_is_matched():
    relation = ClaimRelationFactory()
    counts = apply(
        csv_bytes(
            [
                row(
                    claim_text=relation.counter.text,
                    claim_speaker_name=relation.counter.speaker.name,
                    claim_speaker_description="",
                    counter_text=relation.claim.text,
                    counter_speaker_name=relation.claim.speaker.name,
                )
            ]
        )
    )
    assert counts["relation"] == {"create": 0, "match": 1}


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"claim_language": "english"}, "claim language “english” is not a language code"),
        ({"relation_kind": "refutes"}, "unknown relation kind “refutes”"),
        ({"counter_text": ""}, "counter-claim text is empty"),
        ({"claim_speaker_name": " "}, "claim speaker name is empty"),
        ({"claim_kind": "rumour"}, "claim kind “rumour” is unknown"),
        ({"claim_date": "15/10/2024"}, "claim date “15/10/2024” is not a date"),
        ({"counter_source_published_at": "yesterday"}, "published date “yesterday” is not a date"),
        ({"claim_source_url": "javascript:alert(1)"}, "is not a web address"),
        ({"claim_quote": ""}, "claim names a source but its quote is empty"),
        (
            {
                "counter_text": "China supplies dual-use goods to Russia.",
                "counter_speaker_name": "united states",
                "counter_speaker_description": "Government of the United States",
            },
            "a claim cannot answer itself",
        ),
        ({"claim_speaker_name": "x" * 301}, "claim speaker name is 301 characters long"),
    ],
)
def test_a_bad_row_is_named_with_a_plain_reason(cells, reason):
    data = csv_bytes([row(), row(**({"counter_text": "Something else."} | cells))])
    importer = preview(data)
    assert [number for number, _ in importer.problems] == [3] * len(importer.problems)
    assert any(reason in problem for _, problem in importer.problems), importer.problems


def test_a_file_with_one_bad_row_applies_nothing_and_names_the_row():
    rows = [row(counter_text=f"Answer {n}.") for n in range(1200)]
    rows[1100]["claim_language"] = "xx-not-a-tag!"
    with pytest.raises(ImportRejected, match="row 1102: claim language"):
        apply(csv_bytes(rows))
    for model in (Speaker, Outlet, Source, Claim, Citation, ClaimRelation):
        assert model.objects.count() == 0


def test_formula_neutralisation_is_taken_off_again():
    apply(csv_bytes([row(claim_text="'=1+1 is not a formula", relation_note="'-5 percent")]))
    assert Claim.objects.filter(text="=1+1 is not a formula").exists()
    assert ClaimRelation.objects.get().note == "-5 percent"


def test_an_apostrophe_that_is_not_neutralisation_stays():
    apply(csv_bytes([row(claim_text="'Tis true")]))
    assert Claim.objects.filter(text="'Tis true").exists()


def test_import_is_recorded_in_history_with_the_importing_user(researcher):
    apply(csv_bytes([row()]), user=researcher)
    for model in (Speaker, Outlet, Source, Claim, Citation, ClaimRelation):
        records = model.history.all()
        assert records.exists()
        assert {record.history_user for record in records} == {researcher}
        assert {record.history_type for record in records} == {"+"}


def test_relation_keeps_the_file_timestamps():
    apply(csv_bytes([row(created_at="2024-10-16T14:45:00+00:00", updated_at="2024-10-17")]))
    relation = ClaimRelation.objects.get()
    assert relation.created_at.isoformat() == "2024-10-16T14:45:00+00:00"
    assert relation.updated_at.date().isoformat() == "2024-10-17"


# --- Malformed files -------------------------------------------------------------------


def refusal(data: bytes) -> str:
    with pytest.raises(ImportFileError) as error:
        list(read_rows(io.BytesIO(data)))
    return str(error.value)


def test_an_empty_file_is_refused():
    assert refusal(b"") == "The file is empty."
    assert refusal(b"\n\n  \n") == "The file is empty."


def test_a_utf16_file_is_refused_with_the_fix():
    assert "UTF-16" in refusal(csv_bytes([row()]).decode().encode("utf-16"))


def test_a_latin1_file_is_refused_and_names_the_row():
    data = csv_bytes([row(), row(claim_text="Société Générale a dit", counter_text="Non.")])
    message = refusal(data.decode().encode("latin-1"))
    assert "not UTF-8" in message and "row 3" in message


def test_missing_columns_are_named():
    header = [name for name in HEADER if name != "counter_language"]
    assert (
        refusal(csv_bytes([row()], header)) == "Columns missing from the header: counter_language."
    )


def test_a_file_that_is_not_a_pairs_csv_is_refused():
    assert "not a claim-pairs CSV" in refusal(b"name,age\nAda,36\n")


def test_a_semicolon_separated_file_is_refused_with_the_fix():
    data = csv_bytes([row()]).decode().replace(",", ";").encode()
    assert "separated by semicolons" in refusal(data)


def test_binary_junk_is_refused():
    junk = bytes(range(256)) * 64
    assert "UTF-16" in refusal(junk[:512]) or "binary data" in refusal(junk)
    assert "not UTF-8" in refusal(b"\x89PNG\r\n\x1a\n" + bytes(range(128, 256)) * 40)


def test_a_nul_byte_refuses_the_file_and_names_its_row():
    assert "binary data (a NUL byte in row 2)" in refusal(csv_bytes([row(claim_text="a\x00b")]))
    rows = [row(counter_text=f"Answer {n}.") for n in range(20)] + [row(claim_text="a\x00b")]
    assert "binary data (a NUL byte in row 22)" in refusal(csv_bytes(rows))


def test_ragged_rows_are_named():
    data = csv_bytes([row()]) + b"denies,too,few\n"
    importer = preview(data)
    assert importer.problems[0][0] == 3
    assert "has 3 cells but the header has" in importer.problems[0][1]


def test_a_cell_over_the_limit_is_refused():
    data = csv_bytes([row()]) + b'denies,"' + b"x" * (2 * 2**17) + b'"\n'
    assert "row 3 has a cell longer than 131,072 characters" in refusal(data).lower()


def test_a_50_mb_cell_is_refused_before_it_is_read_whole():
    data = io.BytesIO(csv_bytes([row()]) + b'denies,"' + b"x" * (50 * 2**20) + b'"\n')
    with pytest.raises(ImportFileError, match="Row 3 is longer than 4 MB"):
        list(read_rows(data))
    assert data.tell() < 5 * 2**20


def test_a_header_without_rows_is_refused_on_upload(researcher):
    with pytest.raises(ImportFileError, match="no rows"):
        preview_upload(owner=researcher, filename="x.csv", binary=io.BytesIO(csv_bytes([])), size=1)
    assert not ImportBatch.objects.exists()


# --- The upload page -------------------------------------------------------------------


def upload(client, data: bytes, name: str = "pairs.csv", **options):
    return client.post(reverse("claims:pair-import"), {"file": _named(data, name)}, **options)


def _named(data: bytes, name: str):

    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_readers_cannot_import(reader_client):
    assert reader_client.get(reverse("claims:pair-import")).status_code == 403
    assert upload(reader_client, csv_bytes([row()])).status_code == 403


def test_upload_previews_then_apply_imports(researcher_client, researcher):
    response = upload(researcher_client, csv_bytes([row()]))
    batch = ImportBatch.objects.get()
    assert response.status_code == 302 and response["Location"] == batch.get_absolute_url()
    assert batch.status == "previewed" and batch.row_count == 1 and batch.rejected_count == 0
    page = researcher_client.get(batch.get_absolute_url())
    assert page.status_code == 200
    assert b"Apply: import 1 rows" in page.content and b"speaker new" in page.content
    assert Claim.objects.count() == 0

    response = researcher_client.post(reverse("claims:pair-import-apply", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == "applied" and batch.processed == 1
    assert ClaimRelation.objects.get().history.get().history_user == researcher
    # A second apply of the same upload does nothing.
    researcher_client.post(reverse("claims:pair-import-apply", args=[batch.pk]))
    assert ClaimRelation.objects.count() == 1


def test_apply_with_htmx_returns_the_status_fragment(researcher_client):
    upload(researcher_client, csv_bytes([row()]))
    batch = ImportBatch.objects.get()
    response = researcher_client.post(
        reverse("claims:pair-import-apply", args=[batch.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response.content.lstrip().startswith(b'<section id="import-status"')
    assert b"All 1 rows were imported" in response.content


def test_progress_fragment_polls_while_applying(researcher_client):
    upload(researcher_client, csv_bytes([row()]))
    batch = ImportBatch.objects.get()
    ImportBatch.objects.filter(pk=batch.pk).update(
        status="applying", processed=0, progressed_at=timezone.now()
    )
    response = researcher_client.get(batch.get_absolute_url(), headers={"HX-Request": "true"})
    assert response.content.lstrip().startswith(b'<div id="import-progress"')
    assert b'hx-trigger="load delay:1s"' in response.content


def test_a_bad_row_shows_in_the_preview_and_cannot_be_applied(researcher_client):
    upload(researcher_client, csv_bytes([row(), row(relation_kind="refutes", counter_text="x")]))
    batch = ImportBatch.objects.get()
    assert batch.rejected_count == 1
    page = researcher_client.get(batch.get_absolute_url() + "?show=rejected")
    assert "unknown relation kind “refutes”".encode() in page.content
    assert b'id="row-3"' in page.content and b'id="row-2"' not in page.content
    assert b"apply-form" not in page.content
    researcher_client.post(reverse("claims:pair-import-apply", args=[batch.pk]))
    assert ClaimRelation.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        ("a,b\n".encode("utf-16"), "UTF-16"),
        (b"name,age\nAda,36\n", "not a claim-pairs CSV"),
        (bytes(range(128, 256)) * 100, "not UTF-8"),
    ],
)
def test_a_malformed_upload_gets_a_clear_error_not_a_500(researcher_client, data, message):
    response = upload(researcher_client, data)
    assert response.status_code == 200
    assert message.encode() in response.content
    assert not ImportBatch.objects.exists()


def test_an_upload_over_the_size_limit_is_refused(researcher_client, monkeypatch):
    monkeypatch.setattr("exchange.views.imports.MAX_UPLOAD_BYTES", 1000)
    response = upload(researcher_client, csv_bytes([row() for _ in range(20)]))
    assert response.status_code == 200
    assert b"larger than 0 MB" in response.content or b"the limit for an upload" in response.content
    assert not ImportBatch.objects.exists()


def test_someone_elses_import_is_not_found(researcher_client):
    upload(researcher_client, csv_bytes([row()]))
    batch = ImportBatch.objects.get()
    other = researcher_client
    other.force_login(UserFactory(username="other", researcher=True))
    assert other.get(batch.get_absolute_url()).status_code == 404
    assert other.post(reverse("claims:pair-import-apply", args=[batch.pk])).status_code == 404


def test_the_import_page_query_count_does_not_grow_with_rows(
    researcher_client, django_assert_num_queries
):
    for size in (3, 60):
        upload(
            researcher_client, csv_bytes([row(counter_text=f"Answer {n}.") for n in range(size)])
        )
        batch = ImportBatch.objects.latest("pk")
        with django_assert_num_queries(7):
            researcher_client.get(batch.get_absolute_url())


# --- The command -----------------------------------------------------------------------


def test_command_previews_by_default_and_applies_with_apply(tmp_path, researcher):
    path = tmp_path / "pairs.csv"
    path.write_bytes(csv_bytes([row()]))
    out = io.StringIO()
    call_command("import_pairs", str(path), stdout=out)
    assert "Preview" in out.getvalue() and "relation: 1 new" in out.getvalue()
    assert ClaimRelation.objects.count() == 0
    call_command("import_pairs", str(path), "--apply", "--user", "researcher", stdout=out)
    assert ClaimRelation.objects.get().history.get().history_user == researcher


def test_command_with_a_bad_row_applies_nothing(tmp_path, researcher):
    path = tmp_path / "pairs.csv"
    path.write_bytes(csv_bytes([row(), row(counter_text="", claim_text="Other.")]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_pairs", str(path), "--apply", "--user", "researcher", stderr=err)
    assert "Row 3: counter-claim text is empty" in err.getvalue()
    assert Claim.objects.count() == 0


def test_command_refuses_an_unreadable_file(tmp_path):
    path = tmp_path / "pairs.csv"
    path.write_bytes(b"")
    with pytest.raises(CommandError, match="The file is empty"):
        call_command("import_pairs", str(path))


# --- Round trip with the export --------------------------------------------------------

ID_COLUMNS = {
    "pair_id",
    *(f"{side}_{name}" for side in ("claim", "counter") for name in ("id", "url", "speaker_id")),
}


def test_the_import_reads_the_exports_own_columns():
    header = pair_header()
    read = [
        column.format(side=side)
        for side in ("claim", "counter")
        for column in SIDE_COLUMNS.values()
    ]
    assert set(read) <= set(header)
    assert {column_for(role) for role in REQUIRED_ROLES} <= set(header)


def export_rows() -> list[dict[str, str]]:
    data = b"".join(stream_pairs_csv(base_url="https://claims.example"))
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == pair_header()
    return [{k: v for k, v in row.items() if k not in ID_COLUMNS} for row in reader]


def export_bytes() -> bytes:
    return b"".join(stream_pairs_csv(base_url="https://claims.example"))


def empty_the_database() -> None:
    Claim.objects.all().delete()
    for model in (Role, Speaker, Source, Outlet):
        model.objects.all().delete()


def test_round_trip_export_import_export_gives_the_same_rows(researcher):
    reuters = OutletFactory(name="Reuters", homepage="https://www.reuters.com/")
    for n, (text, counter) in enumerate(
        [
            ("=SUM(A1) looks like a formula", "-5% is not a formula either"),
            ('He said, "yes, and no"\non two lines', "Минобороны России опровергло это."),
            ("中国不向任何一方提供武器。", "@handle replied: no"),
        ]
    ):
        claim = ClaimFactory(
            text=text,
            language=["en", "en", "zh"][n],
            kind="direct_quote",
            translation=f"Translation {n}",
            stated_on=datetime.date(2024, 10, 10 + n),
            speaker__name=f"Spéaker {n}",
            speaker__description=f"Role {n}",
        )
        source = SourceFactory(
            outlet=reuters,
            url=f"https://www.reuters.com/{n}",
            published_at=datetime.datetime(2024, 10, 15, 9, n, tzinfo=datetime.UTC),
        )
        CitationFactory(claim=claim, source=source, quote=f"+quote {n}")
        answer = ClaimFactory(text=counter, language="ru", speaker__name=f"Other {n}")
        # The answer's source gives its day alone: it comes back as that day.
        answer_source = SourceFactory(title=f"Untitled, {n}", published=datetime.date(2024, 10, 14))
        CitationFactory(claim=answer, source=answer_source, quote="q")
        ClaimRelationFactory(claim=claim, counter=answer, kind="disputes", note=f"=note {n}")
    ClaimRelationFactory(claim=ClaimFactory(), counter=ClaimFactory(), kind="supports")
    before = export_rows()
    assert sum(row["counter_source_published_at"] == "2024-10-14" for row in before) == 3
    data = export_bytes()

    empty_the_database()
    with transaction.atomic():
        PairImporter(apply=True, user=researcher).run_all(read_rows(io.BytesIO(data)))

    assert export_rows() == before
    # And importing the same export again creates nothing new.
    counts = apply(data)
    assert all(count["create"] == 0 for count in counts.values())


def test_round_trip_of_the_demo_keeps_every_row_but_what_the_file_cannot_carry(demo, researcher):
    before = export_rows()
    data = export_bytes()
    empty_the_database()
    apply(data, user=researcher)
    after = export_rows()
    assert len(after) == len(before) == 2
    # The file carries no source texts, no roles and only each claim's representative
    # passage: quotes verified against Kontan's text are now "no text", each claim was made
    # for its own speaker and has one passage. Its chain's hops come back.
    derived = {
        f"{side}_{name}"
        for side in ("claim", "counter")
        for name in ("verification", "made_for", "passages")
    }
    for old, new in zip(before, after, strict=True):
        assert {k: v for k, v in new.items() if k not in derived} == {
            k: v for k, v in old.items() if k not in derived
        }
        for side in ("claim", "counter"):
            assert new[f"{side}_verification"] == "no_text"
            assert new[f"{side}_made_for"] == new[f"{side}_speaker_name"]
            assert new[f"{side}_passages"] == "1"
    supports = next(row for row in after if row["relation_kind"] == "supports")
    assert supports["claim_attribution_chain"] == "Kontan ← Reuters"
    denial = next(row for row in after if row["relation_kind"] == "denies")
    assert denial["claim_speaker_name"] == "United States"
    assert denial["counter_speaker_name"] == "China"


def test_reimporting_the_demo_export_creates_nothing_new(demo, researcher):
    data = export_bytes()
    counts = apply(data, user=researcher)
    assert all(count["create"] == 0 for count in counts.values()), counts
    assert counts["relation"]["match"] == 2
