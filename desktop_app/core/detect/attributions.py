"""Attributions: the words that say whose information a passage is ("according to the US",
"Iraqi security sources reported", "a representative of the Interior Ministry said",
"claimed by the Islamic Resistance", "laut", "nach Angaben von", "wie ... mitteilte").

A reporting clause that only frames a direct quote ('"...," Austin continued') is the
quote's speaker, not an attribution of its own; speakers.py reports those clauses and
they are left out here.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from . import anchors
from .document import Document
from .lexicon import STOPWORDS, TOKEN
from .reporting import (PLURAL_ONLY_VERBS, POSTMODIFIER_START, PRONOUNS, REPORTING, SOURCE_NOUNS, person_name,
                        subject_after, subject_before, verb_subject)

_CUES: Final = {
    "en": re.compile(r"\b(?:[Aa]ccording\s+to|[Cc]iting|[Aa]s\s+reported\s+by)\s+"),
    "de": re.compile(r"\b(?:[Ll]aut\s+Angaben(?:\s+(?:von|vom))?|[Ll]aut|[Gg]emä(?:ß|ss)|"
                     r"[Nn]ach\s+(?:eigenen\s+)?Angaben(?:\s+(?:von|vom))?|zufolge|[Uu]nter\s+Berufung\s+auf|"
                     r"[Nn]ach(?=\s+[\w-]+[Aa]ngaben\b)|[Nn]ach\s+(?!eigenen\b)(?P<adjective>[a-zäöü]+e[nr])\s+(?P<basis>Angaben|Zählung|Darstellung)(?=[\s,.;])|"
                     r"[Nn]ach\s+(?:den\s+)?(?:jüngsten\s+|neuesten\s+|ersten\s+|vorläufigen\s+)?(?:Zahlen|Schätzungen|"
                     r"Einschätzung|Informationen|Erkenntnissen|Daten|Zählung)(?=\s+(?:der|des|von|[a-zäöü]+er)\s)|"
                     r"(?<=,\s)so(?=\s+(?:die|der|das)\s))\s+"),
}
anchors.register("en", anchors.CUE, "according According citing Citing as As".split())
anchors.register("de", anchors.CUE, "laut Laut nach Nach zufolge unter Unter so gemäss Gemäss gemäß Gemäß".split())
_PASSIVE: Final = re.compile(r"\b(?:claimed|reported|confirmed|announced|denied|registered|recorded|cited|rejected)"
                             r"\s+by\s+")
_PASSIVE_AUX: Final = re.compile(r"\b(?:(?:has|have|had|was|were|is|are)\s+(?:\w+ly\s+)?been|was|were|is|are)\s+$",
                                  re.I)
_OWN_ACCOUNT: Final = re.compile(r"\s+nach\s+eigenen\s+Angaben\b|\s+by\s+its\s+own\s+(?:count|account)\b|"
                                 r"\s+(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity\b", re.I)
# Whom a source told: "told Citadel Radio", "told our correspondent", "told partners" (up to a few words).
_TOLD: Final = frozenset("told tells tell".split())
_TOLD_OBJECT_WORDS: Final = frozenset("the our a an his her their its local state foreign international".split())
MAX_TOLD_OBJECT_WORDS: Final = 4
# "Most were claimed by", "Most of them were claimed by": a quantifier is the subject of the passive.
_QUANTIFIER_SUBJECT: Final = re.compile(r"(?:Most|Many|Some|All|Several|Both|Few|Each|None|Half)"
                                        r"(?:\s+of\s+(?:them|these|those))?\s+")
# "a coalition of factions calling itself the Islamic Resistance": the name it goes by is the source.
_CALLING_ITSELF: Final = re.compile(r"\s+(?:calling\s+(?:itself|themselves)|which\s+calls\s+itself|known\s+as)\s+")
# Verbs that report only when what is reported follows: "declared that ...", "added: ...".
_RELEASED: Final = frozenset("posted released issued published".split())
_RELEASES: Final = frozenset("statement video message post report footage letter".split())
_REPORT_ONLY_WITH_CONTENT: Final = frozenset("continued declared added asked".split())
_CONTENT_AFTER: Final = re.compile(r"\s*[,:\"“‘]|\s+that\b")
# The source cited in square brackets at the end of a sentence, as monitors and briefs do.
_BRACKET_SOURCE: Final = re.compile(r"\[([A-Za-zÄÖÜ][^\[\]\n\d]{1,60})\](?=[ \t]*(?:[.;]|$))", re.M)
_DE_HEARD_FROM: Final = re.compile(r"\s+(?:aus|von|vom|bei|im)\s+(?:dem|der|den|des)?\s*")
_DE_SINGLE_NAME_AFTER: Final = re.compile(r"\s+([A-ZÄÖÜ][a-zäöüß]+)(?=[.,;]|\s*$)")


def _named_in_full_before(text: str, surname: str, before: int) -> str | None:
    """The full name `surname` ended earlier in the text ("Hanna Lindqvist ... sagt Lindqvist"), if any."""
    pos = text.find(" " + surname, 0, before)
    while pos > 0:
        first = text.rfind(" ", 0, pos) + 1
        given = text[first:pos]
        after = pos + 1 + len(surname)
        if given[:1].isupper() and given.isalpha() and (after == len(text) or not text[after].isalnum()):
            return given + " " + surname
        pos = text.find(" " + surname, pos + 1, before)
    return None


_DE_PRONOUN_AFTER: Final = re.compile(r"\s+(er|sie)\b")
_DE_INVERTED_GAP: Final = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?=(?:der|die|das|ein|eine|einer)\s)")
_EVIDENCE_OF: Final = re.compile(r"^(?:(?:the\s+|an?\s+)?(?:estimates?|figures?|data|reports?|statements?|count|tally|"
                                 r"Angaben|Schätzungen|Zahlen)\s+(?:by|from|of|von|des|der)\s+)", re.I)
_WIE: Final = re.compile(r"^[Ww]ie\s+")
_WIE_BEFORE: Final = re.compile(r"\bwie\s+$", re.I)
_COMMA_BEFORE: Final = re.compile(r",\s*$")
# The outlet a German source spoke to, after the source: "sagte Ahmad Moussa | dem Sender Al-Dschadid".
_DE_MEDIUM_AFTER: Final = re.compile(r"\s+(?:dem|der)\s+(?:[\w-]+\s+)?(?:Sender|Zeitung|Nachrichtenagentur|Agentur|"
                                     r"Fernsehsender|Radiosender|Rundfunk|Magazin|Wochenzeitung|Tageszeitung|Portal)"
                                     r"(?:\s+[„\"»]?[A-ZÄÖÜ][\w-]*(?:\.[\w-]+)*[“\"«]?){0,3}")
# Who the person named after an inverted verb is, up to the end of the sentence: "said Adrienne Watson, a spokeswoman
# for the National Security Council." (not a clause: no verb in it).
_WHO_AFTER_NAME: Final = re.compile(r",\s+(?:the|a|an)\s+[^,;:.!?\n\"“”„«»()]{3,80}"
                                    r"(?=\.(?:\s|$)|\n|$|,\s+(?:where|which|who|whose|when)\b)")
_VERB_IN_DESCRIPTION: Final = re.compile(r"\b(?:is|was|were|are|has|had|have|who|which|that|said|says|told|added|"
                                         r"when|while|after|before|because)\b")
_ANGABEN: Final = re.compile(r"-?[Aa]ngaben$")
_DE_ENDINGS: Final = ("e", "en", "er", "es", "em")


@dataclass(slots=True, init=False)
class Attribution:
    start: int
    end: int
    source: str | None   # as written until resolved ("he", "the ministry")
    source_pos: int
    confidence: float

    def __init__(self, start: int, end: int, source: str | None, source_pos: int, confidence: float) -> None:
        """Written out (init=False): compiled (setup.py), this runs as C; a generated one would run as Python."""
        self.start = start
        self.end = end
        self.source = source
        self.source_pos = source_pos
        self.confidence = confidence


# Function words that end a source named after a cue; articles and "of" belong to it ("the Ministry of Health").
_STOP_IN_SOURCE: Final = {language: words - {"the", "of", "a", "an", "by", "for", "from", "der", "des", "die", "das",
                                             "dem", "den", "ein", "eine", "einer", "eines", "einem", "von", "vom"}
                          for language, words in STOPWORDS.items()}


_AND: Final = {"en": frozenset(["and"]), "de": frozenset(["und"])}
_JOINED_DETERMINERS: Final = frozenset("the a an der die das den dem des ein eine einer eines einem".split())


def _joined_source(text: str, pos: int, hi: int, language: str) -> int | None:
    """Where a second source joined by "and" to the one before a cue ends ("survivors | and a village elder"), or
    None when what follows "and" is no source ("the UN | and the death toll rose")."""
    stop = STOPWORDS[language]
    end = None
    for n, t in enumerate(TOKEN.finditer(text, pos, hi)):
        w = t.group()
        lw = w.lower()
        if n and (not w[0].isalpha() or lw in stop):
            return end  # the phrase ends at a comma, a full stop or a function word ("who", "that", "seien")
        if n == 4 or not w[0].isalpha():
            return None
        if lw in _JOINED_DETERMINERS or (lw not in stop and (w[0].isupper() or language == "en")):
            end = t.end() if (w[0].isupper() or lw in SOURCE_NOUNS) else None
            continue
        return None
    return end


def _np_after_cue(text: str, pos: int, hi: int, language: str) -> tuple[int, str] | None:
    """The source named after "according to" / "laut": "the local resistance committee", "der Armee"."""
    stop = _STOP_IN_SOURCE[language]
    end = pos
    n = 0
    for t in TOKEN.finditer(text, pos, hi):
        w = t.group()
        lw = w.lower()
        if n and lw in _AND[language]:
            joined = _joined_source(text, t.end(), hi, language)
            if joined is not None:  # "according to survivors and a village elder"
                end = joined
            break
        if not w[0].isalpha() or (lw in stop and not w.isupper()) or n >= 8:
            break
        if language == "de" and w[0].islower() and lw not in ("der", "des", "die", "das", "dem", "den", "ein",
                                                             "eine", "einer", "eines", "einem", "von", "vom") \
                and not lw.endswith(_DE_ENDINGS):
            break
        if language == "de" and lw in ("mindestens", "mehr", "rund", "etwa", "wurden", "wurde", "sind", "waren",
                                       "seien", "haben", "hatten", "ist", "hat"):
            break
        if language == "de" and n and w[0].islower() and lw not in _DE_IN_SOURCE and text[end - 1:end].isalpha() \
                and text[max(pos, text.rfind(" ", pos, end) + 1):end][:1].isupper():
            break  # "Gemäss der Gesundheitsbehörde des Gliedstaats | starben 14": a verb after the noun
        n += 1
        end = t.end()
        if n == 1 and lw.endswith("angaben"):
            break  # "nach Armeeangaben": the source is inside the word
    phrase = text[pos:end]
    while phrase and phrase.split()[-1].lower() in ("the", "of", "a", "an", "by", "for", "der", "des", "die",
                                                     "das", "dem", "den", "ein", "eine", "einer", "von", "vom"):
        phrase = phrase.rsplit(None, 1)[0] if " " in phrase else ""
    if not phrase:
        return None
    return pos + len(phrase), phrase


_PLURALS: Final = frozenset("police people staff military taliban".split())
_DE_IN_SOURCE: Final = frozenset("der des die das dem den ein eine einer eines einem von vom für aus in im".split())


def _head(words: list[str]) -> str:
    """The head noun of a source phrase: the word before a modifier ("residents | of communities ...")."""
    for k in range(1, len(words)):
        if words[k].lower() in POSTMODIFIER_START:
            return words[k - 1]
    return words[-1]


def _told_object_end(text: str, pos: int, hi: int, language: str) -> int:
    """End of the object of "told": the outlet or people told."""
    stop = STOPWORDS[language]
    end, n = pos, 0
    for t in TOKEN.finditer(text, pos, min(hi, pos + 60)):
        w, lw = t.group(), t.group().lower()
        if not w[0].isalpha() or n >= MAX_TOLD_OBJECT_WORDS or (lw in stop and lw not in _TOLD_OBJECT_WORDS):
            break
        n += 1
        if lw not in _TOLD_OBJECT_WORDS:
            end = t.end()
    return end


class _Spans:
    """Sorted, non-overlapping spans (the quotes' reporting clauses) with a fast overlap test."""

    def __init__(self, spans: list[tuple[int, int]]):
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1)
        return i > 0 and self._spans[i - 1][1] > start


