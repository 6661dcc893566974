"""Plain, immutable snapshots the Workspace hands out.

Widgets, the CLI and the exporters read these, never ORM objects, so no one
outside the Workspace can hold a session or trigger a lazy load.
The `to_json` shapes are the CLI contract in DESIGN.md; keep them stable.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .vocabulary import FIELDS_BY_TYPE


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value else None


@dataclass(frozen=True)
class SourceRecord:
    id: int
    url: str | None
    citation: str | None
    title: str | None
    publisher: str | None
    kind: str
    reliability: str | None
    accessed: str | None
    note: str
    version: int
    updated_by: str
    updated_at: datetime

    def to_json(self) -> dict:
        return {
            "id": self.id, "url": self.url, "citation": self.citation, "title": self.title,
            "publisher": self.publisher, "kind": self.kind, "reliability": self.reliability,
            "accessed": self.accessed, "note": self.note, "version": self.version,
        }


@dataclass(frozen=True)
class SourceLink:
    """A source as linked to one claim (the Evidence row plus its Source)."""

    evidence_id: int
    claim_id: int
    source: SourceRecord
    relation: str
    credibility: int | None
    excerpt: str
    #: The action that made this link also made the source (it was not in the workspace before):
    #: undoing the action takes the source away too.
    new_source: bool = False

    @property
    def grade(self) -> str:
        """Admiralty grade as analysts write it, e.g. "B2"; "?" where a part is not graded."""
        return f"{self.source.reliability or '?'}{self.credibility or '?'}"

    def to_json(self) -> dict:
        s = self.source
        return {
            "id": s.id, "evidence_id": self.evidence_id, "url": s.url, "citation": s.citation,
            "title": s.title, "publisher": s.publisher, "kind": s.kind, "reliability": s.reliability,
            "credibility": self.credibility, "relation": self.relation, "excerpt": self.excerpt,
        }


@dataclass(frozen=True)
class ClaimRecord:
    id: int
    article_id: int
    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    type: str
    status: str
    note: str
    version: int
    anchor: str
    all_fields: dict  # every structured column, whatever the type (kept across type changes)
    analyst: str
    created_at: datetime
    updated_at: datetime
    updated_by: str
    sources: tuple[SourceLink, ...] = ()

    @property
    def fields(self) -> dict:
        """The structured fields of this claim's type, e.g. count/qualifier/category/who for a casualty."""
        return {k: self.all_fields.get(k) for k in FIELDS_BY_TYPE.get(self.type, ())}

    def to_json(self) -> dict:
        return {
            "id": self.id, "article_id": self.article_id, "start": self.start, "end": self.end,
            "text": self.text, "type": self.type, "status": self.status, "note": self.note,
            "version": self.version, "anchor": self.anchor, "fields": self.fields,
            "sources": [s.to_json() for s in self.sources],
            "prefix": self.prefix, "suffix": self.suffix, "analyst": self.analyst,
            "created_at": _iso(self.created_at), "updated_at": _iso(self.updated_at),
            "updated_by": self.updated_by,
        }


@dataclass(frozen=True)
class ArticleSummary:
    """An article as listed: metadata and claim counts, without its text."""

    id: int
    title: str
    source_url: str | None
    publisher: str | None
    author: str | None
    published: str | None
    language: str | None
    media_type: str
    filename: str | None
    sha256: str
    imported_at: datetime
    revision: int
    status_counts: dict = field(default_factory=dict)

    @property
    def claim_count(self) -> int:
        return sum(self.status_counts.values())

    def to_json(self) -> dict:
        return {
            "id": self.id, "title": self.title, "source_url": self.source_url,
            "publisher": self.publisher, "author": self.author, "published": self.published,
            "language": self.language, "media_type": self.media_type, "filename": self.filename,
            "sha256": self.sha256, "imported_at": _iso(self.imported_at), "revision": self.revision,
            "claim_count": self.claim_count, "status_counts": dict(self.status_counts),
        }


@dataclass(frozen=True)
class ArticleRecord:
    """An article with its text and claims, as `show` gives it."""

    summary: ArticleSummary
    text: str
    claims: tuple[ClaimRecord, ...] = ()

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def title(self) -> str:
        return self.summary.title

    def to_json(self) -> dict:
        data = self.summary.to_json()
        data["text"] = self.text
        data["claims"] = [c.to_json() for c in self.claims]
        return data


@dataclass(frozen=True)
class RevisionRecord:
    number: int
    title: str
    text: str
    sha256: str
    source_url: str | None
    imported_at: datetime

    def to_json(self) -> dict:
        return {"number": self.number, "title": self.title, "sha256": self.sha256,
                "source_url": self.source_url, "imported_at": _iso(self.imported_at), "text": self.text}


@dataclass(frozen=True)
class EventRecord:
    id: int
    claim_id: int
    article_id: int
    at: datetime
    analyst: str
    action: str
    field: str | None
    old: object
    new: object
    rationale: str

    def to_json(self) -> dict:
        return {"id": self.id, "claim_id": self.claim_id, "article_id": self.article_id,
                "at": _iso(self.at), "analyst": self.analyst, "action": self.action,
                "field": self.field, "old": self.old, "new": self.new, "rationale": self.rationale}


@dataclass(frozen=True)
class VerdictRecord:
    """Who gave a claim its current verdict, when, and why (its latest status change).

    Briefings and ClaimReview print the rationale beside the verdict; reading it
    here, for many claims in one query, keeps exporters off the history tables.
    """

    claim_id: int
    status: str
    rationale: str
    analyst: str
    at: datetime

    def to_json(self) -> dict:
        return {"claim_id": self.claim_id, "status": self.status, "rationale": self.rationale,
                "analyst": self.analyst, "at": _iso(self.at)}


@dataclass(frozen=True)
class Change:
    """What one committed action touched, so views refresh only that (as Anki's OpChanges)."""

    action: str
    article_ids: frozenset[int] = frozenset()
    claim_ids: frozenset[int] = frozenset()
    source_ids: frozenset[int] = frozenset()


# --- revisions ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReanchorResult:
    """Where one claim went when its article got a new text."""

    claim_id: int
    how: str       # exact | moved | fuzzy | orphaned (anchoring.How)
    anchor: str    # what the claim now records: exact | fuzzy | orphaned
    score: float
    old_start: int
    old_end: int
    old_text: str
    new_start: int
    new_end: int
    new_text: str

    def to_json(self) -> dict:
        return {"claim_id": self.claim_id, "result": self.how, "anchor": self.anchor,
                "score": round(self.score, 3),
                "old": {"start": self.old_start, "end": self.old_end, "text": self.old_text},
                "new": {"start": self.new_start, "end": self.new_end, "text": self.new_text}}


@dataclass(frozen=True)
class RevisionReport:
    """What re-importing an article did: its new revision number and every claim's new place."""

    article_id: int
    revision: int
    results: tuple[ReanchorResult, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        counts = {"exact": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}
        for r in self.results:
            counts[r.how] += 1
        return counts

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "revision": self.revision, "counts": self.counts,
                "claims": [r.to_json() for r in self.results]}
