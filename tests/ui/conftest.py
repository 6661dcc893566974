"""Fixtures for the GUI tests: a window on a fresh SQLite workspace, prompts answered, keys pressed.

Every test gets its own workspace file and settings file, so nothing leaks between
tests or into the analyst's own settings. Error boxes are recorded instead of shown.
"""
from __future__ import annotations

import json
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import SAMPLE, SAMPLE_GOLD


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch, request):
    """A modal dialog nobody answers would hang the suite: fail the test instead.

    Tests that drive a real dialog (the end-to-end scenario) ask for `real_dialogs`.
    """
    if "real_dialogs" in request.fixturenames:
        return
    from PySide6.QtWidgets import QDialog, QMessageBox

    def refuse(self, *args):
        raise AssertionError(f"unexpected modal dialog: {self.objectName() or type(self).__name__} "
                             f"({self.windowTitle()!r})")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)


@pytest.fixture
def real_dialogs():
    """Let modal dialogs run (the test answers them itself, e.g. with key presses from a timer)."""


@pytest.fixture
def errors(monkeypatch):
    """Sentences the app showed in error boxes (recorded, not shown)."""
    from desktop_app.ui.dialogs import messages

    seen: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, message, title="Claimdesk": seen.append(message))
    return seen


@pytest.fixture
def settings(tmp_path):
    from desktop_app.ui.settings import Settings

    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def ws_path(tmp_path):
    return tmp_path / "workspace.db"


def open_window(qtbot, workspace_target, settings, **kw):
    from desktop_app.core.workspace import Workspace
    from desktop_app.ui.main_window import MainWindow

    win = MainWindow(Workspace.open(workspace_target), settings, **kw)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


@pytest.fixture
def window(qtbot, ws_path, settings, errors):
    return open_window(qtbot, ws_path, settings)


def press(win, key, modifiers=Qt.KeyboardModifier.NoModifier):
    """A key press delivered where the analyst's keyboard would send it: the focused widget."""
    from PySide6.QtTest import QTest

    target = QApplication.focusWidget() or win
    QTest.keyClick(target, key, modifiers)


def import_sample(qtbot, win, path=SAMPLE):
    """Import through the window's own worker path and wait for its signal."""
    from desktop_app.ui.workers import ImportItem

    with qtbot.waitSignal(win.importFinished, timeout=20_000) as blocker:
        win.import_items([ImportItem.path(path)])
    return blocker.args[0]


def gold_claims() -> list[dict]:
    return json.loads(SAMPLE_GOLD.read_text(encoding="utf-8"))["claims"]


def seed_claims(ws, article_id: int, n: int = 10) -> list:
    """Claims of mixed types and verdicts from the reference annotation."""
    statuses = ["verified", "disputed", "unverified", "false", "unverifiable"]
    out = []
    for i, g in enumerate(gold_claims()[:n]):
        fields = {k: g[k] for k in ("count", "qualifier", "category", "who", "speaker") if k in g}
        if g["type"] == "attribution":
            fields = {"attributed_to": g["source"]}
        c = ws.add_claim(article_id, g["type"], quote=g["text"], fields=fields)
        status = statuses[i % len(statuses)]
        if status != "unverified":
            c = ws.update_claim(c.id, status=status, rationale="seed")
        out.append(c)
    return out


def painted_background(view, offset: int, inset: float = 2) -> str:
    """The colour painted behind the character at `offset`, as the analyst sees it.

    The commonest colour of the pixel row `inset` pixels inside the top of the character's
    box (above the letters); "none" where it is the page's own colour.
    """
    from PySide6.QtGui import QPalette

    view.scroll_to_range(offset, offset + 1)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rect, _ = view.text_boxes(offset, offset + 1)[0]
    y = int((rect.top() + inset) * ratio)
    row = Counter(image.pixelColor(x, y).name() for x in range(int(rect.left() * ratio) + 1, int(rect.right() * ratio)))
    colour = row.most_common(1)[0][0]
    return "none" if colour == view.palette().color(QPalette.ColorRole.Base).name() else colour
