"""Statistics: counted things other than casualties ("more than 100 attacks", "2,500 US soldiers are
stationed in Iraq and 900 in Syria", "23 of the 31 drones", "Rund 1000 Kämpfer").

A figure not already used by a casualty becomes a statistic when a noun follows it;
the claim runs on to the end of its clause (at most a few words) and takes in an
elliptical second figure that shares the noun ("... and 900 in Syria").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .document import Document
from .lexicon import AUXILIARIES, STOPWORDS, TOKEN, labelled_figure
from .numbers import EXACT, Figure
from .reporting import REPORTING, SOURCE_NOUNS

MAX_NOUN_WORDS: Final = 4
MAX_TAIL_WORDS: Final = 6
# Enough words after a figure for its partitive ("of the 31"), its noun and its tail.
MAX_WORDS_LOOKED_AT: Final = 24

_TAIL_STOP: Final = {
    "en": frozenset("and or but which that who whom whose used when while where because although according said "
                    "says told say including as than to".split()),
    "de": frozenset("und oder aber sowie beziehungsweise bzw welche welcher wo weil während als nachdem sagte "
                    "sagt laut hieß um".split()),
}
# Where a clause ends: punctuation, a line break, a full stop before white space. Only where a match starts counts;
# one character class first lets re skip to the candidates in C ("[,;:…]|\n|\.(?:\s|$)" tries every position).
_PUNCT_STOP: Final = re.compile(r"[,;:()\"“”„«»—–!?\n.](?:(?<!\.)|(?=\s|$))")
_EVENT_BEFORE: Final = re.compile(r"\b(?:(?:attacks?|strikes?|raids?|assaults?|air\s?strikes?|Angriffe?|Anschläge?|"
                                  r"Luftangriffe?)\s+(?:on|against|at|auf|gegen)|(?:Abschuss|Abschüsse|Zerstörung|"
                                  r"Einsatz|Lieferung|Ankunft)\s+von)\s+$", re.I)
EVENT_REACH: Final = 30
_EVENT_PREPOSITIONS: Final = frozenset("on against at auf gegen von".split())
_PARTITIVE: Final = re.compile(r"\s+(?:of|von)\s+(?:the\s+|den\s+)?$", re.I)
_DE_PARTICLES: Final = frozenset("ab an auf aus mit zu ein vor zurück fest hinzu".split())
_PREPOSITIONS: Final = frozenset("in on at across near inside outside im in auf bei an".split())
_NOUN_MODIFIERS: Final = frozenset("more other such further weitere weiteren".split())
_NOT_COUNTED: Final = frozenset("""of the a an und and per von in im times mal percent prozent people's""".split())
# "100 of these attacks", "40 of her colleagues", "nine of the victims": the things counted follow.
_PARTITIVE_DETERMINERS: Final = frozenset("the these those its their her his our my your den".split())
_POSSESSIVES: Final = _PARTITIVE_DETERMINERS - {"the", "den"}
# "the gunmen, numbering about 20": the counted things come first.
_NUMBERING_BEFORE = re.compile(r"\b(?:the|a|an|these|those|their|its)\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[\w'’-]+),?\s+"
                               r"(?:numbering|totall?ing|numbered)\s+$", re.I)
# "a catchment population of more than 60,000 people", "a convoy of 30 trucks": a collective noun counted.
_NOUN_OF_BEFORE: Final = re.compile(r"\b(?:[Aa]n?)\s+(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+of\s+$")
# The verb whose object the count is belongs to the claim: "shot down 23 of the 31 drones", "opened fire on three
# vehicles", "distributed hot meals to 4,200 people", "has 40 beds".
MAX_WORDS_TO_VERB: Final = 4
_IRREGULAR_VERBS: Final = frozenset("""hit hits struck strike strikes shot shoot shoots sent send sends set put
    built build brought bring brings bought caught fought took take takes gave give gives made make makes found find
    finds held hold holds lost lose loses won win wins kept keep keeps left leave leaves met paid pay pays sold sell
    sells sank threw throw fired launched launch launches downed seize seized freed free frees""".split())
_HAVE: Final = frozenset("has have had".split())
_ADVERBS_BEFORE_COUNT: Final = frozenset("just only now still".split())
# Past forms that end the noun counted ("40 of her colleagues | spent the night").
_IRREGULAR_PAST: Final = frozenset("""spent went came ran saw got fled fell rose grew stood sat slept lay began became
    remained""".split())
_BETWEEN_VERB_AND_COUNT: Final = frozenset("to for on at into onto from in with the a an its their his her our some "
                                           "down up out off over against".split())
