"""The middle of the window: the article's meta line, the find bar, the text and the legend."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget


from .article_view import ArticleView
from .find_bar import FindBar
from .legend import Legend
from .present import when_text

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ArticleSummary


WELCOME = ("Import an article to start\n\nCtrl+O  import files\n"
           "Ctrl+Shift+V  paste text as a new article\nCtrl+L  import a web page by its address\n\n"
           "or drop files on this window.")


def meta_text(a: ArticleSummary, characters: int) -> str:
    """Where the article comes from and when it was imported: the line above the text."""
    parts = [x for x in (a.publisher, a.author, a.published) if x]
    parts.append(a.source_url or a.filename or "pasted text")
    parts.append(f"imported {when_text(a.imported_at)}")
    if a.revision > 1:
        parts.append(f"revision {a.revision}")
    parts.append(f"{characters:,} characters")
    return " \u00b7 ".join(parts)


class ElidedLabel(QLabel):
    """One line of text, cut with an ellipsis when the pane is narrow (the whole line in the tooltip)."""

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        painter.end()


class ArticlePane(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articlePane")
        self.view = ArticleView()
        self.find_bar = FindBar(self.view)
        self.meta = ElidedLabel(objectName="articleMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setContentsMargins(14, 6, 14, 6)
        self.meta.setWordWrap(False)
        self.meta.setMinimumWidth(1)  # a long meta line is cut, never widens the window
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.placeholder = QLabel(WELCOME, objectName="articlePlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        big = self.placeholder.font()
        big.setPointSizeF(big.pointSizeF() * 1.15)
        self.placeholder.setFont(big)
        self.legend = Legend()
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Plain)
        line.setForegroundRole(self.backgroundRole())
        # An earlier revision is read in a view of its own, so the current text keeps its claims,
        # scroll position and selection for when the analyst comes back.
        self.old_view = ArticleView()
        self.old_view.setObjectName("revisionView")
        self.old_view.hide()
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 8, 0)
        self.header.setSpacing(4)
        self.header.addWidget(self.meta, 1)
        self.banners = QVBoxLayout()
        self.banners.setContentsMargins(0, 0, 0, 0)
        self.banners.setSpacing(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.header)
        layout.addWidget(self.find_bar)
        layout.addLayout(self.banners)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.old_view, 1)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(line)
        layout.addWidget(self.legend)
        self._reading: int | None = None
        self.show_article(None)

    def set_placeholder(self, text: str | None = None) -> None:
        """What the empty pane says: how to start (None), or e.g. that the workspace is being opened."""
        self.placeholder.setText(text or WELCOME)

    def add_header_widget(self, widget: QWidget) -> None:
        """A control at the right of the meta line (e.g. the revisions menu)."""
        self.header.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)

    def add_banner(self, widget: QWidget) -> None:
        """A strip above the text that says which mode the pane is in (hidden until the mode starts)."""
        self.banners.addWidget(widget)

    def show_article(self, summary: ArticleSummary | None) -> None:
        has = summary is not None
        self.view.setVisible(has and self._reading is None)
        self.old_view.setVisible(has and self._reading is not None)
        self.meta.setVisible(has)
        self.placeholder.setVisible(not has)
        if has:
            text = meta_text(summary, len(self.view.text))
            self.meta.setText(text)
            self.meta.setToolTip(text)

    # --- reading an earlier revision ------------------------------------------------------
    @property
    def reading_revision(self) -> int | None:
        """The number of the earlier revision shown instead of the current text, or None."""
        return self._reading

    def show_revision(self, number: int, text: str, title: str = "") -> None:
        """Show an earlier text, read-only and without claims (they belong to the current text)."""
        self._reading = number
        self.old_view.set_zoom(self.view.zoom)
        self.old_view.set_article(text, (), title)
        self.view.hide()
        self.old_view.show()
        self.legend.hide()
        self.old_view.setFocus()

    def show_current(self) -> None:
        if self._reading is None:
            return
        self._reading = None
        self.old_view.hide()
        self.old_view.clear_article()
        self.view.show()
        self.legend.show()
        self.view.setFocus()
