"""Sentences are those the reference finds in one pass over the whole text with one pattern for both kinds
of boundary (a line break, a sentence end), at every position and in any order of questions."""
from __future__ import annotations

import re
from bisect import bisect_right

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.detect.document import _ABBREVIATIONS, Document

from ...conftest import SEEDS

_BOUNDARY = re.compile(r"[.!?][\"”“»«'’)]?[ \t]+(?=[\"“„»«‘'(]?[A-ZÄÖÜ0-9])|\n")


class WholeText:
    """The reference: every boundary of the text found in one pass (how Document first did it)."""

    def __init__(self, text: str):
        starts = [0]
        for m in _BOUNDARY.finditer(text):
            dot = m.start()
            if text[dot] == "." and dot and text[dot - 1].isalpha():
                space = text.rfind(" ", max(0, dot - 7), dot)
                if space >= 0 or dot < 7:
                    word = text[space + 1:dot].lower().lstrip("(\"“„»'")
                    if word in _ABBREVIATIONS or len(word) == 1:
                        continue
            starts.append(m.end())
        ends = starts[1:] + [len(text)]
        for i, start in enumerate(starts):
            while ends[i] > start and text[ends[i] - 1].isspace():
                ends[i] -= 1
        self.text, self.starts, self.ends = text, starts, ends

    def sentence(self, pos):
        i = bisect_right(self.starts, pos) - 1
        return self.starts[i], self.ends[i]

    def previous_sentence(self, pos):
        i = bisect_right(self.starts, pos) - 1
        while i > 0:
            i -= 1
            if self.text[self.starts[i]:self.ends[i]].strip():
                return self.starts[i], self.ends[i]
        return None


def same(text: str, positions) -> None:
    doc, ref = Document(text, "en"), WholeText(text)
    for pos in positions:
        assert doc.sentence(pos) == ref.sentence(pos), (pos, text)
        assert doc.previous_sentence(pos) == ref.previous_sentence(pos), (pos, text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_position_of_the_sample_articles(path):
    text = path.read_text(encoding="utf-8")
    same(text, range(len(text) + 1))


PIECES = ["Gen. Smith", "U.S. officials", "said.", "Nine", "dead!", "Why?", " ", "  ", "\t", "\n", "\n\n", '"', "“",
          "”", "(", ")", "a.", "J. ", "2023.", "x", "Mr.", "Ende.", "Über"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.data())
def test_any_text_in_any_order_of_questions(text, data):
    positions = data.draw(st.lists(st.integers(0, len(text)), max_size=30))
    same(text, positions)
