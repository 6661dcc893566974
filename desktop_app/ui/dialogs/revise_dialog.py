"""Where the new version of an article comes from: a file, or a web address."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..present import short
from .prompts import IMPORT_FILTER


class ReviseDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setObjectName("reviseDialog")
        self.setWindowTitle("Import new version")
        question = QLabel(f"The new version of \u201c{short(title, 70)}\u201d: a file, or the address of the page.\n"
                          "Its claims are found again in the new text; the current text stays readable "
                          "as an older revision.")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        self.target = QLineEdit(objectName="reviseTarget", placeholderText="https://\u2026 or a file")
        choose = QPushButton("Choose file\u2026")
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.target, 1)
        row.addWidget(choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "New version of the article", "", IMPORT_FILTER)
        if path:
            self.target.setText(path)


def ask_new_version(parent: QWidget | None, title: str) -> str | None:
    """A file path or an http(s) address, or None if the analyst cancelled."""
    dialog = ReviseDialog(parent, title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.target.text().strip() or None
