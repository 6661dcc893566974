"""The main window: articles | the article | the claims, wired to one Workspace.

It composes the panes, owns the undo stack and the background pool, and keeps the
panes in step with the workspace: its own changes arrive as Change records (only
the touched claims are re-read), others' through the bridge's poll (the article is
re-read and only the difference applied).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QWidget,
)

from desktop_app.core import taxonomy
from desktop_app.core.errors import ClaimdeskError, NotFound

from . import shortcuts, theme
from .article_list import ArticleList
from .article_pane import ArticlePane
from .claim_panel import ClaimPanel
from .dialogs import messages
from .dialogs.progress import close_progress, task_progress
from .groups_controller import LIST_KEYS, GroupsController
from .operations import Operations
from .present import short
from .review_text import analyst_status, connection_lost
from .revise import Revisions
from .settings import DEFAULT_ZOOM, Settings
from .suggest_mode import SuggestionMode
from .undo import UndoContext
from .workers import ImportItem, ImportResult, ImportTask

if TYPE_CHECKING:  # annotations only: records come from the workspace; a Qt class costs ~1 ms to load
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from desktop_app.core.records import ArticleSummary, Change

    from .bridge import WorkspaceBridge


def workspace_label(url: str) -> str:
    """The workspace as the title bar names it: a file path (with ~), or the server without password."""
    from desktop_app.core.db import describe_url  # the database layer is loaded once a workspace is open

    name = describe_url(url)
    home = str(Path.home())
    return "~" + name[len(home):] if name.startswith(home + "/") else name


#: What can be done before a workspace is open (everything else waits for one).
WITHOUT_WORKSPACE = frozenset({"new_workspace", "open_workspace", "quit", "shortcuts", "zoom_in", "zoom_out",
                               "zoom_reset", "find", "find_next", "find_previous"})
OPENING = "Opening the workspace\u2026"
NO_WORKSPACE = ("No workspace is open.\n\nFile \u25b8 New workspace\u2026 makes one;\n"
                "File \u25b8 Open workspace\u2026 opens a file or a team server.")


class MainWindow(QMainWindow):
    importFinished = Signal(object)  # ImportResult, after the window has opened what was imported
    articleOpened = Signal(int)  # an article (another, or the same re-read) is now the one shown

    def __init__(self, workspace=None, settings: Settings | None = None, *, poll_ms: int | None = None,
                 persist: bool = True, owns_workspace: bool = True):
        """`workspace` None: the window is drawn empty, saying the workspace is being opened
        (the app opens it once the window is on screen, then calls `set_workspace`).
        `poll_ms`: how often others' changes are looked for (default: the bridge's POLL_MS)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.persist = persist
        self._owns = owns_workspace
        self._poll_ms = poll_ms
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(4)
        self.stack = QUndoStack(self)
        self.workspace = None
        self.bridge: WorkspaceBridge | None = None
        self.article: ArticleSummary | None = None
        self._tasks: set = set()
        self._waiting: list[QAction] = []  # actions put off until a workspace is open
        self._build()
        self.setAcceptDrops(True)
        self.resize(1280, 800)
        self._restore_layout()
        if workspace is not None:
            self.set_workspace(workspace)
        else:
            self.await_workspace(OPENING)

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.article_list = ArticleList()
        self.pane = ArticlePane()
        self.view = self.pane.view
        self.find_bar = self.pane.find_bar
        self.panel = ClaimPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        for w in (self.article_list, self.pane, self.panel):
            self.splitter.addWidget(w)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([250, 600, 430])
        self.panel.splitter.setSizes([330, 400])
        self.setCentralWidget(self.splitter)

        self.actions_by_id: dict[str, QAction] = {}
        for spec in shortcuts.specs():
            action = shortcuts.make_action(self, spec)
            if spec.id.startswith("tag_"):
                action.setIcon(theme.type_icon(spec.id[4:]))
            self.addAction(action)
            self.actions_by_id[spec.id] = action
        self._connect_actions()
        self._build_menus()
        self._build_toolbar()

        self.live = QLabel(objectName="liveStatus")
        self.analyst = QLabel(objectName="analystStatus")
        self.statusBar().addPermanentWidget(self.live)
        self.statusBar().addPermanentWidget(self.analyst)
        self.across = GroupsController(self)  # groups, discrepancies and figures across articles

        self.article_list.articleActivated.connect(self.open_article)
        self.view.claimActivated.connect(self.select_claim)
        self.view.menu_provider = self._context_menu
        self.panel.currentClaimChanged.connect(self._current_claim_changed)
        self.panel.editor.changeRequested.connect(self._edit_requested)
        self.panel.editor.statusRequested.connect(self._status_requested)
        self.panel.sources.addRequested.connect(self.add_source)
        self.panel.sources.editRequested.connect(self._edit_source)
        self.panel.sources.removeRequested.connect(self._remove_source)
        self._build_review()

    def _connect_actions(self) -> None:
        a = self.actions_by_id
        handlers = {
            "new_workspace": self.new_workspace, "open_workspace": self.open_workspace_dialog,
            "import_files": self.import_files, "import_url": self.import_url, "paste_article": self.paste_article,
            "export": self.export_briefing, "quit": self.close,
            "find": self.find_bar.open_bar, "find_next": lambda: self._find_step(False),
            "find_previous": lambda: self._find_step(True),
            "search_claims": lambda: (self.panel.search.setFocus(), self.panel.search.selectAll()),
            "search_articles": lambda: (self.article_list.search.setFocus(), self.article_list.search.selectAll()),
            "add_source": self.add_source, "edit_claim": self.edit_claim, "delete_claim": self.delete_claim,
            "next_claim": lambda: self.panel.step(1), "previous_claim": lambda: self.panel.step(-1),
            "zoom_in": lambda: self.view.zoom_by(1), "zoom_out": lambda: self.view.zoom_by(-1),
            "zoom_reset": lambda: self.view.set_zoom(DEFAULT_ZOOM),
            "shortcuts": self.show_shortcuts, "about": self.show_about,
            "undo": self.stack.undo, "redo": self.stack.redo,
        }
        for name in taxonomy.types():
            handlers[f"tag_{name}"] = lambda t=name: self.tag(t)
        for name in taxonomy.statuses():
            handlers[f"verdict_{name}"] = lambda s=name: self.mark(s)
        for key, fn in handlers.items():
            a[key].triggered.connect(lambda _checked=False, f=fn: f())
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        self.stack.canUndoChanged.connect(a["undo"].setEnabled)
        self.stack.canRedoChanged.connect(a["redo"].setEnabled)
        self.stack.undoTextChanged.connect(lambda t: a["undo"].setText(f"&Undo {t}" if t else "&Undo"))
        self.stack.redoTextChanged.connect(lambda t: a["redo"].setText(f"&Redo {t}" if t else "&Redo"))

    def _build_menus(self) -> None:
        a = self.actions_by_id
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([a["new_workspace"], a["open_workspace"]])
        self.recent_menu = file_menu.addMenu("Open &recent workspace")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([a["import_files"], a["import_url"], a["paste_article"]])
        file_menu.addSeparator()
        file_menu.addAction(a["export"])
        file_menu.addSeparator()
        file_menu.addAction(a["quit"])
        edit = bar.addMenu("&Edit")
        edit.addActions([a["undo"], a["redo"]])
        edit.addSeparator()
        edit.addActions([a["find"], a["find_next"], a["find_previous"]])
        edit.addSeparator()
        edit.addActions([a["search_claims"], a["search_articles"]])
        claim = bar.addMenu("&Claim")
        claim.addActions([a[f"tag_{n}"] for n in taxonomy.types()])
        claim.addSeparator()
        verdicts = claim.addMenu("&Verdict")
        verdicts.addActions([a[f"verdict_{n}"] for n in taxonomy.statuses()])
        for n in taxonomy.statuses():
            a[f"verdict_{n}"].setIcon(theme.status_icon(n))
        claim.addActions([a["add_source"], a["edit_claim"], a["delete_claim"]])
        claim.addSeparator()
        claim.addActions([a["next_claim"], a["previous_claim"]])
        view = bar.addMenu("&View")
        view.addActions([a["zoom_in"], a["zoom_out"], a["zoom_reset"]])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([a["shortcuts"], a["about"]])

    def _build_toolbar(self) -> None:
        a = self.actions_by_id
        tb = QToolBar("Main", objectName="mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addActions([a["import_files"], a["paste_article"], a["import_url"]])
        tb.addSeparator()
        tb.addAction(a["find"])
        tb.addSeparator()
        tag = QLabel("  Tag selection:  ")
        tag.setEnabled(False)
        tb.addWidget(tag)
        tb.addActions([a[f"tag_{n}"] for n in taxonomy.types()])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        tb.addActions([a["undo"], a["redo"]])
        tb.addSeparator()
        tb.addAction(a["export"])
        for key in ("undo", "redo"):
            a[key].setIconText(key.capitalize())
        self.addToolBar(tb)
        self.toolbar = tb

    def _context_menu(self, menu: QMenu, claim_id: int | None) -> None:
        a = self.actions_by_id
        if self.view.selection_range() is not None:
            for n in taxonomy.types():
                menu.addAction(a[f"tag_{n}"])
        if claim_id is not None:
            if not menu.isEmpty():
                menu.addSeparator()
            for n in taxonomy.statuses():
                menu.addAction(a[f"verdict_{n}"])
            menu.addSeparator()
            menu.addActions([a["add_source"], a["edit_claim"], a["delete_claim"]])
            menu.addSeparator()
            menu.addActions(self.across.context_actions())

    def _restore_layout(self) -> None:
        if not self.persist:
            return
        s = self.settings
        if (g := s.geometry()) is not None:
            self.restoreGeometry(g)
        if (st := s.window_state()) is not None:
            self.restoreState(st)
        if (sp := s.splitter("main")) is not None:
            self.splitter.restoreState(sp)
        if (sp := s.splitter("claims")) is not None:
            self.panel.splitter.restoreState(sp)
        self.view.set_zoom(s.zoom())

    # --- workspace ------------------------------------------------------------------------
    def await_workspace(self, message: str) -> None:
        """No workspace (yet): say so where the article would be; what needs one waits."""
        self._waiting += [a for key, a in self.actions_by_id.items() if key not in WITHOUT_WORKSPACE and a.isEnabled()]
        for action in self._waiting:
            action.setEnabled(False)
        self.pane.set_placeholder(message)
        self.pane.show_article(None)
        self.setWindowTitle("Claimdesk")

    def workspace_failed(self, message: str) -> None:
        """The workspace the app was started on cannot be opened: one sentence, and the way to another."""
        self.await_workspace(NO_WORKSPACE)
        messages.show_error(self, message)

    def set_workspace(self, workspace) -> None:
        """Show another workspace; the previous one is closed once nothing runs on it."""
        for action in self._waiting:
            action.setEnabled(True)
        self._waiting = []
        self.pane.set_placeholder(None)
        old, old_bridge = self.workspace, self.bridge
        if old_bridge is not None:
            old_bridge.close()
            old_bridge.deleteLater()
        self.workspace = workspace
        self.stack.clear()
        self.ctx = UndoContext(workspace, report=lambda m: messages.show_error(self, m), focus=self.select_claim)
        self.ops = Operations(self, self.ctx, self.stack, self.say, self.reload_claim)
        from .bridge import POLL_MS, WorkspaceBridge  # with its feed thread: once there is a workspace to follow

        self.bridge = WorkspaceBridge(workspace, self.pool, POLL_MS if self._poll_ms is None else self._poll_ms, self)
        self.bridge.changed.connect(self._on_change)
        self.bridge.external.connect(self._on_external)
        self.bridge.unavailable.connect(self.show_connection_lost)
        self.bridge.reachable.connect(self._connection_back)
        self.across.set_workspace(self.bridge)
        self.live.setText("")
        self._apply_identity()
        self.article = None
        self.view.clear_article()
        self.panel.set_claims([])
        self.panel.show_details(None)
        self.pane.show_article(None)
        self._review_workspace_changed()
        self._reload_articles()
        last = self.settings.last_article(workspace.url)
        first = last if last is not None and self.article_list.model.row_of(last) >= 0 else None
        if first is None and self.article_list.model.rowCount():
            first = self.article_list.model.index(0).data(Qt.ItemDataRole.UserRole + 1)
        if first is not None:
            self.open_article(first)
            self.view.setFocus()  # ready to read, select and tag
        if self.persist:
            self.settings.add_recent_workspace(workspace.url)
        self._update_title()
        self.bridge.start()
        if old is not None and old is not workspace and self._owns:
            self.pool.waitForDone(10_000)
            old.close()
        self._owns = True

    def open_workspace(self, target: str) -> bool:
        """Open a workspace by path or URL; if it cannot be opened, say why and stay on this one."""
        from desktop_app.core.workspace import Workspace

        try:
            workspace = Workspace.open(target)
        except ClaimdeskError as exc:
            messages.show_error(self, str(exc))
            return False
        except Exception as exc:  # e.g. a URL the database driver rejects outright
            messages.show_error(self, f"Cannot open the workspace {short(str(target), 80)} ({exc.__class__.__name__}).")
            return False
        self.set_workspace(workspace)
        self.say(f"Opened the workspace {workspace_label(workspace.url)}.")
        return True

    def new_workspace(self) -> None:
        from .dialogs import prompts  # the dialogs load when first asked for, not at every start

        path = prompts.ask_new_workspace(self)
        if path:
            self.open_workspace(path)

    def open_workspace_dialog(self) -> None:
        from .dialogs import workspace_dialog

        target = workspace_dialog.ask_workspace(self, self.workspace.url if self.workspace else "")
        if target:
            self.open_workspace(target)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        items = self.settings.recent_workspaces()
        for url in items:
            action = self.recent_menu.addAction(workspace_label(url))
            action.setEnabled(self.workspace is None or url != self.workspace.url)
            action.triggered.connect(lambda _c=False, u=url: self.open_workspace(u))
        if not items:
            self.recent_menu.addAction("No recent workspaces").setEnabled(False)

    def _update_title(self) -> None:
        where = workspace_label(self.workspace.url) if self.workspace else ""
        if self.article is not None:
            self.setWindowTitle(f"{short(self.article.title, 60)} \u2014 {where} \u2014 Claimdesk")
        else:
            self.setWindowTitle(f"{where} \u2014 Claimdesk")

    # --- articles -------------------------------------------------------------------------
    def _reload_articles(self) -> None:
        try:
            items = self.workspace.articles()
        except ClaimdeskError as exc:
            self.show_connection_lost(str(exc))
            return
        self.article_list.set_articles(items)
        if self.article is not None:
            fresh = self.article_list.model.summary(self.article.id)
            if fresh is not None:
                self.article = fresh
                self.pane.show_article(fresh)

    def open_article(self, article_id: int, select: int | None = None) -> bool:
        try:
            record = self.workspace.article(article_id)
        except ClaimdeskError as exc:
            messages.show_error(self, str(exc))
            return False
        self.panel.editor.commit_pending()
        self.article = record.summary
        self.view.set_article(record.text, record.claims, record.title)
        self.panel.set_claims(record.claims)
        self.panel.show_details(None)
        self.pane.show_article(record.summary)
        self.article_list.select(article_id)
        self._update_title()
        if self.persist:
            self.settings.set_last_article(self.workspace.url, article_id)
        if select is not None:
            self.select_claim(select)
        self.articleOpened.emit(article_id)
        return True

    # --- import ---------------------------------------------------------------------------
    def import_items(self, items: list[ImportItem]) -> ImportTask:
        """Import off the GUI thread with progress and cancel; opens the (first) article when done."""
        task = ImportTask(self.workspace, items)
        progress = task_progress(self, "Importing\u2026", "Import", "importProgress", len(items), task.cancel)
        task.signals.progress.connect(lambda done, total, label: (
            progress.setValue(done), progress.setLabelText(f"Importing {short(label, 60)}\u2026" if label else "")))
        task.signals.finished.connect(lambda result: self._imported(task, result, progress))
        task.signals.failed.connect(lambda message: self._import_failed(task, message, progress))
        self._tasks.add(task)
        self.pool.start(task)
        return task

    def _import_done(self, task, progress) -> bool:
        close_progress(progress)
        self._tasks.discard(task)
        return task.workspace is self.workspace

    def _imported(self, task: ImportTask, result: ImportResult, progress) -> None:
        if not self._import_done(task, progress):
            return
        self._reload_articles()
        if result.errors:
            lines = [f"{o.item.label}: {o.error}" if len(result.outcomes) > 1 else o.error for o in result.errors]
            messages.show_error(self, "\n".join(lines))
        opened = next((o for o in result.outcomes if o.article_id is not None), None)
        if opened is not None:
            self.open_article(opened.article_id)
            self.view.setFocus()
            new = [o for o in result.outcomes if o.article_id is not None and not o.duplicate]
            dups = [o for o in result.outcomes if o.duplicate]
            parts = []
            if new:
                parts.append(f"Imported {len(new)} article{'s' if len(new) > 1 else ''}.")
            if dups and len(result.outcomes) == 1:
                parts.append(f"\u201c{short(self.article.title, 50)}\u201d was already in the workspace; opened it.")
            elif dups:
                parts.append(f"{len(dups)} {'was' if len(dups) == 1 else 'were'} already in the workspace.")
            self.say(" ".join(parts))
        elif result.cancelled:
            self.say("Import cancelled.")
        self.importFinished.emit(result)

    def _import_failed(self, task: ImportTask, message: str, progress) -> None:
        if self._import_done(task, progress):
            messages.show_error(self, message)
            self.importFinished.emit(ImportResult())

    def import_files(self) -> None:
        from .dialogs import prompts

        paths = prompts.ask_import_files(self)
        if paths:
            self.import_items([ImportItem.path(p) for p in paths])

    def import_url(self) -> None:
        from .dialogs import prompts

        url = prompts.ask_url(self)
        if url:
            self.import_items([ImportItem.url(url)])

    def paste_article(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        items = self._items_from_mime(mime) if mime is not None else []
        if not items:
            messages.show_error(self, "The clipboard has no text to import.")
            return
        self.import_items(items)

    @staticmethod
    def _items_from_mime(mime) -> list[ImportItem]:
        if mime.hasUrls():
            items = []
            for url in mime.urls():
                if url.isLocalFile():
                    items.append(ImportItem.path(url.toLocalFile()))
                elif url.scheme() in ("http", "https"):
                    items.append(ImportItem.url(url.toString()))
            if items:
                return items
        if mime.hasText() and mime.text().strip():
            return [ImportItem.text(mime.text())]
        return []

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.workspace is not None and (event.mimeData().hasUrls() or event.mimeData().hasText()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        items = self._items_from_mime(event.mimeData())
        if items:
            event.acceptProposedAction()
            self.import_items(items)

    # --- keeping in step ------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        """This window's own action committed: re-read only the claims it touched."""
        self._reload_articles()
        if self.article is None or self.article.id not in change.article_ids:
            return
        for claim_id in sorted(change.claim_ids):
            try:
                record = self.workspace.claim(claim_id)
            except NotFound:
                self.panel.remove(claim_id)
                continue
            except ClaimdeskError:
                continue
            if record.article_id == self.article.id:
                self.panel.upsert(record)
        self.view.set_claims(self.panel.claims())
        if self.panel.current_id is not None and self.panel.current_id in change.claim_ids:
            self._show_details()

    def _on_external(self) -> None:
        """Someone else changed the workspace: re-read what is shown, apply the difference."""
        self._reload_articles()
        if self.article is None:
            return
        try:
            record = self.workspace.article(self.article.id)
        except ClaimdeskError:
            return
        if record.text != self.view.text:
            current = self.panel.current_id
            self.view.set_article(record.text, record.claims, record.title)
            self.panel.set_claims(record.claims)
            if current is not None:
                self.panel.select_claim(current)
            return
        if self.panel.replace_all(record.claims):
            self.view.set_claims(self.panel.claims())
            self.view.show_claim(self.panel.current_id) if self.panel.current_id else None
            self._show_details()
            self.say("Updated with changes made elsewhere.")

    # --- claims ---------------------------------------------------------------------------
    def select_claim(self, claim_id: int | None) -> None:
        """Make a claim the current one: table row, highlight and tabs (opening its article if needed)."""
        if claim_id is None:
            self.panel.select_claim(None)
            return
        was = self.panel.current_id
        if self.panel.select_claim(claim_id):
            if was == claim_id:
                self.view.show_claim(claim_id)
                self._show_details()
            return
        try:
            record = self.workspace.claim(claim_id)
        except ClaimdeskError:
            return
        self.open_article(record.article_id, select=claim_id)

    def reload_claim(self, claim_id: int) -> None:
        """Show a claim as the workspace has it now, over anything typed (the analyst kept theirs)."""
        try:
            record = self.workspace.claim(claim_id)
        except ClaimdeskError:
            return
        if self.article is not None and record.article_id == self.article.id:
            self.panel.upsert(record)
            self.view.set_claims(self.panel.claims())
            self.select_claim(record.id)
            self.panel.editor.set_claim(record, force=True)

    def _current_claim_changed(self, claim_id) -> None:
        self.view.show_claim(claim_id)
        self._show_details()

    def _history(self, claim_id: int, depth: int = 5) -> list:
        """The claim's history, including the claim it was restored from (undo of a delete)."""
        events = self.workspace.history(claim_id)
        if depth and events and events[0].action == "restored" and isinstance(events[0].old, dict):
            previous = events[0].old.get("claim_id")
            if previous and previous != claim_id:
                try:
                    events = self._history(previous, depth - 1) + events
                except ClaimdeskError:
                    pass
        return events

    def _show_details(self) -> None:
        record = self.panel.current_claim()
        events = None
        if record is not None:
            try:
                events = self._history(record.id)
            except ClaimdeskError:
                events = []
        self.panel.show_details(record, events)

    def _need_claim(self):
        claim = self.panel.current_claim()
        if claim is None:
            self.say("Select a claim first: click a highlight, or pick one in the claim table.")
        return claim

    def tag(self, claim_type: str) -> None:
        if self.article is None:
            self.say("Open or import an article first.")
            return
        if self.pane.reading_revision is not None:
            self.say("You are reading an earlier revision; press Esc to go back to the current text and tag there.")
            return
        span = self.view.selection_range()
        if span is None:
            key = taxonomy.types()[claim_type].shortcut
            self.say(f"Select the words of the claim first (or find them with Ctrl+F), then press {key}.")
            return
        start, end = span
        self.ops.tag(self.article.id, start, end, claim_type, self.view.text[start:end])

    def mark(self, status: str) -> None:
        claim = self._need_claim()
        if claim is not None and not self.ops.set_status(claim, status):
            self.panel.editor.revert()

    def _status_requested(self, claim_id: int, status: str, version: int) -> None:
        claim = self.panel.model.claim(claim_id)
        if claim is None or not self.ops.set_status(claim, status, version):
            self.panel.editor.revert()

    def _edit_requested(self, claim_id: int, changes: dict, version: int) -> None:
        if not self.ops.update(claim_id, changes, version):
            self.panel.editor.revert()

    def delete_claim(self) -> None:
        claim = self._need_claim()
        if claim is None:
            return
        row = self.panel.model.row_of(claim.id)
        if self.ops.delete(claim):
            following = self.panel.model.claim_at(min(row, self.panel.model.rowCount() - 1))
            self.select_claim(following.id if following else None)

    def edit_claim(self) -> None:
        if self._need_claim() is not None:
            self.panel.tabs.setCurrentIndex(0)
            self.panel.editor.focus_first()

    def add_source(self) -> None:
        claim = self._need_claim()
        if claim is not None:
            self.panel.tabs.setCurrentWidget(self.panel.sources)
            self.ops.add_source(claim)

    def _edit_source(self, link) -> None:
        claim = self.panel.current_claim()
        if claim is not None:
            self.ops.edit_source(claim, link)

    def _remove_source(self, link) -> None:
        self.ops.remove_source(link)

    def _find_step(self, backward: bool) -> None:
        if not self.find_bar.isVisible() or not self.find_bar.field.text():
            self.find_bar.open_bar()
            return
        self.find_bar.find_next(backward)

    # --- suggestions, revisions, team work ------------------------------------------------
    def _build_review(self) -> None:
        """Suggestion mode, new versions and re-attaching, preferences: their menus, toolbar and hooks."""
        a = self.actions_by_id
        self.suggest = SuggestionMode(self)
        self.revisions = Revisions(self)
        self.articleOpened.connect(self.suggest.article_opened)
        self.articleOpened.connect(self.revisions.article_opened)
        handlers = {"suggest": self.suggest.start, "import_new_version": self.revisions.import_new_version,
                    "reattach_claim": self.revisions.reattach, "preferences": self.edit_preferences}
        for key, fn in handlers.items():
            a[key].triggered.connect(lambda _checked=False, f=fn: f())
        menus = {m.title(): m for m in (x.menu() for x in self.menuBar().actions()) if m is not None}
        file_menu = menus["&File"]
        file_menu.insertAction(a["export"], a["import_new_version"])
        file_menu.insertSeparator(a["export"])
        claim = menus["&Claim"]
        claim.addSeparator()
        claim.addAction(a["suggest"])
        self.suggest.build_menu(claim.addMenu("Su&ggestions"))
        claim.addAction(a["reattach_claim"])
        edit = menus["&Edit"]
        edit.addSeparator()
        edit.addAction(a["preferences"])
        after_find = self.toolbar.actions()[self.toolbar.actions().index(a["find"]) + 1]
        self.toolbar.insertAction(after_find, a["suggest"])
        a["suggest"].setIcon(theme.dashed_icon())
        base = self.view.menu_provider
        self.view.menu_provider = lambda menu, claim_id: self._review_menu(base, menu, claim_id)
        self.article_list.menu_provider = self._article_menu
        self.live.setStyleSheet(f"QLabel {{ color: {theme.anchor_warning(True).name()}; font-weight: 600; }}")

    def _review_workspace_changed(self) -> None:
        """Another workspace: no suggestion mode, no old revision on show; the revisions button follows changes."""
        self.suggest.workspace_changed(self.bridge)
        self.revisions.show_current()
        self.revisions.update_button()
        self.bridge.changed.connect(lambda _change: self.revisions.update_button())
        self.bridge.external.connect(self.revisions.update_button)

    def _review_menu(self, base, menu: QMenu, claim_id: int | None) -> None:
        if base is not None:
            base(menu, claim_id)
        a = self.actions_by_id
        if self.suggest.current() is not None:
            menu.addSeparator()
            menu.addActions([self.suggest.actions["accept_suggestion"], self.suggest.actions["reject_suggestion"]])
        if self.view.selection_range() is not None and self.panel.current_claim() is not None:
            menu.addSeparator()
            menu.addAction(a["reattach_claim"])

    def _article_menu(self, menu: QMenu, article_id: int) -> None:
        action = menu.addAction("Import new &version\u2026")
        action.triggered.connect(lambda: self.revisions.import_new_version(article_id))
        menu.addAction(self.actions_by_id["suggest"])

    def _apply_identity(self) -> None:
        """The name on history entries: CLAIMDESK_ANALYST, else the one in Preferences, else the OS user."""
        from desktop_app.core.workspace import current_analyst

        name = current_analyst(self.settings.analyst_name())
        self.workspace.analyst = name
        self.analyst.setText(analyst_status(name, self.settings.organisation()))
        self.panel.set_analyst(name)

    def edit_preferences(self) -> None:
        from desktop_app.core.workspace import current_analyst

        from .dialogs import preferences_dialog

        identity = preferences_dialog.ask_identity(self, self.settings.analyst_name(), self.settings.organisation(),
                                                   current_analyst())
        if identity is None:
            return
        self.settings.set_analyst(identity.name, identity.organisation)
        self.settings.sync()
        self._apply_identity()
        self.say(f"Your changes are now recorded as {self.workspace.analyst}.")

    def show_connection_lost(self, message: str) -> None:
        """The workspace's one sentence in the status bar, however the window found out."""
        self.live.setText(connection_lost(message))
        self.live.setToolTip("Claimdesk keeps trying and refreshes by itself when the workspace is back; "
                             "what you saved before is kept.")

    def _connection_back(self) -> None:
        self.live.setText("")
        self.live.setToolTip("")
        self.say("Connected to the workspace again.")

    # --- the rest -------------------------------------------------------------------------
    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def export_briefing(self) -> None:
        try:
            articles = self.workspace.articles()
        except ClaimdeskError as exc:
            messages.show_error(self, str(exc))
            return
        if not articles:
            messages.show_error(self, "There is nothing to export yet: import an article first.")
            return
        from .dialogs.export_dialog import ExportDialog  # with the exporters it offers: loaded when asked for

        dialog = ExportDialog(self, self.workspace, self.pool, articles,
                              [self.article.id] if self.article else [articles[0].id],
                              organisation=self.settings.organisation())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exported.connect(lambda path: self.say(f"Wrote {path}"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        self.export_dialog = dialog

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        return shortcuts.rows(self.actions() + self.suggest.mode_actions(), extra=LIST_KEYS)

    def show_shortcuts(self) -> None:
        from .dialogs.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self, self.shortcut_rows())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_about(self) -> None:
        from importlib.metadata import PackageNotFoundError, version as dist_version

        try:
            version = dist_version("claimdesk")
        except PackageNotFoundError:
            version = ""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, "About Claimdesk",
                          f"Claimdesk {version}\n\nHighlight, grade and source the claims in news articles.\n\n"
                          f"Workspace: {workspace_label(self.workspace.url) if self.workspace else 'none open'}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.editor.commit_pending()
        if self.persist:
            self.settings.save_window(self.saveGeometry(), self.saveState(),
                                      {"main": self.splitter.saveState(), "claims": self.panel.splitter.saveState()})
            self.settings.set_zoom(self.view.zoom)
            self.settings.sync()
        if self.bridge is not None:
            self.bridge.close()
        for task in list(self._tasks):
            task.cancel()
        self.pool.waitForDone(30_000)
        if self._owns and self.workspace is not None:
            self.workspace.close()
        super().closeEvent(event)

