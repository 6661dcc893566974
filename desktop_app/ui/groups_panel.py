"""The views across articles: claim groups, their discrepancies, and group suggestions.

Plain widgets over records the controller (groups_controller.py) reads off the GUI
thread; they never call the Workspace. What the analyst asks for leaves as a signal.
Enter, Del and F2 act on the list that has the focus (not on the window's claim), as
the claim table's keys do.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.groups import Discrepancy, GroupRecord, GroupSuggestion

from . import theme
from .groups_present import (
    claim_figure,
    date_text,
    discrepancy_counts,
    flag_tooltip,
    group_matches,
    group_figures_text,
    group_summary,
    kind_colour,
    kind_label,
    member_flags,
    member_line,
    member_sort_key,
    outlet_text,
    report_line,
    sort_groups,
    suggestion_summary,
)
from .present import short, status_label
from .search_field import SearchField

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord

GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
INDEX_ROLE = Qt.ItemDataRole.UserRole + 4
EXPLANATION_ROLE = Qt.ItemDataRole.UserRole + 5

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


def warn_colour(kind: str, palette: QPalette | None = None) -> QColor:
    colour = QColor(kind_colour(kind))
    return colour.lighter(140) if theme.is_dark(palette) else colour


def badge(count: int, colour: QColor, height: int = 16) -> QPixmap:
    """A rounded red badge with a number: how many discrepancies a group has."""
    font = QFont()
    font.setBold(True)
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
    fm = QFontMetrics(font)
    text = str(count)
    width = max(height, fm.horizontalAdvance(text) + 10)
    pm, p = theme._pixmap(max(width, height))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    top = (max(width, height) - height) / 2
    p.drawRoundedRect(QRectF(0.5, top + 0.5, width - 1, height - 1), height / 2, height / 2)
    p.setPen(QColor("white"))
    p.setFont(font)
    p.drawText(QRectF(0, top, width, height), int(Qt.AlignmentFlag.AlignCenter), text)
    p.end()
    return pm


def marker(colour: QColor, size: int = 12) -> QPixmap:
    """A small diamond in a discrepancy's colour beside a member that disagrees."""
    pm, p = theme._pixmap(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.translate(size / 2, size / 2)
    p.rotate(45)
    s = size * 0.5
    p.drawRect(QRectF(-s / 2, -s / 2, s, s))
    p.end()
    return pm


class KeyedTree(QTreeWidget):
    """A tree that keeps Enter, Del and F2 for itself while it has the focus (the window has
    shortcuts on Del and F2 for the current claim) and reports them as `keyPressed`."""

    keyPressed = Signal(int)

    def __init__(self, keys: Sequence[Qt.Key] = (*ENTER_KEYS, Qt.Key.Key_Delete), parent=None):
        super().__init__(parent)
        self._keys = tuple(keys)

    def _ours(self, event: QKeyEvent) -> bool:
        return (event.key() in self._keys and not event.modifiers() & _CHORD
                and self.state() != QAbstractItemView.State.EditingState)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._ours(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._ours(event):
            self.keyPressed.emit(event.key())
            return
        super().keyPressEvent(event)


def _bold(font: QFont) -> QFont:
    f = QFont(font)
    f.setBold(True)
    return f


# --- groups ---------------------------------------------------------------------------------

OUTLET, DATE, FIGURE, VERDICT, CLAIM = range(5)
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 6
FIGURES_ROLE = Qt.ItemDataRole.UserRole + 7
BADGE_ROLE = Qt.ItemDataRole.UserRole + 8  # (count, kind of the first discrepancy)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 9


class GroupRowDelegate(QStyledItemDelegate):
    """A group's row across the whole width: badge, label in bold, its size, its figures, its verdict."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.parent().isValid() or index.column() != 0:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = type(opt.icon)()
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        pal = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = ink if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        r = option.rect.adjusted(2, 0, -6, 0)
        fm = QFontMetrics(option.font)
        bold = _bold(option.font)
        bfm = QFontMetrics(bold)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        x = r.left()
        count, kind = index.data(BADGE_ROLE) or (0, "")
        if count:
            pm = badge(count, warn_colour(kind, pal), max(14, fm.height() - 2))
            w = pm.width() / pm.devicePixelRatio()
            h = pm.height() / pm.devicePixelRatio()
            painter.drawPixmap(int(x), int(r.center().y() - h / 2 + 1), pm)
            x += w + 6
        status = index.data(STATUS_ROLE) or ""
        status_w = fm.horizontalAdvance(status_label(status) if status != "mixed" else "Mixed") + 16
        right = r.right() - status_w
        label = index.data(Qt.ItemDataRole.DisplayRole) or ""
        summary = index.data(SUMMARY_ROLE) or ""
        figures, conflict = index.data(FIGURES_ROLE) or ("", False)
        room = right - x - 8
        figures_w = min(bfm.horizontalAdvance(figures) + 2, room * 0.4) if figures else 0
        label_w = min(bfm.horizontalAdvance(label) + 2, room - (figures_w + 12 if figures else 0))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(QRectF(x, r.top(), label_w, r.height()), flags,
                         bfm.elidedText(label, Qt.TextElideMode.ElideRight, int(label_w)))
        x += label_w + 12
        if figures:
            painter.setPen(warn_colour("figure", pal) if conflict and not selected else ink)
            painter.drawText(QRectF(x, r.top(), figures_w, r.height()), flags,
                             bfm.elidedText(figures, Qt.TextElideMode.ElideRight, int(figures_w)))
            x += figures_w + 12
        painter.setFont(option.font)
        painter.setPen(dim)
        if right - x > 20:
            painter.drawText(QRectF(x, r.top(), right - x, r.height()), flags,
                             fm.elidedText(summary, Qt.TextElideMode.ElideRight, int(right - x)))
        if status:
            d = fm.height() * 0.55
            if status != "mixed":
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(theme.status_colour(status))
                painter.drawEllipse(QRectF(right + 2, r.center().y() - d / 2 + 1, d, d))
            painter.setPen(dim)
            painter.drawText(QRectF(right + 6 + d, r.top(), status_w, r.height()), flags,
                             status_label(status) if status != "mixed" else "Mixed")
        painter.restore()


class GroupsPanel(QWidget):
    """Every group: label, badge of discrepancies, and its members (outlet, date, figure, verdict)."""

    claimActivated = Signal(int)  # Enter or double-click on a member
    claimSelected = Signal(int)  # a member became the current row
    groupSelected = Signal(object)  # group id or None
    renameRequested = Signal(int, str)
    removeRequested = Signal(int)  # claim id: not the same claim
    dissolveRequested = Signal(int)
    verdictRequested = Signal(int)
    addCurrentRequested = Signal(int)  # group id: the window's current claim joins it

    COLUMNS = ("Outlet", "Date", "Figure", "", "Claim")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("groupsPanel")
        self.groups: list[GroupRecord] = []
        self.discrepancies: list[Discrepancy] = []
        self._expanded: set[int] = set()
        self._filling = False
        self.tree = KeyedTree((*ENTER_KEYS, Qt.Key.Key_Delete, Qt.Key.Key_F2))
        self.tree.setObjectName("groupsTree")
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels(list(self.COLUMNS))
        self.tree.headerItem().setToolTip(VERDICT, "Verdict")
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(GroupRowDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(20)
        header.setSectionResizeMode(OUTLET, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FIGURE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(VERDICT, QHeaderView.ResizeMode.Fixed)
        fm = self.fontMetrics()
        self.tree.setColumnWidth(OUTLET, fm.horizontalAdvance("Continental Newswire") + 2 * self.tree.indentation() + 8)
        self.tree.setColumnWidth(VERDICT, 24)
        self.tree.keyPressed.connect(self._key)
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._activate(item))
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemExpanded.connect(lambda it: self._expanded.add(it.data(0, GROUP_ID_ROLE)))
        self.tree.itemCollapsed.connect(lambda it: self._expanded.discard(it.data(0, GROUP_ID_ROLE)))

        self.search = SearchField("Search groups")
        self.search.setObjectName("groupSearch")
        self.search.textChanged.connect(self._apply_filter)
        self.count = QLabel(objectName="groupCount")
        self.count.setEnabled(False)
        self.empty = QLabel("No claim groups yet. Groups \u25b8 Suggest groups (Ctrl+Shift+G) finds the same claim "
                            "in several articles; Groups \u25b8 Same claim as\u2026 (Ctrl+Shift+L) links claims by hand.")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.add_current = QPushButton("Add current claim", objectName="addCurrentToGroup")
        self.add_current.setToolTip("Put the claim selected in the article into this group")
        self.remove = QPushButton("Not the same claim", objectName="removeFromGroup")
        self.remove.setToolTip("Take the selected claim out of its group (Del)")
        self.verdict = QPushButton("Group verdict\u2026", objectName="groupVerdictButton")
        self.verdict.setToolTip("Give every claim of the group one verdict, with a rationale (Ctrl+Alt+G)")
        self.rename = QPushButton("Rename\u2026", objectName="renameGroup")
        self.rename.setToolTip("Edit the group's label (F2)")
        self.add_current.clicked.connect(lambda: self._emit_group(self.addCurrentRequested))
        self.remove.clicked.connect(self._remove_current)
        self.verdict.clicked.connect(lambda: self._emit_group(self.verdictRequested))
        self.rename.clicked.connect(self.edit_label)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.add_current, self.remove, self.rename):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.verdict)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        self.set_groups([], [])

    # --- content --------------------------------------------------------------------------
    def set_groups(self, groups: Sequence[GroupRecord], discrepancies: Sequence[Discrepancy]) -> None:
        """Show these groups (keeping which are open and which row is selected)."""
        current = (self.current_group_id(), self.current_claim_id())
        counts = discrepancy_counts(discrepancies)
        flags = member_flags(discrepancies)
        by_group: dict[int, list[Discrepancy]] = {}
        for d in discrepancies:
            by_group.setdefault(d.group_id, []).append(d)
        self.groups = sort_groups(groups, counts)
        self.discrepancies = list(discrepancies)
        pal = self.palette()
        bold = _bold(self.tree.font())
        self._filling = True
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.clear()
            for g in self.groups:
                n = counts.get(g.id, 0)
                mine = by_group.get(g.id, [])
                members = sorted(g.members, key=member_sort_key)
                figures = group_figures_text(g, mine)
                conflict = any(d.kind == "figure" for d in mine)
                item = QTreeWidgetItem([g.label])
                item.setData(0, GROUP_ID_ROLE, g.id)
                item.setData(0, SUMMARY_ROLE, group_summary(g))
                item.setData(0, FIGURES_ROLE, (figures, conflict))
                item.setData(0, BADGE_ROLE, (n, mine[0].kind if mine else ""))
                item.setData(0, STATUS_ROLE, g.status)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(0, "\n".join([g.label, group_summary(g, n)] + [
                    f"\u26a0 {kind_label(d.kind)}: {d.explanation}" for d in mine]))
                for m in members:
                    c = m.claim
                    child = QTreeWidgetItem([outlet_text(m.outlet, m.article_title, c.article_id),
                                             date_text(m.published), claim_figure(c), "", short(c.text, 160)])
                    child.setData(0, GROUP_ID_ROLE, g.id)
                    child.setData(0, CLAIM_ID_ROLE, c.id)
                    child.setIcon(VERDICT, theme.status_icon(c.status))
                    child.setToolTip(VERDICT, status_label(c.status))
                    said = f"\nAccording to {m.source}" if m.source else ""
                    child.setToolTip(CLAIM, f"{c.text}\n{m.article_title}{said}")
                    child.setToolTip(OUTLET, m.article_title)
                    if c.id in flags:
                        kinds = [f.kind for f in flags[c.id]]
                        child.setIcon(CLAIM, marker(warn_colour(kinds[0], pal)))
                        child.setToolTip(CLAIM, f"{c.text}{said}\n\n{flag_tooltip(flags[c.id])}")
                        if "figure" in kinds:
                            child.setForeground(FIGURE, warn_colour("figure", pal))
                            child.setFont(FIGURE, bold)
                    item.addChild(child)
                self.tree.addTopLevelItem(item)
                item.setFirstColumnSpanned(True)
                item.setExpanded(g.id in self._expanded)
        finally:
            self.tree.setUpdatesEnabled(True)
            self._filling = False
        self._apply_filter()
        self.select(*current, emit=False)
        has = bool(self.groups)
        self.tree.setVisible(has)
        self.empty.setVisible(not has)
        n_dis = len(self.discrepancies)
        self.count.setText(f"{len(self.groups)} group{'s' if len(self.groups) != 1 else ''}"
                           + (f", {n_dis} discrepanc{'ies' if n_dis != 1 else 'y'}" if n_dis else ""))
        self._update_buttons()

    def group(self, group_id: int | None) -> GroupRecord | None:
        return next((g for g in self.groups if g.id == group_id), None)

    def _apply_filter(self, *_args) -> None:
        needle = self.search.text()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            g = self.group(item.data(0, GROUP_ID_ROLE))
            item.setHidden(g is None or not group_matches(g, needle))

    # --- selection ------------------------------------------------------------------------
    def _item_for(self, group_id: int | None, claim_id: int | None = None) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, GROUP_ID_ROLE) != group_id:
                continue
            if claim_id is None:
                return item
            for j in range(item.childCount()):
                if item.child(j).data(0, CLAIM_ID_ROLE) == claim_id:
                    return item.child(j)
            return item
        return None

    def select(self, group_id: int | None, claim_id: int | None = None, emit: bool = True,
               expand: bool = False) -> bool:
        item = self._item_for(group_id, claim_id)
        if item is None:
            return False
        if expand and item.parent() is None:
            item.setExpanded(True)
        if item.parent() is not None:
            item.parent().setExpanded(True)
        if not emit:
            self.tree.blockSignals(True)
        self.tree.setCurrentItem(item)
        self.tree.blockSignals(False)
        self.tree.scrollToItem(item)
        self._update_buttons()
        return True

    def current_group_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, GROUP_ID_ROLE) if item is not None else None

    def current_claim_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, CLAIM_ID_ROLE) if item is not None else None

    def _current_changed(self, current, previous) -> None:
        self._update_buttons()
        gid = current.data(0, GROUP_ID_ROLE) if current is not None else None
        was = previous.data(0, GROUP_ID_ROLE) if previous is not None else None
        if gid != was:
            self.groupSelected.emit(gid)
        cid = current.data(0, CLAIM_ID_ROLE) if current is not None else None
        if cid is not None:
            self.claimSelected.emit(cid)

    def _update_buttons(self) -> None:
        has_group = self.current_group_id() is not None
        self.add_current.setEnabled(has_group)
        self.verdict.setEnabled(has_group)
        self.rename.setEnabled(has_group)
        self.remove.setEnabled(self.current_claim_id() is not None)

    # --- actions --------------------------------------------------------------------------
    def _emit_group(self, signal) -> None:
        gid = self.current_group_id()
        if gid is not None:
            signal.emit(gid)

    def _remove_current(self) -> None:
        cid = self.current_claim_id()
        if cid is not None:
            self.removeRequested.emit(cid)

    def _activate(self, item: QTreeWidgetItem) -> None:
        cid = item.data(0, CLAIM_ID_ROLE)
        if cid is not None:
            self.claimActivated.emit(cid)
        else:
            item.setExpanded(not item.isExpanded())

    def _key(self, key: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        if key in ENTER_KEYS:
            self._activate(item)
        elif key == Qt.Key.Key_Delete:
            if item.data(0, CLAIM_ID_ROLE) is not None:
                self.removeRequested.emit(item.data(0, CLAIM_ID_ROLE))
            else:
                self.dissolveRequested.emit(item.data(0, GROUP_ID_ROLE))
        elif key == Qt.Key.Key_F2:
            self.edit_label()

    def edit_label(self) -> None:
        """Edit the selected group's label in place; Enter saves it (one undoable rename)."""
        item = self._item_for(self.current_group_id())
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.editItem(item, 0)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0 or item.parent() is not None:
            return
        g = self.group(item.data(0, GROUP_ID_ROLE))
        if g is not None and item.text(0) != g.label:
            self.renameRequested.emit(g.id, item.text(0))


# --- discrepancies --------------------------------------------------------------------------

class DiscrepancyDelegate(QStyledItemDelegate):
    """A discrepancy as a flagged card: a bar and a chip in its colour, the group, the explanation."""

    PAD = 6

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        return max(120, (view.viewport().width() if view is not None else option.rect.width()) - 24)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        kind = index.data(KIND_ROLE)
        fm = option.fontMetrics
        width = self._width(option) - (20 if kind else 40)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not kind:
            rect = fm.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), text)
            return QSize(width, rect.height() + 6)
        body = index.data(EXPLANATION_ROLE) or ""
        rect = fm.boundingRect(0, 0, width, 10_000, int(Qt.TextFlag.TextWordWrap), body)
        return QSize(width, fm.height() + 6 + rect.height() + self.PAD * 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        kind = index.data(KIND_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        opt.icon = type(opt.icon)()
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = option.rect
        fm = option.fontMetrics
        if not kind:
            painter.setPen(ink)
            painter.drawText(r.adjusted(4, 3, -4, -3), int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
                                                          | Qt.AlignmentFlag.AlignVCenter), text)
            painter.restore()
            return
        colour = warn_colour(kind, pal)
        painter.fillRect(QRectF(r.left(), r.top() + 2, 4, r.height() - 4), colour)
        chip_font = _bold(option.font)
        chip_font.setPointSizeF(option.font.pointSizeF() * 0.85)
        cfm = QFontMetrics(chip_font)
        label = kind_label(kind).upper()
        chip = QRectF(r.left() + 12, r.top() + self.PAD, cfm.horizontalAdvance(label) + 12, fm.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(chip, 4, 4)
        painter.setPen(QColor("white"))
        painter.setFont(chip_font)
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), label)
        painter.setFont(_bold(option.font))
        painter.setPen(ink)
        title_rect = QRectF(chip.right() + 8, chip.top(), r.right() - chip.right() - 12, fm.height())
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetrics(_bold(option.font)).elidedText(text, Qt.TextElideMode.ElideRight,
                                                                       int(title_rect.width())))
        painter.setFont(option.font)
        body = index.data(EXPLANATION_ROLE) or ""
        body_rect = QRectF(r.left() + 12, chip.bottom() + 4, r.width() - 20, r.bottom() - chip.bottom() - 4)
        painter.drawText(body_rect, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
                                        | Qt.AlignmentFlag.AlignTop), body)
        painter.restore()


