"""Article details: what an import could not know (outlet, published date, ...), which discrepancies cite."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.core.errors import ClaimdeskError

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ArticleSummary

#: The details, as set_article_details names them, with their labels.
FIELDS = (("title", "Title"), ("publisher", "Outlet / publisher"), ("published", "Published"),
          ("author", "Author"), ("source_url", "Web address"))


def changed_details(summary: ArticleSummary, typed: dict[str, str]) -> tuple[dict, dict]:
    """(changes, old values) for the details the analyst changed ('' clears one)."""
    changes, old = {}, {}
    for key, _label in FIELDS:
        was = getattr(summary, key) or ""
        now = " ".join(typed.get(key, was).split())
        if now != was:
            changes[key] = now
            old[key] = was
    return changes, old


class ArticleDetailsDialog(QDialog):
    def __init__(self, parent: QWidget | None, summary: ArticleSummary,
                 apply: Callable[[dict, dict], None] | None = None):
        super().__init__(parent)
        self.setObjectName("articleDetailsDialog")
        self.setWindowTitle("Article details")
        self.summary, self._apply = summary, apply
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label in FIELDS:
            edit = QLineEdit(getattr(summary, key) or "", objectName=f"detail_{key}")
            self.edits[key] = edit
            form.addRow(f"{label}:", edit)
        self.edits["published"].setPlaceholderText("YYYY-MM-DD")
        self.edits["source_url"].setPlaceholderText("https://")
        self.edits["publisher"].setPlaceholderText("e.g. Reuters, ntv.de")
        note = QLabel("Outlet and date name this report in discrepancies and in the figures over time.")
        note.setWordWrap(True)
        note.setEnabled(False)
        self.error = QLabel(objectName="articleDetailsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self.edits["publisher"].setFocus()

    def typed(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.edits.items()}

    def accept(self) -> None:
        changes, old = changed_details(self.summary, self.typed())
        if changes and self._apply is not None:
            try:
                self._apply(changes, old)
            except ClaimdeskError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        super().accept()


def ask_article_details(parent: QWidget | None, summary: ArticleSummary, apply: Callable[[dict, dict], None]) -> bool:
    """Show the article's details for editing; `apply(changes, old)` saves them. True if saved."""
    return ArticleDetailsDialog(parent, summary, apply).exec() == QDialog.DialogCode.Accepted
