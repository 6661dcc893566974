"""The thin Qt adapter over the Workspace: its Change records as a signal, and others' changes as they happen.

The core knows nothing of Qt; this QObject re-emits `Workspace.subscribe()` records
as `changed` on the GUI thread (queued when an import thread made the change). A
thread of its own sleeps in `ChangeFeed.wait()` (core/live.py: LISTEN/NOTIFY on
PostgreSQL, the polled change counter on SQLite) and wakes the moment the counter
moves, so edits made by another window or process show up as `external` within a
second. The same thread notices when the workspace cannot be read (a server gone)
and when it can again.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, QThreadPool, Signal

from desktop_app.core import live

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import Change

POLL_MS = 1000
WAIT_S = 1.0  # how long one feed.wait() sleeps before looking at the stop flag and the connection again


class FeedThread(QThread):
    """Blocks in `feed.wait()` off the GUI thread; reports the counter moving and the workspace's health."""

    moved = Signal(int, int)  # counter seen before, counter now
    unavailable = Signal(str)  # one sentence: why the workspace cannot be read
    reachable = Signal()

    def __init__(self, workspace, poll_interval: float, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("changeFeed")
        self.workspace = workspace
        self.poll_interval = poll_interval
        self.feed: live.ChangeFeed | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()

    def run(self) -> None:
        feed = live.ChangeFeed(self.workspace, poll_interval=self.poll_interval)
        with self._lock:
            self.feed = feed
        problem = None
        try:
            while not self._stop.is_set():
                before = feed.last_seen
                counter = feed.wait(WAIT_S)
                if feed.problem != problem and not self._stop.is_set():
                    problem = feed.problem
                    if problem is None:
                        self.reachable.emit()
                    else:
                        self.unavailable.emit(problem)
                if counter is not None and not self._stop.is_set():
                    self.moved.emit(before, counter)
        finally:
            feed.close()

    def stop(self) -> None:
        """Ask the thread to finish; a wait in progress returns within a second."""
        self._stop.set()
        with self._lock:
            if self.feed is not None:
                self.feed.close()


class WorkspaceBridge(QObject):
    changed = Signal(object)  # a Change made by this window
    external = Signal()  # someone else changed the workspace (or it came back): reload what is shown
    unavailable = Signal(str)  # the workspace cannot be read: one sentence
    reachable = Signal()

    def __init__(self, workspace, pool: QThreadPool | None = None, interval_ms: int = POLL_MS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._lock = threading.Lock()
        self._own = 0  # own actions committed since the counter last moved
        self._closed = False
        self._unsubscribe = workspace.subscribe(self._heard)
        self.thread = FeedThread(workspace, max(0.05, interval_ms / 2000), self)
        self.thread.moved.connect(self._moved)
        self.thread.unavailable.connect(self.unavailable)
        self.thread.reachable.connect(self._back)

    def start(self) -> None:
        self.thread.start()

    def close(self) -> None:
        """Stop listening (on window close and workspace switch); waits for the feed thread to end."""
        if self._closed:
            return
        self._closed = True
        self._unsubscribe()
        self.thread.stop()
        self.thread.wait(5000)

    @property
    def listening(self) -> bool:
        """Whether the feed sleeps on PostgreSQL's LISTEN (rather than polling)."""
        feed = self.thread.feed
        return feed is not None and feed._listener is not None

    def _heard(self, change: Change) -> None:
        # Runs in whichever thread committed; the signal is queued to the GUI thread if needed.
        with self._lock:
            self._own += 1
        self.changed.emit(change)

    def _moved(self, before: int, counter: int) -> None:
        if self._closed:
            return
        with self._lock:
            own, self._own = self._own, 0
        # More changes than this window made: someone else acted. (A change of ours that commits
        # while the feed reads is counted at the next move; at worst one extra refresh.)
        if counter - before > own:
            self.external.emit()

    def _back(self) -> None:
        if self._closed:
            return
        self.reachable.emit()
        self.external.emit()  # what failed to load while it was gone is read again
