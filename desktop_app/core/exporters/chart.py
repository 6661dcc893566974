"""The summary chart: claims by verdict as horizontal bars, in the colours of the text highlights.

Drawn with matplotlib's object API on the Agg canvas (no pyplot, no GUI backend, no
global state), so it is safe on the export worker thread and never touches Qt.
"""
from __future__ import annotations

import io

from . import briefing as bf

#: RGB of Word's highlight colours (w:highlight values), so bar and highlighted text look alike.
HIGHLIGHT_RGB = {
    "yellow": "#ffff00", "green": "#00ff00", "cyan": "#00ffff", "magenta": "#ff00ff", "blue": "#0000ff",
    "red": "#ff0000", "darkBlue": "#000080", "darkCyan": "#008080", "darkGreen": "#008000",
    "darkMagenta": "#800080", "darkRed": "#800000", "darkYellow": "#808000", "darkGray": "#808080",
    "lightGray": "#c0c0c0", "black": "#000000", "white": "#ffffff",
}


def status_bars(counts: dict[str, int], *, width_in: float = 4.4, dpi: int = 150) -> bytes:
    """A PNG of one bar per verdict (zeros included, so every chart reads the same way)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from .docx_briefing import highlight_value

    labels = [bf.status_label(s) for s in counts]
    values = list(counts.values())
    colours = [HIGHLIGHT_RGB.get(highlight_value(s) or "", "#c0c0c0") for s in counts]
    height_in = 0.22 * len(values) + 0.2
    fig = Figure(figsize=(width_in, height_in), dpi=dpi)
    FigureCanvasAgg(fig)
    # Fixed margins instead of tight_layout (which draws the figure twice): room for the labels at left.
    ax = fig.add_axes((0.95 / width_in, 0.1 / height_in, 1 - 1.25 / width_in, 1 - 0.2 / height_in))
    bars = ax.barh(range(len(values)), values, color=colours, edgecolor="#404040", linewidth=0.6, height=0.7)
    ax.set_yticks(range(len(values)), labels, fontsize=8)
    ax.invert_yaxis()
    top = max(values) if values and max(values) else 1
    ax.set_xlim(0, top * 1.12 + 0.5)
    ax.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=8)
    ax.xaxis.set_visible(False)
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#808080")
    ax.tick_params(axis="y", length=0)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=dpi, pil_kwargs={"compress_level": 1})
    return out.getvalue()
