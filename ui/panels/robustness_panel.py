"""How sure is the ranking: weight sweeps, stability intervals, SMAA, flips, rank reversal.

Live on every change: the sweeps, intervals and flips are exact and cheap; SMAA runs at a
small sample while a slider moves and is refined to the full sample once it rests (said on
screen). Plot items are created once per shape and updated in place.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from evaluator.decision.robustness import Robustness, analyse
from evaluator.decision.scoring import Result
from evaluator.report import SMAA_MAX_CLUBS, stability_cells
from ui.panels.bar_axes import set_club_axis
from ui.palette import MUTED, TEXT, WARNING_BG, WARNING_BORDER, criterion_colour

LIVE_SAMPLES = 1_000      # while a slider moves
FULL_SAMPLES = 10_000     # once it has rested for REFINE_MS
REFINE_MS = 300
CLUB_COLOURS = ("#1B4F72", "#B9770E", "#117A65", "#884EA0", "#C0392B", "#2E86C1", "#7D6608", "#4D5656")
RANK_COLOURS = ("#1A4971", "#2B6CB0", "#63B3ED", "#BEE3F8", "#E2E8F0", "#EDF2F7")


MAX_SMAA_CLUBS = SMAA_MAX_CLUBS   # SMAA's pairwise index grows with clubs squared x samples; as in the report


def smaa_samples(n_clubs: int, resting: bool) -> int:
    """Samples to draw: full when the slider rests, fewer while it moves or for long lists."""
    if n_clubs > MAX_SMAA_CLUBS:
        return 0
    if resting:
        return FULL_SAMPLES if n_clubs <= 100 else LIVE_SAMPLES
    return LIVE_SAMPLES if n_clubs <= 20 else LIVE_SAMPLES // 5


def club_colour(i: int) -> str:
    return CLUB_COLOURS[i % len(CLUB_COLOURS)]


class SweepPlots(pg.GraphicsLayoutWidget):
    """One small plot per criterion: each club's score as that criterion's share goes 0 -> 1."""

    GRID = np.linspace(0.0, 1.0, 51)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.plots: list[pg.PlotItem] = []
        self.lines: list[list[pg.PlotDataItem]] = []
        self.markers: list[pg.InfiniteLine] = []
        self.crossings: list[pg.ScatterPlotItem] = []
        self._shape: tuple[int, int] = (0, 0)
        self.setMinimumHeight(170)

    def show_robustness(self, rb: Robustness) -> None:
        n = len(rb.result.scenario.clubs)
        k = len(rb.result.scenario.criteria)
        if (n, k) != self._shape:
            self._rebuild(rb)
            self._shape = (n, k)
        for sweep, plot_lines, marker, cross in zip(rb.sweeps, self.lines, self.markers, self.crossings):
            curves = sweep.at(self.GRID)
            for i, line in enumerate(plot_lines):
                line.setData(self.GRID, np.nan_to_num(curves[:, i]))
            marker.setValue(sweep.current)
            ts = np.array([c.t for c in sweep.crossings if 0 < c.t < 1])
            ys = sweep.at(ts)[np.arange(len(ts)), [c.first for c in sweep.crossings if 0 < c.t < 1]] if len(ts) else ts
            cross.setData(ts, ys)

    def _rebuild(self, rb: Robustness) -> None:
        self.clear()
        s = rb.result.scenario
        self.plots, self.lines, self.markers, self.crossings = [], [], [], []
        for j, crit in enumerate(s.criteria):
            plot = self.addPlot(row=0, col=j)
            plot.setTitle(f"<span style='color:{criterion_colour(j)}'>■</span> {crit.label}", color=TEXT, size="9pt")
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
            lines = [plot.plot(pen=pg.mkPen(club_colour(i), width=2)) for i in range(len(s.clubs))]
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
    """SMAA rank acceptability: for each club, the share of weightings giving it each rank."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.plot = self.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.enableAutoRange(False)
        self.plot.setXRange(0, 100, padding=0.02)
        self.plot.setTitle("How often each club ranks 1st, 2nd, … (SMAA)", color=TEXT, size="9pt")
        self.legend = pg.LegendItem(colCount=6, labelTextColor=TEXT)
        self.addItem(self.legend, row=1, col=0)
        self.segments: list[pg.BarGraphItem] = []
        self._n = 0
        self.setMinimumHeight(150)

    def show_robustness(self, rb: Robustness) -> None:
        if rb.smaa is None:
            for bar in self.segments:
                bar.setOpts(width=np.zeros(self._n))
            return
        acc = 100 * rb.smaa.acceptability
        n = acc.shape[0]
        if n != self._n:
            self._rebuild(rb, n)
        left = np.concatenate([np.zeros((n, 1)), np.cumsum(acc, axis=1)[:, :-1]], axis=1)
        for r, bar in enumerate(self.segments):
            bar.setOpts(x0=left[:, r], width=acc[:, r])

    def _rebuild(self, rb: Robustness, n: int) -> None:
        for bar in self.segments:
            self.plot.removeItem(bar)
        self.legend.clear()
        ys = np.arange(n - 1, -1, -1, dtype=float)
        self.segments = []
        for r in range(n):
            bar = pg.BarGraphItem(x0=np.zeros(n), y=ys, height=0.6, width=np.zeros(n),
                                  brush=RANK_COLOURS[min(r, len(RANK_COLOURS) - 1)], pen=pg.mkPen("w"))
            self.plot.addItem(bar)
            if r < 6:
                self.legend.addItem(bar, f"rank {r + 1}")
            self.segments.append(bar)
        set_club_axis(self.plot, [c.name for c in rb.result.scenario.clubs])
        self._n = n


