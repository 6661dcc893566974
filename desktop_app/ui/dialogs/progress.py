"""The progress window of a background task: shown only if the task is slow, closed with focus handed back.

A window manager gives activation back to the main window when a modal dialog closes;
without one (Xvfb, the offscreen platform, some kiosk sessions) nothing does, and the next
shortcut the analyst presses would go nowhere. Closing through `close_progress` makes the
owner window active again in that case.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


def task_progress(parent: QWidget, label: str, title: str, name: str, maximum: int,
                  on_cancel: Callable[[], None], delay_ms: int = 500) -> QProgressDialog:
    """A window-modal progress dialog that appears only after `delay_ms` of work."""
    progress = QProgressDialog(label, "Cancel", 0, maximum, parent)
    progress.setObjectName(name)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(delay_ms)
    progress.setAutoReset(False)
    progress.setAutoClose(False)
    progress.canceled.connect(on_cancel)
    progress.setValue(0)
    return progress


def close_progress(progress: QProgressDialog) -> None:
    """Close the dialog and make sure its owner window is the active one again."""
    owner = progress.parentWidget()
    was_shown = progress.isVisible()
    progress.close()
    progress.deleteLater()
    if owner is None or not was_shown:
        return
    window = owner.window()
    active = QApplication.activeWindow()
    if window.isVisible() and (active is None or active is progress):
        window.activateWindow()
