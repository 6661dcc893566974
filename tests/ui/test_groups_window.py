"""The same claim across articles, driven in the window: suggest and accept groups, read the
discrepancies and the figures, group verdicts, "Same claim as...", article details, and undo.

The three Erbil reports (seeds/erbil-strikes.discrepancies.json) are loaded with their outlets,
dates and reference claims; what the views must show comes from that file.
"""
from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.core.workspace import Workspace
from desktop_app.ui.dialogs import article_details, group_verdict, same_claim

from ..core.groups.erbil import claim_set, expectations, load_event
from .conftest import open_window, press

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
NTV = "usa-attacks-pro-iranian-militias-in-iraq.txt"
WIRE = "us-strikes-kataeb-hezbollah-wire.txt"
RADIO = "erbil-drone-attack-regional-radio.txt"


@pytest.fixture
def erbil(ws_path):
    """The three reports with their claims, not grouped yet: (file, text) -> claim id."""
    with Workspace.open(ws_path) as ws:
        return load_event(ws)


@pytest.fixture
def grouped(erbil, ws_path):
    with Workspace.open(ws_path) as ws:
        ws.apply_group_suggestions()
    return erbil


def shown(qtbot, win, groups: int, discrepancies: int | None = None) -> None:
    """Wait until the views across articles show the workspace as it is."""
    def done():
        a = win.across
        return (a._task is None and not a._timer.isActive() and len(a.groups.groups) == groups
                and (discrepancies is None or len(a.discrepancies.items) == discrepancies))
    qtbot.waitUntil(done, timeout=10_000)


def stored(win):
    return Workspace.open(win.workspace.url)


def group_with(win, claim_id):
    return next(g for g in win.across.snapshot.groups if claim_id in g.claim_ids)


def test_suggest_groups_accept_all_and_the_views_show_the_groups_and_the_six_discrepancies(
        qtbot, erbil, ws_path, settings, errors):
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 0, 0)
    assert not win.across.badge.isVisible()
    with qtbot.waitSignal(win.across.suggested, timeout=20_000):
        press(win, Qt.Key.Key_G, CTRL_SHIFT)
    a = win.across
    assert a.views_visible() and a.tabs.currentWidget() is a.suggestions
    spec = expectations()
    assert {frozenset(s.member_ids) for s in a.suggestions.suggestions} == {
        claim_set(erbil, g["members"]) for g in spec["groups"]}
    first = a.suggestions.tree.topLevelItem(0)
    assert first.isExpanded() and any(first.child(i).text(0).startswith("why: ") for i in range(first.childCount()))
    assert all(s.reasons for s in a.suggestions.suggestions)
    # the figures view previews the selected suggestion
    killed = next(i for i, s in enumerate(a.suggestions.suggestions) if "killed" in s.label)
    a.suggestions.tree.setCurrentItem(a.suggestions.tree.topLevelItem(killed))
    assert [r[:3] for r in a.figures.rows()] == [("ntv.de", "2023-12-26", "at least 1"),
                                                 ("Continental Newswire", "2023-12-26", "at least 2"),
                                                 ("Citadel Radio", "2023-12-27", "1")]

    a.suggestions.accept_all.click()
    shown(qtbot, win, len(spec["groups"]), len(spec["discrepancies"]))
    assert a.suggestions.suggestions == [] and not errors
    with stored(win) as ws:
        assert {frozenset(g.claim_ids) for g in ws.groups()} == {claim_set(erbil, g["members"]) for g in spec["groups"]}
    # every expected discrepancy is listed, flagged by kind, with its explanation
    listed = a.discrepancies.items
    assert Counter(d.kind for d in listed) == Counter(d["kind"] for d in spec["discrepancies"])
    tree = a.discrepancies.tree
    texts = {tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 5) for i in range(tree.topLevelItemCount())}
    for d in spec["discrepancies"]:
        if "explanation" in d:
            assert d["explanation"] in texts
    assert a.badge.isVisible() and a.badge.text() == "\u26a0 6 discrepancies"
    assert "Discrepancies (6)" in a.tabs.tabText(1)
    # the groups with discrepancies come first, each with its badge count
    top = a.groups.tree.topLevelItem(0)
    assert top.data(0, Qt.ItemDataRole.UserRole + 8)[0] == 2 and top.text(0).startswith("US soldiers")

    press(win, Qt.Key.Key_Z, CTRL)  # undo the acceptance: no group, and the suggestions come back
    shown(qtbot, win, 0, 0)
    assert not a.badge.isVisible()
    with stored(win) as ws:
        assert ws.groups() == [] and len(ws.suggest_groups()) == len(spec["groups"])


