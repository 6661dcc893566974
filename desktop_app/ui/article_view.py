"""The article as the analyst reads it: plain text, claims highlighted, verdicts underlined.

Imported text is untrusted. It is only ever set with `setPlainText` on a document
whose resource loader refuses everything, so markup in an article shows as text and
nothing (image, font, stylesheet) is fetched from anywhere. Claims are painted with
QTextCharFormat backgrounds in their type's colour; each claim's verdict is a bar
under its words in the verdict's colour, stacked when claims overlap so every
claim's extent stays visible.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from desktop_app.core.records import ClaimRecord

from . import theme
from .present import ORPHANED, claim_tooltip_html
from .spans import OffsetMap, claims_at, find_all, levels, segments

MIN_ZOOM, MAX_ZOOM = 8.0, 28.0
MEASURE = 72  # characters per line: a comfortable reading width
BAR = 2.5  # verdict underline thickness (px)
BAR_GAP = 1.5


class SafeDocument(QTextDocument):
    """A document that never loads a resource: no image, stylesheet or font from anywhere."""

    def loadResource(self, type: int, name) -> None:  # noqa: A002 - Qt's signature
        return None


class ArticleView(QTextEdit):
    claimActivated = Signal(int)  # the analyst clicked (or right-clicked) a highlighted claim

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setDocument(SafeDocument(self))
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptRichText(False)
        self.setAcceptDrops(False)  # drops go to the window: they import
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self._text = ""
        self._title = ""
        self._map = OffsetMap("")
        self._claims: dict[int, ClaimRecord] = {}
        self._spans: list[tuple[int, int, int]] = []
        self._levels: dict[int, int] = {}
        self._current: int | None = None
        self._zoom = 12.0
        self._press: QPoint | None = None
        self._find: list[int] = []
        self._find_text = ""
        self.menu_provider: Callable[[QMenu, int | None], None] | None = None
        #: Painted over the text after the claims, e.g. suggested claims: fn(painter, first, last visible offset).
        self.decorations: list[Callable[[QPainter, int, int], None]] = []
        self.set_zoom(self._zoom)

    # --- safety ---------------------------------------------------------------------------
    def loadResource(self, type: int, name) -> None:  # noqa: A002
        return None

    def canInsertFromMimeData(self, source) -> bool:
        return False

    # --- content --------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    def set_article(self, text: str, claims: Sequence[ClaimRecord], title: str = "") -> None:
        self._text, self._title = text, title
        self._map = OffsetMap(text)
        self._current = None
        self.document().setPlainText(text)
        self._format_blocks()
        self.set_claims(claims)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)
        if self._find_text:
            self.highlight_matches(self._find_text)

    def clear_article(self) -> None:
        self.set_article("", (), "")

    def set_claims(self, claims: Sequence[ClaimRecord]) -> None:
        """Show these claims (all of the article's): re-colour the text, keep the scroll position."""
        self._claims = {c.id: c for c in claims}
        n = len(self._text)
        self._spans = [(c.start, c.end, c.id) for c in claims
                       if c.anchor != ORPHANED and 0 <= c.start < c.end <= n]
        self._levels = levels(self._spans)
        if self._current not in self._claims:
            self._current = None
        self._paint_formats()
        self.viewport().update()

    def claim(self, claim_id: int) -> ClaimRecord | None:
        return self._claims.get(claim_id)

    def _format_blocks(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        fmt = QTextBlockFormat()
        fmt.setLineHeight(155, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(fmt)

    def _paint_formats(self) -> None:
        doc = self.document()
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        first = doc.firstBlock()
        if self._title and first.text().strip() == self._title.strip():
            title = QTextCharFormat()
            title.setFontWeight(700)
            title.setFontPointSize(self._zoom * 1.45)
            cursor = QTextCursor(first)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.mergeCharFormat(title)
        to_qt = self._map.to_qt
        for seg in segments(self._spans):
            inner = self._claims[seg.claim_ids[0]]
            colour = theme.type_colour(inner.type)
            if len(seg.claim_ids) > 1:  # overlapping claims: darker where more of them cover the text
                colour = colour.darker(100 + 14 * (len(seg.claim_ids) - 1))
            fmt = QTextCharFormat()
            fmt.setBackground(colour)
            fmt.setForeground(theme.HIGHLIGHT_TEXT)
            cursor.setPosition(to_qt(seg.start))
            cursor.setPosition(to_qt(seg.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        cursor.endEditBlock()

    # --- reading comfort ------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, points: float) -> None:
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, float(points)))
        self.document().setDefaultFont(theme.reading_font(self._zoom))
        self._paint_formats()
        self._update_margins()

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self._zoom + steps)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_margins()

    def _update_margins(self) -> None:
        width = self.viewport().width()
        measure = QFontMetricsF(theme.reading_font(self._zoom)).averageCharWidth() * MEASURE
        side = max(20.0, (width - measure) / 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) < 0.5 and fmt.topMargin() == 20:
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setTopMargin(20)
        fmt.setBottomMargin(40)
        root.setFrameFormat(fmt)

    # --- positions ------------------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        """The selected text as Python offsets into the article, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_py(cursor.selectionStart())
        end = self._map.to_py(cursor.selectionEnd())
        return (start, end) if end > start else None

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self._scroll_to(self._rects(start, end))

    def offset_at(self, point: QPoint) -> int:
        return self._map.to_py(self.cursorForPosition(point).position())

    def claims_at_point(self, point: QPoint) -> list[int]:
        """Claims under a viewport point, innermost first (a click just past the end counts too)."""
        offset = self.offset_at(point)
        return claims_at(self._spans, offset) or claims_at(self._spans, offset - 1)

    def _rects(self, start: int, end: int) -> list[QRectF]:
        """The rectangles (viewport coordinates) covering text[start:end], one per line."""
        return [rect for rect, _ in self._boxes(start, end)]

    def _boxes(self, start: int, end: int) -> list[tuple[QRectF, float]]:
        """Per line of text[start:end]: its rectangle and the y just below its descenders."""
        doc = self.document()
        qs, qe = self._map.to_qt(start), self._map.to_qt(end)
        dx, dy = -self.horizontalScrollBar().value(), -self.verticalScrollBar().value()
        out: list[tuple[QRectF, float]] = []
        block = doc.findBlock(qs)
        while block.isValid() and block.position() < qe:
            layout = block.layout()
            origin = layout.position()
            base = block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls = base + line.textStart()
                a, b = max(qs, ls), min(qe, ls + line.textLength())
                if a >= b:
                    continue
                x1 = line.cursorToX(a - base)[0]
                x2 = line.cursorToX(b - base)[0]
                top = origin.y() + line.y() + dy
                out.append((QRectF(origin.x() + x1 + dx, top, x2 - x1, line.height()),
                            top + line.ascent() + line.descent()))
            block = block.next()
        return out

    def text_boxes(self, start: int, end: int) -> list[tuple[QRectF, float]]:
        """Per line of text[start:end]: its rectangle in the viewport and the y below its descenders."""
        return self._boxes(start, end)

    def scroll_to_range(self, start: int, end: int) -> None:
        """Bring text[start:end] into view, leaving the page alone if it is already visible."""
        self._scroll_to(self._rects(start, end))

    def _visible_range(self) -> tuple[int, int]:
        vp = self.viewport().rect()
        first = self.offset_at(vp.topLeft())
        last = self.offset_at(vp.bottomRight())
        return first, last

    # --- the current claim ----------------------------------------------------------------
    @property
    def current_claim(self) -> int | None:
        return self._current

    def show_claim(self, claim_id: int | None) -> None:
        """Mark a claim as current and scroll to it (an orphaned claim has nowhere to go)."""
        self._current = claim_id if claim_id in self._claims else None
        claim = self._claims.get(self._current) if self._current is not None else None
        if claim is not None and claim.anchor != ORPHANED and claim.end <= len(self._text):
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_qt(claim.start))
            self.setTextCursor(cursor)
            self._scroll_to(self._rects(claim.start, claim.end))
        self.viewport().update()

    def _scroll_to(self, rects: list[QRectF]) -> None:
        if not rects:
            return
        top, bottom = rects[0].top(), rects[-1].bottom()
        height = self.viewport().height()
        if top >= 8 and bottom <= height - 8:
            return  # already in view: do not move the page under the reader's eyes
        bar = self.verticalScrollBar()
        bar.setValue(int(bar.value() + (top + bottom) / 2 - height / 2))

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._spans and self._current is None and not self.decorations:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        first, last = self._visible_range()
        palette = self.palette()
        for start, end, cid in self._spans:
            if end < first or start > last:
                continue
            claim = self._claims[cid]
            colour = theme.status_ink(claim.status, palette)
            level = self._levels.get(cid, 0)
            for r, below in self._boxes(start, end):
                y = below + 1 + level * (BAR + BAR_GAP)
                painter.fillRect(QRectF(r.left(), y, r.width(), BAR), colour)
        if self._current is not None:
            claim = self._claims.get(self._current)
            if claim is not None and claim.anchor != ORPHANED and claim.end <= len(self._text):
                pen = QPen(palette.color(QPalette.ColorRole.Highlight), 1.6)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                depth = (self._levels.get(claim.id, 0) + 1) * (BAR + BAR_GAP)
                for r, below in self._boxes(claim.start, claim.end):
                    # around the words and their verdict bar, so the bar stays visible
                    painter.drawRoundedRect(QRectF(r.left() - 3, r.top() - 2, r.width() + 6,
                                                   below + 2 + depth - (r.top() - 2)), 3, 3)
        for paint in self.decorations:
            painter.save()
            paint(painter, first, last)
            painter.restore()
        painter.end()

    # --- interaction ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None:
            return
        if (event.position().toPoint() - press).manhattanLength() > 3 or self.textCursor().hasSelection():
            return
        hits = self.claims_at_point(event.position().toPoint())
        if hits:
            # A second click on the current claim picks the next claim under the pointer (overlaps).
            if self._current in hits and len(hits) > 1:
                hits = hits[hits.index(self._current) + 1:] + hits[: hits.index(self._current) + 1]
            self.claimActivated.emit(hits[0])

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            hits = self.claims_at_point(event.pos())
            if hits:
                QToolTip.showText(event.globalPos(), claim_tooltip_html([self._claims[c] for c in hits]), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        hits = self.claims_at_point(event.pos())
        if hits and not self.textCursor().hasSelection():
            self.claimActivated.emit(hits[0])
        menu = QMenu(self)
        if self.menu_provider is not None:
            self.menu_provider(menu, hits[0] if hits else None)
        menu.addSeparator()
        copy = menu.addAction("Copy", self.copy)
        copy.setEnabled(self.textCursor().hasSelection())
        menu.addAction("Select all", self.selectAll)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- find -----------------------------------------------------------------------------
    def highlight_matches(self, needle: str) -> int:
        """Mark every occurrence of `needle` (case-insensitive); returns how many there are."""
        self._find_text = needle
        self._find = find_all(self._text, needle) if needle else []
        selections = []
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(70)
        for start in self._find:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = QTextCursor(self.document())
            sel.cursor.setPosition(self._map.to_qt(start))
            sel.cursor.setPosition(self._map.to_qt(start + len(needle)), QTextCursor.MoveMode.KeepAnchor)
            sel.format.setProperty(QTextFormat.Property.OutlinePen, QPen(colour.darker(150), 1))
            sel.format.setBackground(colour)
            selections.append(sel)
        self.setExtraSelections(selections)
        if self._find:
            self._scroll_to(self._rects(self._find[0], self._find[0] + len(needle)))
        return len(self._find)

    def find_next(self, needle: str, backward: bool = False) -> tuple[int, int]:
        """Select the next (or previous) match after the cursor, wrapping; returns (which, of how many)."""
        if needle != self._find_text:
            self.highlight_matches(needle)
        if not self._find:
            return 0, 0
        cursor = self.textCursor()
        if backward:
            here = self._map.to_py(cursor.selectionStart())
            before = [s for s in self._find if s < here]
            start = before[-1] if before else self._find[-1]
        else:
            here = self._map.to_py(cursor.selectionEnd() if cursor.hasSelection() else cursor.position())
            after = [s for s in self._find if s >= here]
            start = after[0] if after else self._find[0]
        self.select_range(start, start + len(needle))
        return self._find.index(start) + 1, len(self._find)

    def clear_matches(self) -> None:
        self._find_text = ""
        self._find = []
        self.setExtraSelections([])
