"""Weighted-sum scoring, vectorised over clubs and criteria.

Rules (docs/method.md says the same in plain words):
- Weights are >= 0 and normalised to sum 1. All weights zero: no ranking, a message, no NaN.
- Each criterion maps raw values to 0-1 by its direction on its scale in force: a reference
  range (every club of the candidates' leagues, filled in by the data layer), a fixed range,
  or the candidates' own range (min..max of the clubs that have the figure). A reference
  scale whose range is unknown scores on the own range, with a message.
  "lower" mirrors "higher"; "target" scores the distance |x - target| as lower-is-better:
  with a tolerance, 1 at the target falling linearly to 0 at target +/- tolerance; without
  one (older files), between the nearest club (1) and the farthest (0), or on a fixed scale
  up to its farther end.
- A criterion on which every club has the same value cannot separate the clubs: every club
  gets the midpoint (0.5), so it shifts all scores equally and never changes the order.
- A missing figure is unknown somewhere on the scale: the club gets a score range, low with
  the figure at the worst end (utility 0), high at the best end (utility 1). Its score, its
  contributions and its rank use the middle of the range (utility 0.5), and it is flagged.
  Weights are never renormalised, so no criterion contributes more than its weight share.
  A club with no figure on any weighted criterion is not ranked.
- Fit score = 100 * sum(weight * utility); contributions are the summands, so they add up to
  the score exactly. Ranks are competition ranks: ties share a rank (1, 2, 2, 4).
"""
from __future__ import annotations

import numpy as np

from evaluator.decision import small
from evaluator.decision.ranking import TIE_TOLERANCE, competition_ranks, ranking, weighted_sum
from evaluator.decision.results import MISSING_UTILITY, Prepared, Result
from evaluator.decision.small_results import SmallPrepared, SmallResult
from evaluator.decision.value_functions import apply_shape, value_shape
from evaluator.model import Criterion, Scenario

__all__ = ["MISSING_UTILITY", "SMALL_CLUBS", "TIE_TOLERANCE", "Prepared", "Result", "competition_ranks",
           "criterion_utilities", "prepare", "rounded_contributions", "score"]

NAN = float("nan")
# Up to this many clubs the plain-float path (``small``) beats NumPy's per-call overhead:
# ~3x faster at 3 clubs, break-even for score() at about 20 (docs/performance.md).
SMALL_CLUBS = 20


def criterion_utilities(values: np.ndarray, criterion: Criterion) -> tuple[np.ndarray, float, float, bool]:
    """Map one criterion's raw values (NaN = missing) to 0..1; returns (u, lo, hi, flat)."""
    shape = value_shape(values, criterion)
    if shape is None:
        return np.full_like(values, np.nan), np.nan, np.nan, False
    return apply_shape(values, criterion, shape), shape.lo, shape.hi, shape.flat


def prepare(scenario: Scenario) -> Prepared:
    n, k = len(scenario.clubs), len(scenario.criteria)
    if n <= SMALL_CLUBS:
        return _prepare_small(scenario)
    values = np.array(_raw_values(scenario), dtype=float).reshape(n, k)
    u = np.empty_like(values)
    lo = np.empty(k)
    hi = np.empty(k)
    flat = np.zeros(k, dtype=bool)
    for j, c in enumerate(scenario.criteria):
        u[:, j], lo[j], hi[j], flat[j] = criterion_utilities(values[:, j], c)
    missing = np.isnan(u)
    u[missing] = MISSING_UTILITY
    return Prepared(scenario, values, u, lo, hi, flat, missing)


def _raw_values(scenario: Scenario) -> list[float]:
    """Every club's value on every criterion, club by club, NaN where missing.

    ``club.figure()`` is inlined: at 10,000 clubs the call per figure costs a millisecond.
    ``+ 0.0`` turns -0.0 into 0.0, so the scale bounds never depend on which zero came first."""
    columns = [c.column for c in scenario.criteria]
    return [NAN if (f := club.figures.get(col)) is None or (v := f.value) is None else float(v) + 0.0
            for club in scenario.clubs for col in columns]


