"""Start-up: `claimdesk gui` on a workspace to its first painted window, against a bare QMainWindow.

Both are fresh Python processes started the same way (benchmarks/gui_child.py), timed
from spawn to the first event-loop turn after the first window has
painted itself and its children, alternately, several times; the medians count.
The workspace holds the sample article with its suggested claims, as an analyst's
would. ratio = app / bare; goal <= 2.
"""
from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

GOAL = 2.0


def _time(args: list[str], env: dict) -> float:
    t = time.perf_counter()
    out = subprocess.run([sys.executable, str(HERE / "gui_child.py"), *args], env=env, capture_output=True,
                         text=True, timeout=120)
    elapsed = time.perf_counter() - t
    if "painted" not in out.stdout:
        raise RuntimeError(f"{args[0]} did not paint: {out.stderr.strip()[-400:]}")
    return elapsed


def run(quick: bool = False) -> dict:
    from desktop_app.core.workspace import Workspace

    folder = Path(tempfile.mkdtemp(prefix="claimdesk-bench-startup-"))
    db = str(folder / "w.db")
    with Workspace.open(db) as ws:
        article = ws.import_file(REPO / "seeds" / "usa-attacks-pro-iranian-militias-in-iraq.txt")
        ws.accept_suggestions(article.id)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(folder / "config"),
           "CLAIMDESK_ANALYST": "bench"}
    # The app's modules compiled to bytecode, as an installed app has them (pip compiles at install,
    # a checkout on its first run) and as PySide6's are: with PYTHONDONTWRITEBYTECODE set, as it is
    # in some shells and CI images, every timed start would otherwise compile the app from source.
    compileall.compile_dir(str(REPO / "desktop_app"), quiet=1)
    rounds = 3 if quick else 7
    _time(["startup-bare"], env)  # warm the file cache for both
    _time(["startup-app", db], env)
    app, bare = [], []
    for _ in range(rounds):
        bare.append(_time(["startup-bare"], env))
        app.append(_time(["startup-app", db], env))
    a, b = statistics.median(app), statistics.median(bare)
    return {"name": "startup", "ratio": round(a / b, 2), "goal": GOAL,
            "details": {"app_first_paint_s": round(a, 3), "bare_qmainwindow_first_paint_s": round(b, 3),
                        "rounds": rounds}}


if __name__ == "__main__":
    result = run(quick="--quick" in sys.argv)
    print(f"BENCH {result['name']} ratio={result['ratio']} goal={result['goal']}")
    for key, value in result["details"].items():
        print(f"  {key}: {value}")
