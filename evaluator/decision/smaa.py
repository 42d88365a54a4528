"""SMAA-2 (Lahdelma & Salminen 2001) for the weighted sum.

Weights: N vectors uniform on the simplex (Dirichlet(1, .., 1)) from a fixed seed, so the
same inputs always give the same answer. Optional band (percentage points of share): each
share stays within current +- band. Sampling is exact, not rescaled: the first K - 1 shares
are drawn uniformly from their boxes [w_j - b, w_j + b] clipped to [0, 1], the last share is
1 - their sum, and the draw is kept if the last share is within its own box. Uniform on the
simplex means uniform in the first K - 1 coordinates, so the kept draws are uniform on
{w in simplex : |w_j - current_j| <= b for every j}. Acceptance is high for few criteria
(75 % for K = 3); if N cannot be reached within a bounded number of rounds the analysis
uses the draws it has and says so (``n_samples`` is the true count).

Figure uncertainty (criterion id -> +- in the figure's unit): each sample also moves every
present raw value of that criterion uniformly within +- its amount (clipped to the column's
declared minimum/maximum), then recomputes the utilities with the very same rules as
``scoring.py`` (own-range scales are re-derived from the perturbed values), via
``batch.utilities_batch``. Without figure uncertainty the scores of all samples are one
matrix product, ``W @ U.T``.

Missing figures: a missing figure is unknown anywhere on its criterion's scale, so each sample
draws its utility uniformly from 0..1 (a value uniform over the scale, mapped linearly for
"higher" and "lower"; for "target" the utility itself is drawn uniformly), from its own
seeded stream, so the same inputs still give the same answer.

Ties (within ``scoring.TIE_TOLERANCE``, chained along the sorted scores) share ranks
fractionally: t clubs tied over places r..r+t-1 each get 1/t of each of those places. So
every row and column of the acceptability matrix sums to 1, and identical clubs get exactly
identical rows. A club that cannot be scored in a sample sits below every scored club.

Outputs: rank acceptability b[i, r] (share of samples where club i holds place r+1), the
central weight vector per club (mean weights over the samples where it is first, weighted
by its first-place share; None if never first), the pairwise winning index P[i, j] = share
of samples where i scores above j (ties count one half; diagonal NaN), and the Monte Carlo
standard error sqrt(p (1 - p) / N) of every share, which never exceeds 0.5 / sqrt(N).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

import numpy as np

from evaluator.decision.batch import utilities_batch, weighted_scores
from evaluator.decision.scoring import TIE_TOLERANCE, Result

MAX_BAND_ROUNDS = 50     # rejection rounds before settling for fewer band samples
_PAIRWISE_CHUNK = 2_000_000  # booleans per chunk of the pairwise comparison (memory bound)
CHUNK_CELLS = 200_000    # samples x clubs scored and ranked per step (a few ms; see SMAARun)


@dataclass(frozen=True)
class SMAAResult:
    n_samples: int
    seed: int
    band: float | None                     # +- percentage points of share, or None
    acceptability: np.ndarray              # (clubs, ranks)
    acceptability_se: np.ndarray           # (clubs, ranks) Monte Carlo standard error
    central_weights: tuple[np.ndarray | None, ...]   # per club, (K,) or None if never first
    max_se: float                          # 0.5 / sqrt(N): bound on every standard error
    messages: tuple[str, ...] = ()
    # Twice the mid-rank of every club in every sample, (N, clubs): what the pairwise index is
    # counted from, on first use. No panel draws it, and it costs clubs^2 x samples.
    mid_ranks: np.ndarray = field(default_factory=lambda: np.empty((0, 0), dtype=np.int16), repr=False)

    @property
    def first_rank(self) -> np.ndarray:
        """(clubs,) first-rank acceptability."""
        return self.acceptability[:, 0]

    @cached_property
    def pairwise(self) -> np.ndarray:
        """(clubs, clubs) P(row scores above column), ties one half; diagonal NaN."""
        return _pairwise(self.mid_ranks)

    @cached_property
    def pairwise_se(self) -> np.ndarray:
        return _se(self.pairwise, self.n_samples)


@lru_cache(maxsize=16)
def dirichlet_weights(k: int, n: int, seed: int) -> np.ndarray:
    """(n, k) weights uniform on the simplex, cached: they do not depend on the scenario."""
    w = np.random.default_rng(seed).dirichlet(np.ones(k), n) if k > 1 else np.ones((n, 1))
    w.setflags(write=False)
    return w


@lru_cache(maxsize=16)
def band_weights(current: tuple[float, ...], n: int, seed: int, band: float) -> np.ndarray:
    """(m, k) weights uniform on the simplex within current +- band/100 per share; m <= n."""
    w0 = np.asarray(current)
    k = w0.size
    b = band / 100.0
    lo, hi = np.clip(w0 - b, 0.0, 1.0), np.clip(w0 + b, 0.0, 1.0)
    if k == 1:
        out = np.ones((n, 1))
    else:
        rng = np.random.default_rng(seed)
        got: list[np.ndarray] = []
        have, drawn, batch = 0, 0, n + 16
        for _ in range(MAX_BAND_ROUNDS):
            head = rng.uniform(lo[:-1], hi[:-1], (batch, k - 1))
            last = 1.0 - head.sum(axis=1)
            ok = (last >= lo[-1]) & (last <= hi[-1])
            got.append(np.column_stack([head[ok], last[ok]]))
            have, drawn = have + int(ok.sum()), drawn + batch
            if have >= n:
                break
            rate = max(have / drawn, 1e-3)   # next batch sized from the acceptance so far
            batch = int(min(50 * n, (n - have) / rate * 1.2 + 16))
        out = np.concatenate(got)[:n]
    out.setflags(write=False)
    return out


@lru_cache(maxsize=8)
def _noise(n: int, clubs: int, k: int, seed: int) -> np.ndarray:
    """(n, clubs, k) uniform -1..1, the figure perturbations before scaling by each +-."""
    z = np.random.default_rng([seed, 1]).uniform(-1.0, 1.0, (n, clubs, k))
    z.setflags(write=False)
    return z


def smaa(result: Result, samples: int = 10_000, seed: int = 0, band: float | None = None,
         figure_uncertainty: dict[str, float] | None = None) -> SMAAResult:
    """SMAA-2 acceptabilities for the scenario behind ``result`` (see module docstring)."""
    run = SMAARun(result, samples, seed, band, figure_uncertainty)
    while not run.step():
        pass
    return run.outcome()


class SMAARun:
    """One SMAA computation in steps of about ``CHUNK_CELLS`` samples x clubs.

    ``smaa()`` runs every step; a background worker can run them one at a time and drop the
    rest when newer weights arrive. Same steps either way, so the same numbers, bit for bit.
    """

    result: Result | None   # None for a bare utilities matrix (``of_utilities``)

    def __init__(self, result: Result, samples: int = 10_000, seed: int = 0, band: float | None = None,
                 figure_uncertainty: dict[str, float] | None = None) -> None:
        p = result.prepared
        n, k = p.utilities.shape
        messages: list[str] = []
        if band is None:
            w = dirichlet_weights(k, samples, seed)
        else:
            if not result.weights.sum() > 0:
                raise ValueError("a weight band needs current weights that are not all zero")
            w = band_weights(tuple(float(x) for x in result.weights), samples, seed, float(band))
            if w.shape[0] < samples:
                messages.append(f"Only {w.shape[0]} of {samples} weight samples fit the ±{band:g} band; "
                                "the shares below use those.")
        spread = np.zeros(k)
        for cid, amount in (figure_uncertainty or {}).items():
            spread[[c.id for c in p.scenario.criteria].index(cid)] = abs(float(amount))
        self.result, self.seed, self.band, self.messages = result, seed, band, tuple(messages)
        self._setup(p.utilities, w, spread, missing=p.missing)

    @classmethod
    def of_utilities(cls, utilities: np.ndarray, samples: int = 10_000, seed: int = 0,
                     keep_mid_ranks: bool = False, missing: np.ndarray | None = None) -> "SMAARun":
        """SMAA over the whole simplex for a bare ``(clubs, K)`` utilities matrix, the same
        numbers as ``SMAARun(result, samples, seed)`` for ``result.prepared.utilities``: what a
        background process is sent (a few kB, not the scenario). Without ``keep_mid_ranks`` the
        pairwise index is not kept (no panel draws it; it is clubs x samples of int16)."""
        run = cls.__new__(cls)
        run.result, run.seed, run.band, run.messages = None, seed, None, ()
        k = utilities.shape[1]
        run._setup(utilities, dirichlet_weights(k, samples, seed), np.zeros(k), keep_mid_ranks, missing)
        return run

    @classmethod
    def of_weights(cls, utilities: np.ndarray, weights: np.ndarray, seed: int = 0,
                   missing: np.ndarray | None = None) -> "SMAARun":
        """SMAA over given weight rows ``(S, K)`` (normalised, >= 0) instead of the whole
        simplex, e.g. a region the stakeholders' profiles span; missing figures as above."""
        run = cls.__new__(cls)
        run.result, run.seed, run.band, run.messages = None, seed, None, ()
        run._setup(utilities, weights, np.zeros(utilities.shape[1]), False, missing)
        return run

    def _setup(self, u: np.ndarray, w: np.ndarray, spread: np.ndarray, keep_mid: bool = True,
               missing: np.ndarray | None = None) -> None:
        n, k = u.shape
        self._u, self._keep_mid = u, keep_mid
        self._missing = np.zeros((n, k), dtype=bool) if missing is None else missing   # drawn uniform 0..1
        self._w, self._spread = w, spread
        self._m = w.shape[0]
        self._step = max(1, CHUNK_CELLS // max(n, 1))
        self._done = 0
        self._places = np.zeros((n, n))              # sum over samples of each club's share of each place
        self._central = np.zeros((n, k))
        self._first = np.zeros(n)
        self._mid: list[np.ndarray] = []

    @property
    def finished(self) -> bool:
        return self._done >= self._m

    def step(self) -> bool:
        """Score and rank the next chunk of samples; True once every sample is in."""
        if self.finished:
            return True
        a, b = self._done, min(self._done + self._step, self._m)
        w = self._w[a:b]
        if self._spread.any():
            assert self.result is not None   # figure uncertainty needs the scenario
            u = _perturbed_utilities(self.result, self._spread, self._m, self.seed, a, b)
        elif self._missing.any():
            u = np.broadcast_to(self._u, (b - a, *self._u.shape)).copy()
        else:
            u = self._u
        if self._missing.any():   # unknown figures: uniform over the scale, sample by sample
            u[:, self._missing] = _unknown(self._m, *self._u.shape, self.seed)[a:b][:, self._missing]
        scores = weighted_scores(w, u)
        places, first, mid = _rank_shares(scores)
        self._places += places
        self._central += first.T @ w
        self._first += first.sum(axis=0)
        if self._keep_mid:
            self._mid.append(mid)
        self._done = b
        return self.finished

    def outcome(self) -> SMAAResult:
        if not self.finished:
            raise RuntimeError("SMAARun.outcome() before the last step")
        m, n = self._m, self._places.shape[0]
        acc = np.clip(self._places / max(m, 1), 0.0, 1.0)    # tie shares' cumsum leaves ~1e-17
        central = tuple(self._central[i] / self._first[i] if self._first[i] > 0 else None for i in range(n))
        mid = np.concatenate(self._mid) if self._mid else np.empty((0, n), dtype=np.int16)
        return SMAAResult(m, self.seed, self.band, acc, _se(acc, m), central, 0.5 / np.sqrt(m),
                          self.messages, mid)


@lru_cache(maxsize=8)
def _unknown(n: int, clubs: int, k: int, seed: int) -> np.ndarray:
    """(n, clubs, k) uniform 0..1: the utilities drawn for missing figures."""
    z = np.random.default_rng([seed, 2]).uniform(0.0, 1.0, (n, clubs, k))
    z.setflags(write=False)
    return z


def smaa_job(utilities: np.ndarray, samples: int, seed: int = 0, missing: np.ndarray | None = None,
             control: Any = None) -> SMAAResult | None:
    """SMAA for a background job: steps of a few ms, giving up (None) once ``control.cancelled()``.
    ``missing``: the clubs' unknown figures, drawn uniformly over the scale as ``smaa()`` does."""
    run = SMAARun.of_utilities(utilities, samples, seed, missing=missing)
    while not run.step():
        if control is not None and control.cancelled():
            return None
    return run.outcome()


def _perturbed_utilities(result: Result, spread: np.ndarray, m: int, seed: int, a: int, b: int) -> np.ndarray:
    """(b - a, clubs, K) utilities of samples a..b with every uncertain column re-derived per sample."""
    p = result.prepared
    n, k = p.utilities.shape
    u = np.broadcast_to(p.utilities, (b - a, n, k)).copy()
    noise = _noise(m, n, k, seed)[a:b]
    for j in np.flatnonzero(spread):
        crit = p.scenario.criteria[j]
        col = p.scenario.column(crit.column)
        v = p.values[:, j] + spread[j] * noise[:, :, j]          # NaN stays NaN
        v = np.clip(v, -np.inf if col.minimum is None else col.minimum,
                    np.inf if col.maximum is None else col.maximum)
        u[:, :, j] = utilities_batch(v, crit)
    return u


def _rank_shares(scores: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each club's share of each place summed over the samples (clubs, places), first-place
    share per sample (S, clubs) and twice the mid-rank (S, clubs), int16."""
    s_count, n = scores.shape
    s = np.where(np.isnan(scores), -1e9, scores)       # unscored: below everyone, tied together
    # Not a stable sort: clubs in a tie group share its places equally whatever their order,
    # and the default sort is about 4x faster on (10,000 x 100).
    order = np.argsort(-s, axis=1)
    ss = np.take_along_axis(s, order, axis=1)
    pos = np.broadcast_to(np.arange(n), (s_count, n))
    start = np.ones((s_count, n), dtype=bool)
    start[:, 1:] = (ss[:, :-1] - ss[:, 1:]) > TIE_TOLERANCE
    rows = np.arange(s_count)[:, None]
    if start.all():
        # No ties anywhere in the chunk (the usual case): each club holds exactly its place.
        places = np.bincount((order * n + pos).ravel(), minlength=n * n).reshape(n, n)
        first = np.zeros((s_count, n))
        first[rows[:, 0], order[:, 0]] = 1.0
        mid = np.empty((s_count, n), dtype=np.int16)
        mid[rows, order] = 2 * pos
        return places.astype(float), first, mid
    g_lo = np.maximum.accumulate(np.where(start, pos, 0), axis=1)
    end = np.ones((s_count, n), dtype=bool)
    end[:, :-1] = start[:, 1:]
    g_hi = np.minimum.accumulate(np.where(end, pos, n - 1)[:, ::-1], axis=1)[:, ::-1]
    share = 1.0 / (g_hi - g_lo + 1)
    # Difference array per club over places: +share at g_lo, -share after g_hi; one bincount.
    idx = np.concatenate([(order * (n + 1) + g_lo).ravel(), (order * (n + 1) + g_hi + 1).ravel()])
    wts = np.concatenate([share.ravel(), -share.ravel()])
    places = np.cumsum(np.bincount(idx, wts, minlength=n * (n + 1)).reshape(n, n + 1), axis=1)[:, :n]
    first = np.zeros((s_count, n))
    first[rows, order] = np.where(g_lo == 0, share, 0.0)
    mid = np.empty((s_count, n), dtype=np.int16)
    mid[rows, order] = g_lo + g_hi                     # twice the mid-rank
    return places, first, mid


def _pairwise(mid: np.ndarray) -> np.ndarray:
    """P[i, j]: share of samples with i placed above j, ties one half; diagonal NaN.

    Counted for pairs i < j only; P[j, i] = 1 - P[i, j] (ties count one half to each side).
    """
    s_count, n = mid.shape
    if s_count == 0:
        return np.full((n, n), np.nan)
    pi, pj = np.triu_indices(n, 1)
    above = np.zeros(pi.size, dtype=np.int64)
    level = np.zeros(pi.size, dtype=np.int64)
    step = max(1, _PAIRWISE_CHUNK // max(pi.size, 1))
    for a in range(0, s_count, step):
        c = mid[a:a + step]
        ci, cj = c[:, pi], c[:, pj]
        above += np.count_nonzero(ci < cj, axis=0)
        level += np.count_nonzero(ci == cj, axis=0)
    out = np.full((n, n), np.nan)
    upper = (above + 0.5 * level) / s_count
    out[pi, pj] = upper
    out[pj, pi] = (s_count - above - 0.5 * level) / s_count
    return out


def _se(p: np.ndarray, n: int) -> np.ndarray:
    return np.sqrt(np.clip(p * (1.0 - p), 0.0, None) / n)
