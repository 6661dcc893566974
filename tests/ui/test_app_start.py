"""Starting the app: the window is drawn first, the workspace opened right after; a bad one leaves it usable."""
from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from desktop_app.ui.app import _AfterFirstPaint, open_first_workspace
from desktop_app.ui.article_pane import WELCOME
from desktop_app.ui.main_window import NO_WORKSPACE, OPENING, MainWindow

from tests.conftest import SAMPLE
from tests.ui.conftest import import_sample

#: What drawing the window must not load: the database layer, the readers and writers, the detector.
HEAVY = ("sqlalchemy", "alembic", "psycopg", "docx", "matplotlib", "trafilatura", "pdfminer", "pypdf", "rapidfuzz",
         "desktop_app.core.workspace", "desktop_app.core.db", "desktop_app.core.models", "desktop_app.core.detect",
         "desktop_app.core.importers", "desktop_app.core.exporters")


def test_the_code_that_draws_the_window_loads_no_database_layer_reader_or_detector():
    code = ("import sys, desktop_app.cli, desktop_app.ui.app, desktop_app.ui.main_window\n"
            f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def shown_window(qtbot, settings) -> MainWindow:
    win = MainWindow(None, settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    return win


class Painted(QObject):
    def __init__(self):
        super().__init__()
        self.seen = False

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        self.seen = self.seen or event.type() == QEvent.Type.Paint
        return False


def test_the_window_paints_first_saying_it_opens_the_workspace_then_shows_it(qtbot, settings, ws_path):
    from desktop_app.core.workspace import Workspace

    with Workspace.open(ws_path) as ws:
        ws.import_file(SAMPLE)
    win = shown_window(qtbot, settings)
    assert win.workspace is None and win.pane.placeholder.text() == OPENING
    a = win.actions_by_id
    assert not a["import_files"].isEnabled() and not a["tag_casualty"].isEnabled()
    assert a["open_workspace"].isEnabled() and a["new_workspace"].isEnabled()
    painted, order = Painted(), []
    win.installEventFilter(painted)
    _AfterFirstPaint(win, lambda: order.append(painted.seen) or open_first_workspace(win, str(ws_path)))
    win.show()
    qtbot.waitUntil(lambda: bool(order), timeout=10_000)
    assert order == [True]  # the workspace was opened only after the window had painted
    assert win.workspace is not None and win.article is not None
    assert win.view.text.startswith("USA attacks pro-Iranian militias in Iraq") and win.view.isVisible()
    assert a["import_files"].isEnabled() and a["tag_casualty"].isEnabled()
    assert win.pane.placeholder.text() == WELCOME
    assert "Claimdesk" in win.windowTitle() and "USA attacks" in win.windowTitle()


def test_files_given_on_the_command_line_are_imported_once_the_workspace_is_open(qtbot, settings, ws_path):
    win = shown_window(qtbot, settings)
    win.show()
    from desktop_app.ui.workers import ImportItem

    with qtbot.waitSignal(win.importFinished, timeout=20_000):
        assert open_first_workspace(win, str(ws_path), [ImportItem.path(SAMPLE)])
    assert [s.title for s in win.workspace.articles()] == ["USA attacks pro-Iranian militias in Iraq"]


def test_a_workspace_that_cannot_be_opened_gives_one_sentence_and_the_window_stays_usable(qtbot, settings, errors,
                                                                                         tmp_path, capfd):
    win = shown_window(qtbot, settings)
    win.show()
    assert not open_first_workspace(win, str(tmp_path / "missing" / "w.db"))
    assert len(errors) == 1 and "does not exist" in errors[0] and "\n" not in errors[0]
    assert capfd.readouterr().err.count("\n") == 1  # and the one line on stderr, as before
    assert win.workspace is None and win.pane.placeholder.text() == NO_WORKSPACE
    assert not win.actions_by_id["import_files"].isEnabled()
    # another workspace can be opened from the File menu, and then everything works
    assert win.open_workspace(str(tmp_path / "w.db"))
    assert win.actions_by_id["import_files"].isEnabled() and win.pane.placeholder.text() == WELCOME
    import_sample(qtbot, win)
    assert win.article is not None and QApplication.activeModalWidget() is None
