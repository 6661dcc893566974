#!/usr/bin/env python3
"""What the claim detector suggests on the seed articles and on the benchmark corpus, to prove that a change
meant only to make it faster leaves every suggestion as it was.

    python scripts/detector_snapshot.py --write   # record today's output (tests/core/detect/data/)
    python scripts/detector_snapshot.py           # compare with the recorded output; exit 1 on a difference
    python scripts/detector_snapshot.py --wide DIR  # also dump more texts (other corpus seeds, forced languages)

The seeds' suggestions are kept whole (gzip JSON); the benchmark corpus's only as a SHA-256 of its JSON.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DATA = REPO / "tests" / "core" / "detect" / "data"
SEEDS_FILE = DATA / "seed_suggestions.json.gz"
CORPUS_FILE = DATA / "corpus_suggestions.sha256"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_suggest", REPO / "benchmarks" / "bench_suggest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_output() -> dict[str, list[dict]]:
    """Suggestions of every seed article, as read and as normalised on import, keyed by file name."""
    from desktop_app.core.detect import suggest
    from desktop_app.core.importers import normalise_text

    out = {}
    for path in sorted((REPO / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        out[path.name] = [s.to_json() for s in suggest(raw)]
        out[path.name + ":normalised"] = [s.to_json() for s in suggest(normalise_text(raw))]
    return out


def corpus_output(seed: int = 7, min_bytes: int | None = None) -> list[list[dict]]:
    """Suggestions of every article of the benchmark's corpus (seed 7 is the benchmark's own)."""
    from desktop_app.core.detect import suggest

    bench = _bench()
    articles = bench.corpus(seed=seed) if min_bytes is None else bench.corpus(min_bytes, seed=seed)
    return [[s.to_json() for s in suggest(a)] for a in articles]


def digest(output) -> str:
    return hashlib.sha256(json.dumps(output, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


_STREWN = ['"', "'", "“", "”", "„", "«", "»", ",", ".", "\n", "\n\n", " 7", "3 ", "-", ":"]


def wide_output() -> dict:
    """More text than the committed snapshot covers, for a developer's diff: other corpus draws, and the seeds
    read in either language (rules meeting text they were not written for), damaged articles."""
    import random

    from desktop_app.core.detect import suggest

    out = {f"corpus-{seed}": corpus_output(seed) for seed in (1, 2, 3)}
    # Damaged articles: characters dropped, lines broken, marks and digits strewn, to reach the rules' edge cases.
    rng = random.Random(4)
    damaged = []
    for article in _bench().corpus(seed=4):
        chars = []
        for c in article:
            r = rng.random()
            if r < 0.01:
                continue
            chars.append(c)
            if r > 0.995:
                chars.append(rng.choice(_STREWN))
        damaged.append("".join(chars))
    out["damaged-4"] = [[s.to_json() for s in suggest(a)] for a in damaged]
    for path in sorted((REPO / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        for lang in ("en", "de"):
            out[f"{path.name}:{lang}"] = [s.to_json() for s in suggest(raw, lang)]
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--write", action="store_true", help="record the current output as the snapshot")
    p.add_argument("--wide", type=Path, help="write the wide dump to this folder (compare two with diff)")
    args = p.parse_args(argv)
    seeds, corpus = seed_output(), digest(corpus_output())
    if args.wide:
        args.wide.mkdir(parents=True, exist_ok=True)
        for name, output in wide_output().items():
            (args.wide / f"{name}.json").write_text(json.dumps(output, ensure_ascii=False, indent=0), encoding="utf-8")
        (args.wide / "seeds.json").write_text(json.dumps(seeds, ensure_ascii=False, indent=0), encoding="utf-8")
        (args.wide / "corpus.sha256").write_text(corpus + "\n")
    if args.write:
        DATA.mkdir(parents=True, exist_ok=True)
        SEEDS_FILE.write_bytes(gzip.compress(json.dumps(seeds, ensure_ascii=False, indent=0, sort_keys=True)
                                             .encode("utf-8"), mtime=0))
        CORPUS_FILE.write_text(corpus + "\n")
        print(f"wrote {SEEDS_FILE.relative_to(REPO)} and {CORPUS_FILE.relative_to(REPO)}")
        return 0
    same_seeds = json.loads(gzip.decompress(SEEDS_FILE.read_bytes())) == seeds
    same_corpus = CORPUS_FILE.read_text().strip() == corpus
    print(f"seeds: {'identical' if same_seeds else 'DIFFERENT'}; corpus: {'identical' if same_corpus else 'DIFFERENT'}")
    return 0 if same_seeds and same_corpus else 1


if __name__ == "__main__":
    sys.exit(main())