def test_enter_accepts_and_del_dismisses_in_the_suggestions_list(qtbot, erbil, ws_path, settings, errors):
    win = open_window(qtbot, ws_path, settings)
    claims_before = len(win.panel.claims())
    assert claims_before > 0 and win.panel.current_id is None
    win.select_claim(win.panel.model.claim_at(0).id)  # a current claim, which Del must not delete
    with qtbot.waitSignal(win.across.suggested, timeout=20_000):
        press(win, Qt.Key.Key_G, CTRL_SHIFT)
    a = win.across
    assert QApplication.focusWidget() is a.suggestions.tree
    total = len(a.suggestions.suggestions)
    accepted = a.suggestions.current()
    press(win, Qt.Key.Key_Return)
    shown(qtbot, win, 1)
    assert len(a.suggestions.suggestions) == total - 1 and accepted not in a.suggestions.suggestions
    dismissed = a.suggestions.current()
    assert dismissed is not None and QApplication.focusWidget() is a.suggestions.tree
    press(win, Qt.Key.Key_Delete)
    assert len(a.suggestions.suggestions) == total - 2
    with stored(win) as ws:
        assert [set(g.claim_ids) for g in ws.groups()] == [set(accepted.member_ids)]
        again = ws.suggest_groups()
        assert len(again) == total - 2 and set(dismissed.member_ids) not in [set(s.member_ids) for s in again]
        assert len(ws.claims(win.article.id)) == claims_before  # Del dismissed; it deleted no claim
    assert not errors


def test_figures_of_the_injured_group_in_date_order_with_a_point_per_report(qtbot, grouped, ws_path, settings):
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 9, 6)
    press(win, Qt.Key.Key_G, CTRL)
    a = win.across
    assert a.views_visible() and QApplication.focusWidget() is a.groups.tree
    injured = group_with(win, grouped[(NTV, "Three soldiers are injured")])
    a.groups.select(injured.id)
    assert a.figures.figures.group_id == injured.id
    rows = a.figures.rows()
    assert len(rows) == len(injured.members) == 7
    assert [r[1] for r in rows] == sorted(r[1] for r in rows)  # publication order
    assert Counter((r[0], r[2]) for r in rows) == Counter(
        {("ntv.de", "3"): 3, ("Continental Newswire", "4"): 3, ("Citadel Radio", "3"): 1})
    assert rows[-1][:2] == ("Citadel Radio", "2023-12-27")
    wire = next(r for r in rows if r[3] == "Pentagon official")
    assert wire[:3] == ("Continental Newswire", "2023-12-26", "4")
    assert a.figures.conflict.isVisible() and "vs 4 injured" in a.figures.conflict.text()

    lay = a.figures.plot.plot_layout()
    assert lay is not None and len(lay.points) == 7
    assert len({(round(p.x), round(p.y)) for p in lay.points}) == 7  # every report visible on its own
    assert {p.point.claim_id for p in lay.points} == set(injured.claim_ids)
    four = min(p.y for p in lay.points if p.point.count == 4)
    three = max(p.y for p in lay.points if p.point.count == 3)
    assert four < three and len(lay.values) == 2  # 4 above 3, both marked as disagreeing

    # a report picked in the table is shown in the claim panel, the view stays; Enter opens the article
    a.figures.table.selectRow(6)
    radio = grouped[(RADIO, "Three American soldiers were wounded, one of them seriously")]
    assert win.panel.current_id == radio and a.views_visible() and a.figures.plot.selected == radio
    assert win.article.publisher == "Citadel Radio"
    a.figures.table.setFocus()
    press(win, Qt.Key.Key_Return)
    assert not a.views_visible() and win.view.current_claim == radio


