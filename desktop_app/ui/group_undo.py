"""Undoable edits across articles: grouping, ungrouping, group labels and verdicts, article details.

Each command's first run is one Workspace call; undo calls the inverse the Workspace
offers (unlink / dissolve for a grouping, link for an ungrouping, restore_verdicts for
a group verdict). Undoing a grouping leaves no "not the same claim" behind
(`remember=False`), so a suggestion that was accepted and undone is suggested again.
A group dissolved and made again has a new id: `ctx.groups` follows it, as `ctx.claims`
follows a claim deleted and restored.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop_app.core.groups import GroupRecord, GroupSuggestion

from .present import short
from .undo import UNDO, WorkspaceCommand


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _current(ctx, s: GroupSuggestion) -> GroupSuggestion:
    """A suggestion made before claims were deleted and restored (or groups made again): their ids now."""
    c, g = ctx.claims.resolve, ctx.groups.resolve
    return replace(s, group_id=None if s.group_id is None else g(s.group_id),
                   claim_ids=tuple(c(i) for i in s.claim_ids), member_ids=tuple(c(i) for i in s.member_ids))


class LinkClaimsCommand(WorkspaceCommand):
    """ "Same claim as...": the claims in one group. Undo takes out what it put in, puts merged groups back
    and the old label; redo links them again."""

    def __init__(self, ctx, claim_ids: Sequence[int], label: str | None = None, rationale: str = "",
                 text: str = ""):
        ids = list(dict.fromkeys(claim_ids))
        super().__init__(ctx, text or f"Mark {_plural(len(ids), 'claim')} as the same claim")
        self.claim_ids, self.label, self.rationale = ids, label, rationale
        self.group_id: int | None = None
        self.current: int | None = None
        self.existed = False
        self.old_label: str | None = None
        self.added: list[int] = []
        self.merged: list[GroupRecord] = []
        self.noop = False

    def _ids(self) -> list[int]:
        return [self.ctx.claims.resolve(c) for c in self.claim_ids]

    def first(self) -> None:
        ws = self.ctx.ws
        before = {cid: ws.group_of(cid) for cid in self.claim_ids}
        after = ws.link_claims(self.claim_ids, label=self.label, rationale=self.rationale)
        prior = {g.id: g for g in before.values() if g is not None}
        target = prior.get(after.id)
        self.group_id = self.current = after.id
        self.existed = target is not None
        self.old_label = target.label if target is not None else None
        kept = set(target.claim_ids) if target is not None else set()
        self.added = [cid for cid in after.claim_ids if cid not in kept]
        self.merged = [g for gid, g in prior.items() if gid != after.id]
        self.noop = self.existed and not self.added and after.label == self.old_label

    def do_undo(self) -> None:
        ws, ctx = self.ctx.ws, self.ctx
        gid = ctx.groups.resolve(self.current)
        if not self.existed:
            ws.dissolve_group(gid, rationale=UNDO, remember=False)
            return
        for cid in self.added:
            ws.unlink_claim(ctx.claims.resolve(cid), rationale=UNDO, remember=False)
        for g in self.merged:
            again = ws.link_claims([ctx.claims.resolve(c) for c in g.claim_ids], label=g.label, rationale=UNDO)
            ctx.groups.moved(ctx.groups.resolve(g.id), again.id)
        if self.label is not None and ws.group(gid).label != self.old_label:
            ws.update_group(gid, label=self.old_label)

    def do_redo(self) -> None:
        after = self.ctx.ws.link_claims(self._ids(), label=self.label, rationale=self.rationale)
        if not self.existed:
            self.ctx.groups.moved(self.current, after.id)
            self.current = after.id


class UnlinkClaimCommand(WorkspaceCommand):
    """ "Not the same claim": one claim out of its group (a group left with one claim is dissolved).
    Undo puts it back into the group, or makes the dissolved group again with its label."""

    def __init__(self, ctx, claim_id: int, text: str = "", rationale: str = ""):
        super().__init__(ctx, f"Not the same claim: \u201c{short(text, 40)}\u201d" if text else "Not the same claim")
        self.claim_id, self.rationale = claim_id, rationale
        self.before: GroupRecord | None = None
        self.dissolved = False

    def first(self) -> None:
        self.before = self.ctx.ws.group_of(self.claim_id)
        self.dissolved = self.ctx.ws.unlink_claim(self.claim_id, rationale=self.rationale) is None

    def do_undo(self) -> None:
        ws, ctx = self.ctx.ws, self.ctx
        cid = ctx.claims.resolve(self.claim_id)
        if self.dissolved:
            again = ws.link_claims([ctx.claims.resolve(c) for c in self.before.claim_ids], label=self.before.label,
                                   rationale=UNDO)
            ctx.groups.moved(ctx.groups.resolve(self.before.id), again.id)
        else:
            group = ws.group(ctx.groups.resolve(self.before.id))
            ws.link_claims([cid, group.claim_ids[0]], rationale=UNDO)

    def do_redo(self) -> None:
        result = self.ctx.ws.unlink_claim(self.ctx.claims.resolve(self.claim_id), rationale=self.rationale)
        self.dissolved = result is None


class DissolveGroupCommand(WorkspaceCommand):
    """Ungroup every member of a group; undo makes the group again with its label."""

    def __init__(self, ctx, group_id: int, label: str = "", rationale: str = ""):
        super().__init__(ctx, f"Dissolve group \u201c{short(label, 40)}\u201d")
        self.group_id, self.rationale = group_id, rationale
        self.before: GroupRecord | None = None

    def first(self) -> None:
        self.before = self.ctx.ws.dissolve_group(self.group_id, rationale=self.rationale)

    def do_undo(self) -> None:
        ctx = self.ctx
        again = ctx.ws.link_claims([ctx.claims.resolve(c) for c in self.before.claim_ids], label=self.before.label,
                                   rationale=UNDO)
        ctx.groups.moved(ctx.groups.resolve(self.before.id), again.id)

    def do_redo(self) -> None:
        self.before = self.ctx.ws.dissolve_group(self.ctx.groups.resolve(self.group_id), rationale=self.rationale)


class RenameGroupCommand(WorkspaceCommand):
    def __init__(self, ctx, group_id: int, label: str):
        super().__init__(ctx, f"Rename group to \u201c{short(label, 40)}\u201d")
        self.group_id, self.label = group_id, label
        self.old: str | None = None
        self.noop = False

    def first(self) -> None:
        group = self.ctx.ws.group(self.group_id)
        self.old = group.label
        after = self.ctx.ws.update_group(self.group_id, label=self.label, if_version=group.version)
        self.noop = after.label == self.old

    def do_undo(self) -> None:
        self.ctx.ws.update_group(self.ctx.groups.resolve(self.group_id), label=self.old)

    def do_redo(self) -> None:
        self.ctx.ws.update_group(self.ctx.groups.resolve(self.group_id), label=self.label)


class GroupVerdictCommand(WorkspaceCommand):
    """One verdict for every member, each in its own history; undo gives each its verdict back
    (unless someone has changed it since: their verdict is kept)."""

    def __init__(self, ctx, group_id: int, status: str, rationale: str = "", label: str = "",
                 if_version: int | None = None):
        from .present import status_label

        super().__init__(ctx, f"Mark group \u201c{short(label, 30)}\u201d {status_label(status).lower()}")
        self.group_id, self.status, self.rationale, self.if_version = group_id, status, rationale, if_version
        self.previous: dict[int, str] = {}
        self.noop = False

    def first(self) -> None:
        applied = self.ctx.ws.set_group_verdict(self.group_id, self.status, rationale=self.rationale,
                                                if_version=self.if_version)
        self.previous = dict(applied.previous)
        self.noop = not self.previous

    def do_undo(self) -> None:
        ws, ctx = self.ctx.ws, self.ctx
        ours = {}
        for cid, old in self.previous.items():
            now = ctx.claims.resolve(cid)
            if ws.claim(now).status == self.status:
                ours[now] = old
        if ours:
            ws.restore_verdicts(ours, rationale=UNDO)

    def do_redo(self) -> None:
        applied = self.ctx.ws.set_group_verdict(self.ctx.groups.resolve(self.group_id), self.status,
                                                rationale=self.rationale)
        self.previous = dict(applied.previous)


class AcceptSuggestionsCommand(WorkspaceCommand):
    """Accept group suggestions in one action; undo takes the new groups and additions apart again
    without remembering a rejection, so they are suggested again."""

    def __init__(self, ctx, suggestions: Sequence[GroupSuggestion]):
        items = list(suggestions)
        text = (f"Accept group suggestion \u201c{short(items[0].label, 40)}\u201d" if len(items) == 1
                else f"Accept {len(items)} group suggestions")
        super().__init__(ctx, text)
        self.suggestions = items
        self.made: list[int] = []  # groups made
        self.grown: list[tuple[int, tuple[int, ...]]] = []  # (group, claims added to it)

    def _resolved(self) -> list[GroupSuggestion]:
        return [_current(self.ctx, s) for s in self.suggestions]

    def _apply(self, suggestions: list[GroupSuggestion]) -> None:
        records = self.ctx.ws.apply_group_suggestions(suggestions)
        made, grown = [], []
        for s in suggestions:
            record = next(r for r in records if set(s.claim_ids) <= set(r.claim_ids))
            if s.group_id is None:
                made.append(record.id)
            else:
                grown.append((record.id, s.claim_ids))
        for old, new in zip(self.made, made):
            self.ctx.groups.moved(old, new)
        self.made, self.grown = made, grown

    def first(self) -> None:
        self._apply(self.suggestions)

    def do_undo(self) -> None:
        ws = self.ctx.ws
        for gid in self.made:
            ws.dissolve_group(self.ctx.groups.resolve(gid), rationale=UNDO, remember=False)
        for _gid, claim_ids in self.grown:
            for cid in claim_ids:
                ws.unlink_claim(self.ctx.claims.resolve(cid), rationale=UNDO, remember=False)

    def do_redo(self) -> None:
        self._apply(self._resolved())


class ArticleDetailsCommand(WorkspaceCommand):
    """An article's title, outlet, date, author or address; undo writes the old ones back."""

    def __init__(self, ctx, article_id: int, changes: dict, old: dict, title: str = ""):
        super().__init__(ctx, f"Edit details of \u201c{short(title, 40)}\u201d" if title else "Edit article details")
        self.article_id, self.changes, self.old = article_id, dict(changes), dict(old)
        self.noop = not self.changes

    def first(self) -> None:
        if self.changes:
            self.ctx.ws.set_article_details(self.article_id, **self.changes)

    def do_undo(self) -> None:
        self.ctx.ws.set_article_details(self.article_id, **self.old)

    def do_redo(self) -> None:
        self.ctx.ws.set_article_details(self.article_id, **self.changes)


class DismissSuggestionCommand(WorkspaceCommand):
    """ "Not the same claim" for a group suggestion; undo forgets exactly the pairs it recorded (pairs
    rejected before stay rejected), so the suggestion can come back; redo records them again."""

    def __init__(self, ctx, suggestion: GroupSuggestion):
        super().__init__(ctx, f"Dismiss group suggestion \u201c{short(suggestion.label, 40)}\u201d")
        self.suggestion = suggestion
        self.pairs: list[tuple[int, int]] = []

    def _reject(self) -> None:
        self.pairs = self.ctx.ws.reject_group_suggestion(_current(self.ctx, self.suggestion))

    def first(self) -> None:
        self._reject()

    def do_undo(self) -> None:
        self.ctx.ws.forget_group_rejections(self.pairs)

    def do_redo(self) -> None:
        self._reject()
