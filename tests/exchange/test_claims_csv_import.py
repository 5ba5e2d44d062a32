"""Any CSV of claims, through a column mapping: a LIAR-like file (tab-separated, speaker
slugs, six verdict labels, a subject column) through a saved mapping, a ClaimsKG-like one
(claimant, review address, claim date) given on the command line, re-importing, and what
bad rows and bad mappings say."""

import io

import pytest
from django.core.management import CommandError, call_command

from claims.models import Assessment, Claim, ClaimRelation, Speaker, Topic
from exchange.models import ImportMapping
from exchange.table_import import ClaimsImporter, parse_columns, readable_name
from sources.models import Source

pytestmark = pytest.mark.django_db

LIAR = (
    "id\tlabel\tstatement\tsubject\tspeaker\tjob_title\tcontext\n"
    "2635.json\tpants-fire\tTexas has the lowest unemployment rate in the country.\teconomy\t"
    "rick-perry\tGovernor\ta speech\n"
    "10540.json\thalf-true\tWhen did the decline of coal start? It started when natural gas "
    "took off.\tenergy\tscott-surovell\tState delegate\ta floor speech\n"
    "324.json\tbarely-true\tHillary Clinton agrees with John McCain.\tforeign-policy\t"
    "barack-obama\tPresident\ta press release\n"
)
LIAR_COLUMNS = "text=statement,speaker=speaker,speaker_role=job_title,verdict=label,topic=subject"

CLAIMSKG = (
    "claim_text,claim_author,claim_date,rating_alternateName,claimReview_url,language\n"
    '"Sólo el 1% de los incendios son naturales.",Pedro Sánchez,2022-07-20,Engañoso,'
    "https://verifica.example.es/incendios,es\n"
    "Vaksin COVID-19 mengandung magnet.,Akun Facebook,2021-06-01,Salah,"
    "https://cekfakta.example.id/vaksin-magnet,id\n"
)
CLAIMSKG_COLUMNS = (
    "text=claim_text,speaker=claim_author,stated_on=claim_date,verdict=rating_alternateName,"
    "source_url=claimReview_url,language=language"
)