class RobustnessPanel(QWidget):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"QLabel {{ background:{WARNING_BG}; border:1px solid {WARNING_BORDER};"
                                    " border-radius:4px; padding:6px; color:#3D2B00; }")
        self.sweeps = SweepPlots()
        self.acceptability = AcceptabilityChart()
        self.stability = QTableWidget(0, 4)
        self.stability.setHorizontalHeaderLabels(["Criterion", "Share now", "First place holds for share",
                                                  "Whole ranking holds for share"])
        self.stability.verticalHeader().hide()
        self.stability.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.flips = QLabel()
        self.flips.setWordWrap(True)
        self.flips.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.sweeps)
        split.addWidget(self.acceptability)
        split.setSizes([600, 400])
        box.addWidget(self.summary)
        box.addWidget(split, 2)
        box.addWidget(self.stability, 1)
        box.addWidget(self.flips)
        box.addWidget(self.warnings)
        self._pending: Result | None = None
        self._refine = QTimer(self)
        self._refine.setSingleShot(True)
        self._refine.setInterval(REFINE_MS)
        self._refine.timeout.connect(self._on_refine)
        self.latest: Robustness | None = None
        self._draw(analyse(result, smaa_samples=smaa_samples(len(result.scenario.clubs), resting=True)))

    def show_result(self, result: Result) -> None:
        self._draw(analyse(result, smaa_samples=smaa_samples(len(result.scenario.clubs), resting=False)))
        self._pending = result
        self._refine.start()   # restarts while the slider keeps moving

    def _on_refine(self) -> None:
        if self._pending is not None:
            self._draw(analyse(self._pending, smaa_samples=smaa_samples(len(self._pending.scenario.clubs), True)))
            self._pending = None

    def _draw(self, rb: Robustness) -> None:
        self.latest = rb
        self.sweeps.show_robustness(rb)
        self.acceptability.show_robustness(rb)
        s = rb.result.scenario
        self.stability.setRowCount(len(rb.stability))
        for r, st in enumerate(rb.stability):
            cells = stability_cells(st, s)
            for c, text in enumerate(cells):
                item = self.stability.item(r, c)
                if item is None:
                    self.stability.setItem(r, c, QTableWidgetItem(text))
                elif item.text() != text:
                    item.setText(text)
        self.summary.setText(self._summary(rb))
        lines = [f.sentence for f in rb.weight_flips] + [f.sentence for f in rb.figure_flips]
        self.flips.setText("<b>What would swap the top two</b><br>" + "<br>".join(lines) if lines else "")
        self.warnings.setVisible(bool(rb.messages))
        self.warnings.setText("<br>".join(f"⚠ {m}" for m in rb.messages))

    @staticmethod
    def _summary(rb: Robustness) -> str:
        if rb.smaa is None:
            if len(rb.result.scenario.clubs) > MAX_SMAA_CLUBS:
                return f"SMAA is off above {MAX_SMAA_CLUBS} clubs (its cost grows with clubs squared)."
            return "No ranking to test."
        s = rb.result.scenario
        first = rb.smaa.first_rank
        parts = ", ".join(f"{s.clubs[i].name} {100 * first[i]:.1f}%" for i in np.argsort(-first))
        full = smaa_samples(len(s.clubs), resting=True)
        refine = "" if rb.smaa.n_samples >= full else f" (refining to {full:,} when the slider rests)"
        return (f"<b>First place across random weightings</b> ({rb.smaa.n_samples:,} samples, "
                f"± {100 * rb.smaa.max_se:.1f} pts at most{refine}): {parts}")
