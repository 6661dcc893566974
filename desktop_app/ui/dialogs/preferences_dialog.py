"""Preferences: who the analyst is (the name on history entries and briefings) and their organisation."""
from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Identity:
    name: str
    organisation: str


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str, organisation: str, default_name: str):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.name = QLineEdit(name, objectName="analystName")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(default_name)
        self.organisation = QLineEdit(organisation, objectName="organisation")
        self.organisation.setMaxLength(200)
        self.organisation.setPlaceholderText("e.g. Verification desk, Example News")
        form = QFormLayout()
        form.addRow("Your name", self.name)
        form.addRow("Organisation", self.organisation)
        about = QLabel("Your name goes on every change you make (the claim's history) and on the briefings you "
                       "export; the organisation is named as the briefing's author.")
        about.setWordWrap(True)
        about.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(about)
        env = os.environ.get("CLAIMDESK_ANALYST", "").strip()
        if env:
            note = QLabel(f"CLAIMDESK_ANALYST is set to \u201c{env}\u201d: that name is used while it is set.",
                          objectName="analystEnvNote")
            note.setTextFormat(Qt.TextFormat.PlainText)
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def identity(self) -> Identity:
        return Identity(" ".join(self.name.text().split()), " ".join(self.organisation.text().split()))


def ask_identity(parent: QWidget | None, name: str, organisation: str, default_name: str) -> Identity | None:
    """The analyst's name and organisation, or None if they cancelled."""
    dialog = PreferencesDialog(parent, name, organisation, default_name)
    return dialog.identity() if dialog.exec() == QDialog.DialogCode.Accepted else None
