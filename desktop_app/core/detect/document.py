"""An article's text cut into sentences and lines, computed once and shared by every rule.

The rules ask "which sentence is this in?" many thousand times on a long text,
so boundaries are found with one regular-expression pass and looked up by bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_right

# A sentence ends at . ! ? (perhaps followed by a closing quote or bracket) before white space and
# an upper-case letter, digit or opening quote; every line break ends one too (headlines, bullets).
_BOUNDARY = re.compile(r"[.!?][\"”“»«'’)]?[ \t]+(?=[\"“„»«‘'(]?[A-ZÄÖÜ0-9])|\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm sen rep gov st no nr jan feb mar apr jun jul aug sep sept "
    "oct nov dec u.s u.n u.k e.g i.e vs approx ca bzw z.b u.a d.h dr. ggf inkl etc fig abs".split())


class Document:
    """Text plus language, with sentence and line boundaries."""

    def __init__(self, text: str, language: str):
        self.text = text
        self.language = language
        starts = [0]
        for m in _BOUNDARY.finditer(text):
            dot = m.start()
            if text[dot] == "." and dot and text[dot - 1].isalpha():
                space = text.rfind(" ", max(0, dot - 7), dot)
                if space >= 0 or dot < 7:
                    word = text[space + 1:dot].lower().lstrip("(\"“„»'")
                    if word in _ABBREVIATIONS or len(word) == 1:
                        continue  # "Gen. Smith", "U.S. officials", an initial
            starts.append(m.end())
        self._starts = starts
        # Each sentence's end, without the white space before the next one.
        ends = starts[1:] + [len(text)]
        for i, start in enumerate(starts):
            end = ends[i]
            while end > start and text[end - 1].isspace():
                end -= 1
            ends[i] = end
        self._ends = ends

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding position `pos` (end excludes the following space)."""
        i = bisect_right(self._starts, pos) - 1
        return self._starts[i], self._ends[i]

    def previous_sentence(self, pos: int) -> tuple[int, int] | None:
        """The last non-empty sentence before the one holding `pos` (blank lines are skipped)."""
        i = bisect_right(self._starts, pos) - 1
        while i > 0:
            i -= 1
            start, end = self.sentence(self._starts[i])
            if self.text[start:end].strip():
                return start, end
        return None

    def line(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph (text after the last blank line) holding `pos`."""
        i = self.text.rfind("\n\n", 0, pos)
        return 0 if i < 0 else i + 2
