"""Selectors as stored and exported, and what an Anchor records on the claim."""
from __future__ import annotations

from desktop_app.core.anchoring import CONTEXT, DOUBTFUL_CONTEXT, Anchor, How, Selector, describe

TEXT = "Iraqi security sources reported that at least one member of a pro-Iranian group had been killed."


def test_describe_keeps_the_quote_and_32_characters_each_side():
    start = TEXT.index("at least one")
    sel = describe(TEXT, start, start + len("at least one member"))
    assert (sel.start, sel.end, sel.exact) == (start, start + 19, "at least one member") and CONTEXT == 32
    assert sel.prefix == " security sources reported that "
    assert sel.suffix == " of a pro-Iranian group had been"


def test_context_is_shorter_at_the_edges_of_the_text():
    sel = describe(TEXT, 0, 5)
    assert (sel.prefix, sel.exact) == ("", "Iraqi")
    end = describe(TEXT, len(TEXT) - 7, len(TEXT))
    assert (end.exact, end.suffix) == ("killed.", "")


def test_w3c_selectors_are_the_quote_and_position_pair():
    sel = Selector(start=4, end=9, exact="quick", prefix="The ", suffix=" brown")
    assert sel.to_w3c() == [
        {"type": "TextQuoteSelector", "exact": "quick", "prefix": "The ", "suffix": " brown"},
        {"type": "TextPositionSelector", "start": 4, "end": 9},
    ]
    assert sel.to_w3c(position=False) == sel.to_w3c()[:1]


def test_a_moved_claim_is_recorded_as_exact_and_only_an_orphan_has_no_span():
    sel = Selector(0, 5, "Iraqi", "", " sec")
    assert Anchor(How.moved, sel, 1.0).state == "exact" and Anchor(How.moved, sel, 1.0).span == (0, 5)
    assert Anchor(How.fuzzy, sel, 0.8).state == "fuzzy"
    assert Anchor(How.orphaned, None, 0.0).state == "orphaned" and Anchor(How.orphaned, None, 0.0).span is None


def test_a_claim_moved_among_different_words_is_recorded_as_fuzzy_for_review():
    sel = Selector(0, 5, "Iraqi", "", " sec")
    assert Anchor(How.moved, sel, DOUBTFUL_CONTEXT).state == "exact"
    assert Anchor(How.moved, sel, DOUBTFUL_CONTEXT - 0.01).state == "fuzzy"
    assert Anchor(How.exact, sel, 0.1).state == "exact"  # same offsets, same words: still exact
