"""Shaping the criteria: add from the catalogue, rename, remove, reorder, direction and scale.

Each operation is a pure function from one ``State`` to the next (or an ``InputError`` naming
the field, and nothing changes); ``CriteriaEditing`` gives the session one method per operation,
each one undo step through the session's ``_edit``. The weights tuple stays one per criterion,
in order: it moves with its criterion and goes with it.

The catalogue is data: for a case kept live it is every column the data layer computes
(``club_figures.COLUMNS``, read when asked), for a scenario with fixed figures its own columns.
"""
from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from evaluator.decision.scoring import Prepared
from evaluator.decision.value_functions import Curve, value_curve, value_function
from evaluator.errors import InputError, shown
from evaluator.model import (
    MAX_MAGNITUDE, SCALE_KINDS, SLIDER_MAX, Column, Criterion, Direction, Scale, Scenario, check_number, in_force,
)
from evaluator.report_method import description_after_flip
from evaluator.session.state import State

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from evaluator.data.case import DataCache
    from evaluator.model import CaseDefinition


def catalogue(state: State) -> tuple[Column, ...]:
    """The columns a criterion can be added on."""
    if state.case is None:
        return state.scenario.columns
    from evaluator.data import club_figures   # read now: a column learnt later is offered too
    return tuple(club_figures.COLUMNS)


def default_weight(weights: tuple[float, ...]) -> float:
    """A new criterion's weight: the mean of the others (it counts as much as an average one),
    or the slider's middle when they are all zero."""
    mean = sum(weights) / len(weights) if weights else 0.0
    return mean if mean > 0 else SLIDER_MAX / 2


def new_criterion(scenario: Scenario, column: Column) -> Criterion:
    """A criterion on ``column``: higher is better, on the league-wide reference range when
    the column has one on this date, else on the candidates' own range."""
    taken = {c.id for c in scenario.criteria}
    base = re.sub(r"[^a-z0-9_]+", "_", column.id.lower()).strip("_") or "criterion"
    cid, n = base, 2
    while cid in taken:
        cid, n = f"{base}_{n}", n + 1
    labels = {c.label.casefold() for c in scenario.criteria}
    label, n = column.label, 2
    while label.casefold() in labels:
        label, n = f"{column.label} ({n})", n + 1
    scale = Scale(kind="reference") if column.id in scenario.references else Scale(kind="own")
    return Criterion(cid, label, column.id, Direction.HIGHER, unit=column.unit,
                     scale=in_force(scale, column.id, scenario.references))   # the column's description says what it is


def with_criterion(state: State, column_id: str) -> State:
    """``state`` (already rebuilt from the files for a live case) with a criterion on the column."""
    columns = {c.id: c for c in state.scenario.columns}
    if column_id not in columns:
        offered = ", ".join(c.id for c in catalogue(state))
        raise InputError(f"criterion column: {shown(column_id)} is not in the catalogue (choose one of: {offered})")
    s = state.scenario
    crit = new_criterion(s, columns[column_id])
    weight = default_weight(state.weights)
    scenario = replace(s, criteria=(*s.criteria, crit), weights={**s.weights, crit.id: weight})
    return replace(state, scenario=scenario, weights=(*state.weights, weight))


def check_label(scenario: Scenario, criterion_id: str, label: object) -> str:
    if not isinstance(label, str):
        raise InputError(f"criterion name: expected a text, got {shown(label)}")
    text = " ".join(label.split())
    if not text:
        raise InputError("criterion name: is empty; give the criterion a name")
    if len(text) > 80:
        raise InputError(f"criterion name: {len(text)} characters; use at most 80")
    for c in scenario.criteria:
        if c.id != criterion_id and c.label.casefold() == text.casefold():
            raise InputError(f"criterion name: {shown(text)} is taken by another criterion; choose another")
    return text


def renamed(state: State, criterion_id: str, label: object) -> State:
    return _with(state, criterion_id, label=check_label(state.scenario, criterion_id, label))


def without(state: State, criterion_id: str) -> State:
    s = state.scenario
    j = index(s, criterion_id)
    if len(s.criteria) == 1:
        raise InputError(f"criteria: {s.criteria[j].label} is the last criterion and cannot be removed; "
                         "a scenario needs at least one")
    weights = {k: v for k, v in s.weights.items() if k != criterion_id}
    scenario = replace(s, criteria=s.criteria[:j] + s.criteria[j + 1:], weights=weights)
    return replace(state, scenario=scenario, weights=state.weights[:j] + state.weights[j + 1:])


