"""Re-anchoring 10,000 claims in a 1 MB article revised in 100 places, against a plain `str.find`.

The baseline is what the cheapest possible re-anchoring would cost: one
`str.find` of each claim's exact text in the new text (it finds no moved
duplicate, no edited claim, nothing orphaned). Ours does position, exact quote
in context, fuzzy matching and orphaning; the goal is to stay within a small
multiple of that baseline, measured in the same run on the same text.

    python benchmarks/bench_reanchor.py [--quick]
"""
from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

from desktop_app.core.anchoring import How, anchor_many, describe

GOAL = 2.0  # re-anchoring, with all its fallbacks, may take at most twice the bare str.find baseline
SAMPLE = Path(__file__).resolve().parents[1] / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt"


def _vocabulary() -> list[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", SAMPLE.read_text("utf-8"))
    return sorted(set(words))


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = [rng.choice(vocab) for _ in range(rng.randint(8, 24))]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words)), f"{rng.randint(2, 5000):,}")
    return " ".join(words).capitalize() + "."


def _article(rng: random.Random, vocab: list[str], size: int) -> str:
    paragraphs, total = [], 0
    while total < size:
        p = " ".join(_sentence(rng, vocab) for _ in range(rng.randint(3, 6)))
        paragraphs.append(p)
        total += len(p) + 2
    return "\n\n".join(paragraphs)[:size].rstrip()


def _claims(rng: random.Random, text: str, count: int) -> list[tuple[int, int]]:
    """Word-aligned spans of 2 to 12 words, spread over the text."""
    words = [m.span() for m in re.finditer(r"\S+", text)]
    spans = set()
    while len(spans) < count:
        i = rng.randrange(len(words) - 12)
        j = i + rng.randint(1, 11)
        spans.add((words[i][0], words[j][1]))
    return sorted(spans)


def _edit(rng: random.Random, vocab: list[str], text: str) -> tuple[int, int, str]:
    """One outlet edit: a paragraph inserted, a sentence deleted, or a word changed."""
    kind = rng.random()
    if kind < 0.35:
        breaks = [m.end() for m in re.finditer(r"\n\n", text)]
        pos = rng.choice(breaks) if breaks else 0
        return pos, 0, " ".join(_sentence(rng, vocab) for _ in range(rng.randint(1, 3))) + "\n\n"
    if kind < 0.6:
        sentences = [m.span() for m in re.finditer(r"[^.\n]+\.\s?", text)]
        start, end = rng.choice(sentences)
        return start, end - start, ""
    words = [m.span() for m in re.finditer(r"[A-Za-z]+", text)]
    start, end = rng.choice(words)
    return start, end - start, rng.choice(vocab)


def run(quick: bool = False) -> dict:
    size, count, places = (100_000, 1_000, 10) if quick else (1_000_000, 10_000, 100)
    rng = random.Random(7)
    vocab = _vocabulary()
    old = _article(rng, vocab, size)
    spans = _claims(rng, old, count)
    selectors = [describe(old, s, e) for s, e in spans]

    # Edits at distinct places, applied from the end so each position refers to the old text.
    edits = sorted({_edit(rng, vocab, old) for _ in range(places)}, key=lambda e: -e[0])
    new, last, applied = old, len(old) + 1, []
    where: dict[tuple[int, int], tuple[int, int] | None] = {span: span for span in spans}
    for pos, deleted, inserted in edits:
        if pos + deleted >= last:
            continue
        last = pos
        applied.append((pos, deleted, inserted))
        new = new[:pos] + inserted + new[pos + deleted:]
        shift = len(inserted) - deleted
        for span, now in where.items():
            if now is None:
                continue
            s, e = now
            if pos + deleted <= s and not (deleted == 0 and pos > s):
                where[span] = (s + shift, e + shift)
            elif pos < e:
                where[span] = None  # the edit touched this claim

    started = time.perf_counter()
    for sel in selectors:
        new.find(sel.exact)
    baseline = time.perf_counter() - started

    started = time.perf_counter()
    anchors = anchor_many(new, selectors)
    ours = time.perf_counter() - started

    counts = {how.value: 0 for how in How}
    misplaced = lost = 0
    for span, found in zip(spans, anchors):
        counts[found.how.value] += 1
        expected = where[span]
        if expected is not None:
            if found.span is None:
                lost += 1
            elif found.span != expected:
                misplaced += 1
    ratio = ours / baseline
    return {
        "name": "reanchor",
        "ratio": round(ratio, 3),
        "goal": GOAL,
        "details": {
            "article_chars": len(new), "claims": len(spans), "edits": len(applied),
            "claims_touched_by_edits": sum(1 for v in where.values() if v is None),
            "untouched_claims_lost": lost, "untouched_claims_misplaced": misplaced,
            **counts,
            "reanchor_seconds": round(ours, 4), "str_find_seconds": round(baseline, 4),
            "reanchor_us_per_claim": round(ours / len(spans) * 1e6, 1),
        },
    }


def main(argv: list[str]) -> int:
    result = run(quick="--quick" in argv)
    print(f"BENCH {result['name']} ratio={result['ratio']} goal={result['goal']}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
    return 0 if result["ratio"] <= result["goal"] else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
