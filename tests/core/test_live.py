"""Another analyst's change reaches a watching window: NOTIFY on PostgreSQL, the polled counter on SQLite."""
from __future__ import annotations

import json
import threading

from desktop_app.core import live
from desktop_app.core.workspace import Workspace

from ..conftest import SAMPLE


def _change_soon(url: str, delay: float = 0.3) -> threading.Thread:
    def edit():
        with Workspace.open(url, analyst="bob") as other:
            other.import_file(SAMPLE)

    timer = threading.Timer(delay, edit)
    timer.start()
    return timer


def test_a_change_by_another_analyst_wakes_the_feed_within_two_seconds(workspace, workspace_url):
    feed = live.ChangeFeed(workspace, poll_interval=0.2)
    try:
        assert feed.wait(0.2) is None  # nothing happened yet
        editor = _change_soon(workspace_url)
        counter = feed.wait(2.0)
        editor.join()
        assert counter == workspace.change_count() == 1
        assert feed.wait(0.2) is None  # the same change is not reported twice
        if workspace.is_shared:
            assert feed._listener is not None  # PostgreSQL: woken by LISTEN/NOTIFY, not polling
    finally:
        feed.close()


def test_the_notification_names_what_changed(pg_url):
    import psycopg
    from sqlalchemy.engine import make_url

    workspace = Workspace.open(pg_url)
    conninfo = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"LISTEN {live.CHANNEL}")
        article = workspace.import_file(SAMPLE)
        notes = list(conn.notifies(timeout=2.0, stop_after=1))
    workspace.close()
    assert len(notes) == 1
    data = json.loads(notes[0].payload)
    assert data == {"counter": 1, "action": "import", "article_ids": [article.id], "claim_ids": [], "source_ids": []}


def test_a_refused_action_notifies_no_one(workspace, workspace_url):
    workspace.import_file(SAMPLE)
    feed = live.ChangeFeed(workspace, poll_interval=0.1)
    try:
        try:
            workspace.add_claim(1, "casualty", quote="not in the article")
        except Exception:
            pass
        assert feed.wait(0.5) is None
    finally:
        feed.close()


def test_a_huge_change_still_fits_in_a_notification():
    touched = {"article_ids": set(), "claim_ids": set(range(100_000)), "source_ids": set()}
    text = live.payload(42, "accept_suggestions", touched)
    assert len(text) < 8000
    assert json.loads(text) == {"counter": 42, "action": "accept_suggestions"}


def test_the_feed_says_why_the_workspace_cannot_be_read_and_forgets_it_when_it_can(workspace, monkeypatch):
    from desktop_app.core.errors import WorkspaceUnavailable

    feed = live.ChangeFeed(workspace, poll_interval=0.05)
    try:
        assert feed.problem is None
        monkeypatch.setattr(workspace, "change_count", lambda: (_ for _ in ()).throw(
            WorkspaceUnavailable("Cannot reach the PostgreSQL server for x; is it running and is the address right?")))
        assert feed.wait(0.2) is None
        assert feed.problem.startswith("Cannot reach the PostgreSQL server")
        monkeypatch.undo()
        assert feed.wait(0.2) is None and feed.problem is None
    finally:
        feed.close()

