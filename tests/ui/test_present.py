"""The words and filters the widgets show, checked without a window (as Picard tests its helpers)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop_app.core.records import ClaimRecord, EventRecord
from desktop_app.ui.present import (
    ClaimFilter,
    claim_tooltip_html,
    event_text,
    filter_claims,
    history_lines,
    remember,
    when_text,
)

NOW = datetime(2024, 3, 12, 14, 5, tzinfo=timezone.utc)


def claim(i, type="casualty", status="unverified", text="three soldiers", note="", anchor="exact", **fields):
    return ClaimRecord(id=i, article_id=1, start=i, end=i + 5, text=text, prefix="", suffix="", type=type,
                       status=status, note=note, version=1, anchor=anchor,
                       all_fields={"count": None, "qualifier": None, "category": None, "who": None,
                                   "speaker": None, "attributed_to": None, **fields},
                       analyst="a", created_at=NOW, updated_at=NOW, updated_by="a")


def event(action, field=None, old=None, new=None, rationale="", at=NOW):
    return EventRecord(id=1, claim_id=1, article_id=1, at=at, analyst="maria", action=action, field=field,
                       old=old, new=new, rationale=rationale)


def test_filter_by_type_status_text_and_orphaned():
    claims = [claim(1, "casualty", "disputed", "Three soldiers injured"),
              claim(2, "quote", "verified", "necessary and appropriate", note="Austin, Pentagon"),
              claim(3, "casualty", "verified", "24 were injured", anchor="orphaned")]
    assert filter_claims(claims, ClaimFilter()) == [0, 1, 2]
    assert filter_claims(claims, ClaimFilter(types=frozenset({"casualty"}))) == [0, 2]
    assert filter_claims(claims, ClaimFilter(statuses=frozenset({"verified"}))) == [1, 2]
    assert filter_claims(claims, ClaimFilter(text="PENTAGON")) == [1]  # notes too, any case
    assert filter_claims(claims, ClaimFilter(text="injured", statuses=frozenset({"verified"}))) == [2]
    assert filter_claims(claims, ClaimFilter(orphaned_only=True)) == [2]


def test_history_lines_say_what_changed_and_why_newest_first():
    events = [event("created", new={"type": "casualty", "status": "unverified"}),
              event("updated", "status", "unverified", "disputed", "Pentagon says four", at=NOW + timedelta(minutes=1)),
              event("source_linked", "sources", new={"source_id": 3, "url": "https://dod.gov/x", "relation": "supports",
                                                      "reliability": "C", "credibility": None},
                    at=NOW + timedelta(minutes=2))]
    lines = history_lines(events, now=NOW)
    assert [why for _, why in lines] == ["", "Pentagon says four", ""]
    assert "Source added (supports, C?): https://dod.gov/x" in lines[0][0]
    assert "Verdict: Unverified \u2192 Disputed" in lines[1][0]
    assert lines[2][0].endswith("maria \u2014 Created as Casualty figure (Unverified)")


def test_event_text_for_a_restored_claim_names_the_old_id():
    assert event_text(event("restored", old={"claim_id": 7})) == "Restored (was claim #7)"


def test_when_text_is_short_today_and_dated_otherwise():
    local_now = NOW.astimezone()
    assert when_text(NOW, now=NOW) == local_now.strftime("%H:%M")
    assert when_text(NOW - timedelta(days=400), now=NOW).endswith((NOW - timedelta(days=400)).astimezone().strftime("%Y %H:%M"))


def test_tooltips_escape_what_the_workspace_holds():
    html = claim_tooltip_html([claim(1, note="<img src='http://evil/x.png'>")])
    assert "<img" not in html and "&lt;img" in html


def test_recent_workspaces_keep_the_newest_first_without_duplicates():
    assert remember(["a", "b", "c"], "b", limit=3) == ["b", "a", "c"]
    assert remember(["a", "b", "c"], "d", limit=3) == ["d", "a", "b"]
