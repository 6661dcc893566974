"""The structured fields of a claim the analyst tags by hand, read by the detector.

An analyst who selects "Another 24 were injured" and presses Ctrl+1 means a casualty
figure of 24 injured; typing the count and the category again is busywork. The rules
run on the paragraphs around the span (a few before it, so that "he said" finds its
speaker), and the suggestion of the same type that covers most of the span lends its
fields. Nothing found: no fields, as before.
"""
from __future__ import annotations

from .pipeline import suggest

#: How far before the span the rules read (whole paragraphs): enough for a quote's speaker named
#: a paragraph or two earlier, little enough that tagging in a long article stays instant.
CONTEXT_BEFORE = 3000
#: The least share of the tagged span a suggestion must cover to lend its fields.
MIN_COVER = 0.5


def _window(text: str, start: int, end: int) -> tuple[int, int]:
    """Whole paragraphs from about CONTEXT_BEFORE characters before `start` to the end of the paragraph of `end`."""
    lo = max(0, start - CONTEXT_BEFORE)
    if lo > 0:
        brk = text.rfind("\n\n", 0, lo)
        lo = brk + 2 if brk >= 0 else 0
    brk = text.find("\n\n", end)
    return lo, len(text) if brk < 0 else brk


def fields_for_span(text: str, start: int, end: int, claim_type: str, language: str | None = None) -> dict:
    """The fields the detector reads for a `claim_type` claim at [start, end) of `text` (only those it knows)."""
    if end <= start:
        return {}
    lo, hi = _window(text, start, end)
    best, best_cover = None, 0
    for s in suggest(text[lo:hi], language):
        if s.type != claim_type:
            continue
        cover = min(end, s.end + lo) - max(start, s.start + lo)
        if cover > best_cover:
            best, best_cover = s, cover
    if best is None or best_cover < MIN_COVER * (end - start):
        return {}
    return {k: v for k, v in best.fields.items() if v is not None}
