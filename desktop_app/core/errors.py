"""The errors an analyst can meet, each carrying one sentence written for them.

Everything the core refuses is a `ClaimdeskError`; the CLI prints its message on
one line and exits 2, the GUI shows it in a dialog. Anything else is a bug.
"""
from __future__ import annotations


class ClaimdeskError(Exception):
    """A refusal the analyst can act on; `str(err)` is the sentence to show."""


class NotFound(ClaimdeskError):
    """An article, claim, source or link id that is not in this workspace."""


class InvalidInput(ClaimdeskError):
    """A value the analyst typed that cannot be used (unknown status, bad span...)."""


class DuplicateArticle(ClaimdeskError):
    """The same bytes were imported before; carries the existing article's id."""

    def __init__(self, message: str, article_id: int):
        super().__init__(message)
        self.article_id = article_id


class StaleVersion(ClaimdeskError):
    """Someone saved the record after the analyst read it; nothing was overwritten."""

    def __init__(self, message: str, *, current_version: int, changed_by: str | None = None,
                 changed_at: str | None = None, current: dict | None = None):
        super().__init__(message)
        self.current_version = current_version
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current = current or {}


class ImportFailed(ClaimdeskError):
    """A document that cannot be imported (empty, binary, too large, hostile, unreadable)."""


class WorkspaceUnavailable(ClaimdeskError):
    """The workspace database cannot be opened or reached."""


class ExportFailed(ClaimdeskError):
    """An export that could not be written (unwritable target, nothing to export)."""
