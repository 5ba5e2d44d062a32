import pytest

from claims.models import Claim
from records.models import EditConflict
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_a_save_from_the_version_loaded_wins_and_moves_the_version_on():
    claim = ClaimFactory(text="First wording.")
    claim.text = "Second wording."
    claim.save(expected_version=1)
    claim.refresh_from_db()
    assert (claim.text, claim.version) == ("Second wording.", 2)


def test_of_two_edits_of_one_version_the_second_is_refused_with_the_stored_record():
    ClaimFactory(text="Original.")
    mine, theirs = Claim.objects.get(), Claim.objects.get()
    theirs.text = "Their edit."
    theirs.save(expected_version=theirs.version)

    mine.text = "My edit."
    with pytest.raises(EditConflict) as conflict:
        mine.save(expected_version=mine.version)

    assert conflict.value.current.text == "Their edit."
    stored = Claim.objects.get()
    assert (stored.text, stored.version) == ("Their edit.", 2)
    assert stored.history.count() == 2
