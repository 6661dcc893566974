"""Words for suggestions, revisions and team work (no Qt; tested on their own, as present.py is)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .present import FIELD_LABELS, short, type_label, when_text

if TYPE_CHECKING:  # the detector (and the database layer under it) loads when suggestions are asked for
    from desktop_app.core.detect import Suggestion

CHECK_WORDING = "check wording"


def confidence_text(confidence: float) -> str:
    """How sure the detector is, as a percentage an analyst reads at a glance."""
    return f"{round(max(0.0, min(1.0, confidence)) * 100):d}%"


def suggestion_fields_text(s: Suggestion) -> str:
    """The structured fields the detector filled in, e.g. "Count 3 · exact · injured · Who: US soldiers"."""
    parts = []
    for key, value in s.fields.items():
        if value in (None, ""):
            continue
        if key == "count":
            parts.append(f"Count {value:,}" if isinstance(value, int) else f"Count {value}")
        elif key in ("qualifier", "category"):
            parts.append(str(value))
        else:
            parts.append(f"{FIELD_LABELS.get(key, key)}: {value}")
    return " \u00b7 ".join(parts)


def suggestion_meta(s: Suggestion) -> str:
    """The line under a candidate's words: its type, how sure, what was filled in."""
    fields = suggestion_fields_text(s)
    return f"{type_label(s.type)} \u00b7 {confidence_text(s.confidence)}" + (f" \u00b7 {fields}" if fields else "")


def count_by_type(items: Iterable[Suggestion]) -> dict[str, int]:
    out: dict[str, int] = {}
    for s in items:
        out[s.type] = out.get(s.type, 0) + 1
    return out


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def suggestions_heading(n: int) -> str:
    return "No suggestions left" if n == 0 else plural(n, "suggestion")


def pick_after(items: Sequence[Suggestion], key: tuple | None, start: int) -> int:
    """Which candidate to make current after the list changed: the same one if it is still there,
    else the first that starts at or after where the old one was (else the last); -1 if none."""
    if not items:
        return -1
    for i, s in enumerate(items):
        if s.key == key:
            return i
    for i, s in enumerate(items):
        if s.start >= start:
            return i
    return len(items) - 1


# --- revisions ----------------------------------------------------------------------------------

def revision_summary(title: str, revision: int, counts: Mapping[str, int]) -> str:
    """What a new version did to the claims, in sentences, e.g. after "Import new version…"."""
    total = sum(counts.values())
    head = f"Revision {revision} of \u201c{short(title, 60)}\u201d is now the article's text."
    if not total:
        return head + " It had no claims to place."
    placed = counts.get("exact", 0) + counts.get("moved", 0)
    lines = [head, f"Of its {plural(total, 'claim')}:",
             f"\u2022 {counts.get('exact', 0)} found in place",
             f"\u2022 {counts.get('moved', 0)} found at a new place",
             f"\u2022 {counts.get('fuzzy', 0)} matched approximately (marked \u201c{CHECK_WORDING}\u201d)",
             f"\u2022 {counts.get('orphaned', 0)} orphaned (no longer in the text)"]
    if counts.get("orphaned"):
        lines.append("Orphaned claims are listed under \u201cOrphaned\u201d in the claim panel: select one, select "
                     "its new words in the article and press Ctrl+Shift+R to re-attach it.")
    elif counts.get("fuzzy"):
        lines.append("Check the approximate matches: Ctrl+Shift+R on one confirms its new words.")
    elif placed == total:
        lines.append("Every claim was found.")
    return "\n".join(lines)


def revision_label(number: int, imported_at, current: int) -> str:
    """One entry of the Revisions menu."""
    what = " (current)" if number == current else ""
    return f"Revision {number}{what} \u2014 imported {when_text(imported_at)}"


def reading_banner(number: int, current: int, imported_at) -> str:
    return (f"Reading revision {number} of {current} (imported {when_text(imported_at)}): read-only, "
            "claims are not shown.")


# --- team work ----------------------------------------------------------------------------------

def analyst_status(name: str, organisation: str = "") -> str:
    """The status bar's "who am I" label."""
    return f"Analyst: {name}" + (f" \u00b7 {organisation}" if organisation else "")


def connection_lost(message: str) -> str:
    """The status bar while the workspace cannot be reached: the workspace's own one sentence."""
    return f"\u26a0 {message}"
