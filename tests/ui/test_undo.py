"""Each undo command's redo() is one Workspace call and undo() its inverse; both land in the history."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop_app.core.errors import InvalidInput, StaleVersion
from desktop_app.core.workspace import Workspace
from desktop_app.ui.undo import (
    AddClaimCommand,
    AddSourceCommand,
    DeleteClaimCommand,
    LinkSourceCommand,
    UndoContext,
    UnlinkSourceCommand,
    UpdateClaimCommand,
    UpdateLinkCommand,
    UpdateSourceCommand,
    perform,
    perform_all,
)

from tests.conftest import SAMPLE


@pytest.fixture
def env(qapp, workspace):
    article = workspace.import_file(SAMPLE)
    reports: list[str] = []
    focus: list[int] = []
    ctx = UndoContext(workspace, report=reports.append, focus=focus.append)
    stack = QUndoStack()
    return workspace, article, ctx, stack, reports, focus


def span(ws, article, quote):
    start = ws.article(article.id).text.index(quote)
    return start, start + len(quote)


def actions(ws, claim_id):
    return [(e.action, e.field, e.rationale) for e in ws.history(claim_id)]


def test_tag_undo_redo_deletes_and_restores_the_claim(env):
    ws, article, ctx, stack, _, focus = env
    start, end = span(ws, article, "Another 24 were injured")
    cmd = perform(stack, AddClaimCommand(ctx, article.id, "casualty", start, end, "Another 24 were injured"))
    first = cmd.claim_id
    assert [c.text for c in ws.claims(article.id)] == ["Another 24 were injured"]
    stack.undo()
    assert ws.claims(article.id) == []
    stack.redo()
    (restored,) = ws.claims(article.id)
    assert restored.id != first and ctx.claims.resolve(first) == restored.id
    assert focus[-1] == restored.id
    assert actions(ws, first) == [("created", None, ""), ("deleted", None, "undo")]
    assert actions(ws, restored.id) == [("restored", None, "redo")]


def test_delete_undo_restores_with_a_new_id_and_later_commands_follow_it(env):
    ws, article, ctx, stack, reports, _ = env
    claim = ws.add_claim(article.id, "casualty", quote="three US soldiers injured")
    perform(stack, UpdateClaimCommand(ctx, claim.id, {"status": "disputed"}, "Pentagon says four", claim.version))
    perform(stack, DeleteClaimCommand(ctx, claim.id, claim.text))
    assert ws.claims(article.id) == []
    stack.undo()  # restore: a new id
    (back,) = ws.claims(article.id)
    assert back.id != claim.id and back.status == "disputed"
    stack.undo()  # the verdict change, on the restored claim
    assert ws.claim(back.id).status == "unverified"
    assert reports == []
    stack.redo()
    stack.redo()  # delete again: the restored one
    assert ws.claims(article.id) == []
    stack.undo()
    (again,) = ws.claims(article.id)
    assert ctx.claims.resolve(claim.id) == again.id and again.status == "disputed"


def test_update_undo_and_redo_are_recorded_with_their_rationale(env):
    ws, article, ctx, stack, _, _ = env
    claim = ws.add_claim(article.id, "casualty", quote="Another 24 were injured")
    assert claim.fields["count"] == 24  # read from the span
    perform(stack, UpdateClaimCommand(ctx, claim.id, {"status": "disputed", "fields": {"count": "20"}},
                                      "MoI says 20", claim.version))
    after = ws.claim(claim.id)
    assert (after.status, after.fields["count"]) == ("disputed", 20)
    stack.undo()
    undone = ws.claim(claim.id)
    assert (undone.status, undone.fields["count"]) == ("unverified", 24)
    stack.redo()
    assert ws.claim(claim.id).status == "disputed"
    status_events = [(e.old, e.new, e.rationale) for e in ws.history(claim.id) if e.field == "status"]
    assert status_events == [("unverified", "disputed", "MoI says 20"), ("disputed", "unverified", "undo"),
                             ("unverified", "disputed", "MoI says 20")]


def test_a_refused_first_action_leaves_nothing_on_the_stack(env):
    ws, article, ctx, stack, _, _ = env
    claim = ws.add_claim(article.id, "casualty", quote="Another 24 were injured")
    ws.update_claim(claim.id, note="someone else")  # version moves on
    with pytest.raises(StaleVersion):
        perform(stack, UpdateClaimCommand(ctx, claim.id, {"status": "false"}, "x", if_version=claim.version))
    with pytest.raises(InvalidInput):
        perform(stack, UpdateClaimCommand(ctx, claim.id, {"fields": {"count": "many"}}, "", None))
    assert stack.count() == 0 and ws.claim(claim.id).status == "unverified"


def test_undo_is_refused_and_dropped_when_someone_else_changed_the_value_since(env, workspace_url):
    ws, article, ctx, stack, reports, _ = env
    claim = ws.add_claim(article.id, "casualty", quote="Another 24 were injured")
    perform(stack, UpdateClaimCommand(ctx, claim.id, {"status": "disputed"}, "why", claim.version))
    with Workspace.open(workspace_url, analyst="bob") as other:
        other.update_claim(claim.id, status="false", rationale="bob knows")
    stack.undo()
    assert ws.claim(claim.id).status == "false"  # bob's verdict is kept
    assert stack.count() == 0 and len(reports) == 1 and "bob" in reports[0]


def test_sources_add_link_edit_and_remove_undo_and_redo(env):
    ws, article, ctx, stack, _, _ = env
    a = ws.add_claim(article.id, "casualty", quote="Another 24 were injured")
    b = ws.add_claim(article.id, "casualty", quote="three US soldiers injured")
    add = perform(stack, AddSourceCommand(ctx, a.id, {"url": "https://dod.gov/r", "title": "DoD", "reliability": "C"}))
    source_id = add.link.source.id
    perform(stack, LinkSourceCommand(ctx, b.id, source_id, "DoD", relation="contradicts", credibility=3))
    assert [s.grade for s in ws.claim(b.id).sources] == ["C3"]
    link = ws.claim(a.id).sources[0]
    perform_all(stack, "Edit source", [UpdateSourceCommand(ctx, link.source, {"reliability": "B"}, a.id),
                                       UpdateLinkCommand(ctx, link, {"credibility": 2})])
    assert ws.claim(a.id).sources[0].grade == "B2" and ws.claim(b.id).sources[0].grade == "B3"
    stack.undo()  # both parts of the edit at once
    assert ws.claim(a.id).sources[0].grade == "C?" and ws.claim(b.id).sources[0].grade == "C3"
    stack.undo()
    assert ws.claim(b.id).sources == ()
    stack.undo()
    assert ws.claim(a.id).sources == ()
    assert ws.sources() == []  # the undo of "add source" takes away the source it brought in
    stack.redo()
    stack.redo()
    stack.redo()
    assert ws.claim(a.id).sources[0].grade == "B2" and ws.claim(b.id).sources[0].grade == "B3"
    assert [s.url for s in ws.sources()] == ["https://dod.gov/r"]
    source_id = ctx.sources.resolve(source_id)
    relinked = ws.claim(a.id).sources[0]
    perform(stack, UnlinkSourceCommand(ctx, relinked.evidence_id, "DoD"))
    assert ws.claim(a.id).sources == ()
    stack.undo()
    assert ws.claim(a.id).sources[0].source.id == source_id
    events = [e.action for e in ws.history(a.id)]
    assert events.count("source_linked") == 3 and events.count("source_unlinked") == 2


def test_undoing_add_source_keeps_a_source_that_was_already_in_the_workspace(env):
    ws, article, ctx, stack, _, _ = env
    a = ws.add_claim(article.id, "casualty", quote="Another 24 were injured")
    b = ws.add_claim(article.id, "casualty", quote="three US soldiers injured")
    earlier = ws.add_source(b.id, url="https://dod.gov/r", reliability="C")
    assert earlier.new_source
    add = perform(stack, AddSourceCommand(ctx, a.id, {"url": "https://dod.gov/r"}))
    assert not add.link.new_source and add.link.source.id == earlier.source.id  # found by its URL
    stack.undo()
    assert ws.claim(a.id).sources == () and [s.id for s in ws.sources()] == [earlier.source.id]
    ws.unlink_source(earlier.evidence_id)  # cited by no claim now, still in the workspace
    stack.redo()
    stack.undo()
    assert [s.id for s in ws.sources()] == [earlier.source.id]
