"""The same claim across articles: grouping reports of one assertion and finding where they disagree.

Pure modules over plain records (no storage, no Qt): `figures` (when two counts
contradict), `words` (reading who/what/whose), `reports` (a claim with its outlet,
date and source), `matching` (group suggestions), `discrepancies`, `series` (the
figures view) and `briefing` (the Word section). The Workspace feeds them.
"""
import importlib

#: Where each name lives. A module is imported when one of its names is first asked for,
#: so the window can name a GroupRecord without loading the matching (rapidfuzz) and the rest.
_HOME = {
    "briefing": ("BriefingRow", "BriefingSection", "briefing_rows", "briefing_section", "concerning"),
    "discrepancies": ("find_discrepancies",),
    "figures": ("Figure", "canonical_qualifier", "compatible"),
    "matching": ("compare", "label_for", "suggest"),
    "records": ("Discrepancy", "DiscrepancySide", "FigurePoint", "GroupFigures", "GroupMemberRecord", "GroupRecord",
                "GroupSuggestion", "Report", "VerdictApplied"),
    "reports": ("article_reports", "attributed_source", "outlet_of", "published_date"),
    "series": ("figure_series",),
}
_MODULE_OF = {name: module for module, names in _HOME.items() for name in names}


def __getattr__(name: str):
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_MODULE_OF[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_MODULE_OF))


__all__ = [
    "BriefingRow", "BriefingSection", "Discrepancy", "DiscrepancySide", "Figure", "FigurePoint", "GroupFigures",
    "GroupMemberRecord", "GroupRecord", "GroupSuggestion", "Report", "VerdictApplied", "article_reports",
    "attributed_source", "briefing_rows", "briefing_section", "canonical_qualifier", "concerning", "compare", "compatible",
    "figure_series", "find_discrepancies", "label_for", "outlet_of", "published_date", "suggest",
]
