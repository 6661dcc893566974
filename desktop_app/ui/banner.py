"""A strip above the article that says which mode the pane is in, with the way out (suggestions, old revisions)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from . import theme


class Banner(QFrame):
    closeRequested = Signal()

    def __init__(self, tint: str, button: str, parent: QWidget | None = None, object_name: str = "banner"):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self._tint = QColor(tint)
        self.label = QLabel(objectName=f"{object_name}Text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it may quote an article's title
        self.label.setWordWrap(True)
        self.button = QPushButton(button, objectName=f"{object_name}Button")
        self.button.clicked.connect(self.closeRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._apply_palette()
        self.hide()

    def _apply_palette(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Window)
        tint = QColor(self._tint)
        if theme.is_dark(palette):
            tint = tint.darker(330)
        mixed = QColor.fromRgbF(*(0.45 * a + 0.55 * b for a, b in zip(tint.getRgbF()[:3], base.getRgbF()[:3])))
        palette.setColor(QPalette.ColorRole.Window, mixed)
        self.setPalette(palette)

    def show_text(self, text: str) -> None:
        self.label.setText(text)
        self.show()
