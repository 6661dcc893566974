"""The claim panel's team and revision filters: "My claims", and the orphan badge."""
from __future__ import annotations

from desktop_app.core.workspace import Workspace

from tests.ui.conftest import import_sample


def test_my_claims_shows_the_claims_i_made_or_last_changed(qtbot, window):
    import_sample(qtbot, window)
    ws, article_id = window.workspace, window.article.id
    mine = ws.add_claim(article_id, "casualty", quote="Another 24 were injured")
    alone = ws.add_claim(article_id, "statistic", quote="More than 100 attacks recorded")
    with Workspace.open(ws.url, analyst="bob") as bob:
        theirs = bob.add_claim(article_id, "attribution", quote="Iraqi security sources reported")
        touched = bob.add_claim(article_id, "casualty", quote="three US soldiers injured")
        bob.update_claim(mine.id, note="bob was here")  # bob last changed mine: still mine, I made it
    ws.update_claim(touched.id, status="disputed", rationale="MoI says four")  # I last changed bob's
    window.open_article(article_id)
    panel = window.panel
    assert panel.model.rowCount() == 4 and not panel.mine.isChecked()
    panel.mine.click()
    shown = {panel.model.claim_at(r).id for r in range(panel.model.rowCount())}
    assert shown == {mine.id, alone.id, touched.id} and theirs.id not in shown
    assert panel.count.text() == "3 of 4 claims"
    assert "test-analyst" in panel.mine.toolTip()
    # in bob's window "My claims" means his
    panel.set_analyst("bob")
    shown = {panel.model.claim_at(r).id for r in range(panel.model.rowCount())}
    assert shown == {mine.id, theirs.id, touched.id}  # he made two and last changed mine; not "alone"
    panel.mine.click()
    assert panel.model.rowCount() == 4
    panel.mine.click()
    panel.clear_filters()
    assert not panel.mine.isChecked() and panel.model.rowCount() == 4


def test_the_orphan_badge_shows_only_when_there_are_orphans(qtbot, window):
    import_sample(qtbot, window)
    panel = window.panel
    window.workspace.add_claim(window.article.id, "casualty", quote="Another 24 were injured")
    window.open_article(window.article.id)
    assert not panel.orphans.isVisible() and panel.orphan_count() == 0
