"""Memory: the app on a workspace of 1,000 articles and 50,000 claims, against a bare window.

The workspace is filled once (bulk inserts through the ORM models: setup, not the thing
measured). The app process opens it, lists every article with its counts and opens
articles one after another (all of them; 100 in quick mode), then reports its peak
resident set size; a bare shown QMainWindow reports its own. ratio = the difference
in MB; goal <= 300 MB above the bare window.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

GOAL = 300.0  # MB above the bare window
ARTICLES, CLAIMS_PER_ARTICLE = 1_000, 50
TYPES = ("casualty", "attribution", "quote", "statistic", "event", "other")
STATUSES = ("unverified", "verified", "disputed", "false", "unverifiable")


def fill(db: str) -> None:
    """1,000 articles of the sample's size, 50 claims each, in a few big transactions."""
    import hashlib

    from sqlalchemy.orm import Session

    from desktop_app.core.models import Article, Claim, ClaimEvent
    from desktop_app.core.workspace import Workspace

    rng = random.Random(11)
    base = (REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt").read_text(encoding="utf-8")
    now = datetime.now(timezone.utc)
    ws = Workspace.open(db)
    with Session(ws.engine) as s, s.begin():
        for a in range(ARTICLES):
            text = f"Report {a}\n\n" + base
            article = Article(title=f"Report {a}: strikes in Iraq", text=text,
                              sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                              imported_at=now, revision=1)
            s.add(article)
            s.flush()
            for k in range(CLAIMS_PER_ARTICLE):
                start = rng.randrange(0, len(text) - 60)
                end = start + rng.randint(10, 60)
                claim = Claim(article_id=article.id, start=start, end=end, text=text[start:end],
                              prefix=text[max(0, start - 32):start], suffix=text[end:end + 32], anchor="exact",
                              type=TYPES[k % 6], status=STATUSES[k % 5], note="", analyst="bench",
                              created_at=now, updated_at=now, updated_by="bench")
                s.add(claim)
            s.flush()
            s.add_all(ClaimEvent(claim_id=c.id, article_id=article.id, at=now, analyst="bench", action="created",
                                 rationale="") for c in article.claims)
    ws.close()


def _peak_mb(args: list[str], env: dict) -> float:
    out = subprocess.run([sys.executable, str(HERE / "gui_child.py"), *args], env=env, capture_output=True,
                         text=True, timeout=1800)
    if out.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {out.stderr.strip()[-400:]}")
    return int(out.stdout.strip().splitlines()[-1]) / 1024


def run(quick: bool = False) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="claimdesk-bench-memory-"))
    db = str(folder / "w.db")
    fill(db)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CLAIMDESK_BENCH_SETTINGS": str(folder / "s.ini")}
    opened = 100 if quick else ARTICLES
    app = _peak_mb(["memory-app", db, str(opened)], env)
    bare = _peak_mb(["memory-bare"], env)
    return {"name": "memory", "ratio": round(app - bare, 1), "goal": GOAL,
            "details": {"articles": ARTICLES, "claims": ARTICLES * CLAIMS_PER_ARTICLE, "articles_opened": opened,
                        "app_peak_mb": round(app, 1), "bare_window_peak_mb": round(bare, 1)}}


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv)
    print(f"BENCH {result['name']} ratio={result['ratio']} goal={result['goal']}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
