"""The Word briefing of 1,000 claims over 50 articles, against python-docx writing the same text plainly.

The baseline is the cheapest Word file of the same articles: python-docx adding
each article's title as a heading and each paragraph of its text, no highlight,
no comment, no table, then saving. Ours is the whole briefing (cover, summary with
its chart, every claim highlighted with a Word comment, the claims table, the
sources appendix). Both are timed in the same run on the same records, in several
rounds, back to back, after a warm-up that pays for imports and font caches; the
ratio is the median of the rounds' ratios. The workspace read is left out of both.

    python benchmarks/bench_export.py [--quick]
"""
from __future__ import annotations

import gc
import io
import json
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from desktop_app.core.exporters import ExportOptions, render  # noqa: E402
from desktop_app.core.records import (  # noqa: E402
    ArticleRecord,
    ArticleSummary,
    ClaimRecord,
    SourceLink,
    SourceRecord,
    VerdictRecord,
)

GOAL = 2.0  # the full briefing may take at most twice the plain python-docx dump of the same text
SAMPLE = REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt"
GOLD = REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.gold.json"
STATUSES = ("verified", "disputed", "false", "unverifiable", "unverified")
T0 = datetime(2024, 1, 15, 9, 30, tzinfo=timezone.utc)


def _sources(n: int) -> list[SourceRecord]:
    return [SourceRecord(id=i, url=f"https://news.example.org/report/{i}", citation=None, title=f"Report {i}",
                         publisher=f"Outlet {i % 7}", kind="wire", reliability="ABCDEF"[i % 6],
                         accessed="2024-01-14", note="", version=1, updated_by="bench", updated_at=T0)
            for i in range(1, n + 1)]


def selection(n_articles: int, claims_per_article: int = 20):
    """Articles made from the sample (each a little different), each with the gold claims plus overlaps."""
    base = SAMPLE.read_text("utf-8")
    gold = json.loads(GOLD.read_text("utf-8"))["claims"]
    sources = _sources(30)
    articles, verdicts, next_id = [], {}, 1
    for a in range(1, n_articles + 1):
        text = base + f"\n\nDispatch {a} of the day, filed at {a % 24:02d}:00."
        spans = []
        for g in gold:
            start = text.find(g["text"])
            spans.append((start, start + len(g["text"]), g["type"]))
        # Overlapping claims: an event around a casualty figure, and one across two sentences.
        start = text.find("an attack on a base in Iraq that left three US soldiers injured")
        spans.append((start, start + len("an attack on a base in Iraq that left three US soldiers injured"), "event"))
        spans = spans[:claims_per_article]
        while len(spans) < claims_per_article:
            spans.append(spans[len(spans) % len(gold)][:2] + ("other",))
        claims = []
        for k, (s, e, kind) in enumerate(spans):
            cid = next_id
            next_id += 1
            status = STATUSES[(cid * 7 + k) % len(STATUSES)]
            links = tuple(SourceLink(evidence_id=cid * 10 + j, claim_id=cid, source=sources[(cid + j * 11) % 30],
                                     relation=("supports", "contradicts", "context")[j % 3], credibility=1 + (cid + j) % 6,
                                     excerpt="") for j in range(cid % 3))
            claims.append(ClaimRecord(
                id=cid, article_id=a, start=s, end=e, text=text[s:e], prefix=text[max(0, s - 32):s],
                suffix=text[e:e + 32], type=kind, status=status, note="Check with the desk." if cid % 4 == 0 else "",
                version=1, anchor="exact", all_fields={"count": 3} if kind in ("casualty", "statistic") else {},
                analyst="bench", created_at=T0, updated_at=T0, updated_by="bench", sources=links))
            if status != "unverified":
                verdicts[cid] = VerdictRecord(claim_id=cid, status=status, analyst="bench", at=T0 + timedelta(minutes=cid),
                                              rationale=f"Rationale {cid}: compared with two independent reports.")
        summary = ArticleSummary(id=a, title=f"USA attacks pro-Iranian militias in Iraq ({a})",
                                 source_url=f"https://news.example.org/a/{a}", publisher="n-tv", author=None,
                                 published="2023-12-26", language="en", media_type="text/plain", filename=None,
                                 sha256=f"{a:064x}", imported_at=T0, revision=1)
        articles.append(ArticleRecord(summary=summary, text=text, claims=tuple(claims)))
    return articles, verdicts


def plain_docx(articles) -> bytes:
    """The baseline: the same article text, written the plain python-docx way."""
    import docx

    doc = docx.Document()
    for article in articles:
        doc.add_heading(article.title, 1)
        for line in article.text.split("\n"):
            if line.strip():
                doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def briefing(articles, verdicts) -> bytes:
    options = ExportOptions(handling="UNCLASSIFIED // FOR OFFICIAL USE ONLY", analyst="bench", organisation="Desk")
    return render("docx", articles, options, verdicts=verdicts)


def _rounds(rounds: int, baseline, ours):
    """Time both `rounds` times, back to back and in alternating order, so a busy moment hits both alike.

    Returns the per-round times of each and the last results.
    """
    times: dict[str, list[float]] = {"baseline": [], "ours": []}
    results = {}
    for r in range(rounds):
        pair = [("baseline", baseline), ("ours", ours)]
        for name, fn in (pair if r % 2 == 0 else pair[::-1]):
            gc.collect()  # each call starts with the same heap, so no one pays for the other's garbage
            started = time.perf_counter()
            results[name] = fn()
            times[name].append(time.perf_counter() - started)
    return times, results


def run(quick: bool = False) -> dict:
    n_articles, rounds = 50, (3 if quick else 9)  # --quick: fewer rounds, same size (fixed costs would skew a smaller one)
    articles, verdicts = selection(n_articles)
    claims = sum(len(a.claims) for a in articles)
    briefing(articles[:1], verdicts)  # warm-up: imports, matplotlib's font cache
    plain_docx(articles[:1])
    times, results = _rounds(rounds, lambda: plain_docx(articles), lambda: briefing(articles, verdicts))
    plain, data = results["baseline"], results["ours"]
    # The median of the rounds' ratios: robust to a round that a busy machine slowed down on one side.
    ratio = statistics.median(o / b for o, b in zip(times["ours"], times["baseline"]))
    ours, baseline = min(times["ours"]), min(times["baseline"])
    return {
        "name": "export",
        "ratio": round(ratio, 3),
        "goal": GOAL,
        "details": {
            "articles": n_articles, "claims": claims, "comments": claims,
            "rounds": rounds, "briefing_seconds_best": round(ours, 4), "plain_docx_seconds_best": round(baseline, 4),
            "briefing_seconds_median": round(statistics.median(times["ours"]), 4),
            "plain_docx_seconds_median": round(statistics.median(times["baseline"]), 4),
            "briefing_bytes": len(data), "plain_docx_bytes": len(plain),
            "briefing_ms_per_claim": round(ours / claims * 1000, 3),
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
