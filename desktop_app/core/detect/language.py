"""Which language an article is in, as far as the detector's rules care: English or German.

Two languages only, so counting their commonest function words is enough and
costs microseconds; a statistical identifier would add a dependency for nothing.
"""
from __future__ import annotations

_ENGLISH = frozenset("the and of to in is was were that with for on said has have are from by".split())
_GERMAN = frozenset("der die das und ist nicht mit von den dem des sich wurden wurde sagte ein eine im auf zu".split())
SAMPLE_CHARS = 800


def detect_language(text: str) -> str:
    """'de' when German function words outnumber English ones in the first characters, else 'en'.

    A word counts where a space stands on either side of it; counting by set membership over the
    words between spaces keeps the loop in C (this runs on every article the app opens)."""
    words = text[:SAMPLE_CHARS].split(" ")[1:-1]
    en = sum(map(_ENGLISH.__contains__, words))
    de = sum(map(_GERMAN.__contains__, words))
    return "de" if de > en else "en"
