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
from ui.panels.bar_axes import Bars, BarChartView, bars_tall_enough, make_bar_plot, rank_positions, set_club_axis
from ui.panels.bar_labels import BarLabels, Label
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
        self._missing: np.ndarray | None = None   # the hatched cells drawn now
        self._names: list[str] = []
        self._all_names: list[str] = []
        # Every segment's points, and the "… and 9,975 more (scores 0.1–55.0)" row under the
        # TOP_N best (top_clubs.py), in one item, above the bars.
        self.values = BarLabels()
        self.values.setZValue(10)
        self.plot.addItem(self.values)
        self._summary = ""
        self._texts: list[list[str]] = []
        self._label_colours: list[str] = []
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
        self._summary = "" if hidden is None else hidden.text()
        moved = order != self._order
        if moved:
            names = [self._all_names[i] for i in shown]
            set_club_axis(self.plot, names + ([] if hidden is None else ["…"]),
                          ys if hidden is None else np.append(ys, 0.0))
            self._names = names
            self._order = order
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
        # Numbers only fit when a bar is at least one text line tall on screen, and a segment
        # at least MIN_LABEL_WIDTH points wide.
        tall = bars_tall_enough(self.plot, c.shape[0] + (hidden is not None), BAR_HEIGHT)
        labels: list[Label] = []
        texts = [[""] * c.shape[1] for _ in range(c.shape[0])]
        if tall:
            values = rounded_contributions(result, rows=shown)
            for s, j in zip(*np.nonzero(c >= MIN_LABEL_WIDTH)):
                text = "?" if missing[s, j] else f"{values[s, j]:.1f}"
                texts[s][j] = text
                labels.append(Label(float(left[s, j] + c[s, j] / 2), float(ys[s]), text,
                                    self._label_colours[j], 0.5))
        if hidden is not None:
            labels.append(Label(0.0, 0.0, self._summary, chart().muted))
        self._texts = texts
        self.values.set_labels(tuple(labels))

    def _rebuild(self, result: Result, n: int) -> None:
        for bar in self.segments:
            self.plot.removeItem(bar)
        self.legend.clear()
        s = result.scenario
        ys = np.arange(n, dtype=float)
        self.segments = []
        self._label_colours = [text_on(criterion_colour(j)) for j in range(len(s.criteria))]
        self._missing = None
        for j, crit in enumerate(s.criteria):
            bar = Bars(x0=np.zeros(n), y=ys, height=BAR_HEIGHT, width=np.zeros(n),
                                  brush=criterion_colour(j), pen=pg.mkPen(chart().separator, width=1))
            self.plot.addItem(bar)
            self.legend.addItem(bar, esc(crit.label))
            self.segments.append(bar)
        self._resize(result, n)
        # LegendItem moves itself to (0, 0) as it grows; only a new layout pass puts it back under
        # the plot. The window gets one from its next resize, a printed chart never would: now.
        self.ci.layout.invalidate()
        self.ci.layout.activate()

    def _resize(self, result: Result, n: int) -> None:
        """n bars per criterion (the items are kept)."""
        for bar in self.segments:
            bar.setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=np.zeros(n))
        self._all_names = [c.name for c in result.scenario.clubs]
        self._names = self._all_names[:n]
        self._order = ()
        self._missing = None

    def summary_text(self) -> str:
        """The summary row under the top clubs ("" when every club is drawn), for tests."""
        return self._summary

    def label_texts(self) -> list[list[str]]:
        """Each drawn segment's label, [shown club][criterion] as ``segment_widths`` ("" where
        none is drawn), for tests."""
        return self._texts

    def segment_widths(self) -> np.ndarray:
        """(clubs, criteria) widths as drawn, for tests and the report."""
        return np.column_stack([np.asarray(b.opts["width"], dtype=float) for b in self.segments])

    def bar_order(self) -> list[str]:
        """Club names top to bottom as drawn, for tests."""
        ys = np.asarray(self.segments[0].opts["y"], dtype=float) if self.segments else np.zeros(0)
        return [self._names[s] for s in np.argsort(-ys, kind="stable")]
