"""Undoable edits: each QUndoCommand's redo() calls one Workspace method, undo() its inverse.

As in orange-canvas-core, a command keeps what it needs to restore the state (the
deleted claim's record, the old values). Undo and redo are Workspace actions like
any other, so the claim's history records them too.

Undo and redo tell the window which claim they changed (`ctx.focus`), so the analyst
sees it; a first run does not move the selection (the analyst is already there, or
moving on). The first redo happens in `perform()`, before the command is pushed, so a refusal
(a ClaimdeskError) reaches the caller and nothing lands on the stack. A later undo
or redo that the workspace refuses (someone else changed the claim meanwhile) is
reported and the command removed from the stack (made obsolete), never half-done.

Deleting and restoring a claim gives it a new id; `IdMap` follows the chain so an
older command on the stack still targets the right claim (the same for source links).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand, QUndoStack

from desktop_app.core.errors import ClaimdeskError, StaleVersion

from .present import short, status_label, type_label

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord, SourceLink

UNDO = "undo"


class IdMap:
    """Where a claim (or source link) that was deleted and brought back lives now."""

    def __init__(self):
        self._moved: dict[int, int] = {}

    def moved(self, old: int, new: int) -> None:
        if old != new:
            self._moved[old] = new

    def resolve(self, ident: int) -> int:
        seen = set()
        while ident in self._moved and ident not in seen:
            seen.add(ident)
            ident = self._moved[ident]
        return ident


class UndoContext:
    """What the commands share: the workspace, the id maps, and how to tell the window."""

    def __init__(self, workspace, report: Callable[[str], None] = lambda m: None,
                 focus: Callable[[int], None] = lambda claim_id: None):
        self.ws = workspace
        self.claims = IdMap()
        self.links = IdMap()
        self.groups = IdMap()  # a claim group dissolved and made again has a new id
        self.sources = IdMap()  # a source taken away by an undo and made again by its redo has a new id
        self.report = report
        self.focus = focus

    def relink(self, before: ClaimRecord, after: ClaimRecord) -> None:
        """A restored claim's source links have new ids: map the old ones onto them."""
        new_by_source = {link.source.id: link.evidence_id for link in after.sources}
        for link in before.sources:
            source_id = self.sources.resolve(link.source.id)
            if source_id in new_by_source:
                self.links.moved(link.evidence_id, new_by_source[source_id])


