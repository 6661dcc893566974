"""The same claim across articles, in the window: the groups, discrepancies, suggestions and
figures (a second tab beside the article), the Groups menu and its keys, and what each command does.

The main window makes one `GroupsController` and tells it about each workspace; the
controller adds its actions, menus and tab itself, so the window's own code only gains
a few hooks. The views themselves (and the commands and dialogs they lead to) are made
when first needed, a workspace opened or their tab shown, not before the window's
first paint. Every edit is one undoable command (group_undo.py) on the window's undo
stack. The views are read off the GUI thread after every change (this window's or
anyone's), a burst of changes giving one read.

Selecting a claim in a view shows it in the claim panel (its article opens behind);
Enter or a double-click goes to the article with the claim selected.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QAbstractItemView, QMenu, QSplitter, QTabWidget, QToolButton

from desktop_app.core.errors import ClaimdeskError

from . import shortcuts
from .dialogs import messages
from .present import short
from .undo import perform

if TYPE_CHECKING:  # the views, their commands and dialogs load when the views are first needed
    from desktop_app.core.groups import Discrepancy, GroupRecord, GroupSuggestion

    from .group_tasks import GroupsSnapshot, GroupsSnapshotTask, SuggestGroupsTask, SuggestResult
    from .group_undo import LinkClaimsCommand

MENU = "Groups"
REFRESH_MS = 60  # a burst of changes (an import, accept all) gives one read
#: Changes that cannot alter a group, its discrepancies or its figures: no re-read.
IGNORED_ACTIONS = frozenset({"add_source", "link_source", "update_link", "unlink_source", "update_source"})
#: Keys that work inside the lists (not window shortcuts), for Help > Keyboard shortcuts.
LIST_KEYS = (
    (MENU, "Accept the selected group suggestion (suggestions list)", "Enter"),
    (MENU, "Not the same claim: dismiss a suggestion, or take a claim out of its group (lists)", "Del"),
    (MENU, "Open a discrepancy: its group, its figures, its first report (discrepancies list)", "Enter"),
    (MENU, "Rename the selected group (groups list)", "F2"),
    (MENU, "Open the selected claim in its article (groups, discrepancies, figures)", "Enter"),
)


def specs() -> list[shortcuts.ActionSpec]:
    S = shortcuts.ActionSpec
    return [
        S("same_claim", "&Same claim as\u2026", MENU, ("Ctrl+Shift+L",),
          "Mark claims in other articles as reporting the same as the selected claim"),
        S("not_same_claim", "&Not the same claim", MENU, ("Ctrl+Shift+U",),
          "Take the selected claim out of its group"),
        S("suggest_groups", "Su&ggest groups", MENU, ("Ctrl+Shift+G",),
          "Find claims that report the same across articles"),
        S("group_verdict", "Group &verdict\u2026", MENU, ("Ctrl+Alt+G",),
          "Give every claim of the selected group one verdict, with a rationale"),
        S("rename_group", "&Rename group\u2026", MENU, (), "Edit the selected group's label"),
        S("dissolve_group", "&Dissolve group", MENU, (), "Ungroup every claim of the selected group"),
        S("article_details", "Article &details\u2026", "Edit", ("Ctrl+I",),
          "Title, outlet, published date, author and web address of the open article"),
        S("groups_view", "&Groups, discrepancies and figures", "View", ("Ctrl+G",),
          "Show or hide the groups, their discrepancies and their figures over time"),
    ]


class GroupsController(QObject):
    refreshed = Signal()  # the views show the workspace as it is now
    suggested = Signal()  # a suggestion run has come back

    def __init__(self, window):
        super().__init__(window)
        self.win = window
        self.snapshot: GroupsSnapshot | None = None  # made with the views
        self.groups = None  # the views: see _build_views
        self.group_id: int | None = None
        self._task: GroupsSnapshotTask | None = None
        self._suggest_task: SuggestGroupsTask | None = None
        self._again = False
        self._suggested_claims: dict = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        win = self.win
        self.actions: dict[str, QAction] = {}
        for spec in specs():
            action = shortcuts.make_action(win, spec)
            win.addAction(action)
            win.actions_by_id[spec.id] = action
            self.actions[spec.id] = action
        a = self.actions
        a["groups_view"].setCheckable(True)
        handlers = {
            "same_claim": self.same_claim, "not_same_claim": self.not_same_claim,
            "suggest_groups": self.suggest, "group_verdict": self.group_verdict,
            "rename_group": self.rename_selected, "dissolve_group": self.dissolve_selected,
            "article_details": self.article_details,
        }
        for key, fn in handlers.items():
            a[key].triggered.connect(lambda _checked=False, f=fn: f())
        a["groups_view"].triggered.connect(lambda checked: self.show_views(bool(checked)))

        self.view = QSplitter(Qt.Orientation.Vertical, objectName="acrossArticles")
        self.view.setChildrenCollapsible(False)
        # The views across articles share the middle of the window with the article, as a second tab:
        # at 1280x800 there is no height to spare below the article and the claim panel.
        self.center = QTabWidget(objectName="centerTabs")
        self.center.setDocumentMode(True)
        index = win.splitter.indexOf(win.pane)
        win.splitter.replaceWidget(index, self.center)
        win.splitter.setStretchFactor(index, 1)
        self.center.addTab(win.pane, "Article")
        self.center.addTab(self.view, "Groups and figures")
        self.center.currentChanged.connect(self._tab_changed)

        self.badge = QToolButton(objectName="discrepancyBadge")
        self.badge.setAutoRaise(True)
        self.badge.setToolTip("Reports that disagree among the grouped claims: click to see them")
        self.badge.clicked.connect(self.show_discrepancies)
        self.badge.hide()
        win.statusBar().insertPermanentWidget(0, self.badge)
        self._add_menus()
        for view in (win.article_list.view, win.pane.meta):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addAction(a["article_details"])

    def _build_views(self) -> None:
        """The groups, discrepancies and suggestions lists over the figures view, once."""
        if self.groups is not None:
            return
        from .figures_view import FiguresView
        from .group_tasks import GroupsSnapshot
        from .groups_panel import DiscrepanciesPanel, GroupsPanel, SuggestionsPanel

        self.snapshot = GroupsSnapshot()
        self.groups = GroupsPanel()
        self.suggestions = SuggestionsPanel()
        self.discrepancies = DiscrepanciesPanel()
        self.figures = FiguresView()
        self.tabs = QTabWidget(objectName="groupsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.groups, "Groups")
        self.tabs.addTab(self.discrepancies, "Discrepancies")
        self.tabs.addTab(self.suggestions, "Suggested groups")
        self.view.addWidget(self.tabs)
        self.view.addWidget(self.figures)
        self.view.setSizes([300, 380])

        self.groups.claimActivated.connect(self.open_claim)
        self.groups.claimSelected.connect(self.preview_claim)
        self.figures.claimSelected.connect(self.preview_claim)
        self.groups.groupSelected.connect(self.show_group)
        self.groups.renameRequested.connect(self.rename)
        self.groups.removeRequested.connect(self.not_same_claim)
        self.groups.dissolveRequested.connect(self.dissolve)
        self.groups.verdictRequested.connect(self.group_verdict)
        self.groups.addCurrentRequested.connect(self.add_current)
        self.discrepancies.claimActivated.connect(self.open_claim)
        self.discrepancies.discrepancyActivated.connect(self.open_discrepancy)
        self.discrepancies.removeRequested.connect(self.not_same_claim)
        self.figures.claimActivated.connect(self.open_claim)
        self.suggestions.claimActivated.connect(self.open_claim)
        self.suggestions.acceptRequested.connect(self.accept)
        self.suggestions.dismissRequested.connect(self.dismiss)
        self.suggestions.suggestRequested.connect(self.suggest)
        self.suggestions.suggestionSelected.connect(self._preview_suggestion)
        self.tabs.currentChanged.connect(self._subtab_changed)

    def _menu(self, title: str) -> QMenu | None:
        for action in self.win.menuBar().actions():
            if action.menu() is not None and action.text().replace("&", "") == title:
                return action.menu()
        return None

    def _add_menus(self) -> None:
        a = self.actions
        menu = QMenu("&Groups", self.win)
        menu.setObjectName("groupsMenu")
        menu.addActions([a["same_claim"], a["not_same_claim"]])
        menu.addSeparator()
        menu.addAction(a["suggest_groups"])
        menu.addSeparator()
        menu.addActions([a["group_verdict"], a["rename_group"], a["dissolve_group"]])
        view = self._menu("View")
        self.win.menuBar().insertMenu(view.menuAction() if view else None, menu)
        self.menu = menu
        if view is not None:
            view.addSeparator()
            view.addAction(a["groups_view"])
        edit = self._menu("Edit")
        if edit is not None:
            edit.addSeparator()
            edit.addAction(a["article_details"])

    def context_actions(self) -> list[QAction]:
        """For the claim's context menu in the article."""
        return [self.actions["same_claim"], self.actions["not_same_claim"]]

    # --- workspace and refresh ------------------------------------------------------------
    @property
    def ws(self):
        return self.win.workspace

    def set_workspace(self, bridge) -> None:
        """A workspace was opened: forget the last one's groups, follow this one's changes."""
        from .group_tasks import GroupsSnapshot

        self._build_views()
        self.snapshot = GroupsSnapshot()
        self.group_id = None
        self._task = None
        self._again = False
        self._suggest_task = None
        self.suggestions.set_suggestions([], {}, {}, searched=False)
        self._show(self.snapshot)
        bridge.changed.connect(self.changed)
        bridge.external.connect(self.changed)
        self.refresh()

    def changed(self, change=None) -> None:
        if change is not None and getattr(change, "action", "") in IGNORED_ACTIONS:
            return
        self._timer.start(REFRESH_MS)

    def refresh(self) -> None:
        """Read groups, discrepancies and figures again, off the GUI thread."""
        if self._task is not None:
            self._again = True
            return
        from .group_tasks import GroupsSnapshotTask

        task = GroupsSnapshotTask(self.ws)
        # Bound methods, not lambdas: a result that arrives after the window is gone goes nowhere.
        task.signals.finished.connect(self._refreshed)
        task.signals.failed.connect(self._refresh_failed)
        self._task = task
        self.win.pool.start(task)

    def _ours(self, task) -> bool:
        """Whether the signal comes from `task` (not from a read of a workspace no longer shown)."""
        return task is not None and self.sender() is task.signals

    def _refresh_failed(self, message: str) -> None:
        # The views keep what they showed; the window's live feed owns telling the analyst that the
        # workspace is unreachable (and clearing it when it is back), and a change then refreshes us.
        if self._ours(self._task):
            self._task = None

    def _refreshed(self, snapshot: GroupsSnapshot) -> None:
        if not self._ours(self._task):
            return
        self._task = None
        if self._again:
            self._again = False
            self.refresh()
            return
        if self.groups.tree.state() == QAbstractItemView.State.EditingState:
            self._timer.start(500)  # a label being typed is not swept away: read again after the edit
            return
        self._show(snapshot)
        self.refreshed.emit()

    def _show(self, snapshot: GroupsSnapshot) -> None:
        from .groups_panel import warn_colour
        from .groups_present import status_text

        self.snapshot = snapshot
        self.groups.set_groups(snapshot.groups, snapshot.discrepancies)
        self.discrepancies.set_discrepancies(snapshot.discrepancies)
        n = len(snapshot.discrepancies)
        warn = warn_colour("figure", self.win.palette())
        plain = self.win.palette().color(QPalette.ColorRole.WindowText)
        self.tabs.setTabText(0, f"Groups ({len(snapshot.groups)})" if snapshot.groups else "Groups")
        self.tabs.setTabText(1, f"\u26a0 Discrepancies ({n})" if n else "Discrepancies")
        self.tabs.tabBar().setTabTextColor(1, warn if n else plain)
        self.center.setTabText(1, f"Groups and figures  \u26a0 {n}" if n else "Groups and figures")
        self.center.tabBar().setTabTextColor(1, warn if n else plain)
        self.badge.setText(status_text(n))
        self.badge.setStyleSheet(f"color: {warn_colour('figure', self.win.palette()).name()}; font-weight: 600")
        self.badge.setVisible(bool(n))
        gid = self.win.ctx.groups.resolve(self.group_id) if self.group_id is not None else None
        if self.group(gid) is None:
            gid = self.groups.groups[0].id if self.groups.groups else None
        self.show_group(gid, select=True)

    def group(self, group_id: int | None) -> GroupRecord | None:
        return next((g for g in self.snapshot.groups if g.id == group_id), None)

    def group_of_claim(self, claim_id: int) -> GroupRecord | None:
        return next((g for g in self.snapshot.groups if claim_id in g.claim_ids), None)

    # --- showing --------------------------------------------------------------------------
    def views_visible(self) -> bool:
        return self.center.currentWidget() is self.view

    def show_views(self, visible: bool | None = None) -> None:
        """Ctrl+G: the groups, discrepancies and figures (or back to the article)."""
        self._build_views()
        if visible is None:
            visible = not self.views_visible()
        self.center.setCurrentWidget(self.view if visible else self.win.pane)
        if visible:
            self.tabs.currentWidget().tree.setFocus()
        else:
            self.win.view.setFocus()

    def _tab_changed(self, _index: int) -> None:
        if self.views_visible():
            self._build_views()
        self.actions["groups_view"].setChecked(self.views_visible())

    def show_discrepancies(self) -> None:
        self._build_views()
        self.tabs.setCurrentWidget(self.discrepancies)
        self.show_views(True)

    def show_group(self, group_id: int | None, select: bool = False) -> None:
        """Make a group the one the figures view shows (and, with `select`, the groups view's selection)."""
        self.group_id = group_id
        if select and group_id is not None and self.groups.current_group_id() != group_id:
            self.groups.select(group_id, emit=False)
        if self.tabs.currentWidget() is self.suggestions:
            return  # the figures view previews the selected suggestion
        g = self.group(group_id)
        mine = [d for d in self.snapshot.discrepancies if d.group_id == group_id]
        self.figures.show_figures(self.snapshot.figures.get(group_id), mine, g.label if g else "",
                                  g.members if g else ())

    def _preview_suggestion(self, suggestion: GroupSuggestion | None) -> None:
        """The suggestion's figures in the figures view, to decide whether to accept it."""
        if self.tabs.currentWidget() is not self.suggestions:
            return
        if suggestion is None:
            self.figures.show_figures(None)
            return
        from .groups_present import suggestion_figures

        self.figures.show_figures(suggestion_figures(suggestion, self._suggested_claims), (), suggestion.label)

    def _subtab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.suggestions:
            self._preview_suggestion(self.suggestions.current())
        else:
            self.show_group(self.group_id)

    def open_claim(self, claim_id: int, show_article: bool = True) -> None:
        """Select the claim everywhere (its group, its point, the claim panel) and, with `show_article`,
        go to its article."""
        g = self.group_of_claim(claim_id)
        if g is not None:
            if g.id != self.group_id:
                self.show_group(g.id)
            self.groups.select(g.id, claim_id, emit=False)
            self.figures.select_claim(claim_id, emit=False)
        self.win.select_claim(claim_id)
        if show_article:
            self.show_views(False)

    def preview_claim(self, claim_id: int) -> None:
        """A claim selected in a view: show it in the claim panel, stay in the view."""
        self.open_claim(claim_id, show_article=False)

    def open_discrepancy(self, d: Discrepancy) -> None:
        """A discrepancy activated: its group's figures, its group open, its first report selected."""
        self.show_group(d.group_id, select=True)
        self.groups.select(d.group_id, expand=True, emit=False)
        self.open_claim(d.sides[0].reports[0].claim_id, show_article=False)

    # --- commands -------------------------------------------------------------------------
    def _error(self, exc: ClaimdeskError) -> None:
        messages.show_error(self.win, str(exc))

    def _perform(self, command) -> bool:
        try:
            perform(self.win.stack, command)
        except ClaimdeskError as exc:
            self._error(exc)
            return False
        return True

    def _selected_group(self) -> GroupRecord | None:
        """The group selected in the groups view, else the group of the current claim."""
        g = self.group(self.groups.current_group_id()) if self.views_visible() else None
        if g is None and (claim := self.win.panel.current_claim()) is not None:
            g = self.group_of_claim(claim.id)
        if g is None:
            g = self.group(self.group_id)
        if g is None:
            self.win.say("Select a group first (Ctrl+G shows the groups).")
        return g

    def same_claim(self) -> bool:
        """Ask which claims report the same as the current claim, and group them (one undoable step)."""
        claim = self.win._need_claim()
        if claim is None:
            return False
        from .dialogs import same_claim
        from .group_undo import LinkClaimsCommand
        from .groups_present import candidates

        try:
            labels = {m.claim.id: g.label for g in self.ws.groups() for m in g.members}
            items = candidates(self.ws.claims(), {a.id: a for a in self.ws.articles()}, labels, exclude=[claim.id])
        except ClaimdeskError as exc:
            self._error(exc)
            return False
        done: list[LinkClaimsCommand] = []

        def apply(choice: same_claim.SameClaimChoice) -> None:
            cmd = LinkClaimsCommand(self.win.ctx, choice.claim_ids, label=choice.label)
            perform(self.win.stack, cmd)
            done.append(cmd)

        if not same_claim.ask_same_claim(self.win, claim, items, labels.get(claim.id), apply) or not done:
            return False
        cmd = done[0]
        self.group_id = cmd.current
        self.win.say(f"{len(cmd.claim_ids)} claims marked as the same claim. Ctrl+Z undoes it.")
        return True

    def add_current(self, group_id: int) -> bool:
        """The claim selected in the article joins the group selected in the groups view."""
        claim = self.win._need_claim()
        g = self.group(group_id)
        if claim is None or g is None:
            return False
        if claim.id in g.claim_ids:
            self.win.say("The claim is in this group already.")
            return False
        other = self.group_of_claim(claim.id)
        if other is not None:
            messages.show_error(self.win, f"The claim is in the group \u201c{short(other.label, 60)}\u201d; take it "
                                          "out of that group first (Groups \u25b8 Not the same claim).")
            return False
        from .group_undo import LinkClaimsCommand

        cmd = LinkClaimsCommand(self.win.ctx, [g.claim_ids[0], claim.id],
                                text=f"Add claim to group \u201c{short(g.label, 40)}\u201d")
        if self._perform(cmd):
            self.win.say(f"Added \u201c{short(claim.text, 40)}\u201d to \u201c{short(g.label, 40)}\u201d.")
            return True
        return False

    def not_same_claim(self, claim_id: int | None = None) -> bool:
        """Take a claim (the one selected in the groups view, or the current claim) out of its group."""
        if claim_id is None:
            claim = self.win._need_claim()
            if claim is None:
                return False
            claim_id, text = claim.id, claim.text
        else:
            g = self.group_of_claim(claim_id)
            text = next((m.claim.text for m in g.members if m.claim.id == claim_id), "") if g else ""
        try:
            grouped = self.ws.group_of(claim_id)
        except ClaimdeskError as exc:
            self._error(exc)
            return False
        if grouped is None:
            self.win.say("This claim is not in a group.")
            return False
        from .group_undo import UnlinkClaimCommand

        if self._perform(UnlinkClaimCommand(self.win.ctx, claim_id, text)):
            self.win.say(f"Took \u201c{short(text, 40)}\u201d out of \u201c{short(grouped.label, 40)}\u201d; "
                         "it will not be suggested with those claims again. Ctrl+Z puts it back.")
            return True
        return False

    def dissolve(self, group_id: int) -> bool:
        g = self.group(group_id)
        if g is None:
            return False
        from .group_undo import DissolveGroupCommand

        if self._perform(DissolveGroupCommand(self.win.ctx, g.id, g.label)):
            self.win.say(f"Dissolved the group \u201c{short(g.label, 40)}\u201d. Ctrl+Z brings it back.")
            return True
        return False

    def dissolve_selected(self) -> bool:
        g = self._selected_group()
        return self.dissolve(g.id) if g is not None else False

    def rename(self, group_id: int, label: str) -> bool:
        from .group_undo import RenameGroupCommand

        if not self._perform(RenameGroupCommand(self.win.ctx, group_id, label)):
            self.refresh()  # show the label as it is
            return False
        return True

    def rename_selected(self) -> None:
        g = self._selected_group()
        if g is not None:
            self.show_views(True)
            self.groups.select(g.id, emit=False)
            self.groups.edit_label()

    def group_verdict(self, group_id: int | None = None, status: str | None = None) -> bool:
        """Ask for a verdict and rationale, and give it to every member of the group (one undoable step)."""
        from .dialogs import group_verdict
        from .group_undo import GroupVerdictCommand

        g = self.group(group_id) if group_id is not None else self._selected_group()
        if g is None:
            return False
        done = []

        def apply(chosen: str, rationale: str) -> None:
            cmd = GroupVerdictCommand(self.win.ctx, g.id, chosen, rationale, g.label, if_version=g.version)
            perform(self.win.stack, cmd)
            done.append(cmd)

        if not group_verdict.ask_group_verdict(self.win, g, status, apply) or not done:
            return False
        changed = len(done[0].previous)
        self.win.say(f"{changed} claim{'s' if changed != 1 else ''} of \u201c{short(g.label, 40)}\u201d changed verdict. "
                     "Ctrl+Z undoes it." if changed else "Every claim of the group had this verdict already.")
        return True

    # --- suggestions ----------------------------------------------------------------------
    def suggest(self) -> SuggestGroupsTask | None:
        """Look for the same claim across articles off the GUI thread; the suggestions tab lists them."""
        self.show_views(True)
        self.tabs.setCurrentWidget(self.suggestions)
        if self._suggest_task is not None:
            return self._suggest_task
        from .group_tasks import SuggestGroupsTask

        self.suggestions.set_busy()
        task = SuggestGroupsTask(self.ws)
        task.signals.finished.connect(self._suggested)
        task.signals.failed.connect(self._suggest_failed)
        self._suggest_task = task
        self.win.pool.start(task)
        return task

    def _suggested(self, result: SuggestResult) -> None:
        if not self._ours(self._suggest_task):
            return
        self._suggest_task = None
        labels = {g.id: g.label for g in self.snapshot.groups}
        self._suggested_claims = result.claims
        self.suggestions.set_suggestions(result.suggestions, result.claims, labels)
        self._preview_suggestion(self.suggestions.current())
        self.suggestions.tree.setFocus()
        self.suggested.emit()

    def _suggest_failed(self, message: str) -> None:
        if self._ours(self._suggest_task):
            self._suggest_task = None
            self.suggestions.set_suggestions([], {}, {}, searched=False)
            messages.show_error(self.win, message)

    def accept(self, suggestions: list[GroupSuggestion]) -> bool:
        if not suggestions:
            return False
        from .group_undo import AcceptSuggestionsCommand

        if not self._perform(AcceptSuggestionsCommand(self.win.ctx, suggestions)):
            return False
        for s in suggestions:
            self.suggestions.remove(s)
        n = len(suggestions)
        self.win.say(f"Accepted {n} group suggestion{'s' if n != 1 else ''}. Ctrl+Z undoes it.")
        self.suggestions.tree.setFocus()
        return True

    def dismiss(self, suggestion: GroupSuggestion) -> bool:
        from .group_undo import DismissSuggestionCommand

        if not self._perform(DismissSuggestionCommand(self.win.ctx, suggestion)):
            return False
        self.suggestions.remove(suggestion)
        self.win.say(f"Dismissed \u201c{short(suggestion.label, 40)}\u201d: these claims will not be suggested "
                     "as one again. Ctrl+Z undoes it.")
        self.suggestions.tree.setFocus()
        return True

    # --- article details ------------------------------------------------------------------
    def article_details(self) -> bool:
        from .dialogs import article_details
        from .group_undo import ArticleDetailsCommand

        summary = self.win.article
        if summary is None:
            self.win.say("Open an article first.")
            return False

        def apply(changes: dict, old: dict) -> None:
            perform(self.win.stack, ArticleDetailsCommand(self.win.ctx, summary.id, changes, old, summary.title))

        if article_details.ask_article_details(self.win, summary, apply):
            self.win.say("Saved the article's details. Ctrl+Z undoes it.")
            return True
        return False
