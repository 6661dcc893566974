"""The "Conflicting reports" section of the Word briefing, as text."""
from __future__ import annotations

from desktop_app.core.groups.briefing import COLUMNS, HEADING, briefing_rows, briefing_section, concerning
from desktop_app.core.groups.discrepancies import find_discrepancies

from .factory import casualty, quote


def discrepancies():
    return (find_discrepancies(1, "US soldiers injured", [
                casualty(3, article_id=1, outlet="ntv.de", source="the US"),
                casualty(3, article_id=3, outlet="Citadel Radio", published="2023-12-27", source="Kurdish officials"),
                casualty(4, article_id=2, outlet="Continental Newswire", source="a Pentagon official")])
            + find_discrepancies(2, "Austin on the strikes", [
                quote("necessary and appropriate", article_id=1, outlet="ntv.de"),
                quote("necessary and proportionate", article_id=2, outlet="Continental Newswire")]))


def test_each_discrepancy_is_a_row_naming_the_outlets_on_each_side():
    rows = briefing_rows(discrepancies())
    assert [(r.claim, r.kind) for r in rows] == [("US soldiers injured", "Figures differ"),
                                                 ("US soldiers injured", "Attributed differently"),
                                                 ("Austin on the strikes", "Quoted differently")]
    figure, attribution, wording = rows
    assert figure.reports == (
        "3 injured: ntv.de, 2023-12-26 (according to the US); Citadel Radio, 2023-12-27 (according to Kurdish officials)",
        "4 injured: Continental Newswire, 2023-12-26 (according to a Pentagon official)")
    assert attribution.reports == ("According to the US: ntv.de, 2023-12-26",
                                   "According to Kurdish officials: Citadel Radio, 2023-12-27")
    assert wording.reports[1] == "\u201cnecessary and proportionate\u201d: Continental Newswire, 2023-12-26"
    assert figure.cells() == ("US soldiers injured", "Figures differ", "\n".join(figure.reports))
    assert len(figure.claim_ids) == 3 and figure.explanation.startswith("3 injured (")


def test_the_section_has_a_heading_a_summary_and_columns():
    section = briefing_section(discrepancies())
    assert (section.heading, section.columns) == (HEADING, COLUMNS) == ("Conflicting reports",
                                                                        ("Claim", "What differs", "Reports"))
    assert section.intro.startswith("Across 3 articles, reports of 2 claims disagree: 1 figure differ")
    assert "1 quotation is worded differently" in section.intro
    assert "1 figure or quotation is credited to different sources" in section.intro
    assert len(section.rows) == 3


def test_with_nothing_in_conflict_the_section_says_so():
    section = briefing_section([])
    assert section.rows == () and "No reports" in section.intro


def test_a_briefing_on_some_articles_shows_the_discrepancies_they_take_part_in():
    found = discrepancies()
    assert concerning(found, [1]) == found                       # ntv.de takes part in all three
    assert [d.kind for d in concerning(found, [2])] == ["figure", "wording"]  # the wire credits no one else
    assert [d.kind for d in concerning(found, [3])] == ["figure", "attribution"]  # the radio: not quoted
    assert concerning(found, [99]) == []
