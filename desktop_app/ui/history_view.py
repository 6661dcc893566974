"""The selected claim's history, newest first: who changed what, when, and why."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop_app.core.records import EventRecord

from .present import history_lines


class HistoryView(QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSpacing(1)

    def set_events(self, events: Sequence[EventRecord]) -> None:
        self.clear()
        for headline, why in history_lines(events):
            item = QListWidgetItem(headline + (f"\n    \u201c{why}\u201d" if why else ""))
            item.setToolTip(why or headline)
            self.addItem(item)
        if not events:
            self.addItem(QListWidgetItem("No history yet."))

    def lines(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]
