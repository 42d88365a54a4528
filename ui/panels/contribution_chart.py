"""Each criterion's contribution to each club's fit score, as stacked horizontal bars.

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
from ui.palette import criterion_colour, text_on
from ui.panels.bar_axes import BarChartView, bars_tall_enough, club_positions, make_bar_plot, set_club_axis, set_text
from ui.text import esc

BAR_HEIGHT = 0.6
MIN_LABEL_WIDTH = 7.0   # points; narrower segments are too thin to hold their number
MIN_LABEL_PIXELS = 18.0


class ContributionChart(BarChartView):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.plot = make_bar_plot("What each criterion contributes (points)", "", x_pad=5)
        self.addItem(self.plot, row=0, col=0)
        self.legend = pg.LegendItem(colCount=2, labelTextColor="#1A202C")
        self.addItem(self.legend, row=1, col=0)
        self.ci.layout.setRowStretchFactor(0, 10)
        self.segments: list[pg.BarGraphItem] = []
        self.labels: list[list[pg.TextItem]] = []
        self._labels_on = True
        self._missing: np.ndarray | None = None   # the hatched cells drawn now
        self.setMinimumHeight(200)
        self.show_result(result)

    def refit(self, last: Result) -> None:
        self.show_result(last, Change.NONE)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._last = result
        if changes & Change.SHAPE:
            self._rebuild(result)
        c = result.contributions
        left = np.concatenate([np.zeros((c.shape[0], 1)), np.cumsum(c, axis=1)[:, :-1]], axis=1)
        ys = club_positions(c.shape[0])
        # Numbers only fit when a bar is at least one text line tall on screen.
        tall = bars_tall_enough(self.plot, c.shape[0], BAR_HEIGHT, MIN_LABEL_PIXELS)
        shown = rounded_contributions(result) if tall else None
        missing = result.prepared.missing & (result.weights > 0)
        if self._missing is None or not np.array_equal(missing, self._missing):   # brushes only on change
            for j, bar in enumerate(self.segments):
                solid, hatched = QBrush(QColor(criterion_colour(j))), QBrush(QColor(criterion_colour(j)),
                                                                             Qt.BrushStyle.BDiagPattern)
                bar.setOpts(brushes=[hatched if m else solid for m in missing[:, j].tolist()])
            self._missing = missing
        for j, bar in enumerate(self.segments):
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
        ys = club_positions(n)
        self.segments, self.labels = [], []
        self._missing = None
        for j, crit in enumerate(s.criteria):
            bar = pg.BarGraphItem(x0=np.zeros(n), y=ys, height=BAR_HEIGHT, width=np.zeros(n),
                                  brush=criterion_colour(j), pen=pg.mkPen("w", width=1))
            self.plot.addItem(bar)
            self.legend.addItem(bar, esc(crit.label))
            self.segments.append(bar)
            row = []
            for _ in range(n):
                label = pg.TextItem("", color=text_on(criterion_colour(j)), anchor=(0.5, 0.5))
                self.plot.addItem(label)
                row.append(label)
            self.labels.append(row)
        set_club_axis(self.plot, [c.name for c in s.clubs])

    def segment_widths(self) -> np.ndarray:
        """(clubs, criteria) widths as drawn, for tests and the report."""
        return np.column_stack([np.asarray(b.opts["width"], dtype=float) for b in self.segments])
