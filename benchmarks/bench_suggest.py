"""Claim suggestion speed: the detector against spaCy's blank English tokenizer on the same text.

The corpus is at least 1 MB of news-like text made from the seed articles (paragraphs
drawn at random within each language, every digit re-drawn so no article repeats
another), cut into articles the way the app meets them. Both sides process the same
articles in the same run, each pass cold: a fresh tokenizer (its cache empty) against
the detector with its word caches cleared; the least CPU time of the passes counts.
ratio = detector seconds / tokenizer seconds; the goal is <= 1. The tokenizer's time
with a cache kept from earlier passes over the identical text is reported alongside.
"""
from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from timing import least_time  # noqa: E402

GOAL = 1.0
MIN_BYTES = 1_000_000
# The seed articles the corpus is drawn from, named rather than globbed: a sample article added to
# seeds/ later (for the detector's evaluation) must not change what this benchmark times.
CORPUS_ARTICLES = (
    "erbil-drone-attack-regional-radio.txt",
    "kharkiv-strike-live.txt",
    "mali-angriff-armeeposten.txt",
    "sudan-el-fasher-market-shelling.txt",
    "us-strikes-kataeb-hezbollah-wire.txt",
    "usa-attacks-pro-iranian-militias-in-iraq.txt",
)


def corpus(min_bytes: int = MIN_BYTES, seed: int = 7) -> list[str]:
    """News-like articles totalling at least `min_bytes` of UTF-8."""
    from desktop_app.core.detect.language import detect_language
    from desktop_app.core.importers import normalise_text

    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for path in sorted(REPO / "seeds" / name for name in CORPUS_ARTICLES):
        text = normalise_text(path.read_text(encoding="utf-8"))
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        pools.setdefault(detect_language(text), []).extend(paragraphs)
    languages = sorted(pools)
    articles: list[str] = []
    size = 0
    while size < min_bytes:
        pool = pools[rng.choice(languages)]
        picked = [rng.choice(pool) for _ in range(rng.randint(8, 16))]
        body = "\n\n".join(picked)
        body = re.sub(r"\d", lambda m: str(rng.randint(0, 9)), body)
        articles.append(body)
        size += len(body.encode("utf-8"))
    return articles



def run(quick: bool) -> dict:
    import spacy

    from desktop_app.core.detect import clear_caches, suggest
    from desktop_app.core.detect.freshness import is_compiled

    articles = corpus()
    nbytes = sum(len(a.encode("utf-8")) for a in articles)
    counts: dict[str, int] = {}

    def detect():
        clear_caches()  # cold, as the tokenizer below: nothing remembered from an earlier pass
        counts.clear()
        for a in articles:
            for s in suggest(a):
                counts[s.type] = counts.get(s.type, 0) + 1

    tokens = [0]
    nlp = spacy.blank("en")

    def tokenize():
        # A fresh tokenizer each pass: it meets the text once, as the detector does; a tokenizer kept
        # across passes would answer from its cache of the identical text (reported as warm_cache).
        tokenizer = nlp.tokenizer.__class__(nlp.vocab, rules=nlp.tokenizer.rules,
                                            prefix_search=nlp.tokenizer.prefix_search,
                                            suffix_search=nlp.tokenizer.suffix_search,
                                            infix_finditer=nlp.tokenizer.infix_finditer,
                                            token_match=nlp.tokenizer.token_match,
                                            url_match=nlp.tokenizer.url_match)
        tokens[0] = sum(len(tokenizer(a)) for a in articles)

    warm = nlp.tokenizer

    def tokenize_warm():
        sum(len(warm(a)) for a in articles)

    repeats = 1 if quick else 3
    tokenize()  # imports, regex compilation and the vocabulary's strings happen before timing
    detect()
    spacy_time = least_time(tokenize, repeats, clock=time.process_time)
    detect_time = least_time(detect, repeats, clock=time.process_time)
    tokenize_warm()
    warm_time = least_time(tokenize_warm, repeats, clock=time.process_time)
    return {
        "name": "suggest",
        "ratio": detect_time / spacy_time,
        "goal": GOAL,
        "details": {
            "bytes": nbytes, "articles": len(articles), "tokens": tokens[0],
            "detector_seconds": round(detect_time, 4), "spacy_tokenizer_seconds": round(spacy_time, 4),
            "detector_mb_per_s": round(nbytes / detect_time / 1e6, 2),
            "spacy_tokenizer_warm_cache_seconds": round(warm_time, 4),
            "suggestions": dict(sorted(counts.items())), "repeats": repeats,
            "detector_compiled": is_compiled(),  # by mypyc at install (setup.py); False: the sources were timed
        },
    }


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv)
    print(f"BENCH {result['name']} ratio={result['ratio']:.3f} goal={result['goal']}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
