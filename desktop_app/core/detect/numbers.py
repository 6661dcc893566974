"""Figures as reporters write them: "24", "2,500", "350.000", "10 million", "three", "thirty-seven",
"dreiundzwanzig", "a dozen", "dozens", "Hunderte", with the qualifier in front ("at least", "mehr als").

Spelled-out numbers are read by text2num; this module finds where they are and
leaves out what only looks like a count (dates, times, ages, years, measures, money).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from text_to_num import text2num

from . import anchors
from .lexicon import both_cases, trie_pattern

EXACT: Final = "exact"


@dataclass(slots=True, init=False)
class Figure:
    start: int          # where the figure begins, its qualifier ("at least", "another") included
    end: int            # end of the numeral (a scale word such as "million" included)
    value_start: int    # where the numeral itself begins
    value: int          # the count, or the lower bound of a range or vague quantity
    qualifier: str      # exact, at least, more than, about, up to, fewer than, dozens, ..., "between 10 and 15"
    another: bool = False  # "another 24", "a further 3": the who of an earlier figure applies
    spelled: bool = False  # written in words

    def __init__(self, start: int, end: int, value_start: int, value: int, qualifier: str, another: bool = False,
                 spelled: bool = False) -> None:
        """Written out (init=False): compiled (setup.py), this runs as C; a generated one would run as Python."""
        self.start = start
        self.end = end
        self.value_start = value_start
        self.value = value
        self.qualifier = qualifier
        self.another = another
        self.spelled = spelled


_EN_UNITS: Final = "one|two|three|four|five|six|seven|eight|nine"
_EN_TEENS: Final = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_EN_TENS: Final = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_SCALES: Final = "hundred|thousand|million|billion"
_EN_WORDS: Final = f"{_EN_TENS}|{_EN_TEENS}|{_EN_UNITS}|{_EN_SCALES}"
_EN_VAGUE_WORDS: Final = "dozens|hundreds|thousands|millions|dozen|tens|scores"
_DIGITS: Final = (r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|"
                  r"\d{1,3}(?:['’]\d{3})+(?!\d)|\d+(?:[.,]\d+)?")  # "600'000": the Swiss thousands mark
_SCALE: Final = re.compile(r"\s*(?:million|billion|bn\b|Millionen|Million|Milliarden|Milliarde|Mio\.|Mrd\.|"
                           r"lakhs?\b|crores?\b)")
_DIGIT_SCAN: Final = re.compile(rf"(?<![\w.,/:-])(?:{_DIGITS})(?![\w:/]|[.,]\d)")
# A numeral in digits with the scale word after it, if any, in one match.
_DIGIT_FIGURE: Final = re.compile(rf"(?P<digits>{_DIGIT_SCAN.pattern})(?P<scale>{_SCALE.pattern})?")
_EN_NUMBER_WORDS: Final = both_cases((_EN_WORDS + "|" + _EN_VAGUE_WORDS).split("|"))
_DE_NUMBER_PREFIXES: Final = both_cases(
    "ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig dreissig vierzig fünfzig sechzig "
    "siebzig achtzig neunzig hundert tausend dutzend zehntausend hunderttausend".split())
_DE_NUMBER_PREFIX: Final = trie_pattern(_DE_NUMBER_PREFIXES)
_WORD_SCAN: Final = {
    "en": re.compile(r"\b" + trie_pattern(_EN_NUMBER_WORDS) + r"\b"),
    "de": re.compile(r"\b" + _DE_NUMBER_PREFIX + r"[a-zäöüß]*\b"),
}
anchors.register("en", anchors.NUMBER, _EN_NUMBER_WORDS)
_DE_ARTICLES: Final = frozenset("ein eine einen einem einer eines".split())
anchors.register_prefixes("de", _DE_NUMBER_PREFIXES, but=both_cases(_DE_ARTICLES))  # the article is no numeral
_EN_CONTINUE: Final = re.compile(rf"(?:[ \t]+|-|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_EN_WORDS})\b", re.I)
_EN_TENS_OF: Final = re.compile(r"\s+of\s+thousands\b", re.I)
_A_BEFORE: Final = re.compile(r"\b[Aa]\s+$|\b[Ee]in\s+$")
# "two dozen", "zwei Dutzend": a small number of dozens.
_TIMES_DOZEN: Final = re.compile(r"\b(?:(?P<n>[2-9])|(?P<w>two|three|four|five|six|seven|eight|nine|ten|zwei|drei|vier|"
                                 r"fünf|sechs|sieben|acht|neun|zehn))\s+$", re.I)

_VAGUE: Final = {
    "tens of thousands": (20000, "tens of thousands"), "hundreds of thousands": (200000, "hundreds of thousands"),
    "dozens": (24, "dozens"), "hundreds": (200, "hundreds"), "thousands": (2000, "thousands"), "scores": (40, "scores"),
    "millions": (2000000, "millions"), "dozen": (12, EXACT), "zehntausende": (20000, "tens of thousands"),
    "hunderttausende": (200000, "hundreds of thousands"), "dutzende": (24, "dozens"), "dutzenden": (24, "dozens"),
    "hunderte": (200, "hundreds"), "hunderten": (200, "hundreds"), "tausende": (2000, "thousands"),
    "tausenden": (2000, "thousands"), "dutzend": (12, EXACT), "zehntausenden": (20000, "tens of thousands"),
}

_QUALIFIERS: Final = {
    "at least": "at least", "more than": "more than", "over": "more than", "above": "more than",
    "upwards of": "more than", "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "nearly": "about", "almost": "about", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about", "close to": "about",
    "an estimated": "about", "estimated": "about", "mindestens": "at least", "wenigstens": "at least",
    "mehr als": "more than", "über": "more than", "bis zu": "up to", "höchstens": "up to", "rund": "about",
    "etwa": "about", "ungefähr": "about", "circa": "about", "ca.": "about", "knapp": "about", "fast": "about",
    "beinahe": "about", "annähernd": "about", "schätzungsweise": "about", "weniger als": "fewer than",
}
_ANOTHER: Final = frozenset(("another", "a further", "a total of", "insgesamt", "weitere"))
_BEFORE_FIGURE: Final = frozenset(_QUALIFIERS) | _ANOTHER
_LAST_WORDS: Final = frozenset(q.split()[-1] for q in _BEFORE_FIGURE)
# A phrase of _BEFORE_FIGURE as whole words ending the text before a figure; the leftmost match is the longest.
# It may follow an opening bracket: "(an estimated 46,000 people)".
_PHRASE_BEFORE: Final = re.compile(r"(?<![^\s(\[])(" + "|".join(
    r"\s+".join(re.escape(w) for w in q.split()) for q in sorted(_BEFORE_FIGURE, key=len, reverse=True))
    + r")\s+$", re.I)


# Last words that end only a one-word qualifier ("mindestens", "rund", "about"): such a qualifier can only start where
# that word does.
_ONE_WORD: Final = frozenset(last for last in _LAST_WORDS
                             if all(len(q.split()) == 1 for q in _BEFORE_FIGURE if q.split()[-1] == last))


def _words_before(text: str, pos: int) -> tuple[int, str] | None:
    """The longest qualifier ("at least", "mehr als", "another") ending just before `pos`: (start, phrase)."""
    if pos == 0 or not text[pos - 1].isspace():
        return None
    window = text[max(0, pos - 16):pos]
    last = window.rsplit(None, 1)[-1:]
    if not last or last[0].lower() not in _LAST_WORDS:
        return None  # the common case: no qualifier, decided without a search
    if last[0].lower() in _ONE_WORD:  # tried where the word starts, not at every position of the stretch before
        m = _PHRASE_BEFORE.match(text, pos - len(window) + len(window.rstrip()) - len(last[0]), pos)
    else:
        m = _PHRASE_BEFORE.search(text, max(0, pos - 26), pos)
    if m is None:
        return None
    return m.start(), " ".join(m.group(1).split()).lower()


_RANGE_AFTER: Final = re.compile(r"\s*(?:-|–|to|and|bis|und)\s*(\d[\d,.]*|[a-zäöüß-]+)", re.I)
_DIGITS_ONLY: Final = re.compile(_DIGITS)
_AND: Final = re.compile(r"\s*(?:and|und)\b", re.I)
_BETWEEN_BEFORE: Final = re.compile(r"\b(between|zwischen)\s+$", re.I)

_NOT_COUNT_MARKS: Final = frozenset("%‰°")
_NEXT_WORD: Final = re.compile(r"[ \t]*([^\W\d_]+(?:\.[a-z]\.?)?)")
_UNITS: Final = frozenset("""percent prozent km kilometre kilometres kilometer kilometers miles mile metres metre
    meter meters m kg gmt utc am pm uhr o'clock hours hour minutes minute seconds
    second days day weeks week months month years year decades decade stunden stunde minuten sekunden tage tagen
    wochen monate monaten jahre jahren jahrzehnte jahrzehnten mal dollars dollar euros euro pounds cents
    jährige jährigen""".split())
_YEAR_CONTEXT: Final = frozenset("""in since of until by from to im seit bis von jahr year ende anfang mitte early late
    mid summer winter spring autumn sommer winter frühjahr herbst""".split())
_NO_ONE: Final = frozenset("no any every some the this that each which a".split())
_NEVER_ONE: Final = frozenset("no any every some each".split())
# After "that one", "the one": a word that can start a noun phrase makes "one" a count ("that one militia fighter").
_COUNTED_AFTER_ONE: Final = re.compile(r"[ \t]+(?!(?:of|who|which|that|is|was|were|are|has|had|in|on|at|to|and|or|but|"
                                       r"thing|day|time|way|another|more|side)\b)[a-z][a-z-]*\b")
_FULL_MONTHS: Final = frozenset("january february march april may june july august september october november december "
                                "januar februar märz juni juli oktober dezember".split())
_LOWER_AFTER_DOT: Final = re.compile(r"\.\s*[a-zäöüß]")
_MONTHS: Final = frozenset("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz mai juni juli oktober dezember""".split())
_AGE: Final = re.compile(r"[A-ZÄÖÜ][\w'’-]+,\s*$")
_DE_ORDINAL: Final = re.compile(r"\b(?:der|die|das|den|dem|des|am|im|zum|vom|zur|seit dem)\s+$", re.I)
_ONE_AFTER = re.compile(r"\s+another\b", re.I)  # "one of the reasons" stays a figure: only a category word makes it a claim


