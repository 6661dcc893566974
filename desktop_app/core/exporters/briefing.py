"""What a briefing says, whatever it is written in (Word, Markdown).

Claim numbers, counts, key judgments, the split of an article's text into runs at
every claim boundary, and the wording of grades and verdicts live here once, so
the Word and Markdown briefings (and the CSV) agree line for line.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from .. import taxonomy
from ..records import ArticleRecord, ClaimRecord, SourceLink, SourceRecord
from . import Selection

#: Verdicts from most to least severe: a stretch of text under several claims shows the first.
SEVERITY = ("false", "disputed", "unverifiable", "unverified", "verified")
#: The verdicts an editor must see first.
KEY_VERDICTS = ("false", "disputed")
#: How many key judgments a summary lists before pointing to the claims table for the rest.
KEY_JUDGMENTS_SHOWN = 25

#: The Admiralty (NATO) grading scales, as the appendix explains them to a reader.
RELIABILITY = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed by other sources", 2: "probably true", 3: "possibly true",
    4: "doubtful", 5: "improbable", 6: "truth cannot be judged",
}


def status_label(status: str) -> str:
    term = taxonomy.statuses().get(status)
    return term.label if term else status.capitalize()


def type_label(claim_type: str) -> str:
    term = taxonomy.types().get(claim_type)
    return term.label if term else claim_type.capitalize()


def most_severe(statuses: Iterable[str]) -> str:
    present = set(statuses)
    for status in SEVERITY:
        if status in present:
            return status
    return next(iter(present))


def numbering(articles: Sequence[ArticleRecord]) -> dict[int, int]:
    """Claim id -> its number in the briefing (1, 2, ... across articles, in text order)."""
    return {c.id: n for n, c in enumerate((c for a in articles for c in a.claims), start=1)}


def default_title(articles: Sequence[ArticleRecord]) -> str:
    if len(articles) == 1:
        return articles[0].title
    return f"Briefing on {len(articles)} articles"


def when(value: datetime) -> str:
    """A date and time a reader cannot misread: 26 December 2023, 14:05 UTC."""
    value = value.astimezone(timezone.utc)
    return f"{value.day} {value:%B %Y, %H:%M} UTC"


def verdict_order() -> list[str]:
    """The taxonomy's verdicts, most severe first: the order of every count in a briefing."""
    names = list(taxonomy.statuses())
    return sorted(names, key=lambda s: SEVERITY.index(s) if s in SEVERITY else len(SEVERITY) + names.index(s))


def counts_by_status(claims: Iterable[ClaimRecord]) -> dict[str, int]:
    """Every verdict of the taxonomy (most severe first) with its count, zeros included."""
    counts = dict.fromkeys(verdict_order(), 0)
    for c in claims:
        counts[c.status] = counts.get(c.status, 0) + 1
    return counts


def counts_by_type(claims: Iterable[ClaimRecord]) -> dict[str, dict[str, int]]:
    """Claim type -> verdict -> count, for the types present (in taxonomy order)."""
    table: dict[str, dict[str, int]] = {}
    for c in claims:
        row = table.setdefault(c.type, dict.fromkeys(verdict_order(), 0))
        row[c.status] = row.get(c.status, 0) + 1
    order = list(taxonomy.types())
    return dict(sorted(table.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order)))


def counts_sentence(selection: Selection) -> str:
    """e.g. "10 claims in 1 article: 2 false, 3 disputed, 3 verified, 2 unverified."."""
    claims = selection.claims
    n_art = len(selection.articles)
    head = f"{len(claims)} claim{'s' if len(claims) != 1 else ''} in {n_art} article{'s' if n_art != 1 else ''}"
    parts = [f"{n} {status_label(s).lower()}" for s, n in counts_by_status(claims).items() if n]
    return head + (": " + ", ".join(parts) + "." if parts else ".")


@dataclass(frozen=True)
class KeyJudgment:
    number: int
    claim: ClaimRecord
    article: ArticleRecord
    rationale: str


def key_judgments(selection: Selection, numbers: dict[int, int]) -> list[KeyJudgment]:
    """False claims, then disputed ones, each in briefing order, with the rationale of the verdict."""
    found = [KeyJudgment(numbers[c.id], c, a, selection.rationale(c.id))
             for a in selection.articles for c in a.claims if c.status in KEY_VERDICTS]
    return sorted(found, key=lambda k: (KEY_VERDICTS.index(k.claim.status), k.number))


