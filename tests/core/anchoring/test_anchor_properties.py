"""Properties of `anchor` over random texts and random edits (hypothesis).

The alphabets are small on purpose: they make repeated quotes and repeated
contexts common, which is where picking the right occurrence is hard.
"""
from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_app.core.anchoring import How, Selector, anchor, anchor_many, context_fit, describe

# No per-example deadline: each example takes milliseconds, and on a loaded CI machine a deadline
# only adds flakiness. Speed is measured where it belongs, in benchmarks/bench_reanchor.py.
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = ["the", "US", "army", "said", "three", "injured", "in", "Iraq", "attack", ",", ".", "\n\n", "2,500"]
texts = st.one_of(
    st.text(alphabet="ab .\n", max_size=120),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(max_size=80),
)


@st.composite
def text_and_span(draw, min_size=1):
    text = draw(texts.filter(lambda t: len(t) >= min_size))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, min(len(text), start + 40)))
    return text, start, end


@st.composite
def edit(draw, text):
    """(position, characters deleted, text inserted)."""
    pos = draw(st.integers(0, len(text)))
    deleted = draw(st.integers(0, min(30, len(text) - pos)))
    inserted = draw(st.one_of(st.text(alphabet="ab .\n", max_size=40),
                              st.lists(st.sampled_from(WORDS), max_size=10).map(" ".join)))
    return pos, deleted, inserted


def apply(text: str, e) -> str:
    pos, deleted, inserted = e
    return text[:pos] + inserted + text[pos + deleted:]


def survives(e, start: int, end: int) -> tuple[int, int] | None:
    """Where text[start:end] is after the edit, if the edit left it untouched."""
    pos, deleted, inserted = e
    if pos + deleted <= start and not (deleted == 0 and pos > start):
        shift = len(inserted) - deleted
        return start + shift, end + shift
    if pos >= end:
        return start, end
    return None


def occurrences(text: str, quote: str) -> list[int]:
    found, pos = [], text.find(quote)
    while pos >= 0:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def assert_found_right(new: str, sel: Selector, found, expected: tuple[int, int]) -> None:
    assert found.how in (How.exact, How.moved), found
    start, end = found.span
    assert new[start:end] == sel.exact
    assert (found.how == How.exact) == ((start, end) == (sel.start, sel.end))
    places = occurrences(new, sel.exact)
    if len(places) == 1:
        assert (start, end) == expected
    else:
        best = max(context_fit(new, p, p + len(sel.exact), sel) for p in places)
        assert context_fit(new, start, end, sel) == best


@FAST
@given(text_and_span())
def test_with_no_edit_every_claim_is_found_at_its_stored_position(case):
    text, start, end = case
    found = anchor(text, describe(text, start, end))
    assert found.how == How.exact and found.span == (start, end) and found.score == 1.0


@FAST
@given(st.data())
def test_a_claim_an_edit_left_alone_is_found_exactly(data):
    text, start, end = data.draw(text_and_span())
    e = data.draw(edit(text))
    expected = survives(e, start, end)
    assume(expected is not None)
    new = apply(text, e)
    sel = describe(text, start, end)
    assert_found_right(new, sel, anchor(new, sel), expected)


@FAST
@given(st.data())
def test_claims_left_alone_by_several_edits_are_all_found_exactly(data):
    text = data.draw(texts.filter(lambda t: len(t) >= 2))
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 20)), min_size=1, max_size=8))
    spans = sorted({(s, min(len(text), s + n)) for s, n in spans})
    new, kept = text, list(spans)
    # Edits applied from the end so earlier positions stay valid; track each claim through them.
    where = {span: span for span in spans}
    edits = sorted(data.draw(st.lists(edit(text), max_size=3)), key=lambda e: -e[0])
    last = len(text) + 1
    for e in edits:
        if e[0] + e[1] > last:  # overlapping edits: keep the model simple
            continue
        last = e[0]
        new = apply(new, e)
        for span in list(kept):
            moved = survives(e, *where[span])
            if moved is None:
                kept.remove(span)
            else:
                where[span] = moved
    selectors = [describe(text, s, t) for s, t in spans]
    results = anchor_many(new, selectors)
    for span, sel, found in zip(spans, selectors, results):
        if span in kept:
            assert_found_right(new, sel, found, where[span])


selectors = st.builds(
    Selector,
    start=st.integers(-100, 400),
    end=st.integers(-100, 400),
    exact=st.text(max_size=60),
    prefix=st.text(max_size=40),
    suffix=st.text(max_size=40),
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts, st.text(max_size=300)), selectors, st.one_of(st.none(), st.integers(-1000, 1000)))
def test_anchoring_never_raises_and_stays_inside_the_text(text, sel, hint):
    found = anchor(text, sel, hint=hint)
    if found.how == How.orphaned:
        assert found.span is None and found.selector is None
    else:
        start, end = found.span
        assert 0 <= start < end <= len(text)
        assert found.selector == describe(text, start, end)
        assert 0.0 <= found.score <= 1.0


@settings(max_examples=200, deadline=None)
@given(text_and_span(min_size=20), st.data())
def test_a_claim_made_from_an_old_text_is_placed_in_any_new_text_or_orphaned(case, data):
    text, start, end = case
    new = data.draw(st.one_of(texts, st.text(max_size=300)))
    found = anchor(new, describe(text, start, end))
    if found.span is not None:
        s, e = found.span
        assert 0 <= s < e <= len(new)
