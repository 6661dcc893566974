"""The detector against every reference annotation in seeds/: recall >= 0.9 and precision >= 0.8 per type.

New gold files dropped into seeds/ are picked up automatically.
"""
from __future__ import annotations

import pytest

from desktop_app.core.detect.evaluation import TARGET_PRECISION, TARGET_RECALL, TYPES, evaluate_file

from ...conftest import SEEDS

GOLD_FILES = sorted(SEEDS.glob("*.gold.json"))


def test_there_are_reference_annotations_in_english_and_german():
    assert len(GOLD_FILES) >= 4
    assert any("angriff" in p.name for p in GOLD_FILES)


@pytest.mark.parametrize("gold", GOLD_FILES, ids=lambda p: p.name.removesuffix(".gold.json"))
def test_targets_per_type(gold):
    scores = evaluate_file(gold)
    report = {t: (round(scores[t].precision, 2), round(scores[t].recall, 2)) for t in TYPES}
    for t in TYPES:
        s = scores[t]
        assert s.references > 0, f"{gold.name} has no {t} reference"
        assert s.recall >= TARGET_RECALL, (t, report, [r.text for r in s.missed])
        assert s.precision >= TARGET_PRECISION, (t, report, [x.text for x in s.false_alarms])
