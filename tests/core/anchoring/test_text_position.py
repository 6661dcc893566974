"""Position checks and the outward search everything else is built on."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.anchoring import describe
from desktop_app.core.anchoring.text_position import in_place, nearest


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab", max_size=3000), st.text(alphabet="ab", min_size=1, max_size=4), st.integers(-10, 3100))
def test_nearest_is_the_closest_occurrence_earlier_first(text, needle, pos):
    places = [i for i in range(len(text) - len(needle) + 1) if text.startswith(needle, i)]
    clamped = min(max(pos, 0), len(text))
    expected = min(places, key=lambda i: (abs(i - clamped), i)) if places else None
    assert nearest(text, needle, pos) == expected


def test_in_place_needs_the_quote_and_its_whole_context_at_the_stored_offsets():
    text = "one two three two one"
    sel = describe(text, 4, 7)
    assert in_place(text, sel)
    assert not in_place("one two three two one.", describe("one two three two one!", 4, 7))  # suffix differs
    assert not in_place("X" + text, sel)  # shifted
    assert not in_place("one TWO three two one", sel)  # quote differs
    for start, end in ((-1, 3), (4, 4), (7, 4), (4, 99)):
        assert not in_place(text, sel.__class__(start, end, sel.exact, sel.prefix, sel.suffix))
