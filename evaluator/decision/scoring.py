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

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from evaluator.decision import small
from evaluator.decision.ranking import TIE_TOLERANCE, competition_ranks, ranking, weighted_sum
from evaluator.decision.value_functions import apply_shape, value_shape
from evaluator.model import Criterion, Direction, Scenario

MISSING_UTILITY = 0.5  # the middle of the scale: where a missing figure's score range is centred
NAN = float("nan")
# Up to this many clubs the plain-float path (``small``) beats NumPy's per-call overhead:
# ~3x faster at 3 clubs, break-even for score() at about 20 (docs/performance.md).
SMALL_CLUBS = 20


@dataclass(frozen=True)
class Prepared:
    """What does not depend on the weights, computed once per scenario change.

    The arrays are read-only by convention; the cached views below are derived from them on
    first use (``dataclasses.replace`` makes a new object, so it never sees stale caches)."""

    scenario: Scenario
    values: np.ndarray          # (clubs, criteria) raw values, NaN where missing
    utilities: np.ndarray       # (clubs, criteria) 0..1; MISSING_UTILITY where the figure is missing
    lo: np.ndarray              # (criteria,) scale bounds actually used
    hi: np.ndarray
    flat: np.ndarray            # (criteria,) bool: cannot separate the clubs
    missing: np.ndarray         # (clubs, criteria) bool: no figure, utility unknown in 0..1

    @cached_property
    def present(self) -> np.ndarray:
        return ~self.missing

    @cached_property
    def any_missing(self) -> bool:
        return bool(self.missing.any())

    @cached_property
    def columns(self) -> np.ndarray:
        """(criteria, clubs) utilities, one contiguous row per criterion: the live re-score
        walks them criterion by criterion (``ranking.weighted_sum``)."""
        return np.ascontiguousarray(self.utilities.T)

    @cached_property
    def rows(self) -> tuple[list[list[float]], list[list[float]] | None]:
        """Utilities and ``missing`` (as 1.0/0.0, None if nothing is missing) as Python lists,
        for the small path."""
        mask = self.missing.astype(float).tolist() if self.missing.any() else None
        return self.utilities.tolist(), mask

    @cached_property
    def fixed_messages(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The messages that do not depend on the weights: (before, after) the per-club ones."""
        return _flat_messages(self), _closing_messages(self)


@dataclass(frozen=True)
class Result:
    """Everything a view or the report needs for one set of weights.

    ``score`` computes the scores and the ranking (what every tick needs); the per-club parts
    below (contributions, score ranges, messages...) are derived on first access, so a tick at
    100,000 clubs pays for them only if a view reads them. ``_score_small`` and ``_unweighted``
    fill them in up front (``_seed``)."""

    prepared: Prepared
    raw_weights: np.ndarray     # (criteria,) as the user set them
    weights: np.ndarray         # (criteria,) normalised to sum 1 (zeros when all are zero)
    scores: np.ndarray          # (clubs,) 0..100, NaN for a club that cannot be scored
    order: np.ndarray           # club indices, best first; unranked clubs last
    scored: np.ndarray | None = field(default=None, repr=False)   # (clubs,) bool; None = every club

    def _seed(self, **parts: object) -> Result:
        self.__dict__.update(parts)     # fills the cached properties below
        return self

    @property
    def scenario(self) -> Scenario:
        return self.prepared.scenario

    @cached_property
    def by_position(self) -> np.ndarray:
        """The rank of the club at each place of ``order`` (no ties, nobody unranked: 1..n)."""
        return np.arange(1, len(self.order) + 1)

    @cached_property
    def ranks(self) -> np.ndarray:
        """(clubs,) 1-based competition rank, 0 = not ranked."""
        out = np.empty(len(self.order), dtype=np.int64)
        out[self.order] = self.by_position
        return out

    @cached_property
    def effective(self) -> np.ndarray:
        """(clubs, criteria) per-club weights: the weights, zero for a club that is not scored."""
        n = len(self.scores)
        scored = np.ones(n, dtype=bool) if self.scored is None else self.scored
        return np.where(scored[:, None], self.weights, 0.0)

    @cached_property
    def contributions(self) -> np.ndarray:
        """(clubs, criteria) points; rows sum to scores."""
        return 100.0 * self.effective * self.prepared.utilities

    @cached_property
    def incomplete(self) -> np.ndarray:
        """(clubs,) bool: scored without some weighted figure."""
        if not self.prepared.any_missing:
            return np.zeros(len(self.scores), dtype=bool)
        gaps = np.asarray((self.prepared.missing & (self.weights > 0)).any(axis=1))
        return gaps if self.scored is None else self.scored & gaps

    @cached_property
    def messages(self) -> tuple[str, ...]:
        unscored = [] if self.scored is None else np.flatnonzero(~self.scored).tolist()
        return _messages(self.prepared, (self.weights > 0).tolist(), np.flatnonzero(self.incomplete).tolist(),
                         unscored)

    @cached_property
    def _half(self) -> np.ndarray:
        """What the missing figures could add or take."""
        return MISSING_UTILITY * 100.0 * (self.weights * self.prepared.missing).sum(axis=1)

    @cached_property
    def score_low(self) -> np.ndarray:
        """(clubs,) every missing figure at the worst end of its scale."""
        return self.scores - self._half

    @cached_property
    def score_high(self) -> np.ndarray:
        """(clubs,) ... at the best end; both equal scores when complete."""
        return self.scores + self._half

    @property
    def low(self) -> np.ndarray:
        """Each club's score with every missing figure at the worst end of its scale."""
        return self.score_low

    @property
    def high(self) -> np.ndarray:
        """... at the best end; equal to ``scores`` for a club with nothing missing."""
        return self.score_high

    @property
    def ranked(self) -> bool:
        return bool((self.ranks > 0).any())


def criterion_utilities(values: np.ndarray, criterion: Criterion) -> tuple[np.ndarray, float, float, bool]:
    """Map one criterion's raw values (NaN = missing) to 0..1; returns (u, lo, hi, flat)."""
    shape = value_shape(values, criterion)
    if shape is None:
        return np.full_like(values, np.nan), np.nan, np.nan, False
    return apply_shape(values, criterion, shape), shape.lo, shape.hi, shape.flat


def prepare(scenario: Scenario) -> Prepared:
    n, k = len(scenario.clubs), len(scenario.criteria)
    flat_values = _raw_values(scenario)
    if n <= SMALL_CLUBS:
        return _prepare_small(scenario, flat_values)
    values = np.array(flat_values, dtype=float).reshape(n, k)
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


def _prepare_small(scenario: Scenario, flat_values: list[float]) -> Prepared:
    """``prepare`` on plain floats (same numbers, see ``small``); also fills the row cache."""
    n, k = len(scenario.clubs), len(scenario.criteria)
    cols = [small.column_utilities(flat_values[j::k], c) for j, c in enumerate(scenario.criteria)]
    u_rows = [list(r) for r in zip(*(u for u, _, _, _ in cols))]
    if all(x == x for r in u_rows for x in r):
        mask = None
    else:
        mask = [[0.0 if x == x else 1.0 for x in r] for r in u_rows]
        u_rows = [[x if x == x else MISSING_UTILITY for x in r] for r in u_rows]
    p = Prepared(scenario, np.array(flat_values, dtype=float).reshape(n, k), np.array(u_rows, dtype=float),
                 np.array([c[1] for c in cols], dtype=float), np.array([c[2] for c in cols], dtype=float),
                 np.array([c[3] for c in cols], dtype=bool),
                 np.zeros((n, k), dtype=bool) if mask is None else np.array(mask, dtype=bool))
    p.__dict__["rows"] = (u_rows, mask)   # seed the cached_property with the floats we hold
    return p


def score(prepared: Prepared, raw_weights: np.ndarray) -> Result:
    """Score every club for one weight vector (raw, >= 0, any scale)."""
    raw = np.asarray(raw_weights, dtype=float)
    n, k = prepared.utilities.shape
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
    """``score`` on plain floats (same numbers, see ``small``), converted to arrays once."""
    rw = raw.tolist()
    total = small.row_sum(rw)
    if not total > 0:
        return _unweighted(prepared, raw)
    w = [x / total for x in rw]
    u, mask = prepared.rows
    effective, contributions, scores, scored, low, high = small.weigh(u, mask, w, MISSING_UTILITY * 100.0)
    ranks = small.competition_ranks(scores, TIE_TOLERANCE)
    positive = [x > 0 for x in w]
    if mask is None:    # no figure missing: nobody is incomplete
        incomplete, gaps = [False] * len(scores), []
    else:
        incomplete = [ok and any(m == 1.0 and p for m, p in zip(mrow, positive))
                      for ok, mrow in zip(scored, mask)]
        gaps = [i for i, x in enumerate(incomplete) if x]
    unscored = [] if all(scored) else [i for i, ok in enumerate(scored) if not ok]
    r = Result(prepared, raw, np.array(w), np.array(scores), np.array(small.ranking_order(ranks)),
               None if not unscored else np.array(scored, dtype=bool))
    return r._seed(ranks=np.array(ranks), effective=np.array(effective), contributions=np.array(contributions),
                   incomplete=np.array(incomplete, dtype=bool), messages=_messages(prepared, positive, gaps, unscored),
                   score_low=np.array(low), score_high=np.array(high))


def _unweighted(prepared: Prepared, raw: np.ndarray) -> Result:
    n, k = prepared.utilities.shape
    zeros = np.zeros((n, k))
    r = Result(prepared, raw, np.zeros(k), np.full(n, np.nan), np.arange(n), np.zeros(n, dtype=bool))
    return r._seed(ranks=np.zeros(n, dtype=int), effective=zeros, contributions=zeros, incomplete=np.zeros(n, dtype=bool),
                   messages=("All weights are zero: give at least one criterion a weight above zero to rank the clubs.",),
                   score_low=np.full(n, np.nan), score_high=np.full(n, np.nan))


def _messages(p: Prepared, positive: list[bool], incomplete: list[int], unscored: list[int]) -> tuple[str, ...]:
    """Flat-criterion messages, then one per incomplete and per unranked club, then closing notes."""
    before, after = p.fixed_messages
    if not incomplete and not unscored:
        return before + after
    criteria, clubs = p.scenario.criteria, p.scenario.clubs
    out = list(before)
    for i in incomplete:
        m = p.missing[i].tolist()
        gaps = [c.label for c, x, w in zip(criteria, m, positive) if x and w]
        out.append(f"{clubs[i].name} has no figure for {', '.join(gaps)}: its score is a range (figure at the "
                   "worst to the best end of the scale), ranked by the middle of the range.")
    for i in unscored:
        out.append(f"{clubs[i].name} is not ranked: it has no figure for any weighted criterion.")
    return tuple(out) + after


def _flat_messages(p: Prepared) -> tuple[str, ...]:
    out = []
    for j, is_flat in enumerate(p.flat.tolist()):     # a list walk: cheaper than flatnonzero at 3
        if not is_flat:
            continue
        c = p.scenario.criteria[j]
        unit = f" {c.unit}" if c.unit else ""
        if p.lo[j] == p.hi[j] or c.direction is not Direction.TARGET:
            why = f"every club has the same value ({p.lo[j]:g}{unit})"
        else:   # different values, but all equally far from the target
            why = f"every club is equally far from the target ({c.target:g}{unit})"
        out.append(f"{c.label} cannot separate the clubs: {why}, so it gives all of them the same points.")
    return tuple(out)


def _closing_messages(p: Prepared) -> tuple[str, ...]:
    out = [f"{c.label}: no league-wide reference range is known for this scenario (no league tables behind "
           "it), so it is scored on the candidates' own range." for c in p.scenario.criteria
           if c.scale.mode == "reference" and not c.scale.fixed]
    for club in p.scenario.clubs:   # each stale source once per club, for the criteria it feeds
        notes = [f.stale for c in p.scenario.criteria if (f := club.figures.get(c.column)) is not None and f.stale]
        out += [f"{club.name}: {text}." for text in dict.fromkeys(notes)]
    own = any(c.scale.mode == "own" for c in p.scenario.criteria)
    if len(p.scenario.clubs) == 1 and own:
        out.append("Only one club: scores on the candidates' own range cannot compare it with anything; "
                   "use reference or fixed scales or add a club.")
    return tuple(out)


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
