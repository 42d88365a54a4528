"""One-way weight sweeps and weight stability intervals, exact.

Sweep of criterion k: t is k's share of the total weight, 0..1; the other criteria keep
their proportions, ``w_j(t) = w_j (1 - t) / sum_{l != k} w_l``. So ``w(t) = (1 - t) w(0) +
t e_k`` with ``w(0)`` the current weights without k, renormalised. In raw slider terms this
is exactly "move slider k, leave the others where they are": share t is raw weight
``t / (1 - t) * (sum of the other raw weights)``.

Edge case: if every other weight is zero (current share 1), "keep their proportions" is
undefined for t < 1; we then treat the others as equal, ``w(0) = (1 - e_k) / (K - 1)``.
With a single criterion the share is always 1 and every curve is constant.

Each club's score is ``S_i(t) = 100 N_i(t) / D_i(t)`` where ``N_i = sum_j w_j(t) u_ij`` and
``D_i = sum_j w_j(t)``. Since missing figures count at the middle of their scale and weights
are never renormalised (``scoring.py``), D = 1 and every curve is a straight line; a club
is only unranked at an endpoint where none of its figures is weighted (``known0/known1``).
The general N/D form below is kept for scorers that renormalise. Both N and D are linear in t:

- a club with every weighted figure has D = 1: its score is a straight line, and the line's
  endpoints ``S(0)``, ``S(1)`` describe it exactly;
- a club with a missing figure has a linear-fractional curve (N/D, both linear). It is not
  a line, but still exact: ``WeightSweep.at(t)`` evaluates it, and crossings are found from
  ``N_i D_m - N_m D_i = 0``, a quadratic in t, so they are exact too. If D vanishes at an
  endpoint (the club has no figure on k, at t = 1; or only k, at t = 0) the club is
  unranked at exactly that endpoint and its curve is constant everywhere else.

Crossings are the simple roots in the open interval (0, 1) (sign changes of the score
difference); curves that only touch, or coincide, never swap places and are not crossings.
Above ALL_PAIRS_UP_TO clubs a sweep holds only the crossings of the pairs anything reads
(``pairs_that_matter``): the intervals, flips and the top three's dots are the same (up to
rounding where several pairs cross at one share), but a new reader of every crossing must ask
for the pairs it needs.

Stability intervals (Mareschal 1988): the closed interval [t_lo, t_hi] around the current
share over which the set of first-placed clubs (a) / the whole competition ranking (b) stays
as it is. They end at the nearest crossing of a relevant pair on each side: for (a) a pair
with a first-placed club, for (b) any pair. A crossing at the current share (a tie that
exists only at these weights) gives a zero-width interval. The ranking can also change at
exactly t = 0 or 1 when a club drops out there; the interval is then the closure [.., 1].
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from evaluator.decision.scoring import Result

_COEF_TOL = 1e-10   # score-point scale: below this a pair's difference is identically zero
ALL_PAIRS_UP_TO = 30   # clubs; above, only the pairs whose crossings are read (``pairs_that_matter``)
TOP_PAIRS = 3          # every pair among the best this many: the top two's flips, the plots' dots
_TIE = 1e-9            # scores (0-1) this close count as tied in ``pairs_that_matter``


@dataclass(frozen=True)
class Crossing:
    t: float          # weight share of the swept criterion where the two curves cross
    first: int        # club index
    second: int       # club index
    leader_after: int  # which of the two scores higher just above t


@dataclass(frozen=True)
class WeightSweep:
    criterion: int
    current: float            # current share of the criterion (t of the current weights)
    base: np.ndarray          # (K,) normalised weights at t = 0
    num0: np.ndarray          # (clubs,) 100 * N_i(0)
    num1: np.ndarray          # (clubs,) 100 * N_i(1)
    den0: np.ndarray          # (clubs,) D_i(0)
    den1: np.ndarray          # (clubs,) D_i(1)
    # Crossings as parallel arrays sorted by t: at 100 clubs there are thousands per sweep,
    # and building a Python object for each cost more than all the maths (``crossings``
    # builds them on first use). Up to ALL_PAIRS_UP_TO clubs, of every pair; above, of the
    # pairs ``pairs_that_matter`` names, which give the same intervals and flips.
    cross_t: np.ndarray       # (m,) shares
    cross_first: np.ndarray   # (m,) club index i of the pair (i < second)
    cross_second: np.ndarray  # (m,)
    cross_leader: np.ndarray  # (m,) which of the two scores higher just above t
    known0: np.ndarray | None = None   # (clubs,) False: no weighted figure at t = 0, so unranked there
    known1: np.ndarray | None = None   # (clubs,) ... at t = 1

    @cached_property
    def crossings(self) -> tuple[Crossing, ...]:
        return tuple(Crossing(float(t), int(a), int(b), int(c)) for t, a, b, c in
                     zip(self.cross_t, self.cross_first, self.cross_second, self.cross_leader))

    @property
    def start(self) -> np.ndarray:
        """(clubs,) score at t = 0 (NaN where the club is unranked there)."""
        return self.at(np.array([0.0]))[0]

    @property
    def end(self) -> np.ndarray:
        """(clubs,) score at t = 1."""
        return self.at(np.array([1.0]))[0]

    @property
    def linear(self) -> np.ndarray:
        """(clubs,) True where the curve is exactly the straight line from ``start`` to ``end``."""
        return np.abs(self.den1 - self.den0) <= 1e-12

    @cached_property
    def straight(self) -> bool:
        """Every club's curve is one straight segment over all of [0, 1]: constant denominators
        (``weight_sweeps`` always) and every club scored at both ends, so its two end points
        draw it exactly (``ui.panels.robustness_charts``)."""
        ends = all(k is None or bool(k.all()) for k in (self.known0, self.known1))
        return ends and bool(self.linear.all()) and bool((self.den0 > 1e-15).all())

    def ends(self) -> np.ndarray:
        """``at([0, 1])`` of a ``straight`` sweep (every club scored at both ends), without its
        masks: what the sweep plots draw of it on every move."""
        return np.vstack((self.num0 / self.den0, self.num1 / self.den1))

    def weights_at(self, t: float) -> np.ndarray:
        e = np.zeros_like(self.base)
        e[self.criterion] = 1.0
        return (1.0 - t) * self.base + t * e

    def club_at(self, t: np.ndarray, clubs: np.ndarray) -> np.ndarray:
        """Exact score of ``clubs[m]`` at share ``t[m]``, element by element (no clubs x t grid)."""
        t = np.asarray(t, dtype=float)
        num = (1 - t) * self.num0[clubs] + t * self.num1[clubs]
        den = (1 - t) * self.den0[clubs] + t * self.den1[clubs]
        ok = den > 1e-15
        if self.known0 is not None and self.known1 is not None:
            ok &= ~((t == 0.0) & ~self.known0[clubs]) & ~((t == 1.0) & ~self.known1[clubs])
        return np.where(ok, num / np.where(ok, den, 1.0), np.nan)

    def at(self, t: np.ndarray) -> np.ndarray:
        """Exact scores ``(len(t), clubs)`` at shares ``t``."""
        t = np.asarray(t, dtype=float)[:, None]
        num = (1 - t) * self.num0 + t * self.num1
        den = (1 - t) * self.den0 + t * self.den1
        ok = den > 1e-15
        if self.known0 is not None and self.known1 is not None:
            ok &= ~((t == 0.0) & ~self.known0) & ~((t == 1.0) & ~self.known1)
        return np.where(ok, num / np.where(ok, den, 1.0), np.nan)


@dataclass(frozen=True)
class StabilityInterval:
    criterion: int
    current: float
    first_lo: float    # first place unchanged for shares in [first_lo, first_hi]
    first_hi: float
    ranking_lo: float  # whole ranking unchanged for shares in [ranking_lo, ranking_hi]
    ranking_hi: float


def weight_sweeps(result: Result) -> tuple[WeightSweep, ...]:
    """One exact sweep per criterion for the current weights (empty if nothing is ranked)."""
    w = result.weights
    if not w.sum() > 0:
        return ()
    u = result.prepared.utilities          # missing figures already at the middle of the scale
    present = result.prepared.present
    n, k_count = u.shape
    ones = np.ones(n)
    pi, pm = _pairs(n) if n <= ALL_PAIRS_UP_TO else pairs_that_matter(result)
    sweeps = []
    for k in range(k_count):
        s = float(w[k])
        others = w.copy()
        others[k] = 0.0
        rest = others.sum()
        if rest > 1e-12:
            base = others / rest
        elif k_count > 1:
            base = np.full(k_count, 1.0 / (k_count - 1))   # documented edge case: others equal
            base[k] = 0.0
        else:
            base = np.ones(1)
        e = np.zeros(k_count)
        e[k] = 1.0
        num0, num1 = 100.0 * u @ base, 100.0 * u @ e
        # Denominators are all one (weights are never renormalised): none vanishes at an end.
        sweeps.append(WeightSweep(k, s, base, num0, num1, ones, ones, *_crossings(num0, num1, ones, ones, pi, pm),
                                  known0=(present @ base) > 0, known1=(present @ e) > 0))
    return tuple(sweeps)


@lru_cache(maxsize=8)
def _pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair i < m of n clubs (read-only: shared by every sweep of that many clubs)."""
    pi, pm = np.triu_indices(n, 1)
    pi.flags.writeable = pm.flags.writeable = False
    return pi, pm


