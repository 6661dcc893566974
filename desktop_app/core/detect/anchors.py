"""Where the rules might apply: one regular-expression pass over an article finds every word that can
start a claim (a digit, a number word, a reporting verb, an attribution cue, a person, "no", "toll").

The rules then run their exact patterns only at these places. Python's `re` tries an alternation at
every position of the text, which is what makes a dozen separate scans slow; this pass tries its one
alternation only after a non-word character (about one position in six), and the alternation is a
prefix tree (lexicon.trie_pattern), so most attempts fail after a character or two.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import chain

from .lexicon import trie_pattern

# Kinds of anchor; the words of each kind are registered by the modules that use them (see register()).
DIGIT, NUMBER, VERB, CUE, PERSON, NOBODY, TOLL = "digit", "number", "verb", "cue", "person", "nobody", "toll"
CATEGORY = "category"  # a word that can start a casualty's category ("killed", "wounded", "Tote")
KINDS = (DIGIT, NUMBER, VERB, CUE, PERSON, NOBODY, TOLL, CATEGORY)

_WORDS: dict[str, dict[str, set[str]]] = {"en": {}, "de": {}}
#: German number words are found by prefix ("dreiundzwanzig", "Hunderte"): this pattern starts them.
_PREFIXES: dict[str, str] = {}
_PREFIX_FIRSTS: dict[str, set[str]] = {}
_COMPILED: dict[str, tuple[re.Pattern, re.Pattern, dict[str, frozenset[str]]]] = {}


def register(language: str, kind: str, words) -> None:
    """Make `words` (matched case-sensitively, as whole words) anchors of `kind` in `language`."""
    for w in words:
        _WORDS[language].setdefault(w, set()).add(kind)
    _COMPILED.pop(language, None)


def register_prefixes(language: str, prefixes, but=()) -> None:
    """Words of `language` that start with one of `prefixes`, except the words `but`, are NUMBER anchors."""
    _PREFIXES[language] = (r"(?!" + trie_pattern(but) + r"\b)" if but else "") + trie_pattern(prefixes)
    _PREFIX_FIRSTS[language] = {p[0] for p in prefixes}
    _COMPILED.pop(language, None)


def _compiled(language: str):
    compiled = _COMPILED.get(language)
    if compiled is None:
        words = _WORDS[language]
        alternatives = [r"(?P<d>\d)"]
        if language in _PREFIXES:
            alternatives.append(r"(?P<p>" + _PREFIXES[language] + r"[a-zäöüß]*)\b")
        alternatives.append(r"(?P<w>" + trie_pattern(sorted(words, key=len, reverse=True)) + r")\b")
        body = "(?:" + "|".join(alternatives) + ")"
        # Most attempts fail on the first letter: a character class says so faster than the prefix tree.
        firsts = sorted({w[0] for w in words} | _PREFIX_FIRSTS.get(language, set()))
        lookahead = r"(?=[\d" + "".join(re.escape(c) for c in firsts) + "])"
        kinds = {w: tuple(k) for w, k in words.items()}
        compiled = _COMPILED[language] = (re.compile(r"\W" + lookahead + body), re.compile(body), kinds)
    return compiled


@dataclass
class Anchors:
    """Start positions of the anchors of each kind, in text order."""

    positions: dict[str, list[int]] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> list[int]:
        return self.positions.get(kind, [])


def matches_at(pattern: re.Pattern, text: str, positions: list[int]):
    """The matches `pattern.finditer(text)` would give, tried only at `positions` (which must hold the start of
    every match): each is tried once, none overlaps the one before."""
    match = pattern.match
    last_end = -1
    for pos in positions:
        if pos < last_end:
            continue
        m = match(text, pos)
        if m is not None:
            last_end = m.end()
            yield m


_WORD_BEFORE = re.compile(r"\w+$")


def matches_between(pattern: re.Pattern, text: str, positions: list[int], lo: int, hi: int) -> list[re.Match]:
    """What `pattern.finditer(text, lo, hi)` gives, tried only at `positions` in [lo, hi): the start of every
    match of `pattern` must be one of them, as it is for a pattern that starts with an anchor word. A word
    that `hi` cuts is tried too (cut short, it may be a match of its own)."""
    candidates = positions[bisect_left(positions, lo):bisect_left(positions, hi)]
    if 0 < hi < len(text) and (text[hi - 1].isalnum() or text[hi - 1] == "_") and (
            text[hi].isalnum() or text[hi] == "_"):
        cut = _WORD_BEFORE.search(text, max(lo, hi - 64), hi)
        if cut is not None and (cut.start() > lo or not (text[lo - 1:lo].isalnum() or text[lo - 1:lo] == "_")):
            if not candidates or candidates[-1] < cut.start():
                candidates = candidates + [cut.start()]
    out = []
    last_end = -1
    for pos in candidates:
        if pos < last_end:
            continue
        m = pattern.match(text, pos, hi)
        if m is not None:
            last_end = m.end()
            out.append(m)
    return out


def find_anchors(text: str, language: str) -> Anchors:
    """Every anchor in `text`; a word at the very start counts as after a non-word character."""
    scan, at_start, kinds = _compiled(language)
    out: dict[str, list[int]] = {kind: [] for kind in KINDS}
    digits = out[DIGIT]
    numbers = out[NUMBER]
    first = at_start.match(text)
    for m in chain((first,), scan.finditer(text)) if first is not None else scan.finditer(text):
        group = m.lastgroup
        start = m.start(group)
        if group == "d":
            digits.append(start)
            continue
        if group == "p":
            numbers.append(start)
        for kind in kinds.get(m.group(group), ()):
            out[kind].append(start)
    return Anchors(out)


