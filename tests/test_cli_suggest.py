"""`claimdesk suggest` as scripts use it: real subprocesses, JSON out, one-line errors, exit 2."""
from __future__ import annotations

import pytest

from .test_cli import ok_json, run


@pytest.fixture
def db(workspace_url):
    return workspace_url


@pytest.fixture
def article_id(db):
    from .conftest import SAMPLE

    return ok_json(db, "import", SAMPLE)["id"]


def test_suggest_lists_candidates_as_json_and_as_lines(db, article_id):
    data = ok_json(db, "suggest", article_id)
    assert set(data) == {"suggestions"}
    items = data["suggestions"]
    assert all(set(x) == {"type", "start", "end", "text", "confidence", "fields"} for x in items)
    assert {"type": "casualty", "text": "three US soldiers were injured, one of them seriously",
            "fields": {"count": 3, "qualifier": "exact", "category": "injured", "who": "US soldiers"}}.items() <= \
        next(x for x in items if x["start"] == 882).items()
    human = run(db, "suggest", article_id)
    assert human.returncode == 0 and human.stderr == ""
    lines = human.stdout.splitlines()
    assert len(lines) == len(items)
    assert any(line.startswith("quote") and "speaker=Lloyd Austin" in line for line in lines)


def test_apply_accepts_all_and_claim_list_shows_their_fields(db, article_id):
    claims = ok_json(db, "suggest", article_id, "--apply")["claims"]
    assert len(claims) == 19
    listed = ok_json(db, "claim", "list", article_id)["claims"]
    assert [c["id"] for c in listed] == [c["id"] for c in claims]
    by_text = {c["text"]: c for c in listed}
    assert by_text["at least one member of a pro-Iranian group had been killed"]["fields"] == {
        "count": 1, "qualifier": "at least", "category": "killed", "who": "member of a pro-Iranian group"}
    assert by_text["necessary and appropriate"]["fields"] == {"speaker": "Lloyd Austin"}
    assert by_text["Iraqi security sources reported"]["fields"] == {"attributed_to": "Iraqi security sources"}
    human = run(db, "claim", "list", article_id)
    assert "who=US soldiers" in human.stdout and "attributed_to=Interior Ministry" in human.stdout
    # Nothing is offered twice.
    assert ok_json(db, "suggest", article_id) == {"suggestions": []}
    again = run(db, "suggest", article_id, "--apply")
    assert again.returncode == 0 and again.stdout.strip() == "No suggestions to accept."


def test_apply_one_type(db, article_id):
    claims = ok_json(db, "suggest", article_id, "--apply", "--type", "quote")["claims"]
    assert [c["type"] for c in claims] == ["quote"] * 3


@pytest.mark.parametrize("args, message", [
    (("suggest", "99"), "There is no article 99 in this workspace."),
    (("suggest", "99", "--apply"), "There is no article 99 in this workspace."),
    (("suggest", "1", "--type", "rumour"), "Unknown claim type 'rumour'"),
    (("suggest", "x"), "'x' is not an id"),
])
def test_errors_are_one_line_and_exit_2(db, article_id, args, message):
    result = run(db, *args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
