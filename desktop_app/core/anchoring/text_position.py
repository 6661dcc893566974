"""Character positions in an article's text: is the claim still where it was, and what is nearest to a spot.

Searching outward from where a claim is expected makes the usual case (a claim
shifted by an edit before it) cost the length of the shift, not of the article.
"""
from __future__ import annotations

from .types import Selector

_FIRST_RADIUS = 256


def clamp(pos: int, text: str) -> int:
    return min(max(pos, 0), len(text))


def in_place(text: str, selector: Selector) -> bool:
    """The claim's exact text and its whole stored context are still at its stored position.

    Hypothesis accepts a position when the quote still matches there; we also ask
    for the context, so that a duplicate which an edit slid into the old spot
    does not win over the claim's real occurrence.
    """
    start, end = selector.start, selector.end
    if not (0 <= start < end <= len(text)) or text[start:end] != selector.exact:
        return False
    p, s = selector.prefix, selector.suffix
    return start >= len(p) and text[start - len(p):start] == p and text[end:end + len(s)] == s


def nearest(text: str, needle: str, pos: int) -> int | None:
    """The start of the occurrence of `needle` closest to `pos` (the earlier one on a tie), or None.

    Windows around `pos` grow fourfold, so the cost follows the distance to the
    answer; a needle that is absent costs a few scans of the text, in C.
    """
    n, m = len(text), len(needle)
    if m == 0 or m > n:
        return None
    pos = clamp(pos, text)
    radius = _FIRST_RADIUS
    while True:
        lo, hi = max(0, pos - radius), min(n, pos + radius + m)
        before = text.rfind(needle, lo, min(n, pos - 1 + m)) if pos > 0 else -1
        after = text.find(needle, pos, hi)
        if before >= 0 and (after < 0 or pos - before <= after - pos):
            return before
        if after >= 0:
            return after
        if lo == 0 and hi == n:
            return None
        radius *= 4
