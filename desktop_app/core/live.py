"""Hearing other analysts' changes: LISTEN/NOTIFY on PostgreSQL, a polled change counter on SQLite.

Every committed action bumps the one-row change counter (workspace._action); on
PostgreSQL it also sends a NOTIFY on `CHANNEL`, delivered at commit. A window
watches with a `ChangeFeed` on a thread of its own: `wait()` blocks until the
counter moves or the timeout passes, so another analyst's edit shows within a
second either way. Qt-free; the GUI wraps it in a thin adapter.
"""
from __future__ import annotations

import json
import threading
import time

from .errors import ClaimdeskError

CHANNEL = "claimdesk_changes"
#: PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay well below.
_MAX_PAYLOAD = 7000


def payload(counter: int, action: str, touched: dict[str, set[int]]) -> str:
    """What a NOTIFY carries: the new counter value, the action, and the ids it touched (when they fit)."""
    data = {"counter": counter, "action": action, **{k: sorted(v) for k, v in touched.items()}}
    text = json.dumps(data, separators=(",", ":"))
    if len(text) > _MAX_PAYLOAD:
        text = json.dumps({"counter": counter, "action": action})
    return text


class ChangeFeed:
    """Waits for the workspace's change counter to move; one feed per watching thread.

    On PostgreSQL it sleeps on LISTEN and wakes the moment a change commits; on
    SQLite (or if the LISTEN connection drops) it polls the counter, which is one
    indexed single-row read.
    """

    def __init__(self, workspace, poll_interval: float = 0.5):
        self.workspace = workspace
        self.poll_interval = poll_interval
        #: Why the workspace could not be read at the last try (one sentence), or None while it can.
        self.problem: str | None = None
        self.last_seen = self._read_counter() or 0
        self._listener = None
        self._closed = threading.Event()
        self._in_wait = threading.Lock()  # the listening connection belongs to the waiting thread

    def _read_counter(self) -> int | None:
        try:
            counter = self.workspace.change_count()
        except ClaimdeskError as exc:
            self.problem = str(exc)
            return None  # server gone for now: report no change, try again on the next wait
        self.problem = None
        return counter

    def _listen(self):
        if self._listener is not None or self.workspace.engine.dialect.name != "postgresql":
            return self._listener
        try:
            import psycopg
            from sqlalchemy.engine import make_url

            url = make_url(self.workspace.url).set(drivername="postgresql")
            conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5)
            conn.execute(f"LISTEN {CHANNEL}")
            self._listener = conn
        except Exception:  # psycopg.Error and socket trouble alike: polling still works
            self._listener = None
        return self._listener

    def wait(self, timeout: float) -> int | None:
        """The new counter value once it moves past the last one seen, or None after `timeout` seconds."""
        with self._in_wait:
            try:
                return self._wait(timeout)
            finally:
                if self._closed.is_set():
                    self._drop_listener()

    def _wait(self, timeout: float) -> int | None:
        deadline = time.monotonic() + timeout
        while not self._closed.is_set():
            counter = self._read_counter()
            if counter is not None and counter != self.last_seen:
                self.last_seen = counter
                return counter
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            conn = self._listen()
            if conn is None:
                self._closed.wait(min(self.poll_interval, left))
                continue
            try:
                for _ in conn.notifies(timeout=min(left, 1.0), stop_after=1):
                    pass
            except Exception:  # the listening connection dropped: fall back to polling, re-listen later
                self._drop_listener()
        return None

    def _drop_listener(self) -> None:
        conn, self._listener = self._listener, None
        if conn is not None:
            try:
                conn.close()
            except Exception:
                pass

    def close(self) -> None:
        """Stop watching; a wait in progress returns within a second."""
        self._closed.set()
        if self._in_wait.acquire(blocking=False):
            try:
                self._drop_listener()
            finally:
                self._in_wait.release()
