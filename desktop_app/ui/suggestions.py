"""The candidate claims the detector proposes, as a list beside the article (the "Suggestions" tab).

Each row shows the candidate's words, its type (a dashed swatch, as in the text),
how sure the detector is, and the fields it filled in. The panel only shows and
asks; accepting and rejecting are the suggestion mode's (suggest_mode.py).
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6 import QtWidgets
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import taxonomy

from . import theme
from .present import type_label
from .review_text import count_by_type, suggestion_meta, suggestions_heading

if TYPE_CHECKING:  # annotations only: the detector loads when suggestions are asked for; a Qt class costs ~1 ms
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop_app.core.detect import Suggestion

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1


class SuggestionModel(QAbstractListModel):
    """Candidates in the order of the text."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[Suggestion] = []

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._items):
            return None
        s = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return s.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{s.text}\n{suggestion_meta(s)}"
        if role == SUGGESTION_ROLE:
            return s
        return None

    def set_suggestions(self, items: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._items = sorted(items, key=lambda s: (s.start, s.end, s.type))
        self.endResetModel()

    def suggestions(self) -> list[Suggestion]:
        return list(self._items)

    def at(self, row: int) -> Suggestion | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, key) -> int:
        return next((i for i, s in enumerate(self._items) if s.key == key), -1)

    def remove(self, keys) -> None:
        keys = set(keys)
        for row in reversed(range(len(self._items))):
            if self._items[row].key in keys:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self.endRemoveRows()


class SuggestionDelegate(QStyledItemDelegate):
    """The words (up to two lines), then type, confidence and fields in small print."""

    PAD = 7
    SWATCH = 14

    def _fonts(self, option) -> tuple[QFont, QFont]:
        text = theme.reading_font(option.font.pointSizeF() * 1.02)
        meta = QFont(option.font)
        meta.setPointSizeF(option.font.pointSizeF() * 0.88)
        return text, meta

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        text, meta = self._fonts(option)
        return QSize(200, QFontMetrics(text).lineSpacing() * 2 + QFontMetrics(meta).height() + 2 * self.PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        s: Suggestion = index.data(SUGGESTION_ROLE)
        QStyle = QtWidgets.QStyle  # noqa: N806 - loaded with the first suggestion drawn, not at start
        opt = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        ink = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        sub = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.PlaceholderText)
        r = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        text_font, meta_font = self._fonts(option)
        painter.save()
        painter.drawPixmap(r.left(), r.top() + 2, theme.dashed_swatch(theme.type_colour(s.type), self.SWATCH))
        left = r.left() + self.SWATCH + 8
        width = r.right() - left
        fm = QFontMetrics(text_font)
        painter.setFont(text_font)
        painter.setPen(ink)
        words = _two_lines(f"\u201c{s.text}\u201d", fm, width)
        painter.drawText(QRect(left, r.top(), width, fm.lineSpacing() * 2), int(Qt.AlignmentFlag.AlignLeft
                                                                                 | Qt.AlignmentFlag.AlignTop), words)
        mfm = QFontMetrics(meta_font)
        painter.setFont(meta_font)
        painter.setPen(sub)
        y = r.top() + fm.lineSpacing() * (2 if "\n" in words else 1) + 3
        painter.drawText(QRect(left, y, width, mfm.height()), int(Qt.AlignmentFlag.AlignLeft),
                         mfm.elidedText(suggestion_meta(s), Qt.TextElideMode.ElideRight, width))
        painter.restore()


def _two_lines(text: str, fm: QFontMetrics, width: int) -> str:
    words = text.split()
    line = ""
    while words and fm.horizontalAdvance((line + " " + words[0]).strip()) <= width:
        line = (line + " " + words.pop(0)).strip()
    if not line:
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if not words:
        return line
    return line + "\n" + fm.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width)


