"""When a save is refused because someone else changed the claim: show both, let the analyst choose."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

MINE, THEIRS = "mine", "theirs"


class ConflictDialog(QDialog):
    def __init__(self, parent: QWidget | None, message: str, rows: list[tuple[str, str, str]], who: str):
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle("Someone else changed this claim")
        layout = QVBoxLayout(self)
        info = QLabel(message)
        info.setTextFormat(Qt.TextFormat.PlainText)
        info.setWordWrap(True)
        table = QTableWidget(len(rows), 3)
        table.setObjectName("conflictTable")
        table.setHorizontalHeaderLabels(["", "Yours", f"Now in the workspace ({who or 'someone'})"])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for r, (label, mine, theirs) in enumerate(rows):
            for c, text in enumerate((label, mine, theirs)):
                table.setItem(r, c, QTableWidgetItem(text))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in (1, 2):
            table.horizontalHeader().setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        table.setFixedHeight(min(320, table.horizontalHeader().height() + sum(
            table.rowHeight(r) for r in range(table.rowCount())) + 2 * table.frameWidth() + 2))
        buttons = QDialogButtonBox()
        self.mine = buttons.addButton("Re-apply mine", QDialogButtonBox.ButtonRole.AcceptRole)
        self.theirs = buttons.addButton("Keep theirs", QDialogButtonBox.ButtonRole.RejectRole)
        self.mine.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(info)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(600, self.sizeHint().height())


def resolve_conflict(parent: QWidget | None, message: str, rows: list[tuple[str, str, str]], who: str) -> str:
    """MINE to re-apply the analyst's values over the other's, THEIRS to keep what is saved."""
    return MINE if ConflictDialog(parent, message, rows, who).exec() == QDialog.DialogCode.Accepted else THEIRS
