"""Starting the desktop app: the QApplication, its look, the first workspace, and screenshots.

`run()` is what `claimdesk gui` calls. With `screenshot=PATH` it opens the window at
1280x800, imports the files given (or opens them if already imported), selects the
first claim, saves a PNG of the window and exits: the README picture and a smoke test.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app.core.errors import ClaimdeskError

from . import theme
from .settings import Settings
from .workers import ImportItem

SCREEN_SIZE = (1280, 800)
log = logging.getLogger("claimdesk.ui")


def _icon() -> QIcon:
    from desktop_app.core.taxonomy import resource_path

    path = resource_path("icons/claimdesk.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def apply_theme(app: QApplication, mode: str | None = None) -> None:
    """Follow the system's light or dark scheme; CLAIMDESK_THEME=dark|light forces one."""
    mode = (mode or os.environ.get("CLAIMDESK_THEME", "")).strip().lower()
    if not mode:
        try:
            from PySide6.QtCore import Qt

            scheme = app.styleHints().colorScheme()
            mode = "dark" if scheme == Qt.ColorScheme.Dark else "light"
        except AttributeError:
            mode = "light"
    if mode == "dark" and not theme.is_dark(app.palette()):
        if "Fusion" in QtWidgets.QStyleFactory.keys():
            app.setStyle("Fusion")
        app.setPalette(theme.dark_palette())
    elif mode == "light" and theme.is_dark(app.palette()) and os.environ.get("CLAIMDESK_THEME"):
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())


def make_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "claimdesk"])
    app.setApplicationName("Claimdesk")
    app.setOrganizationName("Claimdesk")
    app.setWindowIcon(_icon())
    apply_theme(app)
    return app


def items_for(files: Sequence[str]) -> list[ImportItem]:
    out = []
    for f in files:
        text = str(f)
        out.append(ImportItem.url(text) if text.lower().startswith(("http://", "https://")) else ImportItem.path(text))
    return out


def _wait(signal, timeout_ms: int = 120_000) -> None:
    loop = QtCore.QEventLoop()  # screenshots only: not loaded at every start
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _settle(ms: int = 150) -> None:
    loop = QtCore.QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save_screenshot(window, path: str | os.PathLike) -> Path:
    _settle()
    out = Path(path)
    if out.parent and not out.parent.exists():
        raise ClaimdeskError(f"Cannot save the screenshot: the folder {out.parent} does not exist.")
    if not window.grab().save(str(out), "PNG"):
        raise ClaimdeskError(f"Cannot save the screenshot to {out}.")
    return out


def _install_excepthook(window) -> None:
    """A bug in a slot: log the traceback, tell the analyst in one line, keep the app running."""
    def hook(kind, value, tb):
        try:
            from platformdirs import user_log_dir

            folder = Path(user_log_dir("Claimdesk", appauthor=False))
            folder.mkdir(parents=True, exist_ok=True)
            with (folder / "claimdesk.log").open("a", encoding="utf-8") as fh:
                fh.write("".join(traceback.format_exception(kind, value, tb)) + "\n")
            where = str(folder / "claimdesk.log")
        except Exception:
            where = "the log could not be written"
        from .dialogs import messages

        messages.show_error(window, f"Unexpected error ({kind.__name__}: {value}); details in {where}.")

    sys.excepthook = hook


class _AfterFirstPaint(QObject):
    """Runs `then` once, on the event loop's next turn after the window first paints itself.

    Watches the window alone (a window paints itself before its children): a filter on the
    whole application would be called from Python for each of the thousands of events of
    laying the window out. Should the paint never come (a platform that does not expose the
    window), `then` runs after a second anyway.
    """

    def __init__(self, window, then: Callable[[], None]):
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)
        QTimer.singleShot(1000, self._run)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def open_first_workspace(window, db: str | None, items: Sequence[ImportItem] = ()) -> bool:
    """The workspace the app was started on, into the window already on screen (then the files given)."""
    from desktop_app.core.workspace import Workspace

    try:
        workspace = Workspace.open(db)
    except ClaimdeskError as exc:
        print(f"claimdesk: {exc}", file=sys.stderr)
        window.workspace_failed(str(exc))
        return False
    window.set_workspace(workspace)
    if items:
        window.import_items(list(items))
    return True


def run(db: str | None = None, files: Sequence[str] = (), screenshot: str | None = None,
        settings: Settings | None = None) -> int:
    """Open the window on the workspace `db` (path, URL or the default) and import `files`.

    The window is drawn first and the workspace opened right after (reading it, and
    loading the database layer, takes longer than drawing): the analyst sees the app
    at once, saying it is opening the workspace.
    """
    from .main_window import MainWindow

    app = make_app()
    items = items_for(files)
    if screenshot is None:
        window = MainWindow(None, settings or Settings())
        _install_excepthook(window)
        window.show()
        _AfterFirstPaint(window, lambda: open_first_workspace(window, db, items))
        return app.exec()

    from desktop_app.core.workspace import Workspace

    try:
        workspace = Workspace.open(db)
    except ClaimdeskError as exc:
        print(f"claimdesk: {exc}", file=sys.stderr)
        return 2
    # A screenshot neither reads nor writes the analyst's own window layout.
    settings = settings or Settings(Path(tempfile.mkdtemp(prefix="claimdesk-")) / "settings.ini")
    window = MainWindow(workspace, settings, persist=False)
    window.resize(*SCREEN_SIZE)
    window.show()
    status = 0
    if items:
        result = []
        window.importFinished.connect(result.append)
        window.import_items(items)
        if not result:
            _wait(window.importFinished)
        errors = result[0].errors if result else []
        for outcome in errors:
            print(f"claimdesk: {outcome.item.label}: {outcome.error}", file=sys.stderr)
        status = 2 if errors or not result else 0
    if window.panel.model.rowCount():
        window.select_claim(window.panel.model.claim_at(0).id)
    window.statusBar().clearMessage()
    try:
        path = save_screenshot(window, screenshot)
    except ClaimdeskError as exc:
        print(f"claimdesk: {exc}", file=sys.stderr)
        status = 2
    else:
        print(f"Wrote {path}")
    window.close()
    return status
