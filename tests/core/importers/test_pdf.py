"""PDF: reading order, reflowed paragraphs, hyphenation repaired, metadata, scans and caps."""
from __future__ import annotations

import io

import pypdf
import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import ImportLimits, import_bytes, import_path
from desktop_app.core.importers.pdf import _vocabulary, join_lines, pdf_date

from .conftest import FIXTURES, hostile


@pytest.mark.parametrize("lines, joined", [
    (["in res-", "ponse, the US"], "in response, the US"),           # layout hyphenation
    (["attacked pro-", "Iranian militias"], "attacked pro-Iranian militias"),  # real hyphen, capital next
    (["by Iran-", "backed militias"], "by Iran-backed militias"),     # proper-noun compound
    (["the US-", "led coalition"], "the US-led coalition"),
    (["Fol-", "lowing an attack"], "Following an attack"),           # capitalised at sentence start
    (["a soft\u00ad", "hyphen"], "a softhyphen"),
    (["ends with a dash -", "next"], "ends with a dash - next"),
    (["two   spaced", "  lines  "], "two spaced lines"),
    (["figure 3-", "4 times"], "figure 3- 4 times"),
])
def test_lines_of_a_paragraph_are_joined(lines, joined):
    assert join_lines(lines, set()) == joined


def test_the_documents_own_words_decide_a_lowercase_break():
    text = ["militia-affiliated groups are many", "the long-term view"]
    vocab = _vocabulary(text)
    assert join_lines(["and militia-", "affiliated groups"], vocab) == "and militia-affiliated groups"
    assert join_lines(["the long-", "term view"], vocab) == "the long-term view"
    assert join_lines(["the mili-", "tia"], _vocabulary(["a militia"])) == "the militia"


def test_two_columns_are_read_column_by_column():
    text = import_path(FIXTURES / "article-2col.pdf").text
    paragraphs = text.split("\n\n")
    assert paragraphs.index("More than 100 attacks recorded") == paragraphs.index(
        next(p for p in paragraphs if p.startswith("Iraqi security sources"))) + 1
    assert "In response, the US bombed facilities belonging to pro-Iranian militias" in text
    assert "Hashed al-Shaabi" in text and "alShaabi" not in text


def test_metadata_is_read_from_the_document_info():
    article = import_path(FIXTURES / "article.pdf")
    assert (article.title, article.author) == ("USA attacks pro-Iranian militias in Iraq", "Anna Berger")
    assert article.extra["pages"] == 1


@pytest.mark.parametrize("raw, iso", [
    ("D:20231226091400+01'00'", "2023-12-26T09:14:00+01:00"),
    ("D:20231226091400Z", "2023-12-26T09:14:00+00:00"),
    ("D:2023", "2023-01-01T00:00:00"),
    ("D:20231399", None),
    ("yesterday", None),
    (None, None),
])
def test_pdf_dates(raw, iso):
    assert pdf_date(raw) == iso


def test_a_scan_has_no_text_layer():
    with pytest.raises(ImportFailed, match="no text layer"):
        import_path(FIXTURES / "scanned.pdf")


def test_a_pdf_encrypted_without_a_user_password_is_read():
    assert "Three soldiers are injured" in import_bytes(hostile.encrypted_pdf(user_password=""), "x.pdf").text


def _pages(n: int) -> bytes:
    writer = pypdf.PdfWriter()
    src = pypdf.PdfReader(FIXTURES / "article.pdf")
    for _ in range(n):
        writer.add_page(src.pages[0])
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_page_count_cap():
    data = _pages(3)
    assert import_bytes(data, "x.pdf", limits=ImportLimits(max_pages=3)).extra["pages"] == 3
    with pytest.raises(ImportFailed, match="has 3 pages; at most 2"):
        import_bytes(data, "x.pdf", limits=ImportLimits(max_pages=2))


def test_page_breaks_are_paragraph_breaks():
    text = import_bytes(_pages(2), "x.pdf").text
    assert text.count("USA attacks pro-Iranian militias in Iraq\n\n") == 2
    assert "(IS).\n\nUSA attacks" in text


def test_running_heads_and_page_numbers_are_dropped():
    article = import_path(FIXTURES / "article-paged.pdf")
    assert article.extra["pages"] >= 2
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == "USA attacks pro-Iranian militias in Iraq"
    assert "Daily Ledger \u2013 World" not in article.text
    assert not any(p.strip().isdigit() or p.startswith("Page ") for p in paragraphs)
    assert "Around 2,500 US soldiers are stationed in Iraq and 900 in Syria." in article.text


def test_glyphs_without_characters_are_marked_and_a_text_of_them_refused(monkeypatch):
    from desktop_app.core.importers import pdf

    real = pdf._pages

    def with_unmapped(n):
        def fake(data, limits):
            pages, info = real(data, limits)
            pages[0][1][0] = "Three soldiers" + "(cid:7)" * n + " are injured"
            return pages, info
        return fake

    monkeypatch.setattr(pdf, "_pages", with_unmapped(1))
    assert "Three soldiers\ufffd are injured" in import_path(FIXTURES / "article.pdf").text
    monkeypatch.setattr(pdf, "_pages", with_unmapped(400))
    with pytest.raises(ImportFailed, match="cannot be decoded"):
        import_path(FIXTURES / "article.pdf")
