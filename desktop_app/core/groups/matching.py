"""Suggesting claim groups: which claims, across articles, make the same assertion.

Two reports are the same claim when nothing rules it out (hard rules) and they
look alike (soft rules):

- casualty: same category, the same people ("US troops" = "American soldiers",
  see words.NounPhrase.agrees), and the same event: at least two names (places,
  people, organisations) shared by the articles' titles and the claims' paragraphs,
  weighing at least a fifth of the smaller side's names -- a name found in most of the
  workspace's articles ("US", "Iraq") weighs little (name_weights).
- statistic: the same counted thing ("attacks", "US soldiers"; the category when
  the analyst gave one), counts within a factor of 3, and the same event.
- quote: the same speaker ("Austin" = "Lloyd Austin") and closely matching words
  (rapidfuzz ratio >= 80, or one is an excerpt of the other).
- never: different types; reports published more than a week apart; two contradicting
  figures (or two unrelated quotes) in the same article; a pair the analyst rejected.

Groups grow from the best-matching pairs down; two groups merge only when no pair
across them is ruled out, so a bare "soldiers" cannot chain "US soldiers" to
"Iraqi soldiers". Claims already grouped stay in their group; a suggestion may add
claims to it, never merge two existing groups.
"""
from __future__ import annotations

from collections import defaultdict
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from ..vocabulary import ClaimType
from .figures import Figure
from .records import GroupSuggestion, Report
from .reports import published_date
from .words import NounPhrase, counted_phrase, is_excerpt, noun_phrase, quote_words, same_name, words

#: Reports further apart than this are about different moments, even of one conflict.
DAYS_APART = 7
SHARED_NAMES = 2
SHARED_WEIGHT = 0.2
STATISTIC_FACTOR = 3
QUOTE_RATIO = 80
EXCERPT_RATIO = 90
FIGURE_TYPES = (ClaimType.casualty, ClaimType.statistic)
GROUPABLE = (*FIGURE_TYPES, ClaimType.quote)


@dataclass(frozen=True)
class PairVerdict:
    """How two reports compare: ruled out (`conflict`), alike (`match`, with a score and why), or neither."""

    conflict: bool
    match: bool = False
    score: float = 0.0
    reason: str = ""


RULED_OUT = PairVerdict(conflict=True)
UNLIKE = PairVerdict(conflict=False)


def what_is_counted(r: Report) -> NounPhrase:
    """The people a casualty claim counts, or the thing a statistic counts."""
    if r.type == ClaimType.casualty:
        return noun_phrase(r.who)
    if r.category:
        return noun_phrase(r.category)
    return counted_phrase(r.text, r.count)[0]


def unit_of(r: Report) -> str:
    """How the counted thing is written after the number: "injured", "attacks", "US soldiers"."""
    if r.type == ClaimType.casualty:
        return r.category or ""
    return r.category or counted_phrase(r.text, r.count)[1]


def figure_of(r: Report) -> Figure | None:
    return Figure.of(r.count, r.qualifier) if r.count is not None else None


def _too_far_apart(a: Report, b: Report) -> bool:
    da, db = published_date(a.published), published_date(b.published)
    return da is not None and db is not None and abs((da - db).days) > DAYS_APART


def name_weights(reports: Sequence[Report]) -> dict[str, float]:
    """How much sharing a name says about sharing an event: log((N+1)/df) over the articles.

    A name in every article of a workspace that follows one conflict ("US", "Iraq") says
    little; a town named in five reports says much. In a workspace about one event every
    name is equally common, and the weighted overlap below reduces to the plain one.
    """
    names: dict[int, set[str]] = defaultdict(set)
    for r in reports:
        names[r.article_id].update(r.context)
    df: dict[str, int] = defaultdict(int)
    for article_names in names.values():
        for name in article_names:
            df[name] += 1
    n = len(names)
    return NameWeights({name: math.log((n + 1) / k) for name, k in df.items()},
                       lonely={name for name, k in df.items() if k == 1})


class NameWeights(dict):
    """Name -> weight. A name found in one article only can never be shared, so it does not count
    in a context's total (a byline or an outlet's own name must not dilute the overlap)."""

    def __init__(self, weights: dict, lonely: set[str] = frozenset()):
        super().__init__(weights)
        self.lonely = frozenset(lonely)
        self._totals: dict[frozenset[str], float] = {}

    def total(self, names: frozenset[str]) -> float:
        if names not in self._totals:
            self._totals[names] = sum(self.get(n, 1.0) for n in names if n not in self.lonely)
        return self._totals[names]


