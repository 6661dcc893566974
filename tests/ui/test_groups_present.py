"""The words of the views across articles, checked without a window on the Erbil event set."""
from __future__ import annotations

import pytest

from desktop_app.ui import groups_present as gp

from ..core.groups.erbil import expectations, load_event


@pytest.fixture(scope="module")
def erbil(tmp_path_factory):
    from desktop_app.core.workspace import Workspace

    ws = Workspace.open(tmp_path_factory.mktemp("present") / "w.db")
    ids = load_event(ws)
    ws.apply_group_suggestions()
    yield ws, ids
    ws.close()


def test_figures_read_as_the_analyst_compares_them():
    assert gp.figure_text(3, "exact") == "3"
    assert gp.figure_text(2, "At least") == "at least 2"
    assert gp.figure_text(2500, "around") == "about 2,500"
    assert gp.figure_text(100, "over") == "more than 100"
    assert gp.figure_text(None) == ""
    assert gp.date_text("2023-12-26T08:00:00") == "2023-12-26" and gp.date_text(None) == "undated"
    assert gp.outlet_text(None, "A very long article title that goes on and on and on", 4).startswith("A very long")
    assert gp.outlet_text(None, "", 4) == "article 4"


def test_a_groups_figures_show_the_two_sides_of_its_discrepancy(erbil):
    ws, _ = erbil
    discrepancies = ws.discrepancies()
    groups = {g.label: g for g in ws.groups()}
    injured = next(g for label, g in groups.items() if label.startswith("US soldiers"))
    killed = next(g for label, g in groups.items() if "killed" in label)
    troops = next(g for label, g in groups.items() if "2,500" in label)
    assert set(gp.group_figures_text(injured, discrepancies).split(" \u2260 ")) == {"3", "4"}
    # "at least 1" agrees with both sides, so it is not shown as one of them
    assert gp.group_figures_text(killed, discrepancies) == "at least 2 \u2260 1"
    assert gp.group_figures_text(troops, discrepancies) == "about 2,500"


def test_discrepancy_counts_badges_and_member_flags(erbil):
    ws, ids = erbil
    discrepancies = ws.discrepancies()
    counts = gp.discrepancy_counts(discrepancies)
    assert sum(counts.values()) == len(expectations()["discrepancies"]) == 6
    injured = ws.group_of(ids[("usa-attacks-pro-iranian-militias-in-iraq.txt", "Three soldiers are injured")])
    assert counts[injured.id] == 2  # figure and attribution
    flags = gp.member_flags(discrepancies)
    radio = ids[("erbil-drone-attack-regional-radio.txt", "Three American soldiers were wounded, one of them seriously")]
    assert {f.kind for f in flags[radio]} == {"figure", "attribution"}
    figure = next(f for f in flags[radio] if f.kind == "figure")
    assert (figure.reading, figure.against) == ("3 injured", "4 injured")
    calm = ids[("usa-attacks-pro-iranian-militias-in-iraq.txt", "attacks on three facilities")]
    assert calm not in flags
    assert "Figures differ" in gp.flag_tooltip(flags[radio])
    assert gp.status_text(6) == "\u26a0 6 discrepancies" and gp.status_text(1) == "\u26a0 1 discrepancy"
    assert gp.status_text(0) == ""


def test_groups_with_discrepancies_come_first_and_search_finds_outlets(erbil):
    ws, _ = erbil
    discrepancies = ws.discrepancies()
    counts = gp.discrepancy_counts(discrepancies)
    ordered = gp.sort_groups(ws.groups(), counts)
    assert [counts.get(g.id, 0) for g in ordered] == sorted((counts.get(g.id, 0) for g in ordered), reverse=True)
    assert counts.get(ordered[0].id) == 2
    assert gp.group_summary(ordered[0], 2) == "7 claims in 3 articles \u00b7 2 discrepancies"
    assert all(gp.group_matches(g, "citadel radio") for g in ordered)  # every group has a radio report
    assert [g for g in ordered if gp.group_matches(g, "proportionate")][0].label.startswith("Lloyd Austin")
    assert not any(gp.group_matches(g, "nothing like this") for g in ordered)


def test_a_report_line_names_outlet_date_and_source(erbil):
    ws, _ = erbil
    figure = next(d for d in ws.discrepancies() if d.kind == "figure" and "4 injured" in d.explanation)
    wire = next(r for r in figure.sides[1].reports if r.source)
    line = gp.report_line(figure.sides[1].reading, wire)
    assert line.startswith("4 injured \u2014 Continental Newswire, 2023-12-26, according to Pentagon official:")


def test_same_claim_candidates_other_articles_first_filtered_by_words_and_type(erbil):
    ws, ids = erbil
    me = ws.claim(ids[("usa-attacks-pro-iranian-militias-in-iraq.txt", "necessary and appropriate")])
    labels = {m.claim.id: g.label for g in ws.groups() for m in g.members}
    items = gp.candidates(ws.claims(), {a.id: a for a in ws.articles()}, labels, exclude=[me.id])
    assert me.id not in {c.claim.id for c in items}
    quotes = gp.filter_candidates(items, "", "quote", me.article_id)
    assert quotes and all(c.claim.type == "quote" for c in quotes)
    assert quotes[0].claim.article_id != me.article_id and quotes[-1].claim.article_id == me.article_id
    found = gp.filter_candidates(items, "NECESSARY proportionate", None, me.article_id)
    assert [c.claim.text for c in found] == ["necessary and proportionate"]
    assert found[0].outlet == "Continental Newswire" and found[0].group_label.startswith("Lloyd Austin")
    assert [c.claim.text for c in gp.filter_candidates(items, "citadel appropriate")] == ["necessary and appropriate"]


def test_a_suggestions_figures_preview_reads_qualifiers_as_the_groups_do(tmp_path):
    from desktop_app.core.workspace import Workspace

    with Workspace.open(tmp_path / "w.db") as ws:
        load_event(ws)
        suggestions = ws.suggest_groups()
        articles = {a.id: a for a in ws.articles()}
        claims = {cid: (c := ws.claim(cid), articles[c.article_id].publisher, articles[c.article_id].published)
                  for s in suggestions for cid in s.member_ids}
        killed = next(s for s in suggestions if "killed" in s.label)
        preview = gp.suggestion_figures(killed, claims)
        assert [(p.outlet, p.published, p.count, p.qualifier, p.low, p.high) for p in preview.points] == [
            ("ntv.de", "2023-12-26", 1, "at least", 1, None),
            ("Continental Newswire", "2023-12-26", 2, "at least", 2, None),
            ("Citadel Radio", "2023-12-27", 1, "exact", 1, 1)]
        assert preview.unit == "killed" and preview.label == killed.label
        # the same points the workspace gives the group once it is accepted
        [group] = ws.apply_group_suggestions([killed])
        [series] = ws.group_figures(group.id)
        assert [(p.claim_id, p.low, p.high) for p in series.points] == [(p.claim_id, p.low, p.high)
                                                                         for p in preview.points]
        quotes = next(s for s in suggestions if "necessary and appropriate" in s.label)
        assert gp.suggestion_figures(quotes, claims) is None
        rows = gp.member_rows(ws.group(group.id).members)
        assert [(r.outlet, r.figure) for r in rows] == [("ntv.de", "at least 1"), ("Continental Newswire", "at least 2"),
                                                        ("Citadel Radio", "1")]
