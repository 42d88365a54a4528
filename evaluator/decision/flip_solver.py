"""The closed-form root finder behind figure flips (the method is in ``flips.py``'s docstring):
between breakpoints the leader-minus-runner-up gap is a Moebius function of the moved figure, so
three evaluations fix it and the cross-ratio gives the root; a bracketing search covers the one
case where the gap jumps at a breakpoint."""
from __future__ import annotations

import math

import numpy as np

from evaluator.decision.scoring import TIE_TOLERANCE
from evaluator.model import Criterion, Direction


def breakpoints(others: np.ndarray, crit: Criterion) -> np.ndarray:
    """Where the gap can change its Moebius form as one club's figure moves (``flips.py``'s docstring):
    the other clubs' min and max, a fixed scale's ends, and for a target the target itself and
    where the moved figure's distance to it passes the others' smallest and largest distance
    (or the fixed scale's largest). Extra points only split a piece in two."""
    v = others[~np.isnan(others)]
    pts = [float(v.min()), float(v.max())] if v.size else []
    if crit.scale.fixed:
        pts += list(crit.scale.bounds())
    if crit.direction is Direction.TARGET:
        t = crit.target_value()
        d = [float(np.abs(v - t).min()), float(np.abs(v - t).max())] if v.size else []
        if crit.tolerance is not None:
            d.append(float(crit.tolerance))
        elif crit.scale.fixed:
            lo, hi = crit.scale.bounds()
            d.append(max(t - lo, hi - t, 0.0))
        pts += [t] + [t + s * x for x in d for s in (-1.0, 1.0)]
    return np.array(pts)


def nodes(x0: np.ndarray, bound: np.ndarray, breaks: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per problem, the piece ends walking from x0 to bound (padded with bound) and the middles:
    where ``solve`` needs the gap. They do not depend on the weights (``flips.py`` caches them)."""
    walks = []
    for a, b, br in zip(x0, bound, breaks):
        inner = br[(br - a) * (b - a) > 0]
        inner = inner[(inner - b) * (a - b) > 0]                     # strictly between a and b
        walks.append(np.concatenate([[a], inner[np.argsort(np.abs(inner - a))], [b]]))
    width = max(len(n) for n in walks)
    ends = np.array([np.concatenate([n, np.full(width - len(n), n[-1])]) for n in walks])
    return ends, 0.5 * (ends[:, :-1] + ends[:, 1:])


def solve(gap, clubs: np.ndarray, x0: np.ndarray, ends: np.ndarray, mids: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Per problem, the nearest x from x0 towards its bound where the runner-up draws level; NaN
    where it never does. ``g``: the gap at ``(ends, mids)`` side by side, one row per problem;
    ``gap`` itself is called only where the gap jumps at a breakpoint (``bracket``)."""
    if clubs.size == 0:
        return np.empty(0)
    width = ends.shape[1]
    below = g[:, :width] <= 0.0
    firsts = np.where(below.any(axis=1), below.argmax(axis=1), -1).tolist()   # first end at or below 0
    # Plain floats from here: a NumPy call per problem cost more than the arithmetic.
    g_end, g_mid, e, m = g[:, :width].tolist(), g[:, width:].tolist(), ends.tolist(), mids.tolist()
    out = [math.nan] * clubs.size
    for i, j in enumerate(firsts):
        if g_end[i][0] <= TIE_TOLERANCE:
            out[i] = float(x0[i])                                   # level already: no change needed
            continue
        if j < 0:
            continue                                                # no flip in the plausible range
        x = moebius_root(e[i][j - 1], m[i][j - 1], e[i][j], g_end[i][j - 1], g_mid[i][j - 1], g_end[i][j])
        out[i] = x if not math.isnan(x) else bracket(gap, int(clubs[i]), e[i][j - 1], e[i][j])
    return np.array(out)


def moebius_root(x1: float, x2: float, x3: float, g1: float, g2: float, g3: float) -> float:
    """The x where a Moebius function through (x_i, g_i), with g1 > 0 >= g3, is zero: the
    cross-ratio of (g1, g2, g3, 0) equals that of (x1, x2, x3, x). NaN if these three points
    are no such function (the gap jumps at x1: see ``bracket``)."""
    if g3 == 0.0:
        return x3
    q = (g3 - g2) * g1
    if g2 == g3 or g1 <= 0.0 or q == 0.0:     # (q: an underflow; plain floats raise on / 0)
        return math.nan
    r = ((g3 - g1) * g2) / q
    den = (x3 - x1) - r * (x3 - x2)
    x = ((x3 - x1) * x2 - r * (x3 - x2) * x1) / den if den != 0 else math.nan
    return x if min(x1, x3) <= x <= max(x1, x3) else math.nan


def bracket(gap, club: int, a: float, b: float, grid: int = 32, levels: int = 5) -> float:
    """Fallback for a gap that jumps at a breakpoint (a target's distance range is degenerate
    exactly where two clubs are equally far from it: both get 0.5 there and nowhere near):
    the first x past a where the gap is <= 0, bracketed to (b - a) * 32^-5."""
    clubs = np.array([club])
    for _ in range(levels):
        xs = a + (b - a) * np.linspace(0.0, 1.0, grid + 1)[1:]
        first = int(np.argmax(gap(clubs, xs[None, :])[0] <= 0.0))
        a, b = (xs[first - 1] if first > 0 else a), xs[first]
    return float(b)
