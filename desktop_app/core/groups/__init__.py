"""The same claim across articles: grouping reports of one assertion and finding where they disagree.

Pure modules over plain records (no storage, no Qt): `figures` (when two counts
contradict), `words` (reading who/what/whose), `reports` (a claim with its outlet,
date and source), `matching` (group suggestions), `discrepancies`, `series` (the
figures view) and `briefing` (the Word section). The Workspace feeds them.
"""
from .briefing import BriefingRow, BriefingSection, briefing_rows, briefing_section, concerning
from .discrepancies import find_discrepancies
from .figures import Figure, canonical_qualifier, compatible
from .matching import compare, label_for, suggest
from .records import (
    Discrepancy,
    DiscrepancySide,
    FigurePoint,
    GroupFigures,
    GroupMemberRecord,
    GroupRecord,
    GroupSuggestion,
    Report,
    VerdictApplied,
)
from .reports import article_reports, attributed_source, outlet_of, published_date
from .series import figure_series

__all__ = [
    "BriefingRow", "BriefingSection", "Discrepancy", "DiscrepancySide", "Figure", "FigurePoint", "GroupFigures",
    "GroupMemberRecord", "GroupRecord", "GroupSuggestion", "Report", "VerdictApplied", "article_reports",
    "attributed_source", "briefing_rows", "briefing_section", "canonical_qualifier", "concerning", "compare", "compatible",
    "figure_series", "find_discrepancies", "label_for", "outlet_of", "published_date", "suggest",
]
