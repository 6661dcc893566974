"""Within a group of reports of one assertion: what disagrees.

- figure: two readings of the count that cannot both be true (figures.Figure.compatible):
  "3 injured" vs "4 injured"; "at least 2 killed" vs "1 killed". "At least 1" next to
  "at least 2" is not a discrepancy: a toll that rose is consistent.
- wording: two quotations whose words differ, once case, punctuation and quote marks are
  set aside. A shorter excerpt of a longer quotation is not a discrepancy; it stands
  with the quotation it is part of.
- attribution: the same figure (or the same quotation) credited to different sources:
  "3 injured according to the US" vs "3 injured according to Kurdish counter-terrorism".
  A report with no attribution does not count as a different one; "the US" and
  "the US military" are one source (words.same_name).

Each discrepancy is one pair of readings, with every report on each side.
"""
from __future__ import annotations

import difflib
from collections.abc import Sequence
from itertools import combinations

from ..vocabulary import ClaimType
from .figures import Figure
from .matching import FIGURE_TYPES, figure_of, unit_of
from .records import Discrepancy, DiscrepancySide, Report
from .words import is_excerpt, quote_words, same_name

KIND_ORDER = {"figure": 0, "wording": 1, "attribution": 2}


def _order(reports: Sequence[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.published or "9999", r.article_id, r.start, r.claim_id))


def where(reports: Sequence[Report]) -> str:
    """ "ntv.de, 2023-12-26; Citadel Radio, 2023-12-27": each article once, in publication order."""
    seen, out = set(), []
    for r in _order(reports):
        if r.article_id not in seen:
            seen.add(r.article_id)
            out.append(r.where)
    return "; ".join(out)


def _side(reading: str, reports: Sequence[Report]) -> DiscrepancySide:
    return DiscrepancySide(reading=reading, reports=tuple(_order(reports)))


def _sorted_pair(a: DiscrepancySide, b: DiscrepancySide) -> tuple[DiscrepancySide, DiscrepancySide]:
    key = lambda s: (s.reports[0].published or "9999", s.reports[0].article_id, s.reports[0].claim_id)  # noqa: E731
    return (a, b) if key(a) <= key(b) else (b, a)


def _name_clusters(reports: Sequence[Report], name_of) -> list[list[Report]]:
    """Reports grouped by the source they name (reports naming none are left out)."""
    clusters: list[list[Report]] = []
    for r in _order(reports):
        name = name_of(r)
        if not name or not name.strip():
            continue
        for c in clusters:
            if any(same_name(name, name_of(x)) for x in c):
                c.append(r)
                break
        else:
            clusters.append([r])
    return clusters


def _attribution_discrepancies(group_id: int, label: str, reports: Sequence[Report], name_of,
                               what: str) -> list[Discrepancy]:
    out = []
    clusters = _name_clusters(reports, name_of)
    for ca, cb in combinations(clusters, 2):
        a, b = _sorted_pair(_side(name_of(ca[0]), ca), _side(name_of(cb[0]), cb))
        explanation = (f"{what} attributed to {a.reading} ({where(a.reports)}) "
                       f"vs to {b.reading} ({where(b.reports)})")
        out.append(Discrepancy("attribution", group_id, label, (a, b), explanation))
    return out


def _figure_discrepancies(group_id: int, label: str, reports: Sequence[Report]) -> list[Discrepancy]:
    readings: dict[Figure, list[Report]] = {}
    for r in _order(reports):
        f = figure_of(r)
        if f is not None:
            readings.setdefault(f, []).append(r)
    unit = next((unit_of(r) for r in _order(reports) if unit_of(r)), "")
    out = []
    for (fa, ra), (fb, rb) in combinations(readings.items(), 2):
        if fa.compatible(fb):
            continue
        a, b = _sorted_pair(_side(fa.describe(unit), ra), _side(fb.describe(unit), rb))
        out.append(Discrepancy("figure", group_id, label, (a, b),
                               f"{a.reading} ({where(a.reports)}) vs {b.reading} ({where(b.reports)})"))
    for f, rs in readings.items():
        out += _attribution_discrepancies(group_id, label, rs, lambda r: r.source, f.describe(unit))
    return out


