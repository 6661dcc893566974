"""The briefing's "Conflicting reports" section: every disagreement among grouped claims, where each side ran."""
from __future__ import annotations

import docx

from desktop_app.core.exporters import export

from ..groups.erbil import expectations, load_event


def _docx_text(path) -> tuple[list[str], list[str]]:
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return headings, cells


def test_the_word_and_markdown_briefings_list_every_discrepancy(workspace, tmp_path):
    load_event(workspace)
    workspace.apply_group_suggestions()
    found = workspace.discrepancies()
    assert len(found) == len(expectations()["discrepancies"])
    article_ids = [a.id for a in workspace.articles()]

    headings, cells = _docx_text(export(workspace, article_ids, "docx", tmp_path / "b.docx"))
    assert headings.index("Conflicting reports") < headings.index("Claims")
    report_cells = "\n".join(cells)
    assert "4 injured: Continental Newswire, 2023-12-26 (according to Pentagon official)" in report_cells
    assert "According to Kurdistan Region's Counter-Terrorism Directorate: Citadel Radio, 2023-12-27" in report_cells
    for d in found:
        assert d.group_label in cells

    markdown = export(workspace, article_ids, "md", tmp_path / "b.md").read_text(encoding="utf-8")
    assert "## Conflicting reports" in markdown
    assert "necessary and proportionate" in markdown.split("## Conflicting reports")[1].split("\n## ")[0]


def test_a_briefing_without_disagreements_has_no_such_section(workspace, sample_article, tmp_path):
    workspace.add_claim(sample_article.id, "casualty", quote="Another 24 were injured")
    headings, _ = _docx_text(export(workspace, [sample_article.id], "docx", tmp_path / "b.docx"))
    assert "Conflicting reports" not in headings
    markdown = export(workspace, [sample_article.id], "md", tmp_path / "b.md").read_text(encoding="utf-8")
    assert "Conflicting reports" not in markdown


def test_a_briefing_on_one_article_shows_the_other_side_from_elsewhere(workspace, tmp_path):
    load_event(workspace)
    workspace.apply_group_suggestions()
    sample = next(a for a in workspace.articles() if a.publisher == "ntv.de")
    _, cells = _docx_text(export(workspace, [sample.id], "docx", tmp_path / "one.docx"))
    assert any("Continental Newswire" in c for c in cells)  # the disagreeing report, from an article not exported
