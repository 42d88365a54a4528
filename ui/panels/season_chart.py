"""Fit over the season: each candidate's fit score (or rank) on every matchday, the as-of date
marked; a click on the chart moves the as-of date to the nearest matchday (one undo step).

The figures for each date are computed once per case, criteria or hand-entered figure change
(``Session.timeline`` keeps them); a weight change only re-scores them and moves the curves
(created once per set of clubs, then ``setData``). A hidden tab only remembers that it is stale;
a visible one redraws at most once per frame (``FRAME_MS``): several changes within one frame
(a drag's ticks, an undo that sets several weights) cost one re-score and one repaint.
"""
from __future__ import annotations

import time
from datetime import date, datetime, timezone

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from evaluator.decision.scoring import Result
from evaluator.errors import InputError
from evaluator.session import Change, Session
from evaluator.session.timeline import Timeline
from ui.frame_clock import FrameClock
from ui.palette import chart, club_colour
from ui.text import esc
from ui.themed import set_style
from ui.panels.bar_axes import BarChartView
from ui.panels.steady_text import SteadyText, set_text_keeping_height

SENTENCE_DELAY_MS = 150
FRAME_MS = 16   # at most one redraw per frame of a 60 Hz screen, as the How sure tab


def day_seconds(day: date) -> float:
    """x of a date: midnight UTC in POSIX seconds (what pg.DateAxisItem reads)."""
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()


def nearest(dates: tuple[date, ...], x: float) -> date | None:
    if not dates:
        return None
    xs = np.array([day_seconds(d) for d in dates])
    return dates[int(np.argmin(np.abs(xs - x)))]


