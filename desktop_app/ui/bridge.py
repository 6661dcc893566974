"""The thin Qt adapter over the Workspace: its Change records as a signal, and a poll for others' changes.

The core knows nothing of Qt; this QObject re-emits `Workspace.subscribe()` records
as `changed` on the GUI thread (queued when an import thread made the change), and
every second reads the change counter off the GUI thread so that edits made by
another window or process show up as `external`.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from desktop_app.core.records import Change

from .workers import PollTask

POLL_MS = 1000


class WorkspaceBridge(QObject):
    changed = Signal(object)  # a Change made by this window
    external = Signal()  # someone else changed the workspace: reload what is shown
    unavailable = Signal(str)  # the poll could not reach the workspace
    reachable = Signal()

    def __init__(self, workspace, pool: QThreadPool, interval_ms: int = POLL_MS, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self._pool = pool
        self._lock = threading.Lock()
        self._own = 0  # own actions committed since the last poll
        self._last: int | None = None
        self._poll: PollTask | None = None
        self._down = False
        self._unsubscribe = workspace.subscribe(self._heard)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def close(self) -> None:
        self._timer.stop()
        self._unsubscribe()

    def _heard(self, change: Change) -> None:
        # Runs in whichever thread committed; the signal is queued to the GUI thread if needed.
        with self._lock:
            self._own += 1
        self.changed.emit(change)

    def poll(self) -> None:
        if self._poll is not None:
            return  # the previous read has not come back (a slow server): do not pile up
        task = PollTask(self.workspace)
        task.signals.finished.connect(self._polled)
        task.signals.failed.connect(self._poll_failed)
        self._poll = task
        self._pool.start(task)

    def _polled(self, count: int) -> None:
        self._poll = None
        if self._down:
            self._down = False
            self.reachable.emit()
        with self._lock:
            own, self._own = self._own, 0
        last, self._last = self._last, count
        # More changes than this window made: someone else acted. (A change of ours that
        # commits during the read is counted at the next poll; at worst one extra refresh.)
        if last is not None and count - last > own:
            self.external.emit()

    def _poll_failed(self, message: str) -> None:
        self._poll = None
        if not self._down:
            self._down = True
            self.unavailable.emit(message)
