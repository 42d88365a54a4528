"""Each criterion's contribution to each club's fit score, as stacked horizontal bars,
clubs in rank order (the same order as the fit-score chart above it).

A missing figure's part is drawn hatched and labelled "?": it is the middle of what the figure
could give (the score chart shows the whole range)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result, rounded_contributions
from ui.palette import chart, criterion_colour, text_on
from ui.panels.bar_axes import (
    BarChartView, bars_tall_enough, make_bar_plot, rank_positions, set_club_axis, set_text,
)
from ui.text import esc

BAR_HEIGHT = 0.7
MIN_LABEL_WIDTH = 7.0   # points; narrower segments are too thin to hold their number
LEGEND_COLUMNS = 4


class ContributionChart(BarChartView):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        self.plot = make_bar_plot("What each criterion contributes (points)", "", x_pad=5)
        self.addItem(self.plot, row=0, col=0)
        self.legend = pg.LegendItem(colCount=LEGEND_COLUMNS, labelTextColor=chart().text)
        self.addItem(self.legend, row=1, col=0)
        self.ci.layout.setRowStretchFactor(0, 10)
        self.segments: list[pg.BarGraphItem] = []
        self.labels: list[list[pg.TextItem]] = []
        self._labels_on = True
        self._missing: np.ndarray | None = None   # the hatched cells drawn now
        self._names: list[str] = []
        self._order: tuple[int, ...] = ()
        self.setMinimumHeight(140)
        self.setAccessibleName("Contribution chart")
        self.setAccessibleDescription("The points each criterion adds to each club's fit score, best club first; "
                                      "the Ranking tab has the same numbers.")
        self.show_result(result)

    def refit(self, last: Result) -> None:
        self.show_result(last, Change.NONE)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._last = result
        if changes & Change.SHAPE:
            self._rebuild(result)
        c = result.contributions
        left = np.concatenate([np.zeros((c.shape[0], 1)), np.cumsum(c, axis=1)[:, :-1]], axis=1)
        ys = rank_positions(result.order)
        order = tuple(int(i) for i in result.order)
        moved = order != self._order
        if moved:
            set_club_axis(self.plot, self._names, ys)
            self._order = order
        # Numbers only fit when a bar is at least one text line tall on screen.
        tall = bars_tall_enough(self.plot, c.shape[0], BAR_HEIGHT)
        shown = rounded_contributions(result) if tall else None
        missing = result.prepared.missing & (result.weights > 0)
        if self._missing is None or not np.array_equal(missing, self._missing):   # brushes only on change
            for j, bar in enumerate(self.segments):
                solid, hatched = QBrush(QColor(criterion_colour(j))), QBrush(QColor(criterion_colour(j)),
                                                                             Qt.BrushStyle.BDiagPattern)
                bar.setOpts(brushes=[hatched if m else solid for m in missing[:, j].tolist()])
            self._missing = missing
        for j, bar in enumerate(self.segments):
            if moved:
                bar.setOpts(x0=left[:, j], width=c[:, j], y=ys)
            else:
                bar.setOpts(x0=left[:, j], width=c[:, j])
        if not tall and not self._labels_on:
            return   # many clubs: no label fits, and touching thousands of them per tick is slow
        self._labels_on = tall
        for j in range(len(self.segments)):
            for i, label in enumerate(self.labels[j]):
                wide = tall and c[i, j] >= MIN_LABEL_WIDTH
                if label.isVisible() != wide:
                    label.setVisible(bool(wide))
                if wide and shown is not None:
                    set_text(label, "?" if missing[i, j] else f"{shown[i, j]:.1f}")
                    label.setPos(float(left[i, j] + c[i, j] / 2), float(ys[i]))

    def _rebuild(self, result: Result) -> None:
        for bar in self.segments:
            self.plot.removeItem(bar)
        for row in self.labels:
            for label in row:
                self.plot.removeItem(label)
        self.legend.clear()
        s = result.scenario
        n = len(s.clubs)
        ys = rank_positions(result.order)
        self.segments, self.labels = [], []
        self._missing = None
        for j, crit in enumerate(s.criteria):
            bar = pg.BarGraphItem(x0=np.zeros(n), y=ys, height=BAR_HEIGHT, width=np.zeros(n),
                                  brush=criterion_colour(j), pen=pg.mkPen(chart().separator, width=1))
            self.plot.addItem(bar)
            self.legend.addItem(bar, esc(crit.label))
            self.segments.append(bar)
            row = []
            for _ in range(n):
                label = pg.TextItem("", color=text_on(criterion_colour(j)), anchor=(0.5, 0.5))
                self.plot.addItem(label)
                row.append(label)
            self.labels.append(row)
        self._names = [c.name for c in s.clubs]
        self._order = ()
        # LegendItem moves itself to (0, 0) as it grows; only a new layout pass puts it back under
        # the plot. The window gets one from its next resize, a printed chart never would: now.
        self.ci.layout.invalidate()
        self.ci.layout.activate()

    def segment_widths(self) -> np.ndarray:
        """(clubs, criteria) widths as drawn, for tests and the report."""
        return np.column_stack([np.asarray(b.opts["width"], dtype=float) for b in self.segments])
