"""The selected claim's sources: grade, relation and name, with add / edit / remove."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6 import QtWidgets
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)


from .present import grade_tooltip, short, source_name

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord, SourceLink


class SourcesPanel(QWidget):
    addRequested = Signal()
    editRequested = Signal(object)  # SourceLink
    removeRequested = Signal(object)  # SourceLink

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sourcesPanel")
        self._links: list[SourceLink] = []
        self.tree = QTreeWidget(objectName="sourcesTree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Grade", "Relation", "Source"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(True)
        self.tree.itemDoubleClicked.connect(lambda *_: self._edit())
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel("No sources yet. Add the statements, reports or posts that support or contradict "
                            "this claim, graded A\u2013F (reliability) and 1\u20136 (credibility).")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.add = QPushButton("Add source\u2026", objectName="addSource")
        self.add.setToolTip("Add a new source or cite one already in the workspace (Ctrl+Shift+A)")
        self.edit = QPushButton("Edit\u2026", objectName="editSource")
        self.remove = QPushButton("Remove", objectName="removeSource")
        self.add.clicked.connect(self.addRequested)
        self.edit.clicked.connect(self._edit)
        self.remove.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addStretch(1)
        buttons.addWidget(self.edit)
        buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.set_claim(None)

    def set_claim(self, claim: ClaimRecord | None) -> None:
        selected = self.current()
        self._links = list(claim.sources) if claim else []
        self.tree.clear()
        for link in self._links:
            name = source_name(link)
            where = link.source.publisher or ""
            item = QtWidgets.QTreeWidgetItem([link.grade, link.relation, short(name, 80) + (f" \u2014 {where}" if where else "")])
            item.setToolTip(0, grade_tooltip(link))
            item.setToolTip(2, "\n".join(x for x in (link.source.title, link.source.url or link.source.citation,
                                                     link.excerpt and f"\u201c{short(link.excerpt, 200)}\u201d") if x))
            item.setData(0, Qt.ItemDataRole.UserRole, link.evidence_id)
            self.tree.addTopLevelItem(item)
            if selected is not None and selected.source.id == link.source.id:
                item.setSelected(True)
        if self._links and not self.tree.selectedItems():
            self.tree.topLevelItem(0).setSelected(True)
        self.tree.setVisible(bool(self._links))
        self.empty.setVisible(claim is not None and not self._links)
        self.add.setEnabled(claim is not None)
        self._update_buttons()

    def links(self) -> list[SourceLink]:
        return list(self._links)

    def current(self) -> SourceLink | None:
        items = self.tree.selectedItems() if hasattr(self, "tree") else []
        if not items:
            return None
        evidence_id = items[0].data(0, Qt.ItemDataRole.UserRole)
        return next((link for link in self._links if link.evidence_id == evidence_id), None)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        self.edit.setEnabled(has)
        self.remove.setEnabled(has)

    def _edit(self) -> None:
        link = self.current()
        if link is not None:
            self.editRequested.emit(link)

    def _remove(self) -> None:
        link = self.current()
        if link is not None:
            self.removeRequested.emit(link)
