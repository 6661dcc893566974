"""CSV: one row per claim, for spreadsheets and scripts.

UTF-8 with a byte-order mark and CRLF line ends, so Excel opens it with the right
characters by double-click. Text that came from an imported article (or was typed)
and begins with = + - @ or a tab is prefixed with an apostrophe, so a spreadsheet
never runs it as a formula (CSV injection); numeric columns are left as they are.
"""
from __future__ import annotations

import csv
import io

from ..records import _iso
from . import ExportOptions, Selection, Step, register
from . import briefing as bf

COLUMNS = (
    "number", "claim_id", "article_id", "article_title", "article_url", "start", "end", "claim", "type",
    "status", "rationale", "verdict_by", "verdict_at", "note", "count", "qualifier", "category", "who",
    "speaker", "attributed_to", "sources", "anchor", "analyst", "updated_at",
)
_NUMERIC = {"number", "claim_id", "article_id", "start", "end", "count"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(selection: Selection):
    numbers = bf.numbering(selection.articles)
    for a in selection.articles:
        for c in a.claims:
            verdict = selection.verdicts.get(c.id)
            yield {
                "number": numbers[c.id], "claim_id": c.id, "article_id": a.id, "article_title": a.title,
                "article_url": a.summary.source_url or f"urn:sha256:{a.summary.sha256}",
                "start": c.start, "end": c.end, "claim": c.text, "type": c.type, "status": c.status,
                "rationale": verdict.rationale if verdict else "",
                "verdict_by": verdict.analyst if verdict else "", "verdict_at": _iso(verdict.at) if verdict else "",
                "note": c.note, **{k: c.all_fields.get(k) for k in ("count", "qualifier", "category", "who",
                                                                    "speaker", "attributed_to")},
                "sources": "; ".join(f"{bf.source_name(link.source)} <{link.source.url or link.source.citation or ''}> "
                                     f"{link.grade} {link.relation}" for link in c.sources),
                "anchor": c.anchor, "analyst": c.analyst, "updated_at": _iso(c.updated_at),
            }


@register("csv", ".csv", "CSV table, one row per claim (.csv)")
def render(selection: Selection, options: ExportOptions, step: Step) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows(selection):
        writer.writerow(["" if row[k] is None else row[k] if k in _NUMERIC else _safe(row[k]) for k in COLUMNS])
    return out.getvalue().encode("utf-8-sig")
