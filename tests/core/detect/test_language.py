"""Language detection counts exactly the function words that stand between two spaces in the sample."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.detect.language import _ENGLISH, _GERMAN, SAMPLE_CHARS, detect_language

from ...conftest import SEEDS


def by_splitting(text: str) -> str:
    """The reference: the sample split at spaces, the first and last piece left out (a space on one side only)."""
    words = text[:SAMPLE_CHARS].split(" ")[1:-1]
    en = sum(w in _ENGLISH for w in words)
    de = sum(w in _GERMAN for w in words)
    return "de" if de > en else "en"


PIECES = sorted(_ENGLISH | _GERMAN) + ["dies", "einer", "The", "Der", "x", ".", ",", "\n", "\t", " ", "  ", ""]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(["", " ", "  ", "\n"])), max_size=300))
def test_any_text(pieces):
    text = "".join(w + sep for w, sep in pieces)
    assert detect_language(text) == by_splitting(text)


def test_the_seed_articles():
    for path in SEEDS.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert detect_language(text) == by_splitting(text)
    assert detect_language((SEEDS / "mali-angriff-armeeposten.txt").read_text(encoding="utf-8")) == "de"