def _de_source_after(text: str, verb: str, verb_start: int, verb_end: int, sent_start: int,
                     sent_end: int) -> tuple[int, str, int] | None:
    """(end, source, where) of a German source named after its reporting verb, or None; the first of these that
    fits: "sagte der Sprecher", "teilte Militärgouverneur Wadym Kowaltschuk am Abend mit" (inside the separable
    verb), "hieß es aus dem Ministerium", "sagt Lindqvist" (a surname named in full before), "…, erklärte er"."""
    gap = _DE_INVERTED_GAP.match(text, verb_end, sent_end)
    after = subject_after(text, gap.end() if gap else verb_end, sent_end, "de")
    if after and after[0] - verb_end < 60 and (gap or person_name(after[1])[0]):
        return after[0], after[1], verb_end
    first_word_end = verb_start + len(verb.split(None, 1)[0])
    if after is None and first_word_end < verb_end:
        gap = _DE_INVERTED_GAP.match(text, first_word_end, verb_end)
        inner = subject_after(text, gap.end() if gap else first_word_end, verb_end, "de")
        if inner is not None and (gap or person_name(inner[1])[0] or inner[1].isupper()):  # "teilte OCHA mit"
            return verb_end, inner[1], first_word_end
    heard = _DE_HEARD_FROM.match(text, verb_end) if verb.endswith(" es") else None
    if heard is not None:
        source = subject_after(text, heard.end(), sent_end, "de")
        if source is not None:
            return source[0], source[1], verb_end
    single = _DE_SINGLE_NAME_AFTER.match(text, verb_end)
    full = _named_in_full_before(text, single.group(1), verb_start) if single is not None else None
    if single is not None and full is not None:
        return single.end(1), full, verb_end
    pronoun = _DE_PRONOUN_AFTER.match(text, verb_end) if after is None else None
    if pronoun and _COMMA_BEFORE.search(text, max(sent_start, verb_start - 3), verb_start):
        return pronoun.end(), pronoun.group(1), verb_end
    return None


