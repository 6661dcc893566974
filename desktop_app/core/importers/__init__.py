"""Bytes in, `ImportedArticle` out: one entry point that picks the format by content.

`import_bytes` sniffs the content (magic bytes first, the file name only as a hint,
sniff.py), checks the size cap before any parser sees the data, and hands over to the
format's module: text.py, html.py, docx.py (after package.py's ZIP/XML checks), pdf.py.
`import_path` reads a file with the size cap applied, `import_url` fetches http(s)
(url.py). Every failure, whatever the input, is an `ImportFailed` with one sentence for
the analyst; no partial article is ever returned.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from ..errors import ImportFailed
from .base import (DEFAULT_LIMITS, DEFAULT_MAX_BYTES, ImportedArticle, ImportLimits, normalise_text, size_text,
                   title_from_text)
from .sniff import DOCX, HTML, MARKDOWN, PDF, sniff
from .text import import_text

__all__ = [
    "import_target",
    "DEFAULT_LIMITS",
    "DEFAULT_MAX_BYTES",
    "ImportLimits",
    "ImportedArticle",
    "import_bytes",
    "import_path",
    "import_url",
    "normalise_text",
    "title_from_text",
]

log = logging.getLogger(__name__)

# The parsers log what they make of damaged input (pdfminer: one line per bad operator).
# With no handler configured, Python would print those WARNINGs on stderr, in the middle of
# the CLI's one-line contract; a NullHandler keeps them for an application that configures
# logging (records still propagate to the root logger's handlers) and silent otherwise.
for _name in ("desktop_app.core.importers", "pdfminer", "trafilatura", "htmldate", "courlan", "justext",
              "charset_normalizer", "docx"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def _limits(limits: ImportLimits | None, max_bytes: int | None) -> ImportLimits:
    return (limits or DEFAULT_LIMITS).with_max_bytes(max_bytes)


def import_bytes(data: bytes, filename: str | None = None, *, max_bytes: int | None = None,
                 limits: ImportLimits | None = None, content_type: str | None = None,
                 url: str | None = None) -> ImportedArticle:
    """Read an article from `data`; `filename` and `content_type` are hints, the content decides.

    `url` is where the bytes came from (a web page's links resolve against it).
    Raises only ImportFailed.
    """
    limits = _limits(limits, max_bytes)
    if not data:
        raise ImportFailed("The file is empty.")
    if len(data) > limits.max_bytes:
        raise ImportFailed(f"The file is {size_text(len(data))}, over the import limit of {size_text(limits.max_bytes)}.")
    try:
        kind = sniff(data, filename, content_type)
        if kind == PDF:
            from .pdf import import_pdf

            return import_pdf(data, filename, limits=limits)
        if kind == DOCX:
            from .docx import import_docx

            return import_docx(data, filename, limits=limits)
        if kind == HTML:
            from .html import import_html

            charset = _charset(content_type)
            return import_html(data, filename, charset=charset, url=url, max_elements=limits.max_html_elements)
        return import_text(data, filename=filename,
                           media_type="text/markdown" if kind == MARKDOWN else "text/plain")
    except ImportFailed:
        raise
    except Exception:  # noqa: BLE001 - the contract: ImportFailed or an article, for any input
        log.warning("import failed unexpectedly", exc_info=True)
        raise ImportFailed("The file could not be read; it may be damaged.") from None


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def import_path(path: str | os.PathLike, *, max_bytes: int | None = None,
                limits: ImportLimits | None = None) -> ImportedArticle:
    limits = _limits(limits, max_bytes)
    p = Path(path)
    if "\x00" in str(p):
        raise ImportFailed(f"{str(p)!r} is not a file name: it holds a NUL character.")
    try:
        if p.is_dir():
            raise ImportFailed(f"{p} is a folder, not a file.")
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise ImportFailed(f"{p.name} is {size_text(size)}, over the import limit of {size_text(limits.max_bytes)}.")
        with p.open("rb") as fh:
            data = fh.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise ImportFailed(f"No such file: {p}.") from None
    except PermissionError:
        raise ImportFailed(f"Permission denied reading {p}.") from None
    except OSError as exc:
        raise ImportFailed(f"Cannot read {p}: {exc.strerror or exc}.") from None
    return import_bytes(data, filename=p.name, limits=limits)


def import_url(url: str, *, max_bytes: int | None = None, limits: ImportLimits | None = None) -> ImportedArticle:
    """Fetch `url` (http/https only) and import what it returns; records the final URL and when."""
    from .url import fetch

    limits = _limits(limits, max_bytes)
    fetched = fetch(url, limits)
    article = import_bytes(fetched.data, fetched.filename, limits=limits, content_type=fetched.content_type,
                           url=fetched.final_url)
    canonical = article.source_url
    if canonical and canonical != fetched.final_url:
        article.extra.setdefault("canonical_url", canonical)
    article.source_url = fetched.final_url
    article.retrieved_at = fetched.retrieved_at
    return article


def import_target(target: str | os.PathLike) -> ImportedArticle:
    """What the analyst typed or dropped: an http(s) address is fetched, anything else is a file path."""
    text = str(target)
    if text.lower().startswith(("http://", "https://")):
        return import_url(text)
    if "://" in text:
        raise ImportFailed(f"Only http and https addresses can be imported, not {text!r}.")
    return import_path(text)
