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
from math import isnan

import numpy as np

from evaluator.decision.results import MISSING_UTILITY, Prepared, Result, _messages, rows_of
from evaluator.model import Scenario


class SmallPrepared(Prepared):
    """Made by ``of`` (not the dataclass constructor: that would need the arrays); after
    ``dataclasses.replace`` it holds arrays like any ``Prepared``."""

    _raw: list[list[float]]      # per criterion, each club's figure (NaN where missing)
    _cols: list[tuple[list[float], float, float, bool]]   # per criterion: small.column_utilities

    @classmethod
    def of(cls, scenario: Scenario, raw: list[list[float]],
           cols: list[tuple[list[float], float, float, bool]]) -> SmallPrepared:
        p = object.__new__(cls)
        gaps = False    # a utility is NaN where the figure is missing (as np.isnan(u) in prepare)
        for c in cols:
            gaps = gaps or any(map(isnan, c[0]))
        p.__dict__.update(scenario=scenario, _raw=raw, _cols=cols, any_missing=gaps,
                          shape=(len(scenario.clubs), len(cols)),
                          float_columns=None if gaps else [c[0] for c in cols])
        return p

    @cached_property
    def rows(self) -> tuple[list[list[float]], list[list[float]] | None]:
        if "_cols" not in self.__dict__:    # made by dataclasses.replace: from its arrays
            return rows_of(self)
        u_rows = [list(r) for r in zip(*[c[0] for c in self._cols])] or [[] for _ in range(self.shape[0])]
        if not self.any_missing:
            return u_rows, None
        mask = [[0.0 if x == x else 1.0 for x in r] for r in u_rows]
        return [[x if x == x else MISSING_UTILITY for x in r] for r in u_rows], mask

    @cached_property
    def values(self) -> np.ndarray:  # a dataclass field, built on first read
        return _by_club(self._raw, self.shape, float)

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
        mask = self.rows[1]
        return np.zeros(self.shape, dtype=bool) if mask is None else np.array(mask, dtype=bool).reshape(self.shape)


def _by_club(columns: list[list[float]], shape: tuple[int, int], dtype: type) -> np.ndarray:
    """(clubs, criteria) C-ordered array from one list per criterion."""
    return np.ascontiguousarray(np.array(columns, dtype=dtype).reshape(shape[1], shape[0]).T)


Weighed = tuple[list[list[float]], list[list[float]], list[float], list[bool], list[float], list[float]]


class SmallResult(Result):
    """Made by ``of`` from what ``scoring._score_small`` computed in floats: either ``weighed``
    (``small.weigh``: some figure missing) or ``contribution_columns`` (``small.weigh_complete``)."""

    _w: list[float]
    _scores: list[float]        # NaN = not scored
    _ranks: list[int]
    _order: list[int]
    _weighed: Weighed | None
    _contribution_columns: list[list[float]] | None

    @classmethod
    def of(cls, prepared: Prepared, raw: np.ndarray, w: list[float], scores: list[float], ranks: list[int],
           order: list[int], weighed: Weighed | None = None,
           contribution_columns: list[list[float]] | None = None) -> SmallResult:
        r = object.__new__(cls)
        r.__dict__.update(prepared=prepared, raw_weights=raw, _w=w, _scores=scores, _ranks=ranks, _order=order,
                          _weighed=weighed, _contribution_columns=contribution_columns)
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
    def _scored(self) -> list[bool]:
        return [True] * len(self._scores) if self._weighed is None else self._weighed[3]

    @cached_property
    def scored(self) -> np.ndarray | None:
        return None if all(self._scored) else np.array(self._scored, dtype=bool)

    @cached_property
    def ranks(self) -> np.ndarray:
        return np.array(self._ranks)

    @cached_property
    def effective(self) -> np.ndarray:
        if self._weighed is not None:
            return np.array(self._weighed[0])
        return np.array([self._w] * len(self._scores)).reshape(len(self._scores), len(self._w))

    @cached_property
    def contributions(self) -> np.ndarray:
        if self._weighed is not None:
            return np.array(self._weighed[1])
        assert self._contribution_columns is not None
        return _by_club(self._contribution_columns, (len(self._scores), len(self._w)), float)

    @cached_property
    def score_low(self) -> np.ndarray:
        return np.array(self._scores if self._weighed is None else self._weighed[4])

    @cached_property
    def score_high(self) -> np.ndarray:
        return np.array(self._scores if self._weighed is None else self._weighed[5])

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