@dataclass(frozen=True)
class Segment:
    """A stretch of text with the same claims over all of it (none, one, or several overlapping)."""

    start: int
    end: int
    claims: tuple[ClaimRecord, ...]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: the article's paragraphs as offsets into its text."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def segments(start: int, end: int, claims: Sequence[ClaimRecord]) -> list[Segment]:
    """Split [start, end) at every claim boundary inside it; each piece knows the claims covering it."""
    inside = [c for c in claims if c.start < end and c.end > start and c.end > c.start]
    cuts = {start, end}
    for c in inside:
        if start < c.start < end:
            cuts.add(c.start)
        if start < c.end < end:
            cuts.add(c.end)
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:]):
        covering = tuple(c for c in inside if c.start <= a and c.end >= b)
        out.append(Segment(a, b, covering))
    return out


def fields_text(claim: ClaimRecord) -> str:
    """The structured fields in words, e.g. "at least 1 killed (member of a pro-Iranian group)"."""
    f = claim.fields
    if claim.type in ("casualty", "statistic"):
        qualifier = f.get("qualifier")
        qualifier = "" if qualifier in (None, "", "exact") else f"{qualifier} "
        count = f.get("count")
        words = " ".join(x for x in (f"{qualifier}{count:,}" if count is not None else "",
                                     f.get("category") or "") if x)
        if words and not f.get("category"):
            words = f"figure: {words}"
        who = f.get("who")
        return words + (f" ({who})" if who else "") if words or who else ""
    if claim.type == "quote" and f.get("speaker"):
        return f"speaker: {f['speaker']}"
    if claim.type == "attribution" and f.get("attributed_to"):
        return f"attributed to: {f['attributed_to']}"
    return ""


def attributed_source(claim: ClaimRecord) -> str | None:
    """Who made the claim, where the analyst recorded it (the speaker of a quote, the attributed source)."""
    fields = claim.all_fields
    return fields.get("speaker") or fields.get("attributed_to") or None


def source_name(source: SourceRecord) -> str:
    if source.title:
        return source.title
    if source.publisher:
        return source.publisher
    if source.url:
        return urlsplit(source.url).netloc or source.url
    return source.citation or f"Source {source.id}"


def link_text(link: SourceLink) -> str:
    """e.g. "DoD statement (B2, supports)"."""
    return f"{source_name(link.source)} ({link.grade}, {link.relation})"


def sources_text(claim: ClaimRecord) -> str:
    return "; ".join(link_text(link) for link in claim.sources)


@dataclass(frozen=True)
class CitedSource:
    number: int
    source: SourceRecord
    citations: tuple[tuple[int, SourceLink], ...]  # (claim number, link), in claim order


def citations_by_grade(cited: CitedSource) -> list[tuple[str, str, list[int]]]:
    """(grade, relation, claim numbers) groups, e.g. ("B2", "supports", [1, 5, 10]): compact for a much-cited source."""
    groups: dict[tuple[str, str], list[int]] = {}
    for number, link in cited.citations:
        groups.setdefault((link.grade, link.relation), []).append(number)
    return [(grade, relation, numbers) for (grade, relation), numbers in groups.items()]


def source_index(articles: Sequence[ArticleRecord], numbers: dict[int, int]) -> list[CitedSource]:
    """Every source the selected claims cite, in order of first citation, with the citing claims."""
    seen: dict[int, list[tuple[int, SourceLink]]] = {}
    records: dict[int, SourceRecord] = {}
    for a in articles:
        for c in a.claims:
            for link in c.sources:
                seen.setdefault(link.source.id, []).append((numbers[c.id], link))
                records[link.source.id] = link.source
    return [CitedSource(n, records[sid], tuple(cites)) for n, (sid, cites) in enumerate(seen.items(), start=1)]


def article_meta(article: ArticleRecord) -> list[tuple[str, str]]:
    """The article's provenance as (label, value) pairs, omitting what is unknown."""
    s = article.summary
    pairs = [("Outlet", s.publisher), ("Author", s.author), ("Published", s.published), ("URL", s.source_url)]
    out = [(k, v) for k, v in pairs if v]
    if not s.source_url:
        out.append(("File", f"{s.filename or 'pasted text'} (sha256 {s.sha256[:12]}\u2026)"))
    return out
