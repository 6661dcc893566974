"""The `claimdesk` command as scripts use it: real subprocesses, JSON out, one-line errors, exit 2."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import SAMPLE


def run(db, *args, analyst="cli-analyst", env_extra=None):
    env = {k: v for k, v in os.environ.items() if k != "CLAIMDESK_DB"}
    env.update({"CLAIMDESK_ANALYST": analyst, **(env_extra or {})})
    cmd = [sys.executable, "-m", "desktop_app"] + (["--db", str(db)] if db is not None else []) + [str(a) for a in args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)


def ok_json(db, *args, **kw):
    result = run(db, *args, "--json", **kw)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


@pytest.fixture
def db(workspace_url):
    return workspace_url


@pytest.fixture
def article_id(db):
    return ok_json(db, "import", SAMPLE)["id"]


def everything(db) -> dict:
    """The whole visible state, read in-process (one subprocess per check would make the suite crawl)."""
    from desktop_app.core.workspace import Workspace

    with Workspace.open(db) as ws:
        arts = ws.articles()
        claims = ws.claims()
        return {
            "articles": [a.to_json() for a in arts],
            "shows": [ws.article(a.id).to_json() for a in arts],
            "history": {c.id: [e.to_json() for e in ws.history(c.id)] for c in claims},
            "changes": ws.change_count(),
        }


def test_the_readme_walkthrough(db, article_id):
    claim = ok_json(db, "claim", "add", article_id, "--quote", "three US soldiers injured", "--type", "casualty",
                    "--field", "count=3", "--field", "category=injured")
    assert (claim["start"], claim["end"]) == (301, 326)
    for key in ("id", "article_id", "start", "end", "text", "type", "status", "note", "version", "anchor",
                "fields", "sources"):
        assert key in claim
    assert claim["fields"] == {"count": 3, "qualifier": None, "category": "injured", "who": None}
    assert claim["anchor"] == "exact" and claim["status"] == "unverified"

    changed = ok_json(db, "claim", "set", claim["id"], "--status", "disputed", "--rationale",
                      "Pentagon says four were hurt", "--if-version", "1", analyst="maria")
    assert changed["status"] == "disputed" and changed["version"] == 2

    # A new process sees the change and its history, with the analyst.
    history = ok_json(db, "history", claim["id"])["history"]
    status = [h for h in history if h["field"] == "status"]
    assert status == [{**status[0], "old": "unverified", "new": "disputed", "analyst": "maria",
                       "rationale": "Pentagon says four were hurt"}]

    link = ok_json(db, "source", "add", claim["id"], "--url", "https://www.defense.gov/News/Releases/x",
                   "--title", "DoD statement", "--reliability", "B", "--credibility", "2")
    assert link["reliability"] == "B" and link["credibility"] == 2

    shown = ok_json(db, "show", article_id)
    assert shown["id"] == article_id and shown["text"].startswith("USA attacks pro-Iranian militias in Iraq")
    (only,) = shown["claims"]
    assert only["sources"] == [{**only["sources"][0], "url": "https://www.defense.gov/News/Releases/x",
                                "title": "DoD statement", "reliability": "B", "credibility": 2,
                                "relation": "supports"}]

    listed = ok_json(db, "claim", "list", article_id, "--status", "disputed")["claims"]
    assert [c["id"] for c in listed] == [claim["id"]]
    assert ok_json(db, "claim", "list", "--type", "quote")["claims"] == []


def test_human_output_is_readable(db, article_id):
    result = run(db, "claim", "add", article_id, "--quote", "According to the US", "--type", "attribution")
    assert result.returncode == 0 and "\u201cAccording to the US\u201d" in result.stdout
    shown = run(db, "show", article_id)
    assert "USA attacks pro-Iranian militias in Iraq" in shown.stdout and "attribution" in shown.stdout


def test_json_export_writes_web_annotations(db, article_id, tmp_path):
    ok_json(db, "claim", "add", article_id, "--quote", "Another 24 were injured", "--type", "casualty")
    out = tmp_path / "claims.json"
    result = run(db, "export", article_id, "--format", "json", "-o", out)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text("utf-8"))
    assert data["type"] == "AnnotationCollection" and data["total"] == 1
    selectors = {s["type"]: s for s in data["first"]["items"][0]["target"]["selector"]}
    assert selectors["TextQuoteSelector"]["exact"] == "Another 24 were injured"
    text = SAMPLE.read_text("utf-8")
    assert text[selectors["TextPositionSelector"]["start"]:selectors["TextPositionSelector"]["end"]] \
        == "Another 24 were injured"


def test_claim_delete_keeps_history(db, article_id):
    claim = ok_json(db, "claim", "add", article_id, "--quote", "Another 24 were injured", "--type", "casualty")
    result = run(db, "claim", "delete", claim["id"], "--rationale", "double")
    assert result.returncode == 0, result.stderr
    assert ok_json(db, "claim", "list")["claims"] == []
    assert ok_json(db, "history", claim["id"])["history"][-1]["action"] == "deleted"


BAD_INPUTS = [
    (["show", "999"], "no article 999"),
    (["show", "abc"], "is not an id"),
    (["history", "999"], "no claim 999"),
    (["claim", "add", "{article}", "--quote", "four US soldiers", "--type", "casualty"], "is not in article"),
    (["claim", "add", "{article}", "--quote", "USA", "--occurrence", "99", "--type", "event"], "not 99"),
    (["claim", "add", "{article}", "--span", "400:300", "--type", "event"], "must come after"),
    (["claim", "add", "{article}", "--span", "1-5", "--type", "event"], "START:END"),
    (["claim", "add", "{article}", "--quote", "USA", "--type", "rumour"], "Unknown claim type"),
    (["claim", "add", "{article}", "--quote", "USA", "--type", "event", "--status", "sure"], "Unknown status"),
    (["claim", "add", "{article}", "--type", "event"], "one of the arguments --quote --span is required"),
    (["claim", "set", "{claim}", "--status", "maybe"], "Unknown status"),
    (["claim", "set", "{claim}", "--type", "rumour"], "Unknown claim type"),
    (["claim", "set", "{claim}", "--status", "false", "--if-version", "7"], "version 1, you had version 7"),
    (["claim", "set", "{claim}"], "Say what to change"),
    (["claim", "set", "{claim}", "--field", "speaker=Austin"], "does not apply"),
    (["claim", "set", "999", "--status", "false"], "no claim 999"),
    (["claim", "delete", "999"], "no claim 999"),
    (["source", "add", "{claim}", "--url", "https://a.example", "--reliability", "Q"], "letter A to F"),
    (["source", "add", "{claim}", "--url", "https://a.example", "--credibility", "9"], "number 1 to 6"),
    (["source", "add", "{claim}", "--url", "https://a.example", "--relation", "hates"], "Unknown relation"),
    (["import", "{missing}"], "No such file"),
    (["import", "{sample}"], "already imported as article"),
    (["import", "ftp://example.org/a.txt"], "Only http and https"),
    (["export", "999", "--format", "json", "-o", "{out}"], "no article 999"),
    (["export", "{article}", "--format", "pdf", "-o", "{out}"], "Unknown export format"),
    (["export", "{article}", "--format", "json", "-o", "{missing_dir_out}"], "does not exist"),
    (["frobnicate"], "invalid choice"),
]


@pytest.mark.parametrize("argv, message", BAD_INPUTS, ids=[" ".join(a[:3]) for a, _ in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(tmp_path, argv, message):
    from desktop_app.core.workspace import Workspace

    db = tmp_path / "w.db"
    with Workspace.open(db) as ws:
        article_id = ws.import_file(SAMPLE).id
        claim = ws.add_claim(article_id, "casualty", quote="three US soldiers injured").to_json()
    before = everything(db)
    values = {"article": article_id, "claim": claim["id"], "missing": tmp_path / "nope.txt", "sample": SAMPLE,
              "out": tmp_path / "out.json", "missing_dir_out": tmp_path / "no" / "out.json"}
    result = run(db, *[a.format(**values) for a in argv])
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdesk: "), result.stderr
    assert message in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert everything(db) == before
    assert not (tmp_path / "out.json").exists()


def test_an_unreadable_workspace_is_one_line_exit_2(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"\x00\x01not a database" * 500)
    result = run(bogus, "articles")
    assert result.returncode == 2 and "not a Claimdesk workspace" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    missing_dir = run(tmp_path / "no" / "such" / "w.db", "articles")
    assert missing_dir.returncode == 2 and "does not exist" in missing_dir.stderr
    server = run("postgresql+psycopg://u:pw@127.0.0.1:9/x", "articles")
    assert server.returncode == 2 and "Cannot reach the PostgreSQL server" in server.stderr
    assert "pw" not in server.stderr


def test_claimdesk_db_environment_variable_names_the_workspace(tmp_path):
    env = {"CLAIMDESK_DB": str(tmp_path / "env.db")}
    result = run(None, "import", SAMPLE, "--json", env_extra=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "env.db").exists()
    listed = run(None, "articles", "--json", env_extra=env)
    assert [a["id"] for a in json.loads(listed.stdout)["articles"]] == [json.loads(result.stdout)["id"]]


def test_the_gui_is_read_with_its_own_parser_and_everything_else_with_the_whole_one():
    from desktop_app.cli import _opens_gui, build_parser

    assert _opens_gui([]) and _opens_gui(["gui"]) and _opens_gui(["--db", "x.db"]) and _opens_gui(["--db=x.db", "gui", "a"])
    assert not _opens_gui(["--help"]) and not _opens_gui(["import", "a.txt"]) and not _opens_gui(["--db", "x", "articles"])
    for argv in (["--db", "w.db", "gui", "a.txt", "--screenshot", "s.png"], ["gui"], []):
        assert vars(build_parser(gui_only=True).parse_args(argv)) == vars(build_parser().parse_args(argv))


def test_help_still_lists_every_command(tmp_path):
    result = run(tmp_path / "w.db", "--help")
    assert result.returncode == 0 and all(c in result.stdout for c in ("import", "claim", "export", "groups"))