_SPACED: Final = re.compile(r"\d{1,3}(?:[ \u00a0\u202f'’]\d{3})+")
_GROUPS: Final = re.compile(r"\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:\.\d{3}){2,}")
_THOUSANDS: Final = {"en": re.compile(r"\d{1,3}(?:,\d{3})+"), "de": re.compile(r"\d{1,3}(?:\.\d{3})+")}


def _parse_digits(digits: str, scale: str, language: str) -> int | None:
    if _SPACED.fullmatch(digits):  # "86 000", with a space or a narrow no-break space between the groups
        digits = "".join(digits.split()).replace("'", "").replace("’", "")
    if digits.isdigit():
        number: int | float = int(digits)
    elif _THOUSANDS[language].fullmatch(digits):
        number = int(digits.replace("," if language == "en" else ".", ""))
    elif _GROUPS.fullmatch(digits):
        # "1.128.340" in English, "1,128,340" in German (a quoted source, or a text whose language was guessed
        # wrong): two marks of one kind are groups of thousands, never a decimal.
        number = int(digits.replace(",", "").replace(".", ""))
    else:
        number = float(digits.replace(",", "."))  # a decimal: "1.5", "2,5"
    if scale:
        scale = scale.strip().lower()
        if scale.startswith(("lakh", "crore")):  # South Asian English: 1 lakh = 100,000, 1 crore = 10 million
            number *= 100_000 if scale.startswith("lakh") else 10_000_000
        else:
            number *= 1_000_000_000 if scale.startswith(("b", "mil", "mrd")) and not scale.startswith("mill") else 1_000_000
    elif number != int(number):
        return None  # "1.5" without a scale word is a measure, not a count
    return int(round(number))


