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
from ui.panels.bar_axes import Bars, BarChartView, bars_tall_enough, make_bar_plot, rank_positions, set_club_axis
from ui.panels.bar_labels import BarLabels, Label

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
        self.bars = Bars(x0=np.zeros(0), y=np.zeros(0), height=BAR_HEIGHT, width=np.zeros(0),
                                    brush=club_colour(0), pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        # One item for every range: segment pairs (the line and its two end ticks per club).
        self.ranges = pg.PlotDataItem(np.zeros(0), np.zeros(0), connect="pairs", pen=pg.mkPen(chart().text, width=2))
        self.plot.addItem(self.ranges)
        # Every value label, and the "… and 9,975 more (scores 0.1–55.0)" row under the TOP_N
        # best (top_clubs.py), in one item.
        self.values = BarLabels()
        self.plot.addItem(self.values)
        self._hidden: Hidden | None = None
        self._ranges_drawn = False
        self._all_names: list[str] = []
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
        if changes & Change.CLUBS or len(shown) != len(self._names):
            self._rebuild(len(shown))
        self._place(result, shown)
        widths = np.nan_to_num(result.scores[shown])
        self.bars.setOpts(width=widths)
        self._show_ranges(result)
        tall = bars_tall_enough(self.plot, len(shown) + (self._hidden is not None), BAR_HEIGHT)
        self.values.set_labels(self._labels(result, shown, widths) if tall else self._summary_only())

    def _labels(self, result: Result, shown: np.ndarray, widths: np.ndarray) -> tuple[Label, ...]:
        """Each bar's score and rank beside it (inside a long bar), and the summary row."""
        text_colour = chart().text
        ys = self.bars.opts["y"]
        labels = []
        for s in range(len(shown)):
            i = int(shown[s])
            rank = int(result.ranks[i])
            text = format_score(result.scores[i]) + (f"  #{rank}" if rank else "")
            if result.incomplete[i] and rank:
                text = f"{format_score(result.low[i])}–{format_score(result.high[i])}  #{rank} *"
            elif result.incomplete[i]:
                text += " *"
            x, right, white = self._placement(result, i, float(widths[s]))
            labels.append(Label(x, float(ys[s]), text, text_on(club_colour(i)) if white else text_colour,
                                1.0 if right else 0.0))
        return tuple(labels) + self._summary_only()

    def _summary_only(self) -> tuple[Label, ...]:
        # Many clubs: value labels cannot fit (the ranking table carries the numbers); the
        # summary row always shows.
        return () if self._hidden is None else (Label(0.0, 0.0, self._hidden.text(), chart().muted),)

    def _place(self, result: Result, shown: np.ndarray) -> None:
        """Bars' heights, colours and names, only when the ranking changes. Up to TOP_N clubs
        each bar belongs to one club and moves; above, each bar is a place (best at the top)
        and takes the colour and name of the club that holds it, over a summary row."""
        order = tuple(int(i) for i in (result.order if len(shown) == len(result.order) else shown))
        hidden = hidden_clubs(result)
        self._hidden = hidden
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
        if not which.size and not self._ranges_drawn:
            return     # no score range now or before: nothing to redraw on this tick
        self._ranges_drawn = bool(which.size)
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
        # Only when the club list changes; every other update edits these items in place.
        names = [c.name for c in self._last.scenario.clubs]
        self.bars.setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=np.zeros(n),
                          brushes=[club_colour(i) for i in range(n)])
        self._all_names = names
        self._names = names[:n]
        self._order = ()

    def summary_text(self) -> str:
        """The summary row under the top clubs ("" when every club is drawn), for tests."""
        return "" if self._hidden is None else self._hidden.text()

    def label_texts(self) -> list[str]:
        """The value label drawn for each bar, in ``bar_widths`` order ("" for every bar when
        none is drawn: bars too thin to hold a line of text), for tests."""
        drawn = self.values.labels()[:len(self._names)]
        return [label.text for label in drawn] if len(drawn) == len(self._names) else [""] * len(self._names)

    def bar_widths(self) -> np.ndarray:
        """What the chart draws, for tests and the report."""
        return np.asarray(self.bars.opts["width"], dtype=float)

    def bar_order(self) -> list[str]:
        """Club names top to bottom as drawn, for tests."""
        ys = np.asarray(self.bars.opts["y"], dtype=float)
        return [self._names[s] for s in np.argsort(-ys, kind="stable")]
