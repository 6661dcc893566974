"""When do two reported figures contradict each other? Qualifiers read as ranges.

A reported figure is a count with a qualifier ("at least 1", "more than 100",
"about 2,500", "dozens"). Each is read as the range of true values it allows;
two figures are *compatible* when their ranges overlap, i.e. when one state of
the world makes both reports true. That is the whole rule:

    exact N            N .. N        ("3 injured")
    at least N         N .. inf      ("at least 1" fits 2: no conflict)
    more than N        N+1 .. inf    ("more than 100" fits "about 100")
    at most N          0 .. N        ("up to 12", "no more than 12")
    fewer than N       0 .. N-1      ("under 10", "less than 10")
    about N            N-t .. N+t    t = 10% of N rounded up, at least 1
    nearly N           N-t .. N-1    ("almost 100" is below 100)
    dozens             24 .. 99      vague words: their literal range,
    hundreds           200 .. 999    whatever the count says
    thousands          2,000 .. 9,999
    tens of thousands  20,000 .. 99,999
    hundreds of thousands 200,000 .. 999,999
    millions           2,000,000 .. inf

So "at least 1 killed" and "at least 2 killed" agree (both are true if two
died: the toll rose), "exactly 1" and "at least 2" do not, "3" and "4" do not.
A qualifier this module does not know is read as "about" -- a tolerant reading,
because a false alarm costs an analyst more time than a missed vague figure.
Pure functions, no storage: the rules are tested on their own.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf

#: Canonical qualifiers, and the ways reports (and analysts) write them.
QUALIFIER_SYNONYMS: dict[str, str] = {
    "": "exact", "exact": "exact", "exactly": "exact", "precisely": "exact", "a total of": "exact",
    "at least": "at least", "no fewer than": "at least", "no less than": "at least", "a minimum of": "at least",
    "minimum": "at least", "min": "at least", ">=": "at least",
    "more than": "more than", "over": "more than", "above": "more than", "upwards of": "more than",
    "in excess of": "more than", "greater than": "more than", ">": "more than",
    "at most": "at most", "up to": "at most", "no more than": "at most", "a maximum of": "at most",
    "maximum": "at most", "max": "at most", "<=": "at most",
    "fewer than": "fewer than", "less than": "fewer than", "under": "fewer than", "below": "fewer than",
    "<": "fewer than",
    "about": "about", "around": "about", "approximately": "about", "approx.": "about", "approx": "about",
    "roughly": "about", "some": "about", "circa": "about", "an estimated": "about", "estimated": "about",
    "~": "about", "c.": "about", "ca.": "about",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "dozens": "dozens", "dozens of": "dozens",
    "hundreds": "hundreds", "hundreds of": "hundreds",
    "thousands": "thousands", "thousands of": "thousands",
    "tens of thousands": "tens of thousands", "tens of thousands of": "tens of thousands",
    "hundreds of thousands": "hundreds of thousands", "hundreds of thousands of": "hundreds of thousands",
    "millions": "millions", "millions of": "millions",
}
#: Vague quantity words: the range they literally allow, whatever count was noted with them.
VAGUE_RANGES: dict[str, tuple[float, float]] = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, INF),
}
#: How each canonical qualifier is written in a sentence ("" for an exact figure).
_PHRASE = {"exact": "", "at least": "at least", "more than": "more than", "at most": "at most",
           "fewer than": "fewer than", "about": "about", "nearly": "nearly"}


def canonical_qualifier(qualifier: str | None) -> str:
    """The canonical form of a qualifier as typed ("Over" -> "more than"); unknown words are kept, lower-cased."""
    text = " ".join((qualifier or "").strip().lower().split())
    return QUALIFIER_SYNONYMS.get(text, text)


def _tolerance(count: int) -> int:
    return max(1, math.ceil(count * 0.1))


@dataclass(frozen=True)
class Figure:
    """A count as reported, with its qualifier in canonical form."""

    count: int
    qualifier: str = "exact"

    @classmethod
    def of(cls, count: int, qualifier: str | None = None) -> Figure:
        return cls(int(count), canonical_qualifier(qualifier))

    @property
    def known(self) -> bool:
        """Whether this module knows the qualifier (an unknown one is read as "about")."""
        return self.qualifier in _PHRASE or self.qualifier in VAGUE_RANGES

    def bounds(self) -> tuple[float, float]:
        """The smallest and largest true value this report allows (the upper bound may be infinite)."""
        n, q = self.count, self.qualifier
        if q in VAGUE_RANGES:
            return VAGUE_RANGES[q]
        if q == "exact":
            return n, n
        if q == "at least":
            return n, INF
        if q == "more than":
            return n + 1, INF
        if q == "at most":
            return 0, n
        if q == "fewer than":
            return 0, max(0, n - 1)
        if q == "nearly":
            return max(0, n - _tolerance(n)), max(0, n - 1)
        return max(0, n - _tolerance(n)), n + _tolerance(n)  # "about", and any qualifier we do not know

    def compatible(self, other: Figure) -> bool:
        """True when some true value satisfies both reports."""
        lo1, hi1 = self.bounds()
        lo2, hi2 = other.bounds()
        return lo1 <= hi2 and lo2 <= hi1

    def describe(self, unit: str = "") -> str:
        """The figure in words, e.g. "at least 1 killed", "about 2,500 troops", "dozens injured"."""
        if self.qualifier in VAGUE_RANGES:
            words = [self.qualifier]
        else:
            phrase = _PHRASE.get(self.qualifier, self.qualifier)
            words = [phrase, f"{self.count:,}"] if phrase else [f"{self.count:,}"]
        if unit:
            words.append(unit)
        return " ".join(words)


def compatible(a: Figure, b: Figure) -> bool:
    return a.compatible(b)
