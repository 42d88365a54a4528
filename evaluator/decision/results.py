"""What scoring produces: ``Prepared`` (per scenario) and ``Result`` (per weight vector), with
the messages they carry. ``scoring`` computes them (its docstring has the rules);
``small_results`` holds the plain-float path's versions, whose arrays are built on first read.
"""
from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from evaluator.model import Direction, Scenario

MISSING_UTILITY = 0.5  # the middle of the scale: where a missing figure's score range is centred
_SERIALS = itertools.count()


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
    def shape(self) -> tuple[int, int]:
        """(clubs, criteria), without building the arrays of the plain-float path."""
        n, k = self.utilities.shape
        return n, k

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
        return rows_of(self)

    @cached_property
    def float_columns(self) -> list[list[float]] | None:
        """Each criterion's utilities as a list of floats when no figure is missing (else None),
        for the small path's criterion-by-criterion weighing."""
        return None if self.any_missing else self.columns.tolist()

    @cached_property
    def memo(self) -> dict[tuple[object, ...], object]:
        """Weight-free parts the robustness analyses derive from these figures, by key: a slider
        move keeps the ``Prepared`` and only re-weights them (``flips.py``, ``rank_reversal.py``). Left out of a pickle:
        a worker process gets a fresh copy each time and would only carry it back and forth."""
        return {}

    @cached_property
    def token(self) -> tuple[int, int]:
        """(process, serial): names this Prepared in its copies, so a worker process sent one
        copy after another of it keeps one memo for them all (``robustness.exact_job``)."""
        return os.getpid(), next(_SERIALS)

    def __getstate__(self) -> dict[str, object]:
        state = {k: v for k, v in self.__dict__.items() if k != "memo"}
        state["token"] = self.token
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)

    @cached_property
    def fixed_messages(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The messages that do not depend on the weights: (before, after) the per-club ones."""
        return _flat_messages(self), _closing_messages(self)


def rows_of(p: Prepared) -> tuple[list[list[float]], list[list[float]] | None]:
    """``Prepared.rows`` from the arrays."""
    mask = p.missing.astype(float).tolist() if p.missing.any() else None
    return p.utilities.tolist(), mask


@dataclass(frozen=True)
class Result:
    """Everything a view or the report needs for one set of weights.

    ``score`` computes the scores and the ranking (what every tick needs); the per-club parts
    below (contributions, score ranges, messages...) are derived on first access, so a tick at
    100,000 clubs pays for them only if a view reads them. ``_unweighted`` fills them in up
    front (``_seed``); the plain-float path's ``SmallResult`` builds each from floats on first read."""

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
