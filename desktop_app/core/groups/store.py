"""Reading groups and reports out of a Workspace session (the Workspace's helper, not for widgets).

ORM rows in, records out: the pure modules next to this one never see a Session.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Article, Claim, ClaimGroup, ClaimGroupMember, ClaimGroupRejection, ClaimType, Evidence
from ..records import ClaimRecord
from .matching import GROUPABLE
from .records import GroupMemberRecord, GroupRecord, Report
from .reports import article_reports


def membership(s: Session) -> dict[int, int]:
    """claim id -> group id, for every grouped claim."""
    return dict(s.execute(select(ClaimGroupMember.claim_id, ClaimGroupMember.group_id)).all())


def reports_for(s: Session, claims: Iterable[Claim]) -> dict[int, Report]:
    """The given claims as Reports (claim id -> Report), reading their articles' attributions for sources."""
    by_article: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article_id].append(c)
    if not by_article:
        return {}
    groups = membership(s)
    articles = {a.id: a for a in s.scalars(select(Article).where(Article.id.in_(list(by_article))))}
    attributions: dict[int, list[Claim]] = defaultdict(list)
    for c in s.scalars(select(Claim).where(Claim.article_id.in_(list(by_article)),
                                           Claim.type == ClaimType.attribution)):
        attributions[c.article_id].append(c)
    out: dict[int, Report] = {}
    for article_id, wanted in by_article.items():
        a = articles[article_id]
        ids = {c.id for c in wanted}
        extra = [c for c in attributions[article_id] if c.id not in ids]
        for r in article_reports(article_id=a.id, title=a.title, text=a.text, publisher=a.publisher,
                                 source_url=a.source_url, published=a.published, claims=[*wanted, *extra],
                                 groups=groups):
            if r.claim_id in ids:
                out[r.claim_id] = r
    return out


def groupable_reports(s: Session) -> list[Report]:
    """Every claim that suggestions consider (casualties, statistics, quotes), as Reports."""
    claims = s.scalars(select(Claim).where(Claim.type.in_([str(t) for t in GROUPABLE]))
                       .order_by(Claim.article_id, Claim.start, Claim.id)).all()
    reports = reports_for(s, claims)
    return [reports[c.id] for c in claims]


def rejected_pairs(s: Session) -> list[tuple[int, int]]:
    return [tuple(p) for p in s.execute(select(ClaimGroupRejection.claim_id, ClaimGroupRejection.other_claim_id))]


def load_groups(s: Session, group_ids: Iterable[int] | None = None) -> list[ClaimGroup]:
    q = select(ClaimGroup).options(selectinload(ClaimGroup.members)).order_by(ClaimGroup.id)
    if group_ids is not None:
        q = q.where(ClaimGroup.id.in_(list(group_ids)))
    return list(s.scalars(q))


def group_claims(s: Session, groups: Iterable[ClaimGroup]) -> dict[int, Claim]:
    """The member claims of the groups (with their sources loaded), by id."""
    ids = [m.claim_id for g in groups for m in g.members]
    if not ids:
        return {}
    q = (select(Claim).where(Claim.id.in_(ids))
         .options(selectinload(Claim.evidence).selectinload(Evidence.source)))
    return {c.id: c for c in s.scalars(q)}


def group_records(s: Session, groups: list[ClaimGroup], claim_record: Callable[[Claim], ClaimRecord]
                  ) -> tuple[list[GroupRecord], dict[int, list[Report]]]:
    """GroupRecords for the groups, and each group's member Reports (in member order)."""
    claims = group_claims(s, groups)
    reports = reports_for(s, claims.values())
    records, group_reports = [], {}
    for g in groups:
        members, rs = [], []
        ordered = sorted((m for m in g.members if m.claim_id in claims),
                         key=lambda m: (reports[m.claim_id].published or "9999", claims[m.claim_id].article_id,
                                        claims[m.claim_id].start, m.claim_id))
        for m in ordered:
            r = reports[m.claim_id]
            rs.append(r)
            members.append(GroupMemberRecord(claim=claim_record(claims[m.claim_id]), article_title=r.article_title,
                                             outlet=r.outlet, published=r.published, source=r.source,
                                             added_by=m.added_by, added_at=m.added_at))
        records.append(GroupRecord(id=g.id, label=g.label, note=g.note, created_by=g.created_by,
                                   created_at=g.created_at, updated_at=g.updated_at, version=g.version,
                                   members=tuple(members)))
        group_reports[g.id] = rs
    return records, group_reports