class DiscrepanciesPanel(QWidget):
    """Each discrepancy, flagged by kind, with its one-line explanation; its reports beneath."""

    claimActivated = Signal(int)
    discrepancyActivated = Signal(object)  # Discrepancy
    removeRequested = Signal(int)  # Del on a report: not the same claim

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("discrepanciesPanel")
        self.items: list[Discrepancy] = []
        self._open: set[str] = set()
        self.tree = KeyedTree()
        self.tree.setObjectName("discrepanciesTree")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setItemDelegate(DiscrepancyDelegate(self.tree))
        self.tree.keyPressed.connect(self._key)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._activate(item))
        self.tree.itemExpanded.connect(lambda it: self._open.add(it.data(0, INDEX_ROLE)))
        self.tree.itemCollapsed.connect(lambda it: self._open.discard(it.data(0, INDEX_ROLE)))
        self.count = QLabel(objectName="discrepancyCount")
        self.empty = QLabel("No discrepancies: the grouped reports agree on their figures, wording and sources.",
                            objectName="noDiscrepancies")
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        hint = QLabel("Double-click to open the reports")
        hint.setEnabled(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        self.set_discrepancies([])

    def set_discrepancies(self, items: Sequence[Discrepancy]) -> None:
        current = self.tree.currentItem()
        keep = (current.data(0, INDEX_ROLE), current.data(0, CLAIM_ID_ROLE)) if current is not None else None
        self.items = list(items)
        self.tree.clear()
        for d in self.items:
            item = QTreeWidgetItem([d.group_label])
            item.setData(0, KIND_ROLE, d.kind)
            item.setData(0, INDEX_ROLE, d.key)
            item.setData(0, GROUP_ID_ROLE, d.group_id)
            item.setData(0, EXPLANATION_ROLE, d.explanation)
            item.setToolTip(0, f"{kind_label(d.kind)} in \u201c{d.group_label}\u201d\n{d.explanation}")
            for side in d.sides:
                for r in side.reports:
                    child = QTreeWidgetItem([report_line(side.reading, r)])
                    child.setData(0, CLAIM_ID_ROLE, r.claim_id)
                    child.setData(0, GROUP_ID_ROLE, d.group_id)
                    child.setData(0, INDEX_ROLE, d.key)
                    child.setToolTip(0, f"{r.article_title}\n\u201c{r.text}\u201d")
                    item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(d.key in self._open)
        if keep is not None:
            self.select(*keep)
        n = len(self.items)
        self.count.setText(f"\u26a0 {n} discrepanc{'ies' if n != 1 else 'y'}" if n else "")
        self.count.setStyleSheet(f"color: {warn_colour('figure', self.palette()).name()}; font-weight: 600"
                                 if n else "")
        self.tree.setVisible(bool(n))
        self.empty.setVisible(not n)

    def select(self, key: str, claim_id: int | None = None) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, INDEX_ROLE) != key:
                continue
            target = item
            for j in range(item.childCount()):
                if claim_id is not None and item.child(j).data(0, CLAIM_ID_ROLE) == claim_id:
                    target = item.child(j)
            self.tree.setCurrentItem(target)
            return True
        return False

    def discrepancy(self, key: str) -> Discrepancy | None:
        return next((d for d in self.items if d.key == key), None)

    def _key(self, key: int) -> None:
        item = self.tree.currentItem()
        if key in ENTER_KEYS:
            self._activate(item)
        elif item is not None and item.data(0, CLAIM_ID_ROLE) is not None:
            self.removeRequested.emit(item.data(0, CLAIM_ID_ROLE))

    def _activate(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        cid = item.data(0, CLAIM_ID_ROLE)
        if cid is not None:
            self.claimActivated.emit(cid)
            return
        item.setExpanded(True)
        d = self.discrepancy(item.data(0, INDEX_ROLE))
        if d is not None:
            self.discrepancyActivated.emit(d)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.tree.scheduleDelayedItemsLayout()  # wrapped rows change height with the width


# --- suggestions ----------------------------------------------------------------------------

class SuggestionsPanel(QWidget):
    """Group suggestions with their members and reasons: Enter accepts, Del dismisses."""

    suggestionSelected = Signal(object)  # GroupSuggestion or None
    acceptRequested = Signal(object)  # list[GroupSuggestion]
    dismissRequested = Signal(object)  # GroupSuggestion
    suggestRequested = Signal()
    claimActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestionsPanel")
        self.suggestions: list[GroupSuggestion] = []
        self.tree = KeyedTree()
        self.tree.setObjectName("groupSuggestions")
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(1)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setUniformRowHeights(True)
        self.tree.keyPressed.connect(self._key)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._double_clicked(item))
        self.status = QLabel(objectName="suggestionStatus")
        self.status.setWordWrap(True)
        self.status.setEnabled(False)
        self.accept = QPushButton("Accept (Enter)", objectName="acceptGroupSuggestion")
        self.accept_all = QPushButton("Accept all", objectName="acceptAllGroupSuggestions")
        self.dismiss = QPushButton("Not the same (Del)", objectName="dismissGroupSuggestion")
        self.dismiss.setToolTip("Dismiss the suggestion; these claims will not be suggested together again")
        self.again = QPushButton("Suggest again", objectName="suggestGroupsAgain")
        self.again.setToolTip("Look again for the same claim across articles (Ctrl+Shift+G)")
        self.accept.clicked.connect(lambda: self._key(Qt.Key.Key_Return))
        self.dismiss.clicked.connect(lambda: self._key(Qt.Key.Key_Delete))
        self.accept_all.clicked.connect(lambda: self.suggestions and self.acceptRequested.emit(list(self.suggestions)))
        self.again.clicked.connect(self.suggestRequested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.accept, self.dismiss, self.accept_all):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.status)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.set_suggestions([], {}, {}, searched=False)

    def set_busy(self) -> None:
        self.status.setText("Looking for the same claim across articles\u2026")
        for b in (self.accept, self.accept_all, self.dismiss, self.again):
            b.setEnabled(False)

    def set_suggestions(self, suggestions: Sequence[GroupSuggestion], claims: dict[int, tuple[ClaimRecord, str, str | None]],
                        group_labels: dict[int, str], searched: bool = True) -> None:
        """The suggestions, with each member claim as (record, outlet, published)."""
        self.suggestions = list(suggestions)
        self._claims, self._labels = dict(claims), dict(group_labels)
        self.tree.clear()
        dim = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for i, s in enumerate(self.suggestions):
            item = QTreeWidgetItem([f"{s.label} \u2014 {suggestion_summary(s, group_labels.get(s.group_id))}"])
            item.setFont(0, _bold(self.tree.font()))
            item.setData(0, INDEX_ROLE, i)
            item.setToolTip(0, "\n".join(s.reasons))
            new = set(s.claim_ids)
            for cid in s.member_ids:
                known = claims.get(cid)
                text = member_line(*known) if known else f"#{cid}"
                child = QTreeWidgetItem([("+ " if s.group_id is not None and cid in new else "") + text])
                child.setData(0, CLAIM_ID_ROLE, cid)
                child.setData(0, INDEX_ROLE, i)
                item.addChild(child)
            for reason in s.reasons:
                why = QTreeWidgetItem([f"why: {reason}"])
                why.setForeground(0, dim)
                why.setData(0, INDEX_ROLE, i)
                item.addChild(why)
            self.tree.addTopLevelItem(item)
        if self.suggestions:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        n = len(self.suggestions)
        if n:
            self.status.setText(f"{n} suggested group{'s' if n != 1 else ''}: Enter accepts the selected one, "
                                "Del says they are not the same claim.")
        elif searched:
            self.status.setText("No suggestions: every claim that looks like another is grouped already "
                                "(or was dismissed).")
        else:
            self.status.setText("Groups \u25b8 Suggest groups (Ctrl+Shift+G) looks for the same claim across articles.")
        self.accept.setEnabled(bool(n))
        self.accept_all.setEnabled(bool(n))
        self.dismiss.setEnabled(bool(n))
        self.again.setEnabled(True)

    def current(self) -> GroupSuggestion | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        i = item.data(0, INDEX_ROLE)
        return self.suggestions[i] if i is not None and 0 <= i < len(self.suggestions) else None

    def remove(self, suggestion: GroupSuggestion) -> None:
        """Take a suggestion off the list (accepted or dismissed); the next one is selected."""
        if suggestion not in self.suggestions:
            return
        row = self.suggestions.index(suggestion)
        rest = [s for s in self.suggestions if s != suggestion]
        self.set_suggestions(rest, self._claims, self._labels)
        if rest:
            self.tree.setCurrentItem(self.tree.topLevelItem(min(row, len(rest) - 1)))

    def _current_changed(self, current, previous) -> None:
        top = current if current is None or current.parent() is None else current.parent()
        was = previous if previous is None or previous.parent() is None else previous.parent()
        if top is not was:
            if was is not None:
                try:
                    was.setExpanded(False)
                except RuntimeError:  # the item went with a refill
                    pass
            if top is not None:
                top.setExpanded(True)
            self.suggestionSelected.emit(self.current())

    def _key(self, key: int) -> None:
        s = self.current()
        if s is None:
            return
        if key in ENTER_KEYS:
            self.acceptRequested.emit([s])
        elif key == Qt.Key.Key_Delete:
            self.dismissRequested.emit(s)

    def _double_clicked(self, item: QTreeWidgetItem) -> None:
        cid = item.data(0, CLAIM_ID_ROLE)
        if cid is not None:
            self.claimActivated.emit(cid)
        elif item.parent() is None:
            item.setExpanded(not item.isExpanded())
