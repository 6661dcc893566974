"""`claimdesk revise` as scripts use it: a real subprocess, counts in words or JSON, one-line refusals."""
from __future__ import annotations

import json

from .conftest import SAMPLE, SAMPLE_GOLD
from .core.test_revisions import FUZZY_NEW, FUZZY_OLD, ORPHAN, revised_text
from .test_cli import article_id, db, everything, ok_json, run  # noqa: F401 - fixtures


def add_gold_claims(db, article_id) -> list[dict]:
    """The reference annotation as claims (in-process: one subprocess per claim would make the suite crawl)."""
    from desktop_app.core.workspace import Workspace

    with Workspace.open(db) as ws:
        return [ws.add_claim(article_id, item["type"], quote=item["text"]).to_json()
                for item in json.loads(SAMPLE_GOLD.read_text("utf-8"))["claims"]]


def test_revise_reanchors_every_claim_and_loses_none(db, article_id, tmp_path):
    claims = add_gold_claims(db, article_id)
    new_text = revised_text(SAMPLE.read_text("utf-8").strip(), word=True, delete=True)
    path = tmp_path / "v2.txt"
    path.write_text(new_text, "utf-8")

    report = ok_json(db, "revise", article_id, path)
    assert report["article_id"] == article_id and report["revision"] == 2
    assert report["counts"] == {"exact": 0, "moved": len(claims) - 2, "fuzzy": 1, "orphaned": 1}
    results = {r["result"]: r for r in report["claims"]}
    assert len(report["claims"]) == len(claims)
    fuzzy = results["fuzzy"]
    assert fuzzy["old"]["text"] == FUZZY_OLD and fuzzy["new"]["text"] == FUZZY_NEW
    assert new_text[fuzzy["new"]["start"]:fuzzy["new"]["end"]] == FUZZY_NEW and fuzzy["anchor"] == "fuzzy"
    orphan = results["orphaned"]
    assert orphan["old"] == orphan["new"] and orphan["new"]["text"] == ORPHAN and orphan["anchor"] == "orphaned"

    # Nothing dropped: `claim list` and `show` still list the orphan, marked as such.
    listed = ok_json(db, "claim", "list", article_id)["claims"]
    assert {c["id"] for c in listed} == {c["id"] for c in claims}
    assert [c["text"] for c in listed if c["anchor"] == "orphaned"] == [ORPHAN]
    shown = ok_json(db, "show", article_id)
    assert shown["revision"] == 2 and shown["text"] == new_text and len(shown["claims"]) == len(claims)
    text_list = run(db, "claim", "list", article_id)
    assert text_list.returncode == 0 and f"[orphaned]  \u201c{ORPHAN}\u201d" in text_list.stdout

    history = ok_json(db, "history", orphan["claim_id"])["history"]
    assert history[-1]["action"] == "reanchored" and history[-1]["new"]["anchor"] == "orphaned"
    plain = run(db, "history", fuzzy["claim_id"])
    assert plain.returncode == 0 and f"reanchored: {fuzzy['old']['start']}:{fuzzy['old']['end']} exact" in plain.stdout


def test_revise_prints_the_counts_in_words(db, article_id, tmp_path):
    add_gold_claims(db, article_id)
    path = tmp_path / "v2.txt"
    path.write_text(revised_text(SAMPLE.read_text("utf-8").strip(), delete=True), "utf-8")
    result = run(db, "revise", article_id, path)
    assert result.returncode == 0, result.stderr
    first, *rest = result.stdout.splitlines()
    assert first == f"Article {article_id} is now revision 2: 0 exact, 18 moved, 0 fuzzy, 1 orphaned."
    assert any("orphaned" in line and ORPHAN in line for line in rest)


def test_revise_refuses_the_same_bytes_in_one_sentence(db, article_id, tmp_path):
    before = everything(db)
    result = run(db, "revise", article_id, SAMPLE, "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"claimdesk: This is already revision 1 of article {article_id}; nothing changed.\n"
    for args in ([999, SAMPLE], [article_id, tmp_path / "missing.txt"], [article_id, "ftp://example.org/a.txt"]):
        result = run(db, "revise", *args)
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert everything(db) == before
