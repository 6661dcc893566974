"""Fields read for a span the analyst tags by hand."""
from __future__ import annotations

from desktop_app.core.detect.span_fields import CONTEXT_BEFORE, _window, fields_for_span

from ...conftest import SAMPLE


def _at(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def test_a_hand_tagged_casualty_figure_gets_its_count_category_and_who():
    text = SAMPLE.read_text(encoding="utf-8")
    fields = fields_for_span(text, *_at(text, "Another 24 were injured"), "casualty")
    assert fields == {"count": 24, "qualifier": "exact", "category": "injured",
                      "who": "member of a pro-Iranian group"}


def test_a_quote_gets_its_speaker_from_the_paragraph_before():
    text = SAMPLE.read_text(encoding="utf-8")
    quote = "We do not want to escalate the conflict in the region"
    assert fields_for_span(text, *_at(text, quote), "quote") == {"speaker": "Lloyd Austin"}


def test_nothing_is_lent_across_types_or_to_a_span_a_suggestion_barely_covers():
    text = SAMPLE.read_text(encoding="utf-8")
    assert fields_for_span(text, *_at(text, "attacks on three facilities"), "casualty") == {}
    start, end = _at(text, "Another 24 were injured. A representative of the Interior Ministry said that the attacks")
    assert fields_for_span(text, start, end, "casualty") == {}  # the figure is a third of the span
    assert fields_for_span(text, 5, 5, "casualty") == {}


def test_only_the_paragraphs_near_the_span_are_read():
    filler = "\n\n".join("Nothing happened on day %d." % i for i in range(2000))
    text = filler + "\n\nAt least 12 people were killed in the strike."
    start, end = _at(text, "At least 12 people were killed")
    lo, hi = _window(text, start, end)
    assert start - CONTEXT_BEFORE - 40 <= lo <= start - CONTEXT_BEFORE and text[lo - 2:lo] == "\n\n"
    assert hi == len(text) and lo > 10 * CONTEXT_BEFORE
    assert fields_for_span(text, start, end, "casualty") == {
        "count": 12, "qualifier": "at least", "category": "killed", "who": "people"}
