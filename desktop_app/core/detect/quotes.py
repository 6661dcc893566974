"""Direct quotes: where quotation marks open and close.

Quotation marks: straight "…" and '…', typographic “…” ‘…’, German „…“ ‚…‘ »…«,
French «…». A quote may run over paragraphs the way newspapers write it (no
closing mark at the end of a paragraph, an opening mark at the start of the next).
Who said each quote is speakers.py's question.
"""
from __future__ import annotations

import re
from bisect import bisect_right

_MARKS = re.compile(r"[\"“”„«»‘’‚‹›']")
_CLOSERS = {'"': '"', "“": "”", "„": "“”", "»": "«", "«": "»", "‘": "’", "‚": "‘’", "‹": "›", "›": "‹", "'": "'"}
_DOUBLE_OPENERS = '"“„»«'
_SINGLE_OPENERS = "‘‚'‹›"


def _opens(text: str, i: int, c: str) -> bool:
    """Can the mark at i open a quote? Straight marks open after a space or at a line start, before a letter."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else " "
    if c in "\"'":
        return (before.isspace() or before in "([—–-:/") and not after.isspace()
    if c in "’‘" and before.isalnum():
        return False
    return not after.isspace() or c in "»«"


def _closes(text: str, i: int, c: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if c in "'’":
        return not before.isspace() and not after.isalnum()  # "Ukraine's" is an apostrophe
    if c == '"':
        return not before.isspace() or after.isspace() or after in ",.;:!?)"
    return True


def find_quote_spans(text: str) -> list[tuple[int, int, int, int]]:
    """(open_mark, start, end, close_mark) of every quote; nested quotes stay inside their outer quote.

    Which marks can close is decided once per mark, and an opening mark finds its closing one by
    bisection, so text full of unmatched marks costs n log n, not n squared.
    """
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
    positions = [p for p, _ in marks]
    closing: dict[str, list[int]] = {}
    for p, d in marks:
        # A typographic mark other than ’ closes wherever it stands; the others depend on their neighbours.
        if d in "'’\"" and (not _closes(text, p, d) or (
                d != "’" and _opens(text, p, d) and not _closes_strongly(text, p))):
            continue
        closing.setdefault(d, []).append(p)
    spans: list[tuple[int, int, int, int]] = []
    size = len(text)
    k, n = 0, len(marks)
    while k < n:
        pos, c = marks[k]
        if not (c in _DOUBLE_OPENERS or c in _SINGLE_OPENERS) or not _opens(text, pos, c):
            k += 1
            continue
        line_end = text.find("\n", pos)
        line_end = size if line_end < 0 else line_end
        cursor = pos
        close = None
        while True:
            candidates = []
            for d in _CLOSERS[c]:
                found = closing.get(d, ())
                i = bisect_right(found, cursor)
                if i < len(found):
                    candidates.append(found[i])
            nearest = min(candidates) if candidates else size + 1
            if nearest <= line_end:
                close = nearest
                break
            if c in _SINGLE_OPENERS:
                break
            # A quote over paragraphs: the next paragraph opens with the same mark.
            nxt = line_end
            while nxt < size and text[nxt] in "\n \t":
                nxt += 1
            if nxt >= size or text[nxt] != c or nxt == line_end:
                break
            cursor = nxt
            line_end = text.find("\n", nxt)
            line_end = size if line_end < 0 else line_end
        if close is None:
            k += 1
            continue
        start, end = pos + 1, close
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((pos, start, end, close))
        k = bisect_right(positions, close)
    return spans


def _closes_strongly(text: str, i: int) -> bool:
    """A straight mark after punctuation closes even when a word follows ("…,"said he)."""
    return i > 0 and text[i - 1] in ",.!?;:"
