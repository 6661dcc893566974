"""`claimdesk export` as scripts use it: real subprocesses, each format and option, one-line errors."""
from __future__ import annotations

import csv
import io
import json

import docx
import pytest

from .core.exporters.conftest import build_desk
from .test_cli import run

HANDLING = "SECRET // REL TO DESK"


@pytest.fixture
def article_id(workspace_url):
    from desktop_app.core.workspace import Workspace

    with Workspace.open(workspace_url, analyst="maria.lopez") as ws:
        return build_desk(ws).article_id


def export(db, article_id, fmt, out, *options):
    result = run(db, "export", article_id, "--format", fmt, "-o", out, *options)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {out}" and result.stderr == ""
    return out


def test_export_docx(workspace_url, article_id, tmp_path):
    out = export(workspace_url, article_id, "docx", tmp_path / "briefing.docx")
    document = docx.Document(out)
    assert document.paragraphs[0].text == "USA attacks pro-Iranian militias in Iraq"
    assert len(document.comments) == 10
    assert document.sections[0].header.paragraphs[0].text == ""  # no handling line asked for


def test_export_claimreview(workspace_url, article_id, tmp_path):
    out = export(workspace_url, article_id, "claimreview", tmp_path / "cr.json", "--organisation", "Desk",
                 "--publish-url", "https://desk.example.org/erbil")
    graph = json.loads(out.read_text("utf-8"))["@graph"]
    assert len(graph) == 8 and {r["@type"] for r in graph} == {"ClaimReview"}
    assert graph[0]["url"] == "https://desk.example.org/erbil#claim-1"
    assert graph[0]["author"][0] == {"@type": "Organization", "name": "Desk"}


def test_export_csv(workspace_url, article_id, tmp_path):
    out = export(workspace_url, article_id, "csv", tmp_path / "claims.csv")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 10 and rows[0]["claim"] == "Three soldiers are injured"


def test_export_md(workspace_url, article_id, tmp_path):
    out = export(workspace_url, article_id, "md", tmp_path / "briefing.md", "--handling", HANDLING,
                 "--title", "Erbil strikes")
    text = out.read_text("utf-8")
    assert text.startswith(f"**{HANDLING}**\n\n# Erbil strikes\n")
    assert "**Three soldiers are injured**\\[1\\]" in text


def test_export_options_status_claims_only_no_comments_handling(workspace_url, article_id, tmp_path):
    out = export(workspace_url, article_id, "docx", tmp_path / "keyjudgments.docx",
                 "--status", "false", "--status", "Disputed", "--claims-only", "--no-comments",
                 "--handling", HANDLING, "--title", "Key judgments only")
    document = docx.Document(out)
    assert document.paragraphs[0].text == "Key judgments only"
    assert document.sections[0].header.paragraphs[0].text == HANDLING
    assert len(document.comments) == 0
    text = "\n".join(p.text for p in document.paragraphs)
    assert "3 claims in 1 article: 1 false, 2 disputed." in text
    assert "Following an attack on a base in Iraq" not in text
    claims_table = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    assert [r.cells[3].text for r in claims_table.rows[1:]] == ["Disputed", "Disputed", "False"]


@pytest.mark.parametrize("args, message", [
    (["--format", "docx", "--status", "bogus"], "Unknown status 'bogus'"),
    (["--format", "pdf"], "Unknown export format 'pdf'"),
    (["--format", "claimreview", "--status", "unverified"], "None of the chosen claims has a verdict"),
])
def test_export_refusals_are_one_line_and_write_nothing(workspace_url, article_id, tmp_path, args, message):
    folder = tmp_path / "out"
    folder.mkdir()
    result = run(workspace_url, "export", article_id, "-o", folder / "out.file", *args)
    assert result.returncode == 2
    assert result.stderr.startswith("claimdesk: ") and message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


def test_export_to_a_missing_folder(workspace_url, article_id, tmp_path):
    result = run(workspace_url, "export", article_id, "--format", "docx", "-o", tmp_path / "no" / "b.docx")
    assert result.returncode == 2 and "does not exist" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "no").exists()
