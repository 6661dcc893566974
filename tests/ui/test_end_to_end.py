"""The analyst's first session, key by key, then what the command line sees after quitting.

Ctrl+O imports the sample article (the file dialog answered), Ctrl+F finds "Another 24
were injured", Enter selects it, Ctrl+1 tags it as a casualty claim, Ctrl+Alt+D marks it
disputed (the real rationale dialog, typed into, Enter accepts), Ctrl+Shift+A adds a
source graded C (the real source dialog, filled from the keyboard), Ctrl+Z twice undoes
the source and the verdict, Ctrl+Shift+Z twice redoes them, Ctrl+Q quits. Then
`claimdesk show 1 --json` and `claimdesk history 1 --json` in a new process.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_app.ui.dialogs import prompts

from tests.conftest import SAMPLE
from tests.ui.conftest import open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
URL = "https://www.interior.gov.iq/statement-24-injured"


def when_dialog_opens(qtbot, name: str, answer) -> list:
    """Answer the next modal dialog called `name` with key presses, as the analyst would."""
    done: list = []

    def poll():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != name:
            QTimer.singleShot(20, poll)
            return
        dialog.activateWindow()  # the window manager's job; the offscreen platform has none
        try:
            answer(dialog)
        finally:
            if dialog.isVisible():  # the keys did not close it: fail the test, do not hang it
                dialog.reject()
                done.append("left open")
            else:
                done.append(dialog.objectName())

    QTimer.singleShot(0, poll)
    return done


def type_rationale(dialog):
    QTest.keyClicks(dialog.reason, "Interior Ministry says 20; the militia says 24")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)


def fill_source(dialog):
    assert dialog.focusWidget() is dialog.url  # the dialog opens ready to type the address
    QTest.keyClicks(dialog.url, URL)
    QTest.keyClicks(dialog.title, "Interior Ministry statement")
    QTest.keyClicks(dialog.reliability, "C")  # "C — Fairly reliable", picked by its first letter
    QTest.keyClick(dialog.reliability, Qt.Key.Key_Return)


def claimdesk(db, *args):
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_DB"}
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), *map(str, args)],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_first_session_from_the_keyboard_then_the_cli_sees_it_all(qtbot, ws_path, settings, errors, monkeypatch,
                                                                    real_dialogs):
    win = open_window(qtbot, ws_path, settings)
    monkeypatch.setattr(prompts, "ask_import_files", lambda parent: [str(SAMPLE)])

    def back_in_the_window():
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
        win.activateWindow()  # the window manager's job; the offscreen platform has none
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)

    with qtbot.waitSignal(win.importFinished, timeout=20_000):
        press(win, Qt.Key.Key_O, CTRL)
    assert win.article is not None and win.article.title == "USA attacks pro-Iranian militias in Iraq"

    press(win, Qt.Key.Key_F, CTRL)
    QTest.keyClicks(QApplication.focusWidget(), "Another 24 were injured")
    press(win, Qt.Key.Key_Return)
    assert win.view.textCursor().selectedText() == "Another 24 were injured"

    press(win, Qt.Key.Key_1, CTRL)
    (claim,) = win.panel.claims()
    assert (claim.type, claim.text) == ("casualty", "Another 24 were injured")

    answered = when_dialog_opens(qtbot, "rationaleDialog", type_rationale)
    press(win, Qt.Key.Key_D, CTRL_ALT)
    assert answered == ["rationaleDialog"]
    back_in_the_window()
    assert win.panel.current_claim().status == "disputed"

    answered = when_dialog_opens(qtbot, "sourceDialog", fill_source)
    press(win, Qt.Key.Key_A, CTRL_SHIFT)
    assert answered == ["sourceDialog"]
    back_in_the_window()
    (link,) = win.panel.current_claim().sources
    assert (link.source.url, link.source.reliability) == (URL, "C")

    press(win, Qt.Key.Key_Z, CTRL)  # the source
    press(win, Qt.Key.Key_Z, CTRL)  # the verdict
    assert win.panel.current_claim().status == "unverified" and win.panel.current_claim().sources == ()
    assert win.panel.editor.status.currentData() == "unverified"
    press(win, Qt.Key.Key_Z, CTRL_SHIFT)
    press(win, Qt.Key.Key_Z, CTRL_SHIFT)
    assert win.panel.current_claim().status == "disputed" and len(win.panel.current_claim().sources) == 1

    press(win, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not win.isVisible())
    assert errors == []

    shown = claimdesk(ws_path, "show", 1, "--json")
    (saved,) = shown["claims"]
    assert (saved["id"], saved["text"], saved["type"], saved["status"]) == (1, "Another 24 were injured",
                                                                            "casualty", "disputed")
    assert [(s["url"], s["reliability"], s["title"]) for s in saved["sources"]] == [
        (URL, "C", "Interior Ministry statement")]
    history = claimdesk(ws_path, "history", saved["id"], "--json")["history"]
    assert [(h["action"], h["field"], h["rationale"]) for h in history] == [
        ("created", None, ""),
        ("updated", "status", "Interior Ministry says 20; the militia says 24"),
        ("source_linked", "sources", ""),
        ("source_unlinked", "sources", "undo"),
        ("updated", "status", "undo"),
        ("updated", "status", "Interior Ministry says 20; the militia says 24"),
        ("source_linked", "sources", "redo"),
    ]
    assert {h["analyst"] for h in history} == {"test-analyst"}
