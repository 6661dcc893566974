"""Opening a long article: a 1 MB article with 5,000 highlighted claims, painted.

Ours: the article view showing the text with every claim's type highlight and
verdict bar (ArticleView.set_article, then a paint). Baseline, in the same run: a
bare QTextBrowser showing the same plain text (setPlainText, then a paint).
ratio = ours / baseline; goal <= 1.5.
"""
from __future__ import annotations

import os
import random
import sys
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from timing import least_time  # noqa: E402

GOAL = 1.5
TYPES = ("casualty", "attribution", "quote", "statistic", "event", "other")
STATUSES = ("unverified", "verified", "disputed", "false", "unverifiable")


def article(min_bytes: int, seed: int = 3) -> str:
    """News-like text: the sample article's paragraphs, shuffled, digits re-drawn."""
    rng = random.Random(seed)
    paragraphs = [p for p in (REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt")
                  .read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    out, size = [], 0
    while size < min_bytes:
        p = "".join(str(rng.randint(0, 9)) if ch.isdigit() else ch for ch in rng.choice(paragraphs))
        out.append(p)
        size += len(p.encode("utf-8")) + 2
    return "\n\n".join(out)


def claims(text: str, n: int, seed: int = 5):
    """n claims of 20-120 characters spread over the text, one in ten overlapping the one before."""
    from desktop_app.core.records import ClaimRecord

    rng = random.Random(seed)
    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    step = len(text) // n
    out = []
    for i in range(n):
        start = i * step + (0 if i % 10 else -step // 2 if i else 0)
        start = max(0, start)
        end = min(len(text), start + rng.randint(20, 120))
        out.append(ClaimRecord(id=i + 1, article_id=1, start=start, end=end, text=text[start:end], prefix="",
                               suffix="", type=TYPES[i % 6], status=STATUSES[i % 5], note="", version=1,
                               anchor="exact", all_fields={}, analyst="a", created_at=now, updated_at=now,
                               updated_by="a"))
    return out



def run(quick: bool = False) -> dict:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from desktop_app.ui.article_view import ArticleView

    app = QApplication.instance() or QApplication([sys.argv[0]])
    text = article(1_000_000)
    marked = claims(text, 5_000)
    repeat = 2 if quick else 3

    def show(widget, fill):
        widget.resize(800, 700)
        widget.show()
        fill()
        widget.viewport().repaint()
        app.processEvents()
        widget.close()
        widget.deleteLater()
        # processEvents() alone never runs a deferred delete posted at its own loop level: every
        # widget would live on, laying out its 1 MB in the background during later rounds.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()

    def ours():
        view = ArticleView()
        show(view, lambda: view.set_article(text, marked, title=""))

    def baseline():
        browser = QTextBrowser()
        show(browser, lambda: browser.setPlainText(text))

    baseline()  # warm both paths (fonts, glyph caches) before timing
    ours()
    base = least_time(baseline, repeat)
    mine = least_time(ours, repeat)
    return {
        "name": "open",
        "ratio": round(mine / base, 2),
        "goal": GOAL,
        "details": {"article_bytes": len(text.encode("utf-8")), "claims": len(marked),
                    "ours_s": round(mine, 3), "bare_qtextbrowser_s": round(base, 3)},
    }


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv)
    print(f"BENCH {result['name']} ratio={result['ratio']} goal={result['goal']}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
