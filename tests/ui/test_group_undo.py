"""The undoable edits across articles, on SQLite and PostgreSQL: each first run is one Workspace
action, undo puts groups, labels, verdicts and details back as they were, redo does it again."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop_app.ui.group_undo import (
    AcceptSuggestionsCommand,
    ArticleDetailsCommand,
    DismissSuggestionCommand,
    DissolveGroupCommand,
    GroupVerdictCommand,
    LinkClaimsCommand,
    RenameGroupCommand,
    UnlinkClaimCommand,
)
from desktop_app.ui.undo import DeleteClaimCommand, UndoContext, perform

from ..core.groups.erbil import load_event

NTV = "usa-attacks-pro-iranian-militias-in-iraq.txt"
WIRE = "us-strikes-kataeb-hezbollah-wire.txt"
RADIO = "erbil-drone-attack-regional-radio.txt"


@pytest.fixture
def env(qapp, workspace):
    ids = load_event(workspace)
    reports: list[str] = []
    return workspace, ids, UndoContext(workspace, report=reports.append), QUndoStack(), reports


def memberships(ws):
    return {frozenset(g.claim_ids): g.label for g in ws.groups()}


def test_accepting_suggestions_is_one_action_and_undo_brings_them_back(env):
    ws, _ids, ctx, stack, reports = env
    suggestions = ws.suggest_groups()
    before = ws.change_count()
    perform(stack, AcceptSuggestionsCommand(ctx, suggestions[:3]))
    assert ws.change_count() == before + 1
    made = memberships(ws)
    assert set(made) == {frozenset(s.member_ids) for s in suggestions[:3]}
    stack.undo()
    assert ws.groups() == [] and ws.suggest_groups() == suggestions
    stack.redo()
    assert memberships(ws) == made
    stack.undo()
    stack.redo()  # group ids change at each redo; the command follows them
    assert memberships(ws) == made and not reports


def test_accepting_an_addition_to_a_group_and_undoing_it(env):
    ws, ids, ctx, stack, reports = env
    wire = ids[(WIRE, "18 were wounded")]
    ws.apply_group_suggestions()
    group = ws.group_of(wire)
    ws.unlink_claim(wire, remember=False)
    [addition] = ws.suggest_groups()
    assert addition.group_id == group.id and addition.claim_ids == (wire,)
    perform(stack, AcceptSuggestionsCommand(ctx, [addition]))
    assert ws.group_of(wire).id == group.id
    stack.undo()
    assert ws.group_of(wire) is None and ws.suggest_groups() == [addition]
    assert len(ws.group(group.id).claim_ids) == 2
    stack.redo()
    assert set(ws.group(group.id).claim_ids) == set(group.claim_ids) and not reports


def test_same_claim_as_a_new_group_then_undo_and_redo(env):
    ws, ids, ctx, stack, _ = env
    a, b = ids[(NTV, "necessary and appropriate")], ids[(WIRE, "necessary and proportionate")]
    cmd = perform(stack, LinkClaimsCommand(ctx, [a, b], label="Austin: necessary and ..."))
    assert memberships(ws) == {frozenset({a, b}): "Austin: necessary and ..."}
    stack.undo()
    assert ws.groups() == []
    assert [e.rationale for e in ws.history(a)][-1] == "undo"
    assert any({a, b} <= set(s.member_ids) for s in ws.suggest_groups())  # no "not the same" left behind
    stack.redo()
    assert memberships(ws) == {frozenset({a, b}): "Austin: necessary and ..."}
    assert ctx.groups.resolve(cmd.group_id) == ws.group_of(a).id


def test_same_claim_as_merging_two_groups_undo_splits_them_again(env):
    ws, ids, ctx, stack, reports = env
    ws.apply_group_suggestions()
    before = memberships(ws)
    x = ws.group_of(ids[(NTV, "Another 24 were injured")])
    y = ws.group_of(ids[(WIRE, "At least two militia fighters were killed")])
    perform(stack, LinkClaimsCommand(ctx, [x.claim_ids[0], y.claim_ids[0]], label="One toll"))
    merged = ws.group_of(x.claim_ids[0])
    assert set(merged.claim_ids) == set(x.claim_ids) | set(y.claim_ids) and merged.label == "One toll"
    stack.undo()
    assert memberships(ws) == before and not reports
    stack.redo()
    assert ws.group_of(y.claim_ids[1]).label == "One toll"
    stack.undo()
    assert memberships(ws) == before


def test_linking_what_is_together_already_is_no_step(env):
    ws, ids, ctx, stack, _ = env
    ws.apply_group_suggestions()
    g = ws.group_of(ids[(NTV, "attacks on three facilities")])
    cmd = perform(stack, LinkClaimsCommand(ctx, g.claim_ids[:2]))
    assert cmd.noop and stack.count() == 0


def test_not_the_same_claim_and_its_undo(env):
    ws, ids, ctx, stack, _ = env
    a, b = ids[(NTV, "necessary and appropriate")], ids[(WIRE, "necessary and proportionate")]
    c = ids[(RADIO, "necessary and appropriate")]
    group = ws.link_claims([a, b, c], label="Austin")
    perform(stack, UnlinkClaimCommand(ctx, b, "necessary and proportionate"))
    assert set(ws.group(group.id).claim_ids) == {a, c}
    assert not any(b in s.member_ids for s in ws.suggest_groups())
    stack.undo()
    assert set(ws.group(group.id).claim_ids) == {a, b, c}
    stack.redo()
    perform(stack, UnlinkClaimCommand(ctx, c))  # a group of one is none
    assert ws.groups() == []
    stack.undo()
    assert memberships(ws) == {frozenset({a, c}): "Austin"}
    stack.undo()
    assert memberships(ws) == {frozenset({a, b, c}): "Austin"}


def test_dissolve_and_rename_undo(env):
    ws, ids, ctx, stack, _ = env
    ws.apply_group_suggestions()
    g = ws.group_of(ids[(NTV, "attacks on three facilities")])
    perform(stack, RenameGroupCommand(ctx, g.id, "Three facilities struck"))
    perform(stack, DissolveGroupCommand(ctx, g.id, "Three facilities struck"))
    assert ws.group_of(g.claim_ids[0]) is None
    stack.undo()
    again = ws.group_of(g.claim_ids[0])
    assert set(again.claim_ids) == set(g.claim_ids) and again.label == "Three facilities struck"
    stack.undo()  # the rename follows the group to its new id
    assert ws.group_of(g.claim_ids[0]).label == g.label
    stack.redo()
    assert ws.group_of(g.claim_ids[0]).label == "Three facilities struck"


def test_group_verdict_undo_keeps_a_verdict_someone_changed_since(env):
    ws, ids, ctx, stack, reports = env
    ws.apply_group_suggestions()
    g = ws.group_of(ids[(NTV, "Another 24 were injured")])
    first, second, third = g.claim_ids
    ws.update_claim(first, status="verified", rationale="earlier")
    cmd = perform(stack, GroupVerdictCommand(ctx, g.id, "disputed", "18 or 24", g.label))
    assert cmd.previous == {first: "verified", second: "unverified", third: "unverified"}
    ws.update_claim(third, status="false", rationale="someone else, later")
    stack.undo()
    assert [ws.claim(c).status for c in (first, second, third)] == ["verified", "unverified", "false"]
    stack.redo()
    assert {ws.claim(c).status for c in g.claim_ids} == {"disputed"} and not reports
    same = perform(stack, GroupVerdictCommand(ctx, g.id, "disputed", "again", g.label))
    assert same.noop


def test_article_details_undo_writes_the_old_ones_back(env):
    ws, _ids, ctx, stack, _ = env
    article = next(a for a in ws.articles() if a.publisher == "Citadel Radio")
    perform(stack, ArticleDetailsCommand(ctx, article.id, {"publisher": "Radio Citadel", "author": "K. Aziz"},
                                         {"publisher": "Citadel Radio", "author": ""}, article.title))
    summary = ws.article(article.id).summary
    assert (summary.publisher, summary.author) == ("Radio Citadel", "K. Aziz")
    stack.undo()
    summary = ws.article(article.id).summary
    assert (summary.publisher, summary.author) == ("Citadel Radio", None)


def test_deleting_a_grouped_claim_and_undoing_it_puts_it_back_in_its_group(env):
    ws, ids, ctx, stack, reports = env
    wire = ids[(WIRE, "18 were wounded")]
    ws.apply_group_suggestions()
    before = memberships(ws)
    group = ws.group_of(wire)
    perform(stack, DeleteClaimCommand(ctx, wire, "18 were wounded"))
    assert wire not in ws.group(group.id).claim_ids
    stack.undo()
    restored = ctx.claims.resolve(wire)
    assert restored != wire and ws.group_of(restored).id == group.id
    assert sorted(memberships(ws).values()) == sorted(before.values())
    stack.redo()
    assert len(ws.group(group.id).claim_ids) == len(group.claim_ids) - 1 and not reports


def test_dismissing_a_group_suggestion_and_undoing_it_brings_the_suggestion_back(env):
    ws, _ids, ctx, stack, reports = env
    suggestions = ws.suggest_groups()
    dismissed = suggestions[0]
    perform(stack, DismissSuggestionCommand(ctx, dismissed))
    assert [s.member_ids for s in ws.suggest_groups()] == [s.member_ids for s in suggestions[1:]]
    stack.undo()
    assert ws.suggest_groups() == suggestions
    stack.redo()
    assert dismissed.member_ids not in [s.member_ids for s in ws.suggest_groups()] and not reports
