"""Which importer reads these bytes: decided by content (magic bytes, markup), the name only a hint.

A file's name is what the analyst (or a download) called it; its bytes are what it is. A
Word file renamed .txt is still a Word file, and a PDF link that returns an HTML login
page is an HTML page. Formats we cannot read are named in the refusal, so the analyst
knows what to do (save as .docx, export as PDF...).
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import PurePath

from ..errors import ImportFailed

PDF, DOCX, HTML, TEXT, MARKDOWN = "pdf", "docx", "html", "text", "markdown"

MEDIA_TYPES = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    HTML: "text/html",
    TEXT: "text/plain",
    MARKDOWN: "text/markdown",
}

# Formats we recognise but do not import, with what the analyst can do instead.
_REFUSED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style or password-protected Office file (.doc/.xls); "
                                         "save it without a password as .docx and import that"),
    (b"{\\rtf", "an RTF document; save it as .docx and import that"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not an article"),
    (b"\xff\xd8\xff", "a JPEG image, not an article"),
    (b"GIF87a", "a GIF image, not an article"),
    (b"GIF89a", "a GIF image, not an article"),
    (b"II*\x00", "a TIFF image, not an article"),
    (b"MM\x00*", "a TIFF image, not an article"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"\xfd7zXZ\x00", "an xz archive; unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it first"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it first"),
    (b"\x7fELF", "a program, not an article"),
    (b"%!PS", "a PostScript file; convert it to PDF first"),
    (b"SQLite format 3\x00", "a database file, not an article"),
)

# WHATWG MIME sniffing: these tags, first in the file, followed by a space or '>', mean HTML.
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|meta|article|section)"
    rb"[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(rb"<(?:html|head|body|p|div|br|article|h[1-6])[\s>/]", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, zlib.error, struct.error, ValueError, OSError, EOFError, NotImplementedError):
        raise ImportFailed("The file looks like a ZIP archive but is damaged or incomplete.") from None
    if "word/document.xml" in names:
        return DOCX
    if "mimetype" in names and any(n.startswith("content.xml") for n in names):
        raise ImportFailed("The file is an OpenDocument file; save it as .docx (or PDF) and import that.")
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise ImportFailed("The file is an Excel or PowerPoint file, not an article; save the text as .docx or PDF.")
    raise ImportFailed("The file is a ZIP archive, not a Word document; unpack it and import the article inside.")


def _html_prefix(data: bytes) -> bytes:
    """The first few KB as ASCII-compatible bytes, whatever the encoding (UTF-16 pages exist)."""
    head = data[:4096]
    for bom in _UTF16_BOMS:
        if head.startswith(bom):
            try:
                return head.decode("utf-16", errors="ignore").encode("ascii", errors="ignore")
            except Exception:  # noqa: BLE001 - a sniff never fails; it just does not say HTML
                return b""
    return head.removeprefix(b"\xef\xbb\xbf")


def sniff(data: bytes, filename: str | None = None, content_type: str | None = None) -> str:
    """The format of `data` (PDF, DOCX, HTML, TEXT or MARKDOWN), or ImportFailed naming what it is."""
    if data[:1024].find(b"%PDF-") != -1:
        return PDF
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    for magic, what in _REFUSED_MAGIC:
        if data.startswith(magic):
            raise ImportFailed(f"The file is {what}.")
    prefix = _html_prefix(data)
    suffix = PurePath(filename).suffix.lower() if filename else ""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if _HTML_START.match(prefix):
        return HTML
    # The name or the server's word decides only between kinds of text: HTML that starts
    # with something else (a stray line of text, a fragment) still needs tags to be HTML.
    if (suffix in (".html", ".htm", ".xhtml") or ctype in ("text/html", "application/xhtml+xml")) \
            and _HTML_TAGS.search(prefix):
        return HTML
    if suffix in (".md", ".markdown") or ctype == "text/markdown":
        return MARKDOWN
    return TEXT