def _prepare_small(scenario: Scenario) -> Prepared:
    """``prepare`` on plain floats, criterion by criterion (same numbers, see ``small``); the
    arrays are built on first read (``SmallPrepared``)."""
    clubs = scenario.clubs
    raw, cols = [], []
    for c in scenario.criteria:
        col = c.column          # as _raw_values, one criterion at a time
        x = [NAN if (f := club.figures.get(col)) is None or (v := f.value) is None else float(v) + 0.0
             for club in clubs]
        raw.append(x)
        cols.append(small.column_utilities(x, c))
    return SmallPrepared.of(scenario, raw, cols)


def score(prepared: Prepared, raw_weights: np.ndarray) -> Result:
    """Score every club for one weight vector (raw, >= 0, any scale)."""
    raw = np.asarray(raw_weights, dtype=float)
    n, k = prepared.shape
    if n <= SMALL_CLUBS and k <= small.MAX_CRITERIA and raw.shape == (k,):
        return _score_small(prepared, raw)     # same numbers; a wrong shape fails below as before
    total = raw.sum()
    if not total > 0:
        return _unweighted(prepared, raw)
    w = raw / total
    # scored: some weighted figure present (the same test as (w * present).sum(axis=1) > 0,
    # every term being >= 0)
    scored = None if not prepared.any_missing else np.asarray(prepared.present[:, w > 0].any(axis=1))
    sums = weighted_sum(prepared.utilities, prepared.columns, 100.0 * w)
    scores = sums if scored is None or scored.all() else np.where(scored, sums, np.nan)
    by_position, order = ranking(scores)
    r = Result(prepared, raw, w, scores, order, None if scored is None or scored.all() else scored)
    if by_position is not None:
        r._seed(by_position=by_position)
    return r


def _score_small(prepared: Prepared, raw: np.ndarray) -> Result:
    """``score`` on plain floats (same numbers, see ``small``): every score, rank and the order
    are computed here; ``SmallResult`` turns them into arrays on first read."""
    rw = raw.tolist()
    total = small.row_sum(rw)
    if not total > 0:
        return _unweighted(prepared, raw)
    w = [x / total for x in rw]
    columns = prepared.float_columns
    if columns is not None:     # nothing missing: every club scored, criterion by criterion
        contributions, scores = small.weigh_complete(columns, w)
        ranks = small.competition_ranks(scores, TIE_TOLERANCE)
        return SmallResult.of(prepared, raw, w, scores, ranks, small.ranking_order(ranks),
                              contribution_columns=contributions)
    u, mask = prepared.rows
    weighed = small.weigh(u, mask, w, MISSING_UTILITY * 100.0)
    ranks = small.competition_ranks(weighed[2], TIE_TOLERANCE)
    return SmallResult.of(prepared, raw, w, weighed[2], ranks, small.ranking_order(ranks), weighed=weighed)


def _unweighted(prepared: Prepared, raw: np.ndarray) -> Result:
    n, k = prepared.utilities.shape
    zeros = np.zeros((n, k))
    r = Result(prepared, raw, np.zeros(k), np.full(n, np.nan), np.arange(n), np.zeros(n, dtype=bool))
    return r._seed(ranks=np.zeros(n, dtype=int), effective=zeros, contributions=zeros, incomplete=np.zeros(n, dtype=bool),
                   messages=("All weights are zero: give at least one criterion a weight above zero to rank the clubs.",),
                   score_low=np.full(n, np.nan), score_high=np.full(n, np.nan))


def rounded_contributions(result: Result, decimals: int = 1, rows: np.ndarray | None = None) -> np.ndarray:
    """Contributions rounded so each row adds up to the rounded score (largest remainder);
    only the clubs ``rows`` (in that order) when given: each row is rounded on its own."""
    c = result.contributions if rows is None else result.contributions[rows]
    q = 10.0 ** decimals
    floor = np.floor(c * q + 1e-9)
    target = np.round(np.nan_to_num(result.scores if rows is None else result.scores[rows]) * q)
    short = np.clip(target - floor.sum(axis=1), 0, c.shape[1]).astype(int)
    # Give the missing hundredths (tenths...) to the parts that lost the most in flooring.
    order = np.argsort(-(c * q - floor), axis=1, kind="stable")
    place = np.empty_like(order)
    np.put_along_axis(place, order, np.arange(c.shape[1])[None, :].repeat(c.shape[0], axis=0), axis=1)
    return (floor + (place < short[:, None])) / q
