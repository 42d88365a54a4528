"""Weighted-sum scoring, vectorised over clubs and criteria.

Rules (docs/method.md says the same in plain words):
- Weights are >= 0 and normalised to sum 1. All weights zero: no ranking, a message, no NaN.
- Each criterion maps raw values to 0-1 by its direction on its scale. The scale is the
  candidates' own range (min..max of the clubs that have the figure) unless fixed.
  "lower" mirrors "higher"; "target" scores the distance |x - target| as lower-is-better.
- A criterion on which every club has the same value cannot separate the clubs: every club
  gets the midpoint (0.5), so it shifts all scores equally and never changes the order.
- A missing figure: the club is scored on the criteria it has, with its weights renormalised
  over those, and flagged. A club with no figure on any weighted criterion is not ranked.
- Fit score = 100 * sum(weight * utility); contributions are the summands, so they add up to
  the score exactly. Ranks are competition ranks: ties share a rank (1, 2, 2, 4).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from evaluator.decision.model import Criterion, Direction, Scenario

TIE_TOLERANCE = 1e-9   # score points; differences below this are float noise, not a ranking


@dataclass(frozen=True)
class Prepared:
    """What does not depend on the weights, computed once per scenario change."""

    scenario: Scenario
    values: np.ndarray          # (clubs, criteria) raw values, NaN where missing
    utilities: np.ndarray       # (clubs, criteria) 0..1, NaN where missing
    lo: np.ndarray              # (criteria,) scale bounds actually used
    hi: np.ndarray
    flat: np.ndarray            # (criteria,) bool: cannot separate the clubs


@dataclass(frozen=True)
class Result:
    """Everything a view or the report needs for one set of weights."""

    prepared: Prepared
    raw_weights: np.ndarray     # (criteria,) as the user set them
    weights: np.ndarray         # (criteria,) normalised to sum 1 (zeros when all are zero)
    effective: np.ndarray       # (clubs, criteria) per-club weights after missing-figure renormalisation
    contributions: np.ndarray   # (clubs, criteria) points; rows sum to scores
    scores: np.ndarray          # (clubs,) 0..100, NaN for a club that cannot be scored
    ranks: np.ndarray           # (clubs,) 1-based competition rank, 0 = not ranked
    order: np.ndarray           # club indices, best first; unranked clubs last
    incomplete: np.ndarray      # (clubs,) bool: scored without some weighted figure
    messages: tuple[str, ...] = field(default=())

    @property
    def scenario(self) -> Scenario:
        return self.prepared.scenario

    @property
    def ranked(self) -> bool:
        return bool((self.ranks > 0).any())


def criterion_utilities(values: np.ndarray, criterion: Criterion) -> tuple[np.ndarray, float, float, bool]:
    """Map one criterion's raw values (NaN = missing) to 0..1; returns (u, lo, hi, flat)."""
    present = ~np.isnan(values)
    if criterion.scale.fixed:
        lo, hi = float(criterion.scale.lo), float(criterion.scale.hi)  # type: ignore[arg-type]
    elif present.any():
        lo, hi = float(values[present].min()), float(values[present].max())
    else:
        return np.full_like(values, np.nan), np.nan, np.nan, False
    flat = not criterion.scale.fixed and hi - lo <= 1e-12 * max(1.0, abs(hi))
    if flat:
        u = np.where(present, 0.5, np.nan)
        return u, lo, hi, True
    x = np.clip(values, lo, hi)
    if criterion.direction is Direction.HIGHER:
        u = (x - lo) / (hi - lo)
    elif criterion.direction is Direction.LOWER:
        u = (hi - x) / (hi - lo)
    else:
        t = float(criterion.target)  # type: ignore[arg-type]
        d = np.abs(values - t)
        if criterion.scale.fixed:
            dmin, dmax = 0.0, max(t - lo, hi - t, 0.0)
        else:
            dmin, dmax = float(np.nanmin(d)), float(np.nanmax(d))
        if dmax - dmin <= 1e-12 * max(1.0, dmax):
            return np.where(present, 0.5, np.nan), lo, hi, not criterion.scale.fixed
        u = np.clip((dmax - np.minimum(d, dmax)) / (dmax - dmin), 0.0, 1.0)
    return np.where(present, u, np.nan), lo, hi, False