_WORD: Final = re.compile(r"[\w'’-]+|[^\w\s]")
# "Two relatives told the paper", "zwei Zeugen sagten": people counted as the sources of what follows, not a claim.
_TOLD: Final = frozenset("said say says told tell sagten sagte sagen erzählten berichteten cited quoted".split())
# "hit more than 150 times", "made the journey three times"; not "three times as many".
_TIMES_NOT_AFTER: Final = frozenset("as more higher larger bigger greater less fewer the that".split())
# "a town of 300,000": a place counted by its people.
_PLACE_OF_BEFORE: Final = re.compile(r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?:town|city|village|camp|community|"
                                     r"district|settlement|population)\s+of\s+$")
_REFERS_BACK: Final = re.compile(r"(?<!\bof )\b(?:the|these|those)\s+$")
# The last word of a German clause that is its participle or passive auxiliary ("abgeschossen worden").
_DE_PASSIVE_END: Final = re.compile(r"^(?:worden|werden|ge\w+(?:t|en)|\w+(?:iert|ge\w+(?:t|en)))$")
_VAGUE_QUALIFIERS: Final = frozenset("dozens hundreds thousands millions".split())


@dataclass(slots=True, init=False)
class Statistic:
    start: int
    end: int
    count: int
    qualifier: str
    category: str
    confidence: float

    def __init__(self, start: int, end: int, count: int, qualifier: str, category: str, confidence: float) -> None:
        """Written out (init=False): compiled (setup.py), this runs as C; a generated one would run as Python."""
        self.start = start
        self.end = end
        self.count = count
        self.qualifier = qualifier
        self.category = category
        self.confidence = confidence


def _words(text: str, start: int, end: int, most: int = 1000) -> list[tuple[int, int, str]]:
    """(start, end, word) of the first `most` tokens of text[start:end].

    One findall, without a match object per token: only white space lies between two tokens, so each is found by
    str.find from the end of the one before."""
    out = []
    pos = start
    for word in TOKEN.findall(text, start, end)[:most]:
        pos = text.find(word, pos)
        out.append((pos, pos + len(word), word))
        pos += len(word)
    return out


def _verb_before(text: str, pos: int, lo: int, stop: frozenset) -> int | None:
    """Where the verb whose object starts at `pos` begins, if it is within a few words (English)."""
    floor = max(lo, pos - 60)
    start = pos
    # The words from the last back, by one findall; only white space lies between two, so each is the last
    # occurrence of its text before the one after it.
    words: list[str] = _WORD.findall(text, floor, pos)
    adverbs = 0
    for n, w in enumerate(reversed(words)):
        start = text.rfind(w, floor, start)
        lw = w.lower()
        if n >= MAX_WORDS_TO_VERB or not w[0].isalpha():
            return None
        if lw in _HAVE:
            return start if n == adverbs else None  # "has 40 beds", "had just 60 beds"; not "has ... to 40"
        if lw in _ADVERBS_BEFORE_COUNT and n == adverbs:
            adverbs += 1
            continue
        if lw in _IRREGULAR_VERBS or (lw.endswith("ed") and len(lw) > 4 and w[0].islower()):
            return None if REPORTING["en"].fullmatch(w) else start
        if lw in _BETWEEN_VERB_AND_COUNT:
            continue
        if lw in stop or REPORTING["en"].fullmatch(w):
            return None
    return None


def _joins_a_noun(word: str, stop: frozenset, language: str = "en") -> bool:
    """Whether "and" + `word` continues the things counted (a content word, not a new clause): lower case in
    English ("food and medicine"), a capitalised noun in German ("Gäste und Angestellte")."""
    if language == "de":
        return word[0].isupper() and word.lower() not in stop
    return word[0].isalpha() and word.islower() and word not in stop and not word.endswith(("ed", "ly"))


def _last_word(text: str, end: int) -> str:
    """The last word (white space apart) of text[:end], read from a short stretch unless the word is longer."""
    parts = text[max(0, end - 32):end].rsplit(None, 1)
    if len(parts) < 2 and end > 32:
        parts = text[:end].rsplit(None, 1)
    return parts[-1]


def _event_before(text: str, pos: int) -> re.Match | None:
    """The event a count ends ("attacks on | three bases"), looked for only after one of its prepositions."""
    stretch = text[max(0, pos - EVENT_REACH):pos]
    head = stretch.rstrip()
    last = head.rsplit(None, 1)[-1:]
    if len(head) == len(stretch) or not last or last[0].lower() not in _EVENT_PREPOSITIONS:
        return None
    return _EVENT_BEFORE.search(text, max(0, pos - EVENT_REACH), pos)


