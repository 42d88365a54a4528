"""The scenario: clubs, criteria and figures as plain, immutable data.

Nothing here knows a club, league or criterion by name: a scenario with any clubs (>= 1) and
any criteria (>= 1) is valid. Validation happens once, at construction, so the scorer can
trust every number it sees.
"""
from __future__ import annotations

import copy

import math
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum
from pathlib import Path

from evaluator.errors import InputError, shown
from evaluator.people import OLDEST_PLAYER, Player, Profile, check_player   # who a case is about and for; kept importable from here

# The weights panel's sliders and spin boxes reach 0-100. Files and the command line may give
# larger raw weights; anything said about "the slider" stays within this range.
SLIDER_MAX = 100.0


class Direction(str, Enum):
    HIGHER = "higher"   # more is better
    LOWER = "lower"     # less is better
    TARGET = "target"   # closest to a target value is best

    @classmethod
    def parse(cls, raw: object, where: str) -> "Direction":
        try:
            return cls(str(raw).strip().lower())
        except ValueError:
            allowed = ", ".join(d.value for d in cls)
            raise InputError(f"{where}: unknown direction {shown(raw)} (use one of: {allowed})") from None


class FigureStatus(str, Enum):
    SOURCED = "sourced"   # computed from a named file or taken from a named source
    USER = "user"         # entered by the user, with the source they gave
    MISSING = "missing"   # nobody could source it: shown as missing, never invented


USER_NOTE = "entered by the user"   # the note a figure typed in the window carries


@dataclass(frozen=True)
class Figure:
    """One number about one club, with where it came from and when it was true."""

    value: float | None
    source: str = ""
    as_of: date | None = None
    status: FigureStatus = FigureStatus.SOURCED
    note: str = ""
    stale: str = ""      # non-empty when the data behind it is older than the date it is used for


    @property
    def missing(self) -> bool:
        return self.value is None

    @staticmethod
    def missing_figure(note: str = "no source found") -> "Figure":
        return Figure(value=None, source="", as_of=None, status=FigureStatus.MISSING, note=note)


@dataclass(frozen=True)
class Column:
    """A kind of figure every club has (criterion or context), e.g. points or defender age."""

    id: str
    label: str
    unit: str = ""
    decimals: int = 2
    minimum: float | None = None   # values below are rejected at load (e.g. negative ages)
    maximum: float | None = None
    description: str = ""
    group: str = ""      # columns of one group measure the same thing on other players (e.g. "age")


SCALE_KINDS = ("own", "reference", "fixed")
STALE_DAYS = 14     # data older than this, on the date it is used for, is said to be stale


def stale_note(data_date: date | None, used_for: date | None, what: str, consequence: str) -> str:
    """The one staleness rule: '<what> of D used for A; <consequence>' when A is more than
    ``STALE_DAYS`` days after D, else ''."""
    if data_date is None or used_for is None or (used_for - data_date).days <= STALE_DAYS:
        return ""
    return f"{what} of {data_date.isoformat()} used for {used_for.isoformat()}; {consequence}"


@dataclass(frozen=True)
class Scale:
    """How raw values map to 0-1.

    kind "own": the candidates' own range (min..max of the clubs that have the figure);
    "reference": the range across every club of the candidates' leagues, filled in (lo, hi,
    reason) by the data layer from ``Scenario.references``; "fixed": lo..hi as given, with
    the reason in ``reason``. An empty kind is read from the bounds (fixed if both are set,
    else own), as files written before scale kinds had it. A reference scale whose range is
    not known (no league tables behind the scenario) scores on the own range, with a message.
    """

    lo: float | None = None
    hi: float | None = None
    kind: str = ""
    reason: str = ""     # why this range / what it covers, shown beside the criterion

    @property
    def fixed(self) -> bool:
        """True when the bounds are known: the scorer maps on lo..hi, not on the clubs' range."""
        return self.lo is not None and self.hi is not None

    def bounds(self) -> tuple[float, float]:
        """(lo, hi) of a fixed scale; one that is not fixed has none."""
        if self.lo is None or self.hi is None:
            raise TypeError("the scale is not fixed: it has no lo and hi")
        return float(self.lo), float(self.hi)

    @property
    def mode(self) -> str:
        return self.kind or ("fixed" if self.fixed else "own")


