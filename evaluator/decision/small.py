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
from math import isnan
from bisect import bisect_right
from operator import add, mul

from evaluator.model import Criterion, Direction

MAX_CRITERIA = 7    # NumPy's row sums stop being plain left-to-right loops at 8 terms
NAN = math.nan
HIGHER, LOWER, TARGET = Direction.HIGHER, Direction.LOWER, Direction.TARGET   # looked up once: enum access is slow


def column_utilities(col: list[float], criterion: Criterion) -> tuple[list[float], float, float, bool]:
    """``scoring.criterion_utilities`` on a list: (u, lo, hi, flat)."""
    gaps = any(map(isnan, col))
    present = [x for x in col if x == x] if gaps else col      # x == x is False only for NaN
    scale = criterion.scale
    fixed = scale.lo is not None and scale.hi is not None     # Scale.fixed, inlined
    if fixed:
        lo, hi = scale.bounds()
    elif present:
        lo, hi = min(present), max(present)
    else:
        return [NAN] * len(col), NAN, NAN, False
    direction = criterion.direction
    absolute = fixed or (direction is TARGET and criterion.tolerance is not None)   # Criterion.absolute
    if not absolute and hi - lo <= 1e-12 * max(1.0, abs(hi)):
        return [0.5 if x == x else NAN for x in col], lo, hi, True
    if direction is HIGHER or direction is LOWER:
        if fixed:   # clip to the scale; on the own range every value is inside already
            col = [min(max(x, lo), hi) for x in col]
        span = hi - lo
        if gaps:
            if direction is HIGHER:
                return [(x - lo) / span if x == x else NAN for x in col], lo, hi, False
            return [(hi - x) / span if x == x else NAN for x in col], lo, hi, False
        if direction is HIGHER:
            return [(x - lo) / span for x in col], lo, hi, False
        return [(hi - x) / span for x in col], lo, hi, False
    t = criterion.target_value()
    d = [abs(x - t) for x in col]
    if criterion.tolerance is not None:
        dmin, dmax = 0.0, float(criterion.tolerance)
    elif fixed:
        dmin, dmax = 0.0, max(t - lo, hi - t, 0.0)
    else:
        dd = [x for x in d if x == x]
        dmin, dmax = min(dd), max(dd)
    if dmax - dmin <= 1e-12 * max(1.0, dmax):
        return [0.5 if x == x else NAN for x in col], lo, hi, not absolute
    span = dmax - dmin
    return [min(max((dmax - min(x, dmax)) / span, 0.0), 1.0) if x == x else NAN for x in d], lo, hi, False


def weigh(u: list[list[float]], mask: list[list[float]] | None, w: list[float], spread: float
          ) -> tuple[list[list[float]], list[list[float]], list[float], list[bool], list[float], list[float]]:
    """Effective weights, contributions, scores (NaN = unscored), the scored flags and the
    score ranges (low, high).

    ``u``: utilities (missing figures already at the middle); ``mask``: 1.0 where the figure
    is missing, else 0.0, or None when none is. ``spread`` is 100 * the middle utility: the
    points a missing figure at full weight could add or take. NumPy multiplies the weights by
    the boolean masks, i.e. by 1.0 or 0.0, as the loops below do."""
    points = [100.0 * x for x in w]
    contributions = [list(map(mul, points, urow)) for urow in u]
    scores = [row_sum(c) for c in contributions]
    if mask is None:
        return [w] * len(u), contributions, scores, [True] * len(u), scores, scores
    effective, scored, low, high = [], [], [], []
    zeros = [0.0] * len(w)
    for i, mrow in enumerate(mask):
        ok = row_sum([wj * (1.0 - mj) for wj, mj in zip(w, mrow)]) > 0
        half = spread * row_sum([wj * mj for wj, mj in zip(w, mrow)])
        if not ok:
            contributions[i] = [100.0 * 0.0 * uj for uj in u[i]]
            scores[i] = NAN
        effective.append(w if ok else zeros)
        scored.append(ok)
        low.append(scores[i] - half)
        high.append(scores[i] + half)
    return effective, contributions, scores, scored, low, high


def weigh_complete(columns: list[list[float]], w: list[float]) -> tuple[list[list[float]], list[float]]:
    """``weigh`` when no figure is missing, criterion by criterion (``columns``: each criterion's
    utilities): the contributions, one list per criterion, and the scores. The same floats:
    each score is ((0.0 + c0) + c1) + ..., the additions ``row_sum`` makes in the same order."""
    contributions = [[p * x for x in col] for p, col in zip([100.0 * x for x in w], columns)]
    scores = [0.0 + x for x in contributions[0]]
    for col in contributions[1:]:
        scores = list(map(add, scores, col))
    return contributions, scores


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
