""""Same claim as...": pick the claims (usually in other articles) that report what the current claim reports.

Searchable by words of the claim, the outlet or the article; several can be picked at
once. The choice goes to an `apply` callback; a refusal shows in the dialog.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import ClaimdeskError

from .. import theme
from ..groups_present import Candidate, claim_figure, date_text, filter_candidates
from ..present import short, type_label
from ..search_field import SearchField

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_ROWS = 2000  # a search narrows a big workspace; the table stays quick


@dataclass(frozen=True)
class SameClaimChoice:
    claim_ids: tuple[int, ...]  # the current claim first
    label: str | None  # None: keep the group's label, or let the workspace suggest one


class SameClaimDialog(QDialog):
    def __init__(self, parent: QWidget | None, claim: ClaimRecord, items: Sequence[Candidate],
                 group_label: str | None = None, apply: Callable[[SameClaimChoice], None] | None = None):
        super().__init__(parent)
        self.setObjectName("sameClaimDialog")
        self.setWindowTitle("Same claim as\u2026")
        self.claim, self.items, self._apply, self._group_label = claim, list(items), apply, group_label
        question = QLabel("Which claims report the same as this one?")
        question.setStyleSheet("font-weight: 600")
        quote = QLabel(f"\u201c{short(claim.text, 160)}\u201d" + (f"  ({claim_figure(claim)})" if claim_figure(claim) else ""))
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        self.search = SearchField("Search claims, outlets, articles")
        self.search.setObjectName("sameClaimSearch")
        self.same_type = QCheckBox(f"Only {type_label(claim.type).lower()} claims", objectName="sameClaimType")
        self.same_type.setChecked(True)
        self.table = QTableWidget(0, 5, objectName="sameClaimTable")
        self.table.setHorizontalHeaderLabels(["Outlet", "Date", "Claim", "Figure", "Group"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, 170)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.label = QLineEdit(group_label or "", objectName="sameClaimLabel")
        self.label.setPlaceholderText("Left empty: named after the claims")
        self.error = QLabel(objectName="sameClaimError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        form = QFormLayout()
        form.addRow("Group label:", self.label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (question, quote, self.search, self.same_type, self.table):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._fill)
        self.same_type.toggled.connect(self._fill)
        self.table.itemSelectionChanged.connect(self._update_ok)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        self._fill()
        self.resize(760, 520)
        self.search.setFocus()

    def _fill(self, *_args) -> None:
        chosen = set(self.selected_ids())
        shown = filter_candidates(self.items, self.search.text(),
                                  self.claim.type if self.same_type.isChecked() else None, self.claim.article_id)
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(0)
        for row, c in enumerate(shown[:MAX_ROWS]):
            self.table.insertRow(row)
            cells = [QTableWidgetItem(c.outlet), QTableWidgetItem(date_text(c.published)),
                     QTableWidgetItem(short(c.claim.text, 140)), QTableWidgetItem(claim_figure(c.claim)),
                     QTableWidgetItem(short(c.group_label or "", 40))]
            cells[2].setIcon(theme.type_icon(c.claim.type))
            cells[2].setToolTip(c.claim.text)
            cells[0].setToolTip(c.article_title)
            for col, item in enumerate(cells):
                item.setData(CLAIM_ID_ROLE, c.claim.id)
                self.table.setItem(row, col, item)
            if c.claim.id in chosen:
                self.table.selectRow(row)
        self.table.setUpdatesEnabled(True)
        self._update_ok()

    def select_claims(self, claim_ids) -> None:
        wanted = set(claim_ids)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(CLAIM_ID_ROLE) in wanted:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def shown_ids(self) -> list[int]:
        return [self.table.item(r, 0).data(CLAIM_ID_ROLE) for r in range(self.table.rowCount())]

    def selected_ids(self) -> list[int]:
        if not hasattr(self, "table"):
            return []
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return [self.table.item(r, 0).data(CLAIM_ID_ROLE) for r in rows]

    def _update_ok(self) -> None:
        n = len(self.selected_ids())
        self.ok.setEnabled(n > 0)
        self.ok.setText(f"Same claim ({n + 1} claims)" if n else "Same claim")

    def value(self) -> SameClaimChoice:
        label = " ".join(self.label.text().split())
        keep = not label or label == self._group_label
        return SameClaimChoice((self.claim.id, *self.selected_ids()), None if keep else label)

    def accept(self) -> None:
        if not self.selected_ids():
            return
        if self._apply is not None:
            try:
                self._apply(self.value())
            except ClaimdeskError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        super().accept()


def ask_same_claim(parent: QWidget | None, claim: ClaimRecord, items: Sequence[Candidate], group_label: str | None,
                   apply: Callable[[SameClaimChoice], None]) -> bool:
    """Show the dialog; `apply` groups what was picked. True if something was grouped."""
    return SameClaimDialog(parent, claim, items, group_label, apply).exec() == QDialog.DialogCode.Accepted
