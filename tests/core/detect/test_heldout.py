"""The held-out articles (seeds/heldout): annotated blind, never tuned on; their scores are
reported by scripts/evaluate_detector.py, not held to the targets (see its docstring).
The articles of seeds/round2 and seeds/round3 were held out once and then tuned on: they must stay well-formed too."""
from __future__ import annotations

import pytest

from desktop_app.core.detect.evaluation import TYPES, load_gold
from desktop_app.core.detect.language import detect_language

from ...conftest import SEEDS

HELDOUT = sorted((SEEDS / "heldout").glob("*.gold.json"))
ROUNDS = sorted(p for folder in SEEDS.glob("round*") for p in folder.glob("*.gold.json"))


def test_the_held_out_set_covers_english_and_german_and_stays_out_of_the_tuned_set():
    languages = {detect_language(load_gold(p)[0]) for p in HELDOUT}
    assert len(HELDOUT) >= 3 and languages == {"en", "de"}
    tuned = {p.name for p in SEEDS.glob("*.gold.json")} | {p.name for p in ROUNDS}
    assert not tuned & {p.name for p in HELDOUT}
    assert all({r.type for r in load_gold(p)[1]} >= set(TYPES) for p in HELDOUT)  # the blind set scores every type


@pytest.mark.parametrize("gold", HELDOUT + ROUNDS,
                         ids=lambda p: p.parent.name + "/" + p.name.removesuffix(".gold.json"))
def test_every_held_out_reference_is_in_its_article_with_its_fields(gold):
    text, references = load_gold(gold)  # raises if a quoted span is not in the article
    # A factbox may quote nobody; every article counts casualties, other figures and sources.
    assert {r.type for r in references} >= set(TYPES) - {"quote"}
    for r in references:
        assert text[r.start:r.end] == r.text
        if r.type == "casualty":
            assert isinstance(r.fields.get("count"), int) and r.fields.get("category"), r
