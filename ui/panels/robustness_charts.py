"""The How sure tab's two charts: one-way weight sweeps and SMAA rank acceptability.

Plot items are created once per shape (clubs x criteria) and updated in place on every change.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from evaluator.decision.robustness import Robustness
from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAAResult
from ui.panels.bar_axes import set_club_axis
from ui.palette import MUTED, TEXT, criterion_colour
from ui.text import esc

CLUB_COLOURS = ("#1B4F72", "#B9770E", "#117A65", "#884EA0", "#C0392B", "#2E86C1", "#7D6608", "#4D5656")
RANK_COLOURS = ("#1A4971", "#2B6CB0", "#63B3ED", "#BEE3F8", "#E2E8F0", "#EDF2F7")
ALL_CROSSINGS_UP_TO = 10  # clubs; above, only crossings involving the current top TOP_CROSSINGS
TOP_CROSSINGS = 3


def club_colour(i: int) -> str:
    return CLUB_COLOURS[i % len(CLUB_COLOURS)]


class SweepPlots(pg.GraphicsLayoutWidget):
    """One small plot per criterion: each club's score as that criterion's share goes 0 -> 1.

    Clubs of one colour share one line item (segments split by ``connect``): at 100 clubs
    that is 8 ``setData`` calls per plot per tick instead of 100.
    """

    GRID = np.linspace(0.0, 1.0, 51)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.plots: list[pg.PlotItem] = []
        self.lines: list[list[pg.PlotCurveItem]] = []     # per plot, one item per colour
        self.markers: list[pg.InfiniteLine] = []
        self.crossings: list[pg.ScatterPlotItem] = []
        self._groups: list[np.ndarray] = []                 # club indices per colour
        self._x: list[np.ndarray] = []
        self._connect: list[np.ndarray] = []
        self._shape: tuple[int, int] = (0, 0)
        self.setMinimumHeight(170)

    def show_robustness(self, rb: Robustness) -> None:
        n = len(rb.result.scenario.clubs)
        k = len(rb.result.scenario.criteria)
        if (n, k) != self._shape:
            self._rebuild(rb)
            self._shape = (n, k)
        for sweep, plot_lines, marker, cross in zip(rb.sweeps, self.lines, self.markers, self.crossings):
            curves = np.nan_to_num(sweep.at(self.GRID))
            for group, x, conn, line in zip(self._groups, self._x, self._connect, plot_lines):
                line.setData(x, curves[:, group].T.ravel(), connect=conn)
            marker.setValue(sweep.current)
            inside = (sweep.cross_t > 0) & (sweep.cross_t < 1)
            if n > ALL_CROSSINGS_UP_TO:   # thousands of dots say nothing: mark where the leaders change
                top = np.zeros(n, dtype=bool)
                top[rb.result.order[:TOP_CROSSINGS]] = True
                inside &= top[sweep.cross_first] | top[sweep.cross_second]
            ts = sweep.cross_t[inside]
            cross.setData(ts, sweep.club_at(ts, sweep.cross_first[inside]))

    def club_curve(self, plot: int, club: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) drawn for ``club`` in sweep plot ``plot``."""
        g = club % len(CLUB_COLOURS)
        pos = int(np.flatnonzero(self._groups[g] == club)[0])
        x, y = self.lines[plot][g].getData()
        m = self.GRID.size
        return x[pos * m:(pos + 1) * m], y[pos * m:(pos + 1) * m]

    def _rebuild(self, rb: Robustness) -> None:
        self.clear()
        s = rb.result.scenario
        n = len(s.clubs)
        self.plots, self.lines, self.markers, self.crossings = [], [], [], []
        self._groups = [np.arange(g, n, len(CLUB_COLOURS)) for g in range(min(n, len(CLUB_COLOURS)))]
        m = self.GRID.size
        self._x = [np.tile(self.GRID, g.size) for g in self._groups]
        self._connect = []
        for g in self._groups:
            conn = np.ones(g.size * m, dtype=bool)
            conn[m - 1::m] = False                          # no line from one club's end to the next
            self._connect.append(conn)
        for j, crit in enumerate(s.criteria):
            plot = self.addPlot(row=0, col=j)
            plot.setTitle(f"<span style='color:{criterion_colour(j)}'>■</span> {esc(crit.label)}", color=TEXT, size="9pt")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.enableAutoRange(False)
            plot.setXRange(0, 1, padding=0.02)
            plot.setYRange(0, 100, padding=0.04)
            plot.getAxis("bottom").setTicks([[(0, "0"), (0.5, "50%"), (1, "100%")]])
            plot.getAxis("left").setTicks([[(0, "0"), (50, "50"), (100, "100")]])
            for name in ("left", "bottom"):
                plot.getAxis(name).setTextPen(pg.mkPen(TEXT))
                plot.getAxis(name).setPen(pg.mkPen(MUTED))
            # Bare curve items: PlotDataItem's extra layer (downsampling, log axes, data-rect
            # bookkeeping) cost ~0.2 ms per setData, 24 times a tick at 20 clubs.
            lines = [pg.PlotCurveItem(pen=pg.mkPen(club_colour(g), width=2)) for g in range(len(self._groups))]
            for line in lines:
                plot.addItem(line)
            marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(MUTED, style=Qt.PenStyle.DashLine))
            plot.addItem(marker)
            cross = pg.ScatterPlotItem(size=7, brush=pg.mkBrush("#C53030"), pen=pg.mkPen(None))
            plot.addItem(cross)
            self.plots.append(plot)
            self.lines.append(lines)
            self.markers.append(marker)
            self.crossings.append(cross)
        self.addLabel(" · ".join(f"<span style='color:{club_colour(i)}'>━</span> {c.name}"
                                          for i, c in enumerate(s.clubs)), row=1, col=0, colspan=len(s.criteria),
                               color=TEXT, size="9pt")