@dataclass(frozen=True)
class Reference:
    """One column's range across every club of the candidates' leagues on the as-of date."""
    lo: float
    hi: float
    text: str            # e.g. "all 56 clubs of 3 leagues on 2025-11-28"


@dataclass(frozen=True)
class Criterion:
    id: str
    label: str
    column: str                  # which Column of figures this criterion scores
    direction: Direction
    unit: str = ""
    target: float | None = None  # required when direction is TARGET
    scale: Scale = field(default_factory=Scale)
    description: str = ""
    # TARGET only: the value falls linearly from 1 at the target to 0 at target +/- tolerance.
    # None (files before tolerances): the clubs' distances to the target are scaled between the
    # nearest (1) and the farthest (0), or on a fixed scale up to its farther end.
    tolerance: float | None = None

    def target_value(self) -> float:
        """The target of a TARGET criterion (validate() requires it there)."""
        if self.target is None:
            raise TypeError(f"criterion {self.id!r} has no target")
        return float(self.target)

    @property
    def absolute(self) -> bool:
        """Whether a club's utility depends on its own figure only (a fixed scale, or a target
        with a tolerance), not on the other clubs' figures."""
        return self.scale.fixed or (self.direction is Direction.TARGET and self.tolerance is not None)


@dataclass(frozen=True)
class Club:
    id: str
    name: str
    league: str = ""
    figures: dict[str, Figure] = field(default_factory=dict)

    def figure(self, column_id: str) -> Figure:
        return self.figures.get(column_id) or Figure.missing_figure("not in the scenario")


@dataclass(frozen=True)
class DataCheck:
    """What a check of the data behind the figures found (e.g. two sources compared)."""
    text: str                          # one line in plain words
    agree: bool                        # False: the user should know before trusting the figures
    details: tuple[str, ...] = ()      # one line per finding (each disagreement)
    kind: str = "cross-check"          # "cross-check", "missing results", "unreadable" or "warning"


@dataclass(frozen=True)
class Scenario:
    title: str
    subject: str                      # e.g. "Sergio Ramos leaving Monterrey"
    as_of: date | None
    clubs: tuple[Club, ...]
    criteria: tuple[Criterion, ...]
    columns: tuple[Column, ...]
    weights: dict[str, float]         # raw importance per criterion id, >= 0
    notes: str = ""
    case_file: str = ""               # the case definition it was built from, if any
    case_sha256: str = ""             # that case file's digest when saved together (see atomic.write_group)
    data_checks: tuple[DataCheck, ...] = ()   # e.g. two sources of one league compared
    references: dict[str, Reference] = field(default_factory=dict)   # column id -> league-wide range
    legend: dict[str, str] = field(default_factory=dict)   # per-row source code in a data file -> full name
    profiles: tuple[Profile, ...] = ()   # named weight sets saved with the document (see Profile)
    player: Player | None = None      # who the case is about, when described (``subject`` is the one line)

    def __post_init__(self) -> None:
        validate(self)

    def column(self, column_id: str) -> Column:
        for c in self.columns:
            if c.id == column_id:
                return c
        raise KeyError(column_id)

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def with_weights(self, weights: dict[str, float]) -> "Scenario":
        # Only the weights are new: check them, not every club's figures again (67 ms at 1,000 clubs).
        new = copy.copy(self)
        object.__setattr__(new, "weights", {**self.weights, **weights})
        validate_weights(new)
        return new

    def alternatives(self, criterion_id: str) -> tuple[Column, ...]:
        """Columns the criterion can switch to: its column's group (itself included), or ()."""
        group = self.column(self.criterion(criterion_id).column).group
        return tuple(c for c in self.columns if group and c.group == group)


