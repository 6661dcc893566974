"""Word files: body in document order, tables as text rows, footnotes, core properties."""
from __future__ import annotations

import io

import docx
import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import import_bytes, import_path

from .conftest import FIXTURES


def test_tables_and_footnotes_made_by_libreoffice_are_read_in_order():
    article = import_path(FIXTURES / "figures-table-footnote.docx")
    assert article.text == (
        "Strikes in Iraq: figures at a glance\n\n"
        "The US military has registered more than 100 such attacks since mid-October.[1] Troop numbers are these:\n\n"
        "Country | US soldiers stationed\nIraq | 2,500\nSyria | 900\n\n"
        "Iraqi security sources reported that at least one member of a pro-Iranian group had been killed.\n\n"
        "Notes\n\n[1] Pentagon briefing of 26 December 2023.")
    assert article.title == "Strikes in Iraq: figures at a glance"
    assert article.author == "Desk Research"
    assert article.extra["created"].startswith("2024-01-03T10:00:00")


def _docx(build) -> bytes:
    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_merged_cells_appear_once_and_empty_paragraphs_vanish():
    def build(d):
        d.add_paragraph("Casualties by place")
        d.add_paragraph("")
        t = d.add_table(rows=2, cols=3)
        a = t.cell(0, 0).merge(t.cell(0, 2))
        a.text = "Erbil air base"
        t.cell(1, 0).text, t.cell(1, 1).text, t.cell(1, 2).text = "injured", "3", "US soldiers"
    text = import_bytes(_docx(build), "t.docx").text
    assert text == "Casualties by place\n\nErbil air base\ninjured | 3 | US soldiers"


def test_a_title_falls_back_to_the_first_line():
    article = import_bytes(_docx(lambda d: d.add_paragraph("First line is the title")), "x.docx")
    assert article.title == "First line is the title"
    assert article.author is None or isinstance(article.author, str)


def test_a_word_file_with_no_text_is_refused():
    with pytest.raises(ImportFailed, match="no text"):
        import_bytes(_docx(lambda d: d.add_paragraph("   ")), "blank.docx")


def test_a_word_file_without_its_main_part_is_refused():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", b"<not-word/>")
    with pytest.raises(ImportFailed, match="Word file is damaged"):
        import_bytes(buf.getvalue(), "x.docx")
