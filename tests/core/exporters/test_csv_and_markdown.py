"""The CSV table and the Markdown briefing of the same selection."""
from __future__ import annotations

import codecs
import csv
import io
import re

import pytest

from desktop_app.core.exporters import ExportOptions, export, render
from desktop_app.core.exporters.csv_table import COLUMNS


@pytest.fixture(scope="module")
def csv_bytes(desk, tmp_path_factory):
    path = tmp_path_factory.mktemp("csv") / "claims.csv"
    export(desk.ws, [desk.article_id], "csv", path)
    return path.read_bytes()


def test_csv_has_a_bom_and_opens_with_the_csv_module(desk, csv_bytes):
    assert csv_bytes.startswith(codecs.BOM_UTF8)
    assert b"\r\n" in csv_bytes and b"\n" not in csv_bytes.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == list(COLUMNS)
    claims = desk.claims()
    assert [r["claim"] for r in rows] == [c.text for c in claims]
    assert [r["number"] for r in rows] == [str(n) for n in range(1, 11)]
    plan = {p["text"]: p for p in desk.plan}
    for row in rows:
        item = plan[row["claim"]]
        assert row["status"] == item["status"] and row["type"] == item["type"]
        assert row["rationale"] == item["rationale"] and row["note"] == item["note"]
        assert row["verdict_by"] == "maria.lopez"
        assert len(row["sources"].split("; ")) == len(item["links"]) or not item["links"]
    casualty = rows[[c.text for c in claims].index("at least one member of a pro-Iranian group had been killed")]
    assert (casualty["count"], casualty["qualifier"], casualty["category"]) == ("1", "at least", "killed")
    assert casualty["sources"] == "Wire report on the Erbil attack <https://www.reuters.com/world/middle-east/> C3 context"


def test_csv_neutralises_formulas_from_imported_text(workspace):
    summary = workspace.import_text("Markets\n\n=HYPERLINK(\"http://evil.example\",\"click\") was posted; +1 more.")
    workspace.add_claim(summary.id, "other", quote="=HYPERLINK(\"http://evil.example\",\"click\")",
                        note="@SUM(A1)")
    data = render("csv", [workspace.article(summary.id)])
    (row,) = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert row["claim"] == "'=HYPERLINK(\"http://evil.example\",\"click\")"
    assert row["note"] == "'@SUM(A1)"
    assert row["start"].isdigit()


@pytest.fixture(scope="module")
def markdown(desk, tmp_path_factory):
    path = tmp_path_factory.mktemp("md") / "briefing.md"
    export(desk.ws, [desk.article_id], "md", path, ExportOptions(handling="UNCLASSIFIED // FOR OFFICIAL USE ONLY"))
    return path.read_text("utf-8")


def test_markdown_briefing_has_the_sections_and_marks_every_claim(desk, markdown):
    lines = markdown.split("\n")
    assert lines[0] == "**UNCLASSIFIED // FOR OFFICIAL USE ONLY**" and lines[-2] == lines[0]
    headings = [line for line in lines if line.startswith("#")]
    assert headings == ["# USA attacks pro-Iranian militias in Iraq", "## Summary",
                        "### Key judgments", "### Claims by verdict", "### Claims by type",
                        "## USA attacks pro-Iranian militias in Iraq", "## Claims", "## Sources"]
    assert "10 claims in 1 article: 1 false, 2 disputed, 1 unverifiable, 2 unverified, 4 verified." in markdown
    for n, claim in enumerate(desk.claims(), start=1):
        assert f"**{claim.text}**\\[{n}\\]" in markdown
    judgments = [line for line in lines if line.startswith("- **")]
    assert [j.split("**")[1] for j in judgments] == ["FALSE", "DISPUTED", "DISPUTED"]
    table = [line for line in lines if re.match(r"\| \d+ \|", line)]
    assert len(table) == 10 and "S1" not in table[0]
    assert "| Disputed | Statement by Secretary of Defense Lloyd J. Austin III on strikes in Iraq (B2, supports); " \
           "Wire report on the Erbil attack (C3, contradicts) |" in markdown
    assert "| S1 | Statement by Secretary of Defense" in markdown


def test_markdown_escapes_what_an_article_could_inject(workspace):
    text = "Title\n\n# Not a heading <img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold* | pipe"
    summary = workspace.import_text(text)
    workspace.add_claim(summary.id, "other", quote="[click](javascript:alert(1))")
    out = render("md", [workspace.article(summary.id)]).decode("utf-8")
    body = out.split("## Title\n\n", 1)[1]
    assert not re.search(r"(?<!\\)<img", out) and not re.search(r"(?<!\\)\]\(javascript", out)
    assert "\\# Not a heading \\<img src=x onerror=alert(1)\\>" in body
    assert "**\\[click\\](javascript:alert(1))**\\[1\\]" in body
    assert "\\*bold\\* \\| pipe" in body
