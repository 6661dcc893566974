"""Finding a claim's quote in a new text: exactly with the best-fitting context, else approximately.

The approximate search follows Hypothesis' match-quote: every candidate is scored
by how close its text is to the quote (weight 50), how well the stored prefix
(20) and suffix (20) fit around it, and its distance from where the claim was
expected (2). Unlike a scan of the whole article it is bounded: only windows
around a few candidate places are aligned, the places being the expected
position and where pieces of the prefix, suffix and quote are found nearest to
it, so a 1 MB article costs a few C-speed `str.find` scans per edited claim and
never an O(text x quote) alignment.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .text_position import clamp, nearest
from .types import Selector

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
#: A fuzzy match needs text at least this close to the quote (1 - edits/length) ...
MIN_QUOTE_SCORE = 0.6
#: ... and at least this overall score; below either, the claim is orphaned for the analyst to re-attach.
MIN_SCORE = 0.7

_MAX_CANDIDATES = 5
_PIECE = 16        # characters of prefix/suffix/quote looked up to find candidate places
_MAX_CHUNKS = 6    # pieces taken from inside the quote
_EDGE = 8          # context characters that pull a fuzzy span's ends into place
_MAX_REFINE_ROUNDS = 4


# --- context ----------------------------------------------------------------------------------

_SCALES = (8, 16)  # context is also compared over its nearest 8 and 16 characters


def prefix_fit(text: str, start: int, prefix: str) -> float:
    """How well the stored prefix matches the text before `start` (1.0 = identical).

    The characters nearest the claim count most ("In Baghdad three..." is told
    from "In Erbil three..." by the words just before): the similarity is averaged
    over the last 8, 16 and all characters.
    """
    if not prefix:
        return 1.0
    before = text[max(0, start - len(prefix)):start]
    if before == prefix:
        return 1.0
    scores = [Indel.normalized_similarity(prefix[-n:], before[-n:]) for n in _SCALES if n < len(prefix)]
    scores.append(Indel.normalized_similarity(prefix, before))
    return sum(scores) / len(scores)


def suffix_fit(text: str, end: int, suffix: str) -> float:
    """How well the stored suffix matches the text after `end` (1.0 = identical), nearest characters first."""
    if not suffix:
        return 1.0
    after = text[end:end + len(suffix)]
    if after == suffix:
        return 1.0
    scores = [Indel.normalized_similarity(suffix[:n], after[:n]) for n in _SCALES if n < len(suffix)]
    scores.append(Indel.normalized_similarity(suffix, after))
    return sum(scores) / len(scores)


def context_fit(text: str, start: int, end: int, selector: Selector) -> float:
    """Mean fit of prefix and suffix around text[start:end]; 1.0 only when both are intact."""
    return (prefix_fit(text, start, selector.prefix) + suffix_fit(text, end, selector.suffix)) / 2


# --- exact quote ------------------------------------------------------------------------------

def find_exact(text: str, selector: Selector, hint: int) -> tuple[int, float] | None:
    """The occurrence of the exact quote whose context fits best, nearest `hint` on a tie: (start, fit).

    An occurrence with its whole context intact is sought first, outward from
    `hint` (cheap, and it is the usual case); only when there is none are all
    occurrences scored.
    """
    quote = selector.exact
    if not quote or len(quote) > len(text):
        return None
    hint = clamp(hint, text)
    whole = nearest(text, selector.prefix + quote + selector.suffix, hint - len(selector.prefix))
    if whole is not None:
        return whole + len(selector.prefix), 1.0
    best: tuple[float, int] | None = None
    best_start = -1
    pos = text.find(quote)
    while pos >= 0:
        key = (context_fit(text, pos, pos + len(quote), selector), -abs(pos - hint))
        if best is None or key > best:
            best, best_start = key, pos
        pos = text.find(quote, pos + 1)
    return None if best is None else (best_start, best[0])


# --- approximate quote ------------------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    start: int
    end: int
    quote_score: float
    score: float


def score_match(text: str, start: int, end: int, selector: Selector, hint: int) -> Match:
    """Hypothesis' weighting of quote, prefix, suffix and position, normalised to 0..1."""
    quote = selector.exact
    quote_score = max(0.0, 1.0 - Levenshtein.distance(quote, text[start:end]) / len(quote))
    position_score = 1.0 - abs(start - hint) / max(1, len(text))
    raw = (QUOTE_WEIGHT * quote_score + PREFIX_WEIGHT * prefix_fit(text, start, selector.prefix)
           + SUFFIX_WEIGHT * suffix_fit(text, end, selector.suffix) + POSITION_WEIGHT * position_score)
    return Match(start, end, quote_score, raw / (QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT))


