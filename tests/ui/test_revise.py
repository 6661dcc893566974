"""A new version of an article through the window: counts shown, the orphan listed and re-attached, old text readable."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from desktop_app.ui.dialogs import revise_dialog

from tests.ui.conftest import import_sample, painted_background, press

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

ORPHAN = "Another 24 were injured"
FUZZY_OLD = "three US soldiers were injured, one of them seriously"
FUZZY_NEW = "three US soldiers were wounded, one of them seriously"
KEPT = "Iraqi security sources reported"
TARGET = "Another attack took place in the southern province of Wassit"


@pytest.fixture
def revised(qtbot, window, monkeypatch, tmp_path):
    """The sample with three claims, then a new version (a word changed, a sentence gone) through the File menu."""
    import_sample(qtbot, window)
    ws, article_id = window.workspace, window.article.id
    old_text = window.view.text
    for quote, claim_type in ((ORPHAN, "casualty"), (FUZZY_OLD, "casualty"), (KEPT, "attribution")):
        ws.add_claim(article_id, claim_type, quote=quote)
    window.open_article(article_id)
    new = tmp_path / "v2.txt"
    new.write_text(old_text.replace(FUZZY_OLD, FUZZY_NEW).replace(ORPHAN + ". ", ""), encoding="utf-8")
    asked = []
    monkeypatch.setattr(revise_dialog, "ask_new_version", lambda parent, title: asked.append(title) or str(new))
    with qtbot.waitSignal(window.revisions.revised, timeout=20_000) as blocker:
        window.actions_by_id["import_new_version"].trigger()
    assert asked == ["USA attacks pro-Iranian militias in Iraq"]
    return window, blocker.args[0], old_text, new.read_text(encoding="utf-8")


def dismiss(qtbot, window):
    """The analyst reads the summary and presses Enter."""
    box = window.revisions.report_box
    assert QApplication.focusWidget().window() is box
    press(window, Qt.Key.Key_Return)
    assert not box.isVisible()
    window.activateWindow()  # as the window manager does when the box closes (offscreen has none)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_new_version_counts_are_shown_and_the_orphan_is_listed(revised):
    window, report, _old, new_text = revised
    assert report.revision == 2
    assert report.counts == {"exact": 1, "moved": 0, "fuzzy": 1, "orphaned": 1}
    assert window.view.text == new_text and window.article.revision == 2
    box = window.revisions.report_box
    summary = window.revisions.last_summary
    assert box.isVisible() and summary.startswith(box.text() + "\n") and box.text().startswith("Revision 2 of")
    assert box.informativeText().replace("\n\n", "\n") == summary.split("\n", 1)[1]
    for line in ("1 found in place", "0 found at a new place", "1 matched approximately", "1 orphaned",
                 "Ctrl+Shift+R"):
        assert line in summary, line
    panel = window.panel
    assert panel.orphans_only() and panel.model.rowCount() == 1
    orphan = panel.model.claim_at(0)
    assert (orphan.text, orphan.anchor) == (ORPHAN, "orphaned") and panel.current_id == orphan.id
    assert panel.orphans.isVisible() and panel.orphans.text() == "\u26a0 1 orphaned"
    assert panel.model.data(panel.model.index(0, 1)).startswith("\u26a0 orphaned \u2014 ")
    assert panel.editor.orphaned.isVisibleTo(panel.editor) and panel.tabs.currentWidget() is panel.editor
    assert window.view.claim(orphan.id).anchor == "orphaned" and orphan.id not in {c for _, _, c in window.view._spans}
    # the fuzzy one says "check wording" in the table
    panel.clear_filters()
    fuzzy = next(c for c in panel.claims() if c.anchor == "fuzzy")
    assert panel.model.data(panel.model.index(panel.model.row_of(fuzzy.id), 1)) == \
        f"\u2248 check wording \u2014 {FUZZY_NEW}"
    # the badge toggles the orphan filter
    panel.orphans.click()
    assert panel.orphans_only() and panel.model.rowCount() == 1
    panel.orphans.click()
    assert not panel.orphans_only() and panel.model.rowCount() == 3


def test_select_text_and_ctrl_shift_r_reattaches_the_orphan_then_undo_and_redo(qtbot, revised):
    window, _report, _old, new_text = revised
    dismiss(qtbot, window)
    ws = window.workspace
    orphan = window.panel.current_claim()
    start = new_text.index(TARGET)
    window.view.select_range(start, start + len(TARGET))
    window.view.setFocus()
    press(window, Qt.Key.Key_R, CTRL_SHIFT)
    claim = ws.claim(orphan.id)
    assert (claim.anchor, claim.text, claim.start) == ("exact", TARGET, start)
    event = ws.history(orphan.id)[-1]
    assert event.action == "reattached" and event.new["anchor"] == "exact" and event.old["anchor"] == "orphaned"
    assert window.panel.history.lines()[0].startswith(event.at.astimezone().strftime("%H:%M"))
    assert "Re-attached to \u201cAnother attack took place" in window.panel.history.lines()[0]
    assert not window.panel.orphans.isVisible() and window.panel.model.rowCount() == 3  # no orphans: filter off
    assert window.panel.current_id == orphan.id and window.view.claim(orphan.id).anchor == "exact"
    press(window, Qt.Key.Key_Z, CTRL)
    assert ws.claim(orphan.id).anchor == "orphaned" and window.panel.orphans.isVisible()
    assert ws.history(orphan.id)[-1].rationale == "undo"
    press(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert ws.claim(orphan.id).anchor == "exact"


def test_ctrl_shift_r_on_a_fuzzy_claim_without_a_selection_confirms_its_words(qtbot, revised):
    window, *_ = revised
    dismiss(qtbot, window)
    window.panel.clear_filters()
    fuzzy = next(c for c in window.panel.claims() if c.anchor == "fuzzy")
    window.select_claim(fuzzy.id)
    assert window.panel.editor.fuzzy.isVisibleTo(window.panel.editor)
    window.view.setFocus()
    press(window, Qt.Key.Key_R, CTRL_SHIFT)
    assert window.workspace.claim(fuzzy.id).anchor == "exact"
    assert not window.panel.editor.fuzzy.isVisibleTo(window.panel.editor)


def test_ctrl_shift_r_without_a_selection_on_an_orphan_says_what_to_do(qtbot, revised):
    window, *_ = revised
    dismiss(qtbot, window)
    orphan = window.panel.current_claim()
    window.view.setFocus()
    press(window, Qt.Key.Key_R, CTRL_SHIFT)
    assert window.workspace.claim(orphan.id).anchor == "orphaned"
    assert "Select the words in the article" in window.statusBar().currentMessage()


def test_the_revisions_menu_shows_the_old_text_read_only_and_esc_goes_back(qtbot, revised):
    window, _report, old_text, new_text = revised
    dismiss(qtbot, window)
    button = window.revisions.button
    assert button.isVisible() and button.text() == "Revisions (2)"
    window.revisions.fill_menu()
    labels = [a.text() for a in window.revisions.menu.actions()]
    assert labels[0].startswith("Revision 2 (current) \u2014 imported ") and labels[1].startswith("Revision 1 \u2014")
    window.revisions.menu.actions()[1].trigger()
    pane = window.pane
    assert pane.reading_revision == 1 and pane.old_view.isVisible() and not window.view.isVisible()
    assert pane.old_view.text == old_text and window.view.text == new_text
    assert pane.old_view._spans == [] and ORPHAN in pane.old_view.text
    assert painted_background(pane.old_view, old_text.index(ORPHAN) + 1) == "none"  # claims are not highlighted
    assert window.revisions.banner.isVisible() and "Reading revision 1 of 2" in window.revisions.banner.label.text()
    assert button.text() == "Revision 1 of 2"
    # tagging an old text is refused, with the way back
    pane.old_view.select_range(0, 5)
    press(window, Qt.Key.Key_1, CTRL)
    assert len(window.workspace.claims(window.article.id)) == 3
    assert "earlier revision" in window.statusBar().currentMessage()
    assert QApplication.focusWidget() is pane.old_view
    press(window, Qt.Key.Key_Escape)
    assert pane.reading_revision is None and window.view.isVisible() and not pane.old_view.isVisible()
    assert not window.revisions.banner.isVisible() and button.text() == "Revisions (2)"
    # the banner's button goes back too
    assert window.revisions.show_revision(1)
    window.revisions.banner.button.click()
    assert pane.reading_revision is None


def test_the_article_lists_context_menu_offers_a_new_version(qtbot, window, monkeypatch, tmp_path):
    import_sample(qtbot, window)
    article_id = window.article.id
    new = tmp_path / "v2.txt"
    new.write_text(window.view.text + "\n\nUpdate: the ministry revised its figures.", encoding="utf-8")
    monkeypatch.setattr(revise_dialog, "ask_new_version", lambda parent, title: str(new))
    menu = QMenu()
    window.article_list.menu_provider(menu, article_id)
    action = next(a for a in menu.actions() if a.text().replace("&", "") == "Import new version\u2026")
    with qtbot.waitSignal(window.revisions.revised, timeout=20_000) as blocker:
        action.trigger()
    assert blocker.args[0].revision == 2 and window.view.text.endswith("revised its figures.")
    assert "Import new version" in [a.text().replace("&", "").rstrip("\u2026") for a in
                                    window.menuBar().actions()[0].menu().actions()]


def test_a_bad_new_version_is_one_sentence_and_changes_nothing(qtbot, window, monkeypatch, errors, tmp_path):
    import_sample(qtbot, window)
    before = window.view.text
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    monkeypatch.setattr(revise_dialog, "ask_new_version", lambda parent, title: str(empty))
    with qtbot.waitSignal(window.revisions.revised, timeout=20_000) as blocker:
        window.actions_by_id["import_new_version"].trigger()
    assert blocker.args[0] is None and errors == ["The file is empty."]
    assert window.workspace.article(window.article.id).text == before and window.article.revision == 1
    assert not window.revisions.button.isVisible()


def test_the_revise_dialog_returns_what_was_typed(qtbot, real_dialogs):
    from PySide6.QtCore import QTimer

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "reviseDialog" and w.isVisible())
        assert "\u201cA title\u201d" in " ".join(lbl.text() for lbl in dialog.findChildren(QLabel))
        dialog.target.setText("  https://example.org/a  ")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert revise_dialog.ask_new_version(None, "A title") == "https://example.org/a"
    QTimer.singleShot(0, lambda: next(w for w in QApplication.topLevelWidgets()
                                      if w.objectName() == "reviseDialog" and w.isVisible()).reject())
    assert revise_dialog.ask_new_version(None, "A title") is None


def test_the_new_version_is_read_off_the_gui_thread_and_a_cancel_before_the_write_changes_nothing(
        qtbot, window, monkeypatch, tmp_path):
    import threading

    from desktop_app.ui.revise import ReviseTask

    import_sample(qtbot, window)
    article_id, before = window.article.id, window.view.text
    new = tmp_path / "v2.txt"
    new.write_text(before + "\n\nUpdate.", encoding="utf-8")
    task = ReviseTask(window.workspace, article_id, str(new))
    task.cancel()
    with qtbot.waitSignal(task.signals.finished, timeout=10_000) as blocker:
        window.pool.start(task)
    assert blocker.args == [None] and window.workspace.article(article_id).summary.revision == 1
    threads = []
    original = window.workspace.revise_article

    def recording(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(window.workspace, "revise_article", recording)
    with qtbot.waitSignal(window.revisions.revised, timeout=20_000):
        window.revisions.revise(article_id, str(new))
    assert threads == [False] and window.article.revision == 2


def test_switching_workspace_while_reading_an_old_revision_leaves_nothing_behind(qtbot, revised, tmp_path):
    window, *_ = revised
    dismiss(qtbot, window)
    assert window.revisions.show_revision(1) and window.revisions.banner.isVisible()
    assert window.open_workspace(str(tmp_path / "empty.db"))
    assert window.pane.reading_revision is None and not window.revisions.banner.isVisible()
    assert not window.revisions.button.isVisible() and not window.pane.old_view.isVisible()


def test_the_revisions_button_appears_when_someone_else_revises_the_open_article(qtbot, window):
    from desktop_app.core.importers import import_bytes
    from desktop_app.core.workspace import Workspace

    import_sample(qtbot, window)
    assert not window.revisions.button.isVisible()
    with Workspace.open(window.workspace.url, analyst="bob") as bob:
        bob.revise_article(window.article.id, import_bytes((window.view.text + "\n\nUpdate.").encode(), "v2.txt"))
    qtbot.waitUntil(lambda: window.revisions.button.isVisible(), timeout=10_000)
    assert window.revisions.button.text() == "Revisions (2)" and window.view.text.endswith("Update.")
