"""The figures view: each group's reported values against publication time."""
from __future__ import annotations

import math
from collections.abc import Sequence

from .matching import FIGURE_TYPES, figure_of, unit_of
from .records import FigurePoint, GroupFigures, Report


def figure_series(group_id: int, label: str, reports: Sequence[Report]) -> GroupFigures | None:
    """The group's figures in publication order (undated last), or None if it has no figure."""
    points = []
    for r in sorted(reports, key=lambda r: (r.published is None, r.published or "", r.article_id, r.start)):
        f = figure_of(r) if r.type in FIGURE_TYPES else None
        if f is None:
            continue
        low, high = f.bounds()
        points.append(FigurePoint(
            article_id=r.article_id, article_title=r.article_title, outlet=r.outlet, published=r.published,
            claim_id=r.claim_id, count=f.count, qualifier=f.qualifier, category=r.category, text=r.text,
            source=r.source, low=low, high=None if math.isinf(high) else high))
    if not points:
        return None
    unit = next((unit_of(r) for r in reports if r.type in FIGURE_TYPES and unit_of(r)), "")
    return GroupFigures(group_id=group_id, label=label, unit=unit, points=tuple(points))
