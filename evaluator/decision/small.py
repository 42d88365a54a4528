"""The scoring rules on plain Python floats, for small scenarios (a handful of clubs).

Why: at 3 clubs x 3 criteria each NumPy call costs about a microsecond whatever its size, so
the vectorised path in ``scoring`` is all overhead. These functions apply exactly the same
rules, operation for operation, so they give the same floats bit for bit:
- every arithmetic step is the same IEEE operation in the same order;
- NumPy sums a row of fewer than 8 numbers left to right, as the loops below do (which is
  why ``scoring`` only sends scenarios with at most ``MAX_CRITERIA`` criteria here);
- min/max, clip and the tie search (bisect = ``searchsorted(side="right")``) are exact.
``tests/test_scoring_small.py`` checks that against the NumPy path on many random matrices.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from operator import mul

from evaluator.model import Criterion, Direction

MAX_CRITERIA = 7    # NumPy's row sums stop being plain left-to-right loops at 8 terms
NAN = math.nan
HIGHER, LOWER = Direction.HIGHER, Direction.LOWER   # looked up once: enum access is slow


def column_utilities(col: list[float], criterion: Criterion) -> tuple[list[float], float, float, bool]:
    """``scoring.criterion_utilities`` on a list: (u, lo, hi, flat)."""
    present = [x for x in col if x == x]          # x == x is False only for NaN
    fixed = criterion.scale.fixed
    if fixed:
        lo, hi = criterion.scale.bounds()
    elif present:
        lo, hi = min(present), max(present)
    else:
        return [NAN] * len(col), NAN, NAN, False
    if not fixed and hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return [0.5 if x == x else NAN for x in col], lo, hi, True
    direction = criterion.direction
    if direction is HIGHER or direction is LOWER:
        if fixed:   # clip to the scale; on the own range every value is inside already
            col = [min(max(x, lo), hi) for x in col]
        span = hi - lo
        if direction is HIGHER:
            return [(x - lo) / span if x == x else NAN for x in col], lo, hi, False
        return [(hi - x) / span if x == x else NAN for x in col], lo, hi, False
    t = criterion.target_value()
    d = [abs(x - t) for x in col]
    if fixed:
        dmin, dmax = 0.0, max(t - lo, hi - t, 0.0)
    else:
        dd = [x for x in d if x == x]
        dmin, dmax = min(dd), max(dd)
    if dmax - dmin <= 1e-12 * max(1.0, dmax):
        return [0.5 if x == x else NAN for x in col], lo, hi, not fixed
    span = dmax - dmin
    return [min(max((dmax - min(x, dmax)) / span, 0.0), 1.0) if x == x else NAN for x in d], lo, hi, False


def weigh(uz: list[list[float]], mask: list[list[float]] | None, w: list[float]
          ) -> tuple[list[list[float]], list[list[float]], list[float], list[bool]]:
    """Effective weights, contributions, scores (NaN = unscored) and the scored flags.

    ``uz``: utilities with NaN as 0.0; ``mask``: 1.0 where the figure is present, else 0.0
    (NumPy multiplies the weights by the boolean mask, i.e. by 1.0 or 0.0), or None when no
    figure is missing: then every row has the same effective weights (w * 1.0 is w)."""
    if mask is None:
        e, ok = _effective(w)
        points = [100.0 * x for x in e]
        contributions = [list(map(mul, points, urow)) for urow in uz]
        scores = [row_sum(c) if ok else NAN for c in contributions]
        return [e] * len(uz), contributions, scores, [ok] * len(uz)
    effective, contributions, scores, scored = [], [], [], []
    for urow, mrow in zip(uz, mask):
        e, ok = _effective([wj * mj for wj, mj in zip(w, mrow)])
        c = [100.0 * ej * uj for ej, uj in zip(e, urow)]
        effective.append(e)
        contributions.append(c)
        scores.append(row_sum(c) if ok else NAN)
        scored.append(ok)
    return effective, contributions, scores, scored


def _effective(wp: list[float]) -> tuple[list[float], bool]:
    """One club's weights renormalised over the figures it has; zeros and False if it has none."""
    denom = row_sum(wp)
    if denom > 0:
        return [x / denom for x in wp], True
    return [0.0] * len(wp), False


def row_sum(xs: list[float]) -> float:
    """Left to right, like NumPy below 8 terms (``sum()`` compensates from Python 3.12 on)."""
    total = 0.0
    for x in xs:
        total += x
    return total


def competition_ranks(scores: list[float], tolerance: float) -> list[int]:
    """``scoring.competition_ranks`` on a list: 1-based, ties shared, NaN -> 0."""
    valid = sorted(s for s in scores if s == s)
    return [len(valid) - bisect_right(valid, s + tolerance) + 1 if s == s else 0 for s in scores]


def ranking_order(ranks: list[int]) -> list[int]:
    """Club indices best first, ties by index, unranked last (``np.lexsort`` of the same keys)."""
    last = len(ranks) + 1
    keys = [r if r > 0 else last for r in ranks]
    return sorted(range(len(ranks)), key=keys.__getitem__)   # stable: ties keep index order
