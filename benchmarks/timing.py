"""The one way the benchmarks time a piece of work: the least time of several runs.

The least, not the mean: whatever else the machine does can only make a run slower, so the
fastest run is the closest to the work's own cost.
"""
from __future__ import annotations

import time
from collections.abc import Callable


def least_time(fn: Callable[[], object], repeats: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Least `clock` seconds of `fn()` over `repeats` runs (time.process_time: this process's CPU alone)."""
    best = float("inf")
    for _ in range(repeats):
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best
