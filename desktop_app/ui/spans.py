"""Pure helpers for placing claims in an article's text (no Qt, tested on their own).

Python counts characters in code points, Qt's QTextDocument in UTF-16 units; an
article with an emoji or a rare CJK character would put every later highlight one
place off if positions were passed through unchanged.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_BREAK = re.compile("[\n\r\u2029]")  # what QTextCursor.insertText turns into a new paragraph


class OffsetMap:
    """Converts between Python string offsets and Qt (UTF-16) document positions."""

    def __init__(self, text: str):
        # Offsets (in Python characters) of characters outside the Basic Multilingual Plane
        # (found by the regex engine: a Python loop over a 1 MB article costs 70 ms; and only
        # when the UTF-16 length says there are any: 0.1 ms instead of 2 for the search).
        has_astral = len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if has_astral else []
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]
        self.length = len(text)

    def to_qt(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def to_py(self, position: int) -> int:
        # Each astral character wholly before `position` takes two Qt units; a position
        # inside a surrogate pair rounds down to the start of that character.
        before = bisect_right(self._astral_qt, position - 2)
        if before < len(self._astral_qt) and self._astral_qt[before] == position - 1:
            return position - 1 - before
        return position - before


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same set of claims (innermost first)."""

    start: int
    end: int
    claim_ids: tuple[int, ...]


def segments(spans: Iterable[tuple[int, int, int]]) -> list[Segment]:
    """Split overlapping (start, end, claim_id) spans into runs covered by the same claims.

    Inside a run the claims are ordered innermost (shortest) first, so the view can give
    the innermost claim's colour and still show that others cover the text too.
    """
    items = [(s, e, cid) for s, e, cid in spans if e > s]
    if not items:
        return []
    length = {cid: e - s for s, e, cid in items}
    points = sorted({p for s, e, _ in items for p in (s, e)})
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for s, e, cid in items:
        starts.setdefault(s, []).append(cid)
        ends.setdefault(e, []).append(cid)
    active: set[int] = set()
    out: list[Segment] = []
    for here, nxt in zip(points, points[1:]):
        active.difference_update(ends.get(here, ()))
        active.update(starts.get(here, ()))
        if active:
            ordered = tuple(sorted(active, key=lambda c: (length[c], c)))
            out.append(Segment(here, nxt, ordered))
    return out


def levels(spans: Sequence[tuple[int, int, int]]) -> dict[int, int]:
    """Give each claim the lowest underline level not used by an overlapping claim.

    Overlapping claims get stacked underlines, so each one's extent stays visible.
    """
    out: dict[int, int] = {}
    ends_by_level: list[int] = []
    for s, e, cid in sorted(spans, key=lambda t: (t[0], -(t[1] - t[0]), t[2])):
        for level, end in enumerate(ends_by_level):
            if end <= s:
                ends_by_level[level] = e
                out[cid] = level
                break
        else:
            out[cid] = len(ends_by_level)
            ends_by_level.append(e)
    return out


def runs(spans: Sequence[tuple[int, int, int]], marks: Sequence[tuple[int, int]], start: int,
         end: int) -> list[tuple[Segment, bool]]:
    """The runs of text[start:end] covered by the same claims and find matches, cut to it.

    Each run: its Segment (claims innermost first; none for a match outside claims) and
    whether a mark (a find match) covers it. Only the claims reaching into the range are
    split, but each keeps its whole length, so a run has the same innermost claim whichever
    range it is looked at through.
    """
    inside = [t for t in spans if t[0] < end and t[1] > start]
    inside += [(s, e, -1 - i) for i, (s, e) in enumerate(marks) if s < end and e > start]  # marks: ids below 0
    out = []
    for seg in segments(inside):
        if seg.start >= end or seg.end <= start:
            continue
        claims = tuple(c for c in seg.claim_ids if c >= 0)
        out.append((Segment(max(seg.start, start), min(seg.end, end), claims), len(claims) < len(seg.claim_ids)))
    return out


def paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] cut at paragraph breaks, the breaks left out.

    Qt finds a highlight inside one paragraph from that paragraph's lines; one that
    crosses a break makes it lay out the whole document first.
    """
    out, here = [], start
    for m in _BREAK.finditer(text, start, end):
        if m.start() > here:
            out.append((here, m.start()))
        here = m.end()
    if end > here:
        out.append((here, end))
    return out


def first_paragraph(text: str) -> str:
    """The text up to its first paragraph break: the paragraph that may be the title."""
    m = _BREAK.search(text)
    return text[:m.start()] if m else text


def claims_at(spans: Sequence[tuple[int, int, int]], offset: int) -> list[int]:
    """The claims covering the character at `offset`, innermost first."""
    hits = [(e - s, cid) for s, e, cid in spans if s <= offset < e]
    return [cid for _, cid in sorted(hits)]


def find_all(text: str, needle: str) -> list[int]:
    """Offsets of every case-insensitive occurrence of `needle` (for the find bar's count)."""
    if not needle:
        return []
    hay, pin = text.casefold(), needle.casefold()
    if len(hay) != len(text):  # casefolding changed lengths (e.g. "ß"): fall back to lower()
        hay, pin = text.lower(), needle.lower()
    out, pos = [], hay.find(pin)
    while pos >= 0:
        out.append(pos)
        pos = hay.find(pin, pos + 1)
    return out