def _same_event(a: Report, b: Report, weights: Mapping[str, float] | None) -> tuple[bool, float, str]:
    if a.article_id == b.article_id:
        return True, 1.0, "same article"
    shared = a.context & b.context
    if len(shared) < SHARED_NAMES:
        return False, 0.0, ""
    w = (lambda name: weights.get(name, 1.0)) if weights else (lambda name: 1.0)
    if isinstance(weights, NameWeights):
        smaller = min(weights.total(a.context), weights.total(b.context))
    else:
        smaller = min(sum(w(n) for n in a.context), sum(w(n) for n in b.context))
    score = sum(w(n) for n in shared) / smaller if smaller > 0 else 0.0
    if score < SHARED_WEIGHT:
        return False, score, ""
    return True, score, "shared names: " + ", ".join(sorted(shared, key=lambda n: (-w(n), n))[:5])


def compare(a: Report, b: Report, weights: Mapping[str, float] | None = None) -> PairVerdict:
    """Whether two reports can be, and look like, the same claim (`weights`: see name_weights)."""
    if a.type != b.type or a.type not in GROUPABLE or _too_far_apart(a, b):
        return RULED_OUT
    if a.type == ClaimType.quote:
        return _compare_quotes(a, b)
    fa, fb = figure_of(a), figure_of(b)
    if fa is None or fb is None:
        return RULED_OUT
    if a.article_id == b.article_id and not fa.compatible(fb):
        return RULED_OUT  # two contradicting numbers in one article count two different things
    if a.type == ClaimType.casualty:
        if not a.category or a.category != b.category:
            return RULED_OUT
    else:
        if a.category and b.category and words(a.category) != words(b.category):
            return RULED_OUT
        small, big = sorted((max(fa.count, 0), max(fb.count, 0)))
        if big > small * STATISTIC_FACTOR and not (small == 0 == big):
            return RULED_OUT
    pa, pb = what_is_counted(a), what_is_counted(b)
    if not pa or not pa.agrees(pb):
        return RULED_OUT
    same, score, why = _same_event(a, b, weights)
    if not same:
        return UNLIKE
    thing = f"{a.category} {pa.head}" if a.type == ClaimType.casualty else pa.head
    return PairVerdict(conflict=False, match=True, score=score, reason=f"{thing}; {why}")


def _compare_quotes(a: Report, b: Report) -> PairVerdict:
    if not same_name(a.speaker, b.speaker):
        return RULED_OUT
    wa, wb = quote_words(a.text), quote_words(b.text)
    if not wa or not wb:
        return RULED_OUT
    short, long = sorted((wa, wb), key=len)
    excerpt = len(short) >= 2 and is_excerpt(short, long)
    ta, tb = " ".join(wa), " ".join(wb)
    ratio = fuzz.ratio(ta, tb)
    partial = fuzz.partial_ratio(" ".join(short), " ".join(long)) if len(short) >= 4 else 0
    if a.article_id == b.article_id and not excerpt and ratio < 100:
        return RULED_OUT  # one article quoting two different things
    if excerpt or ratio >= QUOTE_RATIO or partial >= EXCERPT_RATIO:
        score = 1.0 if excerpt else max(ratio, partial) / 100
        how = "one quotes part of the other" if excerpt and wa != wb else f"words {max(ratio, partial):.0f}% alike"
        return PairVerdict(conflict=False, match=True, score=score, reason=f"{a.speaker} quoted; {how}")
    return UNLIKE


#: A block of figures bigger than this is split by the names its reports share.
BLOCK_LIMIT = 200


def _blocks(reports: Sequence[Report], weights: NameWeights) -> Iterable[tuple[int, int]]:
    """Index pairs worth comparing, not all n^2 (record-linkage blocking).

    Figures: the same type, category and counted thing; a block larger than BLOCK_LIMIT is
    split further by the names that say something (found in at most a tenth of the articles,
    or ten) and by article, so a big desk's workspace does not compare every casualty with
    every other. Quotes: pairs whose speakers share the speaker's rarest word (exact, since
    one name's words must contain the other's).
    """
    seen: set[tuple[int, int]] = set()

    def emit(i: int, j: int):
        pair = (i, j) if i < j else (j, i)
        if i != j and pair not in seen:
            seen.add(pair)
            yield pair

    figure_blocks: dict[tuple, list[int]] = defaultdict(list)
    speakers: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        if r.type == ClaimType.quote:
            for w in set(words(r.speaker or "")):
                speakers[w].append(i)
        elif r.type in FIGURE_TYPES and r.count is not None:
            head = what_is_counted(r).head
            if head:
                figure_blocks[(r.type, r.category if r.type == ClaimType.casualty else "", head)].append(i)

    for i, r in enumerate(reports):
        if r.type == ClaimType.quote:
            own = set(words(r.speaker or ""))
            if own:
                for j in speakers[min(own, key=lambda w: (len(speakers[w]), w))]:
                    yield from emit(i, j)

    articles = len({r.article_id for r in reports})
    informative = math.log((articles + 1) / max(10, articles / 10))
    for members in figure_blocks.values():
        if len(members) <= BLOCK_LIMIT:
            for i, j in combinations(members, 2):
                yield from emit(i, j)
            continue
        by_key: dict[object, list[int]] = defaultdict(list)
        vague: list[int] = []
        for i in members:
            names = [n for n in reports[i].context if weights.get(n, 0.0) >= informative]
            by_key[("article", reports[i].article_id)].append(i)
            for n in names:
                by_key[n].append(i)
            if not names:
                vague.append(i)  # nothing distinctive around it: compare it with the whole block
        for bucket in by_key.values():
            for i, j in combinations(bucket, 2):
                yield from emit(i, j)
        for i in vague:
            for j in members:
                yield from emit(i, j)


