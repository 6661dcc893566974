"""What the app's Sources tab, orphan re-attachment, revisions and rejecting suggestions do, as commands."""
from __future__ import annotations

import pytest

from .conftest import SAMPLE
from .test_cli import everything, ok_json, run


@pytest.fixture
def db(workspace_url):
    return workspace_url


@pytest.fixture
def two_claims(db):
    article = ok_json(db, "import", SAMPLE)["id"]
    first = ok_json(db, "claim", "add", article, "--quote", "three US soldiers injured", "--type", "casualty")["id"]
    second = ok_json(db, "claim", "add", article, "--quote", "Another 24 were injured", "--type", "casualty")["id"]
    source = ok_json(db, "source", "add", first, "--url", "https://www.defense.gov/News/Releases/",
                     "--title", "DoD statement", "--reliability", "B", "--credibility", "2")["id"]
    return article, first, second, source


def claim_sources(db, article, claim_id):
    claims = {c["id"]: c for c in ok_json(db, "show", article)["claims"]}
    return [(s["id"], s["relation"], s["reliability"], s["credibility"]) for s in claims[claim_id]["sources"]]


def test_link_relate_set_and_remove_a_source(db, two_claims):
    article, first, second, source = two_claims
    link = ok_json(db, "source", "link", second, source, "--relation", "contradicts", "--credibility", "3")
    assert (link["id"], link["relation"], link["credibility"]) == (source, "contradicts", 3)
    assert claim_sources(db, article, second) == [(source, "contradicts", "B", 3)]

    ok_json(db, "source", "relate", second, source, "--credibility", "5", "--rationale", "second-hand")
    assert claim_sources(db, article, second) == [(source, "contradicts", "B", 5)]

    edited = ok_json(db, "source", "set", source, "--reliability", "C", "--if-version", "1")
    assert (edited["reliability"], edited["version"]) == ("C", 2)
    assert claim_sources(db, article, first) == [(source, "supports", "C", 2)]  # one source, every claim citing it

    ok_json(db, "source", "remove", second, source, "--rationale", "not about this figure")
    assert claim_sources(db, article, second) == []
    assert claim_sources(db, article, first) == [(source, "supports", "C", 2)]
    assert [s["id"] for s in ok_json(db, "sources")["sources"]] == [source]  # still in the workspace

    history = ok_json(db, "history", second)["history"]
    assert [e["action"] for e in history][-4:] == ["source_linked", "source_updated", "source_edited",
                                                   "source_unlinked"]
    assert history[-1]["rationale"] == "not about this figure" and history[-1]["analyst"] == "cli-analyst"


def test_a_stale_source_edit_is_refused_with_who_changed_it(db, two_claims):
    _, _, _, source = two_claims
    ok_json(db, "source", "set", source, "--title", "Pentagon statement", analyst="alice")
    before = everything(db)
    result = run(db, "source", "set", source, "--reliability", "A", "--if-version", "1")
    assert result.returncode == 2 and "alice" in result.stderr and "nothing was saved" in result.stderr
    assert everything(db) == before


@pytest.mark.parametrize("argv, message", [
    (["source", "remove", "{second}", "{source}"], "does not cite source"),
    (["source", "relate", "{first}", "{source}"], "Say what to change"),
    (["source", "relate", "{first}", "{source}", "--credibility", "9"], "Credibility"),
    (["source", "link", "{first}", "{source}"], "already linked"),
    (["source", "link", "{first}", "999"], "no source 999"),
    (["source", "set", "{source}"], "Say what to change"),
    (["source", "set", "{source}", "--reliability", "Q"], "Reliability must be a letter A to F"),
    (["claim", "reattach", "{first}", "--quote", "not in the article at all"], "is not in article"),
    (["claim", "reattach", "{first}", "--quote", "Another 24 were injured"], "already marks exactly this text"),
    (["show", "{article}", "--revision", "7"], "has no revision 7"),
    (["suggest", "{article}", "--apply", "--reject"], "not both"),
])
def test_refused_input_is_one_line_exit_2_and_changes_nothing(db, two_claims, argv, message):
    article, first, second, source = two_claims
    before = everything(db)
    values = {"article": article, "first": first, "second": second, "source": source}
    result = run(db, *[a.format(**values) for a in argv])
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdesk: ") and message in lines[0], result.stderr
    assert everything(db) == before


def test_an_orphaned_claim_is_put_on_its_new_text_by_quote(db, tmp_path):
    article = ok_json(db, "import", SAMPLE)["id"]
    claim = ok_json(db, "claim", "add", article, "--quote", "three US soldiers injured", "--type", "casualty")
    changed = tmp_path / "v2.txt"
    changed.write_text(SAMPLE.read_text(encoding="utf-8").replace("three US soldiers injured", "3 troops hurt"),
                       encoding="utf-8")
    ok_json(db, "revise", article, changed)
    assert ok_json(db, "claim", "list", article)["claims"][0]["anchor"] == "orphaned"

    placed = ok_json(db, "claim", "reattach", claim["id"], "--quote", "3 troops hurt", "--rationale", "reworded")
    assert (placed["text"], placed["anchor"]) == ("3 troops hurt", "exact")
    assert ok_json(db, "history", claim["id"])["history"][-1]["action"] == "reattached"

    revisions = ok_json(db, "revisions", article)
    assert revisions["current"] == 2 and [r["number"] for r in revisions["revisions"]] == [1]
    old = ok_json(db, "show", article, "--revision", "1")
    assert "three US soldiers injured" in old["text"] and "3 troops hurt" not in old["text"]


def test_rejected_suggestions_are_not_suggested_again(db):
    article = ok_json(db, "import", SAMPLE)["id"]
    quotes = ok_json(db, "suggest", article, "--type", "quote")["suggestions"]
    assert quotes
    assert ok_json(db, "suggest", article, "--type", "quote", "--reject") == {"rejected": len(quotes)}
    assert ok_json(db, "suggest", article, "--type", "quote")["suggestions"] == []
    assert ok_json(db, "suggest", article, "--type", "casualty")["suggestions"]  # the other types are still offered