_DE_NUMBER_WORD = re.compile(r"(?:ein|eins|zwei|drei|vier|fünf|sechs|sech|sieben|sieb|acht|neun|zehn|elf|zwölf|"
                             r"zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|und|hundert|tausend)+")


@lru_cache(maxsize=4096)
def _parse_words(words: str, language: str) -> int | None:
    """text2num, remembered: the same few number words come back on every page."""
    words = words.lower()
    if language == "de" and "ss" in words:
        words = words.replace("dreissig", "dreißig")  # Swiss spelling
    if language == "de" and (words in ("ein", "eine", "einen", "einem", "einer", "eines", "eins")
                             or not _DE_NUMBER_WORD.fullmatch(words)):
        return None  # the article, or a word that only starts like a number ("Einsatz", "Achtung")
    try:
        return text2num(words.replace("-", " ") if language == "en" else words, language)
    except ValueError:
        return None


def _not_a_count(text: str, start: int, end: int, value: int, digits: bool, language: str) -> bool:
    after = text[end:end + 24]
    first = after[:1]
    if first in _NOT_COUNT_MARKS or (first == "-" and after[1:2].isalpha()):
        return True  # "40%", "nine-storey", "54-year-old"
    nxt = _NEXT_WORD.match(after)
    next_word = nxt.group(1).lower() if nxt else ""
    if next_word in _UNITS or next_word.rstrip(".") in _MONTHS or (next_word in ("per", "a.m", "p.m")):
        return True  # "30 km", "7 October", "5 per cent"
    before = text[max(0, start - 24):start]
    prev = before.rsplit(None, 1)[-1:] if before[-1:].isspace() else []
    if prev and prev[0].rstrip(".").lower() in _MONTHS and not (
            prev[0].endswith(".") and prev[0][:-1].lower() in _FULL_MONTHS):
        return True  # "Feb 11", "October 7"; but "... on 12 March. Two clinics" starts a sentence
    if digits:
        stripped = before.rstrip()
        if stripped[-1:] in "$€£₹" and stripped or before.endswith(("US$", "USD ", "EUR ", "Rs ", "Rs. ", "INR ")):
            return True  # money, not a count
        raw = text[start:end]
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2099:
            counted = nxt and (nxt.group(1)[0].isupper() if language == "de" else nxt.group(1).endswith("s"))
            if (prev and prev[0].lower() in _YEAR_CONTEXT) or not counted:
                return True
        if after.lstrip()[:1] in (",", ")") and _AGE.search(before):
            return True  # "Iryna, 54, who lives ..."
        if language == "de" and first == "." and (_DE_ORDINAL.search(before) or _LOWER_AFTER_DOT.match(after)):
            return True  # "am 7. Oktober", "die 3. Division", "7. des Monats"
    elif value == 1 and ((prev and prev[0].lower() in _NO_ONE and (
            prev[0].lower() in _NEVER_ONE or not _COUNTED_AFTER_ONE.match(after))) or _ONE_AFTER.match(after)):
        return True  # "no one", "the one who", "one of the reasons", "one another"; not "that one militia fighter"
    return False


