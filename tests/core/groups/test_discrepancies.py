"""What disagrees within a group: figures, wordings, attributions -- and what must not be flagged."""
from __future__ import annotations

from desktop_app.core.groups.discrepancies import find_discrepancies
from desktop_app.core.groups.series import figure_series

from .factory import casualty, quote, statistic


def sides(d):
    return tuple(frozenset(r.claim_id for r in s.reports) for s in d.sides)


def test_incompatible_figures_are_one_discrepancy_with_every_report_on_its_side():
    ntv = [casualty(3, article_id=1, outlet="ntv.de", published="2023-12-26"),
           casualty(3, article_id=1, outlet="ntv.de", published="2023-12-26")]
    wire = casualty(4, article_id=2, outlet="Reuters", published="2023-12-26")
    radio = casualty(3, article_id=3, outlet="Radio", published="2023-12-27")
    found = find_discrepancies(5, "US soldiers injured", [*ntv, wire, radio])
    assert [d.kind for d in found] == ["figure"]
    d = found[0]
    assert sides(d) == (frozenset(r.claim_id for r in [*ntv, radio]), frozenset({wire.claim_id}))
    assert d.explanation == "3 injured (ntv.de, 2023-12-26; Radio, 2023-12-27) vs 4 injured (Reuters, 2023-12-26)"
    assert (d.group_id, d.group_label) == (5, "US soldiers injured")
    assert d.key.startswith("figure:5:")


def test_compatible_figures_are_not_flagged_and_stand_on_no_side():
    at_least_1 = casualty(1, "at least", category="killed", article_id=1)
    at_least_2 = casualty(2, "at least", category="killed", article_id=2)
    exactly_1 = casualty(1, category="killed", article_id=3)
    assert find_discrepancies(1, "k", [at_least_1, at_least_2]) == []
    assert find_discrepancies(1, "k", [at_least_1, exactly_1]) == []
    found = find_discrepancies(1, "k", [at_least_1, at_least_2, exactly_1])
    assert len(found) == 1
    assert sides(found[0]) == (frozenset({at_least_2.claim_id}), frozenset({exactly_1.claim_id}))
    assert found[0].explanation.startswith("at least 2 killed (")


def test_three_mutually_incompatible_figures_are_three_pairs():
    found = find_discrepancies(1, "x", [casualty(3, article_id=1), casualty(4, article_id=2), casualty(5, article_id=3)])
    assert [d.kind for d in found] == ["figure"] * 3


def test_the_same_figure_credited_to_different_sources_is_an_attribution_discrepancy():
    us = casualty(3, article_id=1, outlet="ntv.de", source="the US")
    military = casualty(3, article_id=2, source="the US military")           # the same source, named precisely
    nobody = casualty(3, article_id=3)                                      # no attribution: not a different one
    kurds = casualty(3, article_id=4, outlet="Radio", published="2023-12-27",
                     source="Kurdistan Region's Counter-Terrorism Directorate")
    assert find_discrepancies(1, "x", [us, military, nobody]) == []
    found = find_discrepancies(1, "x", [us, military, nobody, kurds])
    assert [d.kind for d in found] == ["attribution"]
    assert sides(found[0]) == (frozenset({us.claim_id, military.claim_id}), frozenset({kurds.claim_id}))
    assert found[0].explanation == ("3 injured attributed to the US (ntv.de, 2023-12-26; Outlet 2, 2023-12-26) "
                                    "vs to Kurdistan Region's Counter-Terrorism Directorate (Radio, 2023-12-27)")


def test_different_figures_from_different_sources_are_a_figure_discrepancy_only():
    found = find_discrepancies(1, "x", [casualty(3, article_id=1, source="the US"),
                                        casualty(4, article_id=2, source="a Pentagon official")])
    assert [d.kind for d in found] == ["figure"]


def test_statistics_are_described_by_what_they_count():
    found = find_discrepancies(1, "x", [statistic(100, "more than 100 attacks since October", "more than", article_id=1),
                                        statistic(90, "90 attacks", article_id=2)])
    assert found[0].explanation.startswith("more than 100 attacks (") and " vs 90 attacks (" in found[0].explanation


