"""Each criterion's contribution to each club's fit score, as stacked horizontal bars,
clubs in rank order (the same order as the fit-score chart above it); above TOP_N clubs the
TOP_N best over a summary row, as in the fit-score chart (top_clubs.py).

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
from evaluator.top_clubs import hidden_clubs, shown_clubs
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
        self._all_names: list[str] = []
        # "… and 9,975 more (scores 0.1–55.0)" on the row under the TOP_N best (top_clubs.py)
        self.summary = pg.TextItem("", color=chart().muted, anchor=(0, 0.5))
        self.summary.setPos(0.0, 0.0)
        self.summary.setVisible(False)
        self.plot.addItem(self.summary)
        self._order: tuple[int, ...] = ()
        self.setMinimumHeight(140)
        self.setAccessibleName("Contribution chart")
        self.setAccessibleDescription("The points each criterion adds to each club's fit score, best club first; "
                                      "the Ranking tab has the same numbers.")
        self.show_result(result)

    def refit(self, last: Result) -> None:
        self._order = ()     # how many names fit on the axis depends on the height
        self.show_result(last, Change.NONE)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._last = result
        shown = shown_clubs(result)
        if changes & Change.CRITERIA or not self.segments:
            self._rebuild(result, len(shown))
        elif changes & Change.CLUBS or len(shown) != len(self._names):
            self._resize(result, len(shown))
        c = result.contributions[shown]
        left = np.concatenate([np.zeros((c.shape[0], 1)), np.cumsum(c, axis=1)[:, :-1]], axis=1)
        hidden = hidden_clubs(result)
        if hidden is None:
            ys = rank_positions(result.order)
            order = tuple(int(i) for i in result.order)
        else:   # each bar is a place, best at the top, over the summary row at 0
            ys = np.arange(len(shown), 0, -1, dtype=float)
            order = tuple(int(i) for i in shown)
        set_text(self.summary, "" if hidden is None else hidden.text())
        self.summary.setVisible(hidden is not None)
        moved = order != self._order
        if moved:
            names = [self._all_names[i] for i in shown]
            set_club_axis(self.plot, names + ([] if hidden is None else ["…"]),
                          ys if hidden is None else np.append(ys, 0.0))
            self._names = names
            self._order = order
        # Numbers only fit when a bar is at least one text line tall on screen.
        tall = bars_tall_enough(self.plot, c.shape[0] + (hidden is not None), BAR_HEIGHT)
        shown_values = rounded_contributions(result, rows=shown) if tall else None
        missing = (result.prepared.missing & (result.weights > 0))[shown]
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
            for s, label in enumerate(self.labels[j]):
                wide = tall and c[s, j] >= MIN_LABEL_WIDTH
                if label.isVisible() != wide:
                    label.setVisible(bool(wide))
                if wide and shown_values is not None:
                    set_text(label, "?" if missing[s, j] else f"{shown_values[s, j]:.1f}")
                    label.setPos(float(left[s, j] + c[s, j] / 2), float(ys[s]))

    def _rebuild(self, result: Result, n: int) -> None:
        for bar in self.segments:
            self.plot.removeItem(bar)
        for row in self.labels:
            for label in row:
                self.plot.removeItem(label)
        self.legend.clear()
        s = result.scenario
        ys = np.arange(n, dtype=float)
        self.segments, self.labels = [], []
        self._missing = None
        self._labels_on = True     # the new labels start visible: the next update decides
        for j, crit in enumerate(s.criteria):
            bar = pg.BarGraphItem(x0=np.zeros(n), y=ys, height=BAR_HEIGHT, width=np.zeros(n),
                                  brush=criterion_colour(j), pen=pg.mkPen(chart().separator, width=1))
            self.plot.addItem(bar)
            self.legend.addItem(bar, esc(crit.label))
            self.segments.append(bar)
            self.labels.append([])
        self._resize(result, n)
        # LegendItem moves itself to (0, 0) as it grows; only a new layout pass puts it back under
        # the plot. The window gets one from its next resize, a printed chart never would: now.
        self.ci.layout.invalidate()
        self.ci.layout.activate()

    def _resize(self, result: Result, n: int) -> None:
        """n bars per criterion, keeping the labels there are (a new club adds one per criterion)."""
        for j, bar in enumerate(self.segments):
            bar.setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=np.zeros(n))
            row = self.labels[j]
            for label in row[n:]:
                self.plot.removeItem(label)
            del row[n:]
            while len(row) < n:
                label = pg.TextItem("", color=text_on(criterion_colour(j)), anchor=(0.5, 0.5))
                self.plot.addItem(label)
                row.append(label)
        self._all_names = [c.name for c in result.scenario.clubs]
        self._names = self._all_names[:n]
        self._order = ()
        self._missing = None
        self._labels_on = True     # labels kept or new: the next update decides which show

    def summary_text(self) -> str:
        """The summary row under the top clubs ("" when every club is drawn), for tests."""
        return self.summary.toPlainText() if self.summary.isVisible() else ""

    def segment_widths(self) -> np.ndarray:
        """(clubs, criteria) widths as drawn, for tests and the report."""
        return np.column_stack([np.asarray(b.opts["width"], dtype=float) for b in self.segments])
