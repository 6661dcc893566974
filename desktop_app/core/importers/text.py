"""Plain text and Markdown: detect the encoding, refuse binaries, normalise."""
from __future__ import annotations

import charset_normalizer

from ..errors import ImportFailed
from .base import ImportedArticle, normalise_text, title_from_text

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_text(data: bytes, what: str = "The file") -> str:
    """Bytes to str by BOM, then UTF-8, then charset-normalizer; refuse what is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                break
    if b"\x00" not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ImportFailed(f"{what} is not text (it looks like a binary file).")
    text = str(best)
    # charset-normalizer accepts some binaries as exotic code pages; a text with many
    # control characters is not an article.
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(text) // 100):
        raise ImportFailed(f"{what} is not text (it looks like a binary file).")
    return text


def import_text(data: bytes, filename: str | None = None, media_type: str = "text/plain") -> ImportedArticle:
    text = normalise_text(decode_text(data))
    if not text:
        raise ImportFailed("The file has no text to import.")
    return ImportedArticle(
        text=text,
        title=title_from_text(text),
        original=data,
        media_type=media_type,
        filename=filename,
    )
