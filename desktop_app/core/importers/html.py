"""Saved web pages: the article's own text and metadata, nothing of the site around it.

trafilatura does the main-content extraction (it won against readability-lxml on our
fixtures: scripts/compare_html_extractors.py). It runs twice: its default (precise) pass
finds where the article is, its `favor_recall` pass fills in what the precise pass
dropped inside that stretch (on news pages, a lead paragraph styled as a "teaser"), from
the headline on. A claim missing from the text is worse for a fact-checker than a stray
dateline she can ignore; a sidebar or footer outside the article stays out.

Nothing in the page runs and nothing is fetched: the page is parsed by lxml's HTML
parser (no network, no DTD loading), scripts, styles and frames never reach the text,
and only text leaves this module. The original bytes are kept unchanged for display,
which must sanitise them on its own (see ui/).
"""
from __future__ import annotations

import logging
import re

import trafilatura

from ..errors import ImportFailed
from .base import ImportedArticle, collapse_spaces, normalise_text
from .text import decode_text

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)""", re.IGNORECASE)
_BLOCKS = {"p", "head", "item", "quote", "code", "cell"}
_CONTAINERS = {"list", "table", "quote", "div", "main", "body"}


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Bytes to str: BOM, then the server's charset, then <meta charset>, then detection."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, "The web page")
    declared = charset or (m.group(1).decode("ascii", "ignore") if (m := _META_CHARSET.search(data[:4096])) else None)
    if declared:
        try:
            return data.decode(declared.strip().lower().replace("iso-8859-1", "cp1252"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, "The web page")


def _text_of(el) -> str:
    """An element's text with <lb/> as a line break, leaving nested lists/tables to the walker."""
    parts = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in ("list", "table"):
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraphs(el):
    """trafilatura's XML body as paragraphs: headings, paragraphs, list items, table rows."""
    for child in el:
        tag = child.tag
        if tag == "row":
            cells = [" ".join(_text_of(c).split()) for c in child if c.tag == "cell"]
            if any(cells):
                yield " | ".join(cells)
        elif tag in _BLOCKS:
            yield _text_of(child)
            if any(c.tag in ("list", "table") for c in child):
                yield from _paragraphs(child)
        elif tag in _CONTAINERS or len(child):
            yield from _paragraphs(child)
        elif tag != "lb" and (child.text or "").strip():
            yield child.text


def _clean(paragraph: str) -> str:
    return "\n".join(line for line in (collapse_spaces(x) for x in paragraph.split("\n")) if line)


def extract(html: str, url: str | None = None, *, favor_recall: bool = False):
    """trafilatura's Document for `html` (text in .body, metadata as attributes), or None."""
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, include_formatting=False,
        favor_recall=favor_recall, deduplicate=False)


def paragraphs_of(doc) -> list[str]:
    """The body of a trafilatura Document as a list of cleaned paragraphs."""
    if doc is None or doc.body is None:
        return []
    return [p for p in (_clean(x) for x in _paragraphs(doc.body)) if p]


def _key(p: str) -> str:
    return " ".join(p.split())


def merge(precise: list[str], recall: list[str], title: str) -> list[str]:
    """Recall's paragraphs inside the stretch that precision found, starting at the headline.

    Precision locates the article; recall fills what precision dropped inside it (a lead
    styled as a teaser); the headline, when recall has it just before, marks the start.
    """
    if not precise:
        return recall
    keys = [_key(p) for p in recall]
    try:
        start = keys.index(_key(precise[0]))
        end = len(keys) - 1 - keys[::-1].index(_key(precise[-1]))
    except ValueError:
        return precise
    if end < start:
        return precise
    if title and _key(title) in keys[:start]:
        start = len(keys[:start]) - 1 - keys[:start][::-1].index(_key(title))
    return recall[start:end + 1]


def with_headline(paragraphs: list[str], title: str) -> list[str]:
    """The headline as the first paragraph (a headline can make a claim too), never twice."""
    title = _key(title)
    if title and (not paragraphs or _key(paragraphs[0]) != title):
        return [title, *paragraphs]
    return paragraphs


def extract_article(html: str, url: str | None = None):
    """(metadata Document, paragraphs): two trafilatura passes, merged by `merge`."""
    precise = extract(html, url)
    recall = extract(html, url, favor_recall=True)
    meta = precise or recall
    if meta is None:
        return None, []
    paragraphs = merge(paragraphs_of(precise), paragraphs_of(recall), meta.title or "")
    return meta, with_headline(paragraphs, meta.title or "")


def _check_size(html: str, max_elements: int) -> None:
    """Refuse a page with more elements than an article has, before the extractor spends minutes on it."""
    tree = trafilatura.load_html(html)
    count = sum(1 for _ in tree.iter()) if tree is not None else 0
    if count > max_elements:
        raise ImportFailed(f"The web page has {count:,} elements, more than an article page has "
                           f"(the limit is {max_elements:,}); save just the article and import that.")


def import_html(data: bytes, filename: str | None = None, *, charset: str | None = None,
                url: str | None = None, max_elements: int = 30_000) -> ImportedArticle:
    html = decode_html(data, charset)
    try:
        _check_size(html, max_elements)
        doc, paragraphs = extract_article(html, url)
        text = normalise_text("\n\n".join(paragraphs))
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 - a hostile page must not crash the import; keep the cause in the log
        log.info("HTML extraction failed", exc_info=True)
        raise ImportFailed("The web page could not be read.") from None
    if doc is None or not text or len(paragraphs) < 2 and _key(paragraphs[0]) == _key(doc.title or ""):
        raise ImportFailed("No article text was found in the web page.")
    lang = m.group(1).lower() if (m := _HTML_LANG.search(html[:4096])) else None
    canonical = doc.url if doc.url and doc.url.lower().startswith(("http://", "https://")) else None
    extra = {k: v for k, v in (("canonical_url", canonical), ("description", doc.description)) if v}
    return ImportedArticle(
        text=text,
        title=" ".join((doc.title or "").split()) or text.split("\n", 1)[0][:200],
        original=data,
        media_type="text/html",
        filename=filename,
        source_url=canonical,
        publisher=doc.sitename or None,
        author=doc.author or None,
        published=doc.date or None,
        language=lang or (doc.language or None),
        extra=extra,
    )

