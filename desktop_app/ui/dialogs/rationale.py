"""The small dialog asking why a verdict changed; Enter accepts, Shift+Enter starts a new line."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ..present import short, status_label


class _ReasonEdit(QPlainTextEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.window().accept()
            return
        super().keyPressEvent(event)


class RationaleDialog(QDialog):
    def __init__(self, parent: QWidget | None, claim_text: str, status: str):
        super().__init__(parent)
        self.setObjectName("rationaleDialog")
        self.setWindowTitle(f"Mark {status_label(status).lower()}")
        layout = QVBoxLayout(self)
        question = QLabel(f"Why is this claim {status_label(status).lower()}?")
        question.setStyleSheet("font-weight: 600")
        quote = QLabel(f"\u201c{short(claim_text, 140)}\u201d")
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        quote.setEnabled(False)
        self.reason = _ReasonEdit()
        self.reason.setObjectName("rationale")
        self.reason.setPlaceholderText("The rationale goes into the claim's history (Enter to save, Shift+Enter for a new line)")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(f"Mark {status_label(status).lower()}")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (question, quote, self.reason, buttons):
            layout.addWidget(w)
        self.resize(460, self.sizeHint().height())
        self.reason.setFocus()

    def text(self) -> str:
        return self.reason.toPlainText().strip()


def ask_rationale(parent: QWidget | None, claim_text: str, status: str) -> str | None:
    """The analyst's reason for the new verdict, or None if they cancelled."""
    dialog = RationaleDialog(parent, claim_text, status)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
