"""Reading the words of claims: who was hit, what was counted, who said it, where it happened.

Small, explicit rules over plain strings (no language model): lower-case,
singular, a short synonym table for the vocabulary of conflict reporting
("US troops" = "American soldiers" = "US service members"). A noun phrase is
read as a *head* (what is counted: soldier, fighter, attack) and *modifiers*
(whose: us, militia, pro-iranian). Two phrases name the same people or things
when their heads agree and their modifiers do not contradict: one side has
none, or the two sides share one ("US soldiers" vs "soldiers" agree; "US
soldiers" vs "Iraqi soldiers" do not).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019.\-]*|\d[\d,.]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019']?\s+(?=[\"\u201c\u2018'(]?[A-Z0-9])")

#: Multi-word names first (matched on the lower-cased phrase), then single words.
PHRASES: dict[str, str] = {
    "united states": "us", "u.s.": "us", "service members": "soldier", "service member": "soldier",
    "servicemembers": "soldier", "military personnel": "soldier", "armed forces": "soldier",
    "islamic state": "isis", "kataib hezbollah": "kataeb hezbollah", "kata'ib hezbollah": "kataeb hezbollah",
    "hashd al-shaabi": "hashed al-shaabi", "popular mobilization forces": "hashed al-shaabi",
}
SYNONYMS: dict[str, str] = {
    # countries and their adjectives
    "usa": "us", "u.s": "us", "u.s.a": "us", "america": "us", "american": "us", "americans": "us",
    "iraqi": "iraq", "iranian": "iran",
    "syrian": "syria", "kurdish": "kurdistan", "israeli": "israel", "ukrainian": "ukraine", "russian": "russia",
    "sudanese": "sudan", "malian": "mali", "palestinian": "palestine",
    # people counted in casualty reports
    "soldiers": "soldier", "troops": "soldier", "troop": "soldier", "servicemen": "soldier",
    "serviceman": "soldier", "personnel": "soldier",
    "fighters": "fighter", "militants": "fighter", "militant": "fighter", "militiamen": "fighter",
    "militiaman": "fighter", "members": "fighter", "member": "fighter", "gunmen": "fighter", "gunman": "fighter",
    "combatants": "fighter", "combatant": "fighter",
    "civilians": "civilian", "people": "person", "persons": "person",
    "children": "child", "kids": "child", "women": "woman", "men": "man",
    "militia": "militia", "militias": "militia", "group": "militia", "groups": "militia", "faction": "militia",
    "factions": "militia",
    # things counted in statistics
    "sites": "facility", "site": "facility", "facilities": "facility", "installations": "facility",
    "attacks": "attack", "strikes": "strike", "drones": "drone", "rockets": "rocket", "missiles": "missile",
}
#: Words that never identify whom or what a claim is about.
STOPWORDS = frozenset("""
a an the of in on at to for from by with and or but as into about over under than such these those this that
their its his her our your my some any other others another more most few several many all both each there
here who whom which what when where while was were is are be been being has have had do does did will would
can could may might shall should not no nor only also just then so very said says say told according
""".split())
#: After the counted thing, these end its noun phrase ("attacks recorded", "soldiers are stationed").
_PHRASE_END = STOPWORDS | {"since", "during", "after", "before", "near", "across", "against", "including",
                           "recorded", "registered", "counted", "reported", "stationed", "based", "deployed",
                           "used", "killed", "injured", "wounded", "hit", "struck"}
#: Words between a number and what it counts ("100 of these attacks", "3 more soldiers").
_LEADING = frozenset("such of these those the more other others additional further new its their his her our "
                     "your my".split())
#: Lower-case forms of words that start sentences but name nothing (for context terms).
_NOT_NAMES = STOPWORDS | frozenset("""
following three two one four five six seven eight nine ten he she it they we i you read source around since
according another more also however meanwhile in on at why how what within hours monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr
""".split())


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normal_word(word: str) -> str:
    """One word in its comparable form: lower-case, no possessive, synonym, singular."""
    w = word.lower().strip(".,;:'\u2019\"()")
    for suffix in ("'s", "\u2019s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    if w in SYNONYMS:
        return SYNONYMS[w]
    return SYNONYMS.get(singular(w), singular(w))


def _apply_phrases(text: str) -> str:
    low = " " + " ".join(text.lower().split()) + " "
    for phrase, repl in PHRASES.items():
        low = low.replace(f" {phrase} ", f" {repl} ")
    return low.strip()


def words(text: str) -> list[str]:
    """The text's words in comparable form, function words dropped."""
    return list(_words(text or ""))


@lru_cache(maxsize=1 << 16)  # suggestions compare the same few thousand phrases many times over
def _words(text: str) -> tuple[str, ...]:
    out = []
    for raw in _WORD.findall(_apply_phrases(text)):
        w = normal_word(raw)
        if w and w not in STOPWORDS:
            out.append(w)
    return tuple(out)


