"""An article's text cut into sentences and paragraphs, shared by every rule.

Every line break ends a sentence. The sentence ends are found for the whole text at once, on the first
question: the end pattern starts with a punctuation mark, so `re` skips to the candidates in C, and
line breaks by str.find; a sentence is then one bisection away.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from .anchors import Anchors, find_anchors

# A sentence ends at . ! ? (perhaps followed by a closing quote or bracket) before white space and
# an upper-case letter, digit or opening quote; every line break ends one too (headlines, bullets).
_SENTENCE_END: Final = re.compile(r"([.!?][\"”“»«'’)]?)[ \t]+(?=[\"“„»«‘'(]?[A-ZÄÖÜ0-9])")
_ABBREVIATIONS: Final = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cpl adm sen rep gov st no nr jan feb mar apr jun jul aug sep sept "
    "oct nov dec u.s u.n u.k e.g i.e vs approx ca bzw z.b u.a d.h dr. ggf inkl etc fig abs".split())


class Document:
    """Text plus language, with sentence boundaries."""

    def __init__(self, text: str, language: str, found_anchors: Anchors | None = None):
        self.text = text
        self.language = language
        self._anchors = found_anchors
        self._starts: list[int] | None = None  # every sentence's start, in order (found on the first question)
        self._last = (0, 0, 0)  # the sentence asked for last: (start, end, next start)
        self.subjects: dict[tuple[int, int], tuple[int, str] | None] = {}  # see reporting.verb_subject

    @property
    def anchors(self) -> Anchors:
        """Where the rules may apply (anchors.py), found once."""
        if self._anchors is None:
            self._anchors = find_anchors(self.text, self.language)
        return self._anchors

    def _sentence_starts(self) -> list[int]:
        """Where each sentence starts: the text's start, after each line break, after each sentence end."""
        text = self.text
        ends = []
        for m in _SENTENCE_END.finditer(text):
            dot = m.start()
            if text[dot] == "." and dot and text[dot - 1].isalpha():
                space = text.rfind(" ", max(0, dot - 7), dot)
                if space >= 0 or dot < 7:
                    word = text[space + 1:dot].lower().lstrip("(\"“„»'")
                    if word in _ABBREVIATIONS or len(word) == 1:
                        continue  # "Gen. Smith", "U.S. officials", an initial
            ends.append(m.end())
        starts = [0]
        newline = text.find("\n")
        while newline >= 0:  # str.find, not a regular expression: no match object per line
            starts.append(newline + 1)
            newline = text.find("\n", newline + 1)
        if ends:
            starts += ends
            starts.sort()  # two sorted runs: merged, not sorted afresh
        starts.append(len(text) + 1)  # where a sentence after the last would start
        self._starts = starts
        return starts

    def _end(self, start: int, following: int) -> int:
        """A sentence's end: the next one's start less the white space before it."""
        text = self.text
        end = following if following <= len(text) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        return end

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding position `pos` (end excludes the following space)."""
        last = self._last
        if last[0] <= pos < last[2]:
            return last[0], last[1]  # rules ask about the same sentence many times in a row
        starts = self._starts or self._sentence_starts()
        i = bisect_right(starts, pos)
        start, following = starts[i - 1], starts[i]
        text = self.text
        end = following if following <= len(text) else len(text)
        while end > start and text[end - 1].isspace():  # as _end(), inline: most questions ask a new sentence
            end -= 1
        self._last = (start, end, following)
        return start, end

    def previous_sentence(self, pos: int) -> tuple[int, int] | None:
        """The last non-empty sentence before the one holding `pos` (blank lines are skipped)."""
        starts = self._starts or self._sentence_starts()
        text = self.text
        i = bisect_right(starts, pos) - 1
        while i > 0:
            i -= 1
            start = starts[i]
            end = self._end(start, starts[i + 1])
            if text[start:end].strip():
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
