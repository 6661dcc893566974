"""The figures plot's geometry without a window: values and dates to pixels, ranges, arrows, spreading."""
from __future__ import annotations

from desktop_app.core.groups import FigurePoint
from desktop_app.ui.figures_layout import (
    UNDATED,
    Axis,
    Box,
    date_slots,
    layout,
    nice_step,
    slot_x,
    tick_label,
    value_axis,
)

BOX = Box(left=40, top=20, width=400, height=200)


def point(claim_id, count, published="2023-12-26", outlet="ntv.de", qualifier="exact", low=None, high="same"):
    low = count if low is None else low
    high = count if high == "same" else high
    return FigurePoint(article_id=claim_id, article_title=f"article {claim_id}", outlet=outlet, published=published,
                       claim_id=claim_id, count=count, qualifier=qualifier, category="injured", text=f"{count} injured",
                       source=None, low=low, high=high)


def test_a_value_maps_to_a_pixel_from_the_bottom_up():
    axis = Axis(0, 10, (0, 5, 10))
    assert axis.pixel(0, BOX) == BOX.bottom
    assert axis.pixel(10, BOX) == BOX.top
    assert axis.pixel(5, BOX) == BOX.top + BOX.height / 2
    assert axis.pixel(2.5, BOX) > axis.pixel(5, BOX)  # smaller values lower


def test_small_counts_start_at_zero_with_room_above_and_whole_steps():
    axis = value_axis([point(1, 3), point(2, 4)])
    assert axis.lo == 0 and axis.hi > 4  # 3 and 4 look like 3 and 4, and 4 is not on the frame
    assert all(float(t).is_integer() for t in axis.ticks)
    assert axis.ticks[0] == 0 and axis.ticks[-1] == axis.hi
    assert nice_step(0.5) == 1  # counts are whole: no 0.1 steps


def test_a_large_approximate_figure_is_not_squashed_against_zero():
    axis = value_axis([point(1, 2500, qualifier="about", low=2250, high=2750)])
    assert 2000 <= axis.lo <= 2250 and 2750 <= axis.hi <= 3000
    assert tick_label(2500) == "2,500"


def test_an_open_ended_figure_leaves_room_for_its_arrow():
    axis = value_axis([point(1, 2, qualifier="at least", high=None), point(2, 1)])
    assert axis.hi > 2


def test_date_columns_in_order_with_undated_last():
    pts = [point(1, 3, "2023-12-27"), point(2, 3, None), point(3, 4, "2023-12-26"), point(4, 4, "2023-12-26")]
    assert date_slots(pts) == ["2023-12-26", "2023-12-27", UNDATED]


def test_dates_stand_apart_in_proportion_to_the_days_between_them():
    xs = slot_x(["2023-12-01", "2023-12-02", "2023-12-11"], BOX, spread=20)
    assert xs["2023-12-01"] < xs["2023-12-02"] < xs["2023-12-11"]
    one_day = xs["2023-12-02"] - xs["2023-12-01"]
    assert abs((xs["2023-12-11"] - xs["2023-12-01"]) - 10 * one_day) < 1e-6
    assert xs["2023-12-01"] - 10 >= BOX.left and xs["2023-12-11"] + 10 <= BOX.right  # no point cut at the edges


def test_every_report_gets_a_point_and_reports_of_one_day_stand_side_by_side():
    pts = [point(1, 3), point(2, 3), point(3, 3), point(4, 4, outlet="Continental Newswire"),
           point(5, 4, outlet="Continental Newswire"), point(6, 3, "2023-12-27", outlet="Citadel Radio")]
    lay = layout(pts, BOX)
    assert [p.point.claim_id for p in sorted(lay.points, key=lambda p: p.point.claim_id)] == [1, 2, 3, 4, 5, 6]
    same_day = [p for p in lay.points if p.point.published == "2023-12-26"]
    assert len({round(p.x, 3) for p in same_day}) == 5  # none hidden behind another
    later = next(p for p in lay.points if p.point.claim_id == 6)
    assert later.x > max(p.x for p in same_day)
    threes = [p.y for p in lay.points if p.point.count == 3]
    fours = [p.y for p in lay.points if p.point.count == 4]
    assert len(set(threes)) == 1 and len(set(fours)) == 1 and fours[0] < threes[0]  # 4 drawn above 3
    assert lay.outlets == ("ntv.de", "Continental Newswire", "Citadel Radio")
    assert {p.colour for p in lay.points if p.point.outlet == "ntv.de"} == {0}
    assert [label for _, label in lay.x_ticks] == ["2023-12-26", "2023-12-27"]
    assert all(BOX.left <= p.x <= BOX.right and BOX.top <= p.y <= BOX.bottom for p in lay.points)


def test_ranges_and_open_ended_figures_keep_their_bounds():
    pts = [point(1, 2500, qualifier="about", low=2250, high=2750), point(2, 2, qualifier="at least", high=None),
           point(3, 1)]
    lay = layout(pts[:1], BOX)
    about = lay.points[0]
    assert about.shape == "range"
    assert about.y_low == lay.axis.pixel(2250, BOX) and about.y_high == lay.axis.pixel(2750, BOX)
    assert about.y_high < about.y < about.y_low
    lay = layout(pts[1:], BOX)
    at_least = next(p for p in lay.points if p.point.claim_id == 2)
    assert at_least.shape == "open" and at_least.y_high is None  # drawn as an arrow to the top
    assert next(p for p in lay.points if p.point.claim_id == 3).shape == "exact"


def test_the_disagreeing_values_get_reference_lines_and_nothing_else_does():
    pts = [point(1, 1, qualifier="at least", high=None), point(2, 2, qualifier="at least", high=None),
           point(3, 1, "2023-12-27")]
    assert layout(pts, BOX).values == ()
    lay = layout(pts, BOX, conflicting=[2, 3])
    assert [label for _, label in lay.values] == ["1", "2"]
    assert lay.values[0][0] == lay.axis.pixel(1, BOX)


def test_a_pixel_finds_the_report_drawn_there():
    pts = [point(1, 3), point(2, 4, "2023-12-27")]
    lay = layout(pts, BOX)
    target = next(p for p in lay.points if p.point.claim_id == 2)
    assert lay.nearest(target.x + 2, target.y - 2).point.claim_id == 2
    assert lay.nearest(BOX.left + 1, BOX.top + 1) is None
