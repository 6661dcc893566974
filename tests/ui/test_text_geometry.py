"""Heights to paragraphs and lines in a laid-out document with line spacing (where Qt's hit test goes astray)."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from desktop_app.ui.text_geometry import block_at, line_bounds


@pytest.fixture
def spaced(qtbot):
    """A text edit showing 60 short and long paragraphs with 155 % line height, wholly laid out."""
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.resize(400, 300)
    edit.show()
    doc = edit.document()
    cursor = QTextCursor(doc)
    spacing = QTextBlockFormat()
    spacing.setLineHeight(155, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor.setBlockFormat(spacing)
    cursor.insertText("\n".join(f"Paragraph {i} " + "words " * (i % 7) * 9 for i in range(60)))
    doc.documentLayout().blockBoundingRect(doc.lastBlock())
    yield doc
    del edit


def expected(doc, y):
    """The answer by looking at every paragraph."""
    layout = doc.documentLayout()
    above = [b for b in blocks(doc) if layout.blockBoundingRect(b).top() <= y]
    return above[-1].blockNumber() if above else 0


def blocks(doc):
    block = doc.firstBlock()
    while block.isValid():
        yield block
        block = block.next()


def test_every_height_finds_the_paragraph_at_or_above_it_from_any_hint(spaced):
    layout = spaced.documentLayout()
    bottom = layout.blockBoundingRect(spaced.lastBlock()).bottom()
    gaps = 0
    for y in range(-10, int(bottom) + 30, 3):
        want = expected(spaced, y)
        for hint in (0, 7, 30, 59, 500):
            assert block_at(spaced, y, hint).blockNumber() == want, (y, hint)
        rect = layout.blockBoundingRect(spaced.findBlockByNumber(want))
        gaps += not rect.top() <= y < rect.bottom()
    assert gaps > 20  # the line spacing did leave room between paragraphs, and it was tried


def test_line_bounds_give_the_line_at_a_height(spaced):
    block = spaced.findBlockByNumber(6)  # a paragraph over several lines
    layout = block.layout()
    assert layout.lineCount() > 2
    origin = layout.position().y()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        start, end = line_bounds(block, origin + line.y() + line.height() / 2)
        assert (start, end) == (block.position() + line.textStart(),
                                block.position() + line.textStart() + line.textLength())
    assert line_bounds(block, origin - 5) == (block.position(), block.position())  # above its first line
