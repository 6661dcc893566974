"""Patterns rewritten so that `re` can skip to their first character find a match where the plain alternation
(kept here as the reference) does: only where a match starts is used."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.detect.casualties import _CLAUSE_END, _CLAUSE_WORDS
from desktop_app.core.detect.lexicon import both_cases, trie_pattern
from desktop_app.core.detect.statistics import _PUNCT_STOP

CLAUSE_END = {lang: re.compile(r"[,;:()\"“”„«»—–\n]|\.(?:\s|$)|\s" + trie_pattern(both_cases(words.split())) + r"\b")
              for lang, words in _CLAUSE_WORDS.items()}
PUNCT_STOP = re.compile(r"[,;:()\"“”„«»—–!?]|\n|\.(?:\s|$)")

PIECES = ["and", "And", "und", "or", "who", "which", "während", "sowie", "anderson", "the", "x", ".", ",", ";", "\n",
          " ", "  ", "\t", "“", "„", "—", "(", ")", "!", "?", "a.b", "3.5"]


def start(m):
    return None if m is None else m.start()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.data())
def test_same_first_match_between_any_two_positions(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for language, pattern in _CLAUSE_END.items():
        assert start(pattern.search(text, lo, hi)) == start(CLAUSE_END[language].search(text, lo, hi))
    assert start(_PUNCT_STOP.search(text, lo, hi)) == start(PUNCT_STOP.search(text, lo, hi))
