"""PDF files: the text layer in reading order, reflowed into paragraphs; document info.

pdfminer.six does the layout analysis: it groups characters into lines and lines into
text boxes, and orders the boxes column by column. We compared it with pypdf (content
stream order, no paragraphs) and pdfplumber (same engine, but its page text interleaves
the lines of two columns) on the fixtures; only pdfminer's boxes read the two-column
fixture in order with its paragraphs intact.

A text box is split further where the type size or weight changes (a heading set
directly above its paragraph). Lines inside a paragraph are joined with a space, a
word hyphenated at a line end is joined again (see `join_lines`), and a page break is a
paragraph break. Page numbers and running heads (the same line in the top or bottom
margin of several pages) are dropped.
"""
from __future__ import annotations

import io
import logging
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

from ..errors import ImportFailed
from .base import ImportedArticle, ImportLimits, collapse_spaces, normalise_text, title_from_text

log = logging.getLogger(__name__)

MEDIA_TYPE = "application/pdf"
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$|^[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]$",
                          re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
_CID = re.compile(r"\(cid:\d+\)")
_HYPHENS = ("-", "\u00ad", "\u2010")
_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+\-])?(\d{2})?'?(\d{2})?")

NO_TEXT_LAYER = ("The PDF has no text layer (it is probably a scan or a picture of text); "
                 "run it through text recognition (OCR) and import the result.")


# pdfminer does not raise on a damaged content stream: it logs and goes on, losing text.
# These are the messages that mean text was lost; an article with holes is refused.
_DAMAGE = ("Data-loss while decompressing", "Cannot render horizontal string", "Cannot render vertical string")


class _DamageLog(logging.Handler):
    """Collects pdfminer's warnings about lost text, from this thread only."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.damage: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            message = record.getMessage()
            if message.startswith(_DAMAGE):
                self.damage.append(message)


@contextmanager
def _watch_damage() -> Iterator[_DamageLog]:
    logger = logging.getLogger("pdfminer")
    handler = _DamageLog()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


# --- joining lines -----------------------------------------------------------------------------

def _vocabulary(lines: Iterable[str]) -> set[str]:
    """Every word and hyphenated compound written whole somewhere in the document."""
    vocab: set[str] = set()
    for line in lines:
        for word in _WORD.findall(line.rstrip("".join(_HYPHENS))):
            vocab.add(word.lower())
    return vocab


def _keeps_hyphen(before: str, after: str, vocab: set[str]) -> bool:
    """Is 'before-' + 'after' at a line break a real hyphen (pro-Iranian) or a hyphenated word?

    `before` is the line up to the hyphen, `after` the next line. In order: a next line
    that does not start in lower case keeps the hyphen (pro-|Iranian, mid-|October); the
    document's own words decide next (the joined or hyphenated form written whole
    elsewhere); then a capitalised first half inside a sentence is a compound with a
    proper noun (Iran-|backed, US-|led); anything else was hyphenated by the layout.
    """
    head = re.search(r"([^\W\d_]+)$", before)
    tail = re.match(r"([^\W\d_]+)", after)
    if not head or not tail:
        return True
    first, second = head.group(1), tail.group(1)
    if not second[0].islower():
        return True
    joined, hyphenated = (first + second).lower(), f"{first}-{second}".lower()
    if hyphenated in vocab and joined not in vocab:
        return True
    if joined in vocab:
        return False
    if first[0].isupper():
        prefix = before[: head.start()].rstrip()
        sentence_start = not prefix or prefix[-1] in ".!?:\"\u201c\u201d'("
        return not sentence_start
    return False


def join_lines(lines: list[str], vocab: set[str]) -> str:
    """The lines of one paragraph as one line, repairing words hyphenated across line ends."""
    out = ""
    for line in lines:
        line = collapse_spaces(line)
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("\u00ad"):
            out = out[:-1] + line
        elif out.endswith(_HYPHENS) and not out.endswith(" -") and line[0].isalpha():
            out = (out if _keeps_hyphen(out[:-1], line, vocab) else out[:-1]) + line
        else:
            out += " " + line
    return out.replace("\u00ad", "")


# --- layout ------------------------------------------------------------------------------------

def _line_style(line) -> tuple[float, bool]:
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar) and not c.get_text().isspace()]
    if not chars:
        return (0.0, False)
    sizes = sorted(round(c.size, 1) for c in chars)
    bold = sum(1 for c in chars if "bold" in c.fontname.lower()) > 0.6 * len(chars)
    return (sizes[len(sizes) // 2], bold)


def _box_paragraphs(box) -> list[list[str]]:
    """A text box's lines, split where the type size or weight changes."""
    from pdfminer.layout import LTTextLine

    paragraphs: list[list[str]] = []
    style = None
    for line in box:
        if not isinstance(line, LTTextLine):
            continue
        text = line.get_text().rstrip("\n").translate(_LIGATURES)
        if not text.strip():
            continue
        s = _line_style(line)
        if style is None or abs(s[0] - style[0]) > 0.6 or s[1] != style[1]:
            paragraphs.append([])
        style = s
        paragraphs[-1].append(text)
    return paragraphs


def _flat(box) -> str:
    return " ".join(box.get_text().split())


