"""New versions of an article: import one, see what happened to the claims, re-attach orphans, read old texts.

"Import new version…" reads a file or page and calls `Workspace.revise_article` off the
GUI thread (progress, cancellable until the write starts), then says in a few lines how
many claims were found in place, moved, matched approximately ("check wording") or
orphaned, and lists the orphans. Ctrl+Shift+R re-attaches the selected claim to the
words selected in the text (undoable). The Revisions menu above the text shows an
earlier revision read-only, with a banner leading back to the current text.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtGui import QAction, QPen
from PySide6.QtWidgets import QMenu, QToolButton

from desktop_app.core.errors import ClaimdeskError

from . import theme
from .banner import Banner
from .dialogs import messages
from .dialogs.progress import close_progress, task_progress
from .present import FUZZY, ORPHANED, short
from .review_text import plural, reading_banner, revision_label, revision_summary
from .revision_undo import ReattachClaimCommand
from .undo import perform
from .workers import Task

if TYPE_CHECKING:  # annotations only: records come from the workspace; a Qt class costs ~1 ms to load
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.core.records import RevisionReport


class ReviseTask(Task):
    """Read the new version (file or web page), then make it the article's text; cancellable before the write."""

    def __init__(self, workspace, article_id: int, target: str):
        super().__init__()
        self.workspace, self.article_id, self.target = workspace, article_id, target

    def work(self) -> RevisionReport | None:
        from desktop_app.core import importers  # loaded on the worker thread

        self.signals.progress.emit(0, 2, "reading the new version")
        imported = importers.import_target(self.target)
        if self.cancelled:
            return None
        self.signals.progress.emit(1, 2, "finding the claims in the new text")
        return self.workspace.revise_article(self.article_id, imported)


