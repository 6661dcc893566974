"""Immutable records for claim groups, suggestions, discrepancies and the figures view.

Like core/records.py: the Workspace hands these out, never ORM objects, and
their `to_json` shapes are what `claimdesk groups/discrepancies --json` print.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..records import ClaimRecord, _iso


@dataclass(frozen=True)
class Report:
    """One claim as one outlet reported it: the claim's fields plus where, when and on whose word.

    `source` is whom the article attributes the claim to (the nearest attribution in its
    sentence or, failing that, earlier in its paragraph; a quote's speaker); `context` holds
    the names around it (title and paragraph), to tell one event from another.
    """

    claim_id: int
    article_id: int
    article_title: str
    outlet: str | None
    published: str | None
    type: str
    text: str
    status: str = "unverified"
    count: int | None = None
    qualifier: str | None = None
    category: str | None = None
    who: str | None = None
    speaker: str | None = None
    attributed_to: str | None = None
    source: str | None = None
    start: int = 0
    context: frozenset[str] = frozenset()
    group_id: int | None = None

    @property
    def where(self) -> str:
        """ "ntv.de, 2023-12-26": the outlet (or the article) and its date, as explanations cite it."""
        outlet = self.outlet or f"article {self.article_id}"
        return f"{outlet}, {self.published[:10]}" if self.published else outlet

    def to_json(self) -> dict:
        return {
            "claim_id": self.claim_id, "article_id": self.article_id, "article_title": self.article_title,
            "outlet": self.outlet, "published": self.published, "source": self.source, "type": self.type,
            "text": self.text, "status": self.status, "count": self.count, "qualifier": self.qualifier,
            "category": self.category, "who": self.who, "speaker": self.speaker,
            "attributed_to": self.attributed_to,
        }


@dataclass(frozen=True)
class GroupMemberRecord:
    """A claim in a group, with the article facts an analyst compares reports by."""

    claim: ClaimRecord
    article_title: str
    outlet: str | None
    published: str | None
    source: str | None
    added_by: str
    added_at: datetime

    def to_json(self) -> dict:
        data = self.claim.to_json()
        data.update({"article_title": self.article_title, "outlet": self.outlet, "published": self.published,
                     "source": self.source, "added_by": self.added_by, "added_at": _iso(self.added_at)})
        return data


@dataclass(frozen=True)
class GroupRecord:
    """One assertion across articles: its label and the claims that make it."""

    id: int
    label: str
    note: str
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int
    members: tuple[GroupMemberRecord, ...] = ()

    @property
    def claim_ids(self) -> tuple[int, ...]:
        return tuple(m.claim.id for m in self.members)

    @property
    def status(self) -> str:
        """The members' common verdict, or "mixed" when they differ."""
        statuses = {m.claim.status for m in self.members}
        return statuses.pop() if len(statuses) == 1 else "mixed"

    def to_json(self) -> dict:
        return {"id": self.id, "label": self.label, "note": self.note, "status": self.status,
                "created_by": self.created_by, "created_at": _iso(self.created_at),
                "updated_at": _iso(self.updated_at), "version": self.version,
                "members": [m.to_json() for m in self.members]}


@dataclass(frozen=True)
class GroupSuggestion:
    """Claims that look like the same assertion: a new group (group_id None) or additions to a group."""

    group_id: int | None
    label: str
    claim_ids: tuple[int, ...]  # the claims to put in the group (not those already in it)
    member_ids: tuple[int, ...]  # everything the group would hold afterwards
    reasons: tuple[str, ...]

    def to_json(self) -> dict:
        return {"group_id": self.group_id, "label": self.label, "claim_ids": list(self.claim_ids),
                "member_ids": list(self.member_ids), "reasons": list(self.reasons)}


@dataclass(frozen=True)
class VerdictApplied:
    """A group verdict as applied: the group afterwards and each member's verdict before (for undo)."""

    group: GroupRecord
    previous: dict[int, str]  # claim id -> status before; only the claims that changed

    def to_json(self) -> dict:
        return {"group": self.group.to_json(), "previous": {str(k): v for k, v in self.previous.items()}}


@dataclass(frozen=True)
class DiscrepancySide:
    """The reports that agree with each other on one side of a discrepancy."""

    reading: str  # "3 injured", the quote's wording, or the source's name
    reports: tuple[Report, ...]

    def to_json(self) -> dict:
        return {"reading": self.reading, "claim_ids": [r.claim_id for r in self.reports]}


@dataclass(frozen=True)
class Discrepancy:
    """Reports of one assertion that cannot all be right (figure), quote it differently (wording),
    or credit it to different sources (attribution)."""

    kind: str  # figure | wording | attribution
    group_id: int
    group_label: str
    sides: tuple[DiscrepancySide, DiscrepancySide]
    explanation: str

    @property
    def key(self) -> str:
        """Stable while the reports stand, e.g. to remember which discrepancies a view has shown."""
        a, b = (sorted(r.claim_id for r in side.reports) for side in self.sides)
        return f"{self.kind}:{self.group_id}:{','.join(map(str, a))}|{','.join(map(str, b))}"

    @property
    def reports(self) -> tuple[Report, ...]:
        return self.sides[0].reports + self.sides[1].reports

    def to_json(self) -> dict:
        members = []
        for i, side in enumerate(self.sides):
            for r in side.reports:
                members.append({**r.to_json(), "side": i, "reading": side.reading})
        return {"key": self.key, "kind": self.kind, "group_id": self.group_id, "group_label": self.group_label,
                "explanation": self.explanation, "sides": [s.to_json() for s in self.sides],
                "members": members}


@dataclass(frozen=True)
class FigurePoint:
    """One reported value of a group's figure, for plotting against publication time."""

    article_id: int
    article_title: str
    outlet: str | None
    published: str | None
    claim_id: int
    count: int
    qualifier: str  # canonical ("exact", "at least", ...)
    category: str | None
    text: str
    source: str | None
    low: float
    high: float | None  # None: no upper bound ("at least 3")

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "article_title": self.article_title, "outlet": self.outlet,
                "published": self.published, "claim_id": self.claim_id, "count": self.count,
                "qualifier": self.qualifier, "category": self.category, "text": self.text,
                "source": self.source, "low": self.low, "high": self.high}


@dataclass(frozen=True)
class GroupFigures:
    """A group's reported values over publication time (undated reports last)."""

    group_id: int
    label: str
    unit: str
    points: tuple[FigurePoint, ...]

    def to_json(self) -> dict:
        return {"group_id": self.group_id, "label": self.label, "unit": self.unit,
                "points": [p.to_json() for p in self.points]}