def _fragment(words_a: list[str], words_b: list[str], context: int = 2, most: int = 2) -> tuple[str, str, int]:
    """Where two wordings differ, with a little context ("…want to escalate … we are determined and…"),
    and how many further differences were left out. Short quotations are shown whole."""
    if len(words_a) <= 8 and len(words_b) <= 8:
        return " ".join(words_a), " ".join(words_b), 0
    def low(ws):
        return [w.lower().strip(".,;:!?\"'\u201c\u201d\u2018\u2019") for w in ws]
    ops = [op for op in difflib.SequenceMatcher(a=low(words_a), b=low(words_b), autojunk=False).get_opcodes()
           if op[0] != "equal"]

    def show(ws, spans):
        parts, first, last = [], None, None
        for s0, s1 in spans:
            lo, hi = max(0, s0 - context), min(len(ws), s1 + context)
            parts.append(" ".join(ws[lo:hi]))
            first = lo if first is None else first
            last = hi
        text = " \u2026 ".join(p for p in parts if p)
        return ("\u2026" if first else "") + text + ("\u2026" if last is not None and last < len(ws) else "")

    shown = ops[:most]
    return (show(words_a, [(i1, i2) for _t, i1, i2, _j1, _j2 in shown]),
            show(words_b, [(j1, j2) for _t, _i1, _i2, j1, j2 in shown]), max(0, len(ops) - most))


def _clean_quote(text: str) -> list[str]:
    return " ".join(text.split()).strip(" ,.;:\"'\u201c\u201d\u2018\u2019").split()


def _wording_discrepancies(group_id: int, label: str, reports: Sequence[Report]) -> list[Discrepancy]:
    readings: dict[tuple[str, ...], list[Report]] = {}
    for r in _order(reports):
        readings.setdefault(tuple(quote_words(r.text)), []).append(r)
    longest = [w for w in readings if not any(w != o and is_excerpt(list(w), list(o)) for o in readings)]
    sides: dict[tuple[str, ...], list[Report]] = {w: list(readings[w]) for w in longest}
    for w, rs in readings.items():
        if w in sides:
            continue
        holders = [o for o in longest if is_excerpt(list(w), list(o))]
        if len(holders) == 1:  # an excerpt stands with the one quotation it is part of
            sides[holders[0]].extend(rs)
    speaker = next((r.speaker for r in _order(reports) if r.speaker), "")
    out = []
    for wa, wb in combinations(longest, 2):
        ra, rb = sides[wa], sides[wb]
        ta, tb = _clean_quote(_order(ra)[0].text), _clean_quote(_order(rb)[0].text)
        a, b = _sorted_pair(_side(" ".join(ta), ra), _side(" ".join(tb), rb))
        fa, fb, more = _fragment(a.reading.split(), b.reading.split())
        who = f"{speaker} quoted as " if speaker else "Quoted as "
        tail = f" ({more} more difference{'s' if more > 1 else ''})" if more else ""
        out.append(Discrepancy("wording", group_id, label, (a, b),
                               f"{who}\u201c{fa}\u201d ({where(a.reports)}) vs \u201c{fb}\u201d ({where(b.reports)})"
                               + tail))
    short = " ".join(_clean_quote(_order(reports)[0].text))
    short = short if len(short) <= 40 else short[:39] + "\u2026"
    out += _attribution_discrepancies(group_id, label, reports, lambda r: r.speaker, f"\u201c{short}\u201d")
    return out


def find_discrepancies(group_id: int, label: str, reports: Sequence[Report]) -> list[Discrepancy]:
    """Every discrepancy among one group's reports: figures first, then wordings, then attributions."""
    figures = [r for r in reports if r.type in FIGURE_TYPES and r.count is not None]
    quotes = [r for r in reports if r.type == ClaimType.quote and r.text.strip()]
    attributions = [r for r in reports if r.type == ClaimType.attribution]
    out = _figure_discrepancies(group_id, label, figures) if figures else []
    if quotes:
        out += _wording_discrepancies(group_id, label, quotes)
    if attributions:
        out += _attribution_discrepancies(group_id, label, attributions, lambda r: r.attributed_to,
                                          "The same report")
    return sorted(out, key=lambda d: KIND_ORDER[d.kind])