# A list of things counted together after the first: "Seven houses, a school and a power line were damaged",
# "20 tonnes of rice, cooking oil, tarpaulins and hygiene kits", "mindestens 60 Angriffe auf Busse, Krankenwagen und
# Fahrzeuge von Helfern". Its items are short and have no verb; the list ends its clause.
_LIST_ITEM: Final = r"(?:[\w'’-]+\s+){0,3}[\w'’-]+"
_LIST_TAIL: Final = {
    "en": re.compile(r",\s+(?P<items>(?:" + _LIST_ITEM + r",\s+){0,4}" + _LIST_ITEM + r",?\s+(?:and|or)\s+" + _LIST_ITEM
                     + r")(?:\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+[a-z]+(?:ed|en|wn))?(?=[.;:,\n]|$)"),
    "de": re.compile(r",\s+(?P<items>(?:" + _LIST_ITEM + r",\s+){0,4}" + _LIST_ITEM + r"\s+(?:und|oder|sowie)\s+"
                     + _LIST_ITEM + r")(?=[.;:,\n]|$)"),
}


def _list_end(text: str, pos: int, lang: str, figure_starts: dict, aux: frozenset) -> int | None:
    """The end of a list of further things counted that starts at the comma at `pos`, or None."""
    m = _LIST_TAIL[lang].match(text, pos)
    if m is None:
        return None
    for w in TOKEN.findall(m.group("items")):
        if w.lower() in aux or w[0].isdigit() or REPORTING[lang].fullmatch(w):
            return None  # "300 houses, officials said and ...": a clause, not a list
    if any(p in figure_starts for p in range(pos, m.end())):
        return None  # "40 trucks, two ambulances and 12 buses": each count is a claim of its own
    return m.end()


def _counted_start(text: str, f: Figure, lo: int, lang: str) -> int:
    """Where a statistic starts: its figure, or a collective noun before it ("a population of")."""
    if lang == "en" and text[f.start - 4:f.start] == " of ":
        m = _NOUN_OF_BEFORE.search(text, max(lo, f.start - 50), f.start)
        if m is not None:
            return m.start()
    return f.start


