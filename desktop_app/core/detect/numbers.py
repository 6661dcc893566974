"""Figures as reporters write them: "24", "2,500", "350.000", "10 million", "three", "thirty-seven",
"dreiundzwanzig", "a dozen", "dozens", "Hunderte", with the qualifier in front ("at least", "mehr als").

Spelled-out numbers are read by text2num; this module finds where they are and
leaves out what only looks like a count (dates, times, ages, years, measures, money).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

EXACT = "exact"


@dataclass(frozen=True, slots=True)
class Figure:
    start: int          # where the figure begins, its qualifier ("at least", "another") included
    end: int            # end of the numeral (a scale word such as "million" included)
    value_start: int    # where the numeral itself begins
    value: int          # the count, or the lower bound of a range or vague quantity
    qualifier: str      # exact, at least, more than, about, up to, fewer than, dozens, ..., "between 10 and 15"
    another: bool = False  # "another 24", "a further 3": the who of an earlier figure applies
    spelled: bool = False  # written in words


_EN_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_EN_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_EN_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_EN_WORD = rf"(?:(?:{_EN_TENS})(?:[- ](?:{_EN_UNITS}))?|{_EN_TEENS}|{_EN_UNITS}|hundred|thousand|million|billion)"
_EN_NUMERAL = rf"{_EN_WORD}(?:(?:\s+|-|(?:(?<=hundred)|(?<=thousand))\s+and\s+){_EN_WORD})*"
_DE_NUMERAL = r"[a-zäöüß]*(?:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zig|ßig|hundert|tausend)"
_SCALE = r"(?:\s*(?:million|billion|bn|Millionen|Million|Milliarden|Milliarde|Mio\.|Mrd\.))?"
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?"

_VAGUE = {
    "tens of thousands": (20000, "tens of thousands"), "hundreds of thousands": (200000, "hundreds of thousands"),
    "dozens": (24, "dozens"), "hundreds": (200, "hundreds"), "thousands": (2000, "thousands"),
    "millions": (2000000, "millions"), "a dozen": (12, EXACT), "zehntausende": (20000, "tens of thousands"),
    "hunderttausende": (200000, "hundreds of thousands"), "dutzende": (24, "dozens"), "dutzenden": (24, "dozens"),
    "hunderte": (200, "hundreds"), "hunderten": (200, "hundreds"), "tausende": (2000, "thousands"),
    "tausenden": (2000, "thousands"), "ein dutzend": (12, EXACT),
}
_EN_VAGUE = r"(?i:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|hundreds|thousands|millions|a\s+dozen)"
_DE_VAGUE = r"(?:Zehntausende|Hunderttausende|Dutzenden?|Hunderten?|Tausenden?|[Ee]in\s+Dutzend)"

_NUMERAL = {
    "en": re.compile(rf"(?<![\w.,/:-])(?P<d>{_DIGITS})(?![\w:/]|[.,]\d)(?P<scale>{_SCALE})"
                     rf"|\b(?P<v>{_EN_VAGUE})\b|\b(?P<w>(?i:{_EN_NUMERAL}))\b"),
    "de": re.compile(rf"(?<![\w.,/:-])(?P<d>{_DIGITS})(?![\w:/]|[.,]\d)(?P<scale>{_SCALE})"
                     rf"|\b(?P<v>{_DE_VAGUE})\b|\b(?P<w>(?i:{_DE_NUMERAL}))\b"),
}

_QUALIFIERS = {
    "at least": "at least", "more than": "more than", "over": "more than", "above": "more than",
    "upwards of": "more than", "up to": "up to", "as many as": "up to", "at most": "up to", "no more than": "up to",
    "fewer than": "fewer than", "less than": "fewer than", "nearly": "about", "almost": "about", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about", "close to": "about",
    "an estimated": "about", "estimated": "about", "mindestens": "at least", "wenigstens": "at least",
    "mehr als": "more than", "über": "more than", "bis zu": "up to", "höchstens": "up to", "rund": "about",
    "etwa": "about", "ungefähr": "about", "circa": "about", "ca.": "about", "knapp": "about", "fast": "about",
    "beinahe": "about", "annähernd": "about", "schätzungsweise": "about", "weniger als": "fewer than",
}
_QUALIFIER_BEFORE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(q) for q in _QUALIFIERS), key=len, reverse=True)) + r")\s+$", re.I)
_ANOTHER_BEFORE = re.compile(r"\b(another|a further|a total of|insgesamt|weitere)\s+$", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|and|bis|und)\s*(\d[\d,.]*|[a-zäöüß-]+)", re.I)
_BETWEEN_BEFORE = re.compile(r"\b(between|zwischen)\s+$", re.I)

_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember")
_MONTH_AFTER = re.compile(rf"\.?\s+(?:{_MONTHS})\b")
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+$")
_NOT_A_COUNT_AFTER = re.compile(
    r"-[^\W\d]|\s*(?:%|‰|°|per\s*cent\b|percent\b|Prozent\b|km\b|kilomet(?:re|er)s?\b|Kilometer\b|miles?\b|"
    r"met(?:re|er)s?\b|Meter\b|m\b|kg\b|tonnes?\b|tons?\b|Tonnen\b|GMT\b|UTC\b|[ap]\.?m\b|Uhr\b|o'clock\b|"
    r"hours?\b|minutes?\b|seconds?\b|days?\b|weeks?\b|months?\b|years?\b|decades?\b|Stunden\b|Minuten\b|"
    r"Sekunden\b|Tagen?\b|Wochen\b|Monaten?\b|Jahren?\b|Jahrzehnten?\b|times\b|mal\b|dollars?\b|euros?\b|Euro\b|"
    r"Dollar\b|pounds?\b|US-Dollar\b|jährige|-jährige)", re.I)
_MONEY_BEFORE = re.compile(r"[$€£]\s*$|\b(?:US\$|USD|EUR)\s*$")
_YEAR_CONTEXT_BEFORE = re.compile(r"\b(?:in|since|of|until|by|from|to|im|seit|bis|von|Jahr|year|Ende|Anfang|Mitte|"
                                  r"early|late|mid|summer|winter|spring|autumn|Sommer|Winter|Frühjahr|Herbst)\s+$", re.I)
_AGE = re.compile(r"[A-ZÄÖÜ][\w'’-]+,\s*$")
_NO_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|the|this|that|each|which|no-|a)\s*$", re.I)
_DE_ORDINAL = re.compile(r"\b(?:der|die|das|den|dem|des|am|im|zum|vom|zur|seit dem)\s+$", re.I)
_ONE_AFTER = re.compile(r"\s+(?:another|of\s+(?:the|those|these|its|his|her|their|our)\b(?!\s+(?:dead|injured|wounded|victims)))", re.I)


def _parse_digits(digits: str, scale: str, language: str) -> int | None:
    if language == "de":
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits):
            number = float(digits.replace(".", ""))
        else:
            number = float(digits.replace(",", "."))
    else:
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
            number = float(digits.replace(",", ""))
        else:
            number = float(digits.replace(",", "."))
    scale = scale.strip().lower()
    if scale:
        number *= 1_000_000_000 if scale.startswith(("b", "mil", "mrd")) and not scale.startswith("mill") else 1_000_000
    elif number != int(number):
        return None  # "1.5" without a scale word is a measure, not a count
    return int(round(number))


def _parse_words(words: str, language: str) -> int | None:
    words = words.lower()
    if language == "de" and words in ("ein", "eine", "einen", "einem", "einer", "eines", "eins"):
        return None  # the article, not a count
    try:
        return text2num(words.replace("-", " ") if language == "en" else words, language)
    except ValueError:
        return None


def _not_a_count(text: str, start: int, end: int, value: int, digits: bool, language: str) -> bool:
    after = text[end:end + 24]
    before = text[max(0, start - 24):start]
    if _NOT_A_COUNT_AFTER.match(after) or _MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before):
        return True
    if digits:
        if _MONEY_BEFORE.search(before):
            return True
        raw = text[start:end]
        if raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2099:
            nxt = re.match(r"\s+([^\W\d]+)", after)
            counted = nxt and (nxt.group(1)[0].isupper() if language == "de" else nxt.group(1).endswith("s"))
            if _YEAR_CONTEXT_BEFORE.search(before) or not counted:
                return True
        if _AGE.search(before) and after.lstrip().startswith((",", ")")):
            return True  # "Iryna, 54, who lives ..."
        if language == "de" and after.startswith(".") and (_DE_ORDINAL.search(before) or re.match(r"\.\s*[a-zäöüß]", after)):
            return True  # "am 7. Oktober", "die 3. Division", "7. des Monats"
    elif value == 1 and (_NO_ONE_BEFORE.search(before) or _ONE_AFTER.match(after)):
        return True  # "no one", "one of the reasons", "one another"
    return False


def find_figures(text: str, language: str = "en") -> list[Figure]:
    """Every count in `text`, in order, with its qualifier; ranges ("10 to 15") are one figure."""
    figures: list[Figure] = []
    skip_until = -1
    for m in _NUMERAL[language].finditer(text):
        if m.start() < skip_until:
            continue
        start, end = m.start(), m.end()
        qualifier = EXACT
        spelled = m.group("d") is None
        if m.group("d") is not None:
            value = _parse_digits(m.group("d"), m.group("scale") or "", language)
        elif m.group("v") is not None:
            key = re.sub(r"\s+", " ", m.group("v").lower())
            value, qualifier = _VAGUE[key]
        else:
            value = _parse_words(m.group("w"), language)
        if value is None or _not_a_count(text, start, end, value, not spelled, language):
            continue
        # A range: "10 to 15", "between 10 and 15", "zwischen 10 und 15", "10-15".
        between = _BETWEEN_BEFORE.search(text, max(0, start - 12), start)
        r = _RANGE_AFTER.match(text, end)
        if r and qualifier == EXACT:
            word = r.group(1)
            high = (_parse_digits(word, "", language) if word[0].isdigit() and re.fullmatch(_DIGITS, word)
                    else _parse_words(word, language) if not word[0].isdigit() else None)
            joined_by_and = re.match(r"\s*(?:and|und)\b", text[end:r.end()], re.I) is not None
            if high is not None and high > value and (between or not joined_by_and):
                qualifier = f"between {value:,} and {high:,}"
                skip_until = r.end()
                end = r.end()
        fig_start = between.start() if between and qualifier.startswith("between") else start
        another = False
        if not qualifier.startswith("between"):
            window = text[max(0, start - 30):start]
            q = _QUALIFIER_BEFORE.search(window)
            if q:
                found = _QUALIFIERS[q.group(1).lower()]
                if qualifier == EXACT:
                    qualifier = found
                fig_start = start - (len(window) - q.start())
            a = _ANOTHER_BEFORE.search(text, max(0, fig_start - 14), fig_start)
            if a:
                another = True
                fig_start = a.start()
        figures.append(Figure(fig_start, end, start, value, qualifier, another, spelled))
    return figures
