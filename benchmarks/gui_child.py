"""A child process for the startup and memory benchmarks (not a benchmark itself).

    python benchmarks/gui_child.py startup-app DB     claimdesk --db DB gui, up to its first paint
    python benchmarks/gui_child.py startup-bare       a bare QMainWindow, up to its first paint
    python benchmarks/gui_child.py memory-app DB N    the app on DB, opening its first N articles
    python benchmarks/gui_child.py memory-bare        a bare QMainWindow, shown

Startup modes exit on the event loop's first turn after the first window has painted
itself and its children, so both sides pay the same for everything before it and
nothing after. Memory modes print the
peak resident set size (VmHWM, in KiB) and exit.
"""
from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _painted() -> None:
    sys.stdout.write("painted\n")
    sys.stdout.flush()
    os._exit(0)


def _exit_after_first_paint(app) -> None:
    """Exit on the event loop's first turn after the first window shown has painted itself.

    A window paints itself and then its children in one pass; the turn after it, the whole
    first frame is drawn. The watching filter goes on that window when it is shown (nothing
    paints before), and on that window only: an application-wide Python filter installed from
    the start is called for every event of every object while the window is built and laid
    out (the app's window: some 6,000 events, each wrapping its receiver for Python, 30 ms or
    more that no analyst's start pays).
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, _painted)
            return False

    show = QWidget.show

    def watched_show(widget):
        if widget.isWindow() and getattr(app, "_first_paint", None) is None:
            app._first_paint = FirstPaint()
            widget.installEventFilter(app._first_paint)
        show(widget)

    QWidget.show = watched_show


def startup_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    _exit_after_first_paint(app)
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.exec()


def startup_app(db: str) -> None:
    """The app exits where it would open the workspace: its own first turn after the first paint
    (app._AfterFirstPaint), so the timer is the same as the bare window's."""
    from desktop_app.ui import app as app_module

    app_module.open_first_workspace = lambda *args, **kwargs: _painted()
    from desktop_app.cli import main

    main(["--db", db, "gui"])


def _peak_kib() -> int:
    """This process's peak resident set (VmHWM). Not ru_maxrss: Linux carries the parent's peak
    over into a forked child's, so a child of a big benchmark process would report the parent's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.grab()
    print(_peak_kib())


def memory_app(db: str, articles: int) -> None:
    from desktop_app.core.workspace import Workspace
    from desktop_app.ui.app import make_app
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.settings import Settings

    app = make_app()
    settings = Settings(Path(os.environ["CLAIMDESK_BENCH_SETTINGS"]))
    window = MainWindow(Workspace.open(db), settings, persist=False)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    ids = [a.id for a in window.workspace.articles()][:articles]
    for article_id in ids:
        window.open_article(article_id)
        app.processEvents()
    window.grab()
    print(_peak_kib(), flush=True)
    os._exit(0)  # measured: no need to wind down the window's threads


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    {"startup-app": lambda: startup_app(args[0]), "startup-bare": startup_bare,
     "memory-app": lambda: memory_app(args[0], int(args[1])), "memory-bare": memory_bare}[mode]()
