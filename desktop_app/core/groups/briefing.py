"""The "Conflicting reports" section of the Word briefing, as plain text the exporter lays out.

Pure: discrepancies in, heading/intro/table rows out, so the docx exporter only
places paragraphs and a table (see the report for how to plug it in).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .discrepancies import where
from .records import Discrepancy, DiscrepancySide

HEADING = "Conflicting reports"
COLUMNS = ("Claim", "What differs", "Reports")
KIND_LABELS = {"figure": "Figures differ", "wording": "Quoted differently", "attribution": "Attributed differently"}


@dataclass(frozen=True)
class BriefingRow:
    """One discrepancy as a table row: the claim, what differs, one line per side."""

    claim: str
    kind: str
    reports: tuple[str, ...]
    explanation: str
    claim_ids: tuple[int, ...]

    def cells(self) -> tuple[str, str, str]:
        return self.claim, self.kind, "\n".join(self.reports)


@dataclass(frozen=True)
class BriefingSection:
    heading: str
    intro: str
    columns: tuple[str, ...]
    rows: tuple[BriefingRow, ...]


def _side_line(kind: str, side: DiscrepancySide) -> str:
    if kind == "attribution":
        return f"According to {side.reading}: {where(side.reports)}"
    if kind == "wording":
        return f"\u201c{side.reading}\u201d: {where(side.reports)}"
    by_article: dict[int, list] = {}
    for r in side.reports:  # already in publication order
        by_article.setdefault(r.article_id, []).append(r)
    places = []
    for reports in by_article.values():
        sources = list(dict.fromkeys(r.source for r in reports if r.source))
        places.append(reports[0].where + (f" (according to {'; '.join(sources)})" if sources else ""))
    return f"{side.reading}: {'; '.join(places)}"


def briefing_rows(discrepancies: Sequence[Discrepancy]) -> list[BriefingRow]:
    """One row per discrepancy, in the order given (the Workspace gives them by group, figures first)."""
    return [BriefingRow(claim=d.group_label, kind=KIND_LABELS[d.kind],
                        reports=tuple(_side_line(d.kind, s) for s in d.sides), explanation=d.explanation,
                        claim_ids=tuple(r.claim_id for r in d.reports))
            for d in discrepancies]


def concerning(discrepancies: Sequence[Discrepancy], article_ids: Iterable[int]) -> list[Discrepancy]:
    """The discrepancies a briefing on these articles should show: those with a report from one of them
    (the other side may come from any article -- that is the point of the section)."""
    wanted = set(article_ids)
    return [d for d in discrepancies if any(r.article_id in wanted for r in d.reports)]


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def briefing_section(discrepancies: Sequence[Discrepancy]) -> BriefingSection:
    """Heading, a one-paragraph summary and the rows of the "Conflicting reports" section."""
    rows = briefing_rows(discrepancies)
    if not rows:
        intro = "No reports of the same claim disagree among the claims grouped across articles."
    else:
        kinds = [d.kind for d in discrepancies]
        parts = [p for p in (
            _count(kinds.count("figure"), "figure", "figures") + " differ" if "figure" in kinds else "",
            _count(kinds.count("wording"), "quotation is", "quotations are") + " worded differently"
            if "wording" in kinds else "",
            _count(kinds.count("attribution"), "figure or quotation is", "figures or quotations are")
            + " credited to different sources" if "attribution" in kinds else "") if p]
        articles = {r.article_id for d in discrepancies for r in d.reports}
        groups = {d.group_id for d in discrepancies}
        intro = (f"Across {_count(len(articles), 'article', 'articles')}, reports of "
                 f"{_count(len(groups), 'claim', 'claims')} disagree: {'; '.join(parts)}. "
                 "Each row lists the outlets on each side; a figure's ranges are compared, so "
                 "\u201cat least 1\u201d and \u201c2\u201d agree while \u201c1\u201d and \u201cat least 2\u201d do not.")
    return BriefingSection(heading=HEADING, intro=intro, columns=COLUMNS, rows=tuple(rows))