def _times(text: str, f: Figure, end: int, lo: int, stop: frozenset) -> Statistic | None:
    """How often something was done, with its verb: "hit more than 150 times" (None for "three times as many")."""
    after = text[end:end + 12].split(None, 1)
    if after and after[0].lower() in _TIMES_NOT_AFTER:
        return None
    verb = _verb_before(text, f.start, lo, stop)
    if verb is None:
        return None
    return Statistic(verb, end, f.value, f.qualifier, "times", 0.6)


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
    for index, f in enumerate(figures):
        while ti < len(taken) and taken[ti][1] <= f.value_start:
            ti += 1
        if ti < len(taken) and taken[ti][0] <= f.value_start < taken[ti][1]:
            continue
        if f.value_start < used_until:
            continue
        if f.value == 1 and f.qualifier == EXACT:
            continue  # "one day", "one of the reasons": too often not a count
        if lang == "en" and f.spelled and f.value <= 10 and _REFERS_BACK.search(text, max(0, f.start - 12), f.start):
            continue  # "across the two regions": a set already named, not a new count
        sent_start, sent_end = doc.sentence(f.value_start)
        limit = min(sent_end, f.end + 200)
        punct = _PUNCT_STOP.search(text, f.end, limit)
        clause_end = punct.start() if punct else limit
        words = _words(text, f.end, clause_end, MAX_WORDS_LOOKED_AT)
        # The words of the next figure's claim are not this one's tail ("40 beds | for a population of ...").
        tail_limit = clause_end
        if index + 1 < len(figures) and figures[index + 1].start < clause_end:
            tail_limit = _counted_start(text, figures[index + 1], f.end, lang)
            if tail_limit == figures[index + 1].start:
                tail_limit = clause_end  # the next figure itself ends the tail, or belongs to it ("23 of the 31")
        i = 0
        # "23 of the 31 drones": the second figure is part of the noun phrase.
        if words and words[0][2].lower() in ("of", "von"):
            j = 1 + (1 if len(words) > 1 and words[1][2].lower() in ("the", "den") else 0)
            if j + 1 < len(words) and words[j][2].endswith(("'s", "’s")) and words[j + 1][0] in by_start:
                j += 1  # "11 of the region's 18 power stations"
            if j < len(words) and words[j][0] in by_start:
                second = by_start[words[j][0]]
                i = j
                while i < len(words) and words[i][1] <= second.end:
                    i += 1
            elif j < len(words) and j == 2 and words[1][2].lower() in _PARTITIVE_DETERMINERS:
                i = 2  # "100 of these attacks"
            elif len(words) > 1 and words[1][2].lower() in _POSSESSIVES:
                i = 2  # "40 of her colleagues"
            elif f.qualifier in _VAGUE_QUALIFIERS:
                i = 1  # "dozens of trucks"
        noun: list[tuple[int, int, str]] = []
        while i < len(words) and len(noun) < MAX_NOUN_WORDS:
            w = words[i][2]
            lw = w.lower()
            if (lw in stop and lw not in _NOUN_MODIFIERS and not w.isupper()) or lw in aux or not w[0].isalpha():
                break
            if lang == "en" and noun and (lw.endswith("ed") or lw in _IRREGULAR_PAST) and not w[0].isupper():
                break  # "facilities | used by", "attacks | recorded": the verb starts the tail
            if lw in _TOLD:
                break  # "two relatives | told"
            if lang == "en" and not noun and lw.endswith("ed") and (
                    i + 1 == len(words) or words[i + 1][2].lower() in stop or not words[i + 1][2][0].isalpha()):
                break  # "only 11 arrived": a verb, not the thing counted ("38 armoured vehicles" has its noun)
            if words[i][0] in by_start:
                break
            if w.endswith("-") and i + 2 < len(words) and words[i + 1][2].lower() in ("und", "oder", "and", "or"):
                noun += words[i:i + 3]  # "212 Luft- und Drohnenangriffe"
                i += 3
                continue
            noun.append(words[i])
            i += 1
        while noun and noun[-1][2].lower() in stop:
            noun.pop()
        if not noun and not words and lang == "en":
            numbering = _NUMBERING_BEFORE.search(text, max(sent_start, f.start - 70), f.start)
            if numbering is not None:  # "the gunmen, numbering about 20"
                out.append(Statistic(numbering.start(), f.end, f.value, f.qualifier, numbering.group("noun"), 0.7))
                used_until = f.end
                continue
        label = labelled_figure(text, f.start) if not noun else None
        if label is not None:  # "Battles: 71" in a list of figures
            out.append(Statistic(label.start("label"), f.end, f.value, f.qualifier, label.group("label"), 0.6))
            used_until = f.end
            continue
        if not noun and lang == "en" and text[f.start - 4:f.start] == " of ":
            place = _PLACE_OF_BEFORE.search(text, max(sent_start, f.start - 50), f.start)
            if place is not None:  # "a town of 300,000"
                out.append(Statistic(place.start(), f.end, f.value, f.qualifier, "population", 0.6))
                used_until = f.end
                continue
        if noun and lang == "en" and len(noun) == 1 and noun[0][2] == "times":
            times = _times(text, f, noun[0][1], max(sent_start, used_until), stop)
            if times is not None:
                out.append(times)
                used_until = times.end
            continue
        if not noun or noun[-1][2].lower() in _NOT_COUNTED:
            continue
        if i < len(words) and (words[i][2].lower() in _TOLD or (
                lang == "en" and noun[-1][2].lower() in SOURCE_NOUNS and REPORTING["en"].fullmatch(words[i][2]))):
            continue  # "Two officials said ...", "two relatives told the paper": the sources, not a claim
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
            if lw in ("and", "und") and i + 1 < len(words) and _joins_a_noun(words[i + 1][2], stop, lang):
                count += 1  # "trucks carrying food and medicine", "33 airstrikes and drone attacks"
                i += 1
                continue
            if lang == "de" and lw in aux and not tail_stop.intersection(w.lower() for _, _, w in words[i:]):
                last = words[-1][2]
                if len(words) - i <= 10 and words[-1][1] <= tail_limit and _DE_PASSIVE_END.search(last):
                    tail_end = words[-1][1]  # "zwei Marschflugkörper seien abgeschossen worden": the clause's verb
                    break
            if lw in tail_stop or s in by_start or s >= tail_limit or (lang == "de" and lw in aux):
                break  # German puts the verb last: its auxiliary ends the noun phrase
            count += 1
            i += 1
            if lw not in stop or lw in aux:
                tail_end = e
            elif i < len(words) and words[i][2].lower() not in stop:
                continue
        end = elliptic_end or tail_end
        if lang == "de" and end > noun[-1][1]:
            last = _last_word(text, end)
            if last in _DE_PARTICLES:
                end -= len(last)
        while end > f.end and text[end - 1] in " .":
            end -= 1
        if punct is not None and text[clause_end] == "," and end == words[-1][1] and elliptic_end is None:
            listed = _list_end(text, clause_end, lang, by_figure_start, aux)
            if listed is not None:
                end = listed
        start = _counted_start(text, f, sent_start, lang)
        ev = _event_before(text, start)
        if ev:
            start = ev.start()
        elif lang == "en":
            verb = _verb_before(text, start, max(sent_start, used_until), stop)
            if verb is not None:
                start = verb
        counted = [w for _, _, w in noun]
        while len(counted) > 1 and counted[0].lower() in _NOUN_MODIFIERS:
            counted.pop(0)  # "such attacks", "more Patriot batteries": the things counted
        category = " ".join(counted)
        confidence = 0.7 if f.qualifier != EXACT or not f.spelled else 0.6
        out.append(Statistic(start, end, f.value, f.qualifier, category, confidence))
        used_until = end
    return out
