"""Where a claim sits in its article, and how to find it again after the text changes.

One concept per module, as in the Hypothesis client's annotator/anchoring:
`types` (Selector, Anchor, describe), `text_position` (is it still in place,
what is nearest), `match_quote` (exact quote in context, then approximate).
`anchor` tries them in that order: position, exact quote, fuzzy, else orphaned.
"""
from __future__ import annotations

from collections.abc import Sequence

from .match_quote import MIN_QUOTE_SCORE, MIN_SCORE, context_fit, find_exact, find_fuzzy
from .text_position import clamp, in_place
from .types import CONTEXT, DOUBTFUL_CONTEXT, ORPHANED, Anchor, How, Selector, describe

__all__ = [
    "CONTEXT",
    "DOUBTFUL_CONTEXT",
    "MIN_QUOTE_SCORE",
    "MIN_SCORE",
    "Anchor",
    "How",
    "Selector",
    "anchor",
    "anchor_many",
    "context_fit",
    "describe",
]


def anchor(text: str, selector: Selector, *, hint: int | None = None) -> Anchor:
    """Find a claim in `text`: exact in place, else its exact quote (moved), else fuzzily, else orphaned.

    `hint` is where the claim is expected to start (default: its stored start);
    it breaks ties between equally good places and is where searching begins.
    Never raises for any text or selector, and a span it returns lies inside `text`.
    """
    quote = selector.exact
    if not quote or not text:
        return ORPHANED
    if in_place(text, selector):
        return Anchor(How.exact, describe(text, selector.start, selector.end), 1.0)
    expected = clamp(selector.start if hint is None else hint, text)
    found = find_exact(text, selector, expected)
    if found is not None:
        start, fit = found
        end = start + len(quote)
        how = How.exact if (start, end) == (selector.start, selector.end) else How.moved
        return Anchor(how, describe(text, start, end), fit)
    match = find_fuzzy(text, selector, expected)
    if match is not None:
        return Anchor(How.fuzzy, describe(text, match.start, match.end), match.score)
    return ORPHANED


def anchor_many(text: str, selectors: Sequence[Selector]) -> list[Anchor]:
    """Anchor all claims of one article in its new text; results in the order given.

    Claims are taken in text order and each is expected where the previous one's
    shift puts it, so after an insertion the thousands of claims below it are
    found at once instead of each searching from its old offset.
    """
    results: list[Anchor | None] = [None] * len(selectors)
    shift = 0
    for i in sorted(range(len(selectors)), key=lambda k: (selectors[k].start, selectors[k].end)):
        sel = selectors[i]
        found = anchor(text, sel, hint=sel.start + shift)
        if found.selector is not None:
            shift = found.selector.start - sel.start
        results[i] = found
    return results  # type: ignore[return-value]
