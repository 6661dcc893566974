"""Bytes in, `ImportedArticle` out: one entry point that picks the format by content.

`import_bytes` sniffs the content (magic bytes first, the file name only as a hint),
`import_path` reads a file with the size cap applied, `import_url` fetches http(s).
Every failure is an `ImportFailed` with one sentence for the analyst.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import ImportFailed
from .base import DEFAULT_MAX_BYTES, ImportedArticle, normalise_text, title_from_text
from .text import import_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ImportedArticle",
    "import_bytes",
    "import_path",
    "normalise_text",
    "title_from_text",
]


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def import_bytes(data: bytes, filename: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportedArticle:
    if not data:
        raise ImportFailed("The file is empty.")
    if len(data) > max_bytes:
        raise ImportFailed(f"The file is {_size_text(len(data))}, over the import limit of {_size_text(max_bytes)}.")
    suffix = Path(filename).suffix.lower() if filename else ""
    media_type = "text/markdown" if suffix in (".md", ".markdown") else "text/plain"
    return import_text(data, filename=filename, media_type=media_type)


def import_path(path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportedArticle:
    p = Path(path)
    try:
        if p.is_dir():
            raise ImportFailed(f"{p} is a folder, not a file.")
        size = p.stat().st_size
        if size > max_bytes:
            raise ImportFailed(f"{p.name} is {_size_text(size)}, over the import limit of {_size_text(max_bytes)}.")
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise ImportFailed(f"No such file: {p}.") from None
    except PermissionError:
        raise ImportFailed(f"Permission denied reading {p}.") from None
    except OSError as exc:
        raise ImportFailed(f"Cannot read {p}: {exc.strerror or exc}.") from None
    return import_bytes(data, filename=p.name, max_bytes=max_bytes)
