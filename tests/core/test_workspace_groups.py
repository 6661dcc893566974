"""Groups and discrepancies through the Workspace, on SQLite and PostgreSQL: the Erbil event set
(sample + two variant reports, claims exactly as in their gold files) must flag every deliberate
discrepancy in seeds/erbil-strikes.discrepancies.json and nothing else."""
from __future__ import annotations

import pytest

from desktop_app.core.errors import InvalidInput, NotFound, StaleVersion
from desktop_app.core.groups import briefing_section

from .groups.erbil import claim_set, expectations, load_event


@pytest.fixture
def event(workspace):
    return load_event(workspace)


def as_sets(ids, spec_groups):
    return {claim_set(ids, g["members"]) for g in spec_groups}


def found(discrepancies):
    return {(d.kind, tuple(frozenset(r.claim_id for r in s.reports) for s in d.sides)) for d in discrepancies}


def expected(ids):
    return {(d["kind"], tuple(claim_set(ids, side) for side in d["sides"])) for d in expectations()["discrepancies"]}


def test_suggestions_are_exactly_the_expected_groups(workspace, event):
    suggestions = workspace.suggest_groups()
    assert {frozenset(s.member_ids) for s in suggestions} == as_sets(event, expectations()["groups"])
    assert all(s.group_id is None and s.claim_ids == s.member_ids and s.reasons for s in suggestions)


def test_every_deliberate_discrepancy_is_flagged_and_nothing_else(workspace, event):
    before = workspace.change_count()
    groups = workspace.apply_group_suggestions()
    assert workspace.change_count() == before + 1  # one action
    assert {frozenset(g.claim_ids) for g in groups} == as_sets(event, expectations()["groups"])
    assert workspace.suggest_groups() == []

    discrepancies = workspace.discrepancies()
    assert found(discrepancies) == expected(event)
    explanations = {d.explanation for d in discrepancies}
    for spec in expectations()["discrepancies"]:
        if "explanation" in spec:
            assert spec["explanation"] in explanations
    for d in discrepancies:  # each conflicting report names its article, outlet, date and source
        for r in d.reports:
            assert r.article_title and r.outlet in {"ntv.de", "Continental Newswire", "Citadel Radio"}
            assert r.published in {"2023-12-26", "2023-12-27"}
    wording = next(d for d in discrepancies if "proportionate" in d.explanation)
    assert all(r.source == "Lloyd Austin" for r in wording.reports)
    by_text = {r.text: r for d in discrepancies for r in d.reports}
    assert by_text["Four US service members were injured in the attack on the Erbil air base, one of them "
                   "critically"].source == "Pentagon official"
    assert by_text["three US soldiers were injured, one of them seriously"].source == "the US"

    group = next(g for g in groups if "proportionate" in " ".join(m.claim.text for m in g.members))
    assert workspace.discrepancies(group.id) == [wording]


def test_the_conflicting_reports_section_comes_from_the_discrepancies(workspace, event):
    workspace.apply_group_suggestions()
    section = briefing_section(workspace.discrepancies())
    assert section.heading == "Conflicting reports" and len(section.rows) == len(expectations()["discrepancies"])
    lines = [line for row in section.rows for line in row.reports]
    assert "4 injured: Continental Newswire, 2023-12-26 (according to Pentagon official)" in lines
    assert "According to Kurdistan Region's Counter-Terrorism Directorate: Citadel Radio, 2023-12-27" in lines
    assert section.intro.startswith("Across 3 articles, reports of 5 claims disagree")


def test_groups_list_members_with_their_article_facts(workspace, event):
    workspace.apply_group_suggestions()
    groups = workspace.groups()
    assert len(groups) == len(expectations()["groups"])
    injured = next(g for g in groups if event[("us-strikes-kataeb-hezbollah-wire.txt", "wounds four US troops")]
                   in g.claim_ids)
    assert injured.label == "US soldiers injured" and injured.status == "unverified"
    assert [m.outlet for m in injured.members] == ["ntv.de"] * 3 + ["Continental Newswire"] * 3 + ["Citadel Radio"]
    data = injured.to_json()
    member = data["members"][0]
    for key in ("id", "article_id", "start", "end", "text", "type", "status", "note", "version", "anchor", "fields",
                "sources", "article_title", "outlet", "published", "source"):
        assert key in member
    assert member["article_title"] == "USA attacks pro-Iranian militias in Iraq"
    assert member["fields"]["count"] == 3
    assert workspace.group(injured.id) == injured
    assert workspace.group_of(member["id"]) == injured
    claim_alone = event[("erbil-drone-attack-regional-radio.txt", "no civilians were hurt")]
    assert workspace.group_of(claim_alone) is None