def _month_after(text: str, end: int) -> bool:
    """A month name right after a range: the range is of days ("3-16 June"), which the single-number check in
    _not_a_count cannot see, as it looks only after the first number of the range."""
    nxt = _NEXT_WORD.match(text, end, end + 24)
    return nxt is not None and nxt.group(1).lower().rstrip(".") in _MONTHS


def _numerals(text: str, language: str, found_anchors: anchors.Anchors):
    """(start, end, value, qualifier, spelled) of every numeral, in order."""
    found = []
    value: int | None
    digit = _DIGIT_FIGURE.match
    last_end = -1
    for pos in found_anchors[anchors.DIGIT]:
        if pos < last_end:
            continue  # a digit inside the number before ("2,500")
        m = digit(text, pos)
        if m is None:
            continue
        last_end = m.end("digits")
        digits, scale = m.group("digits", "scale")
        if scale is None and digits.isdigit():
            value = int(digits)  # the common case, without _parse_digits
        else:
            value = _parse_digits(digits, scale or "", language)
        if value is not None:
            found.append((pos, m.end(), value, EXACT, False))
    skip_until = -1
    word_at = _WORD_SCAN[language].match
    for pos in found_anchors[anchors.NUMBER]:
        m = word_at(text, pos)
        if m is None:
            continue
        start, end = m.start(), m.end()
        if start < skip_until:
            continue
        word = m.group().lower()
        if language == "en":
            if word in ("tens", "hundreds") and _EN_TENS_OF.match(text, end):
                tens_of = _EN_TENS_OF.match(text, end)
                assert tens_of is not None
                end = tens_of.end()
                word = word + " of thousands"
            if word in _VAGUE:
                value, qualifier = _VAGUE[word]
                if word == "dozen":
                    dozens = _dozens(text, start, found)
                    if dozens is None:
                        continue
                    start, value = dozens
                found.append((start, end, value, qualifier, True))
                skip_until = end
                continue
            if word == "tens":
                continue
            while True:
                c = _EN_CONTINUE.match(text, end)
                if not c:
                    break
                end = c.end()
            value = _parse_words(text[start:end], language)
            if value is None:
                value = _parse_words(m.group(), language)
                end = m.end()
        else:
            if word in _VAGUE:
                value, qualifier = _VAGUE[word]
                if word == "dutzend":
                    dozens = _dozens(text, start, found)
                    if dozens is None:
                        continue
                    start, value = dozens
                found.append((start, end, value, qualifier, True))
                continue
            if word in _DE_ARTICLES:
                continue
            value = _parse_words(word, language)
            scale = _SCALE.match(text, end) if value is not None else None
            if scale is not None and value is not None:  # "vier Millionen", "zwei Milliarden"
                value = _parse_digits(str(value), scale.group(), language)
                end = scale.end()
        if value is not None:
            found.append((start, end, value, EXACT, True))
        skip_until = end
    # No two numerals start at one place (a numeral starts at its own anchor, or at the "a" of "a dozen"), so the
    # tuples sort by their start alone.
    found.sort()
    out, last_end = [], -1
    for f in found:
        if f[0] >= last_end:  # "million" of "10 million" is not a numeral of its own
            out.append(f)
            last_end = f[1]
    return out


