"""Colours, fonts and small painted icons, taken from the taxonomy and the current palette.

Nothing here is a fixed light-theme colour: the highlight colours come from
resources/taxonomy.json (pastels that stay legible behind dark text, in light and
dark palettes alike), everything else from the QPalette.
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap

from desktop_app.core import taxonomy

#: Text drawn on a claim highlight: the taxonomy's pastels are chosen for dark text.
HIGHLIGHT_TEXT = QColor("#1b1b1b")
READING_FAMILIES = ("Source Serif 4", "Source Serif Pro", "Charter", "Georgia", "Noto Serif", "DejaVu Serif",
                    "Liberation Serif", "Times New Roman")


def type_colour(name: str) -> QColor:
    term = taxonomy.types().get(name)
    return QColor(term.colour if term else "#d4d4d4")


def status_colour(name: str) -> QColor:
    term = taxonomy.statuses().get(name)
    return QColor(term.colour if term else "#8a8a8a")


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def status_ink(name: str, palette: QPalette | None = None) -> QColor:
    """A verdict's colour as text or an underline: lightened on a dark background so it stays visible."""
    colour = status_colour(name)
    if is_dark(palette):
        return colour.lighter(150)
    return colour


@cache
def reading_family() -> str:
    available = set(QFontDatabase.families())
    for family in READING_FAMILIES:
        if family in available:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


def reading_font(point_size: float) -> QFont:
    font = QFont(reading_family())
    font.setPointSizeF(point_size)
    font.setStyleHint(QFont.StyleHint.Serif)
    return font


def _pixmap(size: int) -> tuple[QPixmap, QPainter]:
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    pm = QPixmap(int(size * ratio), int(size * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pm, painter


def swatch(colour: QColor, size: int = 14, outline: QColor | None = None) -> QPixmap:
    """A rounded square of a claim type's colour (table, legend, toolbar)."""
    pm, p = _pixmap(size)
    p.setPen(QPen(outline or colour.darker(140), 1))
    p.setBrush(colour)
    p.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    p.end()
    return pm


def dot(colour: QColor, size: int = 12) -> QPixmap:
    """A verdict's colour as a dot (table, article list)."""
    pm, p = _pixmap(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    p.end()
    return pm


def underline_sample(colour: QColor, width: int = 22, height: int = 14) -> QPixmap:
    """How a verdict shows in the text: a bar under the words (legend)."""
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    pm = QPixmap(int(width * ratio), int(height * ratio))
    pm.setDevicePixelRatio(ratio)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.fillRect(QRectF(1, height - 5, width - 2, 3), colour)
    p.end()
    return pm


def type_icon(name: str) -> QIcon:
    icon = QIcon()
    for size in (16, 22, 32):
        icon.addPixmap(swatch(type_colour(name), size))
    return icon


def status_icon(name: str) -> QIcon:
    return QIcon(dot(status_colour(name), 16))


def dark_palette() -> QPalette:
    """A dark palette for platforms whose style does not follow the system's dark mode."""
    p = QPalette()
    roles = QPalette.ColorRole
    colours = {
        roles.Window: "#2b2d30", roles.WindowText: "#e6e6e6", roles.Base: "#1f2023",
        roles.AlternateBase: "#2a2c2f", roles.ToolTipBase: "#3a3c40", roles.ToolTipText: "#f0f0f0",
        roles.Text: "#e6e6e6", roles.Button: "#33363a", roles.ButtonText: "#e6e6e6",
        roles.BrightText: "#ff6b6b", roles.Highlight: "#3d6fb4", roles.HighlightedText: "#ffffff",
        roles.Link: "#7fb0ff", roles.PlaceholderText: "#8c8f94", roles.Mid: "#45484d",
        roles.Midlight: "#3a3d41", roles.Dark: "#1a1b1e", roles.Shadow: "#111214", roles.Light: "#4a4d52",
    }
    for role, value in colours.items():
        p.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7d82"))
    return p


def suggestion_ink(name: str, palette: QPalette | None = None) -> QColor:
    """A candidate claim's dashed outline: its type's colour, dark enough to read as a line on paper
    (on a dark background the pastel itself is the line that shows)."""
    colour = type_colour(name)
    return colour.lighter(115) if is_dark(palette) else colour.darker(175)


def dashed_swatch(colour: QColor, size: int = 14) -> QPixmap:
    """A suggested (not yet accepted) claim: a faint square with a dashed border (suggestion list, legend)."""
    pm, p = _pixmap(size)
    fill = QColor(colour)
    fill.setAlpha(70)
    pen = QPen(colour.lighter(115) if is_dark() else colour.darker(175), 1.3, Qt.PenStyle.CustomDashLine)
    pen.setDashPattern([2.0, 1.6])
    p.setPen(pen)
    p.setBrush(fill)
    p.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    p.end()
    return pm


def anchor_warning(orphaned: bool, palette: QPalette | None = None) -> QColor:
    """The claim table's text colour for a claim a revision orphaned (red) or matched approximately (amber)."""
    colour = QColor("#b3261e") if orphaned else QColor("#9a5b00")
    return colour.lighter(170) if is_dark(palette) else colour


def dashed_icon() -> QIcon:
    """The Suggest action: a dashed outline, as candidates look in the text."""
    icon = QIcon()
    for size in (16, 22, 32):
        icon.addPixmap(dashed_swatch(type_colour("casualty"), size))
    return icon
