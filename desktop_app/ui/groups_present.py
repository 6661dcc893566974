"""Pure presentation for the views across articles: the words of groups, members, discrepancies
and suggestions (no Qt; tested on their own, like present.py).
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.groups import (
    Discrepancy,
    FigurePoint,
    GroupFigures,
    GroupMemberRecord,
    GroupRecord,
    GroupSuggestion,
)
from desktop_app.core.groups.figures import Figure

from .present import short

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from desktop_app.core.records import ClaimRecord

#: What each kind of discrepancy is called, and its marker colour (red for figures: the costliest error).
KINDS = {
    "figure": ("Figures differ", "#d93025"),
    "wording": ("Wording differs", "#e8710a"),
    "attribution": ("Sources differ", "#b0469a"),
}
FIGURE_TYPES = ("casualty", "statistic")


def kind_label(kind: str) -> str:
    return KINDS.get(kind, (kind.capitalize(), ""))[0]


def kind_colour(kind: str) -> str:
    return KINDS.get(kind, ("", "#d93025"))[1]


def outlet_text(outlet: str | None, article_title: str = "", article_id: int | None = None) -> str:
    """Who reported it: the outlet, else the article's title, else its number."""
    if outlet:
        return outlet
    if article_title:
        return short(article_title, 40)
    return f"article {article_id}" if article_id is not None else "unknown outlet"


def date_text(published: str | None) -> str:
    return published[:10] if published else "undated"


def figure_text(count: int | None, qualifier: str | None = None) -> str:
    """ "3", "at least 2", "about 2,500", "dozens": a reported figure as the analyst compares it."""
    if count is None:
        return ""
    return Figure.of(count, qualifier).describe()


def claim_figure(claim: ClaimRecord) -> str:
    if claim.type not in FIGURE_TYPES:
        return ""
    fields = claim.all_fields
    return figure_text(fields.get("count"), fields.get("qualifier"))


def point_figure(p: FigurePoint) -> str:
    return figure_text(p.count, p.qualifier)


@dataclass(frozen=True)
class ReportRow:
    """One report as the figures view's table lists it."""

    claim_id: int
    outlet: str
    published: str | None
    figure: str
    source: str | None
    text: str
    article_title: str


def point_rows(points: Iterable[FigurePoint]) -> list[ReportRow]:
    return [ReportRow(p.claim_id, outlet_text(p.outlet, p.article_title, p.article_id), p.published,
                      point_figure(p), p.source, p.text, p.article_title) for p in points]


def member_rows(members: Iterable[GroupMemberRecord]) -> list[ReportRow]:
    """A group without figures (quotes, events): its reports in publication order, to compare the wording."""
    return [ReportRow(m.claim.id, outlet_text(m.outlet, m.article_title, m.claim.article_id), m.published,
                      claim_figure(m.claim), m.source, m.claim.text, m.article_title)
            for m in sorted(members, key=member_sort_key)]


# --- groups ---------------------------------------------------------------------------------

def discrepancy_counts(discrepancies: Iterable[Discrepancy]) -> dict[int, int]:
    out: dict[int, int] = defaultdict(int)
    for d in discrepancies:
        out[d.group_id] += 1
    return dict(out)


@dataclass(frozen=True)
class Flag:
    """One member's part in a discrepancy: what it says, against what the other side says."""

    kind: str
    reading: str
    against: str
    explanation: str


def member_flags(discrepancies: Iterable[Discrepancy]) -> dict[int, list[Flag]]:
    """claim id -> the discrepancies it stands on one side of."""
    out: dict[int, list[Flag]] = defaultdict(list)
    for d in discrepancies:
        for i, side in enumerate(d.sides):
            other = d.sides[1 - i]
            for r in side.reports:
                out[r.claim_id].append(Flag(d.kind, side.reading, other.reading, d.explanation))
    return dict(out)


def flag_tooltip(flags: Sequence[Flag]) -> str:
    return "\n".join(f"{kind_label(f.kind)}: {f.explanation}" for f in flags)


def group_summary(group: GroupRecord, discrepancies: int = 0) -> str:
    """ "7 claims in 3 articles · 2 discrepancies" """
    articles = len({m.claim.article_id for m in group.members})
    n = len(group.members)
    text = f"{n} claim{'s' if n != 1 else ''} in {articles} article{'s' if articles != 1 else ''}"
    if discrepancies:
        text += f" \u00b7 {discrepancies} discrepanc{'ies' if discrepancies != 1 else 'y'}"
    return text


def group_figures_text(group: GroupRecord, discrepancies: Sequence[Discrepancy] = ()) -> str:
    """The group's figures at a glance: the two sides of a figure discrepancy ("3 ≠ 4"),
    else every figure reported ("about 2,500"), each once."""
    by_id = {m.claim.id: m.claim for m in group.members}
    for d in discrepancies:
        if d.kind == "figure" and d.group_id == group.id:
            sides = [claim_figure(by_id[r.claim_id]) if r.claim_id in by_id else r.reading
                     for r in (side.reports[0] for side in d.sides)]
            return " ≠ ".join(sides)
    figures = dict.fromkeys(f for m in sorted(group.members, key=member_sort_key) if (f := claim_figure(m.claim)))
    return " · ".join(figures)


