"""Which language an article is in, as far as the detector's rules care: English or German.

Two languages only, so counting their commonest function words is enough and
costs microseconds; a statistical identifier would add a dependency for nothing.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset("the and of to in is was were that with for on said has have are from by".split())
_GERMAN = frozenset("der die das und ist nicht mit von den dem des sich wurden wurde sagte ein eine im auf zu".split())
SAMPLE_CHARS = 4000


def detect_language(text: str) -> str:
    """'de' when German function words outnumber English ones in the first few thousand characters, else 'en'."""
    en = de = 0
    for m in _WORD.finditer(text, 0, SAMPLE_CHARS):
        w = m.group().lower()
        if w in _ENGLISH:
            en += 1
        elif w in _GERMAN:
            de += 1
    return "de" if de > en else "en"