class Revisions(QObject):
    revised = Signal(object)  # the RevisionReport, or None (cancelled or refused)

    def __init__(self, window):
        super().__init__(window)
        self.win = window
        self.last_summary = ""
        self.report_box: QMessageBox | None = None
        self._tasks: set[ReviseTask] = set()
        self.button = QToolButton(objectName="revisionsButton")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.button.setAutoRaise(True)
        self.button.setToolTip("Read an earlier revision of this article (read-only)")
        self.menu = QMenu(self.button)
        self.menu.setObjectName("revisionsMenu")
        self.menu.aboutToShow.connect(self.fill_menu)
        self.button.setMenu(self.menu)
        self.button.hide()
        window.pane.add_header_widget(self.button)
        self.banner = Banner("#f7d68a", "Back to the current text (Esc)", object_name="revisionBanner")
        self.banner.closeRequested.connect(self.show_current)
        window.pane.add_banner(self.banner)
        window.view.decorations.append(self._paint_doubt)
        back = QAction("Back to the current text", window.pane.old_view)
        back.setShortcut("Esc")
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(self.show_current)
        window.pane.old_view.addAction(back)

    # --- importing a new version --------------------------------------------------------
    def import_new_version(self, article_id: int | None = None) -> ReviseTask | None:
        win = self.win
        article_id = article_id if article_id is not None else (win.article.id if win.article else None)
        if article_id is None:
            win.say("Open the article that has a new version first.")
            return None
        summary = win.article_list.model.summary(article_id)
        from .dialogs import revise_dialog  # loaded when first asked for, not at every start

        target = revise_dialog.ask_new_version(win, summary.title if summary else f"article {article_id}")
        if not target:
            return None
        return self.revise(article_id, target)

    def revise(self, article_id: int, target: str) -> ReviseTask:
        win = self.win
        task = ReviseTask(win.workspace, article_id, target)
        progress = task_progress(win, "Importing the new version\u2026", "Import new version", "reviseProgress", 2,
                                 task.cancel, delay_ms=400)
        task.signals.progress.connect(lambda done, total, what: (
            progress.setValue(done), progress.setLabelText(f"Importing the new version: {what}\u2026")))
        task.signals.finished.connect(lambda report: self._finished(task, report, progress))
        task.signals.failed.connect(lambda message: self._failed(task, message, progress))
        self._tasks.add(task)
        win.pool.start(task)
        return task

    def _close(self, task: ReviseTask, progress) -> bool:
        close_progress(progress)
        self._tasks.discard(task)
        return task.workspace is self.win.workspace

    def _failed(self, task: ReviseTask, message: str, progress) -> None:
        if self._close(task, progress):
            messages.show_error(self.win, message)
            self.revised.emit(None)

    def _finished(self, task: ReviseTask, report: RevisionReport | None, progress) -> None:
        if not self._close(task, progress):
            return
        win = self.win
        if report is None:
            win.say("Import of the new version cancelled; nothing changed.")
            self.revised.emit(None)
            return
        win.open_article(report.article_id)
        title = win.article.title if win.article else ""
        self.last_summary = revision_summary(title, report.revision, report.counts)
        orphans = [r.claim_id for r in report.results if r.anchor == ORPHANED]
        if orphans:
            win.panel.show_orphans()
            win.select_claim(orphans[0])
            win.panel.tabs.setCurrentWidget(win.panel.editor)  # its note says how to re-attach it
        counts = report.counts
        win.say(f"Revision {report.revision}: {plural(counts['exact'] + counts['moved'], 'claim')} found, "
                f"{counts['fuzzy']} to check, {counts['orphaned']} orphaned.")
        head, _, details = self.last_summary.partition("\n")
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806
        box = QMessageBox(QMessageBox.Icon.Information, "New version imported", head,
                          QMessageBox.StandardButton.Ok, win)
        box.setObjectName("revisionReport")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(details.replace("\nOrphaned claims", "\n\nOrphaned claims")
                               .replace("\nCheck the approximate", "\n\nCheck the approximate"))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        self.report_box = box
        self.revised.emit(report)

    # --- re-attaching -------------------------------------------------------------------
    def reattach(self) -> bool:
        """Ctrl+Shift+R: the selected claim now marks the selected words (a fuzzy one, its own words)."""
        win = self.win
        if win.pane.reading_revision is not None:
            win.say("You are reading an earlier revision; go back to the current text (Esc) to re-attach claims.")
            return False
        claim = win.panel.current_claim()
        if claim is None:
            win.say("Select the claim to re-attach first (the Orphaned filter lists the orphans), then its words "
                    "in the article, then press Ctrl+Shift+R.")
            return False
        span = win.view.selection_range()
        if span is None:
            if claim.anchor == FUZZY:
                span = (claim.start, claim.end)  # confirming the approximate match as it is
            else:
                win.say("Select the words in the article where this claim is now, then press Ctrl+Shift+R.")
                return False
        was_orphan = claim.anchor == ORPHANED
        try:
            cmd = perform(win.stack, ReattachClaimCommand(win.ctx, claim, span[0], span[1]))
        except ClaimdeskError as exc:
            messages.show_error(win, str(exc))
            return False
        if cmd.noop:
            win.say("The claim already marks these words.")
            return True
        win.view.select_range(span[0], span[0])
        if was_orphan and win.panel.orphans_only() and not win.panel.orphan_count():
            win.panel.clear_filters()
        win.select_claim(claim.id)
        win.say(f"Re-attached \u201c{short(cmd.after.text, 40)}\u201d. Ctrl+Z puts it back.")
        return True

    def _paint_doubt(self, painter: QPainter, first: int, last: int) -> None:
        """A claim a revision matched only approximately gets a wavy line under it, as a word to check does."""
        view = self.win.view
        doubtful = [c for c in self.win.panel.claims() if c.anchor == FUZZY and c.end >= first and c.start <= last]
        if not doubtful:
            return
        painter.setPen(QPen(theme.anchor_warning(False, view.palette()), 1.3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for c in doubtful:
            for rect, below in view.text_boxes(c.start, c.end):
                path = QtGui.QPainterPath(QtCore.QPointF(rect.left(), below + 6))
                x, up = rect.left(), True
                while x < rect.right():
                    x = min(rect.right(), x + 3)
                    path.lineTo(x, below + (4 if up else 7))
                    up = not up
                painter.drawPath(path)

    # --- reading earlier revisions ------------------------------------------------------
    def article_opened(self, article_id: int) -> None:
        self.show_current()
        self.update_button()

    def update_button(self) -> None:
        article = self.win.article
        has = article is not None and article.revision > 1
        self.button.setVisible(has)
        if has:
            reading = self.win.pane.reading_revision
            self.button.setText(f"Revision {reading} of {article.revision}" if reading
                                else f"Revisions ({article.revision})")

    def fill_menu(self) -> None:
        self.menu.clear()
        article = self.win.article
        if article is None:
            return
        try:
            older = self.win.workspace.revisions(article.id)
        except ClaimdeskError as exc:
            self.menu.addAction(short(str(exc), 80)).setEnabled(False)
            return
        reading = self.win.pane.reading_revision
        group = QtGui.QActionGroup(self.menu)
        current = self.menu.addAction(revision_label(article.revision, article.imported_at, article.revision))
        current.setCheckable(True)
        current.setChecked(reading is None)
        group.addAction(current)
        current.triggered.connect(self.show_current)
        for r in reversed(older):
            action = self.menu.addAction(revision_label(r.number, r.imported_at, article.revision))
            action.setCheckable(True)
            action.setChecked(reading == r.number)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, n=r.number: self.show_revision(n))

    def show_revision(self, number: int) -> bool:
        win = self.win
        if win.article is None:
            return False
        if number == win.article.revision:
            self.show_current()
            return True
        try:
            record = win.workspace.revision_text(win.article.id, number)
        except ClaimdeskError as exc:
            messages.show_error(win, str(exc))
            return False
        suggest = getattr(win, "suggest", None)
        if suggest is not None:
            suggest.leave(quiet=True)
        win.pane.show_revision(number, record.text, record.title)
        self.banner.show_text(reading_banner(number, win.article.revision, record.imported_at))
        self.update_button()
        win.say(f"Showing revision {number}. Esc returns to the current text.")
        return True

    def show_current(self) -> None:
        if self.win.pane.reading_revision is None:
            self.banner.hide()
            return
        self.win.pane.show_current()
        self.banner.hide()
        self.update_button()
        self.win.say("Back to the current text.")
