"""Pure presentation helpers: the words and filters the widgets show (no Qt; tested on their own).

Kept apart from the widgets, as Picard does, so the wording of a history line or the
claim filter can be checked without a window.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING

from desktop_app.core import taxonomy
from desktop_app.core.vocabulary import CREDIBILITY_GRADES, RELIABILITY_GRADES

if TYPE_CHECKING:  # records arrive from the workspace; naming them loads nothing
    from datetime import datetime

    from desktop_app.core.records import ClaimRecord, EventRecord, SourceLink

FIELD_LABELS = {
    "count": "Count",
    "qualifier": "Qualifier",
    "category": "Category",
    "who": "Who",
    "speaker": "Speaker",
    "attributed_to": "Attributed to",
}
QUALIFIERS = ("exact", "at least", "more than", "about", "up to", "fewer than")
ORPHANED = "orphaned"
FUZZY = "fuzzy"


def type_label(name: str) -> str:
    term = taxonomy.types().get(name)
    return term.label if term else name.capitalize()


def status_label(name: str) -> str:
    term = taxonomy.statuses().get(name)
    return term.label if term else name.capitalize()


def short(text: str, n: int = 60) -> str:
    """One line, cut with an ellipsis: for titles, menu entries and undo texts."""
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def grade_tooltip(link: SourceLink) -> str:
    rel = RELIABILITY_GRADES.get(link.source.reliability or "", "reliability not graded")
    cred = CREDIBILITY_GRADES.get(link.credibility or 0, "credibility not graded")
    return f"{link.grade}: {rel}; {cred.lower()}"


def source_name(link_or_source) -> str:
    src = getattr(link_or_source, "source", link_or_source)
    return src.title or src.url or src.citation or f"Source {src.id}"


def fields_text(claim: ClaimRecord) -> str:
    parts = []
    for key, value in claim.fields.items():
        if value not in (None, ""):
            parts.append(f"{FIELD_LABELS.get(key, key)}: {value}")
    return "; ".join(parts)


def claim_tooltip_html(claims: Sequence[ClaimRecord]) -> str:
    """Tooltip for a highlight: type, verdict and note of each claim under the pointer.

    Everything from the workspace is escaped: tooltips are rich text, the claims are not.
    """
    import html  # loaded with the first tooltip, not at start

    blocks = []
    for c in claims:
        lines = [f"<b>{html.escape(type_label(c.type))}</b> \u00b7 {html.escape(status_label(c.status))}"
                 f" <span style='color:gray'>#{c.id}</span>"]
        extra = fields_text(c)
        if extra:
            lines.append(html.escape(extra))
        if c.sources:
            lines.append("Sources: " + html.escape(", ".join(f"{s.grade} {short(source_name(s), 40)}"
                                                             for s in c.sources)))
        if c.note:
            lines.append(f"<i>{html.escape(short(c.note, 200))}</i>")
        if c.anchor == FUZZY:
            lines.append("\u2248 Check wording: a new revision matched this claim approximately (Ctrl+Shift+R confirms)")
        blocks.append("<br>".join(lines))
    return "<hr>".join(blocks)


# --- filtering the claim table --------------------------------------------------------------

@dataclass(frozen=True)
class ClaimFilter:
    """What the claim panel shows: types, verdicts (None = all) and a text to search."""

    types: frozenset[str] | None = None
    statuses: frozenset[str] | None = None
    text: str = ""
    orphaned_only: bool = False
    analyst: str | None = None  # "My claims": made or last changed by this analyst

    @property
    def active(self) -> bool:
        return bool(self.types is not None or self.statuses is not None or self.text.strip() or self.orphaned_only
                    or self.analyst)


def filter_claims(claims: Sequence[ClaimRecord], f: ClaimFilter) -> list[int]:
    """Indexes of the claims `f` lets through; one pass over plain records, fast at 100,000."""
    if not f.active:
        return list(range(len(claims)))
    needle = f.text.strip().casefold()
    types, statuses, orphaned, analyst = f.types, f.statuses, f.orphaned_only, f.analyst
    out = []
    for i, c in enumerate(claims):
        if analyst and c.analyst != analyst and c.updated_by != analyst:
            continue
        if types is not None and c.type not in types:
            continue
        if statuses is not None and c.status not in statuses:
            continue
        if orphaned and c.anchor != ORPHANED:
            continue
        if needle and needle not in c.text.casefold() and needle not in c.note.casefold():
            continue
        out.append(i)
    return out


SORT_KEYS = {
    "position": lambda c: (c.anchor == ORPHANED, c.start, c.id),
    "type": lambda c: (c.type, c.start, c.id),
    "status": lambda c: (c.status, c.start, c.id),
    "text": lambda c: (c.text.casefold(), c.id),
    "sources": lambda c: (len(c.sources), c.start, c.id),
    "id": lambda c: c.id,
}
#: The first field of each key above that ends in (start, id).
_LEADING = {
    "position": lambda c: c.anchor == ORPHANED,
    "type": attrgetter("type"),
    "status": attrgetter("status"),
    "sources": lambda c: len(c.sources),
}
by_start = attrgetter("start", "id")


def sorted_claims(claims: Sequence[ClaimRecord], key: str,
                  in_text_order: Sequence[ClaimRecord] | None = None) -> list[ClaimRecord]:
    """The claims in SORT_KEYS[key] order.

    Given them already in text order (sorted by `by_start`), a key ending in (start, id) is
    one stable sort on its first field: a third of the time of sorting by the whole key
    (9 ms instead of 27 at 100,000 claims).
    """
    lead = _LEADING.get(key)
    if lead is None:
        return sorted(claims, key=SORT_KEYS[key])
    base = in_text_order if in_text_order is not None else sorted(claims, key=by_start)
    return sorted(base, key=lead)


# --- history --------------------------------------------------------------------------------

def _value(field: str | None, value) -> str:
    if value is None or value == "":
        return "(empty)"
    if field == "type":
        return type_label(str(value))
    if field == "status":
        return status_label(str(value))
    return short(str(value), 80)


def when_text(at: datetime, now: datetime | None = None) -> str:
    """A local time an analyst reads at a glance: 14:05 today, else 12 Mar 14:05, else with the year."""
    from datetime import datetime, timezone  # loaded with the first date shown, not at start

    local = at.astimezone()
    now = (now or datetime.now(timezone.utc)).astimezone()
    if local.date() == now.date():
        return local.strftime("%H:%M")
    if local.year == now.year:
        return local.strftime("%d %b %H:%M")
    return local.strftime("%d %b %Y %H:%M")


def event_text(e: EventRecord) -> str:
    """What happened in one history entry, in words (without who, when and why)."""
    if e.action == "created":
        snap = e.new if isinstance(e.new, dict) else {}
        return f"Created as {type_label(snap.get('type', ''))} ({status_label(snap.get('status', 'unverified'))})"
    if e.action == "deleted":
        return "Deleted"
    if e.action in ("reanchored", "reattached") and isinstance(e.new, dict):
        old = e.old if isinstance(e.old, dict) else {}
        where = e.new.get("anchor", "")
        if e.action == "reattached":
            return f"Re-attached to \u201c{short(str(e.new.get('text', '')), 60)}\u201d" + (
                " (orphaned again)" if where == ORPHANED else "")
        if where == ORPHANED:
            return "Orphaned by a new revision: its words are no longer in the text"
        moved = (old.get("start"), old.get("end")) != (e.new.get("start"), e.new.get("end"))
        if where == "fuzzy":
            return f"New revision: matched approximately, check wording (\u201c{short(str(e.new.get('text', '')), 50)}\u201d)"
        return "New revision: found at a new place" if moved else "New revision: found in place"
    if e.action == "restored":
        old = e.old.get("claim_id") if isinstance(e.old, dict) else None
        return f"Restored (was claim #{old})" if old else "Restored"
    if e.action == "updated":
        label = {"status": "Verdict", "type": "Type", "note": "Note"}.get(e.field or "", FIELD_LABELS.get(e.field or "", e.field or ""))
        return f"{label}: {_value(e.field, e.old)} \u2192 {_value(e.field, e.new)}"
    info = e.new if isinstance(e.new, dict) else e.old if isinstance(e.old, dict) else {}
    what = info.get("url") or info.get("citation") or f"source {info.get('source_id', '?')}"
    if e.action == "source_linked":
        g = f"{info.get('reliability') or '?'}{info.get('credibility') or '?'}"
        return f"Source added ({info.get('relation', 'supports')}, {g}): {short(what, 60)}"
    if e.action == "source_unlinked":
        return f"Source removed: {short(what, 60)}"
    if e.action in ("source_updated", "source_edited"):
        old = e.old if isinstance(e.old, dict) else {}
        new = e.new if isinstance(e.new, dict) else {}
        changed = [f"{k} {_value(k, old.get(k))} \u2192 {_value(k, new.get(k))}"
                   for k in new if k != "source_id" and old.get(k) != new.get(k)]
        return f"Source {info.get('source_id', '?')} edited: " + ("; ".join(changed) or "no change")
    return e.action.replace("_", " ").capitalize()


def history_lines(events: Iterable[EventRecord], now: datetime | None = None) -> list[tuple[str, str]]:
    """(headline, rationale) per event, newest first: what the history tab lists."""
    out = []
    for e in sorted(events, key=lambda e: (e.at, e.id), reverse=True):
        out.append((f"{when_text(e.at, now)} \u00b7 {e.analyst} \u2014 {event_text(e)}", e.rationale or ""))
    return out


# --- recent workspaces ----------------------------------------------------------------------

def remember(items: Sequence[str], item: str, limit: int = 8) -> list[str]:
    """The recent-workspaces list with `item` first, no duplicates, at most `limit` long."""
    return [item] + [x for x in items if x != item][: limit - 1]
