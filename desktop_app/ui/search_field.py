"""A search box that leaves Ctrl+Z / Ctrl+Shift+Z to the window's undo.

Undoing keystrokes in a search box is worth nothing; undoing the last claim edit
while the find bar still has focus is what the analyst means.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit


class SearchField(QLineEdit):
    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
                or event.keyCombination().toCombined() == QKeySequence("Ctrl+Shift+Z")[0].toCombined()):
            event.ignore()  # let the window's Undo/Redo shortcut have it
            return True
        return super().event(event)
