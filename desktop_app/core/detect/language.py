"""Which language an article is in, as far as the detector's rules care: English or German.

Two languages only, so counting their commonest function words is enough and
costs microseconds; a statistical identifier would add a dependency for nothing.
"""
from __future__ import annotations

_ENGLISH = tuple(f" {w} " for w in "the and of to in is was were that with for on said has have are from by".split())
_GERMAN = tuple(f" {w} " for w in "der die das und ist nicht mit von den dem des sich wurden wurde sagte ein eine im auf zu".split())
SAMPLE_CHARS = 800


def detect_language(text: str) -> str:
    """'de' when German function words outnumber English ones in the first few thousand characters, else 'en'."""
    sample = text[:SAMPLE_CHARS]
    en = sum(sample.count(w) for w in _ENGLISH)
    de = sum(sample.count(w) for w in _GERMAN)
    return "de" if de > en else "en"
