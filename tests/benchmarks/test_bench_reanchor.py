"""The re-anchoring benchmark's scenario, scaled down, as a correctness check (its timing is not asserted here)."""
from __future__ import annotations

import importlib.util

from ..conftest import REPO


def load():
    spec = importlib.util.spec_from_file_location("bench_reanchor", REPO / "benchmarks" / "bench_reanchor.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quick_run_reports_the_benchmark_line_fields_and_loses_no_untouched_claim():
    result = load().run(quick=True)
    assert result["name"] == "reanchor" and result["goal"] > 0 and result["ratio"] > 0
    d = result["details"]
    assert d["claims"] == 1000 and d["edits"] >= 5
    assert d["untouched_claims_lost"] == 0 and d["untouched_claims_misplaced"] == 0
    assert d["exact"] + d["moved"] + d["fuzzy"] + d["orphaned"] == d["claims"]
    # Only claims an edit touched may be fuzzy or orphaned.
    assert d["fuzzy"] + d["orphaned"] <= d["claims_touched_by_edits"]
