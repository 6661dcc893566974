"""Scoring against a reference: matching rules, one-to-one matching, and gold-file loading."""
from __future__ import annotations

import json

import pytest

from desktop_app.core.detect.evaluation import Reference, load_gold, score
from desktop_app.core.detect.suggestion import Suggestion

from ...conftest import SAMPLE_GOLD


def cas(start, end, count=3, category="injured"):
    return Suggestion("casualty", start, end, "x" * (end - start), 0.9, {"count": count, "category": category})


def ref(start, end, count=3, category="injured", type="casualty"):
    return Reference(type, start, end, "x" * (end - start), {"count": count, "category": category})


def test_half_of_the_reference_span_is_enough_and_less_is_not():
    assert score([cas(0, 10)], [ref(5, 15)])["casualty"].matched == 1
    assert score([cas(0, 9)], [ref(5, 15)])["casualty"].matched == 0


def test_casualties_need_the_same_count_and_category():
    assert score([cas(0, 10, count=4)], [ref(0, 10)])["casualty"].matched == 0
    assert score([cas(0, 10, category="killed")], [ref(0, 10)])["casualty"].matched == 0


def test_two_suggestions_for_one_claim_are_one_hit_and_one_false_alarm():
    s = score([cas(0, 10), cas(2, 10)], [ref(0, 10)])["casualty"]
    assert (s.matched, s.precision, s.recall) == (1, 0.5, 1.0)
    assert len(s.false_alarms) == 1 and s.missed == ()


def test_matching_is_maximal_not_greedy():
    # The first suggestion could take either reference; a greedy pass would strand the second one.
    refs = [ref(0, 10), ref(8, 12)]
    sugs = [cas(5, 12), cas(0, 7)]
    assert score(sugs, refs)["casualty"].matched == 2


def test_empty_types_score_one():
    s = score([], [])["quote"]
    assert (s.precision, s.recall, s.meets_targets) == (1.0, 1.0, True)


def test_load_gold_places_every_claim_and_honours_occurrence(tmp_path):
    text, refs = load_gold(SAMPLE_GOLD)
    gold = json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))
    assert len(refs) == len(gold["claims"])
    assert all(text[r.start:r.end] == r.text for r in refs)
    (tmp_path / "a.txt").write_text("he said and he said", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(
        {"article": "a.txt", "claims": [{"type": "attribution", "text": "he said", "occurrence": 2}]}))
    _, (only,) = load_gold(tmp_path / "a.gold.json")
    assert (only.start, only.end) == (12, 19)


def test_a_reference_that_is_not_in_the_article_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"article": "a.txt", "claims": [{"type": "quote", "text": "no"}]}))
    with pytest.raises(ValueError, match="not in a.txt"):
        load_gold(tmp_path / "a.gold.json")
