"""Fit score per club, 0-100, one horizontal bar each with its value and rank beside it.

A club with a missing figure has a score range: a whisker from the low to the high end is
drawn over its bar (the bar itself ends at the middle, where it is ranked)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result
from evaluator.formatting import format_score
from ui.palette import SCORE_BAR, SCORE_BAR_LEADER, TEXT
from ui.panels.bar_axes import BarChartView, bars_tall_enough, club_positions, make_bar_plot, set_club_axis, set_text

BAR_HEIGHT = 0.6
HIGH_LABEL_UNTIL = 82.0   # a range label fits right of the whisker up to here
TICK = 0.22          # half-height of the whisker's end ticks, in bar units
MIN_LABEL_PIXELS = 14.0
INSIDE_FROM = 70.0   # score above which the value label sits inside the bar


class ScoreChart(BarChartView):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.plot = make_bar_plot("Fit score", "points out of 100", x_pad=3)
        self.addItem(self.plot)
        self.bars = pg.BarGraphItem(x0=np.zeros(0), y=np.zeros(0), height=BAR_HEIGHT, width=np.zeros(0),
                                    brush=SCORE_BAR, pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        # One item for every range: segment pairs (the line and its two end ticks per club).
        self.ranges = pg.PlotDataItem(np.zeros(0), np.zeros(0), connect="pairs", pen=pg.mkPen(TEXT, width=2))
        self.plot.addItem(self.ranges)
        self.labels: list[pg.TextItem] = []
        self._inside: list[tuple[bool, bool]] = []   # per label: anchored at its right end, white
        self._labels_on = True
        self._leaders: tuple[bool, ...] = ()
        self.setMinimumHeight(170)
        self.show_result(result)

    def refit(self, last: Result) -> None:
        self.show_result(last, Change.NONE)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._last = result
        if changes & Change.CLUBS:
            self._rebuild([c.name for c in result.scenario.clubs])
        widths = np.nan_to_num(result.scores)
        leaders = tuple(bool(r == 1) for r in result.ranks)
        if leaders != self._leaders:   # brushes only when they change: setOpts re-creates them
            self.bars.setOpts(width=widths, brushes=[SCORE_BAR_LEADER if lead else SCORE_BAR for lead in leaders])
            self._leaders = leaders
        else:
            self.bars.setOpts(width=widths)
        self._show_ranges(result)
        tall = bars_tall_enough(self.plot, len(self.labels), BAR_HEIGHT, MIN_LABEL_PIXELS)
        if not tall and not self._labels_on:
            return   # many clubs: labels cannot fit; the ranking table carries the numbers
        self._labels_on = tall
        for i, label in enumerate(self.labels):
            if label.isVisible() != tall:
                label.setVisible(tall)
            if not tall:
                continue
            rank = int(result.ranks[i])
            text = format_score(result.scores[i]) + (f"  #{rank}" if rank else "")
            place = self._placement(result, i, float(widths[i]))
            if result.incomplete[i] and rank:
                text = f"{format_score(result.low[i])}–{format_score(result.high[i])}  #{rank} *"
            elif result.incomplete[i]:
                text += " *"
            set_text(label, text)
            x, right, white = place
            if (right, white) != self._inside[i]:
                label.setAnchor((1, 0.5) if right else (0, 0.5))
                label.setColor("w" if white else TEXT)
                self._inside[i] = (right, white)
            label.setPos(x, float(self.bars.opts["y"][i]))

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
        which = np.flatnonzero(result.incomplete & (result.ranks > 0))
        xs: list[float] = []
        yy: list[float] = []
        for i in which.tolist():
            a, b, y = float(lo[i]), float(hi[i]), float(ys[i])
            xs += [a, b, a, a, b, b]
            yy += [y, y, y - TICK, y + TICK, y - TICK, y + TICK]
        self.ranges.setData(np.array(xs), np.array(yy))

    def score_ranges(self) -> tuple[np.ndarray, np.ndarray]:
        """The whiskers' segment ends (x, y), for tests."""
        x, y = self.ranges.getData()
        return (np.zeros(0), np.zeros(0)) if x is None else (np.asarray(x), np.asarray(y))

    def _rebuild(self, names: list[str]) -> None:
        # Only when the club list changes; every other update edits these items in place.
        for label in self.labels:
            self.plot.removeItem(label)
        ys = club_positions(len(names))
        self.bars.setOpts(x0=np.zeros(len(names)), y=ys, width=np.zeros(len(names)),
                          brushes=[SCORE_BAR] * len(names))
        self._leaders = ()
        self.labels = []
        self._inside = [(False, False)] * len(names)
        for y in ys:
            label = pg.TextItem("", color=TEXT, anchor=(0, 0.5))
            label.setPos(0, float(y))
            self.plot.addItem(label)
            self.labels.append(label)
        set_club_axis(self.plot, names)

    def bar_widths(self) -> np.ndarray:
        """What the chart draws, for tests and the report."""
        return np.asarray(self.bars.opts["width"], dtype=float)
