"""The detector's output is pinned: on every seed article and on the benchmark's corpus it suggests exactly
what was recorded (scripts/detector_snapshot.py --write). A change made for speed must leave it identical;
a change meant to alter suggestions re-records the snapshot in the same commit, and says why."""
from __future__ import annotations

import gzip
import importlib.util
import json

from ...conftest import REPO


def _snapshot():
    spec = importlib.util.spec_from_file_location("detector_snapshot", REPO / "scripts" / "detector_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_articles_get_the_recorded_suggestions():
    snap = _snapshot()
    recorded = json.loads(gzip.decompress(snap.SEEDS_FILE.read_bytes()))
    current = snap.seed_output()
    assert sorted(current) == sorted(recorded)
    assert sum(len(v) for v in recorded.values()) > 100
    for name in recorded:
        assert current[name] == recorded[name], name


def test_the_benchmark_corpus_gets_the_recorded_suggestions():
    snap = _snapshot()
    assert snap.digest(snap.corpus_output()) == snap.CORPUS_FILE.read_text().strip()
