"""Others' changes through the ChangeFeed thread (LISTEN/NOTIFY on PostgreSQL, the counter on SQLite),
and a workspace that goes away and comes back."""
from __future__ import annotations

import os
import subprocess
import sys
import time

from PySide6.QtCore import Qt
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop_app.core.errors import WorkspaceUnavailable
from desktop_app.core.workspace import Workspace
from desktop_app.ui.bridge import WorkspaceBridge

from tests.conftest import SAMPLE
from tests.ui.conftest import import_sample, open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier
LOST = "Cannot reach the PostgreSQL server for db.example.org; is it running and is the address right?"


def test_the_bridge_tells_others_changes_from_its_own(qtbot, workspace):
    bridge = WorkspaceBridge(workspace, interval_ms=200)
    external, changed = [], []
    bridge.external.connect(lambda: external.append(1))
    bridge.changed.connect(changed.append)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: bridge.thread.feed is not None, timeout=10_000)
        article = workspace.import_file(SAMPLE)
        qtbot.wait(600)  # our own change moves the counter: the feed sees it, but it is ours
        assert [c.action for c in changed] == ["import"] and external == []
        with Workspace.open(workspace.url, analyst="bob") as other:
            other.add_claim(article.id, "casualty", quote="Another 24 were injured")
        qtbot.waitUntil(lambda: external == [1], timeout=10_000)
        if workspace.is_shared:
            assert bridge.listening  # woken by NOTIFY, not by polling
    finally:
        bridge.close()
    assert bridge.thread.isFinished() and bridge.thread.feed._closed.is_set()
    bridge.close()  # twice is harmless


def test_another_process_change_reaches_the_window_within_two_seconds_on_postgresql(qtbot, pg_url, settings, errors):
    win = open_window(qtbot, pg_url, settings)
    import_sample(qtbot, win)
    claim = win.workspace.add_claim(win.article.id, "casualty", quote="Another 24 were injured")
    qtbot.waitUntil(lambda: win.panel.model.claim(claim.id) is not None, timeout=10_000)
    qtbot.waitUntil(lambda: win.bridge.listening, timeout=10_000)
    env = {**os.environ, "CLAIMDESK_ANALYST": "bob", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", pg_url, "claim", "set", str(claim.id),
                             "--status", "verified", "--rationale", "MoI confirmed"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    committed = time.monotonic()
    qtbot.waitUntil(lambda: win.panel.model.claim(claim.id).status == "verified", timeout=10_000)
    assert time.monotonic() - committed < 2.0
    assert win.panel.model.claim(claim.id).updated_by == "bob"


def test_the_feed_thread_stops_on_workspace_switch_and_on_close(qtbot, window, tmp_path):
    first = window.bridge
    qtbot.waitUntil(lambda: first.thread.feed is not None, timeout=10_000)
    assert first.thread.isRunning()
    assert window.open_workspace(str(tmp_path / "second.db"))
    assert first.thread.isFinished() and first.thread.feed._closed.is_set()
    second = window.bridge
    assert second is not first and second.thread.isRunning()
    window.close()
    assert second.thread.isFinished()


def test_a_lost_connection_is_one_sentence_the_app_stays_usable_and_recovers(qtbot, window, monkeypatch, errors):
    import_sample(qtbot, window)
    ws = window.workspace

    def gone(*args, **kwargs):
        raise WorkspaceUnavailable(LOST)

    monkeypatch.setattr(ws, "change_count", gone)
    qtbot.waitUntil(lambda: LOST in window.live.text(), timeout=10_000)
    assert window.live.text() == f"\u26a0 {LOST}" and window.live.isVisible()
    # an action while it is gone: one sentence, nothing half-done, the window still works
    monkeypatch.setattr(ws, "add_claim", gone)
    start = window.view.text.index("Another 24 were injured")
    window.view.select_range(start, start + len("Another 24 were injured"))
    window.view.setFocus()
    press(window, Qt.Key.Key_1, CTRL)
    assert errors == [LOST] and window.panel.model.rowCount() == 0 and window.stack.count() == 0
    window.find_bar.open_bar()  # still usable
    assert window.find_bar.isVisible()
    monkeypatch.undo()
    qtbot.waitUntil(lambda: window.live.text() == "", timeout=10_000)
    assert window.statusBar().currentMessage() == "Connected to the workspace again."
    window.view.select_range(start, start + len("Another 24 were injured"))
    window.view.setFocus()
    press(window, Qt.Key.Key_1, CTRL)
    assert [c.text for c in ws.claims(window.article.id)] == ["Another 24 were injured"]


def _rename_database(admin_url: str, old: str, new: str) -> None:
    """Take a database away from its clients (or give it back): end their sessions, then rename it."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        for _ in range(50):  # a client may reconnect between the two statements: try again
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                  "WHERE datname = :db AND pid <> pg_backend_pid()"), {"db": old})
                try:
                    conn.execute(text(f'ALTER DATABASE "{old}" RENAME TO "{new}"'))
                    return
                except Exception:
                    time.sleep(0.05)
        raise AssertionError(f"could not rename {old}")
    finally:
        admin.dispose()


def test_postgresql_gone_mid_session_and_back(qtbot, pg_url, settings, errors):
    from tests.conftest import PG_ADMIN_URL

    win = open_window(qtbot, pg_url, settings)
    import_sample(qtbot, win)
    qtbot.waitUntil(lambda: win.bridge.listening, timeout=10_000)
    name = make_url(pg_url).database
    _rename_database(PG_ADMIN_URL, name, name + "_away")
    try:
        qtbot.waitUntil(lambda: win.live.text().startswith("\u26a0 "), timeout=10_000)
        sentence = win.live.text()[2:]
        assert sentence.endswith(".") and "\n" not in sentence and "Traceback" not in sentence
        assert win.open_article(win.article.id) is False and len(errors) == 1  # one sentence, no crash
    finally:
        _rename_database(PG_ADMIN_URL, name + "_away", name)
    qtbot.waitUntil(lambda: win.live.text() == "", timeout=10_000)
    with Workspace.open(pg_url, analyst="bob") as other:
        other.add_claim(win.article.id, "casualty", quote="Another 24 were injured")
    # Live again. Recovery goes through reconnects (the pool's and LISTEN's), so this waits longer than
    # the two seconds a change takes on a healthy connection (test_live and the window's refresh tests).
    qtbot.waitUntil(lambda: win.panel.model.rowCount() == 1, timeout=10_000)
