"""A desk on one PostgreSQL server: two command-line editors and a window at once.

Both CLI loops read a claim's version and save a new note with --if-version, as a
script on another analyst's machine would; the window meanwhile changes verdicts. No
acknowledged update may be lost, every refusal must say who changed the claim, and the
window must show the last saved note within two seconds.
"""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import defaultdict

from PySide6.QtCore import Qt

from desktop_app.core.workspace import Workspace
from desktop_app.ui.dialogs import rationale

from tests.conftest import REPO
from tests.ui.conftest import import_sample, open_window, press

ROUNDS = 6
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _cli(url: str, analyst: str, *args: str) -> subprocess.CompletedProcess:
    env = {"CLAIMDESK_ANALYST": analyst, "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "desktop_app", "--db", url, *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def _editor(url: str, analyst: str, claim_ids: list[int], outcomes: list) -> None:
    for k in range(ROUNDS):
        claim_id = claim_ids[k % len(claim_ids)]
        seen = json.loads(_cli(url, analyst, "claim", "list", "--json").stdout)["claims"]
        version = next(c["version"] for c in seen if c["id"] == claim_id)
        note = f"{analyst}-{k}"
        done = _cli(url, analyst, "claim", "set", str(claim_id), "--note", note, "--if-version", str(version),
                    "--rationale", f"round {k}", "--json")
        if done.returncode == 0:
            outcomes.append(("ACK", claim_id, json.loads(done.stdout)["version"], note))
        else:
            outcomes.append(("REFUSED", claim_id, done.returncode, done.stderr))


def test_two_cli_editors_and_a_window_lose_nothing_and_the_window_keeps_up(qtbot, pg_url, settings, errors,
                                                                          monkeypatch):
    monkeypatch.setattr(rationale, "ask_rationale", lambda parent, text, status: "checked by the desk")
    win = open_window(qtbot, pg_url, settings)
    import_sample(qtbot, win)
    ws = win.workspace
    shared = [ws.add_claim(win.article.id, "casualty", quote=q).id
              for q in ("three US soldiers injured", "Another 24 were injured")]
    mine = ws.add_claim(win.article.id, "attribution", quote="Iraqi security sources reported").id
    qtbot.waitUntil(lambda: win.panel.model.rowCount() == 3, timeout=10_000)

    outcomes: list = []
    editors = [threading.Thread(target=_editor, args=(pg_url, name, shared, outcomes)) for name in ("ana", "ben")]
    for t in editors:
        t.start()
    # The window works too: verdicts on its own claim, back and forth, while the scripts run.
    verdicts = 0
    while any(t.is_alive() for t in editors):
        win.select_claim(mine)
        win.view.setFocus()
        press(win, Qt.Key.Key_V if verdicts % 2 == 0 else Qt.Key.Key_D, CTRL_ALT)
        verdicts += 1
        qtbot.wait(300)
    for t in editors:
        t.join()

    acked = defaultdict(list)
    for kind, claim_id, *rest in outcomes:
        if kind == "ACK":
            acked[claim_id].append((rest[0], rest[1]))
        else:
            code, message = rest
            assert code == 2 and message.count("\n") == 1 and "was changed by" in message, message
    assert len(outcomes) == 2 * ROUNDS
    print(f"acknowledged {sum(map(len, acked.values()))}, refused {len(outcomes) - sum(map(len, acked.values()))}, "
          f"window verdicts {verdicts}")
    with Workspace.open(pg_url) as other:
        for claim_id in shared:
            notes = [e.new for e in other.history(claim_id) if e.field == "note"]
            assert sorted(notes) == sorted(n for _, n in acked[claim_id])  # none lost, none invented
            assert sorted(v for v, _ in acked[claim_id]) == list(range(2, 2 + len(acked[claim_id])))
            final = other.claim(claim_id)
            # The window shows the last saved note within two seconds.
            qtbot.waitUntil(lambda c=claim_id, n=final.note: win.panel.model.claim(c).note == n, timeout=10_000)
        statuses = [e.new for e in other.history(mine) if e.field == "status"]
    assert len(statuses) == verdicts and errors == []
