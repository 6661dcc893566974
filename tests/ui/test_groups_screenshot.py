"""The views across articles rendered offscreen at 1280x800, light and dark: the window keeps its size,
the conflict is in red, and the plot draws each outlet's reports in its own colour on the palette's base."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from desktop_app.core.workspace import Workspace
from desktop_app.ui import theme
from desktop_app.ui.figures_view import OUTLET_COLOURS, outlet_colour
from desktop_app.ui.groups_panel import warn_colour

from ..core.groups.erbil import load_event
from .conftest import open_window


def count_near(image: QImage, colour: QColor, tolerance: int = 24) -> int:
    n = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if (abs(c.red() - colour.red()) <= tolerance and abs(c.green() - colour.green()) <= tolerance
                    and abs(c.blue() - colour.blue()) <= tolerance):
                n += 1
    return n


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_groups_and_figures_at_1280x800(qtbot, ws_path, settings, errors, tmp_path, dark):
    with Workspace.open(ws_path) as ws:
        ids = load_event(ws)
        ws.apply_group_suggestions()
    win = open_window(qtbot, ws_path, settings)
    if dark:
        win.setPalette(theme.dark_palette())
    a = win.across
    qtbot.waitUntil(lambda: len(a.discrepancies.items) == 6 and a._task is None)
    a.show_views(True)
    injured = next(g for g in a.snapshot.groups
                   if ids[("usa-attacks-pro-iranian-militias-in-iraq.txt", "Three soldiers are injured")] in g.claim_ids)
    a.groups.select(injured.id)
    a._show(a.snapshot)  # repaint with the palette in force
    qtbot.wait(50)
    path = tmp_path / f"groups-{'dark' if dark else 'light'}.png"
    assert win.grab().save(str(path))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1280, 800)  # the views fit; the window does not grow

    plot = a.figures.plot.grab().toImage()
    background = plot.pixelColor(plot.width() - 3, plot.height() - 3)
    assert (background.lightnessF() < 0.3) == dark
    pal = win.palette()
    for i in range(3):  # ntv.de, Continental Newswire, Citadel Radio
        assert count_near(plot, outlet_colour(i, pal)) > 10, OUTLET_COLOURS[i]
    heading = a.figures.conflict.grab().toImage()
    assert count_near(heading, warn_colour("figure", pal), tolerance=40) > 20  # the conflict line is red
    assert not errors
