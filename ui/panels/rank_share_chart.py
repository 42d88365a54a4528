"""The report's rank-acceptability chart: one stacked bar per club, how often it takes each place.

Drawn from the report's plain ``RobustnessSection`` (so the PDF never re-runs the analysis) and
built like the report's other bar charts (``bar_axes``), best-ranked club at the top. The window's
``AcceptabilityChart`` draws every rank of a live ``Robustness``; here ranks past the fifth are
added up into one segment, as in the table under the chart, so the colours stay readable.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from evaluator.report_robustness import RobustnessSection
from ui.palette import chart, text_on
from ui.panels.bar_axes import BarChartView, bars_tall_enough, club_positions, make_bar_plot, set_club_axis, set_text
from ui.text import esc

# Dark to light with the place; the last two differ in tone enough to tell "5th" from "6th and lower".
MAX_ROWS = 25            # clubs drawn; the table under the chart lists every club
BAR_HEIGHT = 0.6
MIN_LABEL_PIXELS = 12.0
MIN_LABEL_SHARE = 0.12   # a segment narrower than this carries no number (the table has it)


class RankShareChart(BarChartView):
    def __init__(self, section: RobustnessSection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        self.plot = make_bar_plot(f"How often each club ranks {', '.join(section.rank_labels[:2])}, …",
                                  f"% of {section.samples:,} random weightings", x_pad=0)
        self.addItem(self.plot, row=0, col=0)
        rows = section.acceptability[:MAX_ROWS]
        self.shares = np.array([r.shares for r in rows], dtype=float).reshape(len(rows), -1)
        ys = club_positions(len(rows))
        self.legend = pg.LegendItem(colCount=len(section.rank_labels), labelTextColor=chart().text)
        self.addItem(self.legend, row=1, col=0)
        self.segments: list[pg.BarGraphItem] = []
        left = np.concatenate([np.zeros((len(rows), 1)), np.cumsum(self.shares, axis=1)[:, :-1]], axis=1)
        for r, label in enumerate(section.rank_labels):
            bar = pg.BarGraphItem(x0=100 * left[:, r], y=ys, height=BAR_HEIGHT, width=100 * self.shares[:, r],
                                  brush=chart().ranks[min(r, len(chart().ranks) - 1)], pen=pg.mkPen(chart().separator, width=0.5))
            self.plot.addItem(bar)
            self.legend.addItem(bar, esc(label))
            self.segments.append(bar)
        self.labels = self._make_labels(left, ys)
        set_club_axis(self.plot, [r.club for r in rows])
        self._last = section

    def _make_labels(self, left: np.ndarray, ys: np.ndarray) -> list[pg.TextItem]:
        labels = []
        for i, j in zip(*np.nonzero(self.shares >= MIN_LABEL_SHARE)):
            label = pg.TextItem("", color=text_on(chart().ranks[min(j, len(chart().ranks) - 1)]), anchor=(0.5, 0.5))
            set_text(label, f"{100 * self.shares[i, j]:.0f}%")
            label.setPos(100 * (left[i, j] + self.shares[i, j] / 2), float(ys[i]))
            self.plot.addItem(label)
            labels.append(label)
        return labels

    def show_result(self, result: object) -> None:
        """Numbers only where the bars are tall enough to hold them (called again on resize)."""
        tall = bars_tall_enough(self.plot, self.shares.shape[0], BAR_HEIGHT, MIN_LABEL_PIXELS)
        for label in self.labels:
            label.setVisible(tall)

    def drawn_shares(self) -> np.ndarray:
        """(rows, columns) 0..1 as drawn, for tests: each segment's width / 100."""
        return np.column_stack([np.asarray(b.opts["width"], dtype=float) for b in self.segments]) / 100