class SuggestionPanel(QWidget):
    """The Suggestions tab: the list, and the buttons that mirror the keys."""

    currentChanged = Signal(object)  # the Suggestion now current, or None
    acceptRequested = Signal()  # the current one
    rejectRequested = Signal()
    acceptAllRequested = Signal(object)  # a type name, or None for every type
    rejectAllRequested = Signal(str)  # a type name
    doneRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self.model = SuggestionModel(self)
        self.list = QListView(objectName="suggestionList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(SuggestionDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.setUniformItemSizes(True)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)

        self.heading = QLabel(objectName="suggestionHeading")
        f = self.heading.font()
        f.setBold(True)
        self.heading.setFont(f)
        self.done = QPushButton("Done", objectName="suggestionsDone")
        self.done.setToolTip("Leave suggestion mode (Esc); what you accepted stays, the rest is offered next time")
        self.accept = QPushButton("\u2713 Accept", objectName="acceptSuggestion")
        self.accept.setToolTip("Make the selected suggestion a claim, with its fields (Enter)")
        self.reject = QPushButton("\u2717 Reject", objectName="rejectSuggestion")
        self.reject.setToolTip("Turn the selected suggestion down; it is not offered again (Del)")
        self.accept_all = QToolButton(objectName="acceptAll")
        self.accept_all.setText("Accept all")
        self.accept_all.setToolTip("Accept every suggestion listed, or (from the arrow) all of one type")
        self.accept_all.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.accept_menu = QMenu(self.accept_all)
        self.accept_all.setMenu(self.accept_menu)
        self.reject_type = QToolButton(objectName="rejectType")
        self.reject_type.setText("Reject type")
        self.reject_type.setToolTip("Turn down every suggestion of one type")
        self.reject_type.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.reject_menu = QMenu(self.reject_type)
        self.reject_type.setMenu(self.reject_menu)
        self.hint = QLabel("Enter accepts \u00b7 Del rejects \u00b7 Tab or Alt+\u2193 next \u00b7 Esc leaves",
                           objectName="suggestionHint")
        self.hint.setEnabled(False)
        self.hint.setWordWrap(True)
        self.empty = QLabel(objectName="suggestionEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.done)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for w in (self.accept, self.reject):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_all)
        buttons.addWidget(self.reject_type)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hint)

        self.accept.clicked.connect(self.acceptRequested)
        self.reject.clicked.connect(self.rejectRequested)
        self.accept_all.clicked.connect(lambda: self.acceptAllRequested.emit(None))
        self.done.clicked.connect(self.doneRequested)
        self._busy = False
        self.set_suggestions([])

    # --- content --------------------------------------------------------------------------
    def set_busy(self, busy: bool) -> None:
        """While the detector reads the article (the first run of a long one can take a moment)."""
        self._busy = busy
        if busy and not self.model.rowCount():
            self.heading.setText("Looking for claims\u2026")
            self.empty.setText("Reading the article for casualty figures, quotes, attributions and statistics\u2026")
            self.pages.setCurrentWidget(self.empty)

    def set_suggestions(self, items: Sequence[Suggestion], current: int = 0) -> None:
        self.model.set_suggestions(items)
        self._refresh()
        self.set_current(current)

    def remove(self, keys) -> None:
        row = self.current_row()
        self.model.remove(keys)
        self._refresh()
        self.set_current(min(max(row, 0), self.model.rowCount() - 1))

    def _refresh(self) -> None:
        items = self.model.suggestions()
        n = len(items)
        self.heading.setText(suggestions_heading(n))
        self.empty.setText("No suggestions left in this article.\n\nEverything the detector found is a claim "
                           "now or was turned down. Esc returns to the claims.")
        self.pages.setCurrentWidget(self.list if n else self.empty)
        for w in (self.accept, self.reject, self.accept_all, self.reject_type):
            w.setEnabled(bool(n))
        counts = count_by_type(items)
        self.accept_menu.clear()
        self.reject_menu.clear()
        all_ = self.accept_menu.addAction(f"Accept all {n}")
        all_.triggered.connect(lambda: self.acceptAllRequested.emit(None))
        self.accept_menu.addSeparator()
        for name in taxonomy.types():
            k = counts.get(name)
            if not k:
                continue
            label = type_label(name).lower()
            icon = theme.dashed_swatch(theme.type_colour(name), 16)
            a = self.accept_menu.addAction(icon, f"Accept all {k} {label}{'s' if k > 1 else ''}")
            a.setObjectName(f"accept_type_{name}")
            a.triggered.connect(lambda _c=False, t=name: self.acceptAllRequested.emit(t))
            r = self.reject_menu.addAction(icon, f"Reject all {k} {label}{'s' if k > 1 else ''}")
            r.setObjectName(f"reject_type_{name}")
            r.triggered.connect(lambda _c=False, t=name: self.rejectAllRequested.emit(t))

    # --- the current candidate ------------------------------------------------------------
    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def current(self) -> Suggestion | None:
        return self.model.at(self.current_row())

    def set_current(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.list.selectionModel().clearCurrentIndex()
            self.currentChanged.emit(None)
            return
        index = self.model.index(row)
        if self.list.currentIndex() == index:
            self.currentChanged.emit(self.model.at(row))  # tell the view again (it may have been re-drawn)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def step(self, delta: int) -> None:
        """The next (or previous) candidate, wrapping at the ends so Tab keeps going round."""
        n = self.model.rowCount()
        if not n:
            return
        row = self.current_row()
        self.set_current((row + delta) % n if row >= 0 else (0 if delta > 0 else n - 1))

    def _row_changed(self, current: QModelIndex, _previous) -> None:
        self.currentChanged.emit(self.model.at(current.row()) if current.isValid() else None)