class WorkspaceCommand(QUndoCommand):
    def __init__(self, ctx: UndoContext, text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.ctx = ctx
        self._skip_redo = False

    # subclasses implement these three
    def first(self) -> None:
        raise NotImplementedError

    def do_undo(self) -> None:
        raise NotImplementedError

    def do_redo(self) -> None:
        raise NotImplementedError

    def run_first(self) -> None:
        self.first()
        self._skip_redo = True

    def redo(self) -> None:
        if self._skip_redo:  # QUndoStack.push() calls redo(); perform() already did it
            self._skip_redo = False
            return
        self._guard(self.do_redo)

    def undo(self) -> None:
        self._guard(self.do_undo)

    def _guard(self, fn) -> None:
        try:
            fn()
        except ClaimdeskError as exc:
            self.setObsolete(True)
            self.ctx.report(f"Could not {self.text()[:1].lower()}{self.text()[1:]}: {exc}")


def perform(stack: QUndoStack, command: WorkspaceCommand) -> WorkspaceCommand:
    """Do the command now (raising ClaimdeskError if refused), then put it on the undo stack."""
    command.run_first()
    if not getattr(command, "noop", False):
        stack.push(command)
    return command


def perform_all(stack: QUndoStack, text: str, commands: list[WorkspaceCommand]) -> None:
    """Several commands as one undo step; stops at the first refusal, undoing what was done."""
    done = []
    try:
        for cmd in commands:
            cmd.run_first()
            done.append(cmd)
    except ClaimdeskError:
        for cmd in reversed(done):
            cmd._skip_redo = False
            cmd.undo()
        raise
    if not done:
        return
    if len(done) == 1:
        stack.push(done[0])
        return
    stack.beginMacro(text)
    for cmd in done:
        stack.push(cmd)
    stack.endMacro()


# --- claims ---------------------------------------------------------------------------------

class AddClaimCommand(WorkspaceCommand):
    def __init__(self, ctx, article_id: int, type: str, start: int, end: int, text: str = "",
                 fields: dict | None = None):
        super().__init__(ctx, f"Tag \u201c{short(text, 40)}\u201d as {type_label(type).lower()}")
        self.article_id, self.type, self.start, self.end, self.fields = article_id, type, start, end, fields
        self.claim_id: int | None = None
        self.deleted: ClaimRecord | None = None

    def first(self) -> None:
        record = self.ctx.ws.add_claim(self.article_id, self.type, start=self.start, end=self.end,
                                       fields=self.fields)
        self.claim_id = record.id
        self.ctx.focus(record.id)

    def do_undo(self) -> None:
        self.deleted = self.ctx.ws.delete_claim(self.ctx.claims.resolve(self.claim_id), rationale=UNDO)

    def do_redo(self) -> None:
        restored = self.ctx.ws.restore_claim(self.deleted, rationale="redo")
        self.ctx.claims.moved(self.deleted.id, restored.id)
        self.ctx.relink(self.deleted, restored)
        self.ctx.focus(restored.id)


class DeleteClaimCommand(WorkspaceCommand):
    def __init__(self, ctx, claim_id: int, text: str = "", if_version: int | None = None):
        super().__init__(ctx, f"Delete claim \u201c{short(text, 40)}\u201d")
        self.claim_id, self.if_version = claim_id, if_version
        self.record: ClaimRecord | None = None

    def first(self) -> None:
        self.record = self.ctx.ws.delete_claim(self.claim_id, if_version=self.if_version)

    def do_undo(self) -> None:
        restored = self.ctx.ws.restore_claim(self.record, rationale=UNDO)
        self.ctx.claims.moved(self.record.id, restored.id)
        self.ctx.relink(self.record, restored)
        self.ctx.focus(restored.id)

    def do_redo(self) -> None:
        self.record = self.ctx.ws.delete_claim(self.ctx.claims.resolve(self.claim_id), rationale="redo")


def _values(record: ClaimRecord, changes: dict) -> dict:
    """The current values of the keys in `changes` (type, status, note, fields)."""
    out = {}
    for key, value in changes.items():
        if key == "fields":
            out["fields"] = {k: record.all_fields.get(k) for k in value}
        else:
            out[key] = getattr(record, key)
    return out


def update_text(changes: dict) -> str:
    if set(changes) == {"status"}:
        return f"Mark claim {status_label(changes['status']).lower()}"
    if set(changes) == {"type"}:
        return f"Make claim a {type_label(changes['type']).lower()}"
    if set(changes) == {"note"}:
        return "Edit note"
    return "Edit claim"


class UpdateClaimCommand(WorkspaceCommand):
    """type/status/note/fields; undo puts the old values back only if ours are still there."""

    def __init__(self, ctx, claim_id: int, changes: dict, rationale: str = "", if_version: int | None = None):
        super().__init__(ctx, update_text(changes))
        self.claim_id, self.changes, self.rationale, self.if_version = claim_id, changes, rationale, if_version
        self.old: dict = {}
        self.new: dict = {}
        self.noop = False

    def first(self) -> None:
        before = self.ctx.ws.claim(self.claim_id)
        if self.if_version is not None and before.version != self.if_version:
            # Let the Workspace word the refusal (who changed it, when, and what it is now).
            self.ctx.ws.update_claim(self.claim_id, **self.changes, rationale=self.rationale,
                                     if_version=self.if_version)
        self.old = _values(before, self.changes)
        after = self.ctx.ws.update_claim(self.claim_id, **self.changes, rationale=self.rationale,
                                         if_version=before.version)
        self.new = _values(after, self.changes)
        self.noop = self.old == self.new  # nothing changed: nothing to undo

    def _apply(self, expect: dict, values: dict, rationale: str) -> None:
        claim_id = self.ctx.claims.resolve(self.claim_id)
        current = self.ctx.ws.claim(claim_id)
        if _values(current, expect) != expect:
            raise StaleVersion(f"claim {claim_id} was changed by {current.updated_by} since; "
                               "their change is kept.", current_version=current.version)
        self.ctx.ws.update_claim(claim_id, **values, rationale=rationale, if_version=current.version)
        self.ctx.focus(claim_id)

    def do_undo(self) -> None:
        self._apply(self.new, self.old, UNDO)

    def do_redo(self) -> None:
        self._apply(self.old, self.new, self.rationale)


# --- sources --------------------------------------------------------------------------------

LINK_KEYS = ("relation", "credibility", "excerpt")


class AddSourceCommand(WorkspaceCommand):
    """A new source (or one found by URL) linked to a claim. Undo unlinks it, and takes the source
    out of the workspace if this command brought it in; redo brings it back."""

    def __init__(self, ctx, claim_id: int, source: dict):
        super().__init__(ctx, f"Add source {short(source.get('url') or source.get('citation') or '', 40)}")
        self.claim_id, self.source = claim_id, source
        self.link: SourceLink | None = None
        self.made_source = False  # the last run made the source, rather than finding it by its URL

    def first(self) -> None:
        self.link = self.ctx.ws.add_source(self.claim_id, **self.source)
        self.made_source = self.link.new_source

    def do_undo(self) -> None:
        self.ctx.ws.unlink_source(self.ctx.links.resolve(self.link.evidence_id), rationale=UNDO,
                                  drop_unused_source=self.made_source)
        self.ctx.focus(self.ctx.claims.resolve(self.claim_id))

    def do_redo(self) -> None:
        claim_id = self.ctx.claims.resolve(self.claim_id)
        if self.made_source:
            link = self.ctx.ws.add_source(claim_id, **{**self.source, "rationale": "redo"})
            self.made_source = link.new_source
            self.ctx.sources.moved(self.ctx.sources.resolve(self.link.source.id), link.source.id)
        else:
            link = self.ctx.ws.link_source(claim_id, self.ctx.sources.resolve(self.link.source.id),
                                           relation=self.link.relation, credibility=self.link.credibility,
                                           excerpt=self.link.excerpt, rationale="redo")
        self.ctx.links.moved(self.ctx.links.resolve(self.link.evidence_id), link.evidence_id)
        self.ctx.focus(link.claim_id)


class LinkSourceCommand(WorkspaceCommand):
    """Re-use a source already in the workspace for this claim."""

    def __init__(self, ctx, claim_id: int, source_id: int, label: str = "", **link):
        super().__init__(ctx, f"Cite {short(label, 40) or 'source'}")
        self.claim_id, self.source_id, self.kw = claim_id, source_id, link
        self.evidence_id: int | None = None

    def _link(self, rationale: str = "") -> int:
        link = self.ctx.ws.link_source(self.ctx.claims.resolve(self.claim_id), self.ctx.sources.resolve(self.source_id),
                                       rationale=rationale, **self.kw)
        if self.evidence_id is not None:
            self.ctx.links.moved(self.ctx.links.resolve(self.evidence_id), link.evidence_id)
        else:
            self.evidence_id = link.evidence_id
        return link.claim_id

    def first(self) -> None:
        self._link()

    def do_redo(self) -> None:
        self.ctx.focus(self._link("redo"))

    def do_undo(self) -> None:
        self.ctx.ws.unlink_source(self.ctx.links.resolve(self.evidence_id), rationale=UNDO)
        self.ctx.focus(self.ctx.claims.resolve(self.claim_id))


class UnlinkSourceCommand(WorkspaceCommand):
    def __init__(self, ctx, evidence_id: int, label: str = ""):
        super().__init__(ctx, f"Remove source {short(label, 40)}")
        self.evidence_id = evidence_id
        self.link: SourceLink | None = None

    def first(self) -> None:
        self.link = self.ctx.ws.unlink_source(self.evidence_id)

    def do_undo(self) -> None:
        link = self.ctx.ws.link_source(self.ctx.claims.resolve(self.link.claim_id),
                                       self.ctx.sources.resolve(self.link.source.id),
                                       relation=self.link.relation, credibility=self.link.credibility,
                                       excerpt=self.link.excerpt, rationale=UNDO)
        self.ctx.links.moved(self.ctx.links.resolve(self.evidence_id), link.evidence_id)
        self.ctx.focus(link.claim_id)

    def do_redo(self) -> None:
        link = self.ctx.ws.unlink_source(self.ctx.links.resolve(self.evidence_id), rationale="redo")
        self.ctx.focus(link.claim_id)


class UpdateLinkCommand(WorkspaceCommand):
    """Relation, credibility or excerpt of one claim's link to a source."""

    def __init__(self, ctx, link: SourceLink, changes: dict):
        super().__init__(ctx, f"Edit source link {short(link.source.title or link.source.url or '', 30)}")
        self.evidence_id, self.claim_id = link.evidence_id, link.claim_id
        self.changes = changes
        self.old = {k: getattr(link, k) for k in changes}

    def _apply(self, values: dict, rationale: str = "") -> None:
        link = self.ctx.ws.update_link(self.ctx.links.resolve(self.evidence_id), rationale=rationale, **values)
        if rationale:  # an undo or redo: show the claim it changed
            self.ctx.focus(link.claim_id)

    def first(self) -> None:
        self._apply(self.changes)

    def do_undo(self) -> None:
        self._apply(self.old, UNDO)

    def do_redo(self) -> None:
        self._apply(self.changes, "redo")


SOURCE_KEYS = ("url", "citation", "title", "publisher", "kind", "reliability", "accessed", "note")


class UpdateSourceCommand(WorkspaceCommand):
    """A source's own details (for every claim citing it); undo writes the old ones back."""

    def __init__(self, ctx, source, changes: dict, claim_id: int | None = None):
        super().__init__(ctx, f"Edit source {short(source.title or source.url or source.citation or '', 30)}")
        self.source_id, self.changes, self.claim_id = source.id, changes, claim_id
        self.old = {k: getattr(source, k) for k in changes}
        self.version = source.version

    def _apply(self, values: dict, if_version: int | None = None, show: bool = True) -> None:
        self.ctx.ws.update_source(self.ctx.sources.resolve(self.source_id), if_version=if_version, **values)
        if show and self.claim_id is not None:
            self.ctx.focus(self.ctx.claims.resolve(self.claim_id))

    def first(self) -> None:
        self._apply(self.changes, self.version, show=False)

    def do_undo(self) -> None:
        self._apply(self.old)

    def do_redo(self) -> None:
        self._apply(self.changes)
