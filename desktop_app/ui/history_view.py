"""The selected claim's history, newest first: what changed, who and when, and why."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6 import QtWidgets
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QStyledItemDelegate, QWidget


from .present import event_text, when_text

if TYPE_CHECKING:  # annotations only: records come from the workspace; a Qt class costs ~1 ms to load
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop_app.core.records import EventRecord

WHAT, META, WHY = (Qt.ItemDataRole.UserRole + n for n in (1, 2, 3))
WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
PAD = 7


def _fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    meta = QFont(base)
    meta.setPointSizeF(base.pointSizeF() * 0.88)
    why = QFont(base)
    why.setItalic(True)
    return base, meta, why


class HistoryDelegate(QStyledItemDelegate):
    """Three parts per entry: the change, then who and when (small), then the rationale (italic)."""

    def _blocks(self, option: QStyleOptionViewItem, index: QModelIndex, width: int):
        what, meta, why = index.data(WHAT) or "", index.data(META) or "", index.data(WHY) or ""
        fonts = _fonts(option.font)
        out = []
        for text, font in ((what, fonts[0]), (meta, fonts[1]), (f"\u201c{why}\u201d" if why else "", fonts[2])):
            if text:
                h = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), WRAP, text).height()
                out.append((text, font, h))
        return out

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = max(100, option.rect.width() or (option.widget.viewport().width() if option.widget else 300)) - 2 * PAD
        blocks = self._blocks(option, index, width)
        return QSize(width, sum(h for _, _, h in blocks) + 2 * (len(blocks) - 1) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QtWidgets.QStyleOptionViewItem(option)  # the style classes load with the first entry drawn
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        r = option.rect.adjusted(PAD, PAD, -PAD, -PAD)
        painter.save()
        y = r.top()
        roles = (QPalette.ColorRole.Text, QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Text)
        for n, (text, font, h) in enumerate(self._blocks(option, index, r.width())):
            painter.setFont(font)
            painter.setPen(option.palette.color(roles[min(n, 2)] if n < 2 or index.data(WHY) else roles[1]))
            painter.drawText(QRect(r.left(), y, r.width(), h), WRAP, text)
            y += h + 2
        painter.restore()


class HistoryView(QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setItemDelegate(HistoryDelegate(self))
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)

    def set_events(self, events: Sequence[EventRecord]) -> None:
        self.clear()
        for e in sorted(events, key=lambda e: (e.at, e.id), reverse=True):
            what = event_text(e)
            meta = f"{when_text(e.at)} \u00b7 {e.analyst}"
            item = QListWidgetItem(f"{meta} \u2014 {what}" + (f"\n    \u201c{e.rationale}\u201d" if e.rationale else ""))
            item.setData(WHAT, what)
            item.setData(META, meta)
            item.setData(WHY, e.rationale or "")
            item.setToolTip(e.rationale or what)
            self.addItem(item)
        if not events:
            item = QListWidgetItem("No history yet.")
            item.setData(WHAT, "No history yet.")
            self.addItem(item)

    def lines(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.doItemsLayout()  # wrapped entries change height with the width