@dataclass(frozen=True)
class NounPhrase:
    """What a phrase counts (head) and whose it is (modifiers), in comparable words."""

    head: str
    modifiers: frozenset[str]

    def agrees(self, other: NounPhrase) -> bool:
        if not self.head or self.head != other.head:
            return False
        return not self.modifiers or not other.modifiers or bool(self.modifiers & other.modifiers)

    def __bool__(self) -> bool:
        return bool(self.head)


@lru_cache(maxsize=1 << 16)
def noun_phrase(text: str | None) -> NounPhrase:
    """ "members of pro-Iranian groups" -> head fighter, modifiers {pro-iran.., militia};
    "US soldiers" -> head soldier, modifiers {us}. The head is the last word before "of", else the last word."""
    if not text:
        return NounPhrase("", frozenset())
    low = _apply_phrases(text)
    before, _, after = low.partition(" of ")
    main = words(before)
    rest = words(after)
    if not main:
        main, rest = rest, []
    if not main:
        return NounPhrase("", frozenset())
    return NounPhrase(main[-1], frozenset(main[:-1] + rest))


@lru_cache(maxsize=1 << 16)
def counted_phrase(text: str, count: int | None) -> tuple[NounPhrase, str]:
    """What a statistic counts, read from its text: the words after the number up to the verb.

    "More than 100 attacks recorded" -> attack; "Around 2,500 US soldiers are stationed" -> soldier {us}.
    Returns the phrase and its original words (for display), or an empty phrase when there is no number.
    """
    digits = alpha2digit(text or "", "en")
    tokens = _WORD.findall(digits)
    want = str(count) if count is not None else None
    start = None
    for i, tok in enumerate(tokens):
        if tok[0].isdigit() and (want is None or tok.replace(",", "").rstrip(".") == want):
            start = i + 1
            break
    if start is None:
        start = next((i + 1 for i, tok in enumerate(tokens) if tok[0].isdigit()), None)
    if start is None:
        return NounPhrase("", frozenset()), ""
    taken: list[str] = []
    for tok in tokens[start:]:
        low = tok.lower().strip(".,")
        if not taken and low in _LEADING:
            continue  # "100 such attacks", "100 of these attacks"
        if low in _PHRASE_END or tok[0].isdigit():
            break
        taken.append(tok.strip(".,"))
        if tok.endswith((".", ",")):
            break
    shown = " ".join(taken)
    return noun_phrase(shown), shown


@lru_cache(maxsize=1 << 16)
def same_name(a: str | None, b: str | None) -> bool:
    """Whether two names of a speaker or source can be the same ("the US" and "US military",
    "Austin" and "Lloyd Austin"): the words of one contain the words of the other."""
    wa, wb = frozenset(_words(a or "")), frozenset(_words(b or ""))
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa


def quote_words(text: str) -> list[str]:
    """A quotation's words for comparing wordings: case, punctuation and quote marks ignored."""
    return list(_quote_words(text or ""))


@lru_cache(maxsize=1 << 16)
def _quote_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().strip(".,;:!?'\u2019\"\u201c\u201d\u2018()\u2026-") for w in (text or "").split()
            if w.strip(".,;:!?'\u2019\"\u201c\u201d\u2018()\u2026-"))


def is_excerpt(short: list[str], long: list[str]) -> bool:
    """True when `short` is a run of consecutive words of `long` (a shorter excerpt of the same quote)."""
    n = len(short)
    if n == 0 or n > len(long):
        return False
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (within its paragraph) that holds the span start..end."""
    p0, p1 = paragraph_span(text, start)
    bounds = [p0] + [m.end() for m in _SENTENCE_END.finditer(text, p0, p1)] + [p1]
    s0 = max(b for b in bounds if b <= start)
    s1 = min((b for b in bounds if b >= end), default=p1)
    return s0, s1


def paragraph_span(text: str, pos: int) -> tuple[int, int]:
    """The line (paragraph, heading or list item) that holds position `pos`."""
    p0 = text.rfind("\n", 0, pos)
    p0 = 0 if p0 < 0 else p0 + 1
    p1 = text.find("\n", pos)
    return p0, len(text) if p1 < 0 else p1


def context_terms(text: str) -> frozenset[str]:
    """Names of places, people and organisations in a passage (capitalised words, compared normalised):
    what "where" and "who else" a claim is about, to tell one event from another."""
    terms = set()
    for raw in _WORD.findall(text or ""):
        if not any(ch.isupper() for ch in raw) or raw[0].isdigit():
            continue
        low = raw.lower().strip(".,'\u2019")
        if low in _NOT_NAMES or len(low) < 2:
            continue
        terms.add(SYNONYMS.get(low.removesuffix("'s").removesuffix("\u2019s"), low.removesuffix("'s")))
    return frozenset(terms)
