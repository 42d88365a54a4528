"""The session: the single source of truth for the open scenario and its weights.

Views never keep their own copy of a number: they call a setter here and redraw from the
``Result`` that every listener receives. Invalid input raises ``InputError`` and leaves the
previous state untouched.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Callable, Protocol

import numpy as np

from evaluator.decision.model import (
    Criterion, Direction, Figure, FigureStatus, Scale, Scenario, check_number,
)
from evaluator.decision.scoring import Prepared, Result, prepare, score
from evaluator.errors import InputError

Listener = Callable[[Result], None]


class FigureSource(Protocol):
    """Recomputes a scenario's figures for another as-of date. The data layer provides one
    (evaluator.data.workspace.CaseWorkspace); the decision layer never reads files itself."""

    def rebuild(self, as_of: date, current: Scenario) -> Scenario: ...


_KEEP: Any = object()
MAX_WEIGHT = 1e9


class Session:
    def __init__(self, scenario: Scenario, source: FigureSource | None = None) -> None:
        self.source = source
        self._listeners: list[Listener] = []
        self._scenario = scenario
        self._prepared = prepare(scenario)
        self._weights = self._weight_vector(scenario, scenario.weights)
        self._result = score(self._prepared, self._weights)

    # --- reading -------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        """The scenario with the current weights folded in (what a save writes)."""
        return self._scenario.with_weights(self.weights)

    @property
    def result(self) -> Result:
        return self._result

    @property
    def weights(self) -> dict[str, float]:
        return {c.id: float(w) for c, w in zip(self._scenario.criteria, self._weights)}

    def subscribe(self, listener: Listener) -> None:
        """``listener(result)`` is called after every change (never on subscribe)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    # --- changing ------------------------------------------------------------------
    def set_weight(self, criterion_id: str, value: float) -> None:
        j = self._index(criterion_id)
        v = self._check_weight(value, criterion_id)
        if self._weights[j] == v:
            return
        w = self._weights.copy()
        w[j] = v
        self._weights = w
        self._rescore()

    def set_weights(self, weights: dict[str, float]) -> None:
        w = self._weights.copy()
        for cid, value in weights.items():
            w[self._index(cid)] = self._check_weight(value, cid)
        self._weights = w
        self._rescore()

    def set_scenario(self, scenario: Scenario, keep_weights: bool = False,
                     source: FigureSource | None = _KEEP) -> None:
        """Open another scenario (or a recomputed one); weights come from it unless kept.
        ``source`` replaces where figures are recomputed from (a newly opened file's case)."""
        weights = self.weights if keep_weights else scenario.weights
        prepared = prepare(scenario)
        vector = self._weight_vector(scenario, {**scenario.weights, **{
            k: v for k, v in weights.items() if k in {c.id for c in scenario.criteria}}})
        self._scenario, self._prepared, self._weights = scenario, prepared, vector
        if source is not _KEEP:
            self.source = source
        self._rescore()

    def set_direction(self, criterion_id: str, direction: Direction | str,
                      target: float | None = None) -> None:
        d = direction if isinstance(direction, Direction) else Direction.parse(direction, criterion_id)
        self._replace_criterion(criterion_id, direction=d,
                                target=target if target is not None else self._criterion(criterion_id).target)

    def set_scale(self, criterion_id: str, scale: Scale) -> None:
        self._replace_criterion(criterion_id, scale=scale)

    def set_figure(self, club_id: str, column_id: str, value: float | None, source: str,
                   as_of: date | None) -> None:
        """Enter (or clear, with ``None``) a figure by hand; a value needs a source."""
        if value is not None:
            check_number(value, f"{column_id} value")
            if not source.strip():
                raise InputError(f"{column_id}: say where the figure comes from (source is empty)")
        clubs = list(self._scenario.clubs)
        for i, club in enumerate(clubs):
            if club.id == club_id:
                fig = (Figure(float(value), source.strip(), as_of, FigureStatus.USER, "entered by the user")
                       if value is not None else Figure.missing_figure("cleared by the user"))
                clubs[i] = replace(club, figures={**club.figures, column_id: fig})
                break
        else:
            raise InputError(f"club {club_id!r}: not in the scenario")
        self.set_scenario(replace(self._scenario, clubs=tuple(clubs)), keep_weights=True)

    @property
    def can_recompute(self) -> bool:
        """Whether figures can be recomputed from files (a date change, an added club)."""
        return self.source is not None

    def set_as_of(self, day: date) -> None:
        """Recompute every figure for ``day``; on bad input the previous figures stay."""
        if self.source is None:
            raise InputError("as-of date: this scenario has no case file to recompute its figures from")
        self.set_scenario(self.source.rebuild(day, self.scenario), keep_weights=True)

    def recompute(self) -> None:
        """Recompute on the current date, after the case itself changed (club added, rule switched)."""
        day = self._scenario.as_of
        if day is None:
            raise InputError("as-of date: the scenario has none, so figures cannot be recomputed")
        self.set_as_of(day)

    # --- internals -----------------------------------------------------------------
    def _rescore(self) -> None:
        self._result = score(self._prepared, self._weights)
        for listener in list(self._listeners):
            listener(self._result)

    def _replace_criterion(self, criterion_id: str, **changes: object) -> None:
        crit = tuple(replace(c, **changes) if c.id == criterion_id else c  # type: ignore[arg-type]
                     for c in self._scenario.criteria)
        self._index(criterion_id)
        self.set_scenario(replace(self._scenario, criteria=crit), keep_weights=True)

    def _criterion(self, criterion_id: str) -> Criterion:
        return self._scenario.criteria[self._index(criterion_id)]

    def _index(self, criterion_id: str) -> int:
        for j, c in enumerate(self._scenario.criteria):
            if c.id == criterion_id:
                return j
        raise InputError(f"weight: no criterion has the id {criterion_id!r}")

    @staticmethod
    def _check_weight(value: float, criterion_id: str) -> float:
        v = check_number(value, f"weight of {criterion_id}")
        if v < 0:
            raise InputError(f"weight of {criterion_id}: {v:g} is negative; weights are 0 or more")
        if v > MAX_WEIGHT:   # weights are relative; huge ones only overflow the sum (1e308 + 1e308)
            raise InputError(f"weight of {criterion_id}: {v:g} is too large; weights are relative, "
                             f"use numbers up to {MAX_WEIGHT:g}")
        return v

    @staticmethod
    def _weight_vector(scenario: Scenario, weights: dict[str, float]) -> np.ndarray:
        return np.array([float(weights.get(c.id, 0.0)) for c in scenario.criteria])

    @property
    def prepared(self) -> Prepared:
        return self._prepared
