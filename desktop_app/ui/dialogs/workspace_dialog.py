"""Open a workspace: a .db file on this computer, or a team's PostgreSQL server by URL."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import prompts


class WorkspaceDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: str = ""):
        super().__init__(parent)
        self.setObjectName("workspaceDialog")
        self.setWindowTitle("Open workspace")
        layout = QVBoxLayout(self)
        intro = QLabel("Open a workspace file on this computer, or a team workspace on a PostgreSQL server.")
        intro.setWordWrap(True)
        self.path = QLineEdit(objectName="workspacePath", placeholderText="/path/to/workspace.db")
        browse = QPushButton("Choose\u2026")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.url = QLineEdit(objectName="workspaceUrl",
                             placeholderText="postgresql+psycopg://analyst@server:5432/claimdesk")
        if "://" in current and not current.startswith("sqlite"):
            self.url.setText(current)
        form = QFormLayout()
        form.addRow("File", row)
        form.addRow("or server URL", self.url)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _browse(self) -> None:
        path = prompts.ask_workspace_file(self)
        if path:
            self.path.setText(path)
            self.url.clear()

    def target(self) -> str | None:
        return self.url.text().strip() or self.path.text().strip() or None


def ask_workspace(parent: QWidget | None, current: str = "") -> str | None:
    dialog = WorkspaceDialog(parent, current)
    return dialog.target() if dialog.exec() == QDialog.DialogCode.Accepted else None
