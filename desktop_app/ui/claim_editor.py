"""The selected claim's type, verdict, structured fields and note.

Edits are saved as soon as a field is left (autosave, like the rest of the app), as
one request carrying the version the editor showed, so a save over someone else's
newer change is refused instead of overwriting it. While the analyst is typing in a
field, a refresh from elsewhere does not clobber what they typed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import taxonomy
from desktop_app.core.vocabulary import CASUALTY_CATEGORIES, FIELDS_BY_TYPE

from . import theme
from .present import FIELD_LABELS, FUZZY, ORPHANED, QUALIFIERS, short, when_text

if TYPE_CHECKING:  # annotations only: records come from the workspace; a Qt class costs ~1 ms to load
    from PySide6.QtGui import QFocusEvent, QKeyEvent

    from desktop_app.core.records import ClaimRecord


class NoteEdit(QPlainTextEdit):
    """The claim's note; saved when the analyst leaves it or presses Ctrl+Enter."""

    committed = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.committed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.committed.emit()
            return
        super().keyPressEvent(event)


def _text(value) -> str:
    return "" if value is None else str(value)


class ClaimEditor(QWidget):
    changeRequested = Signal(int, dict, int)  # claim id, changes, version shown
    statusRequested = Signal(int, str, int)  # claim id, new status, version shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("claimEditor")
        self.record: ClaimRecord | None = None
        self._saving = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)

        self.quote = QLabel(objectName="claimQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        qf = theme.reading_font(self.font().pointSizeF() * 1.08)
        qf.setItalic(True)
        self.quote.setFont(qf)
        self.meta = QLabel(objectName="claimMeta")
        self.meta.setForegroundRole(self.meta.foregroundRole())
        self.meta.setEnabled(False)
        self.orphaned = QLabel("\u26a0 Orphaned: a new revision of the article no longer has these words. "
                               "The claim is kept. To re-attach it, select its words in the article and press "
                               "Ctrl+Shift+R.", objectName="orphanedNote")
        self.orphaned.setWordWrap(True)
        self.orphaned.hide()
        self.fuzzy = QLabel("\u2248 Check wording: a new revision matched this claim approximately. If the "
                            "highlighted words are right, press Ctrl+Shift+R to confirm them; otherwise select "
                            "the right words first.", objectName="fuzzyNote")
        self.fuzzy.setWordWrap(True)
        self.fuzzy.hide()
        for note, colour in ((self.orphaned, theme.anchor_warning(True)), (self.fuzzy, theme.anchor_warning(False))):
            pal = note.palette()
            pal.setColor(note.foregroundRole(), colour)
            note.setPalette(pal)

        self.type = QComboBox(objectName="claimType")
        for name, term in taxonomy.types().items():
            self.type.addItem(theme.type_icon(name), term.label, name)
        self.status = QComboBox(objectName="claimStatus")
        for name, term in taxonomy.statuses().items():
            self.status.addItem(theme.status_icon(name), f"{term.label}", name)
            self.status.setItemData(self.status.count() - 1, term.shortcut, Qt.ItemDataRole.ToolTipRole)

        self.fields: dict[str, QWidget] = {
            "count": QLineEdit(objectName="field_count"),
            "qualifier": QComboBox(objectName="field_qualifier"),
            "category": QComboBox(objectName="field_category"),
            "who": QLineEdit(objectName="field_who", placeholderText="e.g. US soldiers"),
            "speaker": QLineEdit(objectName="field_speaker", placeholderText="who said it"),
            "attributed_to": QLineEdit(objectName="field_attributed_to", placeholderText="e.g. Iraqi security sources"),
        }
        self.fields["count"].setValidator(QIntValidator(0, 2_000_000_000, self))
        self.fields["count"].setPlaceholderText("a whole number")
        for key, values in (("qualifier", QUALIFIERS), ("category", CASUALTY_CATEGORIES)):
            box = self.fields[key]
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItem("")
            box.addItems(values)
            box.activated.connect(lambda _i, k=key: self._commit_field(k))
            box.lineEdit().editingFinished.connect(lambda k=key: self._commit_field(k))
        for key in ("count", "who", "speaker", "attributed_to"):
            self.fields[key].editingFinished.connect(lambda k=key: self._commit_field(k))

        self.note = NoteEdit(objectName="claimNote")
        self.note.setPlaceholderText("Note: what to check, who to call, why the verdict (saved when you leave the box)")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 3 + 14)
        self.note.committed.connect(lambda: self._commit("note", self.note.toPlainText()))

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.addRow("Type", self.type)
        self.form.addRow("Verdict", self.status)
        for key, widget in self.fields.items():
            self.form.addRow(FIELD_LABELS[key], widget)
        self.form.addRow("Note", self.note)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.setSpacing(8)
        page_layout.addWidget(self.quote)
        page_layout.addWidget(self.meta)
        page_layout.addWidget(self.orphaned)
        page_layout.addWidget(self.fuzzy)
        page_layout.addWidget(line)
        page_layout.addLayout(self.form)
        page_layout.addStretch(1)

        self.empty = QLabel("Select a claim in the table or the text.\n\nTo make one, select words in the "
                            "article and press Ctrl+1 to Ctrl+6.", objectName="editorEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(page)
        layout.addWidget(self.pages)

        self.type.activated.connect(self._type_chosen)
        self.status.activated.connect(self._status_chosen)
        self.set_claim(None)

    # --- showing --------------------------------------------------------------------------
    def _editors(self) -> list[QWidget]:
        return [self.type, self.status, *self.fields.values(), self.note]

    def _field_value(self, key: str) -> str:
        w = self.fields[key]
        return (w.currentText() if isinstance(w, QComboBox) else w.text()).strip()

    def dirty(self, against: ClaimRecord | None = None) -> dict:
        """What the analyst typed that differs from the shown claim (or from `against`)."""
        record = against or self.record
        if record is None:
            return {}
        out: dict = {}
        fields = {k: self._field_value(k) for k in FIELDS_BY_TYPE.get(record.type, ())
                  if self._field_value(k) != _text(record.all_fields.get(k))}
        if fields:
            out["fields"] = fields
        if self.note.toPlainText() != record.note:
            out["note"] = self.note.toPlainText()
        return out

    def set_claim(self, record: ClaimRecord | None, force: bool = False) -> None:
        """Show a claim; a newer version of the same claim leaves unsaved typing alone (unless forced)."""
        if (not force and record is not None and self.record is not None and record.id == self.record.id
                and self.dirty() and self.dirty(record) and self.isAncestorOf(self.focusWidget())):
            return  # keep what they are typing; the save will meet the newer version as a conflict
        self.record = record
        self.pages.setCurrentIndex(0 if record is None else 1)
        if record is None:
            return
        self.quote.setText(f"\u201c{short(record.text, 400)}\u201d")
        changed = (f" \u00b7 changed by {record.updated_by} {when_text(record.updated_at)}"
                   if record.updated_by and record.version > 1 else "")
        self.meta.setText(f"Claim #{record.id} \u00b7 by {record.analyst} {when_text(record.created_at)}{changed}"
                          f" \u00b7 v{record.version}")
        self.orphaned.setVisible(record.anchor == ORPHANED)
        self.fuzzy.setVisible(record.anchor == FUZZY)
        self.type.setCurrentIndex(max(0, self.type.findData(record.type)))
        self.status.setCurrentIndex(max(0, self.status.findData(record.status)))
        shown = set(FIELDS_BY_TYPE.get(record.type, ()))
        for key, widget in self.fields.items():
            value = _text(record.all_fields.get(key))
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            else:
                widget.setText(value)
            self.form.setRowVisible(widget, key in shown)
        category = self.fields["category"]
        category.setToolTip("killed, injured, missing, abducted or displaced" if record.type == "casualty"
                            else "what is counted, e.g. attacks, troops, facilities")
        if self.note.toPlainText() != record.note:
            self.note.setPlainText(record.note)

    # --- saving ---------------------------------------------------------------------------
    def _request(self, changes: dict) -> None:
        """Ask for one save; a save that moves the focus (a dialog) does not trigger another."""
        r = self.record
        if r is None or self._saving:
            return
        self._saving = True
        try:
            self.changeRequested.emit(r.id, changes, r.version)
        finally:
            self._saving = False

    def _commit(self, key: str, value) -> None:
        if self.record is not None and key == "note" and value != self.record.note:
            self._request({"note": value})

    def _commit_field(self, key: str) -> None:
        r = self.record
        if r is None or key not in FIELDS_BY_TYPE.get(r.type, ()):
            return
        value = self._field_value(key)
        if value != _text(r.all_fields.get(key)):
            self._request({"fields": {key: value or None}})

    def commit_pending(self) -> None:
        """Save whatever was typed but not yet left (before another claim is shown)."""
        if self.record is None:
            return
        pending = self.dirty()
        if pending:
            if "fields" in pending:
                pending["fields"] = {k: (v or None) for k, v in pending["fields"].items()}
            self._request(pending)

    def _type_chosen(self, index: int) -> None:
        r = self.record
        name = self.type.itemData(index)
        if r is not None and name != r.type:
            self.changeRequested.emit(r.id, {"type": name}, r.version)

    def _status_chosen(self, index: int) -> None:
        r = self.record
        name = self.status.itemData(index)
        if r is not None and name != r.status:
            self.statusRequested.emit(r.id, name, r.version)

    def revert(self) -> None:
        """Show the saved values again (after a cancelled or refused change)."""
        self.set_claim(self.record, force=True)

    def focus_first(self) -> None:
        self.type.setFocus()