def test_selecting_members_and_discrepancies_opens_the_claims(qtbot, grouped, ws_path, settings):
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 9, 6)
    a = win.across
    a.show_views(True)
    wire = grouped[(WIRE, "18 were wounded")]
    group = group_with(win, wire)
    assert a.groups.select(group.id, wire)
    assert win.panel.current_id == wire and win.article.publisher == "Continental Newswire"
    assert a.figures.figures.group_id == group.id
    a.groups.tree.setFocus()
    press(win, Qt.Key.Key_Return)
    assert win.view.current_claim == wire and not a.views_visible()

    a.show_discrepancies()
    tree = a.discrepancies.tree
    wording = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if "proportionate" in tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 5))
    tree.setCurrentItem(wording)
    press(win, Qt.Key.Key_Return)  # the discrepancy opens: its group, its first report
    d = a.discrepancies.discrepancy(wording.data(0, Qt.ItemDataRole.UserRole + 4))
    assert wording.isExpanded() and a.groups.current_group_id() == d.group_id
    assert win.panel.current_id == d.sides[0].reports[0].claim_id
    report = wording.child(wording.childCount() - 1)
    tree.itemDoubleClicked.emit(report, 0)
    assert win.view.current_claim == report.data(0, Qt.ItemDataRole.UserRole + 2)

    win.across.badge.click()  # the status bar's badge leads to the discrepancies
    assert a.views_visible() and a.tabs.currentWidget() is a.discrepancies
    assert QApplication.focusWidget() is tree
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    reported = tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 2)
    press(win, Qt.Key.Key_Delete)  # on a report: not the same claim (the claim stays)
    shown(qtbot, win, 9)
    with stored(win) as ws:
        assert ws.group_of(reported) is None and ws.claim(reported)


def test_a_group_verdict_goes_to_every_member_and_undo_gives_each_its_own_back(
        qtbot, grouped, ws_path, settings, monkeypatch, errors):
    verified = grouped[(RADIO, "24 others were injured")]
    with Workspace.open(ws_path) as ws:
        ws.update_claim(verified, status="verified", rationale="checked with the radio")
    asked = []

    def answer(parent, group, status, apply):
        asked.append((group.label, status))
        dialog = group_verdict.GroupVerdictDialog(parent, group, status, apply)
        dialog.status.setCurrentIndex(dialog.status.findData("disputed"))
        dialog.reason.setPlainText("Wire says 18, the others 24")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(group_verdict, "ask_group_verdict", answer)
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 9, 6)
    group = group_with(win, verified)
    win.across.show_views(True)
    win.across.groups.select(group.id)
    press(win, Qt.Key.Key_G, CTRL_ALT)
    assert asked == [(group.label, None)] and not errors
    with stored(win) as ws:
        assert {ws.claim(c).status for c in group.claim_ids} == {"disputed"}
        for c in group.claim_ids:
            last = ws.history(c)[-1]
            assert (last.field, last.new, last.rationale) == ("status", "disputed", "Wire says 18, the others 24")
    qtbot.waitUntil(lambda: group_with(win, verified).status == "disputed")

    press(win, Qt.Key.Key_Z, CTRL)
    with stored(win) as ws:
        back = {c: ws.claim(c).status for c in group.claim_ids}
    assert back[verified] == "verified" and {s for c, s in back.items() if c != verified} == {"unverified"}
    press(win, Qt.Key.Key_Z, CTRL_SHIFT)
    with stored(win) as ws:
        assert {ws.claim(c).status for c in group.claim_ids} == {"disputed"}


def test_same_claim_as_groups_the_picked_claims_and_undo_ungroups_them(
        qtbot, erbil, ws_path, settings, monkeypatch, errors):
    ntv = erbil[(NTV, "necessary and appropriate")]
    wire = erbil[(WIRE, "necessary and proportionate")]
    radio = erbil[(RADIO, "necessary and appropriate")]
    seen = {}

    def pick(parent, claim, items, group_label, apply):
        dialog = same_claim.SameClaimDialog(parent, claim, items, group_label, apply)
        seen["all"] = dialog.shown_ids()
        qtbot.keyClicks(dialog.search, "necessary")
        seen["found"] = dialog.shown_ids()
        dialog.select_claims([wire, radio])
        dialog.label.setText("Austin: necessary and appropriate/proportionate")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(same_claim, "ask_same_claim", pick)
    win = open_window(qtbot, ws_path, settings)
    win.select_claim(ntv)
    press(win, Qt.Key.Key_L, CTRL_SHIFT)
    assert not errors
    assert ntv not in seen["all"] and len(seen["found"]) < len(seen["all"])
    assert {wire, radio} <= set(seen["found"])
    with stored(win) as ws:
        found = [ws.claim(c) for c in seen["found"]]
        assert all(c.type == "quote" and "necessary" in c.text.lower() for c in found)
        assert found[-1].article_id == ws.claim(ntv).article_id  # the claim's own article comes last
    with stored(win) as ws:
        group = ws.group_of(ntv)
        assert set(group.claim_ids) == {ntv, wire, radio}
        assert group.label == "Austin: necessary and appropriate/proportionate"
    shown(qtbot, win, 1, 1)  # the wording discrepancy shows at once
    assert win.across.discrepancies.items[0].kind == "wording"

    press(win, Qt.Key.Key_Z, CTRL)
    shown(qtbot, win, 0, 0)
    with stored(win) as ws:
        assert ws.group_of(ntv) is None
        assert any({ntv, wire, radio} <= set(s.member_ids) for s in ws.suggest_groups())  # undo forgets nothing
    press(win, Qt.Key.Key_Z, CTRL_SHIFT)
    shown(qtbot, win, 1, 1)
    assert win.across.snapshot.groups[0].label == "Austin: necessary and appropriate/proportionate"


