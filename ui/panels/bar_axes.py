"""Shared set-up for the horizontal bar charts: clubs down the left, 0-100 along the bottom."""
from __future__ import annotations

import math
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPainterPath, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem

from ui.palette import chart
from ui.panels.club_names import club_names, thinned

X_MAX = 100.0
X_LEFT = -1.5          # a sliver left of 0, so the 0 tick is inside the range and drawn
RIGHT_MARGIN = 18      # px beside the plot, where the last tick's label ("100") overhangs


def club_positions(n: int) -> np.ndarray:
    """y of each club's bar: the scenario's first club at the top."""
    return np.arange(n - 1, -1, -1, dtype=float)


def rank_positions(order: np.ndarray) -> np.ndarray:
    """y of each club's bar (indexed by scenario position) so the best is at the top.

    ``order`` is the ranking's order, best first, ties in scenario order, unranked last:
    so ties and unranked clubs keep a stable place.
    """
    n = len(order)
    ys = np.empty(n, dtype=float)
    ys[np.asarray(order, dtype=int)] = np.arange(n - 1, -1, -1, dtype=float)
    return ys


def make_bar_plot(title: str, x_label: str, x_pad: float) -> pg.PlotItem:
    colours = chart()
    plot = pg.PlotItem(enableMenu=False)   # pyqtgraph builds the view box's menu unless told not to
    plot.setTitle(title, color=colours.text, size="11pt")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    # Grid lines as items, not showGrid: an axis with a grid clips its tick labels to the plot,
    # which hid the "100" at the right edge of a narrow window.
    # One curve of vertical segments, drawn far past the bars: the view box clips it. (InfiniteLine
    # items asked a view box that was already gone for their size when a chart closed, and crashed.)
    xs = np.repeat(np.arange(20.0, 101.0, 20.0), 2)
    grid = pg.PlotCurveItem(xs, np.tile([-1e4, 1e4], len(xs) // 2), connect="pairs",
                            pen=pg.mkPen(colours.grid, width=1))
    grid.setZValue(-10)
    plot.addItem(grid)
    # Fixed ranges: auto-range costs time on every update and makes bars jump.
    plot.enableAutoRange(False)
    plot.setXRange(X_LEFT, X_MAX + x_pad, padding=0)
    plot.layout.setContentsMargins(0, 0, RIGHT_MARGIN, 0)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        # Axes never change on a slider tick: paint them once into a pixmap and reuse it.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.setTextPen(pg.mkPen(colours.text))
        axis.setPen(pg.mkPen(colours.muted))
    bottom = plot.getAxis("bottom")
    bottom.setTicks([[(v, f"{v:g}") for v in range(0, 101, 20)]])
    bottom.setStyle(hideOverlappingLabels=False)   # "100" overhangs into the right margin instead of vanishing
    if x_label:
        plot.setLabel("bottom", x_label, color=colours.muted)
    return plot


def set_club_axis(plot: pg.PlotItem, names: list[str], ys: np.ndarray | None = None) -> None:
    """Club names down the left at ``ys`` (default: scenario order, first at the top)."""
    ys = club_positions(len(names)) if ys is None else ys
    axis = plot.getAxis("left")
    column = club_names(plot)
    shown = [column.elided(n) for n in names]
    # The axis is the names' room: sized for them now (it never sizes itself: it has no ticks).
    # Width and range only when they change: above TOP_N clubs the names change on most moves.
    width = column.width_for(shown) + 16
    if width > axis.width() or width < axis.width() - 40 or len(names) != getattr(axis, "_club_rows", -1):
        axis.setWidth(int(math.ceil(width)))
    column.set_rows(thinned(ys, shown, plot.vb.height() / max(len(names), 1), column.line_height()))
    if len(names) != getattr(axis, "_club_rows", -1):
        plot.setYRange(-0.6, len(names) - 0.4, padding=0)
        axis._club_rows = len(names)   # our note on pyqtgraph's axis


class Bars(pg.BarGraphItem):
    """A bar item for a plot whose view never moves (and clips the bars). pyqtgraph's bar item
    works its bounds out again, with the pen's width in pixels, on every query (16 a slider
    tick at 3 clubs), tells the view box its bounds changed on every update, and records each
    redraw into a QPicture before playing it back. Here the bounds are the view, an update only
    stores the new bars, and paint draws them."""

    def setOpts(self, **opts: Any) -> None:  # noqa: N802 - pyqtgraph's name
        if "opts" not in self.__dict__ or not hasattr(self, "_sharedPen"):
            super().setOpts(**opts)      # pyqtgraph's own set-up, once
            return
        self.opts.update(opts)
        self.picture = None
        self._shape = None
        self._prepareData()
        if {"pen", "pens", "brush", "brushes"} & opts.keys():
            self._updateColors(opts)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        vb = self.getViewBox()
        return QRectF(vb.viewRect()) if vb is not None else super().boundingRect()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())
        return path

    def paint(self, p: QPainter, *args: Any) -> None:
        if self._singleColor:
            super().paint(p, *args)
        else:
            self._render(p)


def set_text(label: pg.TextItem, text: str) -> None:
    """TextItem.setText re-lays out the text even when it is unchanged; skip that."""
    if label.toPlainText() != text:
        label.setText(text)


def bars_tall_enough(plot: pg.PlotItem, n: int, bar_height: float, pixels: float = 0.0) -> bool:
    """Whether an n-bar chart's bars are tall enough on screen to carry a line of text
    (``pixels``, or the height of a line in the application font)."""
    need = pixels or QFontMetrics(QFont()).height() * 0.9
    return plot.vb.height() / max(n, 1) * bar_height >= need


class BarChartView(pg.GraphicsLayoutWidget):
    """A chart widget that redraws its last result when resized (label fit depends on size)."""

    def show_result(self, result: Any) -> None:  # pragma: no cover - overridden; each chart has its own kind of result
        raise NotImplementedError

    def for_print(self) -> None:
        """Paint every item as vectors: cached items would be drawn as pixmaps into a PDF."""
        for item in self.scene().items():
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)

    def refit(self, last: Any) -> None:
        """After a resize: which value labels fit changed, nothing else (no items rebuilt)."""
        self.show_result(last)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        last = getattr(self, "_last", None)   # pyqtgraph resizes once inside __init__
        # Hidden (or closing) charts wait: touching items of a widget being torn down crashed Qt.
        if last is not None and self.isVisible():
            self.refit(last)
