"""The words of suggestions, revisions and team work, checked without a window."""
from __future__ import annotations

from datetime import datetime, timezone

from desktop_app.core.detect import Suggestion
from desktop_app.core.records import EventRecord
from desktop_app.ui.present import event_text
from desktop_app.ui.review_text import (
    analyst_status,
    confidence_text,
    count_by_type,
    pick_after,
    revision_label,
    revision_summary,
    suggestion_fields_text,
    suggestion_meta,
    suggestions_heading,
)


def cas(start, text="three US soldiers injured", confidence=0.85, **fields):
    return Suggestion("casualty", start, start + len(text), text, confidence, fields)


def test_a_candidates_line_says_type_confidence_and_fields():
    s = cas(10, count=2500, qualifier="about", category="injured", who="US soldiers")
    assert suggestion_fields_text(s) == "Count 2,500 \u00b7 about \u00b7 injured \u00b7 Who: US soldiers"
    assert suggestion_meta(s) == "Casualty figure \u00b7 85% \u00b7 Count 2,500 \u00b7 about \u00b7 injured \u00b7 Who: US soldiers"
    quote = Suggestion("quote", 0, 5, "hello", 0.704, {"speaker": "Lloyd Austin"})
    assert suggestion_meta(quote) == "Quote \u00b7 70% \u00b7 Speaker: Lloyd Austin"
    assert suggestion_meta(Suggestion("event", 0, 5, "x", 1.7)) == "Event \u00b7 100%"
    assert confidence_text(-0.2) == "0%"
    assert count_by_type([s, quote, cas(40)]) == {"casualty": 2, "quote": 1}
    assert suggestions_heading(0) == "No suggestions left" and suggestions_heading(1) == "1 suggestion"


def test_after_the_list_changes_the_same_or_the_next_candidate_stays_current():
    items = [cas(0), cas(50), cas(100)]
    assert pick_after(items, items[1].key, items[1].start) == 1
    assert pick_after([items[0], items[2]], items[1].key, items[1].start) == 1  # the one after it
    assert pick_after(items[:2], ("casualty", 200, 210), 200) == 1  # past the end: the last
    assert pick_after([], None, 0) == -1


def test_revision_summary_counts_every_outcome_and_says_how_to_reattach():
    text = revision_summary("USA attacks", 2, {"exact": 3, "moved": 1, "fuzzy": 1, "orphaned": 2})
    assert text.splitlines()[:6] == [
        "Revision 2 of \u201cUSA attacks\u201d is now the article's text.", "Of its 7 claims:",
        "\u2022 3 found in place", "\u2022 1 found at a new place",
        "\u2022 1 matched approximately (marked \u201ccheck wording\u201d)", "\u2022 2 orphaned (no longer in the text)"]
    assert "Ctrl+Shift+R" in text.splitlines()[-1]
    assert revision_summary("A", 3, {"exact": 2, "moved": 0, "fuzzy": 0, "orphaned": 0}).endswith("Every claim was found.")
    assert revision_summary("A", 2, {"exact": 0, "moved": 0, "fuzzy": 0, "orphaned": 0}).endswith("no claims to place.")
    at = datetime(2024, 1, 2, 10, 30, tzinfo=timezone.utc)
    assert revision_label(2, at, 2).startswith("Revision 2 (current) \u2014 imported ")
    assert revision_label(1, at, 2).startswith("Revision 1 \u2014 imported ")
    assert analyst_status("Jo", "Desk") == "Analyst: Jo \u00b7 Desk" and analyst_status("Jo") == "Analyst: Jo"


def test_history_words_for_reanchoring_and_reattaching():
    def event(action, old, new):
        return EventRecord(1, 1, 1, datetime.now(timezone.utc), "jo", action, None, old, new, "")

    place = {"start": 10, "end": 20, "text": "Another 24", "anchor": "exact"}
    assert event_text(event("reanchored", place, {**place, "anchor": "orphaned"})) == \
        "Orphaned by a new revision: its words are no longer in the text"
    assert event_text(event("reanchored", place, {**place, "start": 30, "end": 40})) == "New revision: found at a new place"
    assert event_text(event("reanchored", place, {**place, "anchor": "fuzzy", "text": "Another 42"})).startswith(
        "New revision: matched approximately, check wording")
    assert event_text(event("reattached", {**place, "anchor": "orphaned"}, place)) == "Re-attached to \u201cAnother 24\u201d"
    assert event_text(event("reattached", place, {**place, "anchor": "orphaned"})).endswith("(orphaned again)")