def _dozens(text: str, start: int, found: list) -> tuple[int, int] | None:
    """Where "a dozen" / "two dozen" / "zwei Dutzend" starts and what it counts; None for a bare "dozen".

    The small numeral before it was found as a figure of its own a moment ago; it is dropped here.
    """
    a = _A_BEFORE.search(text, max(0, start - 4), start)
    if a is not None:
        return a.start(), 12
    m = _TIMES_DOZEN.search(text, max(0, start - 8), start)
    if m is None:
        return None
    word = m.group("w")
    factor = int(m.group("n")) if word is None else _parse_words(word, "en") or _parse_words(word, "de")
    assert factor is not None  # every word _TIMES_DOZEN matches is a number word of one of the two languages
    found[:] = [f for f in found if f[0] != m.start()]
    return m.start(), 12 * factor


def find_figures(text: str, language: str = "en", found_anchors: anchors.Anchors | None = None) -> list[Figure]:
    """Every count in `text`, in order, with its qualifier; ranges ("10 to 15") are one figure."""
    if found_anchors is None:
        found_anchors = anchors.find_anchors(text, language)
    figures: list[Figure] = []
    skip_until = -1
    for start, end, value, qualifier, spelled in _numerals(text, language, found_anchors):
        if start < skip_until:
            continue
        if _not_a_count(text, start, end, value, not spelled, language):
            continue
        # A range: "10 to 15", "between 10 and 15", "zwischen 10 und 15", "10-15".
        peek = text[end:end + 6]
        r = _RANGE_AFTER.match(text, end) if ("-" in peek or "–" in peek or "to " in peek or "and " in peek
                                              or "bis " in peek or "und " in peek) else None
        between = _BETWEEN_BEFORE.search(text, max(0, start - 12), start) if r else None
        if r and qualifier == EXACT:
            word = r.group(1)
            high = (_parse_digits(word, "", language) if word[0].isdigit() and _DIGITS_ONLY.fullmatch(word)
                    else _parse_words(word, language) if not word[0].isdigit() else None)
            joined_by_and = _AND.match(text, end, r.end()) is not None
            if high is not None and high > value and (between or not joined_by_and):
                qualifier = f"between {value:,} and {high:,}"
                skip_until = r.end()
                end = r.end()
                if _month_after(text, end):
                    continue  # "3–16 June", "between 8 and 12 June": a span of days, not a count
        ranged = qualifier.startswith("between")
        fig_start = between.start() if between and ranged else start
        another = False
        if not ranged:
            q = _words_before(text, start)
            if q:
                fig_start = q[0]
                if q[1] in _ANOTHER:
                    another = True
                elif qualifier == EXACT:
                    qualifier = _QUALIFIERS[q[1]]
        figures.append(Figure(fig_start, end, start, value, qualifier, another, spelled))
    return figures
