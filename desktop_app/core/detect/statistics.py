"""Statistics: counted things other than casualties ("more than 100 attacks", "2,500 US soldiers are
stationed in Iraq and 900 in Syria", "23 of the 31 drones", "Rund 1000 Kämpfer").

A figure not already used by a casualty becomes a statistic when a noun follows it;
the claim runs on to the end of its clause (at most a few words) and takes in an
elliptical second figure that shares the noun ("... and 900 in Syria").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .lexicon import AUXILIARIES, STOPWORDS, TOKEN
from .numbers import EXACT, Figure

MAX_NOUN_WORDS = 4
MAX_TAIL_WORDS = 6

_TAIL_STOP = {
    "en": frozenset("and or but which that who whom whose used when while where because although according said "
                    "says told say including as than to".split()),
    "de": frozenset("und oder aber sowie beziehungsweise bzw welche welcher wo weil während als nachdem sagte "
                    "sagt laut hieß um".split()),
}
_PUNCT_STOP = re.compile(r"[,;:()\"“”„«»—–!?]|\n|\.(?:\s|$)")
_EVENT_BEFORE = re.compile(r"\b(?:attacks?|strikes?|raids?|assaults?|air\s?strikes?|Angriffe?|Anschläge?|Luftangriffe?)"
                           r"\s+(?:on|against|at|auf|gegen)\s+$", re.I)
_PARTITIVE = re.compile(r"\s+(?:of|von)\s+(?:the\s+|den\s+)?$", re.I)
_DE_PARTICLES = frozenset("ab an auf aus mit zu ein vor zurück fest hinzu".split())
_PREPOSITIONS = frozenset("in on at across near inside outside im in auf bei an".split())
_NOUN_MODIFIERS = frozenset("more other such further weitere weiteren".split())
_NOT_COUNTED = frozenset("""of the a an und and per von in im times mal percent prozent people's""".split())


@dataclass(frozen=True, slots=True)
class Statistic:
    start: int
    end: int
    count: int
    qualifier: str
    category: str
    confidence: float


def _words(text: str, start: int, end: int):
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


def find_statistics(doc: Document, figures: list[Figure], taken: list[tuple[int, int]]) -> list[Statistic]:
    """Statistics in text order, from the figures outside the `taken` spans (casualty claims)."""
    text, lang = doc.text, doc.language
    stop, aux, tail_stop = STOPWORDS[lang], AUXILIARIES[lang], _TAIL_STOP[lang]
    taken = sorted(taken)
    out: list[Statistic] = []
    used_until = -1
    ti = 0
    by_start = {f.value_start: f for f in figures}
    by_figure_start = {f.start: f for f in figures}
    for f in figures:
        while ti < len(taken) and taken[ti][1] <= f.value_start:
            ti += 1
        if ti < len(taken) and taken[ti][0] <= f.value_start < taken[ti][1]:
            continue
        if f.value_start < used_until:
            continue
        if f.value == 1 and f.qualifier == EXACT:
            continue  # "one day", "one of the reasons": too often not a count
        _, sent_end = doc.sentence(f.value_start)
        limit = min(sent_end, f.end + 200)
        punct = _PUNCT_STOP.search(text, f.end, limit)
        clause_end = punct.start() if punct else limit
        words = _words(text, f.end, clause_end)
        i = 0
        # "23 of the 31 drones": the second figure is part of the noun phrase.
        if words and words[0][2].lower() in ("of", "von"):
            j = 1 + (1 if len(words) > 1 and words[1][2].lower() in ("the", "den") else 0)
            if j < len(words) and words[j][0] in by_start:
                second = by_start[words[j][0]]
                i = j
                while i < len(words) and words[i][1] <= second.end:
                    i += 1
        noun: list[tuple[int, int, str]] = []
        while i < len(words) and len(noun) < MAX_NOUN_WORDS:
            w = words[i][2]
            lw = w.lower()
            if (lw in stop and lw not in _NOUN_MODIFIERS and not w.isupper()) or lw in aux or not w[0].isalpha():
                break
            if lang == "en" and noun and lw.endswith("ed") and not w[0].isupper():
                break  # "facilities | used by", "attacks | recorded": the verb starts the tail
            if words[i][0] in by_start:
                break
            noun.append(words[i])
            i += 1
        while noun and noun[-1][2].lower() in stop:
            noun.pop()
        if not noun or noun[-1][2].lower() in _NOT_COUNTED:
            continue
        end = noun[-1][1]
        # The rest of the clause, briefly: "are stationed in Iraq", "since mid-October", "recorded".
        tail_end = end
        count = 0
        elliptic_end = None
        while i < len(words) and count < MAX_TAIL_WORDS:
            s, e, w = words[i]
            lw = w.lower()
            if lw in ("and", "und") and i + 1 < len(words) and words[i + 1][0] in by_figure_start:
                other = by_figure_start[words[i + 1][0]]  # "and 900", "and about 900"
                after = _words(text, other.end, clause_end)
                if not after:
                    elliptic_end = other.end
                elif after[0][2].lower() in _PREPOSITIONS:  # "and 900 in Syria": no noun of its own
                    elliptic_end = after[0][1]
                    for _, e, w in after[1:4]:  # the place: "in (neighbouring) Syria"
                        if w.lower() in stop or w.lower() in tail_stop or not w[0].isalpha():
                            break
                        elliptic_end = e
                break
            if lw in tail_stop or s in by_start or (lang == "de" and lw in aux):
                break  # German puts the verb last: its auxiliary ends the noun phrase
            count += 1
            i += 1
            if lw not in stop or lw in aux:
                tail_end = e
            elif i < len(words) and words[i][2].lower() not in stop:
                continue
        end = elliptic_end or tail_end
        if lang == "de" and end > noun[-1][1]:
            last = text[:end].rsplit(None, 1)[-1]
            if last in _DE_PARTICLES:
                end -= len(last)
        while end > f.end and text[end - 1] in " .":
            end -= 1
        start = f.start
        ev = _EVENT_BEFORE.search(text, max(0, start - 30), start)
        if ev:
            start = ev.start()
        words = [w for _, _, w in noun]
        while len(words) > 1 and words[0].lower() in _NOUN_MODIFIERS:
            words.pop(0)  # "such attacks", "more Patriot batteries": the things counted
        category = " ".join(words)
        confidence = 0.7 if f.qualifier != EXACT or not f.spelled else 0.6
        out.append(Statistic(start, end, f.value, f.qualifier, category, confidence))
        used_until = end
    return out
