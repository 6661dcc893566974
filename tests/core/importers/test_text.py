"""Plain text in the encodings analysts meet: UTF-8, Windows-1252, UTF-16 with and without BOM."""
from __future__ import annotations

import pytest

from desktop_app.core.errors import ImportFailed
from desktop_app.core.importers import import_bytes, import_path, normalise_text

from .conftest import FIXTURES, SAMPLE


def test_windows_1252_text_is_decoded():
    article = import_path(FIXTURES / "article-windows-1252.txt")
    expected = normalise_text((FIXTURES / "article-windows-1252.expected.txt").read_text(encoding="utf-8"))
    assert article.text == expected
    assert "\u201cnecessary and appropriate\u201d" in article.text
    assert "\u20ac2 million \u2013 caf\u00e9" in article.text
    assert "\r" not in article.text


def test_utf16_with_a_bom_is_decoded():
    article = import_path(FIXTURES / "article-utf-16.txt")
    assert article.text == normalise_text(SAMPLE.read_text(encoding="utf-8"))
    assert article.original == (FIXTURES / "article-utf-16.txt").read_bytes()


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_decoded(encoding):
    text = SAMPLE.read_text(encoding="utf-8")
    assert import_bytes(text.encode(encoding), "a.txt").text == normalise_text(text)


def test_whitespace_only_is_refused():
    with pytest.raises(ImportFailed, match="no text"):
        import_bytes(b" \n\t\r\n ", "blank.txt")
