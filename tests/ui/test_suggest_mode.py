"""Suggestion mode driven by keys: dashed candidates, Enter accepts, Del rejects, Ctrl+Z takes it back."""
from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from desktop_app.ui import theme

from tests.ui.conftest import import_sample, painted_background, press

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def suggest(qtbot, win):
    """Ctrl+Shift+S, and wait for the candidates to come back from the worker thread."""
    with qtbot.waitSignal(win.suggest.listed, timeout=10_000) as blocker:
        press(win, Qt.Key.Key_S, CTRL_SHIFT)
    return blocker.args[0]


def keys(items):
    return [s.key for s in items]


def near(colour: QColor, other: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3]))


def edge_runs(win, start: int, end: int, ink: QColor) -> list[bool]:
    """Along the top edge of the text's first box: which pixels are the outline's colour."""
    image = win.view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    rect, _ = win.view.text_boxes(start, end)[0]
    y = int((rect.top() + 1) * ratio)
    return [near(image.pixelColor(x, y), ink) for x in range(int((rect.left() + 6) * ratio),
                                                               int((rect.right() - 6) * ratio))]


def test_suggest_shows_dashed_candidates_and_enter_del_undo_work_from_the_keyboard(qtbot, window):
    import_sample(qtbot, window)
    ws, article_id = window.workspace, window.article.id
    offered = ws.suggestions(article_id)
    assert suggest(qtbot, window) == len(offered) > 10
    mode = window.suggest
    assert mode.active and keys(mode.suggestions()) == keys(offered)
    tabs = window.panel.tabs
    assert tabs.isTabVisible(mode._tab) and tabs.currentWidget() is mode.panel
    assert mode.panel.heading.text() == f"{len(offered)} suggestions"
    assert window.findChild(type(mode.banner), "suggestionBanner").isVisible()
    assert QApplication.focusWidget() is window.view

    # Dashed: along the first candidate's top edge the outline's colour comes and goes.
    first = offered[0]
    runs = edge_runs(window, first.start, first.end, theme.suggestion_ink(first.type))
    switches = sum(1 for a, b in zip(runs, runs[1:]) if a != b)
    assert sum(runs) > 5 and switches >= 6, (sum(runs), switches)
    # ... and it is no claim: inside the outline only a faint tint, not the claim highlight.
    tint = QColor(painted_background(window.view, first.start + 1, inset=4))
    assert not near(tint, theme.type_colour(first.type), tolerance=12), tint.name()

    # Enter accepts the current (first) candidate: a claim with its fields, in the table.
    assert mode.current() == first
    press(window, Qt.Key.Key_Return)
    (claim,) = ws.claims(article_id)
    assert (claim.type, claim.text, claim.start, claim.end) == (first.type, first.text, first.start, first.end)
    assert claim.fields == first.fields and claim.fields["count"] == 3
    assert window.panel.model.claim(claim.id) is not None and window.view.claim(claim.id) is not None
    assert first.key not in keys(mode.suggestions())
    assert edge_runs(window, first.start, first.end, theme.suggestion_ink(first.type)).count(True) < 3

    # Del rejects the next one; it is not offered again when the detector runs again.
    second = mode.current()
    assert second == offered[1]
    press(window, Qt.Key.Key_Delete)
    assert second.key not in keys(mode.suggestions())
    assert ws.claims(article_id) == [claim]  # Del rejected a candidate; it deleted no claim
    suggest(qtbot, window)
    assert second.key not in keys(mode.suggestions()) and second not in ws.suggestions(article_id)

    # Ctrl+Z takes the rejection back: offered again.
    with qtbot.waitSignal(mode.listed, timeout=10_000):
        press(window, Qt.Key.Key_Z, CTRL)
    assert second.key in keys(mode.suggestions()) and second in ws.suggestions(article_id)
    # ... and the one before that takes the accepted claim away, so it is offered again too.
    with qtbot.waitSignal(mode.listed, timeout=10_000):
        press(window, Qt.Key.Key_Z, CTRL)
    assert ws.claims(article_id) == [] and window.panel.model.rowCount() == 0
    assert first.key in keys(mode.suggestions())
    assert [e.action for e in ws.history(claim.id)] == ["created", "deleted"]


def test_tab_and_alt_arrows_move_between_candidates_and_escape_leaves(qtbot, window):
    import_sample(qtbot, window)
    suggest(qtbot, window)
    mode = window.suggest
    items = mode.suggestions()
    press(window, Qt.Key.Key_Tab)
    assert mode.current() == items[1]
    press(window, Qt.Key.Key_Down, ALT)
    assert mode.current() == items[2]
    press(window, Qt.Key.Key_Up, ALT)
    press(window, Qt.Key.Key_Backtab, SHIFT)
    assert mode.current() == items[0]
    press(window, Qt.Key.Key_Backtab, SHIFT)  # round to the last one
    assert mode.current() == items[-1]
    # the current candidate is scrolled into view
    rect, _ = window.view.text_boxes(items[-1].start, items[-1].end)[0]
    assert 0 <= rect.top() <= window.view.viewport().height()
    # a click on a candidate makes it current
    target = items[3]
    window.view.scroll_to_range(target.start, target.end)
    rect, _ = window.view.text_boxes(target.start, target.end)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert mode.current() == target
    # the list follows the keys too, and Enter there accepts
    mode.panel.list.setFocus()
    press(window, Qt.Key.Key_Down)
    assert mode.current() == items[4]
    press(window, Qt.Key.Key_Return)
    assert [c.text for c in window.workspace.claims(window.article.id)] == [items[4].text]
    assert mode.current() == items[5]
    press(window, Qt.Key.Key_Escape)
    assert not mode.active and mode.suggestions() == []
    assert not window.panel.tabs.isTabVisible(mode._tab) and not mode.banner.isVisible()
    # out of the mode Enter and Del are the window's again: nothing is accepted or rejected
    window.view.setFocus()
    press(window, Qt.Key.Key_Return)
    assert [c.text for c in window.workspace.claims(window.article.id)] == [items[4].text]
    assert items[5] in window.workspace.suggestions(window.article.id)


