"""`claimdesk groups / discrepancies / group ... / article set` as scripts use them: subprocesses, JSON, exit 2."""
from __future__ import annotations

import pytest

from .conftest import SAMPLE
from .core.groups.erbil import claim_set, expectations, load_event
from .test_cli import everything, ok_json, run


@pytest.fixture
def db(workspace_url):
    return workspace_url


@pytest.fixture
def event(db):
    from desktop_app.core.workspace import Workspace

    with Workspace.open(db) as ws:  # 56 gold claims in-process; the commands under test run as subprocesses
        return load_event(ws)


def test_suggest_apply_then_groups_and_discrepancies_as_json(db, event):
    suggestions = ok_json(db, "group", "suggest")["suggestions"]
    spec = expectations()
    assert {frozenset(s["member_ids"]) for s in suggestions} == {claim_set(event, g["members"]) for g in spec["groups"]}
    applied = ok_json(db, "group", "suggest", "--apply")["groups"]
    assert len(applied) == len(spec["groups"])

    groups = ok_json(db, "groups")["groups"]
    assert {frozenset(m["id"] for m in g["members"]) for g in groups} == {
        claim_set(event, g["members"]) for g in spec["groups"]}
    for g in groups:
        assert {"id", "label", "members", "status", "version"} <= set(g)
        for m in g["members"]:
            assert {"id", "article_id", "text", "type", "status", "fields", "sources", "anchor", "version",
                    "article_title", "outlet", "published", "source"} <= set(m)

    discrepancies = ok_json(db, "discrepancies")["discrepancies"]
    assert len(discrepancies) == len(spec["discrepancies"])
    got = {(d["kind"], tuple(frozenset(side["claim_ids"]) for side in d["sides"])) for d in discrepancies}
    assert got == {(d["kind"], tuple(claim_set(event, side) for side in d["sides"])) for d in spec["discrepancies"]}
    assert {d["explanation"] for d in discrepancies} >= {d["explanation"] for d in spec["discrepancies"]
                                                         if "explanation" in d}
    for d in discrepancies:
        assert d["kind"] in ("figure", "wording", "attribution") and isinstance(d["group_id"], int)
        for m in d["members"]:
            assert m["article_title"] and m["outlet"] and m["published"] and "source" in m

    text = run(db, "discrepancies")
    assert text.returncode == 0
    assert "[figure] group" in text.stdout and "3 injured (ntv.de, 2023-12-26; Citadel Radio, 2023-12-27)" in text.stdout
    one_group = ok_json(db, "discrepancies", "--group", discrepancies[0]["group_id"])["discrepancies"]
    assert one_group and {d["group_id"] for d in one_group} == {discrepancies[0]["group_id"]}


def test_group_add_remove_and_verdict(db, event):
    a = event[("usa-attacks-pro-iranian-militias-in-iraq.txt", "Another 24 were injured")]
    b = event[("us-strikes-kataeb-hezbollah-wire.txt", "18 were wounded")]
    c = event[("erbil-drone-attack-regional-radio.txt", "24 others were injured")]
    group = ok_json(db, "group", "add", a, b, c, "--label", "Militia injured in the strikes")
    assert group["label"] == "Militia injured in the strikes"
    assert {m["id"] for m in group["members"]} == {a, b, c}
    assert [d["kind"] for d in ok_json(db, "discrepancies")["discrepancies"]] == ["figure"]

    verdict = ok_json(db, "group", "verdict", group["id"], "--status", "disputed", "--rationale", "18 vs 24")
    assert verdict["group"]["status"] == "disputed" and set(verdict["previous"]) == {str(a), str(b), str(c)}
    history = ok_json(db, "history", b)["history"]
    assert [(e["action"], e["field"], e["new"], e["rationale"]) for e in history[-2:]] == [
        ("grouped", "group", {"group_id": group["id"], "label": "Militia injured in the strikes"}, ""),
        ("updated", "status", "disputed", "18 vs 24")]

    after = ok_json(db, "group", "remove", b, "--rationale", "another strike")["group"]
    assert {m["id"] for m in after["members"]} == {a, c}
    assert ok_json(db, "history", b)["history"][-1]["action"] == "ungrouped"
    lines = run(db, "history", b).stdout.splitlines()
    assert lines[-1].endswith(f"ungrouped: group {group['id']} \u201cMilitia injured in the strikes\u201d"
                              "  \u2014 another strike")
    assert ok_json(db, "discrepancies")["discrepancies"] == []
    assert ok_json(db, "group", "label", group["id"], "--label", "Militia injured")["label"] == "Militia injured"
    human = run(db, "groups")
    assert f"Group {group['id']}: Militia injured  [2 claims, disputed]" in human.stdout


def test_article_set_gives_the_outlet_and_date_the_reports_cite(db):
    article = ok_json(db, "import", SAMPLE)
    summary = ok_json(db, "article", "set", article["id"], "--publisher", "ntv.de", "--published", "2023-12-26")
    assert (summary["publisher"], summary["published"]) == ("ntv.de", "2023-12-26")


@pytest.mark.parametrize("argv, message", [
    (["group", "add", "1"], "Choose at least two claims"),
    (["group", "add", "1", "99999"], "There is no claim 99999"),
    (["group", "remove", "1"], "Claim 1 is not in a group."),
    (["group", "verdict", "77", "--status", "verified", "--rationale", "x"], "There is no claim group 77"),
    (["group", "verdict", "1", "--status", "verified"], "the following arguments are required: --rationale"),
    (["group", "label", "1"], "Say what to change: --label or --note."),
    (["discrepancies", "--group", "x"], "'x' is not an id"),
    (["article", "set", "1", "--published", "yesterday"], "A published date is written YYYY-MM-DD"),
    (["article", "set", "1"], "Say what to set"),
])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(db, argv, message):
    from desktop_app.core.workspace import Workspace

    with Workspace.open(db) as ws:
        article = ws.import_file(SAMPLE)
        assert ws.add_claim(article.id, "casualty", quote="three US soldiers injured").id == 1
    before = everything(db)
    result = run(db, *argv)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert everything(db) == before