class RangeCurve(pg.PlotCurveItem):
    """A club's curve whose bounds are its chart's range, set from outside, not its data's: the
    chart's range is fixed (the season's dates by 0-104, or the ranks), and working out each
    curve's bounds from its data again after every move (NaN-aware min and max, pixel padding)
    cost more than drawing it."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._range = QRectF()

    def set_range(self, rect: QRectF) -> None:
        if rect != self._range:
            self.prepareGeometryChange()
            self._range = rect

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._range


class SeasonPlot(BarChartView):
    """The curves alone, drawn from a ``Timeline`` (the window's tab and the PDF use it)."""

    def __init__(self, timeline: Timeline | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        self.plot = pg.PlotItem(axisItems={"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.enableAutoRange(False)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            axis.setTextPen(pg.mkPen(chart().text))
            axis.setPen(pg.mkPen(chart().muted))
        self.addItem(self.plot, row=0, col=0)
        # The legend sits in its own row under the plot, so it never hides a curve.
        self.legend = pg.LegendItem(labelTextColor=chart().text, colCount=3)
        self.addItem(self.legend, row=1, col=0)
        self.as_of_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(chart().muted, width=1.5,
                                                                                style=Qt.PenStyle.DashLine),
                                          label="as of", labelOpts={"position": 0.96, "color": chart().muted})
        self.plot.addItem(self.as_of_line)
        self.curves: list[RangeCurve] = []
        self.ranks = False
        self.timeline: Timeline | None = None
        self._clubs: tuple[str, ...] = ()
        self._x: np.ndarray = np.zeros(0)
        self._dates: tuple[date, ...] = ()
        self.setMinimumHeight(220)
        if timeline is not None:
            self.show_timeline(timeline)

    def show_result(self, result: object) -> None:   # BarChartView redraws its last input on resize
        if self.timeline is not None:
            self.show_timeline(self.timeline)

    def show_timeline(self, t: Timeline, ranks: bool | None = None) -> None:
        self.timeline = t
        if ranks is not None and ranks != self.ranks:
            self.ranks = ranks
            self._axis(len(t.clubs))   # the axis and range change; the curves stay
        if t.clubs != self._clubs:
            self._rebuild(t.clubs)
        if t.dates != self._dates:
            self._dates = t.dates
            self._x = np.array([day_seconds(d) for d in t.dates])
            if len(self._x):
                pad = max(86400.0, 0.02 * (self._x[-1] - self._x[0]))
                self.plot.setXRange(self._x[0] - pad, self._x[-1] + pad, padding=0)
        values = t.ranks.astype(float) if self.ranks else t.scores
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        shown = QRectF(x0, min(y0, y1), x1 - x0, abs(y1 - y0))
        for c, curve in enumerate(self.curves):
            curve.set_range(shown)
            y = values[:, c].copy()
            if self.ranks:
                y[y == 0] = np.nan
            curve.setData(self._x, y, connect="finite")
        if t.as_of is not None and self.as_of_line.value() != day_seconds(t.as_of):   # setPos repaints
            self.as_of_line.setPos(day_seconds(t.as_of))
        self.as_of_line.setVisible(t.as_of is not None)

    def _rebuild(self, clubs: tuple[str, ...]) -> None:
        # Only the curves after the first club that differs are made again: a club added at the
        # end is one new curve and legend entry. All of them again (the legend re-laid out for
        # each) was ~1 s of every add at 50 clubs with the tab on screen. A club's colour is
        # its place in the list, so the curves after a removed club are made again as well.
        keep = 0
        while keep < min(len(clubs), len(self._clubs)) and clubs[keep] == self._clubs[keep]:
            keep += 1
        for curve in self.curves[keep:]:
            self.plot.removeItem(curve)
            self.legend.removeItem(curve)
        del self.curves[keep:]
        for c, name in enumerate(clubs[keep:], start=keep):
            colour = club_colour(c)   # the club's colour in every chart and the report
            # No symbols: a scatter is rebuilt point by point on every setData (1 ms a tick at 3 clubs);
            # a bare curve item: PlotDataItem's layer (downsampling, bounds bookkeeping) is not needed.
            curve = RangeCurve(pen=pg.mkPen(colour, width=2), name=name)
            self.plot.addItem(curve)
            self.legend.addItem(curve, esc(name))
            self.curves.append(curve)
        self._clubs = clubs
        self._axis(len(clubs))

    def _axis(self, clubs: int) -> None:
        """Ranks 1 to ``clubs`` top down, or fit scores 0 to 100 bottom up."""
        n = max(clubs, 1)
        left = self.plot.getAxis("left")
        if self.ranks:
            self.plot.setYRange(0.6, n + 0.4, padding=0)
            self.plot.invertY(True)
            left.setTicks([[(float(r), f"#{r}") for r in range(1, n + 1)]])
            self.plot.setLabel("left", "rank", color=chart().muted)
        else:
            self.plot.invertY(False)
            self.plot.setYRange(0, 104, padding=0)
            left.setTicks([[(float(v), f"{v}") for v in range(0, 101, 20)]])
            self.plot.setLabel("left", "fit score", color=chart().muted)

    def date_at(self, scene_pos: object) -> date | None:
        """The matchday nearest to a point in the scene (None outside the plot)."""
        vb = self.plot.vb
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        return nearest(self._dates, float(vb.mapSceneToView(scene_pos).x()))


class SeasonPanel(QWidget):
    """The Season tab: the chart, a rank/score switch and the sentence the report prints."""

    def __init__(self, session: Session, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.chart = SeasonPlot()
        self.by_rank = QCheckBox("Show rank instead of score")
        self.by_rank.toggled.connect(self._on_by_rank)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        # A new text costs ~3 ms of repainting around the label: during a slider drag the curves
        # follow every tick and the sentence follows once the weights rest.
        self.sentence_timer = QTimer(self)
        self.sentence_timer.setSingleShot(True)
        self.sentence_timer.setInterval(SENTENCE_DELAY_MS)
        self.sentence_timer.timeout.connect(self._on_sentence_due)
        self._sentence = ""
        self.hint = QLabel("Click the chart to set the as-of date to the nearest matchday.")
        set_style(self.hint, "color: $muted")
        top = QHBoxLayout()
        top.addWidget(SteadyText(self.sentence), 1)   # a new sentence does not re-lay out the tab
        top.addWidget(self.by_rank)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.chart, 1)
        box.addWidget(self.hint)
        self.chart.scene().sigMouseClicked.connect(self._on_click)
        self._frame = QTimer(self)   # the next redraw, at most one per frame
        self._frame.setSingleShot(True)
        self._frame.timeout.connect(self._draw_frame)
        self._frames = FrameClock(FRAME_MS / 1000)   # when the next redraw may run
        self._arrived = -1.0                         # when the newest change came
        self._stale = True
        self.show_result(result)

    @property
    def pending(self) -> bool:
        """A redraw is waiting for the next frame."""
        return self._frame.isActive()

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._stale = True
        self._arrived = time.monotonic()
        if self.isVisible() and not self._frame.isActive():
            self._frame.start(max(0, int(1000 * (self._frames.due() - self._arrived))))

    def flush(self) -> None:
        """Draw a waiting frame now (tests, and anything that reads the chart)."""
        if self._frame.isActive():
            self._frame.stop()
            self._draw_frame()

    def _draw_frame(self) -> None:
        self._frames.drawn(self._arrived, time.monotonic())
        if self._stale and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._frame.stop()
        self._stale = False
        try:
            t = self.session.timeline()
        except InputError as e:
            self.chart.hide()
            set_text_keeping_height(self.sentence, f"No season to show: {e}")
            return
        self.chart.show()
        self.chart.show_timeline(t, self.by_rank.isChecked())
        self._sentence = t.leader_sentence()
        if not self.sentence.text():
            set_text_keeping_height(self.sentence, self._sentence)
        elif self._sentence != self.sentence.text():
            self.sentence_timer.start()

    def _on_sentence_due(self) -> None:
        set_text_keeping_height(self.sentence, self._sentence)

    def set_as_of_at(self, scene_pos: object) -> None:
        day = self.chart.date_at(scene_pos)
        if day is not None and day != self.session.scenario.as_of:
            try:
                self.session.set_as_of(day)
            except InputError as e:
                set_text_keeping_height(self.sentence, str(e))

    def _on_click(self, event: object) -> None:
        self.set_as_of_at(event.scenePos())  # type: ignore[attr-defined]  # a pyqtgraph MouseClickEvent

    def _on_by_rank(self, checked: bool) -> None:
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