def _label(r: Report) -> str:
    if r.type == ClaimType.casualty:
        who = (r.who or "").strip()
        return f"{who[:1].upper() + who[1:]} {r.category}".strip() if who else f"{r.category}".capitalize()
    if r.type == ClaimType.quote:
        text = " ".join(r.text.split()).strip(" ,")
        text = text if len(text) <= 60 else text[:59] + "\u2026"
        return f"{r.speaker}: \u201c{text}\u201d"
    text = " ".join(r.text.split())
    return text[:1].upper() + text[1:] if len(text) <= 70 else text[:69] + "\u2026"


def label_for(reports: Sequence[Report]) -> str:
    """A group's default label, from its earliest report ("US soldiers injured", "Lloyd Austin: “…”")."""
    first = min(reports, key=lambda r: (r.published or "9999", r.article_id, r.start))
    return _label(first)


def suggest(reports: Sequence[Report], rejected: Iterable[tuple[int, int]] = ()) -> list[GroupSuggestion]:
    """Group suggestions over all reports; `rejected` holds claim-id pairs the analyst said differ."""
    reports = [r for r in reports if r.type in GROUPABLE]
    weights = name_weights(reports)
    index = {r.claim_id: i for i, r in enumerate(reports)}
    banned = {frozenset(p) for p in rejected}
    verdicts: dict[tuple[int, int], PairVerdict] = {}
    edges = []
    for i, j in _blocks(reports, weights):
        a, b = reports[i], reports[j]
        if a.group_id is not None and a.group_id == b.group_id:
            continue
        v = compare(a, b, weights)
        if frozenset((a.claim_id, b.claim_id)) in banned:
            v = RULED_OUT
        verdicts[(i, j)] = verdicts[(j, i)] = v
        if v.match:
            edges.append((v.score, i, j, v.reason))

    def ruled_out(i: int, j: int) -> bool:
        v = verdicts.get((i, j))
        if v is None:  # never compared: not in a common block, so unlike in type, category or who
            v = compare(reports[i], reports[j], weights)
            if frozenset((reports[i].claim_id, reports[j].claim_id)) in banned:
                v = RULED_OUT
            verdicts[(i, j)] = verdicts[(j, i)] = v
        return v.conflict

    cluster = list(range(len(reports)))  # index -> cluster id (union-find without path tricks: small n)
    members: dict[int, list[int]] = {i: [i] for i in range(len(reports))}
    group_of: dict[int, int | None] = {i: reports[i].group_id for i in range(len(reports))}
    for r in reports:  # claims already in one group start in one cluster
        if r.group_id is not None:
            first = next(index[x.claim_id] for x in reports if x.group_id == r.group_id)
            i = index[r.claim_id]
            if cluster[i] != cluster[first]:
                _merge(cluster, members, cluster[first], cluster[i])
    reasons: dict[int, list[str]] = defaultdict(list)
    for _score, i, j, reason in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ci, cj = cluster[i], cluster[j]
        if ci == cj:
            continue
        gi = {group_of[k] for k in members[ci]} - {None}
        gj = {group_of[k] for k in members[cj]} - {None}
        if gi and gj:
            continue  # never merge two existing groups by suggestion
        if any(ruled_out(x, y) for x in members[ci] for y in members[cj]):
            continue
        keep = _merge(cluster, members, ci, cj)
        reasons[keep].extend(reasons.pop(cj if keep == ci else ci, []))
        reasons[keep].append(f"#{reports[i].claim_id} ~ #{reports[j].claim_id}: {reason}")

    out = []
    for cid, idx in members.items():
        if len(idx) < 2:
            continue
        group_ids = {group_of[k] for k in idx} - {None}
        new = tuple(sorted(reports[k].claim_id for k in idx if group_of[k] is None))
        if not new:
            continue
        group_id = group_ids.pop() if group_ids else None
        cluster_reports = [reports[k] for k in idx]
        out.append(GroupSuggestion(group_id=group_id, label=label_for(cluster_reports), claim_ids=new,
                                   member_ids=tuple(sorted(r.claim_id for r in cluster_reports)),
                                   reasons=tuple(reasons.get(cid, ()))))
    out.sort(key=lambda s: (s.group_id is None, s.group_id or 0, s.member_ids))
    return out


def _merge(cluster: list[int], members: dict[int, list[int]], a: int, b: int) -> int:
    """Merge cluster b into a (or a into b if b is bigger); returns the id kept."""
    if len(members[a]) < len(members[b]):
        a, b = b, a
    for k in members.pop(b):
        cluster[k] = a
        members[a].append(k)
    return a
