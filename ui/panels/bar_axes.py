"""Shared set-up for the horizontal bar charts: clubs down the left, 0-100 along the bottom."""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem

from ui.palette import MUTED, TEXT

X_MAX = 100.0


def club_positions(n: int) -> np.ndarray:
    """y of each club's bar: the scenario's first club at the top."""
    return np.arange(n - 1, -1, -1, dtype=float)


def make_bar_plot(title: str, x_label: str, x_pad: float) -> pg.PlotItem:
    plot = pg.PlotItem()
    plot.setTitle(title, color=TEXT, size="11pt")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=True, y=False, alpha=0.25)
    # Fixed ranges: auto-range costs time on every update and makes bars jump.
    plot.enableAutoRange(False)
    plot.setXRange(0, X_MAX + x_pad, padding=0)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        # Axes never change on a slider tick: paint them once into a pixmap and reuse it.
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.setTextPen(pg.mkPen(TEXT))
        axis.setPen(pg.mkPen(MUTED))
    plot.getAxis("bottom").setTicks([[(v, f"{v:g}") for v in range(0, 101, 20)]])
    if x_label:
        plot.setLabel("bottom", x_label, color=MUTED)
    return plot


MAX_NAME_WIDTH = 210   # px; longer club names are elided, the full name stays in the tables


def set_club_axis(plot: pg.PlotItem, names: list[str]) -> None:
    ys = club_positions(len(names))
    axis = plot.getAxis("left")
    metrics = QFontMetrics(axis.style.get("tickFont") or QFont())
    shown = [metrics.elidedText(n, Qt.TextElideMode.ElideRight, MAX_NAME_WIDTH) for n in names]
    # The axis only grows to fit its text after a paint; size it now so nothing is clipped.
    axis.setWidth(max((metrics.horizontalAdvance(t) for t in shown), default=20) + 16)
    axis.setTicks([[(float(y), t) for y, t in zip(ys, shown)]])
    plot.setYRange(-0.6, len(names) - 0.4, padding=0)


def set_text(label: pg.TextItem, text: str) -> None:
    """TextItem.setText re-lays out the text even when it is unchanged; skip that."""
    if label.toPlainText() != text:
        label.setText(text)


def bars_tall_enough(plot: pg.PlotItem, n: int, bar_height: float, pixels: float) -> bool:
    """Whether an n-bar chart's bars are tall enough on screen to carry a line of text."""
    return plot.vb.height() / max(n, 1) * bar_height >= pixels


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
