"""``Prepared`` and ``Result`` of the plain-float path (``small``): the same numbers, held as
Python floats, each array built from them the first time it is read.

Why: at 3 clubs x 3 criteria building one small NumPy array costs about a microsecond, as much
as the whole weighted sum or the whole ranking in floats, and a ``Prepared`` plus a ``Result``
hold fifteen of them. ``prepare`` still computes every utility and scale, and ``score`` every
club's weights, contributions, score, score range, rank and the order (the ranking is done
when it returns); left for the first read are the list-to-array copies and the two per-club
extras the NumPy path defers too (which clubs are incomplete, the messages).
tests/test_scoring_fast.py checks every array and message against the old eager scorer.
"""
from __future__ import annotations

from functools import cached_property

import numpy as np

from evaluator.decision.results import Prepared, Result, _messages
from evaluator.model import Scenario


class SmallPrepared(Prepared):
    """Made by ``of`` (not the dataclass constructor: that would need the arrays); after
    ``dataclasses.replace`` it holds arrays like any ``Prepared``."""

    _flat_values: list[float]           # club by club, NaN where missing
    _cols: list[tuple[list[float], float, float, bool]]   # per criterion: (u, lo, hi, flat)
    _mask: list[list[float]] | None      # 1.0 where missing, None when nothing is

    @classmethod
    def of(cls, scenario: Scenario, flat_values: list[float], cols: list[tuple[list[float], float, float, bool]],
           u_rows: list[list[float]], mask: list[list[float]] | None) -> SmallPrepared:
        p = object.__new__(cls)
        p.__dict__.update(scenario=scenario, _flat_values=flat_values, _cols=cols, _mask=mask,
                          rows=(u_rows, mask), any_missing=mask is not None,
                          shape=(len(u_rows), len(cols)))
        return p

    @cached_property
    def values(self) -> np.ndarray:  # a dataclass field, built on first read
        return np.array(self._flat_values, dtype=float).reshape(self.shape)

    @cached_property
    def utilities(self) -> np.ndarray:
        return np.array(self.rows[0], dtype=float).reshape(self.shape)

    @cached_property
    def lo(self) -> np.ndarray:
        return np.array([c[1] for c in self._cols], dtype=float)

    @cached_property
    def hi(self) -> np.ndarray:
        return np.array([c[2] for c in self._cols], dtype=float)

    @cached_property
    def flat(self) -> np.ndarray:
        return np.array([c[3] for c in self._cols], dtype=bool)

    @cached_property
    def missing(self) -> np.ndarray:
        if self._mask is None:
            return np.zeros(self.shape, dtype=bool)
        return np.array(self._mask, dtype=bool).reshape(self.shape)


class SmallResult(Result):
    """Made by ``of`` from what ``scoring._score_small`` computed in floats."""

    _w: list[float]
    _scores: list[float]        # NaN = not scored
    _ranks: list[int]
    _order: list[int]
    _effective: list[list[float]]
    _contributions: list[list[float]]
    _scored: list[bool]
    _low: list[float]
    _high: list[float]

    @classmethod
    def of(cls, prepared: Prepared, raw: np.ndarray, w: list[float], scores: list[float], ranks: list[int],
           order: list[int], effective: list[list[float]], contributions: list[list[float]], scored: list[bool],
           low: list[float], high: list[float]) -> SmallResult:
        r = object.__new__(cls)
        r.__dict__.update(prepared=prepared, raw_weights=raw, _w=w, _scores=scores, _ranks=ranks, _order=order,
                          _effective=effective, _contributions=contributions, _scored=scored, _low=low,
                          _high=high)
        return r

    @cached_property
    def weights(self) -> np.ndarray:  # a dataclass field, built on first read
        return np.array(self._w)

    @cached_property
    def scores(self) -> np.ndarray:
        return np.array(self._scores)

    @cached_property
    def order(self) -> np.ndarray:
        return np.array(self._order)

    @cached_property
    def scored(self) -> np.ndarray | None:
        return None if all(self._scored) else np.array(self._scored, dtype=bool)

    @cached_property
    def ranks(self) -> np.ndarray:
        return np.array(self._ranks)

    @cached_property
    def effective(self) -> np.ndarray:
        return np.array(self._effective)

    @cached_property
    def contributions(self) -> np.ndarray:
        return np.array(self._contributions)

    @cached_property
    def score_low(self) -> np.ndarray:
        return np.array(self._low)

    @cached_property
    def score_high(self) -> np.ndarray:
        return np.array(self._high)

    @cached_property
    def _positive(self) -> list[bool]:
        return [x > 0 for x in self._w]

    @cached_property
    def _incomplete(self) -> list[bool]:
        mask = self.prepared.rows[1]
        if mask is None:    # no figure missing: nobody is incomplete
            return [False] * len(self._scores)
        positive = self._positive
        return [ok and any(m == 1.0 and p for m, p in zip(mrow, positive)) for ok, mrow in zip(self._scored, mask)]

    @cached_property
    def incomplete(self) -> np.ndarray:
        return np.array(self._incomplete, dtype=bool)

    @cached_property
    def messages(self) -> tuple[str, ...]:
        gaps = [i for i, x in enumerate(self._incomplete) if x]
        unscored = [i for i, ok in enumerate(self._scored) if not ok]
        return _messages(self.prepared, self._positive, gaps, unscored)
