"""Where the rules might apply: one regular-expression pass over an article finds every word that can
start a claim (a digit, a number word, a reporting verb, an attribution cue, a person, "no", "toll").

The rules then run their exact patterns only at these places. Python's `re` tries an alternation at
every position of the text, which is what makes a dozen separate scans slow; this pass tries its one
alternation only after a non-word character (about one position in six), and the alternation is one
prefix tree of the anchor words and the number prefixes together, so most attempts fail after a
character or two, and each branch of the tree is tried once.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import chain
from typing import Final

# Kinds of anchor; the words of each kind are registered by the modules that use them (see register()).
DIGIT: Final = "digit"
NUMBER: Final = "number"
VERB: Final = "verb"
CUE: Final = "cue"
PERSON: Final = "person"
NOBODY: Final = "nobody"
TOLL: Final = "toll"
CATEGORY: Final = "category"  # a word that can start a casualty's category ("killed", "wounded", "Tote")
KINDS: Final = (DIGIT, NUMBER, VERB, CUE, PERSON, NOBODY, TOLL, CATEGORY)

_WORDS: Final[dict[str, dict[str, set[str]]]] = {"en": {}, "de": {}}
#: German number words are found by prefix ("dreiundzwanzig", "Hunderte"), except some words (articles).
_PREFIXES: Final[dict[str, tuple[list[str], list[str]]]] = {}
_COMPILED: Final[dict[str, tuple[re.Pattern, re.Pattern, dict[str, tuple[str, ...]], frozenset[str]]]] = {}
# What may follow a number prefix in its word ("drei|undzwanzig", "Hundert|e").
_PREFIX_REST: Final = r"[a-zäöüß]*\b"


def register(language: str, kind: str, words) -> None:
    """Make `words` (matched case-sensitively, as whole words) anchors of `kind` in `language`."""
    for w in words:
        _WORDS[language].setdefault(w, set()).add(kind)
    _COMPILED.pop(language, None)


def register_prefixes(language: str, prefixes, but=()) -> None:
    """Words of `language` that start with one of `prefixes`, except the words `but`, are NUMBER anchors."""
    _PREFIXES[language] = (list(prefixes), list(but))
    _COMPILED.pop(language, None)


def _tree(words, prefixes, but) -> str:
    """One prefix tree matching a whole anchor word or a word that starts with a number prefix.

    A number prefix is tried before any word on the same path, as a pattern "(?:prefixes)|(?:words)" would:
    on the way down the tree each prefix that ends at a node is tried first (the rest of the word must be
    lower-case letters, and the word not one of `but`); on the way back up each word that ends there, the
    longest first. The match does not say which it was (a group would be entered at every attempt):
    _number_words() tells."""
    tree: dict = {}
    for kind, entries in (("word", words), ("prefix", prefixes)):
        for entry in entries:
            node = tree
            for ch in entry:
                node = node.setdefault(ch, {})
            node[kind] = entry  # "word" and "prefix" are longer than a character: no letter of the tree

    def build(node: dict) -> str:
        branches = []
        if "prefix" in node:
            prefix = node["prefix"]
            excluded = sorted({b[len(prefix):] for b in but if b.startswith(prefix)}, key=len, reverse=True)
            guard = "(?!(?:" + "|".join(map(re.escape, excluded)) + r")\b)" if excluded else ""
            branches.append(guard + _PREFIX_REST)
        branches += [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if len(ch) == 1]
        if "word" in node:
            branches.append(r"\b")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(tree)


def _number_words(words, prefixes, but) -> frozenset[str]:
    """The anchor words that a number prefix also matches: at such a word the pass found a NUMBER too."""
    if not prefixes:
        return frozenset()
    not_but = "(?!(?:" + "|".join(map(re.escape, but)) + ")$)" if but else ""
    number = re.compile(not_but + "(?:" + "|".join(map(re.escape, prefixes)) + ")" + _PREFIX_REST)
    return frozenset(w for w in words if number.fullmatch(w))


def _compiled(language: str):
    compiled = _COMPILED.get(language)
    if compiled is None:
        words = _WORDS[language]
        prefixes, but = _PREFIXES.get(language, ([], []))
        # A digit is marked by the only group; a word is told by _number_words() and the registered kinds.
        body = r"(?:\d()|" + _tree(words, prefixes, but) + ")"
        # Most attempts fail on the first letter: a character class says so faster than the prefix tree.
        firsts = sorted({w[0] for w in words} | {p[0] for p in prefixes})
        lookahead = r"(?=[\d" + "".join(re.escape(c) for c in firsts) + "])"
        kinds = {w: tuple(k) for w, k in words.items()}
        compiled = _COMPILED[language] = (re.compile(r"\W" + lookahead + body), re.compile(body), kinds,
                                          _number_words(words, prefixes, but))
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


_WORD_BEFORE: Final = re.compile(r"\w+$")


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
    scan, at_start, kinds, number_words = _compiled(language)
    out: dict[str, list[int]] = {kind: [] for kind in KINDS}
    digits = out[DIGIT]
    numbers = out[NUMBER]
    first = at_start.match(text)
    for m in chain((first,), scan.finditer(text)) if first is not None else scan.finditer(text):
        start = 0 if m is first else m.start() + 1  # a scan's match starts at the non-word character before
        if m.lastindex:
            digits.append(start)
            continue
        word = text[start:m.end()]
        word_kinds = kinds.get(word)
        if word_kinds is None or word in number_words:
            numbers.append(start)  # matched by a number prefix
        for kind in word_kinds or ():
            out[kind].append(start)
    return Anchors(out)
