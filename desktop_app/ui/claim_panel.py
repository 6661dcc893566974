"""The margin beside the article: the claim table with its filters, and the selected claim's tabs."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import taxonomy

from . import theme
from .claim_editor import ClaimEditor
from .claim_table import CLAIM_ID_ROLE, ClaimTableModel, ClaimTableView
from .history_view import HistoryView
from .present import ClaimFilter
from .search_field import SearchField
from .sources_panel import SourcesPanel

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord

ORPHANED_FILTER = "__orphaned__"


class ClaimPanel(QWidget):
    currentClaimChanged = Signal(object)  # claim id or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimPanel")
        self.model = ClaimTableModel(self)
        self.table = ClaimTableView()
        self.table.setModel(self.model)

        self.type_filter = QComboBox(objectName="typeFilter")
        self.type_filter.addItem("All types", None)
        for name, term in taxonomy.types().items():
            self.type_filter.addItem(theme.type_icon(name), term.label, name)
        self.status_filter = QComboBox(objectName="statusFilter")
        self.status_filter.addItem("All verdicts", None)
        for name, term in taxonomy.statuses().items():
            self.status_filter.addItem(theme.status_icon(name), term.label, name)
        self.status_filter.addItem("Orphaned", ORPHANED_FILTER)
        for box in (self.type_filter, self.status_filter):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search = SearchField("Search claims")
        self.search.setToolTip("Search the claims' text and notes (Ctrl+Shift+F)")
        self.search.setObjectName("claimSearch")
        self.count = QLabel(objectName="claimCount")
        self.count.setEnabled(False)
        self.mine = QCheckBox("My claims", objectName="myClaims")
        self.mine.setToolTip("Show only the claims you made or last changed")
        self.orphans = QToolButton(objectName="orphanBadge")
        self.orphans.setCheckable(True)
        self.orphans.setAutoRaise(True)
        self.orphans.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.orphans.setToolTip("Claims a new revision of the article no longer holds: select one, select its "
                                "new words in the article and press Ctrl+Shift+R to re-attach it")
        self.orphans.setStyleSheet(f"QToolButton {{ color: {theme.anchor_warning(True).name()}; font-weight: 600; }}")
        self.orphans.hide()
        self._analyst = ""

        filters = QHBoxLayout()
        filters.setContentsMargins(8, 6, 8, 2)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        heading = QHBoxLayout()
        heading.setContentsMargins(10, 6, 10, 0)
        title = QLabel("Claims")
        f = title.font()
        f.setBold(True)
        title.setFont(f)
        heading.addWidget(title)
        heading.addSpacing(6)
        heading.addWidget(self.orphans)
        heading.addStretch(1)
        heading.addWidget(self.mine)
        heading.addWidget(self.count)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        top_layout.addLayout(heading)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)

        self.editor = ClaimEditor()
        self.sources = SourcesPanel()
        self.history = HistoryView()
        self.tabs = QTabWidget(objectName="claimTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.editor, "Claim")
        self.tabs.addTab(self.sources, "Sources")
        self.tabs.addTab(self.history, "History")

        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="claimSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._current: int | None = None
        self.type_filter.currentIndexChanged.connect(self._filter_changed)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.search.textChanged.connect(self._filter_changed)
        self.mine.toggled.connect(self._filter_changed)
        self.orphans.clicked.connect(self._orphans_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._restore_selection)
        self.model.layoutChanged.connect(self._restore_selection)
        self._update_count()

    # --- content --------------------------------------------------------------------------
    def set_claims(self, claims: Sequence[ClaimRecord]) -> None:
        self._set_current(None)
        self.model.set_claims(claims)
        self._update_count()

    def upsert(self, record: ClaimRecord) -> None:
        self.model.upsert(record)
        self._update_count()
        self._restore_selection()

    def remove(self, claim_id: int) -> None:
        self.model.remove(claim_id)
        if claim_id == self._current:
            self._set_current(None)
        self._update_count()

    def replace_all(self, claims: Sequence[ClaimRecord]) -> bool:
        changed = self.model.replace_all(claims)
        if self._current is not None and self.model.claim(self._current) is None:
            self._set_current(None)
        self._update_count()
        self._restore_selection()
        return changed

    def claims(self) -> list[ClaimRecord]:
        return self.model.all_claims()

    # --- selection ------------------------------------------------------------------------
    @property
    def current_id(self) -> int | None:
        return self._current

    def current_claim(self) -> ClaimRecord | None:
        return self.model.claim(self._current) if self._current is not None else None

    def select_claim(self, claim_id: int | None) -> bool:
        if claim_id is None:
            self.table.clearSelection()
            self._set_current(None)
            return True
        if self.model.claim(claim_id) is None:
            return False
        if self.model.row_of(claim_id) < 0:  # hidden by the filters: show everything again
            self.clear_filters()
        row = self.model.row_of(claim_id)
        index = self.model.index(row, 1)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        if self._current != claim_id:
            self._set_current(claim_id)
        return True

    def step(self, delta: int) -> None:
        """Select the next (or previous) claim in the table."""
        rows = self.model.rowCount()
        if not rows:
            return
        row = self.model.row_of(self._current) if self._current is not None else -1
        row = min(rows - 1, max(0, row + delta)) if row >= 0 else (0 if delta > 0 else rows - 1)
        self.select_claim(self.model.claim_at(row).id)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        cid = self.model.data(self.model.index(current.row(), 0), CLAIM_ID_ROLE)
        if cid != self._current:
            self._set_current(cid)

    def _set_current(self, claim_id: int | None) -> None:
        if claim_id == self._current:
            return
        # The new claim is current before the editor saves what was typed for the old one,
        # so the refresh that save causes keeps the new row selected.
        self._current = claim_id
        self.editor.commit_pending()
        self.currentClaimChanged.emit(self._current)

    def _restore_selection(self) -> None:
        if self._current is None:
            return
        row = self.model.row_of(self._current)
        sel = self.table.selectionModel()
        if row < 0:
            sel.clearSelection()
            return
        index = self.model.index(row, 1)
        if sel.currentIndex().row() != row or not sel.isRowSelected(row):
            sel.blockSignals(True)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                | QItemSelectionModel.SelectionFlag.Rows)
            sel.blockSignals(False)
            self.table.viewport().update()

    # --- filters --------------------------------------------------------------------------
    def current_filter(self) -> ClaimFilter:
        t = self.type_filter.currentData()
        s = self.status_filter.currentData()
        return ClaimFilter(types=frozenset([t]) if t else None,
                           statuses=frozenset([s]) if s and s != ORPHANED_FILTER else None,
                           text=self.search.text(), orphaned_only=s == ORPHANED_FILTER,
                           analyst=self._analyst if self.mine.isChecked() and self._analyst else None)

    def set_analyst(self, name: str) -> None:
        """Who "My claims" means (the workspace's analyst)."""
        self._analyst = name
        self.mine.setToolTip(f"Show only the claims {name} made or last changed")
        self._filter_changed()

    # --- orphans --------------------------------------------------------------------------
    def orphan_count(self) -> int:
        return self.model.orphan_count()

    def orphans_only(self) -> bool:
        return self.status_filter.currentData() == ORPHANED_FILTER

    def show_orphans(self) -> None:
        """Only the orphaned claims (after a revision), so the analyst can re-attach them one by one."""
        self.status_filter.setCurrentIndex(self.status_filter.findData(ORPHANED_FILTER))

    def _orphans_clicked(self) -> None:
        if self.orphans_only():
            self.status_filter.setCurrentIndex(0)
        else:
            self.show_orphans()

    def _filter_changed(self, *_args) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()

    def clear_filters(self) -> None:
        for w in (self.type_filter, self.status_filter, self.search, self.mine):
            w.blockSignals(True)
        self.type_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.search.clear()
        self.mine.setChecked(False)
        for w in (self.type_filter, self.status_filter, self.search, self.mine):
            w.blockSignals(False)
        self._filter_changed()

    def _update_count(self) -> None:
        orphans = self.orphan_count()
        self.orphans.setVisible(bool(orphans))
        self.orphans.setText(f"\u26a0 {orphans} orphaned")
        self.orphans.setChecked(self.orphans_only())
        shown, total = self.model.rowCount(), self.model.total()
        self.count.setText(f"{total} claim{'s' if total != 1 else ''}" if shown == total
                           else f"{shown} of {total} claims")
        self.tabs.setTabText(1, f"Sources ({len(c.sources)})" if (c := self.current_claim()) and c.sources
                             else "Sources")

    def show_details(self, record: ClaimRecord | None, events=None) -> None:
        """Fill the Claim, Sources and History tabs for the selected claim."""
        self.editor.set_claim(record)
        self.sources.set_claim(record)
        if events is not None or record is None:
            self.history.set_events(events or [])
        self._update_count()