def test_the_figures_view_gets_each_groups_values_over_time(workspace, event):
    workspace.apply_group_suggestions()
    series = {s.label: s for s in workspace.group_figures()}
    assert len(series) == 6  # the three quotation groups have no figures
    killed = series["Member of a pro-Iranian group killed"]
    assert [(p.outlet, p.published, p.count, p.qualifier, p.low, p.high) for p in killed.points] == [
        ("ntv.de", "2023-12-26", 1, "at least", 1, None),
        ("Continental Newswire", "2023-12-26", 2, "at least", 2, None),
        ("Citadel Radio", "2023-12-27", 1, "exact", 1, 1)]
    assert killed.points[0].source == "Iraqi security sources" and killed.unit == "killed"
    assert workspace.group_figures(killed.group_id) == [killed]


def test_a_group_verdict_goes_to_every_member_each_with_its_history(workspace, event):
    workspace.apply_group_suggestions()
    group = workspace.group_of(event[("usa-attacks-pro-iranian-militias-in-iraq.txt", "Another 24 were injured")])
    first = group.members[0].claim.id
    workspace.update_claim(first, status="disputed", rationale="earlier")
    group = workspace.group(group.id)
    before = workspace.change_count()
    applied = workspace.set_group_verdict(group.id, "Disputed", rationale="Wire says 18, two others 24")
    assert workspace.change_count() == before + 1
    assert applied.group.status == "disputed"
    assert set(applied.previous) == set(group.claim_ids) - {first}
    assert set(applied.previous.values()) == {"unverified"}
    for cid in group.claim_ids:
        last = workspace.history(cid)[-1]
        if cid == first:
            assert last.rationale == "earlier"  # already disputed: no new entry
        else:
            assert (last.action, last.field, last.old, last.new, last.rationale) == (
                "updated", "status", "unverified", "disputed", "Wire says 18, two others 24")
        assert workspace.claim(cid).status == "disputed"

    with pytest.raises(StaleVersion, match=f"Group {group.id} was changed"):
        workspace.set_group_verdict(group.id, "verified", rationale="late", if_version=group.version)
    assert {workspace.claim(c).status for c in group.claim_ids} == {"disputed"}

    restored = workspace.restore_verdicts(applied.previous, rationale="undo")
    assert {c.id: c.status for c in restored} == applied.previous
    assert workspace.claim(first).status == "disputed"
    with pytest.raises(InvalidInput, match="Unknown status"):
        workspace.set_group_verdict(group.id, "probably", rationale="x")
    with pytest.raises(NotFound, match="no claim group 999"):
        workspace.set_group_verdict(999, "verified")


def test_linking_and_unlinking_by_hand_is_in_each_claims_history(workspace, event):
    a = event[("usa-attacks-pro-iranian-militias-in-iraq.txt", "necessary and appropriate")]
    b = event[("us-strikes-kataeb-hezbollah-wire.txt", "necessary and proportionate")]
    c = event[("erbil-drone-attack-regional-radio.txt", "necessary and appropriate")]
    group = workspace.link_claims([a, b], label="Austin: necessary and ...", rationale="same statement")
    assert set(group.claim_ids) == {a, b} and group.label == "Austin: necessary and ..."
    event_b = workspace.history(b)[-1]
    assert (event_b.action, event_b.field, event_b.new, event_b.rationale) == (
        "grouped", "group", {"group_id": group.id, "label": "Austin: necessary and ..."}, "same statement")

    grown = workspace.link_claims([c, a])  # "Same claim as..." on a claim already grouped: joins that group
    assert grown.id == group.id and set(grown.claim_ids) == {a, b, c}
    assert [s for s in workspace.suggest_groups() if {a, b, c} & set(s.member_ids)] == []

    after = workspace.unlink_claim(b, rationale="different translation, different claim")
    assert set(after.claim_ids) == {a, c}
    last = workspace.history(b)[-1]
    assert (last.action, last.old["group_id"], last.rationale) == (
        "ungrouped", group.id, "different translation, different claim")
    # removed by hand: suggestions do not put it back
    assert not [s for s in workspace.suggest_groups() if b in s.member_ids]
    assert workspace.discrepancies(group.id) == []

    assert workspace.unlink_claim(c) is None  # a group of one is no group
    assert workspace.group_of(a) is None and workspace.history(a)[-1].action == "ungrouped"
    with pytest.raises(NotFound):
        workspace.group(group.id)

    regrouped = workspace.link_claims([a, b])  # by hand, the analyst overrides an earlier "not the same"
    assert set(regrouped.claim_ids) == {a, b}


