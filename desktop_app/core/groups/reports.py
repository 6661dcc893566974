"""From an article and its claims to `Report`s: each claim with its outlet, date, source and context.

Who a figure is attributed to is read from the article's own attribution claims:
the nearest one in the same sentence ("..., a Pentagon official said"), else the
last one earlier in the same paragraph ("Iraqi security sources reported that
one was killed. Another 24 were injured."). A quote's source is its speaker.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from urllib.parse import urlsplit

from ..vocabulary import ALL_FIELDS, ClaimType
from .records import Report
from .words import context_terms, paragraph_span, sentence_span


def outlet_of(publisher: str | None, source_url: str | None) -> str | None:
    """The outlet as an analyst names it: the publisher, else the web site ("www.ntv.de" -> "ntv.de")."""
    if publisher and publisher.strip():
        return publisher.strip()
    if source_url:
        host = urlsplit(source_url).hostname or ""
        host = host[4:] if host.startswith("www.") else host
        return host or None
    return None


def published_date(published: str | None) -> date | None:
    """The day an article was published, from an ISO date or datetime string; None if unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _field(claim, name: str):
    fields = getattr(claim, "all_fields", None)
    return fields.get(name) if fields is not None else getattr(claim, name)


def attributed_source(text: str, start: int, end: int, attributions: Iterable[tuple[int, int, str]]) -> str | None:
    """Whom the passage start..end is attributed to, from (start, end, name) attribution spans."""
    candidates = [a for a in attributions if a[2] and not (a[0] == start and a[1] == end)]
    if not candidates:
        return None
    s0, s1 = sentence_span(text, start, end)
    same = [a for a in candidates if a[0] < s1 and a[1] > s0]
    if same:
        def gap(a):
            return max(a[0] - end, start - a[1], 0)
        return min(same, key=gap)[2]
    p0, _ = paragraph_span(text, start)
    before = [a for a in candidates if p0 <= a[0] and a[1] <= s0]
    return max(before, key=lambda a: a[1])[2] if before else None


def article_reports(*, article_id: int, title: str, text: str, publisher: str | None, source_url: str | None,
                    published: str | None, claims: Iterable, groups: Mapping[int, int] | None = None) -> list[Report]:
    """Every claim of one article as a Report. `claims` are ClaimRecords or ORM claims; `groups` maps
    claim id -> group id for the claims already grouped."""
    claims = list(claims)
    groups = groups or {}
    outlet = outlet_of(publisher, source_url)
    attributions = [(c.start, c.end, _field(c, "attributed_to")) for c in claims if c.type == ClaimType.attribution]
    title_terms = context_terms(title)
    out = []
    for c in claims:
        fields = {k: _field(c, k) for k in ALL_FIELDS}
        if c.type == ClaimType.quote:
            source = fields["speaker"]
        elif c.type == ClaimType.attribution:
            source = fields["attributed_to"]
        else:
            source = attributed_source(text, c.start, c.end, attributions)
        p0, p1 = paragraph_span(text, c.start)
        out.append(Report(
            claim_id=c.id, article_id=article_id, article_title=title, outlet=outlet, published=published,
            type=c.type, text=c.text, status=c.status, source=source, start=c.start,
            context=title_terms | context_terms(text[p0:p1]), group_id=groups.get(c.id), **fields))
    return out
