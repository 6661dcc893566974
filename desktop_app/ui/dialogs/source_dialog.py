"""Add, re-use or edit a claim's source: the source's own details plus how this claim cites it.

The dialog hands the analyst's input to an `apply` callback; if the workspace refuses
it (no URL or citation, a malformed address, already linked) the sentence shows in the
dialog and nothing typed is lost.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import ClaimdeskError
from desktop_app.core.vocabulary import CREDIBILITY_GRADES, RELIABILITY_GRADES, Relation, SourceKind

from ..present import short, source_name

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import SourceLink, SourceRecord


@dataclass
class SourceInput:
    """What the analyst entered: an existing source to cite, or a new one, and the link's grading."""

    source_id: int | None = None
    source: dict = field(default_factory=dict)  # url, citation, title, publisher, kind, reliability, accessed
    link: dict = field(default_factory=dict)  # relation, credibility, excerpt

    def add_source_kwargs(self) -> dict:
        return {**self.source, **self.link}


def _combo(items: Sequence[tuple[str, object]], name: str) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for label, data in items:
        box.addItem(label, data)
    return box


def _select(box: QComboBox, data) -> None:
    index = box.findData(data)
    box.setCurrentIndex(max(index, 0))


class SourceDialog(QDialog):
    def __init__(self, parent: QWidget | None, sources: Sequence[SourceRecord] = (), link: SourceLink | None = None,
                 apply: Callable[[SourceInput], None] | None = None, citing: int = 0):
        super().__init__(parent)
        self.setObjectName("sourceDialog")
        self._apply = apply
        self._link = link
        self._sources = {s.id: s for s in sources}
        self.setWindowTitle("Edit source" if link else "Add source")
        layout = QVBoxLayout(self)

        self.existing = QComboBox()
        self.existing.setObjectName("existingSource")
        self.existing.setEditable(True)
        self.existing.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.existing.addItem("New source", None)
        for s in sources:
            grade = f" [{s.reliability}]" if s.reliability else ""
            self.existing.addItem(f"{short(source_name(s), 60)}{grade} \u2014 {short(s.url or s.citation or '', 50)}", s.id)
        completer = self.existing.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.existing.lineEdit().setPlaceholderText("Search the sources already in this workspace")
        self.existing.setCurrentIndex(0)
        self.existing.currentIndexChanged.connect(self._existing_chosen)

        self.url = QLineEdit(objectName="url", placeholderText="https://\u2026")
        self.citation = QLineEdit(objectName="citation", placeholderText="for a document without a web address")
        self.title = QLineEdit(objectName="title")
        self.publisher = QLineEdit(objectName="publisher")
        self.kind = _combo([(k.value.capitalize(), k.value) for k in SourceKind], "kind")
        _select(self.kind, SourceKind.other.value)
        self.reliability = _combo([("Not graded", None)] + [(f"{g} \u2014 {d}", g) for g, d in RELIABILITY_GRADES.items()],
                                  "reliability")
        self.accessed = QLineEdit(objectName="accessed", placeholderText="e.g. 2024-01-23")
        self.relation = _combo([(r.value.capitalize(), r.value) for r in Relation], "relation")
        self.credibility = _combo([("Not graded", None)] + [(f"{g} \u2014 {d}", g) for g, d in CREDIBILITY_GRADES.items()],
                                  "credibility")
        self.excerpt = QPlainTextEdit(objectName="excerpt")
        self.excerpt.setTabChangesFocus(True)
        self.excerpt.setFixedHeight(self.excerpt.fontMetrics().lineSpacing() * 3 + 12)
        self.excerpt.setPlaceholderText("The passage of the source that bears on the claim")

        src_box = QGroupBox("Source")
        src_form = QFormLayout(src_box)
        if link is None:
            src_form.addRow("Cite", self.existing)
        src_form.addRow("URL", self.url)
        src_form.addRow("or citation", self.citation)
        src_form.addRow("Title", self.title)
        src_form.addRow("Publisher", self.publisher)
        src_form.addRow("Kind", self.kind)
        src_form.addRow("Reliability", self.reliability)
        src_form.addRow("Accessed", self.accessed)
        if link is not None and citing > 1:
            shared = QLabel(f"Changes to the source apply to all {citing} claims citing it.")
            shared.setEnabled(False)
            src_form.addRow(shared)
        link_box = QGroupBox("How this claim cites it")
        link_form = QFormLayout(link_box)
        link_form.addRow("Relation", self.relation)
        link_form.addRow("Credibility", self.credibility)
        link_form.addRow("Excerpt", self.excerpt)

        self.error = QLabel(objectName="sourceError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Save" if link else "Add source")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for w in (src_box, link_box, self.error, buttons):
            layout.addWidget(w)
        if link is not None:
            self._fill_source(link.source)
            _select(self.relation, link.relation)
            _select(self.credibility, link.credibility)
            self.excerpt.setPlainText(link.excerpt or "")
        self.resize(520, self.sizeHint().height())
        (self.title if link else self.url).setFocus()

    def _fill_source(self, s: SourceRecord) -> None:
        self.url.setText(s.url or "")
        self.citation.setText(s.citation or "")
        self.title.setText(s.title or "")
        self.publisher.setText(s.publisher or "")
        _select(self.kind, s.kind)
        _select(self.reliability, s.reliability)
        self.accessed.setText(s.accessed or "")

    def _existing_chosen(self, index: int) -> None:
        source_id = self.existing.itemData(index)
        editable = source_id is None
        if source_id is not None:
            self._fill_source(self._sources[source_id])
        else:
            for w in (self.url, self.citation, self.title, self.publisher, self.accessed):
                w.clear()
        for w in (self.url, self.citation, self.title, self.publisher, self.kind, self.reliability, self.accessed):
            w.setEnabled(editable)

    def value(self) -> SourceInput:
        source_id = None if self._link else self.existing.currentData()
        def text(w):
            return w.text().strip() or None
        source = {"url": text(self.url), "citation": text(self.citation), "title": text(self.title),
                  "publisher": text(self.publisher), "kind": self.kind.currentData(),
                  "reliability": self.reliability.currentData(), "accessed": text(self.accessed)}
        link = {"relation": self.relation.currentData(), "credibility": self.credibility.currentData(),
                "excerpt": self.excerpt.toPlainText().strip()}
        return SourceInput(source_id=source_id, source=source, link=link)

    def accept(self) -> None:
        if self._apply is not None:
            try:
                self._apply(self.value())
            except ClaimdeskError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        super().accept()


def ask_source(parent: QWidget | None, sources: Sequence[SourceRecord], apply: Callable[[SourceInput], None],
               link: SourceLink | None = None, citing: int = 0) -> bool:
    """Show the source dialog; `apply` saves what was entered. True if something was saved."""
    return SourceDialog(parent, sources, link, apply, citing).exec() == QDialog.DialogCode.Accepted