def prepare(scenario: Scenario) -> Prepared:
    crit = scenario.criteria
    values = np.array(
        [[_value(club.figure(c.column).value) for c in crit] for club in scenario.clubs],
        dtype=float,
    ).reshape(len(scenario.clubs), len(crit))
    u = np.empty_like(values)
    lo = np.empty(len(crit))
    hi = np.empty(len(crit))
    flat = np.zeros(len(crit), dtype=bool)
    for j, c in enumerate(crit):
        u[:, j], lo[j], hi[j], flat[j] = criterion_utilities(values[:, j], c)
    return Prepared(scenario, values, u, lo, hi, flat)


def _value(v: float | None) -> float:
    return np.nan if v is None else float(v)


def competition_ranks(scores: np.ndarray) -> np.ndarray:
    """1-based ranks, ties shared (1, 2, 2, 4); NaN scores get rank 0."""
    ok = ~np.isnan(scores)
    valid = np.sort(scores[ok])
    # Clubs strictly better than s (by more than the tolerance), found by binary search: O(n log n).
    better = valid.size - np.searchsorted(valid, np.where(ok, scores, 0.0) + TIE_TOLERANCE, side="right")
    return np.where(ok, better + 1, 0)


def score(prepared: Prepared, raw_weights: np.ndarray) -> Result:
    """Score every club for one weight vector (raw, >= 0, any scale)."""
    raw = np.asarray(raw_weights, dtype=float)
    n, k = prepared.utilities.shape
    total = raw.sum()
    criteria = prepared.scenario.criteria
    if not total > 0:
        zeros = np.zeros((n, k))
        return Result(
            prepared, raw, np.zeros(k), zeros, zeros, np.full(n, np.nan), np.zeros(n, dtype=int),
            np.arange(n), np.zeros(n, dtype=bool),
            ("All weights are zero: give at least one criterion a weight above zero to rank the clubs.",),
        )
    w = raw / total
    present = ~np.isnan(prepared.utilities)
    w_present = w * present
    denom = w_present.sum(axis=1)
    scored = denom > 0
    effective = np.divide(w_present, denom[:, None], out=np.zeros((n, k)), where=scored[:, None])
    contributions = 100.0 * effective * np.nan_to_num(prepared.utilities)
    scores = np.where(scored, contributions.sum(axis=1), np.nan)
    ranks = competition_ranks(scores)
    order = np.lexsort((np.arange(n), np.where(ranks > 0, ranks, n + 1)))
    incomplete = scored & ((~present) & (w > 0)).any(axis=1)
    return Result(prepared, raw, w, effective, contributions, scores, ranks, order, incomplete,
                  _messages(prepared, w, scored, incomplete, criteria))


def _messages(p: Prepared, w: np.ndarray, scored: np.ndarray, incomplete: np.ndarray,
              criteria: tuple[Criterion, ...]) -> tuple[str, ...]:
    clubs = p.scenario.clubs
    out: list[str] = []
    for j in np.flatnonzero(p.flat):
        c = criteria[j]
        unit = f" {c.unit}" if c.unit else ""
        if p.lo[j] == p.hi[j] or c.direction is not Direction.TARGET:
            why = f"every club has the same value ({p.lo[j]:g}{unit})"
        else:   # different values, but all equally far from the target
            why = f"every club is equally far from the target ({c.target:g}{unit})"
        out.append(f"{c.label} cannot separate the clubs: {why}, so it gives all of them the same points.")
    for i in np.flatnonzero(incomplete):
        gaps = [criteria[j].label for j in np.flatnonzero(np.isnan(p.utilities[i]) & (w > 0))]
        out.append(f"{clubs[i].name} is scored without {', '.join(gaps)} (figure missing): "
                   "its other weights are scaled up to fill the gap.")
    for i in np.flatnonzero(~scored):
        out.append(f"{clubs[i].name} is not ranked: it has no figure for any weighted criterion.")
    if len(clubs) == 1:
        out.append("Only one club: scores on the candidates' own range cannot compare it with anything; "
                   "use fixed scales or add a club.")
    return tuple(out)


def rounded_contributions(result: Result, decimals: int = 1) -> np.ndarray:
    """Contributions rounded so each row adds up to the rounded score (largest remainder)."""
    c = result.contributions
    q = 10.0 ** decimals
    floor = np.floor(c * q + 1e-9)
    target = np.round(np.nan_to_num(result.scores) * q)
    short = np.clip(target - floor.sum(axis=1), 0, c.shape[1]).astype(int)
    # Give the missing hundredths (tenths...) to the parts that lost the most in flooring.
    order = np.argsort(-(c * q - floor), axis=1, kind="stable")
    place = np.empty_like(order)
    np.put_along_axis(place, order, np.arange(c.shape[1])[None, :].repeat(c.shape[0], axis=0), axis=1)
    return (floor + (place < short[:, None])) / q
