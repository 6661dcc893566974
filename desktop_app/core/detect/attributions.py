"""Attributions: the words that say whose information a passage is ("according to the US",
"Iraqi security sources reported", "a representative of the Interior Ministry said",
"claimed by the Islamic Resistance", "laut", "nach Angaben von", "wie ... mitteilte").

A reporting clause that only frames a direct quote ('"...," Austin continued') is the
quote's speaker, not an attribution of its own; quotes.py reports those clauses and
they are left out here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Document
from .lexicon import STOPWORDS, TOKEN
from .reporting import REPORTING, SOURCE_NOUNS, person_name, subject_after, subject_before

_CUES = {
    "en": re.compile(r"\b(?:according\s+to|citing|as\s+reported\s+by)\s+", re.I),
    "de": re.compile(r"\b(?:laut|nach\s+(?:eigenen\s+)?Angaben(?:\s+(?:von|vom))?|zufolge|unter\s+Berufung\s+auf)\s+",
                     re.I),
}
_PASSIVE = re.compile(r"\b(?:(?:has|have|had|was|were|is|are)\s+(?:\w+ly\s+)?been\s+|(?:was|were|is|are)\s+)?"
                      r"(?:claimed|reported|confirmed|announced|denied|registered|recorded)\s+by\s+", re.I)
_OWN_ACCOUNT = re.compile(r"\s+nach\s+eigenen\s+Angaben\b|\s+by\s+its\s+own\s+(?:count|account)\b", re.I)
_DE_INVERTED_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?=(?:der|die|das|ein|eine|einer)\s)")
_EVIDENCE_OF = re.compile(r"^(?:(?:the\s+|an?\s+)?(?:estimates?|figures?|data|reports?|statements?|count|tally|"
                          r"Angaben|Schätzungen|Zahlen)\s+(?:by|from|of|von|des|der)\s+)", re.I)
_WIE = re.compile(r"^[Ww]ie\s+")
_EN_ADVERBS = frozenset("also later previously then earlier separately repeatedly reportedly initially".split())
_DE_ADVERBS = frozenset("auch zudem später außerdem bereits".split())


@dataclass(slots=True)
class Attribution:
    start: int
    end: int
    source: str | None   # as written until resolved ("he", "the ministry")
    source_pos: int
    confidence: float


def _np_after_cue(text: str, pos: int, hi: int, language: str) -> tuple[int, str] | None:
    """The source named after "according to" / "laut": "the local resistance committee", "der Armee"."""
    stop = STOPWORDS[language] - {"the", "of", "a", "an", "by", "for", "der", "des", "die", "das", "dem", "den",
                                  "ein", "eine", "einer", "eines", "einem", "von", "vom"}
    end = pos
    n = 0
    for t in TOKEN.finditer(text, pos, hi):
        w, lw = t.group(), t.group().lower()
        if not w[0].isalpha() or (lw in stop and not w.isupper()) or n >= 8:
            break
        if language == "de" and w[0].islower() and lw not in ("der", "des", "die", "das", "dem", "den", "ein",
                                                             "eine", "einer", "eines", "einem", "von", "vom") \
                and not re.search(r"(?:e|en|er|es|em)$", lw):
            break
        if language == "de" and lw in ("mindestens", "mehr", "rund", "etwa", "wurden", "wurde", "sind", "waren",
                                       "seien", "haben", "hatten", "ist", "hat"):
            break
        n += 1
        end = t.end()
    phrase = text[pos:end]
    while phrase and phrase.split()[-1].lower() in ("the", "of", "a", "an", "by", "for", "der", "des", "die",
                                                     "das", "dem", "den", "ein", "eine", "einer", "von", "vom"):
        phrase = phrase.rsplit(None, 1)[0] if " " in phrase else ""
    if not phrase:
        return None
    return pos + len(phrase), phrase


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def find_attributions(doc: Document, quote_clauses: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions in text order (sources as written; reporting.SourceBook names them)."""
    text, lang = doc.text, doc.language
    found: list[Attribution] = []
    for m in _CUES[lang].finditer(text):
        _, sent_end = doc.sentence(m.start())
        if m.group().strip().lower() == "zufolge":
            subj = subject_before(text, m.start(), doc.sentence(m.start())[0], lang)
            if subj:
                found.append(Attribution(subj[0], m.end() - 1, subj[1], subj[0], 0.8))
            continue
        np = _np_after_cue(text, m.end(), sent_end, lang)
        if np is None:
            if "eigenen" in m.group():
                continue  # handled with its subject below
            continue
        found.append(Attribution(m.start(), np[0], _EVIDENCE_OF.sub("", np[1]), m.end(), 0.85))
    adverbs = _EN_ADVERBS if lang == "en" else _DE_ADVERBS
    for v in REPORTING[lang].finditer(text):
        if _overlaps((v.start(), v.end()), quote_clauses):
            continue
        sent_start, sent_end = doc.sentence(v.start())
        head = v.start()
        # "The ministry also claimed": the adverb sits between subject and verb.
        prev = list(TOKEN.finditer(text, max(sent_start, head - 20), head))
        if prev and prev[-1].group().lower() in adverbs:
            head = prev[-1].start()
        subj = subject_before(text, head, sent_start, lang)
        start, end, source, where, confidence = None, v.end(), None, None, 0.8
        if subj:
            start, source, where = subj[0], subj[1], subj[0]
            if lang == "de":
                w = _WIE.match(source)
                if w:
                    source = source[w.end():]
                    confidence = 0.85
        elif lang == "de":
            gap = _DE_INVERTED_GAP.match(text, v.end(), sent_end)
            after = subject_after(text, gap.end() if gap else v.end(), sent_end, lang)
            if after and after[0] - v.end() < 60 and (gap or person_name(after[1])[0]):
                start, end, source, where = v.start(), after[0], after[1], v.end()
        elif re.search(r",\s*$", text[max(sent_start, v.start() - 3):v.start()]):
            after = subject_after(text, v.end(), sent_end, lang)  # "..., said the ministry."
            if after:
                start, end, source, where = v.start(), after[0], after[1], v.end()
        if start is None or not source:
            continue
        if source.split()[-1].lower() not in SOURCE_NOUNS and not any(w[0].isupper() for w in source.split()):
            continue
        own = _OWN_ACCOUNT.match(text, end)
        if own:
            end = own.end()
        found.append(Attribution(start, end, source, where, confidence))
    for m in _PASSIVE.finditer(text):
        _, sent_end = doc.sentence(m.start())
        after = subject_after(text, m.end(), sent_end, lang)
        if after:
            found.append(Attribution(m.start(), after[0], after[1], m.end(), 0.8))
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Attribution] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue  # the same attribution seen by two rules
        if _overlaps((a.start, a.end), quote_clauses):
            continue
        out.append(a)
    return out
