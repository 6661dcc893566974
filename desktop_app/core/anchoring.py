"""Where a claim sits in its article, and how to find it again after the text changes.

A claim is described by the W3C pair TextPositionSelector (start, end) plus
TextQuoteSelector (exact, prefix, suffix), as Hypothesis does.
"""
from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 32


@dataclass(frozen=True)
class Selector:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def describe(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """The selector of text[start:end]: position, exact quote, and ~32 characters each side."""
    return Selector(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context):start],
        suffix=text[end:end + context],
    )