def _pieces(selector: Selector) -> list[tuple[str, int]]:
    """Short strings to look up, each with its offset from the claim's start (in the old text)."""
    quote, prefix, suffix = selector.exact, selector.prefix, selector.suffix
    pieces: list[tuple[str, int]] = []
    if len(prefix) >= 4:
        tail = prefix[-_PIECE:]
        pieces.append((tail, -len(tail)))
    if len(suffix) >= 4:
        pieces.append((suffix[:_PIECE], len(quote)))
    size = min(_PIECE, len(quote))
    if size >= 4:
        count = max(1, min(_MAX_CHUNKS, len(quote) // size))
        step = (len(quote) - size) / max(1, count - 1)
        for i in range(count):
            offset = round(i * step)
            pieces.append((quote[offset:offset + size], offset))
    return pieces


def candidate_starts(text: str, selector: Selector, hint: int, slack: int) -> list[int]:
    """Where the claim may now start: the expected spot and where its pieces were found, most agreed on first."""
    found: list[int] = [hint]
    for piece, offset in _pieces(selector):
        at = nearest(text, piece, hint + offset)
        if at is not None:
            found.append(at - offset)
    found.sort()
    clusters: list[list[int]] = []
    for start in found:
        if clusters and start - clusters[-1][-1] <= slack // 2:
            clusters[-1].append(start)
        else:
            clusters.append([start])
    ranked = sorted(clusters, key=lambda c: (-len(c), min(abs(x - hint) for x in c)))
    return [clamp(sorted(c)[len(c) // 2], text) for c in ranked[:_MAX_CANDIDATES]]


def _edge_cost(text: str, start: int, end: int, selector: Selector) -> int:
    """Edits needed by the context right next to the span: it pulls the span's ends into place."""
    head, tail = selector.prefix[-_EDGE:], selector.suffix[:_EDGE]
    cost = Levenshtein.distance(head, text[max(0, start - len(head)):start]) if head else 0
    if tail:
        cost += Levenshtein.distance(tail, text[end:end + len(tail)])
    return cost


def _refine(text: str, start: int, end: int, selector: Selector, reach: int) -> tuple[int, int]:
    """Move the ends of an approximate span to where the quote, and then its context, fit best."""
    quote, n = selector.exact, len(text)

    def cost(s: int, e: int) -> tuple[int, int]:
        return (4 * Levenshtein.distance(quote, text[s:e]) + _edge_cost(text, s, e, selector),
                abs((e - s) - len(quote)))

    best = cost(start, end)
    for _ in range(_MAX_REFINE_ROUNDS):
        moved = False
        for s in range(max(0, start - reach), min(end, start + reach + 1)):
            c = cost(s, end)
            if c < best:
                best, start, moved = c, s, True
        for e in range(max(start + 1, end - reach), min(n, end + reach) + 1):
            c = cost(start, e)
            if c < best:
                best, end, moved = c, e, True
        if not moved:
            break
    return start, end


def _snap_to_context(text: str, start: int, end: int, selector: Selector) -> tuple[int, int]:
    """Put the ends right against the stored context where it is still intact close by.

    When an edit replaced the first or last word of a claim, the quote alone
    cannot say where the new word begins; the untouched text around it can.
    """
    quote = selector.exact
    reach = max(12, len(quote) // 3)
    head = selector.prefix[-_EDGE:]
    if len(head) >= 3:
        lo = max(0, start - reach - len(head))
        window = text[lo:min(end - 1, start + reach)]
        spots = [lo + i + len(head) for i in _occurrences(window, head)]
        if spots:
            start = min(spots, key=lambda s: (abs(s - start), s))
    tail = selector.suffix[:_EDGE]
    if len(tail) >= 3:
        lo = max(start + 1, end - reach)
        window = text[lo:min(len(text), end + reach + len(tail))]
        spots = [lo + i for i in _occurrences(window, tail)]
        if spots:
            end = min(spots, key=lambda e: (abs(e - end), -e))
    return start, end


def _occurrences(text: str, needle: str) -> list[int]:
    found, pos = [], text.find(needle)
    while pos >= 0:
        found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


def _whole_words(text: str, start: int, end: int, selector: Selector) -> tuple[int, int]:
    """No white space at the ends, and no word cut in half where the old quote began or ended on a word."""
    quote, prefix, suffix = selector.exact, selector.prefix, selector.suffix
    while start < end - 1 and text[start].isspace() and not quote[0].isspace():
        start += 1
    while end > start + 1 and text[end - 1].isspace() and not quote[-1].isspace():
        end -= 1
    if quote[0].isalnum() and not (prefix and prefix[-1].isalnum()):
        limit = max(0, start - _PIECE)
        while start > limit and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
    if quote[-1].isalnum() and not (suffix and suffix[0].isalnum()):
        limit = min(len(text), end + _PIECE)
        while end < limit and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
    return start, end


def find_fuzzy(text: str, selector: Selector, hint: int) -> Match | None:
    """The best approximate match of the quote in context, if it clears MIN_QUOTE_SCORE and MIN_SCORE."""
    quote = selector.exact
    if not quote or not text:
        return None
    hint = clamp(hint, text)
    slack = min(len(quote) // 2, 256) + 8  # room for the insertions an edit may have made inside the quote
    best: Match | None = None
    for guess in candidate_starts(text, selector, hint, slack):
        lo, hi = max(0, guess - slack), min(len(text), guess + len(quote) + slack)
        if hi - lo <= len(quote):
            start, end = lo, hi
        else:
            aligned = fuzz.partial_ratio_alignment(quote, text[lo:hi])
            start, end = lo + aligned.dest_start, lo + aligned.dest_end
        if end <= start:
            continue
        match = score_match(text, start, end, selector, hint)
        if best is None or match.score > best.score:
            best = match
    if best is None or best.quote_score < MIN_QUOTE_SCORE / 2:
        return None
    start, end = _refine(text, best.start, best.end, selector, reach=min(len(quote) // 2, 32) + 2)
    start, end = _snap_to_context(text, start, end, selector)
    start, end = _whole_words(text, start, end, selector)
    match = score_match(text, start, end, selector, hint)
    if match.quote_score < MIN_QUOTE_SCORE or match.score < MIN_SCORE:
        return None
    return match
