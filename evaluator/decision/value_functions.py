"""Each criterion's value function: a club's figure to a utility 0..1, as the scorer applies it.

``scoring.criterion_utilities`` maps the clubs' figures through these; the criteria editor and
the report draw the very same function (``value_curve``, ``value_function``), never a copy.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from evaluator.model import Criterion, Direction

if TYPE_CHECKING:
    from evaluator.decision.scoring import Prepared

NAN = float("nan")


@dataclass(frozen=True)
class Shape:
    """What a criterion's value function takes from the clubs' figures: the scale in force
    (lo..hi) and, for a target, the distances mapped to 1 and 0 (dmin, dmax)."""
    lo: float
    hi: float
    flat: bool                  # cannot separate the clubs: every present figure scores 0.5
    dmin: float = 0.0
    dmax: float = 0.0


def value_shape(values: np.ndarray, criterion: Criterion) -> Shape | None:
    """The value function's parameters on these figures; None when no club has one."""
    present = ~np.isnan(values)
    if criterion.scale.fixed:
        lo, hi = criterion.scale.bounds()
    elif present.any():
        lo, hi = float(values[present].min()), float(values[present].max())
    else:
        return None
    if not criterion.absolute and hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return Shape(lo, hi, True)
    if criterion.direction is not Direction.TARGET:
        return Shape(lo, hi, False)
    t = criterion.target_value()
    if criterion.tolerance is not None:      # 1 at the target, 0 at target +/- tolerance
        dmin, dmax = 0.0, float(criterion.tolerance)
    elif criterion.scale.fixed:
        dmin, dmax = 0.0, max(t - lo, hi - t, 0.0)
    else:
        d = np.abs(values - t)
        dmin, dmax = float(np.nanmin(d)), float(np.nanmax(d))
    if dmax - dmin <= 1e-12 * max(1.0, dmax):   # every club equally far from the target
        return Shape(lo, hi, not criterion.absolute, dmin, dmax)
    return Shape(lo, hi, False, dmin, dmax)


def apply_shape(x: np.ndarray, criterion: Criterion, shape: Shape) -> np.ndarray:
    """The value function itself: figures (NaN = missing) to 0..1 (NaN stays NaN)."""
    present = ~np.isnan(x)
    lo, hi = shape.lo, shape.hi
    if shape.flat or (criterion.direction is Direction.TARGET and shape.dmax - shape.dmin <= 1e-12 * max(1.0, shape.dmax)):
        return np.where(present, 0.5, np.nan)
    if criterion.direction is Direction.HIGHER:
        u = (np.clip(x, lo, hi) - lo) / (hi - lo)
    elif criterion.direction is Direction.LOWER:
        u = (hi - np.clip(x, lo, hi)) / (hi - lo)
    else:
        d = np.abs(x - criterion.target_value())
        u = np.clip((shape.dmax - np.minimum(d, shape.dmax)) / (shape.dmax - shape.dmin), 0.0, 1.0)
    return np.where(present, u, np.nan)


def value_curve(prepared: Prepared, j: int, xs: np.ndarray) -> np.ndarray:
    """Criterion ``j``'s value function (the scorer's own, on the clubs' current figures) at
    each of ``xs``: what the criteria editor plots. NaN when no club has the figure."""
    crit = prepared.scenario.criteria[j]
    shape = value_shape(prepared.values[:, j], crit)
    x = np.asarray(xs, dtype=float)
    return np.full_like(x, np.nan) if shape is None else apply_shape(x, crit, shape)


@dataclass(frozen=True)
class Curve:
    """One criterion's value function ready to draw: the curve over ``xs`` and each club's point
    (NaN where the club has no figure), all from ``value_curve``."""
    xs: np.ndarray
    ys: np.ndarray
    club_x: np.ndarray
    club_y: np.ndarray


def value_range(prepared: Prepared, j: int) -> tuple[float, float]:
    """The x range to show criterion ``j``'s value function over: the scale in force, widened to
    every club's figure and to the target +/- tolerance (NaN, NaN when nothing is known)."""
    crit = prepared.scenario.criteria[j]
    values = prepared.values[:, j]
    shape = value_shape(values, crit)
    pts = [x for x in values.tolist() if x == x]
    if shape is not None:
        pts += [shape.lo, shape.hi]
        if crit.direction is Direction.TARGET:
            t = crit.target_value()
            pts += [t - shape.dmax, t + shape.dmax]   # where the value reaches 0
    if not pts:
        return NAN, NAN
    lo, hi = min(pts), max(pts)
    if not hi > lo:
        lo, hi = lo - max(1.0, abs(lo) * 0.1), hi + max(1.0, abs(hi) * 0.1)
    return lo, hi


def value_function(prepared: Prepared, j: int, points: int = 161) -> Curve:
    """Criterion ``j``'s value function over ``value_range`` and each club's figure and value."""
    lo, hi = value_range(prepared, j)
    xs = np.linspace(lo, hi, points) if lo == lo else np.zeros(0)
    crit = prepared.scenario.criteria[j]
    if crit.direction is Direction.TARGET and crit.target is not None and lo <= crit.target <= hi:
        xs = np.unique(np.append(xs, crit.target))   # the peak itself, exactly
    club_x = prepared.values[:, j].copy()
    return Curve(xs, value_curve(prepared, j, xs), club_x, value_curve(prepared, j, club_x))
