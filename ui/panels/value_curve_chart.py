"""A criterion's value function drawn: figure (x) to value 0-1 (y), each club's figure marked
in its colour, the target as a dashed line. The curve is the scorer's own function
(``value_functions.value_function``), so the plot shows the session's numbers, not a copy.

Items are created once; ``show_curve`` only calls ``setData``. ``ValueCurvesChart`` puts one
small plot per criterion in a grid for the report.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QWidget

from evaluator.decision.scoring import Result
from evaluator.decision.value_functions import Curve, value_function
from evaluator.model import Criterion, Direction
from ui.palette import chart, club_colour
from ui.panels.bar_axes import BarChartView
from ui.text import esc


class CurvePlot(pg.PlotItem):
    """One value function: the curve, the clubs' points and the target line, made once."""

    def __init__(self, title: str = "") -> None:
        super().__init__(title=title, enableMenu=False)   # no context menu: not built at all (a few ms a plot)
        scheme = chart()
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(x=True, y=True, alpha=0.25)
        self.enableAutoRange(False)
        self.setYRange(-0.07, 1.09, padding=0)   # room for the 0 and 1 tick labels
        for name in ("left", "bottom"):
            axis = self.getAxis(name)
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            axis.setTextPen(pg.mkPen(scheme.text))
            axis.setPen(pg.mkPen(scheme.muted))
        self.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        self.target_line = pg.InfiniteLine(angle=90, movable=False,
                                           pen=pg.mkPen(scheme.muted, width=1.2, style=Qt.PenStyle.DashLine))
        self.addItem(self.target_line)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(scheme.text, width=2.5))
        self.addItem(self.curve)
        # No symbol cache: cached symbols would reach the PDF as little raster images.
        self.clubs = pg.ScatterPlotItem(size=11, pen=pg.mkPen(scheme.text, width=1), useCache=False)
        self.addItem(self.clubs)
        self.setTitle(esc(title), color=scheme.text, size="9pt")   # pyqtgraph reads titles as HTML

    def show_curve(self, curve: Curve, criterion: Criterion, x_label: str) -> None:
        # The curve in the text colour: a criterion colour could be mistaken for a club's point.
        self.curve.setData(curve.xs, curve.ys)
        present = ~np.isnan(curve.club_x)
        index = np.flatnonzero(present)
        self.clubs.setData(x=curve.club_x[present], y=curve.club_y[present],
                           brush=[pg.mkBrush(club_colour(int(i))) for i in index])
        target = criterion.direction is Direction.TARGET and criterion.target is not None
        self.target_line.setVisible(target)
        if target:
            self.target_line.setValue(criterion.target_value())
        if curve.xs.size:
            self.setXRange(float(curve.xs[0]), float(curve.xs[-1]), padding=0.03)
        self.setLabel("bottom", esc(x_label), color=chart().text)


class ValueCurveChart(BarChartView):
    """The criteria editor's plot: one criterion's value function."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        self.plot = CurvePlot()
        self.plot.setLabel("left", "value", color=chart().text)
        self.addItem(self.plot)
        self.setMinimumSize(320, 220)

    def show_result(self, result: object) -> None:   # drawn by ``show_curve``; nothing to refit
        pass

    def show_curve(self, curve: Curve, criterion: Criterion, x_label: str) -> None:
        self.plot.show_curve(curve, criterion, x_label)


class ValueCurvesChart(BarChartView):
    """The report's small multiples: every criterion's value function, two to a row."""

    COLUMNS = 2

    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setBackground(chart().background)
        s = result.scenario
        self.plots: list[CurvePlot] = []
        for j, crit in enumerate(s.criteria):
            plot = CurvePlot(crit.label)
            col = s.column(crit.column)
            unit = crit.unit or col.unit
            plot.show_curve(value_function(result.prepared, j), crit, f"{col.label}{f' ({unit})' if unit else ''}")
            self.addItem(plot, row=j // self.COLUMNS, col=j % self.COLUMNS)
            self.plots.append(plot)

    def show_result(self, result: object) -> None:   # built once for print
        pass

    ROW_HEIGHT = 170   # two small plots a row; the report pages stay over half full (test_report_layout)

    @classmethod
    def height_for(cls, criteria: int) -> int:
        return cls.ROW_HEIGHT * ((criteria + cls.COLUMNS - 1) // cls.COLUMNS)
