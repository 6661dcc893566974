"""The anchor pass: trying a rule's pattern only at the anchors finds exactly what scanning the whole text finds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.detect import anchors
from desktop_app.core.detect.anchors import find_anchors, matches_at, matches_between
from desktop_app.core.detect.attributions import _CUES, _PASSIVE
from desktop_app.core.detect.casualties import _CUE_LEAD, _NOBODY, _PERSON_SCAN, _RIGHT
from desktop_app.core.detect.numbers import _DE_ARTICLES, _DIGIT_SCAN, _WORD_SCAN
from desktop_app.core.detect.reporting import REPORTING

from ...conftest import SEEDS

# Pieces that make the patterns match, half-match and fail, glued in any order (no spaces needed between them).
PIECES = ["said", "says", "sagte", "teilte", "mit", "according to", "According", "as reported by", "laut", "nach",
          "Angaben", "zufolge", "three", "Thirty-seven", "hundred", "dozens", "Dutzende", "einem", "dreiundzwanzig",
          "2,500", "1.5", "07:40", "12", "٣", "a man", "driver", "Mann", "no one", "No", "none of the", "niemand",
          "killed", "wounded", "Tote", "claimed by", "admitted to hospital", "condemned it as", "toll", "number of",
          "on the move", "on", "in Lebensgefahr", "in lebensbedrohlichem Zustand", "auf der Flucht", "auf",
          "ins Krankenhaus gebracht", "in", "unter den Trümmern", "ihren Verletzungen erlegen", "ihre Häuser verlassen",
          " ", "  ", "\n", "\n\n", ",", ".", "-", "'", "\u201c", "\u201d", "„", "(", "é", "ß", "x", "Gen.", "U.S."]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
PATTERNS = {
    "en": [(_DIGIT_SCAN, anchors.DIGIT), (_WORD_SCAN["en"], anchors.NUMBER), (REPORTING["en"], anchors.VERB),
           (_CUES["en"], anchors.CUE), (_PASSIVE, anchors.VERB), (_PERSON_SCAN["en"], anchors.PERSON),
           (_NOBODY["en"], anchors.NOBODY)],
    "de": [(_DIGIT_SCAN, anchors.DIGIT), (_WORD_SCAN["de"], anchors.NUMBER), (REPORTING["de"], anchors.VERB),
           (_CUES["de"], anchors.CUE), (_PERSON_SCAN["de"], anchors.PERSON), (_NOBODY["de"], anchors.NOBODY)],
}


def spans(matches):
    return [m.span() for m in matches]


def check(text: str, language: str) -> None:
    found = find_anchors(text, language)
    # A casualty's category word may start with a common word that is no anchor ("on the move", "in Lebensgefahr"):
    # every cue holds an anchor at most _CUE_LEAD characters after its start, where the search for it begins.
    category = found[anchors.CATEGORY]
    for m in _RIGHT[language].finditer(text):
        assert any(m.start() <= a < m.end() and a - m.start() <= _CUE_LEAD for a in category), (m.group(), text)
    for pattern, kind in PATTERNS[language]:
        expected = [m for m in pattern.finditer(text)
                    if not (kind == anchors.NUMBER and m.group().lower() in _DE_ARTICLES)]  # "ein" is no numeral
        assert spans(matches_at(pattern, text, found[kind])) == spans(expected), (pattern.pattern[:60], kind, text)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_the_sample_articles(path):
    text = path.read_text(encoding="utf-8")
    for language in ("en", "de"):
        check(text, language)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.sampled_from(["en", "de"]))
def test_any_text(text, language):
    check(text, language)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(0, 400), st.integers(0, 400), st.sampled_from(["en", "de"]))
def test_between_two_positions_including_a_word_cut_at_the_end(text, a, b, language):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    verbs = find_anchors(text, language)[anchors.VERB]
    assert spans(matches_between(REPORTING[language], text, verbs, lo, hi)) == spans(
        REPORTING[language].finditer(text, lo, hi))


def test_a_word_at_the_very_start_is_an_anchor():
    found = find_anchors("said three", "en")
    assert found[anchors.VERB] == [0] and found[anchors.NUMBER] == [5]
