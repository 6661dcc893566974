"""Re-attaching a claim as an undo command: undo puts it back where it was, orphaned or fuzzy."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from desktop_app.core.importers import import_bytes
from desktop_app.core.workspace import Workspace
from desktop_app.ui.revision_undo import ReattachClaimCommand
from desktop_app.ui.undo import UndoContext, perform

from tests.conftest import SAMPLE

ORPHAN = "Another 24 were injured"
FUZZY_OLD = "three US soldiers were injured, one of them seriously"
TARGET = "Another attack took place in the southern province of Wassit"


@pytest.fixture
def revised(qapp, workspace):
    """The sample with two claims, revised: one of them orphaned, the other matched approximately."""
    article = workspace.import_file(SAMPLE)
    text = workspace.article(article.id).text
    workspace.add_claim(article.id, "casualty", quote=ORPHAN)
    workspace.add_claim(article.id, "casualty", quote=FUZZY_OLD)
    new = text.replace(ORPHAN + ". ", "").replace(FUZZY_OLD, FUZZY_OLD.replace("injured", "wounded"))
    workspace.revise_article(article.id, import_bytes(new.encode("utf-8"), filename="v2.txt"))
    reports: list[str] = []
    focus: list[int] = []
    return workspace, article, new, UndoContext(workspace, report=reports.append, focus=focus.append), reports, focus


def test_reattach_an_orphan_undo_orphans_it_again_redo_reattaches(revised):
    ws, article, text, ctx, reports, focus = revised
    (orphan,) = ws.orphaned_claims(article.id)
    stack = QUndoStack()
    start = text.index(TARGET)
    perform(stack, ReattachClaimCommand(ctx, orphan, start, start + len(TARGET)))
    assert (ws.claim(orphan.id).anchor, ws.claim(orphan.id).text) == ("exact", TARGET)
    assert stack.undoText() == f"Re-attach claim \u201c{ORPHAN}\u201d"
    stack.undo()
    back = ws.claim(orphan.id)
    assert (back.anchor, back.text, back.start, back.end) == ("orphaned", ORPHAN, orphan.start, orphan.end)
    stack.redo()
    assert (ws.claim(orphan.id).anchor, ws.claim(orphan.id).text) == ("exact", TARGET)
    assert [(e.action, e.rationale) for e in ws.history(orphan.id)][-3:] == [
        ("reattached", ""), ("reattached", "undo"), ("reattached", "redo")]
    assert focus == [orphan.id, orphan.id] and reports == []


def test_undo_is_refused_when_someone_else_moved_the_claim_since(revised, workspace_url):
    ws, article, text, ctx, reports, _ = revised
    fuzzy = next(c for c in ws.claims(article.id) if c.anchor == "fuzzy")
    stack = QUndoStack()
    perform(stack, ReattachClaimCommand(ctx, fuzzy, fuzzy.start, fuzzy.end))  # confirming the new wording
    assert ws.claim(fuzzy.id).anchor == "exact"
    start = text.index(TARGET)
    with Workspace.open(workspace_url, analyst="bob") as other:
        other.reattach_claim(fuzzy.id, start, start + len(TARGET))
    stack.undo()
    assert ws.claim(fuzzy.id).text == TARGET  # bob's place is kept
    assert stack.count() == 0 and len(reports) == 1 and "bob" in reports[0]
