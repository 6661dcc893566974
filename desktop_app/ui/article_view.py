"""The article as the analyst reads it: plain text, claims highlighted, verdicts underlined.

Imported text is untrusted. It is only ever inserted as plain text into a document
whose resource loader refuses everything, so markup in an article shows as text and
nothing (image, font, stylesheet) is fetched from anywhere. Claims are highlighted in
their type's colour behind the words; each claim's verdict is a bar under its words in
the verdict's colour, stacked when claims overlap so every claim's extent stays visible.

A long article opens as fast as plain text: the document itself carries no claim
formats (formatting 5,000 claims into a 1 MB document costs a fifth of a second, and
every change of a claim would cost it again). Qt is handed the highlights of the text
near the screen as extra selections, drawn behind the text like a selection, and
handed the next stretch when the analyst scrolls.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget


from . import theme
from .present import ORPHANED, claim_tooltip_html
from .spans import OffsetMap, claims_at, find_all, first_paragraph, levels, paragraph_pieces, runs
from .text_geometry import block_at, line_bounds

if TYPE_CHECKING:  # annotations only: records come from the workspace; a Qt class costs ~1 ms to load
    from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QTextBlock

    from desktop_app.core.records import ClaimRecord

MIN_ZOOM, MAX_ZOOM = 8.0, 28.0
MEASURE = 72  # characters per line: a comfortable reading width
BAR = 2.5  # verdict underline thickness (px)
BAR_GAP = 1.5
LINE_HEIGHT = 155  # per cent of the font's own line spacing: room between lines for the verdict bars
NEARBY = 4_000  # characters of highlights handed to Qt beyond each edge of the screen
FIND_ALPHA = 70


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
        self._nearby = (0, -1)  # the text range whose highlights Qt holds (none yet)
        self._hint = 0  # the paragraph found at a height last time: the next search starts there
        self.menu_provider: Callable[[QMenu, int | None], None] | None = None
        #: Painted over the text after the claims, e.g. suggested claims: fn(painter, first, last visible offset).
        self.decorations: list[Callable[[QPainter, int, int], None]] = []
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._hand_highlights())
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
        self._hint = 0
        self._take_claims(claims)
        self._find = find_all(text, self._find_text) if self._find_text else []
        self._fill(text)
        self.verticalScrollBar().setValue(0)
        self._hand_highlights(again=True)
        if self._find:
            self._scroll_to(self._rects(self._find[0], self._find[0] + len(self._find_text)))

    def clear_article(self) -> None:
        self.set_article("", (), "")

    def set_claims(self, claims: Sequence[ClaimRecord]) -> None:
        """Show these claims (all of the article's): re-colour the text, keep the scroll position."""
        self._take_claims(claims)
        self._hand_highlights(again=True)
        self.viewport().update()

    def claim(self, claim_id: int) -> ClaimRecord | None:
        return self._claims.get(claim_id)

    def _take_claims(self, claims: Sequence[ClaimRecord]) -> None:
        self._claims = {c.id: c for c in claims}
        n = len(self._text)
        self._spans = sorted((c.start, c.end, c.id) for c in claims
                             if c.anchor != ORPHANED and 0 <= c.start < c.end <= n)
        self._levels = levels(self._spans)
        if self._current not in self._claims:
            self._current = None

    def _fill(self, text: str) -> None:
        """The text, inserted the way Qt lays out lazily: screen by screen, the rest in the background.

        The line height is the inserting cursor's block format, which every paragraph takes
        as it is made (setting it on the paragraphs afterwards visits each one: a quarter
        second at 1 MB), and the title goes in already formatted. Clearing and inserting are
        one edit, and the view holds no cursor while the text goes in, as in
        QTextEdit.setPlainText: a change Qt does not see as a whole new text, or a view
        cursor carried to the end by the insertion, makes it lay out all of the text at
        once, and a later edit of the title would leave the unlaid rest without lines.
        """
        doc = self.document()
        self.setTextCursor(QTextCursor())
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        doc.clear()  # a new root frame: the reading margins went with the old one
        self._nearby = (0, -1)  # and the highlights Qt held point nowhere now
        self._update_margins()
        spacing = QTextBlockFormat()
        spacing.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(spacing)
        head = first_paragraph(text)
        if self._is_title(head):
            cursor.insertText(head, self._title_format())
            cursor.insertText(text[len(head):], QTextCharFormat())
        else:
            cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(QTextCursor(doc))

    def _is_title(self, paragraph: str) -> bool:
        return bool(self._title) and paragraph.strip() == self._title.strip()

    def _title_format(self) -> QTextCharFormat:
        title = QTextCharFormat()
        title.setFontWeight(700)
        title.setFontPointSize(self._zoom * 1.45)
        return title

    def _format_title(self) -> None:
        """The title's size for the zoom; before a relayout of the whole text (see `_fill`)."""
        first = self.document().firstBlock()
        if self._is_title(first.text()):
            cursor = QTextCursor(first)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            cursor.mergeCharFormat(self._title_format())

    # --- highlights -----------------------------------------------------------------------
    def _hand_highlights(self, again: bool = False) -> None:
        """Give Qt the highlights of the text around the screen, if it does not hold them already.

        `again`: the claims, matches or layout changed, so even held highlights are stale.
        Extra selections all over a long article would make Qt lay it out whole at once.
        """
        if not self.isVisible():
            self._nearby = (0, -1)  # nothing on screen: handed when the view is shown (resize or paint)
            return
        first, last = self._visible_range()
        lo, hi = self._nearby
        if not again and lo <= first and last <= hi:
            return
        pad = max(NEARBY, last - first)
        self._nearby = (max(0, first - pad), min(len(self._text), last + pad))
        self.setExtraSelections(self._selections(*self._nearby))

    def _selections(self, start: int, end: int) -> list[QTextEdit.ExtraSelection]:
        """Text[start:end] cut into runs under the same claims and find match, one colour each.

        The runs never overlap, so Qt paints each piece of text once, over its own colour.
        """
        formats: dict[tuple[str | None, int, bool], QTextCharFormat] = {}
        out = []
        for run, found in runs(self._spans, self._matches(start, end), start, end):
            key = (self._claims[run.claim_ids[0]].type if run.claim_ids else None, len(run.claim_ids), found)
            fmt = formats.get(key)
            if fmt is None:
                fmt = formats[key] = self._run_format(*key)
            out += self._selection(run.start, run.end, fmt)
        return out

    def _matches(self, start: int, end: int) -> list[tuple[int, int]]:
        """The find matches reaching into text[start:end]."""
        n = len(self._find_text)
        return [(s, s + n) for s in self._find[bisect_left(self._find, start - n + 1):bisect_left(self._find, end)]]

    def _find_colour(self) -> QColor:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(FIND_ALPHA)
        return colour

    def _run_format(self, claim_type: str | None, layers: int, found: bool) -> QTextCharFormat:
        """A claim's colour (darker where more claims overlap), tinted where a find match lies on it.

        On a claim the tint is mixed in here and the text kept dark, as on any highlight; a
        match elsewhere is the bare tint over the page, with the page's own text colour.
        """
        fmt = QTextCharFormat()
        tint = self._find_colour()
        if claim_type is None:
            fmt.setBackground(tint)
            return fmt
        colour = theme.type_colour(claim_type)
        if layers > 1:
            colour = colour.darker(100 + 14 * (layers - 1))
        if found:
            a = tint.alphaF()
            colour = QColor.fromRgbF(*(a * t + (1 - a) * c for t, c in zip(tint.getRgbF()[:3], colour.getRgbF()[:3])))
        fmt.setBackground(colour)
        fmt.setForeground(theme.HIGHLIGHT_TEXT)
        return fmt

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> list[QTextEdit.ExtraSelection]:
        """text[start:end] in `fmt`, one selection per paragraph (see `paragraph_pieces`)."""
        out = []
        for a, b in paragraph_pieces(self._text, start, end):
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._map.to_qt(a))
            cursor.setPosition(self._map.to_qt(b), QTextCursor.MoveMode.KeepAnchor)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = fmt
            out.append(sel)
        return out

    # --- reading comfort ------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, points: float) -> None:
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, float(points)))
        self._format_title()
        self.document().setDefaultFont(theme.reading_font(self._zoom))  # lays the whole text out again, lazily
        self._update_margins()
        self._hand_highlights(again=True)

    def zoom_by(self, steps: int) -> None:
        self.set_zoom(self._zoom + steps)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_margins()
        self._hand_highlights()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._hand_highlights(again=True)  # the find tint follows the palette's highlight

    def _update_margins(self) -> None:
        """Side margins that keep lines to a reading measure; for the width the view has on screen
        (set again when it is shown, as it is resized then)."""
        if not self.isVisible():
            return
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
        y = point.y() + self.verticalScrollBar().value()
        block = self._block_at(y)
        rect = self.document().documentLayout().blockBoundingRect(block)
        if rect.top() <= y < rect.bottom():
            return self._map.to_py(self.cursorForPosition(point).position())
        # between paragraphs or in the margins: the nearer end of the paragraph above
        return self._map.to_py(block.position() + (block.length() - 1 if y >= rect.bottom() else 0))

    def _block_at(self, y: float) -> QTextBlock:
        block = block_at(self.document(), y, self._hint)
        self._hint = block.blockNumber()
        return block

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
        doc.documentLayout().blockBoundingRect(doc.findBlock(qe))  # laid out that far (Qt lays out lazily)
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
        """Offsets of the start of the first and the end of the last line on the screen."""
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first, _ = line_bounds(self._block_at(top), top)
        _, last = line_bounds(self._block_at(bottom), bottom)
        return self._map.to_py(first), self._map.to_py(last)

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
        value = int(bar.value() + (top + bottom) / 2 - height / 2)
        if value > bar.maximum():
            # Text laid out just now, further down than the scroll bar knows of yet: Qt tells the
            # view the document's new height on its next turn of the event loop; tell it now.
            self.document().documentLayout().documentSizeChanged.emit(QSizeF())
        bar.setValue(value)

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        first, last = self._visible_range()
        if not self._nearby[0] <= first <= last <= self._nearby[1]:
            self._hand_highlights()  # a way of moving the text that did not scroll or resize
        super().paintEvent(event)
        if not self._spans and self._current is None and not self.decorations and not self._find:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
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
        if self._find:
            # the matches' outlines, around their words and tint
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(self._find_colour().darker(150), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for s, e in self._matches(first, last):
                for r in self._rects(s, e):
                    painter.drawRect(QRectF(r.left(), r.top(), r.width() - 1, r.height() - 1))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
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
        self._hand_highlights(again=True)
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
        self._hand_highlights(again=True)
