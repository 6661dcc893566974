"""The window driven as an analyst drives it: keys on the focused widget, prompts answered by the test."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app.core.workspace import Workspace
from desktop_app.ui.dialogs import conflict, rationale
from desktop_app.ui.workers import ImportItem

from tests.conftest import SAMPLE
from tests.ui.conftest import import_sample, open_window, painted_background, press, seed_claims

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def answers(monkeypatch):
    """The rationale the analyst types when asked (None: they cancel)."""
    given = {"reason": "Pentagon says four were hurt", "asked": []}

    def ask(parent, claim_text, status):
        given["asked"].append((claim_text, status))
        return given["reason"]

    monkeypatch.setattr(rationale, "ask_rationale", ask)
    return given


def select_text(win, quote):
    start = win.view.text.index(quote)
    win.view.select_range(start, start + len(quote))
    return start, start + len(quote)


def tag(qtbot, win, quote, key=Qt.Key.Key_1):
    select_text(win, quote)
    win.view.setFocus()
    press(win, key, CTRL)
    qtbot.waitUntil(lambda: any(c.text == quote for c in win.panel.claims()))
    return next(c for c in win.panel.claims() if c.text == quote)


def stored(win, claim_id):
    with Workspace.open(win.workspace.url) as other:  # what another process would read
        return other.claim(claim_id)


def test_import_tag_with_ctrl_1_and_the_claim_is_stored(qtbot, window):
    result = import_sample(qtbot, window)
    assert len(result.article_ids) == 1 and not result.errors
    assert window.article is not None and window.view.text.startswith("USA attacks pro-Iranian militias in Iraq")
    assert "USA attacks" in window.windowTitle() and "workspace.db" in window.windowTitle()
    claim = tag(qtbot, window, "Another 24 were injured")
    assert window.panel.model.rowCount() == 1 and window.panel.current_id == claim.id
    saved = stored(window, claim.id)
    assert (saved.type, saved.text, saved.status) == ("casualty", "Another 24 were injured", "unverified")
    assert window.view.current_claim == claim.id
    # the highlight is in the casualty colour, on screen
    assert painted_background(window.view, saved.start + 1) == "#f4a3a3"


def test_a_slow_import_shows_progress_then_hands_the_keyboard_back(qtbot, window, monkeypatch):
    """Past the delay the progress window appears; when it closes, Ctrl+1 tags in the main window again."""
    import threading

    from desktop_app.ui import workers

    release = threading.Event()
    work = workers.ImportTask.work
    monkeypatch.setattr(workers.ImportTask, "work", lambda task: (release.wait(10), work(task))[1])
    with qtbot.waitSignal(window.importFinished, timeout=20_000):
        window.import_items([ImportItem.path(SAMPLE)])
        qtbot.waitUntil(lambda: QApplication.activeWindow() is not window and QApplication.activeWindow() is not None)
        assert QApplication.activeWindow().objectName() == "importProgress"
        release.set()
    assert QApplication.activeWindow() is window
    claim = tag(qtbot, window, "Another 24 were injured")
    assert claim.type == "casualty"


def test_ctrl_1_without_a_selection_explains_instead_of_failing(qtbot, window):
    import_sample(qtbot, window)
    window.view.setFocus()
    press(window, Qt.Key.Key_1, CTRL)
    assert window.panel.model.rowCount() == 0
    assert "Select the words of the claim first" in window.statusBar().currentMessage()


def test_verdict_with_rationale_then_undo_and_redo(qtbot, window, answers):
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "three US soldiers injured")
    press(window, Qt.Key.Key_D, CTRL_ALT)
    assert answers["asked"] == [("three US soldiers injured", "disputed")]
    assert stored(window, claim.id).status == "disputed"
    assert window.panel.editor.status.currentData() == "disputed"
    press(window, Qt.Key.Key_Z, CTRL)
    assert stored(window, claim.id).status == "unverified"
    assert window.panel.current_claim().status == "unverified"
    press(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert stored(window, claim.id).status == "disputed"
    history = [(e.action, e.field, e.old, e.new, e.rationale) for e in window.workspace.history(claim.id)]
    assert history == [
        ("created", None, None, history[0][3], ""),
        ("updated", "status", "unverified", "disputed", "Pentagon says four were hurt"),
        ("updated", "status", "disputed", "unverified", "undo"),
        ("updated", "status", "unverified", "disputed", "Pentagon says four were hurt"),
    ]
    assert window.panel.history.count() == 4
    assert "Pentagon says four were hurt" in window.panel.history.lines()[0]


def test_a_cancelled_rationale_changes_nothing(qtbot, window, answers):
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    answers["reason"] = None
    press(window, Qt.Key.Key_F, CTRL_ALT)
    assert stored(window, claim.id).status == "unverified"
    assert window.panel.editor.status.currentData() == "unverified"


def test_filters_narrow_the_table(qtbot, window):
    import_sample(qtbot, window)
    seed_claims(window.workspace, window.article.id, 10)
    window.open_article(window.article.id)
    panel = window.panel
    assert panel.model.rowCount() == 10
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("quote"))
    assert {panel.model.claim_at(r).type for r in range(panel.model.rowCount())} == {"quote"}
    panel.type_filter.setCurrentIndex(0)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("disputed"))
    assert {panel.model.claim_at(r).status for r in range(panel.model.rowCount())} == {"disputed"}
    panel.status_filter.setCurrentIndex(0)
    qtbot.keyClicks(panel.search, "soldiers")
    texts = [panel.model.claim_at(r).text for r in range(panel.model.rowCount())]
    assert texts and all("soldiers" in t.lower() for t in texts) and len(texts) < 10
    assert "of 10 claims" in panel.count.text()


def test_delete_with_del_and_undo_brings_it_back(qtbot, window):
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    window.panel.table.setFocus()
    press(window, Qt.Key.Key_Delete)
    assert window.workspace.claims(window.article.id) == []
    assert window.panel.model.rowCount() == 0
    press(window, Qt.Key.Key_Z, CTRL)
    (back,) = window.workspace.claims(window.article.id)
    assert back.text == claim.text and back.id != claim.id
    assert window.panel.current_id == back.id
    # its history shows where it came from
    assert any("Restored (was claim #" in line for line in window.panel.history.lines())


def test_add_source_with_reliability_c(qtbot, window, monkeypatch):
    from desktop_app.ui.dialogs import source_dialog

    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")

    def fill(parent, sources, apply, link=None, citing=0):
        dialog = source_dialog.SourceDialog(parent, sources, link, apply, citing)
        dialog.url.setText("https://www.defense.gov/News/Releases/x")
        dialog.title.setText("DoD statement")
        dialog.reliability.setCurrentIndex(dialog.reliability.findData("C"))
        dialog.credibility.setCurrentIndex(dialog.credibility.findData(3))
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(source_dialog, "ask_source", fill)
    press(window, Qt.Key.Key_A, CTRL_SHIFT)
    (link,) = stored(window, claim.id).sources
    assert (link.source.reliability, link.credibility, link.grade) == ("C", 3, "C3")
    assert window.panel.sources.tree.topLevelItem(0).text(0) == "C3"
    assert window.panel.tabs.tabText(1) == "Sources (1)"
    press(window, Qt.Key.Key_Z, CTRL)
    assert stored(window, claim.id).sources == ()


def test_source_dialog_keeps_the_input_and_shows_why_it_was_refused(qtbot, window):
    from desktop_app.ui.dialogs.source_dialog import SourceDialog

    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    calls = []

    def apply(value):
        calls.append(value)
        window.workspace.add_source(claim.id, **value.add_source_kwargs())

    dialog = SourceDialog(window, [], None, apply)
    qtbot.addWidget(dialog)
    dialog.url.setText("www.example.org/no-scheme")
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "not a web address" in dialog.error.text()
    assert dialog.url.text() == "www.example.org/no-scheme" and dialog.result() != dialog.DialogCode.Accepted


def test_find_bar_enter_selects_the_match_and_ctrl_1_tags_it(qtbot, window):
    import_sample(qtbot, window)
    press(window, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and QApplication.focusWidget() is window.find_bar.field
    qtbot.keyClicks(window.find_bar.field, "another 24 WERE injured")
    assert window.find_bar.count.text() == "1 match"
    press(window, Qt.Key.Key_Return)
    assert window.view.textCursor().selectedText() == "Another 24 were injured"
    assert window.find_bar.count.text() == "1 of 1"
    press(window, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(lambda: window.panel.model.rowCount() == 1)
    assert window.workspace.claims(window.article.id)[0].text == "Another 24 were injured"
    press(window, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_editing_fields_and_note_saves_them(qtbot, window):
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    editor = window.panel.editor
    assert editor.fields["count"].isVisibleTo(editor) and not editor.fields["speaker"].isVisibleTo(editor)
    assert editor.fields["count"].text() == "24"  # read from the tagged words
    editor.fields["count"].setFocus()
    editor.fields["count"].selectAll()
    qtbot.keyClicks(editor.fields["count"], "23")
    press(window, Qt.Key.Key_Return)
    assert stored(window, claim.id).fields["count"] == 23
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "Interior Ministry figure")
    window.panel.table.setFocus()  # leaving the note saves it
    qtbot.waitUntil(lambda: stored(window, claim.id).note == "Interior Ministry figure")
    editor.type.setCurrentIndex(editor.type.findData("quote"))
    editor.type.activated.emit(editor.type.currentIndex())
    assert stored(window, claim.id).type == "quote"
    assert editor.fields["speaker"].isVisibleTo(editor) and not editor.fields["count"].isVisibleTo(editor)


def test_live_refresh_shows_a_change_made_through_a_second_workspace(qtbot, workspace_url, settings, errors):
    win = open_window(qtbot, workspace_url, settings)
    import_sample(qtbot, win)
    claim = tag(qtbot, win, "Another 24 were injured")
    with Workspace.open(workspace_url, analyst="bob") as other:
        other.update_claim(claim.id, status="verified", rationale="MoI confirmed")
        added = other.add_claim(win.article.id, "attribution", quote="Iraqi security sources reported")
    qtbot.waitUntil(lambda: win.panel.model.rowCount() == 2
                    and win.panel.model.claim(claim.id).status == "verified", timeout=10_000)
    assert win.view.claim(added.id) is not None
    assert win.panel.editor.status.currentData() == "verified"  # the open editor follows too
    assert win.article_list.model.summary(win.article.id).status_counts == {"verified": 1, "unverified": 1}


def test_a_stale_save_shows_both_values_and_reapplies_mine(qtbot, window, monkeypatch):
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    seen = []

    def choose(parent, message, rows, who):
        seen.append((message, rows, who))
        return conflict.MINE

    monkeypatch.setattr(conflict, "resolve_conflict", choose)
    editor = window.panel.editor
    editor.note.setFocus()
    qtbot.keyClicks(editor.note, "my note")
    with Workspace.open(window.workspace.url, analyst="bob") as other:
        other.update_claim(claim.id, note="bob's note", rationale="")
    window._on_external()  # the poll arrives while the analyst types: their text stays
    assert editor.note.toPlainText() == "my note"
    window.panel.table.setFocus()
    qtbot.waitUntil(lambda: bool(seen))
    message, rows, who = seen[0]
    assert who == "bob" and rows == [("Note", "my note", "bob's note")] and "nothing was saved" in message
    assert stored(window, claim.id).note == "my note"


def test_a_stale_save_can_keep_theirs(qtbot, window, monkeypatch, answers):
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    monkeypatch.setattr(conflict, "resolve_conflict", lambda *a: conflict.THEIRS)
    with Workspace.open(window.workspace.url, analyst="bob") as other:
        other.update_claim(claim.id, status="false", rationale="bob")
    window.bridge.close()  # no refresh: the editor still shows version 1
    window.ops.set_status(window.panel.model.claim(claim.id), "verified", version=claim.version)
    assert stored(window, claim.id).status == "false"
    assert window.panel.current_claim().status == "false"
    assert window.stack.count() == 1  # only the tag; the refused verdict is not undoable


def test_a_bad_workspace_path_says_one_sentence_and_keeps_the_current_one(qtbot, window, errors, tmp_path):
    import_sample(qtbot, window)
    before = window.workspace
    assert not window.open_workspace(str(tmp_path / "no-such-folder" / "w.db"))
    assert len(errors) == 1 and errors[0].endswith(".") and "\n" not in errors[0] and "does not exist" in errors[0]
    assert window.workspace is before and window.article is not None
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_bytes(b"this is not a database at all" * 100)
    assert not window.open_workspace(str(not_a_db))
    assert len(errors) == 2 and "Traceback" not in errors[1]
    assert window.workspace is before and window.workspace.articles()


def test_open_another_workspace_and_recent_list(qtbot, window, tmp_path, settings):
    import_sample(qtbot, window)
    first_url = window.workspace.url
    assert window.open_workspace(str(tmp_path / "second.db"))
    assert "second.db" in window.windowTitle() and window.article is None
    assert window.article_list.model.rowCount() == 0
    assert settings.recent_workspaces()[:2] == [window.workspace.url, first_url]
    window.recent_menu.aboutToShow.emit()
    names = [a.text() for a in window.recent_menu.actions()]
    assert any(n.endswith("workspace.db") for n in names)


def test_importing_a_file_already_in_the_workspace_opens_it(qtbot, window, errors):
    first = import_sample(qtbot, window)
    window.open_workspace(window.workspace.url)  # fresh state, same workspace
    assert window.article.id == first.article_ids[0]
    second = import_sample(qtbot, window)
    assert second.outcomes[0].duplicate and second.article_ids == first.article_ids
    assert errors == [] and window.article.id == first.article_ids[0]
    assert window.workspace.articles()[0].id == first.article_ids[0] and len(window.workspace.articles()) == 1


def test_a_failed_import_shows_the_one_line_reason(qtbot, window, errors, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = import_sample(qtbot, window, empty)
    assert result.errors and errors == ["The file is empty."]
    assert window.workspace.articles() == []


def test_paste_text_as_a_new_article(qtbot, window):
    QGuiApplication.clipboard().setText("Militia statement\n\nFour drones were shot down near Erbil.")
    with qtbot.waitSignal(window.importFinished, timeout=20_000):
        press(window, Qt.Key.Key_V, CTRL_SHIFT)
    assert window.article.title == "Militia statement"
    assert "Four drones were shot down" in window.view.text


def test_a_hostile_page_imported_by_url_and_shown_fetches_nothing_but_itself(qtbot, window, monkeypatch):
    from desktop_app.ui.dialogs import prompts
    from tests.core.importers.conftest import HOSTILE, RecordingServer, Route

    with RecordingServer() as web:
        page = (HOSTILE / "remote-resources.html.in").read_bytes().replace(b"__SERVER__", web.url.encode())
        assert page.count(web.url.encode()) > 20  # images, fonts, styles, frames, scripts: all pointing here
        web.routes["/page"] = Route(page)
        monkeypatch.setattr(prompts, "ask_url", lambda parent: web.url + "/page")
        with qtbot.waitSignal(window.importFinished, timeout=20_000):
            press(window, Qt.Key.Key_L, CTRL)
        assert window.article.source_url == web.url + "/page"
        assert "at least one member of a pro-Iranian group had been killed" in window.view.text
        window.grab()  # painted, as the analyst sees it
        qtbot.wait(300)
        assert web.requests == ["/page"]


def test_an_address_that_is_not_http_is_one_sentence(qtbot, window, errors, monkeypatch):
    from desktop_app.ui.dialogs import prompts

    monkeypatch.setattr(prompts, "ask_url", lambda parent: "ftp://example.org/a.txt")
    with qtbot.waitSignal(window.importFinished, timeout=20_000):
        press(window, Qt.Key.Key_L, CTRL)
    assert len(errors) == 1 and "http" in errors[0] and "\n" not in errors[0]
    assert window.workspace.articles() == []


def test_dropping_files_on_the_window_imports_them(qtbot, window, tmp_path):
    other = tmp_path / "second.txt"
    other.write_text("Second report\n\nTwo rockets hit the base.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE)), QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPoint(300, 300).toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.importFinished, timeout=20_000) as blocker:
        window.dropEvent(event)
    assert len(blocker.args[0].article_ids) == 2
    assert window.article_list.model.rowCount() == 2


def test_ctrl_o_imports_the_chosen_files(qtbot, window, monkeypatch):
    from desktop_app.ui.dialogs import prompts

    monkeypatch.setattr(prompts, "ask_import_files", lambda parent: [str(SAMPLE)])
    with qtbot.waitSignal(window.importFinished, timeout=20_000):
        press(window, Qt.Key.Key_O, CTRL)
    assert window.article is not None


def test_export_dialog_writes_a_json_file(qtbot, window, tmp_path):
    import json

    import_sample(qtbot, window)
    seed_claims(window.workspace, window.article.id, 5)
    press(window, Qt.Key.Key_E, CTRL)
    dialog = window.export_dialog
    assert dialog.isVisible() and dialog.article_ids() == [window.article.id]
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.statuses["unverified"].setChecked(False)  # leave out what nobody has checked yet
    target = tmp_path / "briefing.json"
    dialog.path.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.export_button.click()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "Wrote" in dialog.message.text() and str(target) in dialog.message.text()
    exported = json.dumps(data)
    assert data["total"] == 4 and "Another 24 were injured" in exported
    assert "three US soldiers were injured, one of them seriously" not in exported  # the unverified one


def test_help_lists_every_shortcut_from_the_real_actions(qtbot, window):
    rows = window.shortcut_rows()
    listed = {(label, keys) for _, label, keys in rows}
    for action in window.actions():
        if action.shortcuts():
            assert any(label == action.property("label") for label, _ in listed), action.text()
    keys = {label: k for _, label, k in rows}
    assert keys["Tag as casualty figure"] == "Ctrl+1"
    assert keys["Mark disputed"] == "Ctrl+Alt+D"
    assert keys["Redo"] == "Ctrl+Shift+Z, Ctrl+Y"
    press(window, Qt.Key.Key_F1)
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "shortcutsDialog" and w.isVisible())
    assert dialog.table.rowCount() == len(rows) + len({m for m, _, _ in rows})


def test_zoom_keys_change_the_reading_size_and_it_is_remembered(qtbot, window, settings, ws_path, errors):
    import_sample(qtbot, window)
    before = window.view.zoom
    press(window, Qt.Key.Key_Equal, CTRL)
    press(window, Qt.Key.Key_Equal, CTRL)
    assert window.view.zoom == before + 2
    press(window, Qt.Key.Key_Minus, CTRL)
    assert window.view.zoom == before + 1
    window.close()
    again = open_window(qtbot, ws_path, settings)
    assert again.view.zoom == before + 1
    assert again.article is not None  # the last article is opened again


def test_clicking_a_highlight_selects_its_claim_and_selecting_a_claim_scrolls_to_it(qtbot, window):
    import_sample(qtbot, window)
    claims = seed_claims(window.workspace, window.article.id, 10)
    window.open_article(window.article.id)
    last = max(claims, key=lambda c: c.start)
    window.view.resize(window.view.width(), 300)
    window.select_claim(last.id)
    rect = window.view._rects(last.start, last.end)[0]
    assert 0 <= rect.top() <= window.view.viewport().height()
    first = min(claims, key=lambda c: c.start)
    window.view.verticalScrollBar().setValue(0)
    r = window.view._rects(first.start, first.end)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=r.center().toPoint())
    assert window.panel.current_id == first.id
    assert window.panel.table.selectionModel().currentIndex().row() == window.panel.model.row_of(first.id)


def test_next_and_previous_claim_keys(qtbot, window):
    import_sample(qtbot, window)
    seed_claims(window.workspace, window.article.id, 4)
    window.open_article(window.article.id)
    window.panel.table.setFocus()
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = window.panel.current_id
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.panel.current_id != first
    press(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.panel.current_id == first


def test_window_layout_is_remembered(qtbot, window, settings, ws_path):
    window.splitter.setSizes([300, 500, 480])
    sizes = window.splitter.sizes()
    window.close()
    again = open_window(qtbot, ws_path, settings)
    assert again.splitter.sizes() == sizes


def test_the_window_fits_1280_by_800(qtbot, window):
    import_sample(qtbot, window)
    assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 800
    assert window.width() == 1280


def test_import_runs_off_the_gui_thread_and_can_be_cancelled(qtbot, window, tmp_path):
    from desktop_app.ui.workers import ImportTask

    files = []
    for i in range(5):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Report {i}\n\nText {i}.", encoding="utf-8")
        files.append(ImportItem.path(p))
    task = ImportTask(window.workspace, files)
    task.cancel()
    with qtbot.waitSignal(task.signals.finished, timeout=10_000) as blocker:
        window.pool.start(task)
    assert blocker.args[0].cancelled and blocker.args[0].outcomes == []
    assert window.workspace.articles() == []



def _answer_source_dialog(monkeypatch, fill):
    """Run the real source dialog, filled in by `fill(dialog)`, instead of waiting for the analyst."""
    from desktop_app.ui.dialogs import source_dialog

    def ask(parent, sources, apply, link=None, citing=0):
        dialog = source_dialog.SourceDialog(parent, sources, link, apply, citing)
        fill(dialog)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(source_dialog, "ask_source", ask)


def test_reuse_edit_and_remove_a_source(qtbot, window, monkeypatch):
    import_sample(qtbot, window)
    ws = window.workspace
    first = tag(qtbot, window, "Another 24 were injured")
    ws.add_source(first.id, url="https://moi.gov.iq/statement", title="MoI statement", reliability="B", credibility=2)
    second = tag(qtbot, window, "at least one member of a pro-Iranian group had been killed", Qt.Key.Key_1)

    def pick_existing(dialog):
        dialog.existing.setCurrentIndex(dialog.existing.findText("MoI statement", Qt.MatchFlag.MatchStartsWith))
        assert not dialog.url.isEnabled() and dialog.url.text() == "https://moi.gov.iq/statement"
        dialog.relation.setCurrentIndex(dialog.relation.findData("context"))

    _answer_source_dialog(monkeypatch, pick_existing)
    window.panel.sources.add.click()
    (link,) = stored(window, second.id).sources
    assert (link.source.title, link.relation, link.grade) == ("MoI statement", "context", "B?")
    assert len(ws.sources()) == 1  # re-used, not copied

    def regrade(dialog):
        assert "apply to all 2 claims" in " ".join(lbl.text() for lbl in dialog.findChildren(type(dialog.error)))
        dialog.reliability.setCurrentIndex(dialog.reliability.findData("D"))
        dialog.credibility.setCurrentIndex(dialog.credibility.findData(4))

    _answer_source_dialog(monkeypatch, regrade)
    window.panel.sources.edit.click()
    assert stored(window, second.id).sources[0].grade == "D4"
    assert stored(window, first.id).sources[0].grade == "D2"  # the source's own grade is shared
    window.panel.sources.remove.click()
    assert stored(window, second.id).sources == ()
    assert window.panel.sources.tree.topLevelItemCount() == 0
    press(window, Qt.Key.Key_Z, CTRL)  # the removal
    press(window, Qt.Key.Key_Z, CTRL)  # the edit, both parts
    assert stored(window, second.id).sources[0].grade == "B?"
    assert stored(window, first.id).sources[0].grade == "B2"


def test_context_menu_offers_tagging_for_a_selection_and_verdicts_on_a_claim(qtbot, window):
    from PySide6.QtWidgets import QMenu

    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    select_text(window, "Iraqi security sources reported")
    menu = QMenu()
    window.view.menu_provider(menu, None)
    assert [a.objectName() for a in menu.actions()][:6] == [f"action_tag_{t}" for t in
                                                            ("casualty", "attribution", "quote", "statistic", "event", "other")]
    window.select_claim(claim.id)
    menu = QMenu()
    window.view.menu_provider(menu, claim.id)
    names = [a.objectName() for a in menu.actions()]
    assert "action_verdict_disputed" in names and "action_delete_claim" in names and "action_tag_quote" not in names


def test_changing_the_verdict_in_the_editor_asks_why(qtbot, window, answers):
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    box = window.panel.editor.status
    box.setCurrentIndex(box.findData("verified"))
    box.activated.emit(box.currentIndex())
    assert answers["asked"] == [("Another 24 were injured", "verified")]
    assert stored(window, claim.id).status == "verified"


def test_window_shortcuts_work_while_typing_in_a_search_box(qtbot, window):
    """On X11 a line edit claims Ctrl+E/Ctrl+K/Ctrl+Z; the search boxes hand them to the window."""
    import_sample(qtbot, window)
    claim = tag(qtbot, window, "Another 24 were injured")
    window.panel.search.setFocus()
    qtbot.keyClicks(window.panel.search, "24")
    press(window, Qt.Key.Key_Z, CTRL)  # undo the tag, not the typing
    assert window.workspace.claims(window.article.id) == [] and window.panel.search.text() == "24"
    press(window, Qt.Key.Key_K, CTRL)
    assert QApplication.focusWidget() is window.article_list.search
    press(window, Qt.Key.Key_E, CTRL)
    assert window.export_dialog.isVisible()
    press(window, Qt.Key.Key_C, CTRL)  # copy stays with the box
    del claim


def test_moving_to_the_next_claim_saves_the_note_and_keeps_the_new_selection(qtbot, window):
    import_sample(qtbot, window)
    seed_claims(window.workspace, window.article.id, 3)
    window.open_article(window.article.id)
    panel = window.panel
    window.select_claim(panel.model.claim_at(0).id)
    first = panel.current_id
    panel.editor.note.setFocus()
    qtbot.keyClicks(panel.editor.note, "call the ministry")
    press(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    second = panel.model.claim_at(1).id
    assert panel.current_id == second
    assert panel.table.selectionModel().currentIndex().row() == 1
    assert panel.editor.record.id == second and window.view.current_claim == second
    assert window.workspace.claim(first).note == "call the ministry"


def test_export_reports_progress_and_can_be_cancelled_when_the_exporter_allows(qtbot, window, monkeypatch, tmp_path):
    from desktop_app.core import exporters
    from desktop_app.ui.workers import ExportTask

    calls = []

    def export(workspace, ids, fmt, path, options=None, *, progress=None, cancelled=None):
        calls.append((progress is not None, cancelled is not None))
        for n, i in enumerate(ids):
            if cancelled():
                raise exporters.ExportFailed("Export cancelled; nothing was written.")
            progress(n + 1, len(ids), f"article {i}")
        return tmp_path / "out.json"

    monkeypatch.setattr(exporters, "export", export)
    task = ExportTask(window.workspace, [1, 2, 3], "json", str(tmp_path / "out.json"), exporters.ExportOptions())
    assert task.can_cancel
    seen = []
    task.signals.progress.connect(lambda d, t, w: seen.append((d, t, w)))
    with qtbot.waitSignal(task.signals.finished, timeout=10_000):
        window.pool.start(task)
    assert calls == [(True, True)] and seen == [(1, 3, "article 1"), (2, 3, "article 2"), (3, 3, "article 3")]
    cancelled = ExportTask(window.workspace, [1, 2], "json", str(tmp_path / "x.json"), exporters.ExportOptions())
    cancelled.cancel()
    with qtbot.waitSignal(cancelled.signals.failed, timeout=10_000) as blocker:
        window.pool.start(cancelled)
    assert blocker.args == ["Export cancelled; nothing was written."]


def test_imports_run_off_the_gui_thread(qtbot, window, monkeypatch):
    import threading

    threads = []
    original = window.workspace.import_article

    def recording(imported, title=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(imported, title=title)

    monkeypatch.setattr(window.workspace, "import_article", recording)
    import_sample(qtbot, window)
    assert threads == [False]


def test_new_and_open_workspace_from_the_keyboard(qtbot, window, monkeypatch, tmp_path, errors):
    from desktop_app.ui.dialogs import prompts, workspace_dialog

    monkeypatch.setattr(prompts, "ask_new_workspace", lambda parent: str(tmp_path / "desk.db"))
    press(window, Qt.Key.Key_N, CTRL_SHIFT)
    assert window.workspace.url.endswith("desk.db") and (tmp_path / "desk.db").exists()
    monkeypatch.setattr(workspace_dialog, "ask_workspace", lambda parent, current="": str(tmp_path / "workspace.db"))
    press(window, Qt.Key.Key_O, CTRL_SHIFT)
    assert window.workspace.url.endswith("workspace.db") and errors == []


def test_the_workspace_dialog_prefers_a_server_url(qtbot):
    from desktop_app.ui.dialogs.workspace_dialog import WorkspaceDialog

    dialog = WorkspaceDialog(None)
    qtbot.addWidget(dialog)
    dialog.path.setText("/tmp/w.db")
    assert dialog.target() == "/tmp/w.db"
    dialog.url.setText(" postgresql+psycopg://analyst@db.example.org:5432/claimdesk ")
    assert dialog.target() == "postgresql+psycopg://analyst@db.example.org:5432/claimdesk"

