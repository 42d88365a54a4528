"""The How sure tab's two charts: one-way weight sweeps and SMAA rank acceptability.

Plot items are created once per shape (clubs x criteria) and updated in place on every change.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QWidget

from evaluator.decision.robustness import Robustness
from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAAResult
from ui.panels.bar_axes import rank_positions, set_club_axis
from ui.palette import CLUB_COLOURS, RANK_COLOURS, chart, club_colour, criterion_colour
from ui.text import esc
ALL_CROSSINGS_UP_TO = 10  # clubs; above, only crossings involving the current top TOP_CROSSINGS
TOP_CROSSINGS = 3


TITLE_MAX_PX = 80   # a title sets its plot's minimum width: three must fit a tab in an 800-px window


def _short(label: str) -> str:
    """The criterion's label, elided to TITLE_MAX_PX (the weights panel shows it whole)."""
    font = QFont()
    font.setPointSizeF(9)
    return QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight, TITLE_MAX_PX)


class SweepPlots(pg.GraphicsLayoutWidget):
    """One small plot per criterion: each club's score as that criterion's share goes 0 -> 1.

    Clubs of one colour share one line item (segments split by ``connect``): at 100 clubs
    that is 8 ``setData`` calls per plot per tick instead of 100.
    """

    GRID = np.linspace(0.0, 1.0, 51)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        self.setAccessibleName("Weight sweep plots")
        self.setAccessibleDescription("For each criterion, every club's fit score as that criterion's share of "
                                      "the weight goes from 0 to 100%; the dashed line is the share now.")
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
            colours = chart()
            plot.setTitle(f"<span style='color:{criterion_colour(j)}'>■</span> {esc(_short(crit.label))}",
                          color=colours.text, size="9pt")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.enableAutoRange(False)
            plot.setXRange(0, 1, padding=0.02)
            plot.setYRange(0, 100, padding=0.04)
            plot.getAxis("bottom").setTicks([[(0, "0"), (0.5, "50%"), (1, "100%")]])
            plot.getAxis("left").setTicks([[(0, "0"), (50, "50"), (100, "100")]])
            for name in ("left", "bottom"):
                plot.getAxis(name).setTextPen(pg.mkPen(colours.text))
                plot.getAxis(name).setPen(pg.mkPen(colours.muted))
            plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)   # the 0 and 100% at the ends stay
            plot.layout.setContentsMargins(0, 0, 14, 0)                    # room for the "100%" overhang
            plot.setLabel("bottom", "its weight share", color=colours.muted)   # every plot: their axes line up
            if j == 0:
                plot.setLabel("left", "fit score", color=colours.muted)
            # Bare curve items: PlotDataItem's extra layer (downsampling, log axes, data-rect
            # bookkeeping) cost ~0.2 ms per setData, 24 times a tick at 20 clubs.
            lines = [pg.PlotCurveItem(pen=pg.mkPen(club_colour(g), width=2)) for g in range(len(self._groups))]
            for line in lines:
                plot.addItem(line)
            marker = pg.InfiniteLine(angle=90, pen=pg.mkPen(colours.muted, style=Qt.PenStyle.DashLine))
            plot.addItem(marker)
            cross = pg.ScatterPlotItem(size=7, brush=pg.mkBrush(colours.crossing), pen=pg.mkPen(None))
            plot.addItem(cross)
            self.plots.append(plot)
            self.lines.append(lines)
            self.markers.append(marker)
            self.crossings.append(cross)
        keys = [f"<span style='color:{club_colour(i)}'>━</span> {c.name}" for i, c in enumerate(s.clubs)]
        # Two clubs a line: on one line the key alone was wider than the tab in an 800-px window.
        self.addLabel("<br>".join(" · ".join(keys[i:i + 2]) for i in range(0, len(keys), 2)), row=1, col=0,
                      colspan=len(s.criteria), color=chart().text, size="9pt")


class AcceptabilityChart(pg.GraphicsLayoutWidget):
    """SMAA rank acceptability: for each club, the share of weightings giving it each rank.

    Ranks from the sixth down share one colour, so they are one segment ("6th or lower"):
    at most six bar items whatever the club count.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        colours = chart()
        self.setBackground(colours.background)
        self.setAccessibleName("Rank acceptability chart")
        self.setAccessibleDescription("For each club, best first, the share of random weightings that give it "
                                      "each rank.")
        self.plot = self.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.enableAutoRange(False)
        self.plot.setXRange(0, 100, padding=0.02)
        self.plot.setTitle("Share of weightings per rank", color=colours.text, size="9pt")
        for name in ("left", "bottom"):
            self.plot.getAxis(name).setTextPen(pg.mkPen(colours.text))
            self.plot.getAxis(name).setPen(pg.mkPen(colours.muted))
        self.plot.setLabel("bottom", "% of random weightings", color=colours.muted)
        self.plot.getAxis("bottom").setTicks([[(v, f"{v}") for v in range(0, 101, 20)]])
        self.plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)
        self.plot.layout.setContentsMargins(0, 0, 14, 0)
        self.legend = pg.LegendItem(colCount=6, labelTextColor=colours.text)
        self.addItem(self.legend, row=1, col=0)
        self.segments: list[pg.BarGraphItem] = []
        self._order: tuple[int, ...] = ()
        self._n = 0
        self.setMinimumHeight(220)   # the legend takes ~70 px; the bars need the rest

    def show_smaa(self, result: Result, mc: SMAAResult) -> None:
        acc = 100 * mc.acceptability
        n = acc.shape[0]
        if n != self._n:
            self._rebuild(result, n)
        shown = len(self.segments)
        acc = np.column_stack([acc[:, :shown - 1], acc[:, shown - 1:].sum(axis=1)])
        left = np.concatenate([np.zeros((n, 1)), np.cumsum(acc, axis=1)[:, :-1]], axis=1)
        ys = rank_positions(result.order)   # best first, like the window's other charts
        order = tuple(int(i) for i in result.order)
        if order != self._order:
            set_club_axis(self.plot, [c.name for c in result.scenario.clubs], ys)
            self._order = order
        for r, bar in enumerate(self.segments):
            bar.setOpts(x0=left[:, r], width=acc[:, r], y=ys)

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
                                  brush=RANK_COLOURS[r], pen=pg.mkPen(chart().separator))
            self.plot.addItem(bar)
            self.legend.addItem(bar, f"rank {r + 1}" if r < shown - 1 or shown == n else f"rank {r + 1} or lower")
            self.segments.append(bar)
        self._order = ()
        self._n = n
