"""Import speed and boundedness: refusing a hostile file must cost no more than importing a real one.

    .venv/bin/python benchmarks/bench_import.py [--quick]

Prints `BENCH import ratio=<R> goal=<G>`: R is the slowest refusal of a hostile file (ZIP
bomb, entity bomb, many-member ZIP, truncated PDF, oversize) divided by the import time
of the sample article as a Word file, both measured in this run. Goal 2: a hostile file
may cost a parse of its outline to be recognised (an 80,000-element page is parsed once to
count its elements), but never the unbounded work it was built to cause. Then the mean
milliseconds per format.
"""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop_app.core.errors import ImportFailed  # noqa: E402
from desktop_app.core.importers import import_bytes  # noqa: E402

FIXTURES = REPO / "tests" / "data" / "fixtures"
GOAL = 2.0


def _hostile():
    spec = importlib.util.spec_from_file_location("h", REPO / "scripts" / "make_hostile_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mean_ms(data: bytes, name: str, repeat: int) -> float:
    best = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        try:
            import_bytes(data, name)
        except ImportFailed:
            pass
        best.append(time.perf_counter() - t0)
    return 1000 * sum(best) / len(best)


def run(quick: bool) -> dict:
    repeat = 3 if quick else 10
    h = _hostile()
    formats = {
        "txt": (REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt").read_bytes(),
        "html": (FIXTURES / "article-news.html").read_bytes(),
        "docx": (FIXTURES / "article.docx").read_bytes(),
        "pdf": (FIXTURES / "article.pdf").read_bytes(),
        "pdf-2col": (FIXTURES / "article-2col.pdf").read_bytes(),
    }
    hostile = {
        "zip-bomb.docx": h.zip_bomb_docx(60),
        "billion-laughs.docx": h.billion_laughs_docx(),
        "many-members.docx": h.many_members_docx(5000),
        "truncated.pdf": h.truncated_pdf(),
        "oversize.txt": bytes(21 * 1024 * 1024),
        "huge-page.html": b"<html><body>" + b"<p>Same paragraph again.</p>" * 80_000 + b"</body></html>",
    }
    for data, name in ((formats["html"], "a.html"), (formats["pdf"], "a.pdf"), (formats["docx"], "a.docx")):
        import_bytes(data, name)  # warm-up: imports and caches out of the timing
    times = {f"import {k} ms": round(_mean_ms(v, "article." + k.split("-")[0], repeat), 2) for k, v in formats.items()}
    refusals = {f"refuse {k} ms": round(_mean_ms(v, k, repeat), 2) for k, v in hostile.items()}
    ratio = max(refusals.values()) / times["import docx ms"]
    return {"name": "import", "ratio": round(ratio, 3), "goal": GOAL, "details": {**times, **refusals}}


if __name__ == "__main__":
    result = run("--quick" in sys.argv)
    print(f"BENCH {result['name']} ratio={result['ratio']} goal={result['goal']}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
