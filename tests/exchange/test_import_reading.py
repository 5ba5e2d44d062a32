"""Reading an upload in time that follows its size, refusing it as soon as it is seen to be
no claim-pairs file; and the files spreadsheets really write, read.

Before, the duplicate-column check counted each column through the whole header (40 000
columns: 74 s), a line was copied once per 64 KB chunk read (a 50 MB line: 46 s), a NUL
byte after the first 4 KB reached the database (a 500 on PostgreSQL), and a file with
old-Mac line ends was refused in the csv module's words.
"""

import io

import pytest
from django.urls import reverse

from exchange.imports import MAX_LINE_BYTES, ImportFileError, read_rows
from exchange.models import ImportBatch
from tests.exchange.test_import import HEADER, csv_bytes, preview, refusal, row, upload

pytestmark = pytest.mark.django_db


def test_a_header_of_half_a_million_columns_is_refused_at_once():
    data = io.BytesIO(",".join(f"c{n}" for n in range(500_000)).encode() + b"\n")
    with pytest.raises(ImportFileError, match="The header has more than 1,000 columns"):
        list(read_rows(data))


def test_a_header_whose_quoted_names_run_over_lines_is_held_to_the_limit_too():
    names = [f'"column\n{n}"' for n in range(1_200)]
    assert refusal((",".join(names) + "\n").encode()) == (
        "The header has more than 1,000 columns: a claim-pairs CSV has a few dozen."
    )


def test_a_header_naming_columns_twice_among_thousands_is_read_in_one_pass():
    header = HEADER + [f"extra {n % 400}" for n in range(900)]
    message = refusal(csv_bytes([row()], header))
    assert message.startswith("Columns appear twice in the header: extra 0, extra 1, ")


@pytest.mark.parametrize("size_mb", [12, 50])
def test_a_line_without_end_is_refused_once_it_is_too_long(size_mb):
    data = io.BytesIO(b"a" * (size_mb * 2**20))
    with pytest.raises(ImportFileError, match="Row 1 is longer than 4 MB"):
        list(read_rows(data))
    # Refused when the limit was passed, not after reading the rest of the file.
    assert data.tell() <= MAX_LINE_BYTES + 2**17


def test_a_nul_byte_after_the_first_4_kb_refuses_the_upload_and_keeps_nothing(
    researcher_client,
):
    rows = [row(counter_text=f"Answer {n}.") for n in range(40)]
    rows.append(row(claim_text="Hidden \x00 byte.", counter_text="Last."))
    data = csv_bytes(rows)
    assert data.index(b"\x00") > 4096
    # The upload page reads the header and the first row; the worker's preview, the rest.
    response = upload(researcher_client, data, follow=True)
    assert response.status_code == 200
    assert "binary data (a NUL byte in row 42)" in response.content.decode()
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.REFUSED
    assert not batch.rows.exists() and not batch.chunks.exists()
    assert not batch.can_apply and batch.can_delete


def test_old_mac_line_ends_are_read():
    rows = [row(), row(counter_text="A second answer.", relation_note="Two\rlines")]
    data = csv_bytes(rows).replace(b"\r\n", b"\r")
    assert b"\n" not in data
    importer = preview(data)
    assert importer.problems == [] and importer.rows == 2


def test_a_line_feed_alone_inside_a_cell_without_quotes_is_refused_in_plain_words():
    data = csv_bytes([row()]).replace(b"\r\n", b"\n") + b"denies,in\rbetween\n"
    assert "breaks a line inside a cell that is not in quotes" in refusal(data)


def test_the_upload_page_says_why_a_huge_line_is_refused(researcher_client):
    response = upload(researcher_client, b"x" * (6 * 2**20))
    assert "Row 1 is longer than 4 MB" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_row_of_pairs_reads_the_same_whatever_chunk_it_straddles():
    rows = [row(counter_text=f"Answer {n} " + "é" * 3000) for n in range(60)]
    importer = preview(csv_bytes(rows))
    assert importer.problems == [] and importer.rows == 60
    assert reverse("claims:pair-import")  # the page exists for the upload test above
