"""Where each reported figure goes in the figures plot: value and date to pixels (no Qt).

The plot shows one group's reports over publication time: a point per report at its
count, a bar over the range a qualifier allows ("about 2,500": 2,250..2,750), an arrow
up for an open-ended figure ("at least 2"). Reports of one day are spread sideways so
each stays visible; undated reports get their own column at the right. The widget only
paints what `layout()` returns, so the geometry is tested without a window.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop_app.core.groups import FigurePoint

#: Small counts (casualties, facilities) are drawn from zero, so 3 and 4 look like 3 and 4, not 1 and 100.
ZERO_BASELINE_BELOW = 50
UNDATED = "undated"


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class Axis:
    """A value axis from `lo` to `hi` with its tick values."""

    lo: float
    hi: float
    ticks: tuple[float, ...]

    def pixel(self, value: float, box: Box) -> float:
        """The y of a value: `lo` at the bottom of the box, `hi` at the top."""
        if self.hi == self.lo:
            return box.top + box.height / 2
        return box.bottom - (value - self.lo) / (self.hi - self.lo) * box.height


def nice_step(span: float, max_ticks: int = 5) -> float:
    """A tick step of 1, 2 or 5 times a power of ten (at least 1: counts are whole)."""
    raw = max(span, 1e-9) / max(1, max_ticks)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return max(1.0, m * mag)
    return max(1.0, 10 * mag)


def value_axis(points: Sequence[FigurePoint], max_ticks: int = 5) -> Axis:
    """The axis for a group's figures: every count and range on it, room above an open-ended range."""
    if not points:
        return Axis(0, 1, (0, 1))
    lows = [min(p.low, p.count) for p in points]
    tops = [max(p.high if p.high is not None else p.low, p.count) for p in points]
    lo, hi = min(lows), max(tops)
    if hi <= ZERO_BASELINE_BELOW or lo <= 2 * (hi - lo):
        lo = 0
    span = hi - lo
    if span == 0:
        span = max(1.0, abs(hi) * 0.1)
        lo, hi = max(0.0, lo - span), hi + span
    step = nice_step(hi - lo, max_ticks)
    lo_tick = math.floor(lo / step) * step
    hi_tick = math.ceil(hi / step) * step
    if hi_tick == hi:
        hi_tick += step  # room above the highest value (and for the arrows of "at least")
    ticks = []
    t = lo_tick
    while t <= hi_tick + step / 1000:
        ticks.append(round(t, 6))
        t += step
    return Axis(lo_tick, hi_tick, tuple(ticks))


def tick_label(value: float) -> str:
    return f"{int(round(value)):,}" if abs(value - round(value)) < 1e-6 else f"{value:,.1f}"


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def date_slots(points: Sequence[FigurePoint]) -> list[str]:
    """The columns of the plot: each publication date once, in order, then "undated" if any."""
    days = sorted({d for p in points if (d := _day(p.published)) is not None})
    out = [d.isoformat() for d in days]
    if any(_day(p.published) is None for p in points):
        out.append(UNDATED)
    return out


def slot_x(slots: Sequence[str], box: Box, spread: float) -> dict[str, float]:
    """The x of each date column: dates in proportion to the days between them, "undated" apart at the right.

    `spread` is the width reports of one day are spread over; the first and last columns sit
    that far in from the edges so no point is cut.
    """
    dated = [s for s in slots if s != UNDATED]
    half = spread / 2 + 6
    left, right = box.left + half, box.right - half
    out: dict[str, float] = {}
    if UNDATED in slots:
        if not dated:
            return {UNDATED: box.left + box.width / 2}
        out[UNDATED] = right
        right -= max(spread + 24, box.width * 0.18)
    if len(dated) == 1:
        out[dated[0]] = (left + right) / 2
    elif dated:
        first, last = date.fromisoformat(dated[0]), date.fromisoformat(dated[-1])
        days = (last - first).days
        for s in dated:
            out[s] = left + (date.fromisoformat(s) - first).days / days * (right - left)
    return out


@dataclass(frozen=True)
class PlacedPoint:
    """One report in the plot. `y_high` None: open-ended, drawn as an arrow to the top."""

    point: FigurePoint
    x: float
    y: float  # the count
    y_low: float
    y_high: float | None
    shape: str  # "exact" | "range" | "open"
    colour: int  # index into the outlets


@dataclass(frozen=True)
class PlotLayout:
    box: Box
    axis: Axis
    points: tuple[PlacedPoint, ...]
    y_ticks: tuple[tuple[float, str], ...]
    x_ticks: tuple[tuple[float, str], ...]
    outlets: tuple[str, ...]
    values: tuple[tuple[float, str], ...]  # y and label of each value in a figure discrepancy

    def nearest(self, x: float, y: float, radius: float = 8) -> PlacedPoint | None:
        """The report drawn at (or nearest within `radius` of) a pixel, for tooltips and clicks."""
        best, best_d = None, radius
        for p in self.points:
            top = p.y_high if p.y_high is not None else self.box.top
            dy = 0.0 if min(top, p.y_low, p.y) <= y <= max(p.y_low, p.y) else min(abs(y - p.y), abs(y - p.y_low))
            d = math.hypot(x - p.x, dy)
            if d <= best_d:
                best, best_d = p, d
        return best


def outlet_of(p: FigurePoint) -> str:
    return p.outlet or p.article_title or f"article {p.article_id}"


def shape_of(p: FigurePoint) -> str:
    if p.high is None:
        return "open"
    return "exact" if p.low == p.high else "range"


def layout(points: Sequence[FigurePoint], box: Box, *, conflicting: Iterable[int] = (), max_ticks: int = 5,
           step: float = 11.0, max_spread: float = 90.0) -> PlotLayout:
    """Place every report: x by its date (reports of a day side by side), y by its count and range.
    `conflicting`: the claims on either side of a figure discrepancy; their values get reference lines."""
    axis = value_axis(points, max_ticks)
    outlets: dict[str, int] = {}
    for p in points:
        outlets.setdefault(outlet_of(p), len(outlets))
    slots = date_slots(points)
    by_slot: dict[str, list[FigurePoint]] = {s: [] for s in slots}
    for p in points:
        day = _day(p.published)
        by_slot[day.isoformat() if day else UNDATED].append(p)
    widest = max((len(v) for v in by_slot.values()), default=1)
    room = box.width / max(1, len(slots)) * 0.6
    gap = min(step, room / max(1, widest - 1)) if widest > 1 else 0.0
    spread = min(max_spread, gap * (widest - 1))
    xs = slot_x(slots, box, spread)
    placed = []
    for slot in slots:
        members = sorted(by_slot[slot], key=lambda p: (outlets[outlet_of(p)], p.count, p.claim_id))
        n = len(members)
        for i, p in enumerate(members):
            x = xs[slot] + (i - (n - 1) / 2) * gap
            placed.append(PlacedPoint(
                point=p, x=x, y=axis.pixel(p.count, box), y_low=axis.pixel(p.low, box),
                y_high=None if p.high is None else axis.pixel(p.high, box), shape=shape_of(p),
                colour=outlets[outlet_of(p)]))
    disputed = set(conflicting)
    values = sorted({p.count for p in points if p.claim_id in disputed})
    return PlotLayout(
        box=box, axis=axis, points=tuple(placed),
        y_ticks=tuple((axis.pixel(t, box), tick_label(t)) for t in axis.ticks),
        x_ticks=tuple((xs[s], s) for s in slots),
        outlets=tuple(outlets),
        values=tuple((axis.pixel(v, box), tick_label(v)) for v in values) if len(values) > 1 else ())
