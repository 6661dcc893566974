"""Accepting and rejecting suggestions as undo commands: redo() one Workspace call, undo() its inverse."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop_app.core.errors import InvalidInput
from desktop_app.ui.suggestion_undo import AcceptSuggestionsCommand, RejectSuggestionsCommand
from desktop_app.ui.undo import AddClaimCommand, UndoContext, perform

from tests.conftest import SAMPLE


@pytest.fixture
def env(qapp, workspace):
    article = workspace.import_file(SAMPLE)
    reports: list[str] = []
    ctx = UndoContext(workspace, report=reports.append)
    return workspace, article, ctx, QUndoStack(), reports


def test_accept_undo_deletes_the_claims_and_redo_restores_them_as_edited(env):
    ws, article, ctx, stack, reports = env
    quotes = ws.suggestions(article.id, type="quote")
    cmd = perform(stack, AcceptSuggestionsCommand(ctx, article.id, quotes))
    assert stack.undoText() == "Accept 3 quote suggestions"
    made = ws.claims(article.id)
    assert sorted(c.text for c in made) == sorted(s.text for s in quotes)
    assert {c.fields["speaker"] for c in made} == {"Lloyd Austin"}
    ws.update_claim(made[0].id, status="disputed", rationale="checked")
    stack.undo()
    assert ws.claims(article.id) == []
    assert [s.key for s in ws.suggestions(article.id, type="quote")] == [s.key for s in quotes]
    stack.redo()
    back = ws.claims(article.id)
    assert sorted(c.text for c in back) == sorted(c.text for c in made)
    assert next(c for c in back if c.text == made[0].text).status == "disputed"  # kept as it was when undone
    assert ctx.claims.resolve(made[0].id) in {c.id for c in back}
    stack.undo()
    assert ws.claims(article.id) == [] and reports == []
    assert [e.action for e in ws.history(cmd.claims[0].id)] == ["created", "updated", "deleted"]


def test_undo_of_accept_passes_over_a_claim_someone_else_deleted(env, workspace_url):
    from desktop_app.core.workspace import Workspace

    ws, article, ctx, stack, reports = env
    two = ws.suggestions(article.id, type="casualty")[:2]
    perform(stack, AcceptSuggestionsCommand(ctx, article.id, two))
    first, second = ws.claims(article.id)
    with Workspace.open(workspace_url, analyst="bob") as other:
        other.delete_claim(first.id)
    stack.undo()
    assert ws.claims(article.id) == [] and reports == []
    stack.redo()
    assert [c.text for c in ws.claims(article.id)] == [second.text]


def test_reject_undo_offers_them_again_and_redo_rejects_again(env):
    ws, article, ctx, stack, reports = env
    stats = ws.suggestions(article.id, type="statistic")
    perform(stack, RejectSuggestionsCommand(ctx, article.id, stats[:2]))
    assert stack.undoText() == "Reject 2 statistic suggestions"
    assert ws.suggestions(article.id, type="statistic") == stats[2:]
    stack.undo()
    assert ws.suggestions(article.id, type="statistic") == stats
    stack.redo()
    assert ws.suggestions(article.id, type="statistic") == stats[2:]
    one = perform(stack, RejectSuggestionsCommand(ctx, article.id, stats[:1]))  # already rejected: nothing to undo
    assert one.noop and stack.count() == 1 and reports == []


def test_a_refused_accept_leaves_nothing_on_the_stack(env):
    import dataclasses

    ws, article, ctx, stack, _ = env
    found = ws.suggestions(article.id)
    stale = dataclasses.replace(found[0], start=found[0].start + 1, end=found[0].end + 1)
    with pytest.raises(InvalidInput, match="no longer matches"):
        perform(stack, AcceptSuggestionsCommand(ctx, article.id, [found[1], stale]))
    assert stack.count() == 0 and ws.claims(article.id) == []
    # an accepted suggestion that a claim already covers makes nothing, so there is nothing to undo
    start = ws.article(article.id).text.index(found[1].text)
    perform(stack, AddClaimCommand(ctx, article.id, found[1].type, start, start + len(found[1].text), found[1].text))
    cmd = perform(stack, AcceptSuggestionsCommand(ctx, article.id, [found[1]]))
    assert cmd.noop and stack.count() == 1
