"""Fit score per club, 0-100, one horizontal bar each with its value and rank beside it."""
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
        self.labels: list[pg.TextItem] = []
        self._inside: list[bool] = []
        self._labels_on = True
        self._leaders: tuple[bool, ...] = ()
        self.setMinimumHeight(170)
        self.show_result(result)

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
            if result.incomplete[i]:
                text += " *"
            set_text(label, text)
            # Long bars hold their label inside, so it never runs off the fixed 0-100 range.
            inside = widths[i] > INSIDE_FROM
            if inside != self._inside[i]:
                label.setAnchor((1, 0.5) if inside else (0, 0.5))
                label.setColor("w" if inside else TEXT)
                self._inside[i] = inside
            x = float(widths[i]) - 1.0 if inside else float(widths[i]) + 1.0
            label.setPos(x, float(self.bars.opts["y"][i]))

    def _rebuild(self, names: list[str]) -> None:
        # Only when the club list changes; every other update edits these items in place.
        for label in self.labels:
            self.plot.removeItem(label)
        ys = club_positions(len(names))
        self.bars.setOpts(x0=np.zeros(len(names)), y=ys, width=np.zeros(len(names)),
                          brushes=[SCORE_BAR] * len(names))
        self._leaders = ()
        self.labels = []
        self._inside = [False] * len(names)
        for y in ys:
            label = pg.TextItem("", color=TEXT, anchor=(0, 0.5))
            label.setPos(0, float(y))
            self.plot.addItem(label)
            self.labels.append(label)
        set_club_axis(self.plot, names)

    def bar_widths(self) -> np.ndarray:
        """What the chart draws, for tests and the report."""
        return np.asarray(self.bars.opts["width"], dtype=float)
