"""What every importer returns, and the text normalisation they all share."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

#: Default cap on what is read from a file or URL (bytes). Callers may pass their own.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class ImportLimits:
    """Bounds that hold for every import, so a hostile or huge document costs little.

    The byte cap is checked before any parser sees the data; the others bound what a
    parser may unpack (a Word file is a ZIP archive, a PDF can claim any number of pages).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = 300                         # PDF pages read; an article is a few
    max_html_elements: int = 30_000              # HTML elements; a news page has 2,000-15,000 and
                                                 # the extractor's time grows faster than their number
    max_unpacked_bytes: int = 100 * 1024 * 1024  # Word: all ZIP members together, uncompressed
    max_members: int = 2000                      # Word: ZIP members
    max_ratio: int = 200                         # Word: uncompressed/compressed, per member of over 1 MB
    connect_timeout: float = 10.0                # URL: seconds to connect
    read_timeout: float = 30.0                   # URL: seconds of silence while reading
    total_timeout: float = 120.0                 # URL: seconds for the whole download
    max_redirects: int = 5

    def with_max_bytes(self, max_bytes: int | None) -> "ImportLimits":
        from dataclasses import replace

        return self if max_bytes is None else replace(self, max_bytes=max_bytes)


DEFAULT_LIMITS = ImportLimits()


def size_text(n: int) -> str:
    """A byte count as an analyst reads it: '20.0 MB' or '1,234 bytes'."""
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


@dataclass
class ImportedArticle:
    """An article as read from bytes: normalised text plus what we know about it.

    `text` is immutable once stored; claims are offsets into it, so every importer
    must run its output through `normalise_text` exactly once.
    """

    text: str
    title: str
    original: bytes
    media_type: str = "text/plain"
    filename: str | None = None
    source_url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as the document states it
    language: str | None = None
    retrieved_at: datetime | None = None
    extra: dict = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.original).hexdigest()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no control characters, at most one blank line between paragraphs.

    Offsets of claims are counted in this form, so it must be deterministic and
    idempotent: normalise_text(normalise_text(x)) == normalise_text(x).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.lstrip("\ufeff")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def collapse_spaces(line: str) -> str:
    """Runs of spaces/tabs inside a line as one space (justified PDFs, indented HTML source)."""
    return _SPACES.sub(" ", line).strip()


_SPACES = re.compile(r"[ \t\u00a0]+")


def title_from_text(text: str, fallback: str = "Untitled article") -> str:
    """The first non-empty line, without Markdown heading marks, cut to a readable length."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 200 else line[:199].rstrip() + "\u2026"
    return fallback
