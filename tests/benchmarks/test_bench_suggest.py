"""The suggestion benchmark measures what it claims: >= 1 MB of news-like text, both sides, one run."""
from __future__ import annotations

import importlib.util

from ..conftest import REPO


def _bench():
    spec = importlib.util.spec_from_file_location("bench_suggest", REPO / "benchmarks" / "bench_suggest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_a_megabyte_of_articles_in_both_languages():
    from desktop_app.core.detect import detect_language

    articles = _bench().corpus()
    assert sum(len(a.encode("utf-8")) for a in articles) >= 1_000_000
    assert {detect_language(a) for a in articles} == {"en", "de"}
    assert len(set(articles)) == len(articles)  # figures are re-drawn, so no article repeats another


def test_run_reports_the_ratio_of_both_timings():
    result = _bench().run(quick=True)
    assert result["name"] == "suggest" and result["goal"] == 1.0
    d = result["details"]
    assert d["bytes"] >= 1_000_000 and d["tokens"] > 100_000
    assert abs(result["ratio"] - d["detector_seconds"] / d["spacy_tokenizer_seconds"]) < 0.01
    assert set(d["suggestions"]) == {"casualty", "statistic", "quote", "attribution"}
