"""A verdict for a whole group: which one, and why (the rationale goes into every member's history)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import taxonomy
from desktop_app.core.errors import ClaimdeskError
from desktop_app.core.groups import GroupRecord

from .. import theme
from ..groups_present import claim_figure, date_text, member_sort_key, outlet_text
from ..present import short, status_label
from .rationale import _ReasonEdit


class GroupVerdictDialog(QDialog):
    def __init__(self, parent: QWidget | None, group: GroupRecord, status: str | None = None,
                 apply: Callable[[str, str], None] | None = None):
        super().__init__(parent)
        self.setObjectName("groupVerdictDialog")
        self.setWindowTitle("Group verdict")
        self.group, self._apply = group, apply
        n = len(group.members)
        question = QLabel(f"One verdict for all {n} claims of \u201c{short(group.label, 80)}\u201d")
        question.setStyleSheet("font-weight: 600")
        question.setWordWrap(True)
        members = QTreeWidget(objectName="groupVerdictMembers")
        members.setHeaderLabels(["Outlet", "Date", "Claim", "Now"])
        members.setRootIsDecorated(False)
        members.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        members.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for m in sorted(group.members, key=member_sort_key):
            figure = claim_figure(m.claim)
            item = QTreeWidgetItem([outlet_text(m.outlet, m.article_title, m.claim.article_id), date_text(m.published),
                                    short(m.claim.text, 90) + (f"  ({figure})" if figure else ""),
                                    status_label(m.claim.status)])
            item.setIcon(3, theme.status_icon(m.claim.status))
            members.addTopLevelItem(item)
        header = members.header()
        for col in (0, 1, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        members.setMaximumHeight(members.sizeHintForRow(0) * min(n, 7) + members.header().sizeHint().height() + 6)
        self.status = QComboBox(objectName="groupVerdictStatus")
        for name, term in taxonomy.statuses().items():
            self.status.addItem(theme.status_icon(name), term.label, name)
        if status is not None:
            self.status.setCurrentIndex(max(0, self.status.findData(status)))
        elif group.status != "mixed":
            self.status.setCurrentIndex(max(0, self.status.findData(group.status)))
        self.reason = _ReasonEdit()
        self.reason.setObjectName("groupRationale")
        self.reason.setPlaceholderText("Why? The rationale goes into each claim's history "
                                       "(Enter to save, Shift+Enter for a new line)")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        self.error = QLabel(objectName="groupVerdictError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status.currentIndexChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        why = QLabel("Why? (goes into each claim's history)")
        for w in (question, members, QLabel("Verdict:"), self.status, why, self.reason, self.error, self.buttons):
            layout.addWidget(w)
        self._update_ok()
        self.resize(620, self.sizeHint().height())
        self.reason.setFocus()

    def _update_ok(self, *_args) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            f"Mark {len(self.group.members)} claims {status_label(self.status.currentData()).lower()}")

    def value(self) -> tuple[str, str]:
        return self.status.currentData(), self.reason.toPlainText().strip()

    def accept(self) -> None:
        if self._apply is not None:
            try:
                self._apply(*self.value())
            except ClaimdeskError as exc:
                self.error.setText(str(exc))
                self.error.show()
                return
        super().accept()


def ask_group_verdict(parent: QWidget | None, group: GroupRecord, status: str | None,
                      apply: Callable[[str, str], None]) -> bool:
    """Ask which verdict and why; `apply(status, rationale)` sets it. True if it was set."""
    return GroupVerdictDialog(parent, group, status, apply).exec() == QDialog.DialogCode.Accepted