def test_accept_all_of_a_type_then_all_and_reject_all_of_a_type(qtbot, window):
    import_sample(qtbot, window)
    suggest(qtbot, window)
    ws, article_id, mode = window.workspace, window.article.id, window.suggest
    quotes = [s for s in mode.suggestions() if s.type == "quote"]
    mode.panel.accept_menu.findChild(type(mode.panel.accept_menu.actions()[0]), "accept_type_quote").trigger()
    made = ws.claims(article_id)
    assert sorted(c.text for c in made) == sorted(s.text for s in quotes) and {c.type for c in made} == {"quote"}
    assert all(c.fields["speaker"] == "Lloyd Austin" for c in made)
    assert not [s for s in mode.suggestions() if s.type == "quote"]
    assert window.stack.undoText() == f"Accept {len(quotes)} quote suggestions"
    stats = [s for s in mode.suggestions() if s.type == "statistic"]
    mode.panel.reject_menu.findChild(type(mode.panel.reject_menu.actions()[0]), "reject_type_statistic").trigger()
    assert not [s for s in mode.suggestions() if s.type == "statistic"]
    assert not [s for s in ws.suggestions(article_id) if s.type == "statistic"] and stats
    rest = mode.suggestions()
    mode.panel.accept_all.click()
    assert mode.suggestions() == [] and mode.panel.empty.isVisibleTo(mode.panel)
    assert len(ws.claims(article_id)) == len(quotes) + len(rest)
    with qtbot.waitSignal(mode.listed, timeout=10_000):
        press(window, Qt.Key.Key_Z, CTRL)  # the accept-all, as one step
    assert keys(mode.suggestions()) == keys(rest)
    assert len(ws.claims(article_id)) == len(quotes)


def test_in_suggestion_mode_del_in_the_claim_table_still_deletes_a_claim(qtbot, window):
    import_sample(qtbot, window)
    suggest(qtbot, window)
    press(window, Qt.Key.Key_Return)
    (claim,) = window.workspace.claims(window.article.id)
    n = len(window.suggest.suggestions())
    window.select_claim(claim.id)
    window.panel.table.setFocus()
    press(window, Qt.Key.Key_Delete)
    assert window.workspace.claims(window.article.id) == []
    qtbot.waitUntil(lambda: len(window.suggest.suggestions()) == n + 1, timeout=10_000)  # offered again
    window.suggest.leave()
    window.panel.table.setFocus()
    press(window, Qt.Key.Key_Z, CTRL)
    (back,) = window.workspace.claims(window.article.id)
    window.select_claim(back.id)
    window.panel.table.setFocus()
    press(window, Qt.Key.Key_Delete)  # the window's own Del again, everywhere
    assert window.workspace.claims(window.article.id) == []


def test_a_claim_tagged_by_hand_takes_its_candidate_off_the_list(qtbot, window):
    import_sample(qtbot, window)
    suggest(qtbot, window)
    mode = window.suggest
    target = next(s for s in mode.suggestions() if s.text == "Another 24 were injured")
    window.view.select_range(target.start, target.end)
    with qtbot.waitSignal(mode.listed, timeout=10_000):
        press(window, Qt.Key.Key_1, CTRL)
    assert target.key not in keys(mode.suggestions())


def test_the_detector_runs_off_the_gui_thread(qtbot, window, monkeypatch):
    import_sample(qtbot, window)
    threads = []
    original = window.workspace.suggestions

    def recording(article_id, type=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(article_id, type=type)

    monkeypatch.setattr(window.workspace, "suggestions", recording)
    suggest(qtbot, window)
    assert threads == [False]


def test_opening_another_article_leaves_the_mode_and_help_lists_its_keys(qtbot, window, tmp_path):
    import_sample(qtbot, window)
    other = tmp_path / "other.txt"
    other.write_text("Second report\n\nFour drones were shot down near Erbil, the ministry said.", encoding="utf-8")
    first = window.article.id
    import_sample(qtbot, window, other)
    window.open_article(first)
    suggest(qtbot, window)
    window.open_article(window.article_list.model.index(0).data(Qt.ItemDataRole.UserRole + 1))
    assert not window.suggest.active
    rows = {(menu, label): k for menu, label, k in window.shortcut_rows()}
    assert rows[("Claim", "Suggest claims")] == "Ctrl+Shift+S"
    assert rows[("Claim", "Accept suggestion")] == "Return, Enter"
    assert rows[("Claim", "Reject suggestion")] == "Del"
    assert rows[("Claim", "Next suggestion")] == "Tab, Alt+Down"
    assert rows[("Claim", "Leave suggestion mode")] == "Esc"


def test_suggest_without_an_article_says_what_to_do(qtbot, window):
    window.view.setFocus()
    press(window, Qt.Key.Key_S, CTRL_SHIFT)
    assert not window.suggest.active
    assert window.statusBar().currentMessage() == "Open or import an article first."
