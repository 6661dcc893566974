"""Word (.docx) files: paragraphs, headings, tables and footnotes as text; core properties.

The package is checked first (package.check_package: size, member count, compression
ratio, no DOCTYPE/ENTITY), then python-docx reads it. Body content comes in document
order (paragraphs and tables interleaved); a table row is one paragraph with its cells
joined by " | "; a footnote reference becomes "[n]" and the footnotes follow the body
under "Notes".
"""
from __future__ import annotations

import io
import logging

from ..errors import ImportFailed
from .base import ImportedArticle, ImportLimits, collapse_spaces, normalise_text, title_from_text
from .package import check_package

log = logging.getLogger(__name__)

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOT_NOTES = {"separator", "continuationSeparator", "continuationNotice"}


def _paragraph_text(paragraph, note_numbers: dict[str, int]) -> str:
    """Paragraph text as python-docx gives it, with footnote references as [n]."""
    from docx.text.run import Run

    parts = []
    for item in paragraph.iter_inner_content():
        parts.append(item.text)
        if isinstance(item, Run):
            for ref in item._r.iter(f"{_W}footnoteReference"):
                note_id = ref.get(f"{_W}id")
                number = note_numbers.setdefault(note_id, len(note_numbers) + 1)
                parts.append(f"[{number}]")
    return "".join(parts)


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(collapse_spaces(" ".join(cell.text.split())))
        if any(cells):
            rows.append(" | ".join(cells))
    return rows


def _footnotes(document, note_numbers: dict[str, int]) -> list[str]:
    """Footnote texts in the order their references appear, as '[n] text'."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    if not note_numbers:
        return []
    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(part.blob, parser)
    texts: dict[str, str] = {}
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in _NOT_NOTES:
            continue
        paras = []
        for p in note.iter(f"{_W}p"):
            paras.append("".join(t.text or "" if t.tag == f"{_W}t" else " "
                                 for t in p.iter(f"{_W}t", f"{_W}tab")))
        texts[note.get(f"{_W}id")] = collapse_spaces(" ".join(paras))
    return [f"[{n}] {texts[i]}" for i, n in sorted(note_numbers.items(), key=lambda kv: kv[1]) if texts.get(i)]


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def import_docx(data: bytes, filename: str | None = None, *, limits: ImportLimits) -> ImportedArticle:
    check_package(data, limits)
    try:
        import docx
        from docx.table import Table

        document = docx.Document(io.BytesIO(data))
        note_numbers: dict[str, int] = {}
        paragraphs: list[str] = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                paragraphs.append("\n".join(_table_rows(item)))
            else:
                paragraphs.append(_paragraph_text(item, note_numbers))
        notes = _footnotes(document, note_numbers)
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 - python-docx on a damaged file raises many kinds; the log keeps them
        log.info("Word import failed", exc_info=True)
        raise ImportFailed("The Word file is damaged or incomplete and could not be read.") from None
    paragraphs = [p for p in ("\n".join(collapse_spaces(x) for x in p.split("\n")).strip() for p in paragraphs) if p]
    if notes:
        paragraphs += ["Notes", *notes]
    text = normalise_text("\n\n".join(paragraphs))
    if not text:
        raise ImportFailed("The Word file has no text to import.")
    extra = {"created": _iso(created)} if created else {}
    return ImportedArticle(
        text=text,
        title=" ".join((title or "").split()) or title_from_text(text),
        original=data,
        media_type=MEDIA_TYPE,
        filename=filename,
        author=" ".join((author or "").split()) or None,
        extra=extra,
    )
