"""Undoable accept and reject of suggested claims (redo() one Workspace call, undo() its inverse).

Accepting makes claims; its undo deletes them (each delete in the claim's history,
as undoing a tag does) and redo restores them as they were. Rejecting records the
rejections; its undo is `Workspace.unreject_suggestions`, so the candidates are
offered again.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop_app.core.errors import NotFound

from .present import short, type_label
from .undo import UNDO, WorkspaceCommand

if TYPE_CHECKING:  # the detector (and the database layer under it) loads when suggestions are asked for
    from desktop_app.core.detect import Suggestion
    from desktop_app.core.records import ClaimRecord


def _what(items: Sequence[Suggestion], verb: str) -> str:
    if len(items) == 1:
        return f"{verb} suggestion \u201c{short(items[0].text, 40)}\u201d"
    types = {s.type for s in items}
    kind = f" {type_label(types.pop()).lower()}" if len(types) == 1 else ""
    return f"{verb} {len(items)}{kind} suggestions"


class AcceptSuggestionsCommand(WorkspaceCommand):
    def __init__(self, ctx, article_id: int, suggestions: Sequence[Suggestion]):
        super().__init__(ctx, _what(suggestions, "Accept"))
        self.article_id, self.suggestions = article_id, list(suggestions)
        self.claims: list[ClaimRecord] = []  # as made (their ids are followed through ctx.claims)
        self.deleted: list[ClaimRecord] = []
        self.noop = False

    def first(self) -> None:
        self.claims = self.ctx.ws.accept_suggestions(self.article_id, self.suggestions)
        self.noop = not self.claims

    def do_undo(self) -> None:
        self.deleted = []
        for claim in self.claims:
            try:
                self.deleted.append(self.ctx.ws.delete_claim(self.ctx.claims.resolve(claim.id), rationale=UNDO))
            except NotFound:  # someone else deleted it meanwhile: nothing left to take back
                continue

    def do_redo(self) -> None:
        for record in self.deleted:
            restored = self.ctx.ws.restore_claim(record, rationale="redo")
            self.ctx.claims.moved(record.id, restored.id)
            self.ctx.relink(record, restored)
        self.deleted = []


class RejectSuggestionsCommand(WorkspaceCommand):
    def __init__(self, ctx, article_id: int, suggestions: Sequence[Suggestion]):
        super().__init__(ctx, _what(suggestions, "Reject"))
        self.article_id, self.suggestions = article_id, list(suggestions)
        self.noop = False

    def first(self) -> None:
        self.noop = self.ctx.ws.reject_suggestions(self.article_id, self.suggestions) == 0

    def do_undo(self) -> None:
        self.ctx.ws.unreject_suggestions(self.article_id, self.suggestions)

    def do_redo(self) -> None:
        self.ctx.ws.reject_suggestions(self.article_id, self.suggestions)