def best_ranked(result: Result, count: int) -> list[int]:
    """The first ``count`` ranked clubs in order (unranked clubs skipped), without walking the
    whole order: at 1,000 clubs the full walk cost 0.3 ms, three times an analysis."""
    out: list[int] = []
    ranks = result.ranks
    for i in result.order:
        if ranks[i] > 0:
            out.append(int(i))
            if len(out) == count:
                break
    return out


def pairs_that_matter(result: Result) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (i < m, in the order ``_pairs`` lists them) whose crossings anything reads:

    - neighbours in the current order of the sweeps' scores: moving the share away from now,
      the first swap on either side is always between two clubs adjacent just beside the
      current share (nothing has swapped before it), so the whole-ranking stability interval
      ends at theirs. Clubs tied now may part either way (at a share of 0 they part without
      crossing), so a tie group counts as one place: every pair within it and with the groups
      on either side;
    - every pair with a first-placed club: the first-place interval;
    - every pair among the best TOP_PAIRS: the top two's weight flips, and the sweep plots'
      crossing dots above ``ui.panels.robustness_charts.ALL_CROSSINGS_UP_TO`` clubs (which
      draws those of the best TOP_PAIRS, ``TOP_CROSSINGS``).

    About 2n pairs instead of n(n - 1)/2 without ties: 197 of 4,950 at 100 synthetic clubs, 1,997
    of 499,500 at 1,000 (every pair's crossings were most of an analysis there)."""
    u, w = result.prepared.utilities, result.weights
    n = u.shape[0]
    now = u @ w                                      # the sweeps' scores at the current share
    by_score = np.argsort(-now, kind="stable")
    group = np.concatenate([[0], np.cumsum(-np.diff(now[by_score]) > _TIE)])
    firsts = np.flatnonzero(result.ranks == 1)
    ranked = best_ranked(result, TOP_PAIRS)
    top = np.unique(np.concatenate([np.asarray(result.order[:TOP_PAIRS], dtype=int), np.array(ranked, dtype=int)]))
    a = [by_score[:-1], np.repeat(firsts, n), np.repeat(top, top.size)]
    b = [by_score[1:], np.tile(np.arange(n), firsts.size), np.tile(top, top.size)]
    sizes = np.bincount(group)
    for g in np.flatnonzero(sizes > 1):              # ties (rare with real figures): the group and its neighbours
        near = by_score[(group >= g - 1) & (group <= g + 1)]
        a.append(np.repeat(near, near.size))
        b.append(np.tile(near, near.size))
    lo, hi = np.minimum(np.concatenate(a), np.concatenate(b)), np.maximum(np.concatenate(a), np.concatenate(b))
    code = np.unique(lo[lo != hi] * n + hi[lo != hi])
    return code // n, code % n


_NO_CROSSINGS = (np.empty(0), np.empty(0, dtype=int), np.empty(0, dtype=int), np.empty(0, dtype=int))


def _crossings(n0: np.ndarray, n1: np.ndarray, d0: np.ndarray, d1: np.ndarray,
               pi: np.ndarray, pm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sign changes in (0, 1) of N_i D_m - N_m D_i for the pairs (``pi[p]`` < ``pm[p]``) given:
    every pair up to ALL_PAIRS_UP_TO clubs, else those ``pairs_that_matter`` names; vectorised.

    Returns (t, first, second, leader_after) arrays sorted by t."""
    if pi.size == 0:
        return _NO_CROSSINGS
    a, b, c, d = n0, n1 - n0, d0, d1 - d0     # N = a + b t, D = c + d t
    return _linear_crossings(a, b, c, pi, pm) if not d.any() else _general_crossings(a, b, c, d, pi, pm)


def _general_crossings(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray,
                       pi: np.ndarray, pm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    ai, bi, ci, di = a[pi], b[pi], c[pi], d[pi]
    am, bm, cm, dm = a[pm], b[pm], c[pm], d[pm]
    qa = bi * dm - bm * di
    qb = ai * dm + bi * cm - am * di - bm * ci
    qc = ai * cm - am * ci
    ranked = ((c[pi] > 0) | (c[pi] + d[pi] > 0)) & ((c[pm] > 0) | (c[pm] + d[pm] > 0))
    scale = np.maximum.reduce([np.abs(qa), np.abs(qb), np.abs(qc)])
    live = ranked & (scale > _COEF_TOL)            # identical curves never swap
    quad = live & (np.abs(qa) > 1e-12 * np.maximum(scale, 1.0))
    lin = live & ~quad
    roots: list[np.ndarray] = []
    pair: list[np.ndarray] = []
    # Linear: one root, always a sign change (qb != 0 because scale > tol and qa ~ 0).
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(lin & (qb != 0), -qc / np.where(qb != 0, qb, 1.0), np.nan)
    roots.append(r)
    pair.append(np.arange(pi.size))
    # Quadratic: two simple roots iff the discriminant is positive (zero = touching only).
    disc = qb * qb - 4 * qa * qc
    two = quad & (disc > 1e-24 * np.maximum(scale, 1.0) ** 2)
    sq = np.sqrt(np.where(two, disc, 0.0))
    q = -0.5 * (qb + np.where(qb >= 0, sq, -sq))     # stable form: no cancellation
    safe_qa = np.where(two, qa, 1.0)
    safe_q = np.where(two & (q != 0), q, 1.0)
    roots.append(np.where(two, q / safe_qa, np.nan))
    roots.append(np.where(two & (q != 0), qc / safe_q, np.nan))
    pair += [np.arange(pi.size)] * 2
    t = np.concatenate(roots)
    idx = np.concatenate(pair)
    keep = (t > 1e-12) & (t < 1.0 - 1e-12)   # crossings strictly inside the sweep
    t, idx = t[keep], idx[keep]
    slope = 2 * qa[idx] * t + qb[idx]             # d/dt of (S_i - S_m) * D_i D_m at the root
    order = np.argsort(t, kind="stable")
    t, idx, slope = t[order], idx[order], slope[order]
    return t, pi[idx], pm[idx], np.where(slope > 0, pi[idx], pm[idx])


def _linear_crossings(a: np.ndarray, b: np.ndarray, c: np.ndarray,
                      pi: np.ndarray, pm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``_crossings`` when every denominator is constant (``weight_sweeps``: missing figures
    sit mid-scale, so always): the pair's difference is linear in t, one root at most. The
    same arithmetic as the general case with its quadratic term zero, so the same roots."""
    ci, cm = c[pi], c[pm]
    qb = b[pi] * cm - b[pm] * ci
    qc = a[pi] * cm - a[pm] * ci
    live = (ci > 0) & (cm > 0) & (np.maximum(np.abs(qb), np.abs(qc)) > _COEF_TOL) & (qb != 0)
    idx = np.flatnonzero(live)
    t = -qc[idx] / qb[idx]
    keep = (t > 1e-12) & (t < 1.0 - 1e-12)   # crossings strictly inside the sweep
    t, idx = t[keep], idx[keep]
    order = np.argsort(t, kind="stable")
    t, idx = t[order], idx[order]
    return t, pi[idx], pm[idx], np.where(qb[idx] > 0, pi[idx], pm[idx])


def stability_intervals(result: Result, sweeps: tuple[WeightSweep, ...]) -> tuple[StabilityInterval, ...]:
    """Mareschal stability intervals per criterion, from the exact crossings."""
    first = result.ranks == 1
    out = []
    for sw in sweeps:
        s = sw.current
        all_t = sw.cross_t
        top_t = all_t[first[sw.cross_first] | first[sw.cross_second]]
        out.append(StabilityInterval(sw.criterion, s, *_around(top_t, s), *_around(all_t, s)))
    return tuple(out)


def _around(ts: np.ndarray, s: float) -> tuple[float, float]:
    below, above = ts[ts <= s], ts[ts >= s]
    return (float(below.max()) if below.size else 0.0, float(above.min()) if above.size else 1.0)
