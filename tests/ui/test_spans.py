"""Placing claims in the text: offsets across UTF-16, overlapping runs, underline levels (no Qt)."""
from __future__ import annotations

from desktop_app.ui.spans import OffsetMap, Segment, claims_at, find_all, levels, paragraph_pieces, runs, segments


def test_offsets_round_trip_across_characters_outside_the_basic_plane():
    text = "a\U0001F600b\U0001F1FA\U0001F1F8c"  # emoji and a flag: two UTF-16 units each
    m = OffsetMap(text)
    assert [m.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert [m.to_py(m.to_qt(i)) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert m.to_py(2) == 1  # inside the surrogate pair: the start of that character


def test_plain_text_maps_to_itself():
    m = OffsetMap("plain text")
    assert m.to_qt(7) == 7 and m.to_py(7) == 7


def test_overlapping_claims_split_into_runs_innermost_first():
    assert segments([(0, 10, 1), (5, 15, 2), (6, 8, 3)]) == [
        Segment(0, 5, (1,)), Segment(5, 6, (1, 2)), Segment(6, 8, (3, 1, 2)),
        Segment(8, 10, (1, 2)), Segment(10, 15, (2,)),
    ]
    assert segments([(3, 3, 1)]) == []


def test_overlapping_claims_get_stacked_underline_levels():
    got = levels([(0, 10, 1), (5, 15, 2), (6, 8, 3), (12, 20, 4), (30, 40, 5)])
    assert got[1] == 0 and got[2] == 1 and got[3] == 2
    assert got[4] == 0 and got[5] == 0  # no overlap with claim 1 any more: back to the first line


def test_claims_at_a_point_innermost_first():
    spans = [(0, 10, 1), (5, 15, 2), (6, 8, 3)]
    assert claims_at(spans, 7) == [3, 1, 2]
    assert claims_at(spans, 12) == [2]
    assert claims_at(spans, 15) == []


def test_find_all_is_case_insensitive():
    assert find_all("Another 24 were injured. another", "another") == [0, 25]
    assert find_all("abc", "") == []


def test_runs_split_claims_and_find_matches_into_pieces_that_never_overlap():
    spans = [(0, 10, 1), (5, 15, 2)]
    got = runs(spans, [(8, 12)], 0, 20)
    assert got == [(Segment(0, 5, (1,)), False), (Segment(5, 8, (1, 2)), False), (Segment(8, 10, (1, 2)), True),
                   (Segment(10, 12, (2,)), True), (Segment(12, 15, (2,)), False)]
    assert runs([], [(3, 6)], 0, 20) == [(Segment(3, 6, ()), True)]  # a match outside any claim


def test_runs_seen_through_a_window_keep_the_innermost_claim_of_the_whole_text():
    spans = [(0, 100, 1), (40, 60, 2)]  # claim 2 is the inner one, though the window cuts claim 1 shorter
    assert runs(spans, [], 45, 55) == [(Segment(45, 55, (2, 1)), False)]
    assert runs(spans, [], 90, 95) == [(Segment(90, 95, (1,)), False)]
    assert runs(spans, [], 100, 120) == []


def test_paragraph_pieces_leave_the_breaks_out():
    text = "one\ntwo\n\nthree"
    assert [text[a:b] for a, b in paragraph_pieces(text, 1, len(text) - 2)] == ["ne", "two", "thr"]
    assert paragraph_pieces(text, 3, 4) == []  # only a break
    assert paragraph_pieces("a\rb\u2029c", 0, 5) == [(0, 1), (2, 3), (4, 5)]
