"""Group suggestions at desk scale: `suggest()` against comparing every pair of claims.

Synthetic workspace: EVENTS events (each with its own place names, plus names every
event shares), each reported by OUTLETS outlets with a casualty figure, a death toll,
a statistic and two quotes, figures varying between outlets. The baseline is what
suggestions would cost without blocking: `compare()` on every pair, timed on a random
sample of pairs and scaled to all of them. ratio = suggest seconds / baseline seconds,
met at <= 0.05 (at least 20 times faster than comparing every pair), the convention of
benchmarks/run.py: a ratio is met when it is at most its goal.
Also checks that suggest found one group per event and claim (quality must not be the price).
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.core.groups.matching import compare, suggest  # noqa: E402
from desktop_app.core.groups.records import Report  # noqa: E402

GOAL = 0.05
SHARED = ["us", "iraq", "syria"]


def workspace(events: int, outlets: int, seed: int = 7) -> list[Report]:
    rng = random.Random(seed)
    reports: list[Report] = []
    claim_id = 0
    for e in range(events):
        names = frozenset({f"town{e}", f"province{e}", f"commander{e}", *SHARED})
        day = f"2024-01-{1 + e % 7:02d}"  # all within a week: dates do not separate the events
        for o in range(outlets):
            article = e * outlets + o + 1
            base = dict(article_id=article, article_title=f"Report {article}", outlet=f"Outlet {o}", published=day,
                        context=names)
            items = [
                dict(type="casualty", text="US soldiers were injured", count=3 + rng.choice((0, 0, 1)),
                     qualifier="exact", category="injured", who=rng.choice(("US soldiers", "American troops"))),
                dict(type="casualty", text="civilians were killed", count=10 + rng.choice((0, 2)),
                     qualifier=rng.choice(("at least", "exact")), category="killed", who="civilians"),
                dict(type="statistic", text=f"more than {100 + e} attacks recorded", count=100 + e,
                     qualifier="more than"),
                dict(type="quote", text=rng.choice(("necessary and appropriate", "necessary and proportionate")),
                     speaker=f"Commander {e}"),
                dict(type="quote", text=f"We will respond to every attack on town {e} with force", speaker=f"Commander {e}"),
            ]
            for i, item in enumerate(items):
                claim_id += 1
                reports.append(Report(claim_id=claim_id, start=i * 100, **base, **item))
    return reports


def run(quick: bool) -> dict:
    events, outlets = (60, 5) if quick else (160, 6)
    reports = workspace(events, outlets)
    t0 = time.perf_counter()
    suggestions = suggest(reports)
    suggest_s = time.perf_counter() - t0

    pairs = len(reports) * (len(reports) - 1) // 2
    rng = random.Random(1)
    sample = [tuple(rng.sample(range(len(reports)), 2)) for _ in range(20_000 if quick else 50_000)]
    t0 = time.perf_counter()
    for i, j in sample:
        compare(reports[i], reports[j])
    per_pair = (time.perf_counter() - t0) / len(sample)
    baseline_s = per_pair * pairs

    expected = events * 5  # per event: injured, killed, attacks and two different quotations
    return {"name": "groups_suggest", "ratio": suggest_s / baseline_s, "goal": GOAL,
            "details": {"reports": len(reports), "pairs": pairs, "suggest_seconds": round(suggest_s, 3),
                        "all_pairs_seconds_estimated": round(baseline_s, 1),
                        "microseconds_per_compare": round(per_pair * 1e6, 1),
                        "groups": len(suggestions), "groups_expected": expected,
                        "all_groups_within_one_event": all(
                            len({(r.article_id - 1) // outlets for r in reports if r.claim_id in set(s.member_ids)}) == 1
                            for s in suggestions)}}


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv)
    print(f"BENCH {result['name']} ratio={result['ratio']:.3g} goal={result['goal']:g}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
