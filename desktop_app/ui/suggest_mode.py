"""Suggestion mode: the detector's candidate claims as dashed outlines in the text and a list beside it.

Ctrl+Shift+S runs `Workspace.suggestions()` off the GUI thread (a long article takes a
moment) and enters the mode. The current candidate is outlined more strongly and kept in
view; Enter accepts it (a claim with its fields), Del rejects it (it is not offered
again), Tab or Alt+Down/Alt+Up move between candidates, Esc leaves. Every accept and
reject is one undoable Workspace action (suggestion_undo.py); after any change to the
article (an undo, a claim tagged by hand, another analyst) the candidates are listed
again in the background.

The mode's keys are scoped to the article and the suggestion list: Tab, Enter and Esc
keep their usual meaning everywhere else, and while the mode is on the window's own
Del / Alt+Down / Alt+Up (delete claim, next/previous claim) answer only in the claim panel.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPen
from PySide6.QtWidgets import QMenu, QToolTip

from desktop_app.core.errors import ClaimdeskError

from . import shortcuts, theme
from .banner import Banner
from .dialogs import messages
from .present import short, type_label
from .review_text import count_by_type, pick_after, plural, suggestion_meta
from .suggestion_undo import AcceptSuggestionsCommand, RejectSuggestionsCommand
from .suggestions import SuggestionPanel
from .undo import perform
from .workers import Task

if TYPE_CHECKING:  # the detector (and the database layer under it) loads when suggestions are asked for
    from desktop_app.core.detect import Suggestion

TINT_ALPHA, CURRENT_ALPHA = 50, 150
SHADOWED = ("delete_claim", "next_claim", "previous_claim")  # their keys mean "candidate" in the text


class SuggestTask(Task):
    """Run the detector on one article off the GUI thread."""

    def __init__(self, workspace, article_id: int):
        super().__init__()
        self.workspace, self.article_id = workspace, article_id

    def work(self) -> tuple[int, list[Suggestion]]:
        return self.article_id, self.workspace.suggestions(self.article_id)


def mode_specs() -> list[shortcuts.ActionSpec]:
    return [
        shortcuts.ActionSpec("accept_suggestion", "&Accept suggestion", "Claim", ("Return", "Enter"),
                             "Make the current suggestion a claim, with its fields"),
        shortcuts.ActionSpec("reject_suggestion", "&Reject suggestion", "Claim", ("Del",),
                             "Turn the current suggestion down; it is not offered again"),
        shortcuts.ActionSpec("next_suggestion", "&Next suggestion", "Claim", ("Tab", "Alt+Down")),
        shortcuts.ActionSpec("previous_suggestion", "&Previous suggestion", "Claim", ("Shift+Tab", "Alt+Up")),
        shortcuts.ActionSpec("leave_suggestions", "&Leave suggestion mode", "Claim", ("Esc",),
                             "Stop showing suggestions (what you accepted stays)"),
    ]


class SuggestionMode(QObject):
    activeChanged = Signal(bool)
    listed = Signal(int)  # how many candidates are shown, after each run of the detector

    def __init__(self, window):
        super().__init__(window)
        self.win = window
        self.panel = SuggestionPanel()
        self.active = False
        self.article_id: int | None = None
        self._task: SuggestTask | None = None
        self._again = False
        self._sizes: list[int] | None = None
        self._bridge = None
        self._tasks: set[SuggestTask] = set()

        tabs = window.panel.tabs
        self._tab = tabs.addTab(self.panel, theme.dashed_swatch(theme.type_colour("casualty"), 14), "Suggestions")
        tabs.setTabVisible(self._tab, False)
        self.banner = Banner("#a9c8f5", "Done (Esc)", object_name="suggestionBanner")
        window.pane.add_banner(self.banner)
        self.banner.closeRequested.connect(self.leave)

        view = window.view
        view.decorations.append(self._paint)

        self.actions: dict[str, QAction] = {}
        handlers = {"accept_suggestion": self.accept_current, "reject_suggestion": self.reject_current,
                    "next_suggestion": lambda: self.step(1), "previous_suggestion": lambda: self.step(-1),
                    "leave_suggestions": self.leave}
        for spec in mode_specs():
            action = shortcuts.make_action(window, spec)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)
            action.triggered.connect(lambda _c=False, f=handlers[spec.id]: f())
            view.addAction(action)
            self.panel.addAction(action)
            self.actions[spec.id] = action

        p = self.panel
        p.currentChanged.connect(self._current_changed)
        p.acceptRequested.connect(self.accept_current)
        p.rejectRequested.connect(self.reject_current)
        p.acceptAllRequested.connect(self.accept_all)
        p.rejectAllRequested.connect(self.reject_all)
        p.doneRequested.connect(self.leave)
        self._rerun = QTimer(self)
        self._rerun.setSingleShot(True)
        self._rerun.setInterval(0)  # several changes in one go (undo of "accept all") list once
        self._rerun.timeout.connect(self.run)

    # --- hooks the window calls ---------------------------------------------------------
    def workspace_changed(self, bridge) -> None:
        """A new workspace is shown: leave the mode, and hear the new workspace's changes."""
        self.leave(quiet=True)
        self._bridge = bridge
        bridge.changed.connect(lambda change: self._changed(change.article_ids))
        bridge.external.connect(lambda: self._changed(None))

    def article_opened(self, article_id: int) -> None:
        if self.active and article_id != self.article_id:
            self.leave()

    def _changed(self, article_ids) -> None:
        if self.active and (article_ids is None or self.article_id in article_ids):
            if self._task is not None:
                # A run already under way read the article before this change: its answer, even one
                # already on its way back, is stale. Drop it and list again when it is back.
                self._again = True
            self._rerun.start()

    # --- entering and leaving -----------------------------------------------------------
    def start(self) -> None:
        """Ctrl+Shift+S: list the candidates of the open article (again, if the mode is on)."""
        win = self.win
        if win.article is None:
            win.say("Open or import an article first.")
            return
        if getattr(win.pane, "reading_revision", False):
            win.pane.show_current()
        if self.active and self.article_id != win.article.id:
            self.leave(quiet=True)
        self.article_id = win.article.id
        if not self.active:
            self._set_active(True)
        self.panel.set_busy(True)
        win.say("Looking for claims in the article\u2026")
        self.run()
        win.view.setFocus()

    def leave(self, quiet: bool = False) -> None:
        if not self.active:
            return
        self._set_active(False)
        self.panel.set_suggestions([])
        self.win.view.viewport().update()
        self.win.view.setFocus()
        if not quiet:
            self.win.say("Left suggestion mode. Ctrl+Shift+S shows the suggestions again.")

    def _set_active(self, on: bool) -> None:
        self.active = on
        win = self.win
        # Clicks and tooltips on candidates: heard only while the mode is on, not on every event of the text.
        if on:
            win.view.viewport().installEventFilter(self)
        else:
            win.view.viewport().removeEventFilter(self)
        tabs = win.panel.tabs
        tabs.setTabVisible(self._tab, on)
        splitter = win.panel.splitter
        if on:
            tabs.setCurrentIndex(self._tab)
            self._sizes = splitter.sizes()
            total = sum(self._sizes)
            splitter.setSizes([int(total * 0.36), total - int(total * 0.36)])
            self.banner.show_text("Suggestion mode: dashed outlines are claims the detector proposes. "
                                  "Enter accepts the current one, Del rejects it, Tab moves on.")
        else:
            if tabs.currentIndex() == self._tab:
                tabs.setCurrentIndex(0)
            if self._sizes:
                splitter.setSizes(self._sizes)
            self.banner.hide()
        for action in self.actions.values():
            action.setEnabled(on)
        self._shadow(on)
        self.activeChanged.emit(on)

    def _shadow(self, on: bool) -> None:
        """While the mode is on, the window's Del and Alt+Down/Up act only where the claims are."""
        panel = self.win.panel
        owners = [panel.splitter.widget(0), panel.editor, panel.sources, panel.history]
        for name in SHADOWED:
            action = self.win.actions_by_id[name]
            if on:
                self.win.removeAction(action)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                for w in owners:
                    w.addAction(action)
            else:
                for w in owners:
                    w.removeAction(action)
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                self.win.addAction(action)

    def mode_actions(self) -> list[QAction]:
        """The mode's own keys, and (while it is on) the window's keys it lends to the claim panel, for Help."""
        lent = [self.win.actions_by_id[n] for n in SHADOWED] if self.active else []
        return list(self.actions.values()) + lent

    def build_menu(self, menu: QMenu) -> None:
        """Claim > Suggestions: the mode's keys, and accept/reject by type."""
        menu.setObjectName("suggestionsMenu")
        menu.addActions(self.mode_actions())
        menu.addSeparator()
        accept_all = menu.addAction("Accept &all suggestions")
        accept_all.triggered.connect(lambda: self.accept_all(None))
        by_type = menu.addMenu("Accept all of &type")
        reject = menu.addMenu("Reject all of t&ype")

        def fill() -> None:
            counts = count_by_type(self.suggestions())
            accept_all.setEnabled(bool(counts))
            for sub, verb, fn in ((by_type, "Accept", self.accept_all), (reject, "Reject", self.reject_all)):
                sub.clear()
                for name in counts:
                    icon = theme.dashed_swatch(theme.type_colour(name), 16)
                    act = sub.addAction(icon, f"{verb} all {counts[name]} {type_label(name).lower()}")
                    act.triggered.connect(lambda _c=False, t=name, f=fn: f(t))
                sub.setEnabled(bool(counts))

        menu.aboutToShow.connect(fill)
        fill()

    # --- listing ------------------------------------------------------------------------
    def run(self) -> None:
        if not self.active or self.article_id is None:
            return
        if self._task is not None:
            self._again = True  # list again when this run is back: the article changed meanwhile
            return
        task = SuggestTask(self.win.workspace, self.article_id)
        task.signals.finished.connect(lambda result, t=task: self._listed(t, result))
        task.signals.failed.connect(lambda message, t=task: self._failed(t, message))
        self._task = task
        self._tasks.add(task)
        self.win.pool.start(task)

    def _done(self, task: SuggestTask) -> bool:
        """Forget the task; True if its answer is still wanted (else a newer run is on its way)."""
        self._tasks.discard(task)
        if task is not self._task:
            return False
        self._task = None
        if self._again:
            self._again = False
            self.run()
            return False
        return self.active and task.article_id == self.article_id and task.workspace is self.win.workspace

    def _listed(self, task: SuggestTask, result) -> None:
        if not self._done(task):
            return
        _, items = result
        text = self.win.view.text
        items = [s for s in items if text[s.start:s.end] == s.text]  # the view shows the same text
        old = self.panel.current()
        row = pick_after(sorted(items, key=lambda s: (s.start, s.end, s.type)),
                         old.key if old else None, old.start if old else 0)
        self.panel.set_busy(False)
        self.panel.set_suggestions(items, max(row, 0))
        if not items:
            self.win.say("No suggestions left in this article.")
        self.listed.emit(len(items))
        self.win.view.viewport().update()

    def _failed(self, task: SuggestTask, message: str) -> None:
        if self._done(task):
            self.panel.set_busy(False)
            messages.show_error(self.win, message)

    # --- the current candidate ----------------------------------------------------------
    def current(self) -> Suggestion | None:
        return self.panel.current() if self.active else None

    def suggestions(self) -> list[Suggestion]:
        return self.panel.model.suggestions() if self.active else []

    def step(self, delta: int) -> None:
        self.panel.step(delta)

    def _current_changed(self, s: Suggestion | None) -> None:
        view = self.win.view
        if s is not None and self.active:
            view.scroll_to_range(s.start, s.end)
            self.win.statusBar().showMessage(
                f"{type_label(s.type)} suggestion \u201c{short(s.text, 50)}\u201d \u2014 Enter accepts, Del rejects, "
                "Tab moves on, Esc leaves.", 8000)
        view.viewport().update()

    # --- accepting and rejecting --------------------------------------------------------
    def _perform(self, command, keys, done: str) -> bool:
        try:
            perform(self.win.stack, command)
        except ClaimdeskError as exc:
            messages.show_error(self.win, str(exc))
            self._rerun.start()
            return False
        self.panel.remove(keys)
        self.win.say(done)
        self.win.view.viewport().update()
        return True

    def accept(self, items: list[Suggestion]) -> bool:
        if not items or self.article_id is None:
            return False
        cmd = AcceptSuggestionsCommand(self.win.ctx, self.article_id, items)
        if len(items) == 1:
            done = f"Accepted \u201c{short(items[0].text, 40)}\u201d as a claim. Ctrl+Z takes it back."
        else:
            done = f"Accepted {plural(len(items), 'suggestion')} as claims. Ctrl+Z takes them back."
        return self._perform(cmd, {s.key for s in items}, done)

    def reject(self, items: list[Suggestion]) -> bool:
        if not items or self.article_id is None:
            return False
        cmd = RejectSuggestionsCommand(self.win.ctx, self.article_id, items)
        if len(items) == 1:
            done = f"Rejected \u201c{short(items[0].text, 40)}\u201d; it will not be suggested again. Ctrl+Z takes it back."
        else:
            done = f"Rejected {plural(len(items), 'suggestion')}; they will not be suggested again. Ctrl+Z takes them back."
        return self._perform(cmd, {s.key for s in items}, done)

    def accept_current(self) -> None:
        s = self.current()
        if s is None:
            self.win.say("No suggestion is selected.")
            return
        self.accept([s])

    def reject_current(self) -> None:
        s = self.current()
        if s is None:
            self.win.say("No suggestion is selected.")
            return
        self.reject([s])

    def accept_all(self, claim_type: str | None = None) -> None:
        self.accept([s for s in self.suggestions() if claim_type is None or s.type == claim_type])

    def reject_all(self, claim_type: str) -> None:
        self.reject([s for s in self.suggestions() if s.type == claim_type])

    # --- in the text --------------------------------------------------------------------
    def _paint(self, painter: QPainter, first: int, last: int) -> None:
        if not self.active:
            return
        view = self.win.view
        current = self.panel.current()
        palette = view.palette()
        for s in self.panel.model.suggestions():
            if s.end < first or s.start > last:
                continue
            is_current = current is not None and s.key == current.key
            fill = QColor(theme.type_colour(s.type))
            fill.setAlpha(CURRENT_ALPHA if is_current else TINT_ALPHA)
            pen = QPen(theme.suggestion_ink(s.type, palette), 2.4 if is_current else 1.3, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([3.0, 2.0] if is_current else [3.0, 2.5])
            painter.setPen(pen)
            painter.setBrush(fill)
            for r, _below in view.text_boxes(s.start, s.end):
                painter.drawRoundedRect(QRectF(r.left() - 2, r.top() + 1, r.width() + 4, r.height() - 2), 3, 3)

    def at(self, offset: int) -> list[int]:
        """Rows of the candidates covering a character, shortest first."""
        hits = [(s.end - s.start, row) for row, s in enumerate(self.panel.model.suggestions())
                if s.start <= offset < s.end]
        return [row for _, row in sorted(hits)]

    def eventFilter(self, obj, event) -> bool:
        if not self.active:
            return False
        kind = event.type()
        view = self.win.view
        if kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            if not view.textCursor().hasSelection():
                rows = self.at(view.offset_at(event.position().toPoint()))
                if rows:
                    self.panel.set_current(rows[0])
        elif kind == QEvent.Type.ToolTip:
            rows = self.at(view.offset_at(event.pos()))
            if rows:
                import html  # loaded with the first tooltip, not at start

                s = self.panel.model.at(rows[0])
                QToolTip.showText(event.globalPos(), f"<b>Suggested {html.escape(type_label(s.type).lower())}</b>"
                                  f"<br>{html.escape(suggestion_meta(s))}<br><i>Click, then Enter accepts "
                                  "and Del rejects</i>", view.viewport())
                return True
        return False