def test_linking_claims_of_two_groups_merges_them(workspace, event):
    workspace.apply_group_suggestions()
    x = workspace.group_of(event[("usa-attacks-pro-iranian-militias-in-iraq.txt", "Another 24 were injured")])
    y = workspace.group_of(event[("us-strikes-kataeb-hezbollah-wire.txt", "At least two militia fighters were killed")])
    merged = workspace.link_claims([x.claim_ids[0], y.claim_ids[0]], rationale="one toll")
    assert merged.id == min(x.id, y.id)
    assert set(merged.claim_ids) == set(x.claim_ids) | set(y.claim_ids)
    moved = y.claim_ids[1] if merged.id == x.id else x.claim_ids[1]
    last = workspace.history(moved)[-1]
    assert last.action == "grouped" and last.old["group_id"] == max(x.id, y.id) and last.new["group_id"] == merged.id
    with pytest.raises(NotFound):
        workspace.group(max(x.id, y.id))


def test_dissolving_and_rejecting_suggestions_keep_them_from_coming_back(workspace, event):
    suggestions = workspace.suggest_groups()
    facilities = next(s for s in suggestions if "facilities" in s.label)
    workspace.reject_group_suggestion(facilities)
    after = workspace.suggest_groups()
    assert len(after) == len(suggestions) - 1
    assert not any(set(facilities.member_ids) & set(s.member_ids) for s in after)

    workspace.apply_group_suggestions()
    some = workspace.groups()[0]
    before = workspace.dissolve_group(some.id, rationale="not one claim")
    assert before == some
    assert all(workspace.history(c)[-1].action == "ungrouped" for c in some.claim_ids)
    assert not any(set(some.claim_ids) & set(s.member_ids) for s in workspace.suggest_groups())


def test_undoing_a_grouping_forgets_nothing_so_the_suggestion_comes_back(workspace, event):
    suggestions = workspace.suggest_groups()
    facilities = next(s for s in suggestions if "facilities" in s.label)
    injured = next(s for s in suggestions if len(s.member_ids) == 7)
    made = {frozenset(g.claim_ids): g for g in workspace.apply_group_suggestions([facilities, injured])}
    workspace.dissolve_group(made[frozenset(facilities.member_ids)].id, rationale="undo", remember=False)
    group = made[frozenset(injured.member_ids)]
    workspace.unlink_claim(injured.member_ids[0], rationale="undo", remember=False)
    again = {frozenset(s.member_ids): s for s in workspace.suggest_groups()}
    assert frozenset(facilities.member_ids) in again  # a new group again
    back = again[frozenset(injured.member_ids)]  # an addition to the group that is left
    assert back.group_id == group.id and back.claim_ids == (injured.member_ids[0],)
    assert workspace.history(injured.member_ids[0])[-1].action == "ungrouped"


def test_a_later_article_is_suggested_into_the_existing_groups(workspace, event):
    wire = [cid for (file, _), cid in event.items() if file == "us-strikes-kataeb-hezbollah-wire.txt"]
    for cid in wire:
        workspace.delete_claim(cid)
    groups = workspace.apply_group_suggestions()
    count = workspace.change_count()
    same = workspace.link_claims([groups[0].claim_ids[0], groups[0].claim_ids[1]])  # already together
    assert same == workspace.group(groups[0].id) and workspace.change_count() == count
    spec = next(a for a in expectations()["articles"] if a["file"] == "us-strikes-kataeb-hezbollah-wire.txt")
    from .groups.erbil import SEEDS, gold_fields
    import json

    article = next(a for a in workspace.articles() if a.title.startswith("US strikes"))
    gold = json.loads((SEEDS / spec["file"].replace(".txt", ".gold.json")).read_text())
    for item in gold["claims"]:
        workspace.add_claim(article.id, item["type"], quote=item["text"], fields=gold_fields(item))
    suggestions = workspace.suggest_groups()
    assert {s.group_id for s in suggestions} <= {g.id for g in groups}
    assert all(s.group_id is not None for s in suggestions)
    assert len(suggestions) == len(groups)  # the wire report adds one claim or more to every group
    workspace.apply_group_suggestions(suggestions)
    assert len(workspace.discrepancies()) == len(expectations()["discrepancies"])


