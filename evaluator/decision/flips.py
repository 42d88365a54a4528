"""What would flip the top two, and rank reversal when a club is left out.

Weight flips: for the leader L and the runner-up R, and each criterion k, the smallest change
of k's weight share (others rescaled in proportion, as in ``sweeps.py``) that swaps them.
The pair's score difference is exact in the share (``sweeps.py``), so the answer is the
nearest L/R crossing on either side of the current share; "cannot flip" if there is none in
[0, 1]. Because moving one raw slider leaves the others' proportions alone, the share t is
also the raw weight ``t / (1 - t) * (sum of the other raw weights)``, which is reported too.

Figure flips: for each criterion, the smallest change of R's raw figure, or of L's, in the
figure's own unit, that puts R level with L (any further change puts R ahead). Changing a
figure can move the own-range scale's min/max and with it every club's utility on that
criterion, so the score difference is only piecewise smooth in the figure; but it is solved
in closed form. Between the breakpoints where the moved figure passes another club's min or
max, a fixed scale's end, the target or another club's distance to it, every utility on the
criterion is (linear in x) / (the scale's span, linear in x), so the leader-minus-runner-up
gap is a Moebius function (a x + b) / (c x + d) of the figure x: continuous and monotone on
each piece. The first piece (walking away from the current value) whose far end has the gap
at or below zero holds the answer, and a Moebius function is fixed by three points, so the
root follows exactly from the cross-ratio, which Moebius maps preserve. The gap itself is
always evaluated with the true scoring rule (``batch.utilities_batch`` =
``scoring.criterion_utilities``); the tests re-score every answer with ``scoring.score``.
The column is cut down to the top two plus the clubs holding its min and
max (``_scale_representatives``): the same scale, so the same utilities, at any club count.
The plausible range is the clubs' present values widened by their own
spread on each side, widened to a fixed scale if there is one, and clipped to the column's
declared minimum/maximum. A missing figure cannot be changed and is reported as such.

Rank reversal (leaving a club out changes the order of two others) is in ``rank_reversal.py``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from evaluator.decision.batch import utilities_batch
from evaluator.decision.flip_solver import breakpoints, nodes, solve
from evaluator.model import SLIDER_MAX, Criterion, Direction
from evaluator.decision.scoring import MISSING_UTILITY, TIE_TOLERANCE, Prepared, Result
from evaluator.decision.sweeps import WeightSweep, best_ranked



@dataclass(frozen=True)
class WeightFlip:
    criterion: int
    possible: bool
    share: float | None        # share of k at which the top two draw level
    delta: float | None        # share - current share (signed)
    raw_weight: float | None   # slider value for k with the other sliders unchanged (inf at share 1)
    sentence: str


@dataclass(frozen=True)
class FigureFlip:
    criterion: int
    club: int                  # whose figure changes (the runner-up or the leader)
    possible: bool
    value: float | None        # current raw figure (None if missing)
    new_value: float | None    # figure at which the top two draw level
    delta: float | None        # new_value - value, in the figure's unit
    sentence: str
    change: str = ""           # "28.2 → 25.5 years": the same rounded figures as the sentence


def top_two(result: Result) -> tuple[int, int] | None:
    ranked = best_ranked(result, 2)
    return (ranked[0], ranked[1]) if len(ranked) >= 2 else None



def weight_flips(result: Result, sweeps: tuple[WeightSweep, ...]) -> tuple[WeightFlip, ...]:
    pair = top_two(result)
    if pair is None:
        return ()
    lead, run = pair
    clubs, crit = result.scenario.clubs, result.scenario.criteria
    out = []
    for sw in sweeps:
        k, s = sw.criterion, sw.current
        pair_hit = ((sw.cross_first == min(lead, run)) & (sw.cross_second == max(lead, run)))
        ts = sw.cross_t[pair_hit].tolist()
        label = crit[k].label
        if result.scores[lead] - result.scores[run] <= TIE_TOLERANCE:
            out.append(WeightFlip(k, True, s, 0.0, float(result.raw_weights[k]),
                                  f"{clubs[lead].name} and {clubs[run].name} are level already."))
            continue
        if not ts:
            out.append(WeightFlip(k, False, None, None, None,
                                  f"No share of the total weight for {label}, from 0% to 100%, puts "
                                  f"{clubs[run].name} ahead of {clubs[lead].name}."))
            continue
        t = min(ts, key=lambda x: abs(x - s))
        others = float(result.raw_weights.sum() - result.raw_weights[k])
        raw = (math.inf if t >= 1.0 else t / (1.0 - t) * others) if others > 0 else None
        slider = _slider_words(raw, t, others)
        out.append(WeightFlip(
            k, True, t, t - s, raw,
            f"{label} at {100 * t:.1f}% of the total weight instead of {100 * s:.1f}%{slider} "
            f"puts {clubs[run].name} level with {clubs[lead].name}; any {'more' if t > s else 'less'} "
            f"and {clubs[run].name} moves ahead."))
    return tuple(out)


def _slider_words(raw: float | None, share: float, others: float) -> str:
    """How to reach ``share`` with the sliders, which stop at SLIDER_MAX."""
    if raw is None or not math.isfinite(raw):
        return ""
    if raw <= SLIDER_MAX:
        return f" (slider {raw:.3g} with the others unchanged)"
    scale = SLIDER_MAX * (1.0 - share) / (share * others)   # the others' factor with this slider at the top
    return f" (slider {SLIDER_MAX:g} and every other weight at {100 * scale:.0f}% of its value now)"


def plausible_range(result: Result, k: int) -> tuple[float, float]:
    """Where a figure of criterion k may plausibly be moved (see module docstring)."""
    p = result.prepared
    crit = p.scenario.criteria[k]
    col = p.scenario.column(crit.column)
    v = p.values[:, k]
    v = v[~np.isnan(v)]
    if v.size == 0:   # no club has the figure (a new case before its squad lists): nothing to move
        return math.nan, math.nan
    lo, hi = float(v.min()), float(v.max())
    spread = hi - lo if hi > lo else max(1.0, abs(hi)) * 0.5
    lo, hi = lo - spread, hi + spread
    if crit.scale.fixed:
        scale_lo, scale_hi = crit.scale.bounds()
        lo, hi = min(lo, scale_lo), max(hi, scale_hi)
    if col.minimum is not None:
        lo = max(lo, float(col.minimum))
    if col.maximum is not None:
        hi = min(hi, float(col.maximum))
    return lo, hi


def figure_flips(result: Result) -> tuple[FigureFlip, ...]:
    pair = top_two(result)
    if pair is None:
        return ()
    lead, run = pair
    p = result.prepared
    w = result.weights
    present = ~np.isnan(p.utilities)
    uz = np.where(present, p.utilities, 0.0)
    den = present @ w
    total = uz @ w
    out: list[FigureFlip] = []
    for k, crit in enumerate(p.scenario.criteria):
        rest = total - uz[:, k] * w[k]          # every other criterion's part, fixed here
        search = _flip_search(result, k, lead, run)

        def weigh(u: np.ndarray, rest: np.ndarray = rest, wk: float = float(w[k])) -> np.ndarray:
            """Leader minus runner-up score from their utilities on k (``_moved_utilities``)."""
            return 100.0 * (rest[lead] + wk * u[..., 0]) / den[lead] - 100.0 * (rest[run] + wk * u[..., 1]) / den[run]

        def gap(clubs: np.ndarray, x: np.ndarray, crit: Criterion = crit, col: np.ndarray = search.col,
                weigh=weigh) -> np.ndarray:
            return weigh(_moved_utilities(crit, col, lead, clubs, x))

        # One vectorised search for both clubs in both directions (up to 4 problems).
        probs = search.probs if w[k] > 0 else ()
        found = solve(gap, np.array([c for c, _ in probs], dtype=int), np.array([p.values[c, k] for c, _ in probs]),
                      search.ends, search.mids, weigh(search.u)) if probs else np.empty(0)
        lo_b, hi_b = search.lo, search.hi
        for club in (run, lead):
            x0 = float(p.values[club, k])
            if math.isnan(x0):
                out.append(FigureFlip(k, club, False, None, None, None,
                                      f"{p.scenario.clubs[club].name} has no {crit.label} figure, "
                                      "so there is nothing to change."))
                continue
            hits = [float(x) for (c, _), x in zip(probs, found) if c == club and not math.isnan(x)]
            best = min(hits, key=lambda x: abs(x - x0)) if hits else None
            out.append(_figure_flip(result, k, crit, club, lead, run, x0, best, lo_b, hi_b))
    return tuple(out)


FLIP_SEARCHES_KEPT = 256   # per Prepared: criteria x top-two pairs a session has passed through


@dataclass(frozen=True)
class _FlipSearch:
    """One criterion's figure-flip search for a leader and runner-up, all but the weights:
    where the figures may move, the pieces to walk and both clubs' utilities at their ends and
    middles. Cached in ``Prepared.memo``: a slider move that keeps the top two only re-weighs
    ``u`` (re-scoring the column for every node was most of a move's analysis)."""
    lo: float
    hi: float
    col: np.ndarray                        # the figures scored: leader, runner-up, the scale's holders
    probs: tuple[tuple[int, float], ...]   # (club moved, bound it walks towards)
    ends: np.ndarray
    mids: np.ndarray
    u: np.ndarray                          # (problems, nodes, 2): ends then middles; leader, runner-up


def _flip_search(result: Result, k: int, lead: int, run: int) -> _FlipSearch:
    p = result.prepared
    key = ("figure flip", k, lead, run)
    found = p.memo.get(key)
    if isinstance(found, _FlipSearch):
        return found
    crit = p.scenario.criteria[k]
    lo_b, hi_b = plausible_range(result, k)
    col = p.values[[lead, run] + _scale_representatives(p.values[:, k], crit, (lead, run)), k]
    movable = [c for c in (run, lead) if not math.isnan(p.values[c, k])]
    probs = tuple((c, b) for c in movable for b in (lo_b, hi_b) if b != p.values[c, k])
    if probs:
        clubs = np.array([c for c, _ in probs], dtype=int)
        ends, mids = nodes(np.array([p.values[c, k] for c, _ in probs]), np.array([b for _, b in probs]),
                           [breakpoints(np.delete(col, 0 if c == lead else 1), crit) for c, _ in probs])
        u = _moved_utilities(crit, col, lead, clubs, np.concatenate([ends, mids], axis=1))
    else:
        ends = mids = np.empty((0, 0))
        u = np.empty((0, 0, 2))
    search = _FlipSearch(lo_b, hi_b, col, probs, ends, mids, u)
    _remember(p, key, search, FLIP_SEARCHES_KEPT)
    return search


def _remember(p: Prepared, key: tuple[object, ...], value: object, kept: int) -> None:
    """``p.memo[key] = value``, dropping the oldest entries of the same kind (``key[0]``) beyond
    ``kept``: other kinds stay (dropping everything had thrown away the left-out clubs' utilities
    each time the rank-reversal sentences filled the memo)."""
    same = [k for k in p.memo if k[0] == key[0]]
    for old in same[:max(0, len(same) - kept + 1)]:
        del p.memo[old]
    p.memo[key] = value


def _moved_utilities(crit: Criterion, col: np.ndarray, lead: int, clubs: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The leader's and runner-up's utilities on ``crit`` (``[..., 0]`` and ``[..., 1]``), row p
    with ``clubs[p]``'s figure set to ``x[p, :]`` and the rest of ``col`` as it is."""
    vals = np.broadcast_to(col, x.shape + col.shape).copy()    # column 0: leader, 1: runner-up
    vals[np.arange(x.shape[0]), :, np.where(clubs == lead, 0, 1)] = x
    u = utilities_batch(vals, crit)[..., :2]
    return np.where(np.isnan(u), MISSING_UTILITY, u)   # a missing figure sits mid-scale, as in scoring


def _scale_representatives(v: np.ndarray, crit: Criterion, skip: tuple[int, ...]) -> list[int]:
    """Clubs (outside ``skip``) holding the column's min and max, and for a target the min and
    max distance to it: the only things the other clubs contribute to a utility (own-range
    scale, flatness, distance range). Re-scoring ``skip`` + these gives the very same
    utilities as the whole column, at a fraction of the cost for many clubs."""
    rest = np.ones(v.size, dtype=bool)
    rest[list(skip)] = False
    rest &= ~np.isnan(v)
    if not rest.any():
        return []
    idx = np.flatnonzero(rest)
    x = v[idx]
    keys = [x] if crit.direction is not Direction.TARGET else [x, np.abs(x - crit.target_value())]
    return sorted({int(idx[f(key)]) for key in keys for f in (np.argmin, np.argmax)})


def _fmt(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"


def _figure_flip(result: Result, k: int, crit: Criterion, club: int, lead: int, run: int,
                 x0: float, x: float | None, lo_b: float, hi_b: float) -> FigureFlip:
    p = result.prepared
    names = [c.name for c in p.scenario.clubs]
    col = p.scenario.column(crit.column)
    unit = f" {crit.unit}" if crit.unit else ""
    d = col.decimals
    if x is None:
        return FigureFlip(k, club, False, x0, None, None,
                          f"No {crit.label} figure for {names[club]} between {_fmt(lo_b, d)} and "
                          f"{_fmt(hi_b, d)}{unit} puts {names[run]} ahead of {names[lead]}.")
    delta = x - x0
    # Round once: the current figure to the column's decimals, the tipping point past itself
    # (away from the current figure), so the stated change really reaches it; every number in
    # the sentence and in the table's "change needed" is derived from these two.
    old_r, new = _rounded_pair(x0, x, d)
    while d < 8 and old_r == new and delta != 0:   # a change smaller than the last decimal: one more
        d += 1
        old_r, new = _rounded_pair(x0, x, d)
    mag = abs(new - old_r)
    value, x0 = x0, old_r
    way = "higher" if delta > 0 else "lower"
    if crit.direction is Direction.TARGET:
        better = f"closer to {crit.target_value():g} is better"
    else:
        better = f"{crit.direction.value} is better"
    if club == run:
        text = (f"{names[run]} would draw level with {names[lead]} if its {crit.label} figure were "
                f"{_fmt(mag, d)}{unit} {way} ({_fmt(new, d)} instead of {_fmt(x0, d)}; {better}); "
                f"any further and {names[run]} moves ahead.")
    else:
        text = (f"{names[lead]} would fall level with {names[run]} if its {crit.label} figure were "
                f"{_fmt(mag, d)}{unit} {way} ({_fmt(new, d)} instead of {_fmt(x0, d)}; {better}); "
                f"any further and {names[run]} moves ahead.")
    change = f"{_fmt(old_r, d)} → {_fmt(new, d)}{unit}"
    return FigureFlip(k, club, True, value, x, delta, text, change)


def _rounded_pair(x0: float, x: float, d: int) -> tuple[float, float]:
    scale = 10 ** d
    old = round(x0 * scale) / scale
    past = math.floor(x * scale + 1e-9) if x < x0 else math.ceil(x * scale - 1e-9)
    return old, past / scale
