"""The figures view: one group's reported values over publication time, as a small plot and a table.

The plot is painted with QPainter (QtCharts is not in PySide6-Essentials) from
figures_layout.layout(); every colour comes from the palette or a colour-blind-safe
set that is lightened on a dark background, so it reads in light and dark alike.
"""
from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.groups import Discrepancy, GroupFigures, GroupMemberRecord

from . import theme
from .figures_layout import Box, PlotLayout, layout, outlet_of, shape_of, tick_label, value_axis
from .groups_present import ReportRow, date_text, kind_colour, member_rows, point_figure, point_rows
from .present import short

#: Okabe-Ito colours (told apart with the common colour-vision deficiencies), yellow left out.
OUTLET_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f7f7f")
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def outlet_colour(index: int, palette: QPalette | None = None) -> QColor:
    colour = QColor(OUTLET_COLOURS[index % len(OUTLET_COLOURS)])
    return colour.lighter(135) if theme.is_dark(palette) else colour


class FiguresPlot(QWidget):
    """A point per report over date; ranges as bars, open-ended figures as arrows up."""

    pointClicked = Signal(int)  # claim id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("figuresPlot")
        self.setMouseTracking(True)
        self.setMinimumSize(220, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.figures: GroupFigures | None = None
        self.conflicting: frozenset[int] = frozenset()
        self.selected: int | None = None
        self._layout: PlotLayout | None = None
        self._layout_size = (0, 0)

    def set_figures(self, figures: GroupFigures | None, conflicting=()) -> None:
        """The group's figures; `conflicting`: claims on either side of a figure discrepancy."""
        self.figures, self.conflicting = figures, frozenset(conflicting)
        self._layout = None
        self.update()

    def set_selected(self, claim_id: int | None) -> None:
        if claim_id != self.selected:
            self.selected = claim_id
            self.update()

    # --- geometry -------------------------------------------------------------------------
    def _small_font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(max(7.0, f.pointSizeF() * 0.9))
        return f

    def legend_rows(self, width: float) -> list[list[tuple[str, int]]]:
        """The legend entries ((text, outlet index or -1 for the key to the marks)) flowed into rows."""
        fm = QFontMetricsF(self._small_font())
        entries = [(name, i) for i, name in enumerate(self._outlets())]
        shapes = {shape_of(p) for p in self.figures.points} if self.figures else set()
        if shapes - {"exact"}:  # the key to the marks, when not every figure is exact
            keys = {"exact": "\u25cf exact", "range": "\u2502 range", "open": "\u2191 at least"}
            entries.append(("  ".join(["\u25cb bound"] + [keys[s] for s in ("exact", "range", "open") if s in shapes]), -1))
        rows, row, used = [], [], 0.0
        for text, i in entries:
            w = fm.horizontalAdvance(text) + (16 if i >= 0 else 0) + 14
            if row and used + w > width:
                rows.append(row)
                row, used = [], 0.0
            row.append((text, i))
            used += w
        if row:
            rows.append(row)
        return rows

    def _outlets(self) -> list[str]:
        seen: dict[str, None] = {}
        for p in self.figures.points if self.figures else ():
            seen.setdefault(outlet_of(p), None)
        return list(seen)

    def plot_layout(self) -> PlotLayout | None:
        if self.figures is None or not self.figures.points:
            return None
        if self._layout is None or self._layout_size != (self.width(), self.height()):
            fm = QFontMetricsF(self._small_font())
            axis = value_axis(self.figures.points)
            label_w = max(fm.horizontalAdvance(tick_label(t)) for t in axis.ticks)
            legend_h = len(self.legend_rows(self.width() - 16)) * (fm.height() + 4)
            top = 8 + legend_h + fm.height() * 1.5 + 6  # legend, then the unit above the axis
            left = 10 + label_w + 8
            box = Box(left, top, max(40.0, self.width() - left - 14), max(30.0, self.height() - top - fm.height() - 14))
            self._layout = layout(self.figures.points, box, conflicting=self.conflicting)
            self._layout_size = (self.width(), self.height())
        return self._layout

    def resizeEvent(self, event) -> None:
        self._layout = None
        super().resizeEvent(event)

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        p.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        lay = self.plot_layout()
        text = pal.color(QPalette.ColorRole.Text)
        dim = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        p.setFont(self._small_font())
        fm = QFontMetricsF(self._small_font())
        if lay is None:
            p.setPen(dim)
            p.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter),
                       "No figures to plot" if self.figures is not None else "Select a group to plot its figures")
            p.end()
            return
        box = lay.box
        grid = QColor(text)
        grid.setAlphaF(0.12)
        # legend
        y = 8.0
        for row in self.legend_rows(self.width() - 16):
            x = 10.0
            for label, i in row:
                if i >= 0:
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(outlet_colour(i, pal))
                    p.drawEllipse(QPointF(x + 5, y + fm.height() / 2), 4.5, 4.5)
                    x += 14
                    p.setPen(text)
                else:
                    p.setPen(dim)
                p.drawText(QPointF(x, y + fm.ascent()), label)
                x += fm.horizontalAdvance(label) + 14
            y += fm.height() + 4
        # unit above the value axis
        p.setPen(dim)
        unit = self.figures.unit or "count"
        p.drawText(QPointF(10, box.top - fm.height() / 2 - 4), unit)
        # grid and axes
        for gy, label in lay.y_ticks:
            p.setPen(QPen(grid, 1))
            p.drawLine(QPointF(box.left, gy), QPointF(box.right, gy))
            p.setPen(dim)
            p.drawText(QRectF(0, gy - fm.height() / 2, box.left - 6, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
        axis_pen = QPen(dim, 1)
        p.setPen(axis_pen)
        p.drawLine(QPointF(box.left, box.bottom), QPointF(box.right, box.bottom))
        p.drawLine(QPointF(box.left, box.top), QPointF(box.left, box.bottom))
        for gx, label in lay.x_ticks:
            p.drawLine(QPointF(gx, box.bottom), QPointF(gx, box.bottom + 4))
            w = fm.horizontalAdvance(label)
            lx = min(max(gx - w / 2, box.left), self.width() - w - 4)
            p.drawText(QPointF(lx, box.bottom + 6 + fm.ascent()), label)
        # the disagreeing values: a dashed line across at each, in the colour of a figure discrepancy
        if lay.values:
            warn = QColor(kind_colour("figure"))
            warn.setAlphaF(0.55)
            p.setPen(QPen(warn, 1, Qt.PenStyle.DashLine))
            for vy, _label in lay.values:
                p.drawLine(QPointF(box.left, vy), QPointF(box.right, vy))
        # reports
        base = pal.color(QPalette.ColorRole.Base)
        for pt in lay.points:
            colour = outlet_colour(pt.colour, pal)
            if pt.shape in ("range", "open"):
                top = pt.y_high if pt.y_high is not None else box.top + 2
                p.setPen(QPen(colour, 2.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
                p.drawLine(QPointF(pt.x, pt.y_low), QPointF(pt.x, top))
                p.setPen(QPen(colour, 2))
                p.drawLine(QPointF(pt.x - 4, pt.y_low), QPointF(pt.x + 4, pt.y_low))
                if pt.y_high is not None:
                    p.drawLine(QPointF(pt.x - 4, top), QPointF(pt.x + 4, top))
                else:
                    arrow = QPainterPath(QPointF(pt.x, top - 3))
                    arrow.lineTo(pt.x - 5, top + 6)
                    arrow.lineTo(pt.x + 5, top + 6)
                    arrow.closeSubpath()
                    p.setPen(Qt.PenStyle.NoPen)
                    p.setBrush(colour)
                    p.drawPath(arrow)
            if pt.shape == "exact":
                p.setPen(QPen(base, 1.5))
                p.setBrush(colour)
            else:
                p.setPen(QPen(colour, 2))
                p.setBrush(base)
            p.drawEllipse(QPointF(pt.x, pt.y), 5, 5)
            if pt.point.claim_id == self.selected:
                p.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawEllipse(QPointF(pt.x, pt.y), 9, 9)
        p.end()

    # --- pointing -------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        lay = self.plot_layout()
        hit = lay.nearest(event.position().x(), event.position().y()) if lay else None
        if hit is None:
            QToolTip.hideText()
            return
        pt = hit.point
        source = f"\nAccording to {pt.source}" if pt.source else ""
        QToolTip.showText(event.globalPosition().toPoint(),
                          f"{outlet_of(pt)}, {date_text(pt.published)}: {point_figure(pt)}{source}\n"
                          f"\u201c{short(pt.text, 100)}\u201d", self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        lay = self.plot_layout()
        hit = lay.nearest(event.position().x(), event.position().y()) if lay else None
        if hit is not None:
            self.pointClicked.emit(hit.point.claim_id)


class FiguresView(QWidget):
    """The figures of the group selected in the groups view: heading, what disagrees, plot and table."""

    claimActivated = Signal(int)  # Enter or double-click on a report
    claimSelected = Signal(int)  # a report chosen in the table or the plot

    COLUMNS = ("Outlet", "Date", "Figure", "According to", "Claim")

    def __init__(self, parent: QWidget | None = None, orientation=Qt.Orientation.Vertical):
        super().__init__(parent)
        self.setObjectName("figuresView")
        self.figures: GroupFigures | None = None
        self.heading = QLabel(objectName="figuresHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        f = self.heading.font()
        f.setBold(True)
        self.heading.setFont(f)
        self.heading.setWordWrap(True)
        self.conflict = QLabel(objectName="figuresConflict")
        self.conflict.setTextFormat(Qt.TextFormat.RichText)  # workspace text is escaped
        self.conflict.setWordWrap(True)
        self.plot = FiguresPlot()
        self.table = QTableWidget(0, len(self.COLUMNS), objectName="figuresTable")
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(3, self.fontMetrics().horizontalAdvance("Iraqi security sources") + 12)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.table.itemActivated.connect(self._activated)
        self.plot.pointClicked.connect(self.select_claim)
        self.splitter = QSplitter(orientation, objectName="figuresSplitter")
        self.splitter.addWidget(self.plot)
        self.splitter.addWidget(self.table)
        self.splitter.setSizes([200, 150])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.conflict)
        layout.addWidget(self.splitter, 1)
        self.show_figures(None)

    def show_figures(self, figures: GroupFigures | None, discrepancies: Sequence[Discrepancy] = (),
                     label: str = "", members: Sequence[GroupMemberRecord] = ()) -> None:
        """Show a group's figures; a group without figures (named by `label`) lists its `members` instead,
        to compare their wording. What disagrees is spelled out above, in each kind's colour."""
        selected = self.plot.selected
        self.figures = figures
        figure_conflicts = [d for d in discrepancies if d.kind == "figure"]
        self.plot.set_figures(figures, {r.claim_id for d in figure_conflicts for r in d.reports})
        self.plot.setVisible(figures is not None or not members)
        if figures is not None:
            n = len(figures.points)
            unit = f", {figures.unit}" if figures.unit and figures.unit.casefold() not in figures.label.casefold() else ""
            self.heading.setText(f"Figures over time \u2014 {short(figures.label, 80)}{unit} "
                                 f"({n} report{'s' if n != 1 else ''})")
            rows = point_rows(figures.points)
        elif label:
            n = len(members)
            self.heading.setText(f"Reports \u2014 {short(label, 80)} ({n} report{'s' if n != 1 else ''}, "
                                 "no figures)")
            rows = member_rows(members)
        else:
            self.heading.setText("Figures over time \u2014 select a group")
            rows = []
        shown = figure_conflicts if figures is not None else list(discrepancies)
        lines = [f"<div style='color:{self._warn_colour(d.kind).name()}; font-weight:600'>\u26a0 "
                 f"{html.escape(d.explanation)}</div>" for d in shown]
        self.conflict.setText("".join(lines))
        self.conflict.setVisible(bool(lines))
        self.table.setWordWrap(figures is None)  # quotes: the wording is what to compare, in full
        self._fill_table(rows, wrap=figures is None)
        self.table.setColumnHidden(2, figures is None)
        # quotes of one speaker: the heading names them; the wording gets the width
        self.table.setColumnHidden(3, figures is None and len({r.source for r in rows}) <= 1)
        if selected is not None:
            self.select_claim(selected, emit=False)

    def _warn_colour(self, kind: str = "figure") -> QColor:
        colour = QColor(kind_colour(kind))
        return colour.lighter(140) if theme.is_dark(self.palette()) else colour

    def _fill_table(self, rows: Sequence[ReportRow], wrap: bool = False) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        outlets: dict[str, int] = {}
        for r in rows:
            outlets.setdefault(r.outlet, len(outlets))
        for row, r in enumerate(rows):
            self.table.insertRow(row)
            outlet = QTableWidgetItem(r.outlet)
            outlet.setData(Qt.ItemDataRole.DecorationRole, theme.dot(outlet_colour(outlets[r.outlet], self.palette()), 12))
            cells = [outlet, QTableWidgetItem(date_text(r.published)), QTableWidgetItem(r.figure),
                     QTableWidgetItem(r.source or "\u2014"), QTableWidgetItem(r.text if wrap else short(r.text, 160))]
            cells[4].setToolTip(r.text)
            cells[0].setToolTip(r.article_title)
            for col, item in enumerate(cells):
                item.setData(CLAIM_ID_ROLE, r.claim_id)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        if wrap:
            self.table.resizeRowsToContents()
        self.table.setVisible(bool(rows))

    def rows(self) -> list[tuple[str, ...]]:
        """The table as the analyst reads it (outlet, date, figure, source, claim), top to bottom."""
        return [tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
                for r in range(self.table.rowCount())]

    def select_claim(self, claim_id: int, emit: bool = True) -> None:
        self.table.blockSignals(not emit)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(CLAIM_ID_ROLE) == claim_id:
                self.table.selectRow(r)
                self.table.scrollToItem(self.table.item(r, 0))
                break
        else:
            self.table.clearSelection()
        self.table.blockSignals(False)
        self.plot.set_selected(claim_id)

    def _row_selected(self) -> None:
        items = self.table.selectedItems()
        claim_id = items[0].data(CLAIM_ID_ROLE) if items else None
        self.plot.set_selected(claim_id)
        if claim_id is not None:
            self.claimSelected.emit(claim_id)

    def _activated(self, item: QTableWidgetItem) -> None:
        self.claimActivated.emit(item.data(CLAIM_ID_ROLE))