def validate_weights(s: Scenario) -> None:
    for cid in s.weights:
        if cid not in {c.id for c in s.criteria}:
            raise InputError(f"scenario.weights.{cid}: no criterion has this id")
    for cr in s.criteria:
        w = check_number(s.weights.get(cr.id, 0.0), f"scenario.weights.{cr.id}", MAX_WEIGHT)
        if w < 0:
            raise InputError(f"scenario.weights.{cr.id}: weight {w:g} is negative; weights are 0 or more")


def in_force(scale: Scale, column: str, references: dict[str, Reference]) -> Scale:
    """A reference scale with this scenario's league-wide range filled in (unknown: bounds
    cleared, so the scorer falls back to the own range); other kinds unchanged."""
    if scale.mode == "own":
        return Scale(kind=scale.kind)
    if scale.mode != "reference":
        return scale
    ref = references.get(column)
    if ref is None or not ref.hi > ref.lo:
        return Scale(kind="reference")
    return Scale(ref.lo, ref.hi, "reference", ref.text)


def definitions(criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
    """The criteria as the user defined them: a reference scale without the range the date gave it
    (a new as-of date moves the ranges; the criteria are still the same criteria)."""
    return tuple(replace(c, scale=Scale(kind="reference")) if c.scale.mode == "reference" else c for c in criteria)


def with_references(criteria: tuple[Criterion, ...], references: dict[str, Reference]) -> tuple[Criterion, ...]:
    return tuple(replace(c, scale=in_force(c.scale, c.column, references)) for c in criteria)


MAX_MAGNITUDE = 1e9   # figures, targets and scale ends: far beyond any real figure, far from overflow
MAX_WEIGHT = 1e9      # weights are relative; huge ones only overflow the sum (1e308 + 1e308)


def check_number(value: object, where: str, limit: float | None = None) -> float:
    """A finite real number (within ``limit`` either side when given), or an InputError naming ``where``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{where}: expected a number, got {shown(value)}")
    try:
        v = float(value)
    except OverflowError:   # an int of hundreds of digits
        raise InputError(f"{where}: {shown(value)} is too large") from None
    if math.isnan(v):
        raise InputError(f"{where}: is NaN (not a number)")
    if math.isinf(v):
        raise InputError(f"{where}: is infinite (or too large to use)")
    if limit is not None and abs(v) > limit:
        raise InputError(f"{where}: {v:.3g} is out of range (use numbers between {-limit:g} and {limit:g})")
    return v


def _unique(ids: list[str], where: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if not i or not isinstance(i, str):
            raise InputError(f"{where}: every id must be a non-empty text, got {shown(i)}")
        if i in seen:
            raise InputError(f"{where}: id {shown(i)} appears twice")
        seen.add(i)


def validate(s: Scenario) -> None:
    """Reject what the scorer cannot honestly score, naming the field."""
    if not s.clubs:
        raise InputError("scenario.clubs: the scenario has no clubs; add at least one")
    if not s.criteria:
        raise InputError("scenario.criteria: the scenario has no criteria; add at least one")
    if s.player is not None:
        check_player(s.player, s.as_of, "scenario.player")
    _unique([c.id for c in s.columns], "scenario.columns")
    _unique([c.id for c in s.criteria], "scenario.criteria")
    _unique([c.id for c in s.clubs], "scenario.clubs")
    columns = {c.id: c for c in s.columns}
    for i, col in enumerate(s.columns):
        where = f"scenario.columns[{i}] ({col.id})"
        if isinstance(col.decimals, bool) or not isinstance(col.decimals, int) or not 0 <= col.decimals <= 6:
            raise InputError(f"{where}.decimals: expected a whole number from 0 to 6, got {shown(col.decimals)}")
        if col.minimum is not None and col.maximum is not None and col.minimum > col.maximum:
            raise InputError(f"{where}: minimum ({col.minimum:g}) is above maximum ({col.maximum:g})")
    for i, cr in enumerate(s.criteria):
        where = f"scenario.criteria[{i}] ({cr.id})"
        if cr.column not in columns:
            raise InputError(f"{where}.column: unknown column {shown(cr.column)}")
        if not isinstance(cr.direction, Direction):
            Direction.parse(cr.direction, f"{where}.direction")
        if cr.direction is Direction.TARGET:
            if cr.target is None:
                raise InputError(f"{where}.target: direction 'target' needs a target value")
            check_number(cr.target, f"{where}.target", MAX_MAGNITUDE)
        if cr.tolerance is not None and not check_number(cr.tolerance, f"{where}.tolerance", MAX_MAGNITUDE) > 0:
            raise InputError(f"{where}.tolerance: {cr.tolerance:g} must be above 0 (the distance from the "
                             "target at which the value reaches 0)")
        for name in ("lo", "hi"):
            v = getattr(cr.scale, name)
            if v is not None:
                check_number(v, f"{where}.scale.{name}", MAX_MAGNITUDE)
        if cr.scale.kind not in ("", *SCALE_KINDS):
            raise InputError(f"{where}.scale.kind: unknown kind {shown(cr.scale.kind)} (use one of: {', '.join(SCALE_KINDS)})")
        if cr.scale.kind == "fixed" and not cr.scale.fixed:
            raise InputError(f"{where}.scale: a fixed scale needs lo and hi")
        if (cr.scale.lo is None) != (cr.scale.hi is None):
            raise InputError(f"{where}.scale: give both lo and hi for a fixed scale, or neither")
        if cr.scale.lo is not None and cr.scale.hi is not None and not cr.scale.hi > cr.scale.lo:
            raise InputError(f"{where}.scale: hi ({cr.scale.hi}) must be above lo ({cr.scale.lo})")
    validate_weights(s)
    for ci, club in enumerate(s.clubs):
        for col_id, fig in club.figures.items():
            column, v = columns.get(col_id), fig.value
            # The common case first, without building the field's name: a float in range (NaN
            # fails every comparison). Each scenario is checked once or twice per edit, and at
            # 50 clubs the names alone were most of the cost; anything else takes the full check.
            if column is not None and (v is None or (type(v) is float and -MAX_MAGNITUDE <= v <= MAX_MAGNITUDE
                                                     and (column.minimum is None or v >= column.minimum)
                                                     and (column.maximum is None or v <= column.maximum))):
                continue
            _check_figure(f"scenario.clubs[{ci}] ({club.name}).figures.{col_id}", col_id, v, column)


def _check_figure(where: str, col_id: str, value: float | None, column: Column | None) -> None:
    if column is None:
        raise InputError(f"{where}: unknown column {shown(col_id)}")
    if value is None:
        return
    v = check_number(value, f"{where}.value", MAX_MAGNITUDE)
    if column.minimum is not None and v < column.minimum:
        raise InputError(f"{where}.value: {v:g} is below the minimum {column.minimum:g} for {column.label}")
    if column.maximum is not None and v > column.maximum:
        raise InputError(f"{where}.value: {v:g} is above the maximum {column.maximum:g} for {column.label}")


@dataclass(frozen=True)
class ClubSource:
    """Where one club's figures come from: its league's match file and, optionally, a squad list."""
    name: str
    matches: Path
    squad: Path | None = None
    team: str = ""               # name in the match file when it differs and no alias covers it


@dataclass(frozen=True)
class CaseDefinition:
    """A case file: which clubs from which files, scored on which criteria, on which date."""
    path: Path
    title: str
    subject: str
    as_of: date
    clubs: tuple[ClubSource, ...]
    criteria: tuple[Criterion, ...]
    weights: dict[str, float]
    include_doubtful: bool = False
    aliases: Path | None = None
    notes: str = ""
    cross_check: tuple[Path, ...] = ()   # second sources of the same leagues, compared, not scored
    player: Player | None = None         # who the case is about, when described