def moved(state: State, criterion_id: str, new_index: object) -> State:
    s = state.scenario
    j = index(s, criterion_id)
    n = len(s.criteria)
    if isinstance(new_index, bool) or not isinstance(new_index, int) or not 0 <= new_index < n:
        raise InputError(f"criterion position: expected a whole number from 0 to {n - 1}, got {shown(new_index)}")
    order = list(range(n))
    order.insert(new_index, order.pop(j))
    scenario = replace(s, criteria=tuple(s.criteria[i] for i in order))
    return replace(state, scenario=scenario, weights=tuple(state.weights[i] for i in order))


def default_tolerance(target: float, lo: float, hi: float) -> float:
    """The distance from the target to the farther end of the scale in force (what a fixed
    scale without a tolerance always used), or 1 unit when that is no distance at all."""
    d = max(target - lo, hi - target) if not (math.isnan(lo) or math.isnan(hi)) else 0.0
    return d if d > 0 else 1.0


def directed(state: State, prepared: Prepared, criterion_id: str, direction: Direction | str,
             target: object = None, tolerance: object = None) -> State:
    """A new direction; a target takes ``target`` (or keeps its own) within the column's possible
    values, and ``tolerance`` (or its own, or ``default_tolerance`` on the scale in force)."""
    s = state.scenario
    j = index(s, criterion_id)
    crit = s.criteria[j]
    d = direction if isinstance(direction, Direction) else Direction.parse(direction, f"direction of {crit.label}")
    t = crit.target if target is None else check_number(target, f"target of {crit.label}", MAX_MAGNITUDE)
    tol = crit.tolerance if tolerance is None else check_number(tolerance, f"tolerance of {crit.label}", MAX_MAGNITUDE)
    if d is Direction.TARGET and t is not None:
        col = s.column(crit.column)
        unit = f" {col.unit}" if col.unit else ""
        if col.minimum is not None and t < col.minimum or col.maximum is not None and t > col.maximum:
            ends = " to ".join(f"{x:g}" if x is not None else "any" for x in (col.minimum, col.maximum))
            raise InputError(f"target of {crit.label}: {t:g}{unit} is outside the possible values "
                             f"of {col.label} ({ends}{unit})")
        if tol is None:
            tol = default_tolerance(t, float(prepared.lo[j]), float(prepared.hi[j]))
        if not tol > 0:
            raise InputError(f"tolerance of {crit.label}: {tol:g} must be above 0 (the distance from the "
                             "target at which the value reaches 0)")
    flipped = replace(crit, direction=d, target=t, tolerance=tol)
    return _with(state, criterion_id, direction=d, target=t, tolerance=tol,
                 description=description_after_flip(crit, flipped))


def scale_of(scenario: Scenario, crit: Criterion, kind: str, lo: object = None, hi: object = None) -> Scale:
    """A checked scale: "own", "fixed" lo..hi (lo below hi) or "reference" (the column needs a
    league-wide range on this date)."""
    if kind not in SCALE_KINDS:
        raise InputError(f"scale of {crit.label}: unknown kind {shown(kind)} (use one of: {', '.join(SCALE_KINDS)})")
    if kind == "own":
        return Scale(kind="own")
    if kind == "reference":
        if crit.column not in scenario.references:
            raise InputError(f"scale of {crit.label}: no league-wide reference range is known for "
                             f"{scenario.column(crit.column).label} (only match figures of a case with league files have one)")
        return in_force(Scale(kind="reference"), crit.column, scenario.references)
    a = check_number(lo, f"scale minimum of {crit.label}", MAX_MAGNITUDE)
    b = check_number(hi, f"scale maximum of {crit.label}", MAX_MAGNITUDE)
    if not a < b:
        raise InputError(f"scale of {crit.label}: the minimum ({a:g}) must be below the maximum ({b:g})")
    return Scale(a, b, "fixed", "typed in the window")


