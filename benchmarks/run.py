"""Run every benchmark and print one comparable line each, then the absolute figures.

    python benchmarks/run.py [--quick] [NAME ...]

Each benchmarks/bench_<name>.py measures Claimdesk against a baseline in the same
run and returns {"name", "ratio", "goal", "details"}; a ratio is met when it is
at most its goal. Prints `BENCH <name> ratio=<R> goal=<G> met|MISSED` per benchmark
and exits 1 if any goal is missed. --quick scales the workloads down for CI.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller workloads (CI)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default: all of {', '.join(available())})")
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = set(names) - set(available())
    if unknown:
        parser.error(f"unknown benchmark {sorted(unknown)[0]!r}; have: {', '.join(available())}")

    results = []
    for name in names:
        module = importlib.import_module(f"bench_{name}")
        started = time.perf_counter()
        result = module.run(quick=args.quick)
        result.setdefault("details", {})["wall_seconds"] = round(time.perf_counter() - started, 2)
        results.append(result)
        print(line(result), flush=True)

    print()
    for r in results:
        print(f"{r['name']}: " + ", ".join(f"{k}={v}" for k, v in r["details"].items()))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    return 0 if all(met(r) for r in results) else 1


def met(result: dict) -> bool:
    return result["ratio"] <= result["goal"]


def line(result: dict) -> str:
    return (f"BENCH {result['name']} ratio={result['ratio']:.3g} goal={result['goal']:g} "
            + ("met" if met(result) else "MISSED"))


if __name__ == "__main__":
    raise SystemExit(main())
