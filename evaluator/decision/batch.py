"""Scoring rules of ``scoring.py`` applied to many variants of one scenario at once.

The robustness analyses re-score the same clubs thousands of times: with sampled weights
(SMAA), with perturbed figures (SMAA with figure uncertainty), with one figure moved (what
would flip it) and with one club left out (rank reversal). ``scoring.criterion_utilities``
works on one column; ``utilities_batch`` applies exactly the same rules to every row of a
``(..., clubs)`` array, so each row is an independent scenario variant:

- own-range scale: lo/hi are the min/max of the *row's* present values (a removed club is
  simply NaN, which is exactly how a missing figure leaves the range);
- a row whose present values are all equal is flat: every present club gets 0.5;
- "lower" mirrors "higher"; "target" maps |x - target| as lower-is-better on its own
  distance range (or 0..max(t - lo, hi - t) on a fixed scale); a degenerate distance
  range gives 0.5;
- missing stays NaN.

``tests/test_robustness_batch.py`` checks it row by row against ``criterion_utilities``.
"""
from __future__ import annotations

import numpy as np

from evaluator.model import Criterion, Direction


def utilities_batch(values: np.ndarray, criterion: Criterion) -> np.ndarray:
    """Utilities 0..1 (NaN = missing) for every row of ``values`` (shape ``(..., clubs)``)."""
    v = np.asarray(values, dtype=float)
    present = ~np.isnan(v)
    any_present = present.any(axis=-1, keepdims=True)
    if criterion.scale.fixed:
        scale_lo, scale_hi = criterion.scale.bounds()
        lo = np.full(v.shape[:-1] + (1,), scale_lo)
        hi = np.full(v.shape[:-1] + (1,), scale_hi)
        flat = np.zeros_like(lo, dtype=bool)
    else:
        lo = np.where(present, v, np.inf).min(axis=-1, keepdims=True)
        hi = np.where(present, v, -np.inf).max(axis=-1, keepdims=True)
        lo = np.where(any_present, lo, 0.0)   # placeholders: such rows end up all-NaN anyway
        hi = np.where(any_present, hi, 1.0)
        flat = (hi - lo) <= 1e-12 * np.maximum(1.0, np.abs(hi))
        if criterion.absolute:   # a target with a tolerance: never flat, like a fixed scale
            flat = np.zeros_like(flat)
    # A safe span keeps flat rows free of 0/0 (pytest turns RuntimeWarnings into errors).
    span = np.where(flat, 1.0, hi - lo)
    if criterion.direction is Direction.TARGET:
        t = criterion.target_value()
        d = np.abs(np.where(present, v, t) - t)
        if criterion.tolerance is not None:
            dmin = np.zeros_like(lo)
            dmax = np.full_like(lo, float(criterion.tolerance))
        elif criterion.scale.fixed:
            dmin = np.zeros_like(lo)
            dmax = np.maximum(np.maximum(t - lo, hi - t), 0.0)
        else:
            dmin = np.where(present, d, np.inf).min(axis=-1, keepdims=True)
            dmax = np.where(present, d, -np.inf).max(axis=-1, keepdims=True)
            dmin = np.where(any_present, dmin, 0.0)
            dmax = np.where(any_present, dmax, 1.0)
        degenerate = (dmax - dmin) <= 1e-12 * np.maximum(1.0, dmax)
        dspan = np.where(degenerate, 1.0, dmax - dmin)
        u = np.clip((dmax - np.minimum(d, dmax)) / dspan, 0.0, 1.0)
        u = np.where(degenerate, 0.5, u)
    else:
        x = np.clip(np.where(present, v, lo), lo, hi)
        u = (x - lo) / span if criterion.direction is Direction.HIGHER else (hi - x) / span
    u = np.where(flat, 0.5, u)
    return np.where(present & any_present, u, np.nan)


def weighted_scores(weights: np.ndarray, utilities: np.ndarray) -> np.ndarray:
    """Fit scores 0..100 for weight rows ``(S, K)`` and utilities ``(clubs, K)`` or ``(S, clubs, K)``.

    Same missing-figure rule as ``scoring.score``: each club's weights are renormalised over
    the criteria it has; a club with no present weighted figure gets NaN. Weights must be
    normalised rows (>= 0). Returns ``(S, clubs)``.
    """
    w = np.asarray(weights, dtype=float)
    u = np.asarray(utilities, dtype=float)
    present = ~np.isnan(u)
    uz = np.where(present, u, 0.0)
    if u.ndim == 2:
        # Unperturbed figures: two matrix products, the hot path of SMAA.
        num = w @ uz.T
        den = w @ present.T.astype(float)
    else:
        num = np.einsum("sk,sik->si", w, uz)
        den = np.einsum("sk,sik->si", w, present.astype(float))
    ok = den > 0
    return np.where(ok, 100.0 * num / np.where(ok, den, 1.0), np.nan)
