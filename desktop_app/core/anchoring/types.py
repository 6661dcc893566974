"""What a claim's place in its article is (a Selector) and where it was found again (an Anchor).

A claim is described by the W3C pair TextPositionSelector (start, end) plus
TextQuoteSelector (exact, prefix, suffix), as Hypothesis does: the position is
fast and precise while the text is unchanged, the quote with ~32 characters of
context finds the claim again after the outlet edited the article.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

CONTEXT = 32
#: A claim found unchanged elsewhere, but among surroundings that fit less than this (0..1), is
#: recorded as fuzzy so the analyst checks it: its sentence may be gone and the words repeated elsewhere.
DOUBTFUL_CONTEXT = 0.5


@dataclass(frozen=True)
class Selector:
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str

    def to_w3c(self, *, position: bool = True) -> list[dict]:
        """The W3C Web Annotation selectors; `position=False` for a claim whose offsets are not valid in the current text."""
        selectors: list[dict] = [
            {"type": "TextQuoteSelector", "exact": self.exact, "prefix": self.prefix, "suffix": self.suffix},
        ]
        if position:
            selectors.append({"type": "TextPositionSelector", "start": self.start, "end": self.end})
        return selectors


def describe(text: str, start: int, end: int, context: int = CONTEXT) -> Selector:
    """The selector of text[start:end]: position, exact quote, and ~32 characters each side."""
    return Selector(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context):start],
        suffix=text[end:end + context],
    )


class How(enum.StrEnum):
    """How a claim was found in a (new) text."""

    exact = "exact"        # at its stored position, with its stored context
    moved = "moved"        # its exact text, elsewhere (the occurrence whose context fits best)
    fuzzy = "fuzzy"        # text that is close enough to its old text, in context
    orphaned = "orphaned"  # nowhere good enough: kept with its old text, never dropped


@dataclass(frozen=True)
class Anchor:
    """Where a claim was found: the new selector (None when orphaned), how, and how well (0..1)."""

    how: How
    selector: Selector | None
    score: float

    @property
    def span(self) -> tuple[int, int] | None:
        return None if self.selector is None else (self.selector.start, self.selector.end)

    @property
    def state(self) -> str:
        """What the claim records as its `anchor`: exact (also when moved), fuzzy or orphaned.

        A claim moved into surroundings that hardly fit its stored context is
        recorded as fuzzy: the same words, but perhaps no longer the same claim.
        """
        if self.how == How.moved and self.score < DOUBTFUL_CONTEXT:
            return "fuzzy"
        return "exact" if self.how in (How.exact, How.moved) else self.how.value


ORPHANED = Anchor(How.orphaned, None, 0.0)
