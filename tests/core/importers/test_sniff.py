"""The format is decided by content; the file name and the server's content type are hints only."""
from __future__ import annotations

import io
import zipfile

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import import_bytes
from desktop_app.core.importers.sniff import DOCX, HTML, MARKDOWN, PDF, TEXT, sniff

from .conftest import FIXTURES, SAMPLE

DOCX_BYTES = (FIXTURES / "article.docx").read_bytes()
PDF_BYTES = (FIXTURES / "article.pdf").read_bytes()
HTML_BYTES = (FIXTURES / "article-news.html").read_bytes()
TEXT_BYTES = SAMPLE.read_bytes()


@pytest.mark.parametrize("data, name, kind", [
    (DOCX_BYTES, "article.txt", DOCX),
    (DOCX_BYTES, None, DOCX),
    (PDF_BYTES, "article.html", PDF),
    (b"garbage before the header\n" + PDF_BYTES, "x.bin", PDF),
    (HTML_BYTES, "article.txt", HTML),
    (HTML_BYTES, None, HTML),
    (b"\xef\xbb\xbf  <!-- saved page -->\n<html><body><p>Hi</p></body></html>", None, HTML),
    ("<!DOCTYPE html><html><p>Grüße</p></html>".encode("utf-16"), None, HTML),
    (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body/></html>", None, HTML),
    (b"Some words first.\n<p>then a paragraph</p>", "page.html", HTML),
    (TEXT_BYTES, "article.pdf", TEXT),
    (TEXT_BYTES, "article.docx", TEXT),
    (TEXT_BYTES, "article.html", TEXT),
    (b"Prices went up. 3 < 4 and <b> is bold", None, TEXT),
    (b"# Heading\n\nBody", "notes.md", MARKDOWN),
])
def test_the_content_decides_the_format(data, name, kind):
    assert sniff(data, name) == kind


def test_the_server_content_type_is_a_hint_between_kinds_of_text():
    assert sniff(b"Intro line\n<div>text</div>", None, "text/html; charset=utf-8") == HTML
    assert sniff(TEXT_BYTES, None, "text/html") == TEXT
    assert sniff(PDF_BYTES, None, "text/html") == PDF


def test_a_word_file_renamed_txt_imports_as_word():
    article = import_bytes(DOCX_BYTES, "renamed.txt")
    assert article.media_type.endswith("wordprocessingml.document")
    assert article.author == "Anna Berger"
    assert "PK" not in article.text[:10]


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("data, words", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old-style or password-protected Office file"),
    (b"{\\rtf1\\ansi Hello}", "RTF"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
    (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG image"),
    (b"\x1f\x8b\x08\x00" + bytes(100), "gzip"),
    (b"\x7fELF" + bytes(100), "program"),
    (_zip({"notes.txt": b"hello"}), "ZIP archive, not a Word document"),
    (_zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), "OpenDocument"),
    (_zip({"xl/workbook.xml": b"<x/>"}), "Excel or PowerPoint"),
    (b"PK\x03\x04" + bytes(200), "damaged or incomplete"),
])
def test_formats_we_do_not_read_are_named_in_the_refusal(data, words):
    with pytest.raises(ImportFailed, match=words):
        import_bytes(data, "article.txt")
