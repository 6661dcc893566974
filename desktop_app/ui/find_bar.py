"""Find in the article (Ctrl+F): every match is marked; Enter selects the next one, ready for Ctrl+1..6."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from .search_field import SearchField

if TYPE_CHECKING:  # annotations only: a Qt class costs ~1 ms to load at start
    from PySide6.QtGui import QKeyEvent


class _FindField(SearchField):
    next = Signal(bool)  # backward?
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.next.emit(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.field = _FindField("Find in article \u2014 Enter: next match, Shift+Enter: previous")
        self.field.setObjectName("findField")
        self.count = QLabel()
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(80)
        prev_btn = QToolButton(text="\u2191", toolTip="Previous match (Shift+Enter)", autoRaise=True)
        next_btn = QToolButton(text="\u2193", toolTip="Next match (Enter)", autoRaise=True)
        close_btn = QToolButton(text="\u2715", toolTip="Close (Esc)", autoRaise=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        for b in (prev_btn, next_btn, close_btn):
            layout.addWidget(b)
        self.field.textChanged.connect(self._changed)
        self.field.next.connect(self.find_next)
        self.field.escape.connect(self.close_bar)
        prev_btn.clicked.connect(lambda: self.find_next(True))
        next_btn.clicked.connect(lambda: self.find_next(False))
        close_btn.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self._changed(self.field.text())

    def close_bar(self) -> None:
        self.view.clear_matches()
        self.hide()
        self.view.setFocus()
        self.closed.emit()

    def _changed(self, text: str) -> None:
        n = self.view.highlight_matches(text)
        self.count.setText("" if not text else ("No matches" if n == 0 else f"{n} match{'es' if n > 1 else ''}"))

    def find_next(self, backward: bool = False) -> None:
        which, total = self.view.find_next(self.field.text(), backward)
        if self.field.text():
            self.count.setText(f"{which} of {total}" if total else "No matches")
