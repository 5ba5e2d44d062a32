"""Texts built to be slow: pages that show them answer, and what reads them is bounded.

A source's text is the largest thing a user types; each of these makes some step do work
for every character of it (quotation marks for the quote finder, full stops for the
sentence splitter, one short quote over and over for the anchoring).
"""

import pytest
from django.urls import reverse

from claims.models import Claim
from tests.factories import SourceFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

BODIES = {
    "quotation marks": '"Ya," kata dia. ' * 20_000,  # 320 000 characters
    'runs of "a."': "a." * 100_001,  # one full stop past the assistant's 200 000 characters
    'a megabyte of "a "': "a " * 500_000,
}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_a_text_built_to_be_slow_is_cited_read_and_refused_by_the_assistant(
    researcher_client, body
):
    source = SourceFactory(body=body)
    quote = body[:40].strip()
    claim, citation = Claim.objects.create_with_citation(
        speaker=SpeakerFactory(), text=quote, language="en", source=source, quote=quote, start=0
    )
    assert citation.anchor_start == 0 and citation.is_verified
    assert researcher_client.get(source.get_absolute_url()).status_code == 200
    assert researcher_client.get(claim.get_absolute_url()).status_code == 200
    # Each is past one of the assistant's limits: refused in words, nothing computed.
    response = researcher_client.get(reverse("assistant:suggestion-list", args=[source.pk]))
    assert response.status_code == 200 and response.context["refusal"]
    # Editing the text anchors its citation again.
    source.body = body + " The end."
    source.save()
    citation.refresh_from_db()
    assert citation.anchor_start == 0
