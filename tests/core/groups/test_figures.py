"""When two reported figures contradict each other: the qualifier rules, case by case and as properties."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.groups.figures import QUALIFIER_SYNONYMS, VAGUE_RANGES, Figure, canonical_qualifier


def fig(text: str) -> Figure:
    """ "at least 1" -> Figure(1, "at least"); "3" -> Figure(3, "exact"); "dozens" -> Figure(24, "dozens")."""
    if text in VAGUE_RANGES:
        return Figure.of(int(VAGUE_RANGES[text][0]), text)
    *words, number = text.split()
    return Figure.of(int(number.replace(",", "")), " ".join(words))


@pytest.mark.parametrize("a, b, compatible", [
    ("3", "4", False),                      # the brief's example: 3 vs 4 injured
    ("3", "3", True),
    ("exactly 1", "2", False),              # "exactly 1" is not "2"
    ("at least 1", "2", True),              # "at least 1" allows 2
    ("at least 1", "at least 2", True),     # a rising lower bound is consistent
    ("at least 2", "1", False),             # ... but not with exactly one
    ("at least 2", "2", True),
    ("more than 100", "about 100", True),   # 101..inf meets 90..110
    ("more than 100", "100", False),        # "more than" is strict
    ("more than 100", "over 100", True),
    ("about 100", "80", False),             # 10% either side: 90..110
    ("about 100", "110", True),
    ("about 2,500", "2,700", True),
    ("about 3", "4", True),                 # small numbers: at least 1 either side
    ("about 3", "5", False),
    ("up to 12", "12", True),
    ("up to 12", "13", False),
    ("at most 5", "more than 5", False),
    ("fewer than 10", "10", False),
    ("under 10", "9", True),
    ("nearly 100", "100", False),           # "almost 100" is below 100
    ("nearly 100", "95", True),
    ("dozens", "43", True),
    ("dozens", "12", False),
    ("dozens", "at least 17", True),
    ("hundreds", "more than 1,000", False),
    ("tens of thousands", "at least 20,000", True),
    ("0", "no more than 0", True),
    ("0", "1", False),
])
def test_compatibility_rules(a, b, compatible):
    assert fig(a).compatible(fig(b)) is compatible
    assert fig(b).compatible(fig(a)) is compatible


@pytest.mark.parametrize("written, canonical", [
    (None, "exact"), ("", "exact"), ("Exact", "exact"), ("exactly", "exact"),
    ("Over", "more than"), ("more  than", "more than"), ("upwards of", "more than"),
    ("around", "about"), ("roughly", "about"), ("some", "about"), ("approximately", "about"),
    ("up to", "at most"), ("no more than", "at most"), ("less than", "fewer than"),
    ("almost", "nearly"), ("no fewer than", "at least"), ("dozens of", "dozens"),
])
def test_qualifiers_are_read_in_their_usual_spellings(written, canonical):
    assert canonical_qualifier(written) == canonical


def test_an_unknown_qualifier_is_read_tolerantly_as_about():
    odd = Figure.of(100, "reportedly")
    assert not odd.known
    assert odd.bounds() == Figure.of(100, "about").bounds()
    assert odd.compatible(Figure.of(95)) and not odd.compatible(Figure.of(50))


@pytest.mark.parametrize("figure, unit, text", [
    (Figure.of(3), "injured", "3 injured"),
    (Figure.of(1, "at least"), "killed", "at least 1 killed"),
    (Figure.of(2500, "around"), "US soldiers", "about 2,500 US soldiers"),
    (Figure.of(100, "over"), "attacks", "more than 100 attacks"),
    (Figure.of(24, "dozens"), "injured", "dozens injured"),
    (Figure.of(12, "up to"), "", "at most 12"),
])
def test_a_figure_is_described_in_words(figure, unit, text):
    assert figure.describe(unit) == text


qualifiers = st.sampled_from(sorted(set(QUALIFIER_SYNONYMS)) + ["reportedly", "some say"])
figures = st.builds(Figure.of, st.integers(min_value=0, max_value=10**7), qualifiers)


@given(figures, figures)
def test_compatibility_is_symmetric(a, b):
    assert a.compatible(b) == b.compatible(a)


@given(figures)
def test_every_figure_allows_some_value_and_agrees_with_itself(f):
    lo, hi = f.bounds()
    assert 0 <= lo <= hi
    assert f.compatible(f)


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_exact_figures_agree_only_when_equal(n, m):
    assert Figure.of(n).compatible(Figure.of(m)) == (n == m)


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_at_least_n_agrees_with_exactly_m_iff_m_is_at_least_n(n, m):
    assert Figure.of(n, "at least").compatible(Figure.of(m)) == (m >= n)
    assert Figure.of(n, "more than").compatible(Figure.of(m)) == (m > n)
    assert Figure.of(n, "up to").compatible(Figure.of(m)) == (m <= n)


@given(st.integers(0, 10**6))
def test_lower_bounds_never_contradict_each_other(n):
    assert math.isinf(Figure.of(n, "at least").bounds()[1])
    assert Figure.of(n, "at least").compatible(Figure.of(n * 2 + 1, "more than"))
