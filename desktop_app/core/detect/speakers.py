"""Who said each direct quote (quotes.py finds the quotes).

The speaker comes from the reporting clause next to the quote ("…," said Adrienne
Watson / Austin continued / sagte Maïga), else from a reporting verb in the same
sentence, else from the speaker of the quote just before in the paragraph, else
from the previous sentence's reporting clause; pronouns are resolved to the last
named person (reporting.SourceBook).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from . import anchors
from .anchors import matches_between
from .document import Document
from .lexicon import title_before
from .quotes import find_quote_spans
from .reporting import REPORTING, SourceBook, subject_after, verb_subject

_AFTER_LIMIT: Final = 140
MIN_WORDS: Final = 2


@dataclass(slots=True, init=False)
class Quote:
    start: int              # first character inside the marks
    end: int                # last character inside the marks + 1
    speaker: str | None     # as written ("he", "Austin", "the US Secretary of Defense") until resolved
    speaker_pos: int        # where that phrase is, for resolving it against what came before
    confidence: float
    clause: tuple[int, int] | None  # the reporting clause that frames it ("Austin continued"), if any
    inherits: bool = False  # no clue of its own: the previous quote's speaker in the paragraph

    def __init__(self, start: int, end: int, speaker: str | None, speaker_pos: int, confidence: float,
                 clause: tuple[int, int] | None, inherits: bool = False) -> None:
        """Written out (init=False): compiled (setup.py), this runs as C; a generated one would run as Python."""
        self.start = start
        self.end = end
        self.speaker = speaker
        self.speaker_pos = speaker_pos
        self.confidence = confidence
        self.clause = clause
        self.inherits = inherits


_PRONOUN_AFTER: Final = re.compile(r"\s+(he|she|they|er|sie)\b(?![\w'’-])")
_LEAD: Final = re.compile(r"[ \t]*,?[ \t]*")
_COLON_SPEAKER: Final = re.compile(r"([A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)*)\s*:\s*$")
_JUST_PUNCTUATION: Final = re.compile(r"\s*[:,]?\s*")
_NAMED_SUBJECT: Final = re.compile(r"(?:[A-ZÄÖÜ][\w'’.-]*\s+)*[A-ZÄÖÜ][\w'’-]+")
_APPOSITIVE_NAME: Final = re.compile(r",\s+([A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)+)\s*,")
_SENTENCE_STOP: Final = re.compile(r"[.!?;\"“”„«»\n]")
# After a closing mark: the sentence ends ('...facilities".' / '...wars."' then a new sentence or line).
_SENTENCE_ENDS: Final = re.compile(r"[.!?]?[\"”’»«]?(?:[ \t]*(?:\n|$)|[ \t]+(?=[A-ZÄÖÜ\"“„«»‘]))")
MAX_LEAD_IN_WORDS: Final = 6
MIN_FRAMED_QUOTE_WORDS: Final = 8


# German reported speech before a quote ("schrieb, die Armee habe »…«"): the reporter's clause has its own subject
# and verb in the subjunctive; it says the claim in the reporter's words.
_DE_REPORTED_SPEECH: Final = re.compile(r",\s+[^,]*\b(?:habe|hätten?|sei|seien|werde|würden?|wolle|könne|müsse)\b")


def _frames_only(text: str, verb_end: int, open_mark: int, inner: str, close: int, language: str = "en") -> bool:
    """'He added that the United States was "determined and prepared to ..."': a reporting clause whose own
    words are a short lead-in to a quote that ends the sentence and says the claim (a clause of its own, at
    least twice as long as the lead-in) only frames the quote. A short quoted phrase ('Die Armee sprach von
    einem „feigen terroristischen Angriff“', "Russia says it hit 'military infrastructure'") stays an
    attribution: the reporter's words carry the claim."""
    if language == "de" and _DE_REPORTED_SPEECH.search(text, verb_end, open_mark):
        return False
    lead_in = len(text[verb_end:open_mark].split())
    quoted = len(inner.split())
    return (lead_in <= MAX_LEAD_IN_WORDS and quoted >= max(MIN_FRAMED_QUOTE_WORDS, 2 * lead_in)
            and _SENTENCE_ENDS.match(text, close + 1) is not None)


def find_quotes(doc: Document) -> list[Quote]:
    """Quotes in text order with the phrase naming their speaker as written (see resolve_speakers)."""
    text, lang = doc.text, doc.language
    verbs = REPORTING[lang]
    verb_anchors = doc.anchors[anchors.VERB]
    out: list[Quote] = []
    last: int | None = None  # paragraph start of the previous quote
    for open_mark, start, end, close in find_quote_spans(text):
        inner = text[start:end]
        if len(inner.split(None, MIN_WORDS - 1)) < MIN_WORDS:
            continue  # fewer than MIN_WORDS words (counted no further than that)
        speaker, where, clause, confidence = None, open_mark, None, 0.8
        # 1. A reporting clause right after the quote: ', Austin continued.' / ', said Adrienne Watson'.
        after_start = close + 1
        stop = _SENTENCE_STOP.search(text, after_start, after_start + _AFTER_LIMIT)
        while stop is not None and stop.group() == "." and title_before(text, stop.start(), after_start):
            stop = _SENTENCE_STOP.search(text, stop.end(), after_start + _AFTER_LIMIT)  # "said Dr. Yahya al-Mahdi"
        after_end = stop.start() if stop else min(len(text), after_start + _AFTER_LIMIT)
        lead = _LEAD.match(text, after_start, after_end)
        assert lead is not None
        clause_start = lead.end()
        found = matches_between(verbs, text, verb_anchors, clause_start, after_end)
        v = found[0] if found else None
        if v and len(text[clause_start:v.start()].split()) <= 10 and (
                text[close - 1] in ",!?" or text[after_start:after_start + 2].strip(" ") in (",", "")
                and text[clause_start:clause_start + 1].islower() or text[close - 1] in ",!?"):
            if v.start() == clause_start or text[clause_start:v.start()].strip() == "":
                subj = subject_after(text, v.end(), after_end, lang)
                pronoun = _PRONOUN_AFTER.match(text, v.end()) if subj is None else None
                if subj:
                    speaker, where = _appositive_name(text, subj[0], after_end) or subj[1], clause_start
                    clause = (clause_start, subj[0])
                elif pronoun:  # '»...«, sagt sie.': the pronoun is resolved like any other
                    speaker, where = pronoun.group(1), clause_start
                    clause = (clause_start, pronoun.end())
            else:
                subj = verb_subject(doc, v.start(), clause_start)
                if subj:
                    speaker, where = subj[1], subj[0]
                    clause = (subj[0], v.end())
            confidence = 0.9
        # 2. Before the quote: 'Austin said: "...' / 'Zelensky: "...' / a reporting verb in the same sentence.
        if speaker is None:
            sent_start, _ = doc.sentence(open_mark)
            vs = matches_between(verbs, text, verb_anchors, sent_start, open_mark)
            colon = _COLON_SPEAKER.search(text[sent_start:open_mark]) if not vs else None
            if vs:
                v = vs[-1]
                subj = (verb_subject(doc, v.start(), sent_start)
                        or subject_after(text, v.end(), open_mark, lang))
                if subj:
                    speaker, where = subj[1], min(subj[0], v.start())
                    if (_JUST_PUNCTUATION.fullmatch(text, v.end(), open_mark)
                            or _frames_only(text, v.end(), open_mark, inner, close, lang)):
                        clause = (min(subj[0], v.start()), v.end())
                    confidence = 0.85
            elif colon:
                speaker, where = colon.group(1), sent_start + colon.start(1)
                confidence = 0.8
        # 3. The speaker of the quote before it in the same paragraph.
        para = doc.paragraph_start(open_mark)
        inherits = speaker is None and last == para
        # 4. The previous sentence's reporting clause, or its named subject.
        if speaker is None and not inherits:
            prev = doc.previous_sentence(open_mark)
            if prev is not None and open_mark - prev[1] < 400:
                vs = matches_between(verbs, text, verb_anchors, prev[0], prev[1])
                subj = None
                if vs:
                    subj = verb_subject(doc, vs[0].start(), prev[0])
                if subj is None:
                    m = _NAMED_SUBJECT.match(text[prev[0]:prev[1]])
                    if m and len(m.group().split()) >= 2:
                        subj = (prev[0], m.group())
                if subj:
                    speaker, where = subj[1], subj[0]
                    confidence = 0.7
        if speaker is None and not inherits:
            confidence = 0.6
        out.append(Quote(start, end, speaker, where, confidence, clause, inherits))
        last = para
    return out


def resolve_speaker(q: Quote, previous: str | None, text: str, book: SourceBook, language: str) -> None:
    """Name a quote's speaker; call in reading order, after the sources before it were named."""
    if q.inherits:
        q.speaker = previous
    elif q.speaker is not None:
        q.speaker = book.canonical(q.speaker, q.speaker_pos, text=text)
        name = q.speaker
        if (name and q.clause and " " not in name and name[:1].isupper() and not name.isupper()
                and not book.full_name(name)):
            book.remember_person(name, q.speaker_pos)  # '..., Austin continued': a surname speaks


HEADLINE_REACH: Final = 3000


def borrow_headline_speakers(quotes: list[Quote], text: str) -> None:
    """A headline quote repeats words said in the body just after it: it has their speaker."""
    for i, q in enumerate(quotes):
        if q.speaker is None or q.confidence < 0.75:
            words = text[q.start:q.end].strip(" ,.")
            for other in quotes[i + 1:]:
                if other.start - q.end > HEADLINE_REACH:
                    break
                if other.speaker and other.confidence >= 0.8 and words in text[other.start:other.end]:
                    q.speaker, q.confidence = other.speaker, 0.75
                    break


def _appositive_name(text: str, pos: int, hi: int) -> str | None:
    """', Minni Minnawi,' after a role: the person's name."""
    m = _APPOSITIVE_NAME.match(text[pos:pos + 60])
    return m.group(1) if m else None
