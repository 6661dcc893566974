"""The workspace's articles, newest first, searchable, each with its claim counts per verdict."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRect, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6 import QtWidgets
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QMenu, QStyledItemDelegate, QVBoxLayout, QWidget

from desktop_app.core import taxonomy

from . import theme
from .search_field import SearchField

if TYPE_CHECKING:  # annotations only: records come from the workspace; a Qt class costs ~1 ms to load
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop_app.core.records import ArticleSummary

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3


class ArticleListModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[ArticleSummary] = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        a = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return a.title
        if role == Qt.ItemDataRole.ToolTipRole:
            meta = [x for x in (a.publisher, a.author, a.published, a.source_url or a.filename) if x]
            counts = ", ".join(f"{a.status_counts[name]} {term.label.lower()}" for name, term in taxonomy.statuses().items()
                               if a.status_counts.get(name))
            return "\n".join([a.title, *meta, f"{a.claim_count} claims" + (f": {counts}" if counts else "")])
        if role == ARTICLE_ID_ROLE:
            return a.id
        if role == SUMMARY_ROLE:
            return a
        if role == SEARCH_ROLE:
            return " ".join(x for x in (a.title, a.publisher, a.source_url, a.filename, a.author) if x)
        return None

    def set_articles(self, items: Sequence[ArticleSummary]) -> None:
        items = list(items)
        if [a.id for a in items] == [a.id for a in self._items]:
            for row, (old, new) in enumerate(zip(self._items, items)):
                if old != new:
                    self._items[row] = new
                    self.dataChanged.emit(self.index(row), self.index(row))
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def row_of(self, article_id: int) -> int:
        return next((i for i, a in enumerate(self._items) if a.id == article_id), -1)

    def summary(self, article_id: int) -> ArticleSummary | None:
        row = self.row_of(article_id)
        return self._items[row] if row >= 0 else None


def two_lines(text: str, fm: QFontMetrics, width: int) -> str:
    """Wrap a title onto at most two lines, eliding the second."""
    words = text.split()
    line1 = ""
    while words and fm.horizontalAdvance((line1 + " " + words[0]).strip()) <= width:
        line1 = (line1 + " " + words.pop(0)).strip()
    if not line1:  # one very long word
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if not words:
        return line1
    return line1 + "\n" + fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)


class ArticleDelegate(QStyledItemDelegate):
    """Title on one or two lines, then the claim count and a dot per verdict."""

    PAD = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + int(fm.height() * 0.9) + self.PAD * 2 + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        a: ArticleSummary = index.data(SUMMARY_ROLE)
        QStyle = QtWidgets.QStyle  # noqa: N806 - loaded with the first article drawn, not at start
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        text_colour = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        r = option.rect.adjusted(self.PAD + 2, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        title_font = QFont(option.font)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text_colour)
        fm = QFontMetrics(title_font)
        title_rect = QRect(r.left(), r.top(), r.width(), fm.height() * 2)
        text = two_lines(a.title, fm, r.width())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(title_rect, int(flags), text)
        # counts
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.88)
        painter.setFont(small)
        sfm = QFontMetrics(small)
        y = r.top() + fm.height() * 2 + 4
        x = r.left()
        sub = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText)
        painter.setPen(sub)
        total = a.claim_count
        label = f"{total} claim{'s' if total != 1 else ''}" if total else "No claims yet"
        painter.drawText(QRect(x, y, r.width(), sfm.height()), int(Qt.AlignmentFlag.AlignLeft), label)
        x += sfm.horizontalAdvance(label) + 10
        for name in taxonomy.statuses():
            n = a.status_counts.get(name, 0)
            if not n:
                continue
            d = sfm.height() * 0.55
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.status_colour(name))
            painter.drawEllipse(int(x), int(y + (sfm.height() - d) / 2), int(d), int(d))
            painter.setPen(sub)
            x += d + 3
            painter.drawText(int(x), int(y + sfm.ascent()), str(n))
            x += sfm.horizontalAdvance(str(n)) + 8
        painter.restore()


class ArticleList(QWidget):
    articleActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleList")
        self.model = ArticleListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = SearchField("Search articles")
        self.search.setObjectName("articleSearch")
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView(objectName="articleView_list")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ArticleDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel("No articles yet.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setEnabled(False)
        heading = QLabel("Articles")
        f = heading.font()
        f.setBold(True)
        heading.setFont(f)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 0, 8)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self._selecting = False
        #: Fills the right-click menu of an article: fn(menu, article_id).
        self.menu_provider: Callable[[QMenu, int], None] | None = None
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._update_empty()

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid() or self.menu_provider is None:
            return
        article_id = index.data(ARTICLE_ID_ROLE)
        if article_id != self.current_id():
            self.view.setCurrentIndex(index)  # the menu is about this article: open it, as a click would
        menu = QMenu(self)
        self.menu_provider(menu, article_id)
        if not menu.isEmpty():
            menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def set_articles(self, items: Sequence[ArticleSummary]) -> None:
        current = self.current_id()
        self._selecting = True
        try:
            self.model.set_articles(items)
            if current is not None:
                self.select(current)
        finally:
            self._selecting = False
        self._update_empty()

    def _update_empty(self) -> None:
        has = self.model.rowCount() > 0
        self.view.setVisible(has)
        self.empty.setVisible(not has)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ARTICLE_ID_ROLE) if index.isValid() else None

    def select(self, article_id: int | None) -> None:
        """Show which article is open, without asking to open it again."""
        self._selecting = True
        try:
            if article_id is None:
                self.view.clearSelection()
                return
            row = self.model.row_of(article_id)
            if row < 0:
                return
            index = self.proxy.mapFromSource(self.model.index(row))
            if index.isValid():
                self.view.setCurrentIndex(index)
                self.view.scrollTo(index)
        finally:
            self._selecting = False

    def _row_changed(self, current: QModelIndex, _previous) -> None:
        if self._selecting or not current.isValid():
            return
        self.articleActivated.emit(current.data(ARTICLE_ID_ROLE))
