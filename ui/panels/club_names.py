"""Club names down a bar chart's left axis, as one painter item.

The names used to be the axis' tick labels. Above TOP_N clubs the clubs holding the 20 places
change on most slider moves, and each change made pyqtgraph lay out every tick text again and
redraw the axis' cached picture (half of a move's time at 1,000 clubs). Here the axis keeps no
ticks (its picture never changes) and this item, a child of the axis, draws the names beside
the bars from plain data: y in the chart's data coordinates and the text, set in one call.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ui.panels.bar_labels import STATIC_CACHE, StaticTexts

TEXT_GAP = 5       # px between a name and the axis line, as pyqtgraph's tick text offset
TICK = 5           # px of the tick mark each name gets, into the plot
MAX_NAME_WIDTH = 210   # px; longer club names are elided, the full name stays in the tables


class ClubNames(QGraphicsItem):
    """Names right-aligned against the axis line, each centred on its bar."""

    def __init__(self, plot: pg.PlotItem) -> None:
        axis = plot.getAxis("left")
        super().__init__(axis)
        self._axis, self._data = axis, plot.vb.childGroup
        self._texts = StaticTexts()
        self._metrics = self._texts.metrics
        self._rows: tuple[tuple[float, str], ...] = ()
        self._elided: dict[str, str] = {}

    def elided(self, name: str) -> str:
        shown = self._elided.get(name)
        if shown is None:
            if len(self._elided) >= STATIC_CACHE:
                self._elided.clear()
            shown = self._elided[name] = self._metrics.elidedText(name, Qt.TextElideMode.ElideRight, MAX_NAME_WIDTH)
        return shown

    def width_for(self, shown: list[str]) -> float:
        # The static texts know their widths: measuring 21 names per chart per move was 0.35 ms.
        return max((self._texts.laid_out(t)[1] for t in shown), default=20.0)

    def line_height(self) -> float:
        return self._metrics.height()

    def set_rows(self, rows: tuple[tuple[float, str], ...]) -> None:
        if rows != self._rows:
            self._rows = rows
            self.update()

    def rows(self) -> tuple[tuple[float, str], ...]:
        """(y, name as drawn), for tests."""
        return self._rows

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        r = self._axis.boundingRect()
        return QRectF(r.left(), r.top(), r.width() + TICK, r.height())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if not self._rows:
            return
        to_axis, ok = self._data.itemTransform(self._axis)
        if not ok:
            return
        right = self._axis.width()
        half = self._metrics.height() / 2
        painter.setFont(self._texts.font)
        painter.setPen(self._axis.pen())
        ys = [to_axis.map(QPointF(0.0, y)).y() for y, _ in self._rows]
        painter.drawLines([QLineF(right, y, right + TICK, y) for y in ys])
        painter.setPen(self._axis.textPen())
        for y, (_, text) in zip(ys, self._rows):
            static, width = self._texts.laid_out(text)
            painter.drawStaticText(QPointF(right - TEXT_GAP - width, y - half), static)


def club_names(plot: pg.PlotItem) -> ClubNames:
    """The plot's names item, made on first use (the axis keeps no ticks of its own)."""
    names = getattr(plot, "_club_names", None)
    if names is None:
        names = ClubNames(plot)
        plot.getAxis("left").setTicks([[]])
        plot._club_names = names   # our note on pyqtgraph's plot
    return names


def thinned(ys: np.ndarray, shown: list[str], row_px: float, line_px: float) -> tuple[tuple[float, str], ...]:
    """Rows shorter than a line of text: name every step-th bar (the best first), not a
    pile-up; the tables name every club."""
    step = max(1, math.ceil(line_px / row_px)) if row_px > 0 else 1
    n = len(shown)
    return tuple((float(y), t) for y, t in zip(ys, shown)
                 if step == 1 or t == "…" or float(y) % step == (n - 1) % step)