def find_attributions(doc: Document, quote_clauses: list[tuple[int, int]]) -> list[Attribution]:
    """Attributions in text order (sources as written; reporting.SourceBook names them)."""
    text, lang = doc.text, doc.language
    clauses = _Spans(quote_clauses)
    found: list[Attribution] = []
    source: str | None
    found_anchors = doc.anchors
    for m in anchors.matches_at(_CUES[lang], text, found_anchors[anchors.CUE]):
        cue_start, cue_end = m.span()
        sent_start, sent_end = doc.sentence(cue_start)
        if m.group().strip().lower() == "zufolge":
            subj = subject_before(text, cue_start, sent_start, lang)
            if subj:
                found.append(Attribution(subj[0], cue_end - 1, subj[1], subj[0], 0.8))
            continue
        adjective = m.group("adjective") if lang == "de" else None
        if adjective:  # "nach ukrainischen Angaben": the adjective names the source
            found.append(Attribution(cue_start, m.end("basis"), adjective[:-1] + " Seite",
                                     m.start("adjective"), 0.75))
            continue
        np = _np_after_cue(text, cue_end, sent_end, lang)
        if np is None and lang == "de" and "eigenen" in m.group():
            # "Das Kismayo General Hospital nahm nach eigenen Angaben 86 Verletzte auf": the subject of the verb
            # before the cue is the source (after a reporting verb the rule below takes it with the verb).
            verb_start = text.rfind(" ", sent_start, cue_start - 1) + 1
            subj = subject_before(text, verb_start, sent_start, lang) if verb_start > sent_start else None
            if subj:
                found.append(Attribution(subj[0], cue_start + len(m.group().rstrip()), subj[1], subj[0], 0.8))
            continue
        if np is None:
            continue  # "nach eigenen Angaben" is taken with its subject below
        source = _EVIDENCE_OF.sub("", np[1])
        source = _ANGABEN.sub("", source) or source  # "Armeeangaben", "UN-Angaben"
        found.append(Attribution(cue_start, np[0], source[:1].upper() + source[1:] if lang == "de" else source,
                                 cue_end, 0.85))
    verbs = found_anchors[anchors.VERB]
    overlaps_clause = clauses.overlaps if quote_clauses else None
    for v in anchors.matches_at(REPORTING[lang], text, verbs):
        verb_start, verb_end = v.span()
        if overlaps_clause is not None and overlaps_clause(verb_start, verb_end):
            continue
        if lang == "en" and text.startswith(" by ", verb_end):
            continue  # "claimed by the Islamic Resistance": the passive rule below
        sent_start, sent_end = doc.sentence(verb_start)
        subj = verb_subject(doc, verb_start, sent_start)  # before "has just said", "also claimed"
        start: int | None
        where: int | None
        start, end, source, where, confidence = None, verb_end, None, None, 0.8
        if subj:
            start, source, where = subj[0], subj[1], subj[0]
            if lang == "de":
                w = _WIE.match(source)
                if w:
                    source = source[w.end():]
                    confidence = 0.85
                elif _WIE_BEFORE.search(text, max(sent_start, start - 5), start):
                    start = text.rfind("wie", sent_start, start) if text.rfind("wie", sent_start, start) >= 0 \
                        else text.rfind("Wie", sent_start, start)
                    confidence = 0.85
        elif lang == "de":
            named_after = _de_source_after(text, v.group(), verb_start, verb_end, sent_start, sent_end)
            if named_after is not None:
                start = verb_start
                end, source, where = named_after
                medium = _DE_MEDIUM_AFTER.match(text, end, sent_end)
                if medium is not None:
                    end = medium.end()  # "sagte Ahmad Moussa dem Sender Al-Dschadid"
        elif _COMMA_BEFORE.search(text, max(sent_start, verb_start - 3), verb_start):
            after = subject_after(text, verb_end, sent_end, lang)  # "..., said the ministry."
            if after:
                start, end, source, where = verb_start, after[0], after[1], verb_end
                described = _WHO_AFTER_NAME.match(text, end, sent_end)
                if described is not None and not _VERB_IN_DESCRIPTION.search(described.group()):
                    end = described.end()  # "said Dr. Yahya al-Mahdi, the director of Al-Jumhuri Hospital in Saada"
        if start is None or not source:
            continue
        if source.lower() in PRONOUNS[lang]:
            before = anchors.matches_between(REPORTING[lang], text, verbs, max(sent_start, start - 24), start)
            if before and text[before[-1].end():start].strip() in ("", "that", "dass"):
                continue  # "The US military says it has counted ...": what it says, not a second report
        if (v.group() in _REPORT_ONLY_WITH_CONTENT and not _CONTENT_AFTER.match(text, verb_end)
                and not _COMMA_BEFORE.search(text, max(sent_start, start - 3), start)):
            continue  # "has declared a state of emergency", "the killings have continued"; not "..., he added"
        words = source.split()
        head = _head(words)
        if (head.lower() not in SOURCE_NOUNS and source.lower() not in PRONOUNS[lang]
                and not any(w[0].isupper() for w in words)):
            continue
        if lang == "en" and v.group() in _RELEASED and head.lower() in _RELEASES:
            continue  # "a statement posted on its website": a participle describing the statement
        if lang == "en" and v.group() == "told" and text.endswith("been ", max(0, verb_start - 5), verb_start):
            continue  # "we've been told to go": passive, no report
        if lang == "en" and v.group() in PLURAL_ONLY_VERBS and not (head.endswith("s") or head.lower() in _PLURALS):
            continue  # "the UN report": a noun, not "the sources report"
        if end == verb_end and v.group() in _TOLD:
            end = _told_object_end(text, end, sent_end, lang)
        own = _OWN_ACCOUNT.match(text, end)
        if own:
            end = own.end()
        assert where is not None
        found.append(Attribution(start, end, source, where, confidence))
    for m in anchors.matches_at(_PASSIVE, text, verbs) if lang == "en" else ():
        sent_start, sent_end = doc.sentence(m.start())
        after = subject_after(text, m.end(), sent_end, lang)
        if after:
            calling = _CALLING_ITSELF.match(text, after[0])
            named = subject_after(text, calling.end(), sent_end, lang) if calling else None
            if named:
                after = named
            aux = _PASSIVE_AUX.search(text, max(sent_start, m.start() - 30), m.start())
            start = aux.start() if aux else m.start()
            quantifier = _QUANTIFIER_SUBJECT.match(text, sent_start)
            if quantifier and quantifier.end() == start:
                start = sent_start
            found.append(Attribution(start, after[0], after[1], m.end(), 0.8))
    if "[" in text:
        for b in _BRACKET_SOURCE.finditer(text):  # "... rose to 612 [ACLED]."
            if len(b.group(1).split()) <= 8:
                found.append(Attribution(b.start(), b.end(), b.group(1), b.start() + 1, 0.7))
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[Attribution] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue  # the same attribution seen by two rules
        if clauses.overlaps(a.start, a.end):
            continue
        out.append(a)
    return out
