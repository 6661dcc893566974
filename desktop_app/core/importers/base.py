"""What every importer returns, and the text normalisation they all share."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

#: Default cap on what is read from a file or URL (bytes). Callers may pass their own.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


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


def title_from_text(text: str, fallback: str = "Untitled article") -> str:
    """The first non-empty line, without Markdown heading marks, cut to a readable length."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= 200 else line[:199].rstrip() + "\u2026"
    return fallback