def member_sort_key(m: GroupMemberRecord) -> tuple:
    """Publication order (undated last), then article and place: the order of the figures view."""
    return (m.published is None, m.published or "", m.claim.article_id, m.claim.start)


def sort_groups(groups: Iterable[GroupRecord], counts: dict[int, int]) -> list[GroupRecord]:
    """Groups whose reports disagree first (the analyst's work), then by label."""
    return sorted(groups, key=lambda g: (-counts.get(g.id, 0), g.label.casefold(), g.id))


def group_matches(group: GroupRecord, needle: str) -> bool:
    """Whether the search text is in the group's label, a member's text, outlet or article title."""
    needle = needle.strip().casefold()
    if not needle:
        return True
    hay = [group.label, group.note]
    for m in group.members:
        hay += [m.claim.text, m.outlet or "", m.article_title, m.source or ""]
    return any(needle in h.casefold() for h in hay if h)


# --- discrepancies ----------------------------------------------------------------------------

def report_line(reading: str, report) -> str:
    """One conflicting report: what it says, who reported it when, and on whose word."""
    where = f"{outlet_text(report.outlet, report.article_title, report.article_id)}, {date_text(report.published)}"
    said = f", according to {report.source}" if report.source and report.type != "quote" else ""
    return f"{short(reading, 60)} \u2014 {where}{said}: \u201c{short(report.text, 90)}\u201d"


def status_text(discrepancies: int) -> str:
    """The status bar's badge; empty when nothing disagrees."""
    if not discrepancies:
        return ""
    return f"\u26a0 {discrepancies} discrepanc{'ies' if discrepancies != 1 else 'y'}"


# --- suggestions ------------------------------------------------------------------------------

def suggestion_figures(s: GroupSuggestion, claims: dict[int, tuple[ClaimRecord, str, str | None]]
                       ) -> GroupFigures | None:
    """What the figures view would show if the suggestion were accepted (a preview to decide by):
    its members' figures, read as ranges the way the groups read them, in publication order."""
    points = []
    for cid in s.member_ids:
        if cid not in claims:
            continue
        c, outlet, published = claims[cid]
        count = c.all_fields.get("count")
        if c.type not in FIGURE_TYPES or count is None:
            continue
        f = Figure.of(count, c.all_fields.get("qualifier"))
        low, high = f.bounds()
        points.append(FigurePoint(article_id=c.article_id, article_title="", outlet=outlet, published=published,
                                  claim_id=c.id, count=f.count, qualifier=f.qualifier,
                                  category=c.all_fields.get("category"), text=c.text, source=None,
                                  low=low, high=None if math.isinf(high) else high))
    if not points:
        return None
    order = {cid: claims[cid][0].start for cid in s.member_ids if cid in claims}
    points.sort(key=lambda p: (p.published is None, p.published or "", p.article_id, order[p.claim_id]))
    unit = next((p.category for p in points if p.category), "")
    return GroupFigures(group_id=s.group_id or 0, label=s.label, unit=unit, points=tuple(points))


def suggestion_summary(s: GroupSuggestion, group_label: str | None = None) -> str:
    n = len(s.claim_ids)
    if s.group_id is None:
        return f"New group of {n} claims"
    return f"Adds {n} claim{'s' if n != 1 else ''} to \u201c{short(group_label or s.label, 50)}\u201d"


def member_line(claim: ClaimRecord, outlet: str, published: str | None) -> str:
    figure = claim_figure(claim)
    return (f"#{claim.id}  {outlet}, {date_text(published)}: \u201c{short(claim.text, 90)}\u201d"
            + (f"  ({figure})" if figure else ""))


# --- "Same claim as..." -----------------------------------------------------------------------

@dataclass(frozen=True)
class Candidate:
    """A claim the analyst may mark as the same claim, with where it was reported."""

    claim: ClaimRecord
    outlet: str
    published: str | None
    article_title: str
    group_label: str | None = None

    @property
    def search_text(self) -> str:
        return " ".join(x for x in (self.claim.text, self.outlet, self.article_title, self.group_label or "",
                                    self.claim.note) if x).casefold()


def candidates(claims: Iterable[ClaimRecord], articles: dict, group_labels: dict[int, str],
               exclude: Iterable[int] = ()) -> list[Candidate]:
    """Every claim but `exclude`, with its article's outlet and date (articles: id -> ArticleSummary)."""
    skip = set(exclude)
    out = []
    for c in claims:
        if c.id in skip:
            continue
        a = articles.get(c.article_id)
        title = a.title if a is not None else ""
        out.append(Candidate(c, outlet_text(a.publisher if a else None, title, c.article_id),
                             a.published if a else None, title, group_labels.get(c.id)))
    return out


def filter_candidates(items: Sequence[Candidate], needle: str = "", claim_type: str | None = None,
                      article_id: int | None = None) -> list[Candidate]:
    """The candidates that match the search (and type), other articles' claims first, then by date and place."""
    words = needle.casefold().split()
    kept = [c for c in items if (claim_type is None or c.claim.type == claim_type)
            and all(w in c.search_text for w in words)]
    return sorted(kept, key=lambda c: (c.claim.article_id == article_id, c.published is None, c.published or "",
                                       c.outlet.casefold(), c.claim.article_id, c.claim.start))
