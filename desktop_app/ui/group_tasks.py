"""Reading the views across articles off the GUI thread: the groups snapshot and group suggestions.

Groups, discrepancies and figures are computed over every grouped claim, and
suggestions compare every claim with every other: work that must not freeze the
window on a big workspace. Results come back by signal (workers.Task).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop_app.core.errors import NotFound
from desktop_app.core.groups import Discrepancy, GroupFigures, GroupRecord, GroupSuggestion

from .groups_present import outlet_text
from .workers import Task

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord


@dataclass(frozen=True)
class GroupsSnapshot:
    groups: tuple[GroupRecord, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    figures: dict[int, GroupFigures] = field(default_factory=dict)


class GroupsSnapshotTask(Task):
    def __init__(self, workspace):
        super().__init__()
        self.workspace = workspace

    def work(self) -> GroupsSnapshot:
        ws = self.workspace
        return GroupsSnapshot(tuple(ws.groups()), tuple(ws.discrepancies()),
                              {f.group_id: f for f in ws.group_figures()})


@dataclass(frozen=True)
class SuggestResult:
    suggestions: tuple[GroupSuggestion, ...] = ()
    claims: dict[int, tuple[ClaimRecord, str, str | None]] = field(default_factory=dict)  # id -> (claim, outlet, date)


class SuggestGroupsTask(Task):
    def __init__(self, workspace):
        super().__init__()
        self.workspace = workspace

    def work(self) -> SuggestResult:
        ws = self.workspace
        suggestions = tuple(ws.suggest_groups())
        articles = {a.id: a for a in ws.articles()}
        claims = {}
        for cid in sorted({c for s in suggestions for c in s.member_ids}):
            try:
                c = ws.claim(cid)
            except NotFound:
                continue
            a = articles.get(c.article_id)
            claims[cid] = (c, outlet_text(a.publisher if a else None, a.title if a else "", c.article_id),
                           a.published if a else None)
        return SuggestResult(suggestions, claims)