def rescaled(state: State, criterion_id: str, scale: Scale) -> State:
    """The criterion on ``scale`` (a reference scale takes this scenario's range)."""
    s = state.scenario
    crit = s.criteria[index(s, criterion_id)]
    return _with(state, criterion_id, scale=in_force(scale, crit.column, s.references))


def index(scenario: Scenario, criterion_id: str) -> int:
    for j, c in enumerate(scenario.criteria):
        if c.id == criterion_id:
            return j
    raise InputError(f"criterion: no criterion has the id {shown(criterion_id)}")


def _with(state: State, criterion_id: str, **changes: object) -> State:
    s = state.scenario
    index(s, criterion_id)
    criteria = tuple(replace(c, **changes) if c.id == criterion_id else c for c in s.criteria)  # type: ignore[arg-type]
    return replace(state, scenario=replace(s, criteria=criteria))


class CriteriaEditing:
    """The session's criteria edits (mixed into ``Session``: each is one undo step)."""

    _state: State
    _prepared: Prepared
    cache: DataCache

    if TYPE_CHECKING:
        def _edit(self, label: str, key: str, after: State) -> None: ...
        def _rebuilt(self, case: CaseDefinition, on: date | None = None,
                     leagues: tuple[Path, ...] | None = None) -> State: ...

    def catalogue(self) -> tuple[Column, ...]:
        """Columns a criterion can be added on (label, unit and description for the editor)."""
        return catalogue(self._state)

    def add_criterion(self, column_id: str) -> str:
        """A new last criterion on the column (see ``new_criterion``, ``default_weight``); a live
        case recomputes every figure from its files first. Returns the new criterion's id."""
        offered = catalogue(self._state)
        if column_id not in {c.id for c in offered}:   # before any recomputation
            raise InputError(f"criterion column: {shown(column_id)} is not in the catalogue "
                             f"(choose one of: {', '.join(c.id for c in offered)})")
        base = self._state if self._state.case is None else self._rebuilt(self._state.case)
        after = with_criterion(base, column_id)
        crit = after.scenario.criteria[-1]
        self._edit(f"add criterion {crit.label}", "", after)
        return crit.id

    def rename_criterion(self, criterion_id: str, label: str) -> None:
        old = self._state.scenario.criteria[index(self._state.scenario, criterion_id)].label
        self._edit(f"rename {old}", "", renamed(self._state, criterion_id, label))

    def remove_criterion(self, criterion_id: str) -> None:
        label = self._state.scenario.criteria[index(self._state.scenario, criterion_id)].label
        self._edit(f"remove criterion {label}", "", without(self._state, criterion_id))

    def move_criterion(self, criterion_id: str, new_index: int) -> None:
        label = self._state.scenario.criteria[index(self._state.scenario, criterion_id)].label
        self._edit(f"move {label}", "", moved(self._state, criterion_id, new_index))

    def set_direction(self, criterion_id: str, direction: Direction | str, target: float | None = None,
                      tolerance: float | None = None) -> None:
        after = directed(self._state, self._prepared, criterion_id, direction, target, tolerance)
        label = self._state.scenario.criteria[index(self._state.scenario, criterion_id)].label
        self._edit(f"direction of {label}", f"criterion:{criterion_id}", after)

    def set_scale(self, criterion_id: str, scale: Scale) -> None:
        """A reference scale takes this scenario's league-wide range (kept in the scenario)."""
        label = self._state.scenario.criteria[index(self._state.scenario, criterion_id)].label
        self._edit(f"scale of {label}", f"criterion:{criterion_id}", rescaled(self._state, criterion_id, scale))

    def set_scale_kind(self, criterion_id: str, kind: str, lo: float | None = None, hi: float | None = None) -> None:
        """The editor's scale choice: "own", "fixed" lo..hi typed in, or "reference"."""
        s = self._state.scenario
        self.set_scale(criterion_id, scale_of(s, s.criteria[index(s, criterion_id)], kind, lo, hi))

    def value_curve(self, criterion_id: str, xs: np.ndarray) -> np.ndarray:
        """The criterion's value function (figure -> 0..1) at ``xs``, as the scorer applies it now."""
        return value_curve(self._prepared, index(self._state.scenario, criterion_id), xs)

    def value_function(self, criterion_id: str) -> Curve:
        """The criterion's value function to draw, with each club's figure and value on it."""
        return value_function(self._prepared, index(self._state.scenario, criterion_id))
