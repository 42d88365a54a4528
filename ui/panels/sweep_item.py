"""One sweep plot's drawing as a single item (``robustness_charts.SweepPlots`` holds one per criterion)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from ui.palette import club_colour

REST_ALPHA = 80   # the lines of the clubs not in the key: context, behind the coloured ones


class SweepItem(pg.GraphicsObject):
    """Everything one sweep plot draws, as ONE item: every club's line in its colour, the dots
    where two lines cross and the dashed line at the share now.

    Separate pyqtgraph items (a curve per colour, a scatter, an infinite line) each paid for
    bounds, shape and their own paint on every tick (~1.3 ms of painting at 3 clubs, more than
    the data). The view's range is fixed (0-1 by 0-100), so this item's bounds never change;
    each coloured line is a QPolygonF whose y column is written in place through NumPy, and the
    faint ones (many clubs) are one path.
    """

    BOUNDS = QRectF(-0.5, -50.0, 2.0, 200.0)   # larger than the view: the view box clips

    def __init__(self, grid: np.ndarray, n_clubs: int, marker_colour: str, dot_colour: str) -> None:
        super().__init__()
        self.grid = grid
        self.curves = np.zeros((grid.size, n_clubs))   # (grid points, clubs): what is drawn
        self.pens: list[QPen] = []
        self.polys: list[QPolygonF] = []          # the lines in colour, one polyline each
        self._xy: list[np.ndarray] = []           # each polyline's points, written through NumPy
        self.top: tuple[int, ...] | None = None   # None: every line in its club's colour
        self._colours: tuple[str, ...] = ()
        self._order: list[int] = []               # the clubs of ``polys``, drawn on top
        self._rest = np.zeros(0, dtype=int)       # the others, one faint path beneath
        self._rest_path: QPainterPath | None = QPainterPath()   # None: to build at the next paint
        self._pens_made: dict[str, QPen] = {}
        self.marker = 0.0
        self.dots = np.zeros((0, 2))
        self.use_colours(marker_colour, dot_colour)
        self.set_clubs(n_clubs)

    def set_grid(self, grid: np.ndarray) -> None:
        """The shares each line is drawn at (two when every line is straight: ``SweepPlots``)."""
        if not np.array_equal(grid, self.grid):
            self.grid = grid
            self.curves = np.zeros((grid.size, self.curves.shape[1]))
            self.emphasise(self.top, self._colours)

    def set_clubs(self, n_clubs: int) -> None:
        """One line per club: lines are added or dropped at the end, the others kept."""
        old = self.curves
        self.curves = np.zeros((self.grid.size, n_clubs))
        keep = min(n_clubs, old.shape[1])
        self.curves[:, :keep] = old[:, :keep]
        self.emphasise(self.top, self._colours)

    def emphasise(self, top: tuple[int, ...] | None, colours: tuple[str, ...] = ()) -> None:
        """Only ``top``'s lines in colour (``colours``, one per club of ``top``), drawn last; the
        others thin and muted (a hundred coloured lines in eight colours say nothing). None: every
        line in its club's colour."""
        self.top, self._colours = top, colours
        n = self.curves.shape[1]
        if top is None:
            self._order, colours = list(range(n)), tuple(club_colour(i) for i in range(n))
        else:
            self._order = [i for i in top if i < n]
        coloured = set(self._order)
        self._rest = np.array([i for i in range(n) if i not in coloured], dtype=int)
        self.pens = [self._pen(c) for c in colours[:len(self._order)]]
        self.polys, self._xy = [], []
        for _ in self._order:
            poly = pg.functions.create_qpolygonf(self.grid.size)
            xy = pg.functions.ndarray_from_qpolygonf(poly)
            xy[:, 0] = self.grid
            self.polys.append(poly)
            self._xy.append(xy)
        self._write_lines()

    def _pen(self, colour: str) -> QPen:
        """One pen per colour, made once (300 pens a change of the best few had cost 1 ms)."""
        pen = self._pens_made.get(colour)
        if pen is None:
            pen = self._pens_made[colour] = pg.mkPen(colour, width=2)
        return pen

    def _write_lines(self) -> None:
        for i, xy in zip(self._order, self._xy):
            xy[:, 1] = self.curves[:, i]
        self._rest_path = None
        self.update()

    def _path_of_rest(self) -> QPainterPath:
        """Every line not in colour as one path, drawn with one call: a polyline each, with its
        own pen change, cost 2.8 of 3.3 ms of the plots' repaint at 100 clubs."""
        if not self._rest.size:
            return QPainterPath()
        k = self.grid.size
        x = np.tile(self.grid, self._rest.size)
        y = self.curves[:, self._rest].T.ravel()
        joined = np.ones(x.size, dtype=bool)
        joined[k - 1::k] = False          # no segment from one club's line to the next's
        return pg.arrayToQPath(x, y, connect=joined)

    def use_colours(self, marker: str, dot: str) -> None:
        """The theme's colours for the marker and dots (the clubs' colours never change)."""
        self.marker_pen = pg.mkPen(marker, style=Qt.PenStyle.DashLine)
        faint = QColor(marker)
        faint.setAlpha(REST_ALPHA)
        self.rest_pen = pg.mkPen(faint, width=1)
        self.dot_brush = pg.mkBrush(dot)
        self.update()

    def set_data(self, curves: np.ndarray, marker: float, dots_x: np.ndarray, dots_y: np.ndarray) -> None:
        """``curves``: (grid points, clubs) scores; one call, one repaint."""
        self.curves = curves
        self.marker = float(marker)
        self.dots = np.column_stack([dots_x, dots_y])
        self._write_lines()

    def curve(self, club: int) -> tuple[np.ndarray, np.ndarray]:
        return self.grid.copy(), self.curves[:, club].copy()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.BOUNDS

    def paint(self, p: QPainter, *args: object) -> None:
        if self._rest.size:
            if self._rest_path is None:   # built here, once a frame, not once per change
                self._rest_path = self._path_of_rest()
            p.setPen(self.rest_pen)
            p.drawPath(self._rest_path)
        for pen, poly in zip(self.pens, self.polys):
            p.setPen(pen)
            p.drawPolyline(poly)
        p.setPen(self.marker_pen)
        p.drawLine(QPointF(self.marker, -10.0), QPointF(self.marker, 110.0))
        if len(self.dots):   # dots of 7 px whatever the zoom: drawn in device pixels
            to_device = p.transform()
            p.resetTransform()
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.dot_brush)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            for x, y in self.dots.tolist():
                p.drawEllipse(to_device.map(QPointF(x, y)), 3.5, 3.5)
            p.setTransform(to_device)
