"""A search box that leaves the window's shortcuts to the window.

On X11 a QLineEdit claims Emacs-style keys (Ctrl+E end of line, Ctrl+K delete to the
end, Ctrl+U ...) and its own Ctrl+Z; in a search box those are worth nothing, while
Ctrl+E (export), Ctrl+K (search articles) or Ctrl+Z (undo the last claim edit) are
what the analyst means. Copy, cut, paste and select-all stay with the box.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:  # annotations only: a Qt class costs ~1 ms to load at start
    from PySide6.QtGui import QKeyEvent

_KEEP = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Cut, QKeySequence.StandardKey.Paste,
         QKeySequence.StandardKey.SelectAll)
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def window_claims(widget, event: QKeyEvent) -> bool:
    """Whether one of the window's actions has this key as its shortcut."""
    combo = event.keyCombination()
    for action in widget.window().actions():
        if action.isEnabled() and any(seq.count() == 1 and seq[0] == combo for seq in action.shortcuts()):
            return True
    return False


class SearchField(QLineEdit):
    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and event.modifiers() & _CHORD
                and not any(event.matches(k) for k in _KEEP) and window_claims(self, event)):
            event.ignore()  # let the window's shortcut have it
            return True
        return super().event(event)
