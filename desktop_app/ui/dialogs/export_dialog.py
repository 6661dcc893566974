"""Export a briefing: the format, the articles, what to include, and where; written off the GUI thread."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QThreadPool, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import exporters, taxonomy
from desktop_app.core.exporters import ExportOptions

from ..present import short
from ..workers import ExportTask
from . import prompts

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ArticleSummary

def _suffix(fmt: str) -> str:
    return next((f.suffix for f in exporters.formats() if f.name == fmt), f".{fmt}")


class ExportDialog(QDialog):
    exported = Signal(str)  # the path written

    def __init__(self, parent: QWidget | None, workspace, pool: QThreadPool, articles: list[ArticleSummary],
                 selected: list[int] | None = None, folder: str | None = None, organisation: str | None = None):
        super().__init__(parent)
        self.organisation = organisation or None  # the analyst's, from Preferences
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export briefing")
        self.workspace, self.pool = workspace, pool
        self.task: ExportTask | None = None
        self._folder = Path(folder or Path.home())
        layout = QVBoxLayout(self)

        self.format = QComboBox(objectName="format")
        for fmt in exporters.formats():
            self.format.addItem(fmt.label, fmt.name)
        docx = self.format.findData("docx")
        if docx >= 0:
            self.format.setCurrentIndex(docx)
        self.format.currentIndexChanged.connect(self._format_changed)

        self.articles = QListWidget(objectName="articles")
        chosen = set(selected or [])
        for a in articles:
            item = QListWidgetItem(f"{short(a.title, 70)}  ({a.claim_count} claims)")
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if a.id in chosen else Qt.CheckState.Unchecked)
            self.articles.addItem(item)
        self.articles.setMinimumHeight(110)

        self.title = QLineEdit(objectName="title")
        first = next((a for a in articles if a.id in chosen), None)
        self.title.setPlaceholderText(f"Briefing: {short(first.title, 50)}" if first else "Briefing")
        self.handling = QLineEdit(objectName="handling", placeholderText="e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY")
        self.statuses: dict[str, QCheckBox] = {}
        status_row = QGridLayout()
        for n, (name, term) in enumerate(taxonomy.statuses().items()):
            box = QCheckBox(term.label, objectName=f"status_{name}")
            box.setChecked(True)
            self.statuses[name] = box
            status_row.addWidget(box, n // 3, n % 3)
        self.full_text = QCheckBox("The articles' full text, with the claims highlighted", objectName="fullText")
        self.full_text.setChecked(True)
        self.comments = QCheckBox("A comment on each claim (type, verdict, sources, note)", objectName="comments")
        self.comments.setChecked(True)

        self.path = QLineEdit(objectName="path")
        choose = QPushButton("Choose\u2026")
        choose.clicked.connect(self._choose)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(choose)

        options = QGroupBox("Include")
        form = QFormLayout(options)
        form.addRow("Verdicts", status_row)
        form.addRow(self.full_text)
        form.addRow(self.comments)
        top = QFormLayout()
        top.addRow("Format", self.format)
        top.addRow("Title", self.title)
        top.addRow("Handling", self.handling)
        top.addRow("Save as", path_row)

        self.progress = QProgressBar(objectName="progress")
        self.progress.hide()
        self.message = QLabel(objectName="message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self._close_or_cancel)

        layout.addLayout(top)
        layout.addWidget(QLabel("Articles"))
        layout.addWidget(self.articles, 1)
        layout.addWidget(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._format_changed()
        self.resize(580, 600)

    # --- choices ------------------------------------------------------------------------
    def fmt(self) -> str:
        return self.format.currentData()

    def article_ids(self) -> list[int]:
        out = []
        for i in range(self.articles.count()):
            item = self.articles.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def options(self) -> ExportOptions:
        chosen = tuple(name for name, box in self.statuses.items() if box.isChecked())
        return ExportOptions(title=self.title.text().strip() or self.title.placeholderText() or None,
                             statuses=None if len(chosen) == len(self.statuses) else chosen,
                             full_text=self.full_text.isChecked(), comments=self.comments.isChecked(),
                             handling=self.handling.text().strip() or None, analyst=self.workspace.analyst,
                             organisation=self.organisation)

    def _format_changed(self) -> None:
        suffix = _suffix(self.fmt() or "json")
        current = self.path.text().strip()
        if not current:
            self.path.setText(str(self._folder / f"briefing{suffix}"))
        else:
            self.path.setText(str(Path(current).with_suffix(suffix)))
        self.comments.setEnabled(self.fmt() == "docx")

    def _choose(self) -> None:
        suffix = _suffix(self.fmt())
        path = prompts.ask_save_path(self, "Export briefing", self.path.text(), suffix)
        if path:
            self.path.setText(path)

    # --- running ------------------------------------------------------------------------
    def start(self) -> None:
        ids = self.article_ids()
        path = self.path.text().strip()
        if not ids:
            self._say("Choose at least one article to export.")
            return
        if not path:
            self._say("Say where to save the briefing.")
            return
        self.task = ExportTask(self.workspace, ids, self.fmt(), path, self.options())
        self.task.signals.progress.connect(self._progress)
        self.task.signals.finished.connect(self._finished)
        self.task.signals.failed.connect(self._failed)
        self.export_button.setEnabled(False)
        self.close_button.setText("Cancel" if self.task.can_cancel else "Close")
        self.close_button.setEnabled(self.task.can_cancel)
        self.progress.setRange(0, 0)  # busy until the exporter reports progress
        self.progress.show()
        self._say("Exporting\u2026")
        self.pool.start(self.task)

    def _progress(self, done: int, total: int, what: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if what:
            self._say(f"Exporting {what}\u2026")

    def _done(self) -> None:
        self.task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.close_button.setText("Close")

    def _finished(self, path) -> None:
        self._done()
        self._say(f"Wrote {path}")
        self.exported.emit(str(path))

    def _failed(self, message: str) -> None:
        self._done()
        self._say(message)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _close_or_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self._say("Cancelling\u2026")
            return
        self.reject()