def write(tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_slugs_become_names_a_person_reads():
    assert readable_name("rick-perry") == "Rick Perry"
    assert readable_name("barack_obama") == "Barack Obama"
    assert readable_name("Rick Perry") == "Rick Perry"
    assert readable_name("mcdonald") == "mcdonald"  # one word: no slug to read


def test_a_liar_like_file_through_a_saved_mapping(tmp_path, researcher):
    path = write(tmp_path, "liar.tsv", LIAR)
    out = io.StringIO()
    call_command(
        "import_claims",
        path,
        "--columns",
        LIAR_COLUMNS,
        "--labels",
        "barely-true=misleading,pants-fire=false",
        "--save-as",
        "liar",
        stdout=out,
    )
    assert "Preview (nothing written; --apply to import): 3 rows, 0 rejected." in out.getvalue()
    saved = ImportMapping.objects.get(name="liar")
    assert saved.columns["text"] == "statement"

    call_command(
        "import_claims",
        path,
        "--mapping",
        "liar",
        "--apply",
        "--user",
        "researcher",
        stdout=io.StringIO(),
    )

    perry = Speaker.objects.get(name="Rick Perry")
    assert perry.description == "Governor"
    claim = Claim.objects.get(speaker=perry)
    assert claim.text == "Texas has the lowest unemployment rate in the country."
    assert claim.citations.count() == 0  # a single claim, no counter-claim, no source
    assert ClaimRelation.objects.count() == 0
    ratings = dict(Claim.objects.values_list("speaker__name", "assessment__rating"))
    assert ratings == {
        "Rick Perry": Assessment.Rating.FALSE,
        "Scott Surovell": Assessment.Rating.MIXED,  # "half-true", read without a mapping
        "Barack Obama": Assessment.Rating.MISLEADING,  # "barely-true", as mapped
    }
    assert set(Topic.objects.values_list("name", flat=True)) == {
        "economy",
        "energy",
        "foreign-policy",
    }
    assert claim.topics.get().name == "economy"
    first = claim.history.earliest("history_date")
    assert first.history_user.username == "researcher"

    again = io.StringIO()
    call_command(
        "import_claims", path, "--mapping", "liar", "--apply", "--user", "researcher", stdout=again
    )
    assert "  claim: 0 new, 3 matched" in again.getvalue()
    assert "  topic: 0 new, 3 matched" in again.getvalue()
    assert Claim.objects.count() == 3


def test_a_claimskg_like_file_with_claimants_dates_and_review_addresses(tmp_path, researcher):
    path = write(tmp_path, "claimskg.csv", CLAIMSKG)
    call_command(
        "import_claims",
        path,
        "--columns",
        CLAIMSKG_COLUMNS,
        "--save-as",
        "claimskg",
        "--apply",
        "--user",
        "researcher",
        stdout=io.StringIO(),
    )
    counts = (Claim.objects.count(), Assessment.objects.count(), Source.objects.count())
    # The next extract goes through the mapping saved with the first, and matches it all.
    again = io.StringIO()
    call_command(
        "import_claims",
        path,
        "--mapping",
        "claimskg",
        "--apply",
        "--user",
        "researcher",
        stdout=again,
    )
    assert "  claim: 0 new, 2 matched" in again.getvalue()
    assert (Claim.objects.count(), Assessment.objects.count(), Source.objects.count()) == counts

    fires = Claim.objects.get(language="es")
    assert fires.speaker.name == "Pedro Sánchez"
    assert str(fires.stated_on) == "2022-07-20"
    assert fires.assessment.rating == Assessment.Rating.MISLEADING
    assert fires.citations.get().source.url == "https://verifica.example.es/incendios"
    magnet = Claim.objects.get(language="id")
    assert magnet.assessment.rating == Assessment.Rating.FALSE
    assert magnet.citations.get().source.outlet.name == "cekfakta.example.id"


def test_a_counter_claim_column_makes_a_pair(researcher):
    rows = [
        (
            2,
            {
                "a": "China arms Russia.",
                "b": "United States",
                "c": "We arm no one.",
                "d": "China",
                "e": "denies",
            },
            [],
        )
    ]
    columns = parse_columns("text=a,speaker=b,counter_text=c,counter_speaker=d,relation_kind=e")
    importer = ClaimsImporter(apply=True, user=researcher, columns=columns)
    importer.run_all(rows)
    relation = ClaimRelation.objects.get()
    assert (relation.claim.text, relation.counter.text, relation.kind) == (
        "China arms Russia.",
        "We arm no one.",
        "denies",
    )


def test_empty_mapped_cells_and_unknown_labels_reject_their_rows_and_nothing_is_kept(
    tmp_path, researcher
):
    text = LIAR + "99.json\tsatire\tA joke.\tfun\trick-perry\tGovernor\tx\n"
    text += "100.json\ttrue\t\tfun\trick-perry\tGovernor\tx\n"
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command(
            "import_claims",
            write(tmp_path, "bad.tsv", text),
            "--columns",
            LIAR_COLUMNS,
            "--apply",
            "--user",
            "researcher",
            stderr=err,
        )
    assert "Row 5: the verdict “satire” is not one Claimtrail can read" in err.getvalue()
    assert "Row 6: the claim text column “statement” is empty" in err.getvalue()
    assert Claim.objects.count() == 0


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--columns", "text=statement,speaker=nobody"],
            "names columns the file does not have: nobody",
        ),
        (["--columns", "text=statement"], "map a column to the speaker"),
        (["--columns", "txt=statement"], "unknown field “txt”"),
        (["--mapping", "missing"], "No saved mapping named “missing”"),
        (["--columns", LIAR_COLUMNS, "--labels", "pants-fire=awful"], "is not LABEL=RATING"),
    ],
)
def test_a_bad_mapping_says_what_is_wrong(tmp_path, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command(
            "import_claims",
            write(tmp_path, "liar.tsv", LIAR),
            *arguments,
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )


# --- The pages --------------------------------------------------------------------------


def upload(client, text: str, **data):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    file = SimpleUploadedFile("liar.tsv", text.encode(), "text/csv")
    return client.post(reverse("claims:claim-import"), {"file": file, **data})


def test_upload_see_the_columns_map_them_save_the_mapping_preview_and_apply(researcher_client):
    from django.urls import reverse

    from exchange.models import ImportBatch

    response = upload(researcher_client, LIAR)
    batch = ImportBatch.objects.get()
    columns_url = reverse("claims:claim-import-columns", args=[batch.pk])
    assert response.status_code == 302 and response.url == columns_url
    assert batch.status == "mapping"

    page = researcher_client.get(columns_url).content.decode()
    assert '<th scope="col">statement</th>' in page
    assert "Texas has the lowest unemployment rate in the country." in page

    refused = researcher_client.post(columns_url, {"text": "statement"})
    assert refused.status_code == 200
    assert "map a column to the speaker" in refused.content.decode()

    response = researcher_client.post(
        columns_url,
        {
            "text": "statement",
            "speaker": "speaker",
            "verdict": "label",
            "topic": "subject",
            "labels": "barely-true=misleading\npants-fire=false",
            "save_as": "LIAR",
        },
    )
    assert response.status_code == 302 and response.url == batch.get_absolute_url()
    batch.refresh_from_db()
    assert (batch.status, batch.row_count, batch.rejected_count) == ("previewed", 3, 0)
    detail = researcher_client.get(batch.get_absolute_url()).content.decode()
    assert "rick-perry" in detail and "Texas has the lowest" in detail
    assert ImportMapping.objects.get(name="LIAR").labels == {
        "barely-true": "misleading",
        "pants-fire": "false",
    }

    researcher_client.post(reverse("claims:pair-import-apply", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "applied"
    assert Speaker.objects.filter(name="Rick Perry").exists()
    assert Claim.objects.get(speaker__name="Barack Obama").assessment.rating == "misleading"

    # The next file goes straight to its preview through the saved mapping.
    upload(researcher_client, LIAR, mapping=ImportMapping.objects.get(name="LIAR").pk)
    second = ImportBatch.objects.latest("pk")
    assert second.status == "previewed"
    assert second.counts["claim"] == {"create": 0, "match": 3}


def test_an_upload_with_a_mapping_that_names_a_missing_column_is_refused(researcher_client):
    bad = ImportMapping.objects.create(name="old", columns={"text": "quote", "speaker": "who"})
    response = upload(researcher_client, LIAR, mapping=bad.pk)
    assert response.status_code == 200
    assert (
        "The mapping names columns the file does not have: quote, who" in response.content.decode()
    )


def test_the_columns_page_is_its_uploader_s_and_readers_cannot_import(researcher, reader):
    from django.test import Client
    from django.urls import reverse

    from exchange.models import ImportBatch
    from tests.factories import UserFactory

    owner, other, reading = Client(), Client(), Client()
    owner.force_login(researcher)
    other.force_login(UserFactory(username="other", researcher=True))
    reading.force_login(reader)
    upload(owner, LIAR)
    batch = ImportBatch.objects.get()
    columns_url = reverse("claims:claim-import-columns", args=[batch.pk])
    assert owner.get(columns_url).status_code == 200
    assert other.get(columns_url).status_code == 404
    assert reading.get(reverse("claims:claim-import")).status_code == 403
    assert reading.get(columns_url).status_code == 403
