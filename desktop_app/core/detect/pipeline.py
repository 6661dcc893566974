"""The rules in the order they run over an article, and the naming of sources and speakers in reading order.

Kept apart from the package's __init__ so that it can be compiled (setup.py) while __init__ chooses what to
import (freshness.py).
"""
from __future__ import annotations

from operator import attrgetter, itemgetter
from typing import Any, Final

from .anchors import find_anchors
from .attributions import find_attributions
from .casualties import find_casualties
from .document import Document
from .language import detect_language
from .numbers import find_figures
from .speakers import borrow_headline_speakers, find_quotes, resolve_speaker
from .reporting import SourceBook
from .statistics import find_statistics
from .suggestion import Suggestion


LANGUAGES: Final = ("en", "de")


def clear_caches() -> None:
    """Forget the memoised word look-ups (number words, names, roles), e.g. to time a cold run."""
    from . import numbers, reporting

    for fn in (numbers._parse_words, reporting.person_name, reporting._parse_source, reporting._is_role,
               reporting._is_not_name):
        fn.cache_clear()


def suggest(text: str, language: str | None = None) -> list[Suggestion]:
    """Candidate claims in `text`, sorted by start; `language` is 'en' or 'de' (detected when None)."""
    lang = (language or detect_language(text)).lower()[:2]
    if lang not in LANGUAGES:
        lang = "en"
    found_anchors = find_anchors(text, lang)
    doc = Document(text, lang, found_anchors)
    figures = find_figures(text, lang, found_anchors)
    casualties = find_casualties(doc, figures)
    statistics = find_statistics(doc, figures, [(c.start, c.end) for c in casualties])
    quotes = find_quotes(doc)
    attributions = find_attributions(doc, [q.clause for q in quotes if q.clause])

    # Name sources and speakers in reading order, so "he" and "the ministry" mean what came before.
    book = SourceBook(lang)
    events = sorted([(a.source_pos, 0, a) for a in attributions] + [(q.speaker_pos, 1, q) for q in quotes],
                    key=_POSITION_THEN_KIND)
    previous_speaker = None
    item: Any
    for _, kind, item in events:
        if kind == 0:
            item.source = book.canonical(item.source, item.source_pos, text=text) if item.source else None
        else:
            resolve_speaker(item, previous_speaker, text, book, lang)
            previous_speaker = item.speaker
    borrow_headline_speakers(quotes, text)
    for a in attributions:
        if a.source and " " not in a.source and a.source[:1].isupper():
            a.source = book.full_name(a.source) or a.source
    for q in quotes:
        if q.speaker and " " not in q.speaker and q.speaker[:1].isupper():
            q.speaker = book.full_name(q.speaker) or q.speaker

    detected = _suggestion
    out = [detected("casualty", c.start, c.end, text[c.start:c.end], c.confidence,
                    {"count": c.count, "qualifier": c.qualifier, "category": c.category, "who": c.who})
           for c in casualties]
    out += [detected("statistic", s.start, s.end, text[s.start:s.end], s.confidence,
                     {"count": s.count, "qualifier": s.qualifier, "category": s.category})
            for s in statistics]
    out += [detected("quote", q.start, q.end, text[q.start:q.end], q.confidence, {"speaker": q.speaker})
            for q in quotes]
    out += [detected("attribution", a.start, a.end, text[a.start:a.end], a.confidence, {"attributed_to": a.source})
            for a in attributions]
    out.sort(key=_READING_ORDER)
    return out


_new: Final = object.__new__
_set: Final = object.__setattr__


def _suggestion(type: str, start: int, end: int, text: str, confidence: float, fields: dict) -> Suggestion:
    """A Suggestion whose `fields` are already every field of its type, in order: made without the frozen
    dataclass's attribute-by-attribute __init__ (a tenth of the detector's time), and here rather than as a method
    of Suggestion, so that it runs compiled (setup.py)."""
    suggestion = _new(Suggestion)
    _set(suggestion, "__dict__", {"type": type, "start": start, "end": end, "text": text, "confidence": confidence,
                                  "fields": fields})
    return suggestion


# Sort keys as C-level getters: a Python lambda per item is a noticeable share of the time on a long article.
_POSITION_THEN_KIND: Final = itemgetter(0, 1)
_READING_ORDER: Final = attrgetter("start", "end", "type")
