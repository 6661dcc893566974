"""An article's text cut into sentences and lines, as far as the rules ask, shared by every rule.

Every line break ends a sentence, so sentences are found line by line, and only in the lines a
rule asks about: most of an article's lines hold no candidate claim. Lines are found with one
pass for the line breaks and looked up by bisection.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from .anchors import Anchors, find_anchors

# A sentence ends at . ! ? (perhaps followed by a closing quote or bracket) before white space and
# an upper-case letter, digit or opening quote; every line break ends one too (headlines, bullets).
_SENTENCE_END = re.compile(r"([.!?][\"”“»«'’)]?)[ \t]+(?=[\"“„»«‘'(]?[A-ZÄÖÜ0-9])")
_LINE_BREAK = re.compile(r"\n")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm sen rep gov st no nr jan feb mar apr jun jul aug sep sept "
    "oct nov dec u.s u.n u.k e.g i.e vs approx ca bzw z.b u.a d.h dr. ggf inkl etc fig abs".split())


class Document:
    """Text plus language, with sentence and line boundaries."""

    def __init__(self, text: str, language: str, found_anchors: Anchors | None = None):
        self.text = text
        self.language = language
        self._anchors = found_anchors
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self._lines: dict[int, tuple[list[int], list[int]]] = {}
        self._last = (0, 0, 0)  # the sentence asked for last: (start, end, next start)

    @property
    def anchors(self) -> Anchors:
        """Where the rules may apply (anchors.py), found once."""
        if self._anchors is None:
            self._anchors = find_anchors(self.text, self.language)
        return self._anchors

    def _sentences(self, line: int) -> tuple[list[int], list[int]]:
        """Starts and ends of the sentences of line number `line` (computed once)."""
        found = self._lines.get(line)
        if found is not None:
            return found
        text = self.text
        line_start = self._line_starts[line]
        following = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(text)
        line_end = following - 1 if following > line_start and text[following - 1] == "\n" else following
        if line_end == line_start:
            found = self._lines[line] = ([line_start], [line_start])  # a blank line
            return found
        starts = [line_start]
        ends = []  # each sentence's end, without the white space before the next one
        for m in _SENTENCE_END.finditer(text, line_start, line_end):
            dot = m.start()
            if text[dot] == "." and dot and text[dot - 1].isalpha():
                space = text.rfind(" ", max(0, dot - 7), dot)
                if space >= 0 or dot < 7:
                    word = text[space + 1:dot].lower().lstrip("(\"“„»'")
                    if word in _ABBREVIATIONS or len(word) == 1:
                        continue  # "Gen. Smith", "U.S. officials", an initial
            starts.append(m.end())
            ends.append(m.end(1))
        end = following
        while end > starts[-1] and text[end - 1].isspace():
            end -= 1
        ends.append(end)
        found = self._lines[line] = (starts, ends)
        return found

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding position `pos` (end excludes the following space)."""
        last = self._last
        if last[0] <= pos < last[2]:
            return last[0], last[1]  # rules ask about the same sentence many times in a row
        line = bisect_right(self._line_starts, pos) - 1
        starts, ends = self._sentences(line)
        i = bisect_right(starts, pos) - 1
        if i + 1 < len(starts):
            following = starts[i + 1]
        else:
            following = self._line_starts[line + 1] if line + 1 < len(self._line_starts) else len(self.text) + 1
        self._last = (starts[i], ends[i], following)
        return starts[i], ends[i]

    def previous_sentence(self, pos: int) -> tuple[int, int] | None:
        """The last non-empty sentence before the one holding `pos` (blank lines are skipped)."""
        line = bisect_right(self._line_starts, pos) - 1
        starts, ends = self._sentences(line)
        i = bisect_right(starts, pos) - 1
        while True:
            while i > 0:
                i -= 1
                if self.text[starts[i]:ends[i]].strip():
                    return starts[i], ends[i]
            if line == 0:
                return None
            line -= 1
            starts, ends = self._sentences(line)
            i = len(starts)

    def line(self, pos: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, pos) + 1
        end = self.text.find("\n", pos)
        return start, len(self.text) if end < 0 else end

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph (text after the last blank line) holding `pos`."""
        i = self.text.rfind("\n\n", 0, pos)
        return 0 if i < 0 else i + 2
