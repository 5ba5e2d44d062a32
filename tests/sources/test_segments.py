import time
from types import SimpleNamespace

from sources.models import segment_text


def span(start, end, name=""):
    return SimpleNamespace(anchor_start=start, anchor_end=end, name=name)


def runs(segments):
    return [(s.text, [h.name for h in s.highlights]) for s in segments]


def test_a_text_without_highlights_is_one_plain_run():
    assert runs(segment_text("plain text", [])) == [("plain text", [])]


def test_highlights_split_the_text_and_the_runs_join_back_to_it():
    text = "Alpha said this. Beta denied that."
    segments = segment_text(text, [span(6, 15, "a"), span(22, 33, "b")])
    assert runs(segments) == [
        ("Alpha ", []),
        ("said this", ["a"]),
        (". Beta ", []),
        ("denied that", ["b"]),
        (".", []),
    ]
    assert "".join(s.text for s in segments) == text
    assert [s.start for s in segments] == [0, 6, 15, 22, 33]


def test_overlapping_highlights_give_runs_covered_by_both():
    segments = segment_text("0123456789", [span(2, 6, "outer"), span(4, 8, "inner")])
    assert runs(segments) == [
        ("01", []),
        ("23", ["outer"]),
        ("45", ["outer", "inner"]),
        ("67", ["inner"]),
        ("89", []),
    ]


def test_a_highlight_inside_another_and_two_on_the_same_words():
    segments = segment_text(
        "abcdef", [span(0, 6, "whole"), span(2, 4, "middle"), span(2, 4, "twin")]
    )
    assert runs(segments) == [
        ("ab", ["whole"]),
        ("cd", ["whole", "middle", "twin"]),
        ("ef", ["whole"]),
    ]


def test_unanchored_empty_and_out_of_range_spans_are_skipped_or_clipped():
    segments = segment_text(
        "abc", [span(None, None, "lost"), span(1, 1, "empty"), span(2, 99, "long")]
    )
    assert runs(segments) == [("ab", []), ("c", ["long"])]


def test_a_20000_word_body_with_200_highlights_splits_in_one_fast_pass():
    words = [f"w{n}" for n in range(20_000)]
    text = " ".join(words)
    offsets, position = [], 0
    for word in words:
        offsets.append((position, position + len(word)))
        position += len(word) + 1
    spans = [span(*offsets[n * 100]) for n in range(200)]

    began = time.perf_counter()
    segments = segment_text(text, spans)
    elapsed = time.perf_counter() - began

    assert sum(1 for s in segments if s.highlights) == 200
    assert "".join(s.text for s in segments) == text
    assert elapsed < 0.5