def _margin_key(box) -> str:
    return re.sub(r"\d+", "#", _flat(box).lower())


def _running_heads(pages) -> set[str]:
    """Texts in the top or bottom margin of more than one page (digits aside): running heads and feet."""
    if len(pages) < 2:
        return set()
    seen: dict[str, int] = {}
    for boxes in pages:
        for key in {_margin_key(box) for box, in_margin in boxes if in_margin}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n > 1}


def _pages(data: bytes, limits: ImportLimits):
    """Per page, the paragraphs (each a list of lines) in reading order; plus the document info."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextBox
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    parser = PDFParser(io.BytesIO(data))
    try:
        document = PDFDocument(parser, password="")
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportFailed("The PDF is password-protected; open it with its password, save an unprotected "
                           "copy and import that.") from None
    count = resolve1(resolve1(document.catalog.get("Pages") or {}).get("Count", 0)) if document.catalog else 0
    if isinstance(count, int) and count > limits.max_pages:
        raise ImportFailed(f"The PDF has {count:,} pages; at most {limits.max_pages:,} are imported. "
                           "Split it and import the article's pages.")
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    laid_out = []
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > limits.max_pages:
            raise ImportFailed(f"The PDF has more than {limits.max_pages:,} pages; split it and import the article's pages.")
        interpreter.process_page(page)
        layout = device.get_result()
        height = layout.height or 1
        laid_out.append([(box, box.y0 > 0.9 * height or box.y1 < 0.1 * height)
                         for box in layout if isinstance(box, LTTextBox)])
    running = _running_heads(laid_out)
    pages = []
    for boxes in laid_out:
        page_paras = []
        for box, in_margin in boxes:
            if in_margin and (_PAGE_NUMBER.match(_flat(box)) or _margin_key(box) in running):
                continue
            page_paras.extend(_box_paragraphs(box))
        pages.append(page_paras)
    info = {}
    for d in document.info or ():
        info.update(resolve1(d) if isinstance(resolve1(d), dict) else {})
    return pages, info


# --- metadata ----------------------------------------------------------------------------------

def _info_text(info: dict, key: str) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import PSLiteral
    from pdfminer.utils import decode_text

    value = resolve1(info.get(key))
    if isinstance(value, bytes):
        value = decode_text(value)
    elif isinstance(value, PSLiteral):
        value = str(value.name)
    if not isinstance(value, str):
        return None
    value = " ".join(value.replace("\x00", "").split())
    return value or None


def pdf_date(value: str | None) -> str | None:
    """A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as ISO 8601, or None."""
    m = _PDF_DATE.match(value or "")
    if not m:
        return None
    y, mo, d, h, mi, s, sign, oh, om = m.groups()
    try:
        tz = None
        if sign in ("Z", "z"):
            tz = timezone.utc
        elif sign in ("+", "-") and oh:
            offset = timedelta(hours=int(oh), minutes=int(om or 0))
            tz = timezone(offset if sign == "+" else -offset)
        return datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0),
                        tzinfo=tz).isoformat()
    except ValueError:
        return None


# --- entry -------------------------------------------------------------------------------------

def _looks_complete(data: bytes) -> bool:
    """A PDF ends with %%EOF; one cut off in a download does not."""
    return b"%%EOF" in data.rstrip(b"\x00\r\n\t ")[-1024:]


def import_pdf(data: bytes, filename: str | None = None, *, limits: ImportLimits) -> ImportedArticle:
    if not _looks_complete(data):
        raise ImportFailed("The PDF is incomplete (it ends before its end-of-file mark); download or save it again.")
    try:
        with _watch_damage() as watch:
            pages, info = _pages(data, limits)
        if watch.damage:
            log.info("PDF refused as damaged: %s", watch.damage[0])
            raise ImportFailed("The PDF is damaged (part of its text cannot be decoded); "
                               "download or save it again.")
        lines = [line for page in pages for para in page for line in para]
        vocab = _vocabulary(lines)
        paragraphs = [join_lines(para, vocab) for page in pages for para in page]
        title, author = _info_text(info, "Title"), _info_text(info, "Author")
        created = pdf_date(_info_text(info, "CreationDate"))
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 - pdfminer on a damaged file raises many kinds; the log keeps them
        log.info("PDF import failed", exc_info=True)
        raise ImportFailed("The PDF is damaged and could not be read.") from None
    text = normalise_text("\n\n".join(p for p in paragraphs if p))
    if not text:
        raise ImportFailed(NO_TEXT_LAYER)
    # pdfminer writes "(cid:N)" for a glyph its font does not map to a character. A few are
    # a missing symbol, shown as such; many mean the text layer cannot be read at all.
    unmapped = len(_CID.findall(text))
    if unmapped * 7 > len(text) // 100:
        raise ImportFailed("The PDF's text cannot be decoded (its fonts do not say which letters they draw); "
                           "run it through text recognition (OCR) and import the result.")
    text = _CID.sub("\ufffd", text)
    extra = {"pages": len(pages)}
    if created:
        extra["created"] = created
    return ImportedArticle(
        text=text,
        title=title or title_from_text(text),
        original=data,
        media_type=MEDIA_TYPE,
        filename=filename,
        author=author,
        extra=extra,
    )
