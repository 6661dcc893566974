"""The Qt binding itself must be sound: the app calls void Qt methods millions of times a day."""
from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument


def test_void_qt_methods_keep_the_reference_count_of_none(qapp):
    # PySide6 6.12.0 returns None from void methods without a new reference; on Python 3.11 the
    # interpreter aborts once None's count reaches zero (highlighting a long article did it).
    doc = QTextDocument()
    doc.setPlainText("x" * 100)
    cursor, fmt, colour = QTextCursor(doc), QTextCharFormat(), QColor("#f4a3a3")
    calls = [lambda: cursor.setPosition(5), lambda: cursor.mergeCharFormat(fmt), lambda: fmt.setForeground(colour)]
    for call in calls:
        before = sys.getrefcount(None)
        for _ in range(200):
            call()
        assert sys.getrefcount(None) - before > -50, "this PySide6 release loses references to None"