def test_quote_wordings_that_differ_are_flagged_with_the_differing_words():
    a = quote("necessary and appropriate", article_id=1, outlet="ntv.de")
    b = quote("\u201cNecessary and appropriate.\u201d", article_id=3, outlet="Radio", published="2023-12-27")
    c = quote("necessary and proportionate", article_id=2, outlet="Wire")
    assert find_discrepancies(1, "q", [a, b]) == []  # case and punctuation are not wording
    found = find_discrepancies(1, "q", [a, b, c])
    assert [d.kind for d in found] == ["wording"]
    assert sides(found[0]) == (frozenset({a.claim_id, b.claim_id}), frozenset({c.claim_id}))
    assert found[0].explanation == ("Lloyd Austin quoted as \u201cnecessary and appropriate\u201d (ntv.de, 2023-12-26; "
                                    "Radio, 2023-12-27) vs \u201cnecessary and proportionate\u201d (Wire, 2023-12-26)")


def test_a_long_quotation_is_shown_only_where_it_differs():
    a = quote("We do not want to escalate the conflict in the region, but we are determined and prepared", article_id=1)
    b = quote("We do not seek to escalate the conflict in the region, but we are determined and prepared", article_id=2)
    (d,) = find_discrepancies(1, "q", [a, b])
    assert "\u201c\u2026do not want to escalate\u2026\u201d" in d.explanation
    assert "\u201c\u2026do not seek to escalate\u2026\u201d" in d.explanation


def test_an_excerpt_stands_with_the_quotation_it_is_part_of():
    full = quote("we do not want to escalate, but we are determined and prepared to act", article_id=1)
    excerpt = quote("determined and prepared to act", article_id=3)
    other = quote("we do not seek to escalate, but we are committed and prepared to act", article_id=2)
    assert find_discrepancies(1, "q", [full, excerpt]) == []
    (d,) = find_discrepancies(1, "q", [full, excerpt, other])
    assert sides(d) == (frozenset({full.claim_id, excerpt.claim_id}), frozenset({other.claim_id}))
    both = quote("prepared to act", article_id=4)  # part of both wordings: on neither side
    (d,) = find_discrepancies(1, "q", [full, other, both])
    assert both.claim_id not in {r.claim_id for r in d.reports}


def test_a_quotation_credited_to_different_speakers_is_an_attribution_discrepancy():
    found = find_discrepancies(1, "q", [quote("necessary and appropriate", article_id=1),
                                        quote("necessary and appropriate", speaker="John Kirby", article_id=2)])
    assert [d.kind for d in found] == ["attribution"]
    assert found[0].explanation.startswith("\u201cnecessary and appropriate\u201d attributed to Lloyd Austin (")


def test_discrepancies_come_figures_first_and_json_names_every_member():
    found = find_discrepancies(1, "x", [casualty(3, article_id=1, source="the US"),
                                        casualty(3, article_id=2, source="Kurdish officials"),
                                        casualty(4, article_id=3)])
    assert [d.kind for d in found] == ["figure", "attribution"]
    data = found[0].to_json()
    assert set(data) >= {"kind", "group_id", "explanation", "members", "sides"}
    assert {m["side"] for m in data["members"]} == {0, 1}
    for m in data["members"]:
        assert {"claim_id", "article_id", "article_title", "outlet", "published", "source", "reading"} <= set(m)


def test_the_figures_view_gets_each_value_over_publication_time():
    reports = [casualty(4, article_id=2, published="2023-12-27"), casualty(3, "at least", article_id=1),
               casualty(5, article_id=3, published=None), quote("something", article_id=4)]
    series = figure_series(9, "US soldiers injured", reports)
    assert series.unit == "injured"
    assert [(p.article_id, p.count, p.qualifier, p.low, p.high) for p in series.points] == [
        (1, 3, "at least", 3, None), (2, 4, "exact", 4, 4), (3, 5, "exact", 5, 5)]
    assert figure_series(9, "q", [quote("x")]) is None
