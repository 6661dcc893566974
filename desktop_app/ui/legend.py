"""The key under the article: what each highlight colour and each underline colour means."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from desktop_app.core import taxonomy

from . import theme


def _chip(pixmap, text: str, tip: str) -> QWidget:
    w = QWidget()
    row = QHBoxLayout(w)
    row.setContentsMargins(0, 0, 10, 0)
    row.setSpacing(4)
    icon = QLabel()
    icon.setPixmap(pixmap)
    label = QLabel(text)
    row.addWidget(icon)
    row.addWidget(label)
    w.setToolTip(tip)
    return w


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAutoFillBackground(True)
        self.rebuild()

    def rebuild(self) -> None:
        old = self.layout()
        if old is not None:
            while old.count():
                item = old.takeAt(0)
                if item.widget():
                    item.widget().deleteLater()
            QWidget().setLayout(old)  # detach the old layout so a new one can be set
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(2)
        grid.setVerticalSpacing(3)
        heads = [QLabel("Highlight = type"), QLabel("Underline = verdict")]
        for h in heads:
            h.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        grid.addWidget(heads[0], 0, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(heads[1], 1, 0, Qt.AlignmentFlag.AlignLeft)
        types = QHBoxLayout()
        types.setSpacing(0)
        for name, term in taxonomy.types().items():
            types.addWidget(_chip(theme.swatch(theme.type_colour(name), 14), term.label.replace(" figure", ""),
                                  f"{term.label} claims ({term.shortcut} tags the selected text)"))
        types.addStretch(1)
        statuses = QHBoxLayout()
        statuses.setSpacing(0)
        for name, term in taxonomy.statuses().items():
            statuses.addWidget(_chip(theme.underline_sample(theme.status_ink(name, self.palette())), term.label,
                                     f"{term.label} ({term.shortcut} marks the selected claim)"))
        statuses.addStretch(1)
        grid.addLayout(types, 0, 1)
        grid.addLayout(statuses, 1, 1)
        grid.setColumnStretch(1, 1)
        for label in self.findChildren(QLabel):
            f = label.font()
            f.setPointSizeF(f.pointSizeF() * 0.9)
            label.setFont(f)
