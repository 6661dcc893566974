"""What the analyst's commands do: small functions that run an undoable Workspace call,
ask what they need to ask, and turn a refusal into one sentence (Anki's operations).

Prompts are looked up on their modules at call time (`rationale.ask_rationale`, ...)
so tests can answer them; the modules load on the first prompt, not at every start.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.core.errors import ClaimdeskError, StaleVersion

from .dialogs import messages
from .present import FIELD_LABELS, short, status_label, type_label
from .undo import (
    AddClaimCommand,
    AddSourceCommand,
    DeleteClaimCommand,
    LinkSourceCommand,
    UndoContext,
    UnlinkSourceCommand,
    UpdateClaimCommand,
    UpdateLinkCommand,
    UpdateSourceCommand,
    perform,
    perform_all,
)

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord, SourceLink


def _shown(key: str, value) -> str:
    if value is None or value == "":
        return "(empty)"
    if key == "type":
        return type_label(str(value))
    if key == "status":
        return status_label(str(value))
    return str(value)


def conflict_rows(changes: dict, current: dict) -> list[tuple[str, str, str]]:
    """(field, yours, theirs) for each value the analyst tried to save."""
    rows = []
    for key, mine in changes.items():
        if key == "fields":
            theirs = current.get("fields", {}) or {}
            for k, v in mine.items():
                rows.append((FIELD_LABELS.get(k, k), _shown(k, v), _shown(k, theirs.get(k))))
        else:
            label = {"status": "Verdict", "type": "Type", "note": "Note"}.get(key, key)
            rows.append((label, _shown(key, mine), _shown(key, current.get(key))))
    return rows


class Operations:
    def __init__(self, parent: QWidget, ctx: UndoContext, stack: QUndoStack, say: Callable[[str], None],
                 reload: Callable[[int], None] = lambda claim_id: None):
        self.parent, self.ctx, self.stack, self.say, self.reload = parent, ctx, stack, say, reload

    @property
    def ws(self):
        return self.ctx.ws

    def _error(self, exc: ClaimdeskError) -> None:
        messages.show_error(self.parent, str(exc))

    # --- claims ---------------------------------------------------------------------------
    def tag(self, article_id: int, start: int, end: int, claim_type: str, text: str) -> int | None:
        cmd = AddClaimCommand(self.ctx, article_id, claim_type, start, end, text=text)
        try:
            perform(self.stack, cmd)
        except ClaimdeskError as exc:
            self._error(exc)
            return None
        self.say(f"Tagged as {type_label(claim_type).lower()}. Ctrl+Alt+V/D/F/N/U sets its verdict.")
        return cmd.claim_id

    def set_status(self, claim: ClaimRecord, status: str, version: int | None = None) -> bool:
        if claim.status == status:
            self.say(f"The claim is already {status_label(status).lower()}.")
            return False
        from .dialogs import rationale

        reason = rationale.ask_rationale(self.parent, claim.text, status)
        if reason is None:
            return False
        return self.update(claim.id, {"status": status}, claim.version if version is None else version, reason)

    def update(self, claim_id: int, changes: dict, version: int | None, reason: str = "", _tries: int = 3) -> bool:
        """Save changes to a claim; if someone else saved it first, show both and let the analyst choose."""
        cmd = UpdateClaimCommand(self.ctx, claim_id, changes, reason, if_version=version)
        try:
            perform(self.stack, cmd)
            return True
        except StaleVersion as exc:
            from .dialogs import conflict

            choice = conflict.resolve_conflict(self.parent, str(exc), conflict_rows(changes, exc.current),
                                               exc.changed_by or "")
            if choice == conflict.MINE and _tries > 1:
                return self.update(claim_id, changes, exc.current_version, reason, _tries - 1)
            self.reload(claim_id)
            self.say("Kept the other analyst's change.")
            return False
        except ClaimdeskError as exc:
            self._error(exc)
            return False

    def delete(self, claim: ClaimRecord) -> bool:
        try:
            perform(self.stack, DeleteClaimCommand(self.ctx, claim.id, claim.text, if_version=claim.version))
        except ClaimdeskError as exc:
            self._error(exc)
            return False
        self.say(f"Deleted \u201c{short(claim.text, 40)}\u201d. Ctrl+Z brings it back.")
        return True

    # --- sources --------------------------------------------------------------------------
    def add_source(self, claim: ClaimRecord) -> bool:
        from .dialogs import source_dialog

        def apply(value: source_dialog.SourceInput) -> None:
            if value.source_id is not None:
                src = next((s for s in sources if s.id == value.source_id), None)
                label = (src.title or src.url or src.citation) if src else ""
                perform(self.stack, LinkSourceCommand(self.ctx, claim.id, value.source_id, label, **value.link))
            else:
                perform(self.stack, AddSourceCommand(self.ctx, claim.id, value.add_source_kwargs()))

        try:
            sources = self.ws.sources()
        except ClaimdeskError as exc:
            self._error(exc)
            return False
        return source_dialog.ask_source(self.parent, sources, apply)

    def edit_source(self, claim: ClaimRecord, link: SourceLink) -> bool:
        from .dialogs import source_dialog

        def apply(value: source_dialog.SourceInput) -> None:
            commands = []
            src_changes = {k: v for k, v in value.source.items() if getattr(link.source, k) != v}
            link_changes = {k: v for k, v in value.link.items() if getattr(link, k) != v}
            if src_changes:
                commands.append(UpdateSourceCommand(self.ctx, link.source, src_changes, claim.id))
            if link_changes:
                commands.append(UpdateLinkCommand(self.ctx, link, link_changes))
            perform_all(self.stack, "Edit source", commands)

        try:
            citing = len(self.ws.claims_citing(link.source.id))
        except ClaimdeskError:
            citing = 0
        return source_dialog.ask_source(self.parent, (), apply, link=link, citing=citing)

    def remove_source(self, link: SourceLink) -> bool:
        label = link.source.title or link.source.url or link.source.citation or ""
        try:
            perform(self.stack, UnlinkSourceCommand(self.ctx, link.evidence_id, label))
        except ClaimdeskError as exc:
            self._error(exc)
            return False
        self.say(f"Removed the source {short(label, 40)} from the claim. Ctrl+Z puts it back.")
        return True
