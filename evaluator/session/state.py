"""What a user can change, as one frozen value, and what changed between two of them.

A ``State`` is a snapshot: an edit builds a new one, undo puts an old one back. Equal states
mean an equal case on screen, figures and all.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Flag, auto
from pathlib import Path

from evaluator.model import CaseDefinition, Criterion, Profile, Scale, Scenario


class Change(Flag):
    """What an edit changed, so a view redraws what it must and rebuilds only on a new shape."""
    WEIGHTS = auto()     # raw weights only
    CRITERIA = auto()    # criteria added, removed, reordered or redefined (direction, scale...)
    CLUBS = auto()       # clubs added, removed or reordered
    FIGURES = auto()     # any figure, the as-of date or the data checks
    CASE = auto()        # the files behind the figures, the doubtful-row rule, loaded leagues
    DOCUMENT = auto()    # another document opened, or the same one saved under a name
    PROFILES = auto()    # named weight profiles saved, removed or renamed
    NONE = 0
    SHAPE = CRITERIA | CLUBS
    ALL = WEIGHTS | CRITERIA | CLUBS | FIGURES | CASE | DOCUMENT | PROFILES


@dataclass(frozen=True)
class State:
    scenario: Scenario                   # clubs, criteria and figures with their sources
    weights: tuple[float, ...]           # raw weights, one per criterion in scenario order
    case: CaseDefinition | None = None   # the files the figures come from; None: fixed figures
    leagues: tuple[Path, ...] = ()       # leagues loaded beyond the case's, to pick clubs from
    profiles: tuple[Profile, ...] = ()   # named weight sets; the scenario's own copy is cleared (one truth)

    @property
    def live(self) -> bool:
        """Whether figures can be recomputed from files (a date change, an added club)."""
        return self.case is not None

    def weight_dict(self) -> dict[str, float]:
        return {c.id: w for c, w in zip(self.scenario.criteria, self.weights)}


def changes_between(before: State | None, after: State) -> Change:
    if before is None:
        return Change.ALL
    changed = Change.NONE
    if before.weights != after.weights:
        changed |= Change.WEIGHTS
    if before.scenario is not after.scenario:
        a, b = before.scenario, after.scenario
        if a.criteria != b.criteria and _defined(a.criteria) != _defined(b.criteria):
            changed |= Change.CRITERIA   # a reference range recomputed for a new date is a figure change
        if len(a.clubs) != len(b.clubs) or any(x.id != y.id for x, y in zip(a.clubs, b.clubs)):
            changed |= Change.CLUBS
        changed |= Change.FIGURES   # a new scenario object: its figures, date or checks may differ
    if before.case != after.case or before.leagues != after.leagues:
        changed |= Change.CASE
    if before.profiles != after.profiles:
        changed |= Change.PROFILES
    return changed


@dataclass(frozen=True)
class Edit:
    """One committed edit, for an undo history: redo puts ``after`` back, undo ``before``.
    Edits with the same ``key`` in a row (one slider drag) may merge into one step."""
    label: str          # "weight of Defensive record": the Edit menu says "Undo weight of ..."
    key: str            # e.g. "weight:defence"; "" never merges
    before: State
    after: State


def opened(scenario: Scenario, weights: tuple[float, ...], case: CaseDefinition | None) -> State:
    """The state of a document as read: its profiles move from the scenario into the state."""
    return State(replace(scenario, profiles=()), weights, case, profiles=scenario.profiles)


def _defined(criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
    """The criteria as the user defined them: a reference scale without the range it spans now."""
    return tuple(replace(c, scale=Scale(kind="reference")) if c.scale.mode == "reference" else c for c in criteria)