class AcceptabilityChart(pg.GraphicsLayoutWidget):
    """SMAA rank acceptability: for each club, the share of weightings giving it each rank.

    Ranks from the sixth down share one colour, so they are one segment ("6th or lower"):
    at most six bar items whatever the club count.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.plot = self.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.enableAutoRange(False)
        self.plot.setXRange(0, 100, padding=0.02)
        self.plot.setTitle("Share of weightings per rank", color=TEXT, size="9pt")
        self.legend = pg.LegendItem(colCount=6, labelTextColor=TEXT)
        self.addItem(self.legend, row=1, col=0)
        self.segments: list[pg.BarGraphItem] = []
        self._n = 0
        self.setMinimumHeight(150)

    def show_smaa(self, result: Result, mc: SMAAResult) -> None:
        acc = 100 * mc.acceptability
        n = acc.shape[0]
        if n != self._n:
            self._rebuild(result, n)
        shown = len(self.segments)
        acc = np.column_stack([acc[:, :shown - 1], acc[:, shown - 1:].sum(axis=1)])
        left = np.concatenate([np.zeros((n, 1)), np.cumsum(acc, axis=1)[:, :-1]], axis=1)
        for r, bar in enumerate(self.segments):
            bar.setOpts(x0=left[:, r], width=acc[:, r])

    def clear_bars(self) -> None:
        for bar in self.segments:
            bar.setOpts(width=np.zeros(self._n))

    def _rebuild(self, result: Result, n: int) -> None:
        for bar in self.segments:
            self.plot.removeItem(bar)
        self.legend.clear()
        ys = np.arange(n - 1, -1, -1, dtype=float)
        self.segments = []
        shown = min(n, len(RANK_COLOURS))
        for r in range(shown):
            bar = pg.BarGraphItem(x0=np.zeros(n), y=ys, height=0.6, width=np.zeros(n),
                                  brush=RANK_COLOURS[r], pen=pg.mkPen("w"))
            self.plot.addItem(bar)
            self.legend.addItem(bar, f"rank {r + 1}" if r < shown - 1 or shown == n else f"rank {r + 1} or lower")
            self.segments.append(bar)
        set_club_axis(self.plot, [c.name for c in result.scenario.clubs])
        self._n = n
