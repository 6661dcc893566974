"""The detector's interface: `suggest(text, language)` and the `Suggestion` record."""
from __future__ import annotations

import dataclasses

import pytest

from desktop_app.core.detect import Suggestion, detect_language, suggest
from desktop_app.core.models import FIELDS_BY_TYPE

from ...conftest import SAMPLE

GERMAN = ("Bei einem Angriff auf einen Militärposten sind nach Angaben der Armee mindestens 30 Menschen getötet "
          "worden. \u201eWir werden diese Verbrechen nicht ungesühnt lassen\u201c, sagte der Sprecher.")


def test_suggestions_are_sorted_records_whose_text_is_their_span():
    text = SAMPLE.read_text(encoding="utf-8")
    found = suggest(text)
    assert [s.start for s in found] == sorted(s.start for s in found)
    assert {s.type for s in found} == {"casualty", "statistic", "quote", "attribution"}
    for s in found:
        assert text[s.start:s.end] == s.text
        assert 0 < s.confidence <= 1
        assert set(s.fields) == set(FIELDS_BY_TYPE[s.type])


def test_the_detector_s_records_equal_ones_built_field_by_field():
    for s in suggest(SAMPLE.read_text(encoding="utf-8")):
        assert tuple(s.fields) == FIELDS_BY_TYPE[s.type]
        rebuilt = Suggestion(s.type, s.start, s.end, s.text, s.confidence, dict(s.fields))
        assert rebuilt == s and hash(rebuilt) == hash(s) and rebuilt.fields == s.fields
        with pytest.raises(dataclasses.FrozenInstanceError):
            s.start = 0  # type: ignore[misc]


def test_to_json_is_exactly_the_cli_contract():
    (s,) = [x for x in suggest("Three soldiers were injured.") if x.type == "casualty"]
    assert s.to_json() == {"type": "casualty", "start": 0, "end": 27, "text": "Three soldiers were injured",
                           "confidence": 0.9,
                           "fields": {"count": 3, "qualifier": "exact", "category": "injured", "who": "soldiers"}}


def test_suggestion_is_frozen_and_fills_missing_fields():
    s = Suggestion("quote", 1, 5, "abcd", 0.8, {})
    assert s.fields == {"speaker": None} and s.key == ("quote", 1, 5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 3  # type: ignore[misc]


def test_language_is_detected_and_can_be_given():
    assert detect_language(GERMAN) == "de"
    assert detect_language(SAMPLE.read_text(encoding="utf-8")) == "en"
    assert [s.type for s in suggest(GERMAN)] == ["attribution", "casualty", "quote"]
    # With English rules the German figure has no category word, so no casualty is found.
    assert "casualty" not in [s.type for s in suggest(GERMAN, "en")]


def test_empty_and_figure_free_text():
    assert suggest("") == []
    assert suggest("Nothing happened here today.") == []


def test_long_text_is_handled_in_one_pass_without_blowing_up():
    text = "\n\n".join([SAMPLE.read_text(encoding="utf-8")] * 60)
    found = suggest(text)
    single = suggest(SAMPLE.read_text(encoding="utf-8"))
    assert len(found) == 60 * len(single)
