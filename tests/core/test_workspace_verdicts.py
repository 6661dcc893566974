"""`Workspace.verdicts`: each claim's current verdict with who gave it, when and why, for many claims at once."""
from __future__ import annotations

from sqlalchemy import event


def test_the_latest_status_change_gives_the_rationale(workspace, sample_article):
    a = workspace.add_claim(sample_article.id, "casualty", quote="three US soldiers injured")
    workspace.update_claim(a.id, status="disputed", rationale="Pentagon says four")
    workspace.update_claim(a.id, note="call CENTCOM", rationale="not a verdict")  # a note, not a status change
    workspace.update_claim(a.id, status="false", rationale="CENTCOM confirms four")
    b = workspace.add_claim(sample_article.id, "statistic", quote="More than 100 attacks recorded",
                            status="verified", rationale="DoD tally")
    c = workspace.add_claim(sample_article.id, "attribution", quote="According to the US")
    got = workspace.verdicts([a.id, b.id, c.id, 9999])
    assert set(got) == {a.id, b.id, c.id}
    assert (got[a.id].status, got[a.id].rationale, got[a.id].analyst) == ("false", "CENTCOM confirms four",
                                                                          "test-analyst")
    assert got[a.id].at == workspace.history(a.id)[-1].at and got[a.id].at.tzinfo is not None
    assert (got[b.id].status, got[b.id].rationale) == ("verified", "DoD tally")  # set when the claim was made
    assert (got[c.id].status, got[c.id].rationale) == ("unverified", "")


def test_a_restored_claim_keeps_the_rationale_given_before_its_delete(workspace, sample_article):
    a = workspace.add_claim(sample_article.id, "casualty", quote="Another 24 were injured")
    workspace.update_claim(a.id, status="unverifiable", rationale="one anonymous source")
    deleted = workspace.delete_claim(a.id, rationale="oops")
    restored = workspace.restore_claim(deleted, rationale="undo delete")
    got = workspace.verdicts([restored.id])
    assert got[restored.id].status == "unverifiable"
    assert got[restored.id].rationale == "one anonymous source"
    workspace.update_claim(restored.id, status="disputed", rationale="second source says 20")
    assert workspace.verdicts([restored.id])[restored.id].rationale == "second source says 20"


def test_many_claims_are_read_in_a_few_queries(workspace, sample_article, monkeypatch):
    import re

    from desktop_app.core import workspace as workspace_module

    monkeypatch.setattr(workspace_module, "IN_CHUNK", 50)
    text = workspace.article(sample_article.id).text
    ids = [workspace.add_claim(sample_article.id, "other", start=m.start(), end=m.end(), status="disputed",
                               rationale=f"r{m.start()}").id
           for m in list(re.finditer(r"[A-Za-z]{5,}", text))[:120]]
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(workspace.engine, "before_cursor_execute", listener)
    try:
        got = workspace.verdicts(ids)
    finally:
        event.remove(workspace.engine, "before_cursor_execute", listener)
    assert len(got) == len(ids) == 120
    assert all(got[i].rationale.startswith("r") and got[i].status == "disputed" for i in ids)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 6  # claims, then their events, each in 3 chunks of 50 ids
