"""Whether a selection is words between quotation marks: the reader's default kind."""

import pytest

from records.quotes import is_quoted

BODY = (
    "Lin Jian said: “China has never provided lethal weapons to any party.” He added that "
    "trade with Russia was normal.\n\n«Мы это отвергаем», — заявил Песков.\n\n"
    "外交部发言人表示：「中方从未向冲突任何一方提供致命性武器」。"
)


def span(words: str) -> tuple[int, int]:
    start = BODY.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    "words",
    [
        "China has never provided lethal weapons",  # part of a quotation
        "China has never provided lethal weapons to any party.",  # all of it, marks left out
        "“China has never provided lethal weapons to any party.”",  # with its marks
        "Мы это отвергаем",
        "中方从未向冲突任何一方提供致命性武器",
    ],
)
def test_words_between_quotation_marks_are_quoted(words):
    assert is_quoted(BODY, *span(words))


@pytest.mark.parametrize(
    "words",
    [
        "trade with Russia was normal",  # reported speech
        "said: “China has never",  # runs out of the quotation
        "заявил Песков",
    ],
)
def test_words_outside_or_across_quotation_marks_are_not(words):
    assert not is_quoted(BODY, *span(words))