def test_bad_group_actions_are_refused_and_change_nothing(workspace, event):
    a = event[("usa-attacks-pro-iranian-militias-in-iraq.txt", "necessary and appropriate")]
    before = workspace.change_count()
    with pytest.raises(InvalidInput, match="at least two claims"):
        workspace.link_claims([a, a])
    with pytest.raises(NotFound, match="no claim 9999"):
        workspace.link_claims([a, 9999])
    with pytest.raises(InvalidInput, match="label cannot be empty"):
        workspace.link_claims([a, a + 1], label="  ")
    with pytest.raises(InvalidInput, match=f"Claim {a} is not in a group"):
        workspace.unlink_claim(a)
    with pytest.raises(NotFound, match="no claim group 42"):
        workspace.discrepancies(42)
    assert workspace.change_count() == before and workspace.groups() == []
    stale = workspace.suggest_groups()
    workspace.link_claims(list(stale[0].claim_ids[:2]))
    with pytest.raises(InvalidInput, match="since this suggestion was made; nothing was grouped"):
        workspace.apply_group_suggestions(stale)
    assert len(workspace.groups()) == 1


def test_article_details_can_be_filled_in(workspace, sample_article):
    summary = workspace.set_article_details(sample_article.id, publisher=" ntv.de ", published="2023-12-26",
                                            source_url="https://www.n-tv.de/x")
    assert (summary.publisher, summary.published, summary.source_url) == ("ntv.de", "2023-12-26", "https://www.n-tv.de/x")
    cleared = workspace.set_article_details(sample_article.id, publisher="")
    assert cleared.publisher is None
    for bad, message in [({"published": "26.12.2023"}, "YYYY-MM-DD"), ({"title": " "}, "title cannot be empty"),
                         ({"source_url": "ftp://x"}, "not a web address"), ({"colour": "red"}, "no detail 'colour'")]:
        with pytest.raises(InvalidInput, match=message):
            workspace.set_article_details(sample_article.id, **bad)
    with pytest.raises(NotFound):
        workspace.set_article_details(999, publisher="x")


def _grouped_claims(workspace, size):
    """A group of `size` claims: the first suggested group, cut down to `size` by hand."""
    group = max(workspace.apply_group_suggestions(), key=lambda g: len(g.claim_ids))
    for cid in group.claim_ids[size:]:
        workspace.unlink_claim(cid)
    group = workspace.group(group.id)
    assert len(group.claim_ids) == size
    return group


def test_deleting_a_grouped_claim_takes_it_out_and_restoring_puts_it_back(workspace, event):
    group = _grouped_claims(workspace, 3)
    gone = workspace.delete_claim(group.claim_ids[0], rationale="duplicate")
    after = workspace.group(group.id)
    assert after.claim_ids == group.claim_ids[1:]
    assert [e.action for e in workspace.history(gone.id)][-2:] == ["ungrouped", "deleted"]

    back = workspace.restore_claim(gone, rationale="undo")
    assert workspace.group_of(back.id).id == group.id
    assert sorted(workspace.group(group.id).claim_ids) == sorted(group.claim_ids[1:] + (back.id,))
    assert workspace.history(back.id)[-1].action == "grouped"


def test_restoring_a_claim_whose_deletion_dissolved_its_group_makes_the_group_again(workspace, event):
    pair = _grouped_claims(workspace, 2)
    gone = workspace.delete_claim(pair.claim_ids[0])
    left = pair.claim_ids[1]
    assert workspace.group_of(left) is None
    with pytest.raises(NotFound):
        workspace.group(pair.id)

    back = workspace.restore_claim(gone)
    again = workspace.group_of(back.id)
    assert again.label == pair.label and sorted(again.claim_ids) == sorted([left, back.id])


def test_a_restored_claim_does_not_pull_claims_out_of_groups_they_joined_since(workspace, event):
    pair = _grouped_claims(workspace, 2)
    gone = workspace.delete_claim(pair.claim_ids[0])
    left = pair.claim_ids[1]
    other = next(c.id for a in workspace.articles() for c in workspace.claims(a.id)
                 if c.id != left and workspace.group_of(c.id) is None and c.type == "quote")
    joined = workspace.link_claims([left, other], label="joined since")
    back = workspace.restore_claim(gone)
    assert workspace.group_of(back.id) is None
    assert sorted(workspace.group(joined.id).claim_ids) == sorted([left, other])


def test_forgetting_a_dismissal_keeps_the_pairs_rejected_before_it(workspace, event):
    [first, *_] = workspace.suggest_groups()
    a, b = first.member_ids[:2]
    workspace.link_claims([a, b])
    workspace.unlink_claim(b)  # "not the same": a and b are rejected as a pair from now on
    pairs = workspace.reject_group_suggestion(first)
    assert (min(a, b), max(a, b)) not in pairs and pairs  # recorded before, not by the dismissal
    workspace.forget_group_rejections(pairs)
    again = {frozenset(s.member_ids) for s in workspace.suggest_groups()}
    assert frozenset(first.member_ids) not in again  # a and b are still not the same claim
    assert workspace.reject_group_suggestion(first) == pairs  # forgotten: recorded anew
