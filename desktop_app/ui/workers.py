"""Long work off the GUI thread: imports and exports, as QRunnables.

Each task reports through a small QObject of signals created on the GUI thread, so
its progress and result arrive there by queued connection (as Anki's operations do).
Workspace calls are safe from any thread: each one opens its own session.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal

from desktop_app.core.errors import ClaimdeskError, DuplicateArticle, ImportFailed

if TYPE_CHECKING:
    from desktop_app.core.importers import ImportedArticle

log = logging.getLogger("claimdesk.ui")


class TaskSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what is being worked on
    finished = Signal(object)  # the task's result
    failed = Signal(str)  # one sentence for the analyst


class Task(QRunnable):
    """A unit of background work; `work()` returns the result or raises ClaimdeskError."""

    def __init__(self):
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the reference until the result is delivered
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def work(self):
        raise NotImplementedError

    def run(self) -> None:
        try:
            result = self.work()
        except ClaimdeskError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the traceback, show one line
            log.exception("background task failed")
            self.signals.failed.emit(f"Unexpected error ({exc.__class__.__name__}: {exc}).")
        else:
            self.signals.finished.emit(result)


# --- import ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ImportItem:
    """One thing to import: a file path, pasted text, or a web address."""

    kind: str  # "path" | "text" | "url"
    value: str
    label: str = ""

    @classmethod
    def path(cls, path) -> ImportItem:
        return cls("path", str(path), Path(path).name)

    @classmethod
    def text(cls, text: str) -> ImportItem:
        return cls("text", text, "pasted text")

    @classmethod
    def url(cls, url: str) -> ImportItem:
        return cls("url", url.strip(), url.strip())


@dataclass
class ImportOutcome:
    item: ImportItem
    article_id: int | None = None
    title: str = ""
    duplicate: bool = False
    error: str | None = None


@dataclass
class ImportResult:
    outcomes: list[ImportOutcome] = field(default_factory=list)
    cancelled: bool = False

    @property
    def article_ids(self) -> list[int]:
        return [o.article_id for o in self.outcomes if o.article_id is not None]

    @property
    def errors(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.error]


def read_item(item: ImportItem) -> ImportedArticle:
    """Bytes to an ImportedArticle with the core importers; no workspace involved yet."""
    from desktop_app.core import importers  # loaded on the worker thread: the window never waits for the readers

    if item.kind == "path":
        return importers.import_path(item.value)
    if item.kind == "text":
        return importers.import_bytes(item.value.encode("utf-8"), filename=None)
    if item.kind == "url":
        return importers.import_url(item.value)
    raise ImportFailed(f"Unknown kind of import {item.kind!r}.")


class ImportTask(Task):
    """Import several files (or a pasted text, or a URL); a duplicate names the article it already is."""

    def __init__(self, workspace, items: list[ImportItem]):
        super().__init__()
        self.workspace = workspace
        self.items = list(items)

    def work(self) -> ImportResult:
        result = ImportResult()
        total = len(self.items)
        for n, item in enumerate(self.items):
            if self.cancelled:
                result.cancelled = True
                break
            self.signals.progress.emit(n, total, item.label)
            outcome = ImportOutcome(item)
            try:
                summary = self.workspace.import_article(read_item(item))
                outcome.article_id, outcome.title = summary.id, summary.title
            except DuplicateArticle as exc:
                outcome.article_id, outcome.duplicate = exc.article_id, True
            except ClaimdeskError as exc:
                outcome.error = str(exc)
            except Exception as exc:
                log.exception("import of %s failed", item.label)
                outcome.error = f"Unexpected error ({exc.__class__.__name__}: {exc})."
            result.outcomes.append(outcome)
        self.signals.progress.emit(len(result.outcomes), total, "")
        return result


# --- export ---------------------------------------------------------------------------------

class ExportTask(Task):
    def __init__(self, workspace, article_ids: list[int], fmt: str, path: str, options):
        super().__init__()
        self.workspace, self.article_ids, self.fmt, self.path, self.options = workspace, article_ids, fmt, path, options

    can_cancel = True

    def work(self) -> Path:
        from desktop_app.core import exporters

        return Path(exporters.export(self.workspace, self.article_ids, self.fmt, self.path, self.options,
                                     progress=self._progress, cancelled=lambda: self.cancelled))

    def _progress(self, done, total=None, what: str = "") -> None:
        self.signals.progress.emit(int(done), int(total or 0), str(what or ""))

