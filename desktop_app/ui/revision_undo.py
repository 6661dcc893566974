"""Undoable re-attach of a claim to words the analyst selected (after a revision orphaned it or matched it
approximately). Undo puts the claim back where it was, orphaned or fuzzy, with `Workspace.restore_place`;
both directions check first that nobody moved the claim since, as UpdateClaimCommand does."""
from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.core.errors import StaleVersion

from .present import short
from .undo import UNDO, WorkspaceCommand

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord


def _place(c: ClaimRecord) -> tuple:
    return c.start, c.end, c.text, c.anchor


class ReattachClaimCommand(WorkspaceCommand):
    def __init__(self, ctx, claim: ClaimRecord, start: int, end: int, rationale: str = ""):
        super().__init__(ctx, f"Re-attach claim \u201c{short(claim.text, 40)}\u201d")
        self.before, self.start, self.end, self.rationale = claim, start, end, rationale
        self.after: ClaimRecord | None = None
        self.noop = False

    def first(self) -> None:
        self.after = self.ctx.ws.reattach_claim(self.before.id, self.start, self.end, self.rationale,
                                                if_version=self.before.version)
        self.noop = self.after.version == self.before.version  # already there: nothing to undo

    def _current(self, expected: ClaimRecord) -> ClaimRecord:
        claim_id = self.ctx.claims.resolve(self.before.id)
        current = self.ctx.ws.claim(claim_id)
        if _place(current) != _place(expected):
            raise StaleVersion(f"claim {claim_id} was moved by {current.updated_by} since; their change is kept.",
                               current_version=current.version)
        return current

    def do_undo(self) -> None:
        current = self._current(self.after)
        self.ctx.ws.restore_place(current.id, self.before, UNDO, if_version=current.version)
        self.ctx.focus(current.id)

    def do_redo(self) -> None:
        current = self._current(self.before)
        self.after = self.ctx.ws.reattach_claim(current.id, self.start, self.end, "redo", if_version=current.version)
        self.ctx.focus(current.id)
