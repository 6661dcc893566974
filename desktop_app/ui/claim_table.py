"""The article's claims as a table: a model over plain records, with its own filter and sort.

The model holds ClaimRecords and a list of visible row indexes, filtered and sorted
in one Python pass (present.filter_claims), so typing in the search box stays fast at
100,000 claims; rendering a row never calls the Workspace. Each order the analyst sorts
by is made from the text order by one stable sort on its first field and kept until the
claims change, so a second click on a column (or back) only reverses a list.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


from . import theme
from .present import (
    FUZZY,
    ORPHANED,
    SORT_KEYS,
    ClaimFilter,
    fields_text,
    by_start,
    filter_claims,
    grade_tooltip,
    short,
    sorted_claims,
    source_name,
    status_label,
    type_label,
)
from .review_text import CHECK_WORDING

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (("type", ""), ("text", "Claim"), ("status", "Verdict"), ("sources", "Sources"))
TYPE, TEXT, STATUS, SOURCES = range(4)


class ClaimTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._claims: list[ClaimRecord] = []  # sorted by the current sort key
        self._rows: list[int] = []  # indexes into _claims that pass the filter, in order
        self._filter = ClaimFilter()
        self._sort = ("position", False)
        self._icons: dict[tuple[str, str], object] = {}
        self._where: dict[int, int] | None = None  # claim id -> index in _claims
        self._orders: dict[str, list[ClaimRecord]] = {}  # ascending orders made so far ("start": text order)
        self._orphans: int | None = None

    # --- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def _icon(self, kind: str, name: str):
        key = (kind, name)
        if key not in self._icons:
            self._icons[key] = (theme.swatch(theme.type_colour(name), 12) if kind == "type"
                                else theme.dot(theme.status_colour(name), 12))
        return self._icons[key]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        c = self._claims[self._rows[index.row()]]
        col = index.column()
        orphaned = c.anchor == ORPHANED
        fuzzy = c.anchor == FUZZY
        if role == Qt.ItemDataRole.DisplayRole:
            if col == TEXT:
                mark = "\u26a0 orphaned \u2014 " if orphaned else f"\u2248 {CHECK_WORDING} \u2014 " if fuzzy else ""
                return mark + short(c.text, 200)
            if col == STATUS:
                return status_label(c.status)
            if col == SOURCES:
                return " ".join(s.grade for s in c.sources)
        elif role == Qt.ItemDataRole.DecorationRole:
            if col == TYPE:
                return self._icon("type", c.type)
            if col == STATUS:
                return self._icon("status", c.status)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == TEXT:
                tip = c.text
                extra = fields_text(c)
                if extra:
                    tip += f"\n{extra}"
                if c.note:
                    tip += f"\nNote: {short(c.note, 200)}"
                if orphaned:
                    tip += ("\nOrphaned: this text is no longer in the article. Select its new words in the "
                            "article and press Ctrl+Shift+R to re-attach it.")
                elif fuzzy:
                    tip += ("\nCheck wording: a new revision matched this claim approximately. Ctrl+Shift+R "
                            "confirms these words (or select the right ones first).")
                return tip
            if col == SOURCES and c.sources:
                return "\n".join(f"{grade_tooltip(s)} \u2014 {short(source_name(s), 60)}" for s in c.sources)
            if col == TYPE:
                return type_label(c.type)
        elif role == Qt.ItemDataRole.FontRole and orphaned and col == TEXT:
            f = QFont()
            f.setItalic(True)
            return f
        elif role == Qt.ItemDataRole.ForegroundRole and (orphaned or fuzzy) and col == TEXT:
            return theme.anchor_warning(orphaned)
        elif role == CLAIM_ID_ROLE:
            return c.id
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = {TYPE: "type", TEXT: "position", STATUS: "status", SOURCES: "sources"}.get(column, "position")
        self.layoutAboutToBeChanged.emit()
        old = self._persistent_ids()
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._claims = self._ordered(*self._sort)
        self._where = None
        self._rows = filter_claims(self._claims, self._filter)
        self._restore_persistent(old)
        self.layoutChanged.emit()

    def _persistent_ids(self) -> list[tuple[QModelIndex, int | None]]:
        return [(QModelIndex(p), self.data(QModelIndex(p), CLAIM_ID_ROLE)) for p in self.persistentIndexList()]

    def _restore_persistent(self, old) -> None:
        where = {self._claims[i].id: r for r, i in enumerate(self._rows)}
        for index, cid in old:
            row = where.get(cid, -1)
            self.changePersistentIndex(index, self.index(row, index.column()) if row >= 0 else QModelIndex())

    def _ordered(self, key: str, descending: bool) -> list[ClaimRecord]:
        """The claims in `key` order (keys end in the claim id: descending is ascending reversed)."""
        orders = self._orders
        if key not in orders:
            if "start" not in orders:
                orders["start"] = sorted(self._claims, key=by_start)
            orders[key] = sorted_claims(self._claims, key, orders["start"])
        return orders[key][::-1] if descending else list(orders[key])

    def _content_changed(self) -> None:
        self._orders.clear()
        self._orphans = None

    # --- content --------------------------------------------------------------------------
    def set_claims(self, claims: Sequence[ClaimRecord]) -> None:
        self.beginResetModel()
        self._claims = list(claims)
        self._content_changed()
        self._claims = self._ordered(*self._sort)
        self._where = None
        self._rows = filter_claims(self._claims, self._filter)
        self.endResetModel()

    def all_claims(self) -> list[ClaimRecord]:
        return list(self._claims)

    def set_filter(self, f: ClaimFilter) -> None:
        if f == self._filter:
            return
        self.beginResetModel()
        self._filter = f
        self._rows = filter_claims(self._claims, f)
        self.endResetModel()

    @property
    def filter(self) -> ClaimFilter:
        return self._filter

    def total(self) -> int:
        return len(self._claims)

    def orphan_count(self) -> int:
        """How many claims lost their place in the text (counted once per change, not per keystroke)."""
        if self._orphans is None:
            self._orphans = sum(1 for c in self._claims if c.anchor == ORPHANED)
        return self._orphans

    def claim_at(self, row: int) -> ClaimRecord | None:
        return self._claims[self._rows[row]] if 0 <= row < len(self._rows) else None

    def _position(self, claim_id: int) -> int:
        if self._where is None:  # rebuilt lazily after rows move, so a verdict change costs nothing
            self._where = {c.id: i for i, c in enumerate(self._claims)}
        return self._where.get(claim_id, -1)

    def claim(self, claim_id: int) -> ClaimRecord | None:
        i = self._position(claim_id)
        return self._claims[i] if i >= 0 else None

    def row_of(self, claim_id: int) -> int:
        i = self._position(claim_id)
        if i < 0:
            return -1
        row = bisect_left(self._rows, i)
        return row if row < len(self._rows) and self._rows[row] == i else -1

    def upsert(self, record: ClaimRecord) -> None:
        """One claim added or changed (this window's own edits): touch only its row when possible."""
        i = self._position(record.id)
        key = SORT_KEYS[self._sort[0]]
        self._content_changed()
        if i >= 0:
            old = self._claims[i]
            visible_before = self.row_of(record.id) >= 0
            self._claims[i] = record
            visible_after = bool(filter_claims([record], self._filter))
            in_order = key(old) == key(record)
            if in_order and visible_before == visible_after:
                if visible_after:
                    row = self.row_of(record.id)
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                return
            self._claims.pop(i)
            self._where = None
            self._remove_index(i, visible_before)
        self._insert(record)

    def _remove_index(self, i: int, visible: bool) -> None:
        row = bisect_left(self._rows, i)
        if visible:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._rows = [j - (j > i) for j in self._rows]
            self.endRemoveRows()
        else:
            self._rows = [j - (j > i) for j in self._rows]

    def _insert(self, record: ClaimRecord) -> None:
        self._content_changed()
        key = SORT_KEYS[self._sort[0]]
        keys = [key(c) for c in self._claims]
        k = bisect_left(keys, key(record)) if not self._sort[1] else len(keys) - bisect_left(keys[::-1], key(record))
        self._claims.insert(k, record)
        self._where = None
        shifted = [j + (j >= k) for j in self._rows]
        if filter_claims([record], self._filter):
            row = bisect_left(shifted, k)
            self.beginInsertRows(QModelIndex(), row, row)
            shifted.insert(row, k)
            self._rows = shifted
            self.endInsertRows()
        else:
            self._rows = shifted

    def remove(self, claim_id: int) -> None:
        i = self._position(claim_id)
        if i < 0:
            return
        visible = self.row_of(claim_id) >= 0
        self._claims.pop(i)
        self._content_changed()
        self._where = None
        self._remove_index(i, visible)

    def replace_all(self, claims: Sequence[ClaimRecord]) -> bool:
        """A fresh read of the article (someone else changed it): apply only the difference.

        Returns True if anything changed.
        """
        old = {c.id: c for c in self._claims}
        new = {c.id: c for c in claims}
        if old.keys() != new.keys():
            for cid in old.keys() - new.keys():
                self.remove(cid)
            for cid in new.keys() - old.keys():
                self._insert(new[cid])
        changed = [c for cid, c in new.items() if cid in old and old[cid] != c]
        for c in changed:
            self.upsert(c)
        return bool(changed) or old.keys() != new.keys()


class ClaimTableView(QTableView):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(TYPE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SOURCES, QHeaderView.ResizeMode.Interactive)
        fm = self.fontMetrics()
        self.setColumnWidth(TYPE, 26)  # the type's colour; its name is in the tooltip and the legend
        self.setColumnWidth(STATUS, fm.horizontalAdvance("Unverifiable") + 40)
        self.setColumnWidth(SOURCES, fm.horizontalAdvance("B2 A3") + 16)
        self.sortByColumn(TEXT, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)