def test_not_the_same_claim_from_the_groups_view_and_undo(qtbot, grouped, ws_path, settings, errors):
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 9, 6)
    a = win.across
    a.show_views(True)
    wire = grouped[(WIRE, "18 were wounded")]
    group = group_with(win, wire)
    a.groups.select(group.id, wire)
    a.groups.tree.setFocus()
    press(win, Qt.Key.Key_Delete)  # on a member: not the same claim (not "delete claim")
    shown(qtbot, win, 9, 5)
    with stored(win) as ws:
        assert ws.group_of(wire) is None and set(ws.group(group.id).claim_ids) == set(group.claim_ids) - {wire}
        assert ws.claim(wire).text == "18 were wounded"
        assert not any(wire in s.member_ids for s in ws.suggest_groups())  # remembered as not the same
    assert "Ctrl+Z puts it back" in win.statusBar().currentMessage()
    press(win, Qt.Key.Key_Z, CTRL)
    shown(qtbot, win, 9, 6)
    with stored(win) as ws:
        assert set(ws.group(group.id).claim_ids) == set(group.claim_ids)

    # from the article: the current claim; a group of two is dissolved, and undo makes it again
    killed = group_with(win, grouped[(RADIO, "one militia fighter was killed")])
    for cid in killed.claim_ids[1:]:
        win.select_claim(cid)
        press(win, Qt.Key.Key_U, CTRL_SHIFT)
    shown(qtbot, win, 8)
    press(win, Qt.Key.Key_Z, CTRL)
    press(win, Qt.Key.Key_Z, CTRL)
    shown(qtbot, win, 9, 6)
    assert any(set(g.claim_ids) == set(killed.claim_ids) and g.label == killed.label
               for g in win.across.snapshot.groups)
    assert not errors


def test_rename_with_f2_and_dissolve_with_del_are_undoable(qtbot, grouped, ws_path, settings, errors):
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 9, 6)
    a = win.across
    a.show_views(True)
    group = group_with(win, grouped[(NTV, "attacks on three facilities")])
    a.groups.select(group.id)
    a.groups.tree.setFocus()
    press(win, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Three Kataeb Hezbollah facilities struck")
    press(win, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: group_with(win, group.claim_ids[0]).label == "Three Kataeb Hezbollah facilities struck")
    assert win.stack.undoText().startswith("Rename group")
    a.groups.select(group.id)
    a.groups.tree.setFocus()
    press(win, Qt.Key.Key_Delete)
    shown(qtbot, win, 8)
    press(win, Qt.Key.Key_Z, CTRL)
    shown(qtbot, win, 9)
    assert group_with(win, group.claim_ids[0]).label == "Three Kataeb Hezbollah facilities struck"
    press(win, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: group_with(win, group.claim_ids[0]).label == group.label)
    assert not errors


def test_add_the_current_claim_to_the_selected_group(qtbot, grouped, ws_path, settings, errors):
    wire = grouped[(WIRE, "18 were wounded")]
    with Workspace.open(ws_path) as ws:
        ws.unlink_claim(wire)
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 9, 5)
    a = win.across
    group = group_with(win, grouped[(NTV, "Another 24 were injured")])
    win.select_claim(wire)
    a.show_views(True)
    a.groups.select(group.id, emit=False)
    a.groups.add_current.click()
    shown(qtbot, win, 9, 6)
    assert wire in group_with(win, wire).claim_ids and group_with(win, wire).id == group.id
    assert win.stack.undoText().startswith("Add claim to group")


