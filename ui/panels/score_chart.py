"""Fit score per club, 0-100, one horizontal bar each with its value and rank beside it.

Bars are in rank order, best at the top (ties and unranked clubs in scenario order), each
in its club's colour, the same colour it has in every other chart and in the report. Above
TOP_N clubs only the TOP_N best are drawn, over a summary row for the rest (top_clubs.py).

A club with a missing figure has a score range: a whisker from the low to the high end is
drawn over its bar (the bar itself ends at the middle, where it is ranked)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result
from evaluator.formatting import format_score
from evaluator.top_clubs import Hidden, hidden_clubs, shown_clubs
from ui.palette import chart, club_colour, text_on
from ui.panels.bar_axes import (
    BarChartView, bars_tall_enough, make_bar_plot, rank_positions, set_club_axis, set_text,
)

BAR_HEIGHT = 0.7
HIGH_LABEL_UNTIL = 82.0   # a range label fits right of the whisker up to here
TICK = 0.22          # half-height of the whisker's end ticks, in bar units
INSIDE_FROM = 70.0   # score above which the value label sits inside the bar


class ScoreChart(BarChartView):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        self.plot = make_bar_plot("Fit score", "points out of 100", x_pad=3)
        self.addItem(self.plot)
        self.bars = pg.BarGraphItem(x0=np.zeros(0), y=np.zeros(0), height=BAR_HEIGHT, width=np.zeros(0),
                                    brush=club_colour(0), pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        # One item for every range: segment pairs (the line and its two end ticks per club).
        self.ranges = pg.PlotDataItem(np.zeros(0), np.zeros(0), connect="pairs", pen=pg.mkPen(chart().text, width=2))
        self.plot.addItem(self.ranges)
        self.labels: list[pg.TextItem] = []
        # "… and 9,975 more (scores 0.1–55.0)" on the row under the TOP_N best (top_clubs.py)
        self.summary = pg.TextItem("", color=chart().muted, anchor=(0, 0.5))
        self.summary.setPos(0.0, 0.0)
        self.summary.setVisible(False)
        self.plot.addItem(self.summary)
        self._hidden: Hidden | None = None
        self._all_names: list[str] = []
        self._inside: list[tuple[bool, bool]] = []   # per label: anchored at its right end, white
        self._labels_on = True
        self._names: list[str] = []
        self._order: tuple[int, ...] = ()
        self.setMinimumHeight(120)
        self.setAccessibleName("Fit score chart")
        self.setAccessibleDescription("Each club's fit score out of 100, best first; the Ranking tab has the same numbers.")
        self.show_result(result)

    def refit(self, last: Result) -> None:
        self._order = ()     # how many names fit on the axis depends on the height
        self.show_result(last, Change.NONE)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._last = result
        shown = shown_clubs(result)
        if changes & Change.CLUBS or len(shown) != len(self.labels):
            self._rebuild(len(shown))
        self._place(result, shown)
        widths = np.nan_to_num(result.scores[shown])
        self.bars.setOpts(width=widths)
        self._show_ranges(result)
        tall = bars_tall_enough(self.plot, len(self.labels) + (self._hidden is not None), BAR_HEIGHT)
        if not tall and not self._labels_on:
            return   # many clubs: labels cannot fit; the ranking table carries the numbers
        self._labels_on = tall
        text_colour = chart().text
        ys = self.bars.opts["y"]
        for s, label in enumerate(self.labels):
            if label.isVisible() != tall:
                label.setVisible(tall)
            if not tall:
                continue
            i = int(shown[s])
            rank = int(result.ranks[i])
            text = format_score(result.scores[i]) + (f"  #{rank}" if rank else "")
            place = self._placement(result, i, float(widths[s]))
            if result.incomplete[i] and rank:
                text = f"{format_score(result.low[i])}–{format_score(result.high[i])}  #{rank} *"
            elif result.incomplete[i]:
                text += " *"
            set_text(label, text)
            x, right, white = place
            if right != self._inside[s][0]:
                label.setAnchor((1, 0.5) if right else (0, 0.5))
            self._inside[s] = (right, white)
            colour = text_on(club_colour(i)) if white else text_colour
            if label.color.name() != colour.lower():
                label.setColor(colour)
            label.setPos(x, float(ys[s]))

    def _place(self, result: Result, shown: np.ndarray) -> None:
        """Bars' heights, colours and names, only when the ranking changes. Up to TOP_N clubs
        each bar belongs to one club and moves; above, each bar is a place (best at the top)
        and takes the colour and name of the club that holds it, over a summary row."""
        order = tuple(int(i) for i in (result.order if len(shown) == len(result.order) else shown))
        hidden = hidden_clubs(result)
        if hidden != self._hidden:
            self._hidden = hidden
            self.summary.setVisible(hidden is not None)
            set_text(self.summary, "" if hidden is None else hidden.text())
        if order == self._order:
            return
        names = [self._all_names[i] for i in shown]
        if hidden is None:
            ys = rank_positions(result.order)
            self.bars.setOpts(y=ys)
        else:
            ys = np.arange(len(shown), 0, -1, dtype=float)   # the summary row at 0
            self.bars.setOpts(y=ys, brushes=[club_colour(int(i)) for i in shown])
        set_club_axis(self.plot, names + ([] if hidden is None else ["…"]),
                      ys if hidden is None else np.append(ys, 0.0))
        self._names = names
        self._order = order

    @staticmethod
    def _placement(result: Result, i: int, width: float) -> tuple[float, bool, bool]:
        """(x, anchored at its right end, white) of club i's label. Long bars hold their label
        inside, so it never runs off the fixed 0-100 range; a score range's label goes past the
        whisker's high end, or before its low end when the high end is near 100."""
        if not result.incomplete[i] or not result.ranks[i]:
            return (width - 1.0, True, True) if width > INSIDE_FROM else (width + 1.0, False, False)
        low, high = float(result.low[i]), float(result.high[i])
        if high <= HIGH_LABEL_UNTIL:
            return high + 1.0, False, False
        return low - 1.0, True, low - 1.0 <= width

    def _show_ranges(self, result: Result) -> None:
        lo, hi = result.low, result.high
        ys = np.asarray(self.bars.opts["y"], dtype=float)
        shown = shown_clubs(result)
        which = np.flatnonzero(result.incomplete[shown] & (result.ranks[shown] > 0))
        xs: list[float] = []
        yy: list[float] = []
        for s in which.tolist():
            i = int(shown[s])
            a, b, y = float(lo[i]), float(hi[i]), float(ys[s])
            xs += [a, b, a, a, b, b]
            yy += [y, y, y - TICK, y + TICK, y - TICK, y + TICK]
        self.ranges.setData(np.array(xs), np.array(yy))

    def score_ranges(self) -> tuple[np.ndarray, np.ndarray]:
        """The whiskers' segment ends (x, y), for tests."""
        x, y = self.ranges.getData()
        return (np.zeros(0), np.zeros(0)) if x is None else (np.asarray(x), np.asarray(y))

    def _rebuild(self, n: int) -> None:
        # Only when the club list changes; every other update edits these items in place. The
        # labels there are kept (an add makes one, not n: each add costs the same at any size).
        for label in self.labels[n:]:
            self.plot.removeItem(label)
        names = [c.name for c in self._last.scenario.clubs]
        self.bars.setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=np.zeros(n),
                          brushes=[club_colour(i) for i in range(n)])
        self._all_names = names
        self._names = names[:n]
        self._order = ()
        self._labels_on = True     # the new labels start visible: the next update decides
        self.labels = self.labels[:n]
        self._inside = [(False, False)] * n
        for label in self.labels:
            label.setAnchor((0, 0.5))    # as _inside says
        while len(self.labels) < n:
            label = pg.TextItem("", color=chart().text, anchor=(0, 0.5))
            self.plot.addItem(label)
            self.labels.append(label)

    def summary_text(self) -> str:
        """The summary row under the top clubs ("" when every club is drawn), for tests."""
        return self.summary.toPlainText() if self.summary.isVisible() else ""

    def bar_widths(self) -> np.ndarray:
        """What the chart draws, for tests and the report."""
        return np.asarray(self.bars.opts["width"], dtype=float)

    def bar_order(self) -> list[str]:
        """Club names top to bottom as drawn, for tests."""
        ys = np.asarray(self.bars.opts["y"], dtype=float)
        return [self._names[s] for s in np.argsort(-ys, kind="stable")]
