import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.anchoring import AmbiguousQuote, Match, _occurrences, anchor_quote

BODY = 'Belousov said: "We are united."\nLater  he added — twice — that “we are united.”'


def test_exact_quote_is_found_at_its_offsets():
    anchor = anchor_quote(BODY, "Belousov said")
    assert (anchor.start, anchor.end, anchor.match) == (0, 13, Match.EXACT)
    assert anchor.suffix.startswith(': "We are')


def test_curly_quotes_and_dashes_and_spacing_match_after_normalising():
    anchor = anchor_quote(BODY, 'Later he added - twice - that "we are united."')
    assert anchor.match == Match.NORMALISED
    assert BODY[anchor.start : anchor.end] == "Later  he added — twice — that “we are united.”"


def test_guillemets_and_low_quotes_fold_to_straight_quotes():
    body = "Он сказал: «мы едины». Er sagte: „wir sind einig“."
    assert anchor_quote(body, 'Er sagte: "wir sind einig"').match == Match.NORMALISED
    assert anchor_quote(body, 'сказал: "мы едины"').match == Match.NORMALISED


def test_missing_quote_is_not_anchored():
    assert anchor_quote(BODY, "China denies everything") is None


def test_repeated_quote_is_anchored_where_its_prefix_points():
    body = "First: we are ready. Second: we are ready."
    first = anchor_quote(body, "we are ready", prefix="First: ")
    second = anchor_quote(body, "we are ready", prefix="Second: ")
    assert (first.start, second.start) == (7, 29)


def test_repeated_quote_without_context_is_refused_rather_than_guessed():
    with pytest.raises(AmbiguousQuote) as refused:
        anchor_quote("yes. yes.", "yes")
    assert refused.value.occurrences == 2


def test_remembered_position_breaks_a_tie_the_context_leaves():
    assert anchor_quote("yes. yes.", "yes", near=4).start == 5


# --- Bodies built to be slow -----------------------------------------------------------


def naive_occurrences(haystack: str, needle: str) -> list[int]:
    return [i for i in range(len(haystack) - len(needle) + 1) if haystack.startswith(needle, i)]


@given(
    haystack=st.text(alphabet="ab ", max_size=60),
    needle=st.text(alphabet="ab ", min_size=1, max_size=12),
)
@settings(max_examples=500, deadline=None)
def test_every_occurrence_is_found_overlapping_ones_included(haystack, needle):
    assert _occurrences(haystack, needle) == naive_occurrences(haystack, needle)


@pytest.mark.parametrize("unit", ["a ", "ab", "aab", "abaab"])
def test_a_periodic_quote_in_a_periodic_text_is_found_at_every_period(unit):
    haystack, needle = unit * 300 + "x" + unit * 200, unit * 40 + unit[:1]
    assert _occurrences(haystack, needle) == naive_occurrences(haystack, needle)


@pytest.mark.timeout(30)  # Before, searching afresh after each occurrence took hours here.
def test_a_long_quote_repeated_throughout_a_megabyte_is_counted_in_one_pass():
    body = "a " * 500_000
    with pytest.raises(AmbiguousQuote) as refused:
        anchor_quote(body, "a " * 100_000 + "a", prefix="a a ")
    assert refused.value.occurrences == 400_000
    assert anchor_quote(body, "a " * 100_000 + "a", near=1001).start == 1000