def test_article_details_are_saved_shown_and_undone(qtbot, grouped, ws_path, settings, monkeypatch, errors):
    typed = {"publisher": "Reuters", "published": "2023-12-28"}
    refusals = []

    def answer(parent, summary, apply):
        dialog = article_details.ArticleDetailsDialog(parent, summary, apply)
        dialog.edits["published"].setText("28.12.2023")
        dialog.accept()  # refused in the dialog, nothing saved
        refusals.append(dialog.error.text())
        for key, value in typed.items():
            dialog.edits[key].setText(value)
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(article_details, "ask_article_details", answer)
    win = open_window(qtbot, ws_path, settings)
    shown(qtbot, win, 9, 6)
    article = next(a for a in win.workspace.articles() if a.publisher == "Citadel Radio")
    win.open_article(article.id)
    press(win, Qt.Key.Key_I, CTRL)
    assert refusals and "YYYY-MM-DD" in refusals[0] and not errors
    with stored(win) as ws:
        summary = ws.article(article.id).summary
        assert (summary.publisher, summary.published) == ("Reuters", "2023-12-28")
    assert "Reuters" in win.pane.meta.text()
    # the discrepancies now cite the new outlet and date
    qtbot.waitUntil(lambda: any("Reuters, 2023-12-28" in d.explanation for d in win.across.discrepancies.items))
    press(win, Qt.Key.Key_Z, CTRL)
    with stored(win) as ws:
        summary = ws.article(article.id).summary
        assert (summary.publisher, summary.published) == ("Citadel Radio", "2023-12-27")
    qtbot.waitUntil(lambda: any("Citadel Radio, 2023-12-27" in d.explanation for d in win.across.discrepancies.items))
    assert win.article_list.view.actions() == [win.actions_by_id["article_details"]]


def test_the_views_follow_changes_made_elsewhere(qtbot, erbil, ws_path, settings):
    win = open_window(qtbot, ws_path, settings, poll_ms=100)
    shown(qtbot, win, 0, 0)
    with Workspace.open(ws_path) as other:  # another analyst, another process
        other.apply_group_suggestions()
    shown(qtbot, win, 9, 6)
    assert win.across.badge.text() == "\u26a0 6 discrepancies"


def test_help_lists_the_new_shortcuts_and_ctrl_g_switches_views(qtbot, window):
    keys = {label: k for _, label, k in window.shortcut_rows()}
    assert keys["Suggest groups"] == "Ctrl+Shift+G"
    assert keys["Groups, discrepancies and figures"] == "Ctrl+G"
    assert keys["Same claim as"] == "Ctrl+Shift+L" and keys["Not the same claim"] == "Ctrl+Shift+U"
    assert keys["Group verdict"] == "Ctrl+Alt+G" and keys["Article details"] == "Ctrl+I"
    menus = [m for m, _, _ in window.shortcut_rows()]
    assert menus.index("Groups") > menus.index("Claim") and menus.index("Groups") < menus.index("View")
    assert keys["Accept the selected group suggestion (suggestions list)"] == "Enter"
    window_keys = [k.toString() for a in window.actions() for k in a.shortcuts()]
    assert len(window_keys) == len(set(window_keys))  # no shortcut claimed twice
    press(window, Qt.Key.Key_G, CTRL)
    assert window.across.views_visible() and window.actions_by_id["groups_view"].isChecked()
    press(window, Qt.Key.Key_G, CTRL)
    assert not window.across.views_visible() and not window.actions_by_id["groups_view"].isChecked()


def test_a_label_being_typed_survives_a_change_made_elsewhere(qtbot, grouped, ws_path, settings, errors):
    win = open_window(qtbot, ws_path, settings, poll_ms=100)
    shown(qtbot, win, 9, 6)
    a = win.across
    a.show_views(True)
    group = group_with(win, grouped[(NTV, "attacks on three facilities")])
    a.groups.select(group.id)
    a.groups.edit_label()
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Three facilities")
    with Workspace.open(ws_path) as other:
        other.update_claim(grouped[(RADIO, "hit three facilities")], status="verified", rationale="elsewhere")
    qtbot.wait(700)  # the poll hears it; the view waits for the edit
    assert QApplication.focusWidget() is editor and editor.text() == "Three facilities"
    press(win, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: group_with(win, group.claim_ids[0]).label == "Three facilities")
    assert group_with(win, group.claim_ids[0]).status == "mixed"  # and the change elsewhere is shown too
