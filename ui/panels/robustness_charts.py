"""The How sure tab's two charts: one-way weight sweeps and SMAA rank acceptability.

Plot items are created once per shape (clubs x criteria) and updated in place on every change.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from evaluator.decision.robustness import Robustness
from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAAResult
from evaluator.decision.sweeps import TOP_PAIRS
from ui.panels.bar_axes import Bars, rank_positions, set_club_axis
from ui.palette import CLUB_COLOURS, Scheme, chart, club_colour, criterion_colour
from ui.panels.sweep_item import SweepItem
from ui.panels.sweep_key import SweepKey
from ui.text import esc

# Clubs; above, only crossings among the current top TOP_CROSSINGS. At most ALL_PAIRS_UP_TO:
# above that the sweeps solve only some pairs (tests/test_robustness_sweeps.py holds both to it).
ALL_CROSSINGS_UP_TO = 10
KEYED_CLUBS = len(CLUB_COLOURS)   # clubs; above, the best this many in colours of their own, the rest grey
TOP_CROSSINGS = TOP_PAIRS   # the sweeps solve every pair among them whatever the number of clubs


MIN_PLOT_PX = 130   # narrower than this a sweep plot is unreadable: the plots wrap onto more rows
TITLE_ROOM_PX = 60  # of a plot's width, what its left axis, margins and colour square take from the title
PLOT_ROW_PX = 190   # height of one row of sweep plots
KEY_LINE_PX = 15    # one line of the sweeps' key
SWEEPS_DESCRIPTION = ("For each criterion, every club's fit score as that criterion's share of the weight goes "
                      "from 0 to 100%; the dashed line is the share now.")


def elide(label: str, width: int) -> str:
    """The criterion's label cut to ``width`` pixels of the titles' 9 pt font (whole in the tooltip)."""
    font = QFont()
    font.setPointSizeF(9)
    return QFontMetrics(font).elidedText(label, Qt.TextElideMode.ElideRight, max(width, 20))


def free_width(label: pg.LabelItem) -> None:
    """Let a title follow its plot's width instead of setting it: pyqtgraph makes a label's text
    width its minimum on every text change and resize, which kept three plots wider than an
    800-px window."""
    measure = label.updateMin

    def update_min() -> None:
        measure()
        label.setMinimumWidth(0)
        for hint in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
            label._sizeHint[hint] = (0, label._sizeHint[hint][1])
        label.updateGeometry()
    label.updateMin = update_min


class SweepPlots(pg.GraphicsLayoutWidget):
    """One small plot per criterion: each club's score as that criterion's share goes 0 -> 1.

    Each plot holds one item (``SweepItem``) whatever the number of clubs. The plots sit side by
    side while each gets MIN_PLOT_PX, and wrap onto more rows in a narrower window; titles are
    cut to the width their plot really has, the whole label in the title's tooltip.
    """

    GRID = np.linspace(0.0, 1.0, 51)
    ENDS = np.array([0.0, 1.0])   # a straight sweep is drawn exactly by its two ends (100 clubs: 2 ms less a move)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        self.setAccessibleName("Weight sweep plots")
        self.setAccessibleDescription(SWEEPS_DESCRIPTION)
        self.plots: list[pg.PlotItem] = []
        self.items: list[SweepItem] = []
        self.markers: list[float] = []
        self._labels: list[str] = []
        self._key: SweepKey | None = None
        self._names: tuple[tuple[str, ...], tuple[int, ...] | None] = ((), None)
        self._columns = 0
        self._key_lines = 2
        self._hues: dict[int, int] = {}   # keyed club -> its slot in CLUB_COLOURS (many clubs)
        self.setMinimumHeight(PLOT_ROW_PX)
        self._arrange_soon = QTimer(self)
        self._arrange_soon.setSingleShot(True)
        self._arrange_soon.setInterval(0)
        self._arrange_soon.timeout.connect(self._arrange)

    def show_robustness(self, rb: Robustness) -> None:
        s = rb.result.scenario
        n = len(s.clubs)
        if [c.label for c in s.criteria] != self._labels:
            self._rebuild(rb)
        elif n != self.items[0].curves.shape[1]:   # a club added or removed: the plots stay (~50 ms each to build)
            for item in self.items:
                item.set_clubs(n)
        names = tuple(c.name for c in s.clubs)
        top = tuple(sorted(int(i) for i in rb.result.order[:KEYED_CLUBS])) if n > KEYED_CLUBS else None
        if (names, top) != self._names:   # the key, and which lines stand out, follow the best few
            self._names = (names, top)
            colours = self._colours_for(top)
            self._show_key(names, top, colours)
            for item in self.items:
                item.emphasise(top, colours)
        self.markers = [sweep.current for sweep in rb.sweeps]
        straight = all(sweep.straight for sweep in rb.sweeps)
        grid = self.ENDS if straight else self.GRID
        for sweep, item in zip(rb.sweeps, self.items):
            item.set_grid(grid)
            inside = (sweep.cross_t > 0) & (sweep.cross_t < 1)
            if n > ALL_CROSSINGS_UP_TO:   # thousands of dots say nothing: mark where the leaders change
                leaders = np.zeros(n, dtype=bool)
                leaders[rb.result.order[:TOP_CROSSINGS]] = True
                inside &= leaders[sweep.cross_first] & leaders[sweep.cross_second]
            ts = sweep.cross_t[inside]
            item.set_data(sweep.ends() if straight else np.nan_to_num(sweep.at(grid)), sweep.current, ts,
                          sweep.club_at(ts, sweep.cross_first[inside]))

    def club_curve(self, plot: int, club: int) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) drawn for ``club`` in sweep plot ``plot``."""
        return self.items[plot].curve(club)

    def use_scheme(self, scheme: Scheme) -> None:
        """A theme switch (``ui.theme.restyle``): the marker and dots take the new colours."""
        for item in self.items:
            item.use_colours(scheme.muted, scheme.crossing)
        if self._key is not None:
            self._key.use_colour(scheme.text)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        timer = getattr(self, "_arrange_soon", None)   # pyqtgraph resizes the view while it is built
        if timer is not None:
            timer.start()   # not now: moving items of a layout Qt is laying out crashed it

    def least_plot_width(self) -> int:
        """What one plot needs: MIN_PLOT_PX, and at least what its axes and their titles take (a
        plot squeezed below that was drawn past the right edge)."""
        spacing = int(self.ci.layout.horizontalSpacing()) + 2
        return max([MIN_PLOT_PX, *(int(p.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()) + spacing
                                   for p in self.plots)])

    def _columns_for(self, width: int) -> int:
        """As many plots a row as fit."""
        k = len(self.plots)
        return max(1, min(k, (width - 4) // self.least_plot_width())) if k else 0

    def _arrange(self) -> None:
        """Plots in as many columns as fit, titles cut to each plot's width."""
        cols = self._columns_for(self.width())
        if cols != self._columns and self.plots:
            self._columns = cols
            for placed in (*self.plots, self._key):
                if placed is not None and placed in self.ci.items:
                    self.ci.removeItem(placed)
            for j, plot in enumerate(self.plots):
                self.ci.addItem(plot, row=j // cols, col=j % cols)
            rows = -(-len(self.plots) // cols)
            if self._key is not None:
                self.ci.addItem(self._key, row=rows, col=0, colspan=cols)
            self._fit_height()
        room = self.width() // max(cols, 1) - TITLE_ROOM_PX
        colours = chart()
        for j, (plot, label) in enumerate(zip(self.plots, self._labels)):
            plot.getAxis("left").showLabel(j % max(cols, 1) == 0)   # "fit score" once a row
            title = f"<span style='color:{criterion_colour(j)}'>■</span> {esc(elide(label, room))}"
            if plot.titleLabel.text != title:
                plot.setTitle(title, color=colours.text, size="9pt")
            plot.titleLabel.setToolTip(label)

    def _rebuild(self, rb: Robustness) -> None:
        self.clear()
        s = rb.result.scenario
        n = len(s.clubs)
        self.plots, self.items, self._labels = [], [], [c.label for c in s.criteria]
        self._columns = 0
        colours = chart()
        for j, crit in enumerate(s.criteria):
            plot = pg.PlotItem()
            free_width(plot.titleLabel)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.enableAutoRange(False)
            plot.setXRange(0, 1, padding=0.02)
            plot.setYRange(0, 100, padding=0.04)
            plot.getAxis("bottom").setTicks([[(0, "0"), (0.5, "50%"), (1, "100%")]])
            plot.getAxis("left").setTicks([[(0, "0"), (50, "50"), (100, "100")]])
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setTextPen(pg.mkPen(colours.text))
                axis.setPen(pg.mkPen(colours.muted))
                axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)   # fixed axes: drawn once
            plot.getAxis("bottom").setStyle(hideOverlappingLabels=False)   # the 0 and 100% at the ends stay
            plot.layout.setContentsMargins(0, 0, 14, 0)                    # room for the "100%" overhang
            plot.setLabel("bottom", "weight share", color=colours.muted)   # short: it sets the plot's least width
            plot.setLabel("left", "fit score", color=colours.muted)            # every plot: they may wrap
            item = SweepItem(self.GRID, n, colours.muted, colours.crossing)
            plot.addItem(item)
            self.plots.append(plot)
            self.items.append(item)
        self._key = SweepKey(colours.text)
        self._names = ((), None)
        self._arrange()

    def _colours_for(self, top: tuple[int, ...] | None) -> tuple[str, ...]:
        """A colour per keyed club, none shared (by club index, clubs 1 and 9 shared one): a club
        keeps its colour while it stays among the best few; one coming in takes a free one."""
        if top is None:
            self._hues = {}
            return ()
        kept = {club: hue for club, hue in self._hues.items() if club in top}
        free = [hue for hue in range(len(CLUB_COLOURS)) if hue not in kept.values()]
        for club in top:
            if club not in kept:
                kept[club] = free.pop(0)
        self._hues = kept
        return tuple(CLUB_COLOURS[kept[club]] for club in top)

    def _show_key(self, names: tuple[str, ...], top: tuple[int, ...] | None, colours: tuple[str, ...]) -> None:
        """Each club's colour and name, two clubs a line (on one line the key alone was wider than
        the tab in an 800-px window). Above KEYED_CLUBS, only the best few now, in the clubs'
        order (so a change of order among them redraws nothing): at 100 clubs a key of every
        club took the plots' whole height and left them no room at all."""
        shown = range(len(names)) if top is None else top
        note = "" if top is None else f"{len(names) - len(top)} more clubs in grey; in colour, the {len(top)} best now"
        assert self._key is not None
        hues = colours if top is not None else tuple(club_colour(i) for i in shown)
        self._key.set_entries(tuple(zip(hues, (names[i] for i in shown))), note)
        self.setAccessibleDescription(f"{SWEEPS_DESCRIPTION} Key: {self._key.text}")
        if self._key.lines() != self._key_lines:
            self._key_lines = self._key.lines()
            self._fit_height()

    def _fit_height(self) -> None:
        """Room for every row of plots and every line of the key (a taller key squeezed the plots)."""
        rows = -(-len(self.plots) // max(self._columns, 1))
        self.setMinimumHeight(rows * PLOT_ROW_PX + 10 + KEY_LINE_PX * self._key_lines)


MIN_HEIGHT = 220   # the legend takes ~70 px; the bars need the rest
FRAME_PX = 120     # title, axis and legend
ROW_PX = 18        # a club's row: its name in the axis' font


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
        self._drawn: tuple[np.ndarray, np.ndarray] | None = None   # (shares, ys) on screen
        self.setMinimumHeight(MIN_HEIGHT)

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
        if self._drawn is not None and np.array_equal(self._drawn[0], acc) and np.array_equal(self._drawn[1], ys):
            return      # the same shares as on screen (a stable ranking, moved weights): no repaint
        self._drawn = (acc, ys)
        for r, bar in enumerate(self.segments):
            bar.setOpts(x0=left[:, r], width=acc[:, r], y=ys)

    def use_scheme(self, scheme: Scheme) -> None:
        """A theme switch (``ui.theme.restyle``): the ranks take the theme's shades."""
        for bar, colour in zip(self.segments, scheme.ranks):
            bar.setOpts(brush=colour, pen=pg.mkPen(scheme.separator))

    def clear_bars(self) -> None:
        self._drawn = None
        for bar in self.segments:
            bar.setOpts(width=np.zeros(self._n))

    def _rebuild(self, result: Result, n: int) -> None:
        for bar in self.segments:
            self.plot.removeItem(bar)
        self.legend.clear()
        ys = np.arange(n - 1, -1, -1, dtype=float)
        self.segments = []
        ranks = chart().ranks
        shown = min(n, len(ranks))
        for r in range(shown):
            bar = Bars(x0=np.zeros(n), y=ys, height=0.6, width=np.zeros(n),
                       brush=ranks[r], pen=pg.mkPen(chart().separator))
            self.plot.addItem(bar)
            self.legend.addItem(bar, f"rank {r + 1}" if r < shown - 1 or shown == n else f"rank {r + 1} or lower")
            self.segments.append(bar)
        self._order = ()
        self._drawn = None
        self._n = n
        # Every club a readable row: 100 clubs in the old fixed 220 px left 1 px a bar, names unreadable.
        self.setMinimumHeight(max(MIN_HEIGHT, FRAME_PX + ROW_PX * n))
