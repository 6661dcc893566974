"""Claim suggestion: rules that propose checkable claims (casualty figures, statistics, quotes
with their speakers, attributions) for the analyst to accept or reject.

Rules over regular expressions and small word lists, English and German, offline:
nothing is downloaded and no model is loaded, so suggesting is fast enough to run
on every article as it is opened. `suggest(text)` is the whole interface.

The rules are compiled with mypyc when the package is installed (setup.py); an out-of-date compiled build is
passed over for the sources (freshness.py).
"""
from __future__ import annotations

from .freshness import use_sources_if_stale

use_sources_if_stale()  # before any rule is imported

from .language import detect_language  # noqa: E402
from .pipeline import LANGUAGES, clear_caches, suggest  # noqa: E402
from .suggestion import Suggestion  # noqa: E402

__all__ = ["Suggestion", "clear_caches", "detect_language", "suggest", "LANGUAGES"]
