"""The session: the single source of truth for everything a user can change.

It holds one frozen ``State`` (scenario, weights, the case behind the figures, loaded leagues)
and the document it belongs to. Every edit is a transaction: build the new state, recompute
what depends on it, then commit and notify once. An ``InputError`` anywhere leaves the state,
and so the screen, exactly as it was. Listeners get the new ``Result`` and a ``Change`` flag
set; history listeners get an ``Edit`` (before and after) for undo.
"""
from __future__ import annotations

import functools
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

import numpy as np

from evaluator.data import live_case
from evaluator.data.case import DataCache
from evaluator.decision.scoring import Prepared, Result, prepare, score
from evaluator.errors import InputError
from evaluator.model import (
    MAX_MAGNITUDE, USER_NOTE, CaseDefinition, Criterion, Figure, FigureStatus, Player, Scenario, check_number, in_force,
)
from evaluator.session import new_case, saving
from evaluator.session.criteria_edits import CriteriaEditing
from evaluator.session.inputs import check_weight, read_document, weights_of
from evaluator.session.profiles import ProfileEdits
from evaluator.session.season_views import SeasonViews
from evaluator.session.state import Change, Edit, State, changes_between, opened

if TYPE_CHECKING:
    from evaluator.data.league_table import Row
    from evaluator.data.matches import Season
    from evaluator.data.squads import Squad
    from evaluator.session.new_case import NewClub
    from evaluator.session.timeline import Field, SeasonPrepared

Listener = Callable[[Result, Change], None]
EditListener = Callable[[Edit], None]


class Session(ProfileEdits, CriteriaEditing, SeasonViews):   # edit sets: session/profiles.py, criteria_edits.py; season_views.py
    def __init__(self, scenario: Scenario, case: CaseDefinition | None = None, path: Path | None = None,
                 read_only: bool = False) -> None:
        self._listeners: list[Listener] = []
        self._edit_listeners: list[EditListener] = []
        self.cache = DataCache()   # parsed files: a memo, not state (undo never needs it)
        self.path, self.read_only = path, read_only
        self._case_path = case.path if case is not None else None   # the case file this document owns
        self.generation = 0        # grows when another document opens (stale file reads are dropped)
        self._never_saved_work = False   # see never_saved_work
        state = opened(scenario, weights_of(scenario), case)
        self._prepared = prepare(scenario)
        self._state, self._result = state, self._score(state, self._prepared)
        self._season: tuple[object, SeasonPrepared] | None = None   # (what it was built from, the dates' figures)
        self._field: tuple[object, Field] | None = None             # the same for every club of the leagues

    @classmethod
    def from_file(cls, path: Path, read_only: bool = False, allow_outside: bool = False) -> "Session":
        """``allow_outside``: read files the case names outside its folder tree (the user agreed)."""
        scenario, case = read_document(path, allow_outside)
        return cls(scenario, case, path=path, read_only=read_only)

    # --- reading -------------------------------------------------------------------
    @property
    def state(self) -> State:
        return self._state

    @property
    def scenario(self) -> Scenario:
        """The scenario with the current weights and profiles folded in (what a save writes)."""
        return replace(self._state.scenario.with_weights(self._state.weight_dict()), profiles=self._state.profiles)

    @property
    def result(self) -> Result:
        return self._result

    @property
    def prepared(self) -> Prepared:
        return self._prepared

    @property
    def weights(self) -> dict[str, float]:
        return self._state.weight_dict()

    @property
    def case(self) -> CaseDefinition | None:
        return self._state.case

    @property
    def can_recompute(self) -> bool:
        return self._state.live

    @property
    def case_file_name(self) -> str:
        """The case file saved beside the document ("" while untitled or with fixed figures)."""
        return self._case_path.name if self.path is not None and self._case_path is not None else ""

    @property
    def document_name(self) -> str:
        return self.path.name if self.path is not None else "Untitled"

    @property
    def never_saved_work(self) -> bool:
        """True for a case built here (new_case) that no file holds yet: it is unsaved from the
        start, before any edit. An opened file, or an untouched copy of a template, is not."""
        return self._never_saved_work

    def subscribe(self, listener: Listener) -> None:
        """``listener(result, changes)`` is called once after every change (never on subscribe)."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def on_edit(self, listener: EditListener) -> None:
        """``listener(edit)`` is called after each committed edit (not after restore or open)."""
        self._edit_listeners.append(listener)

    def leagues(self) -> tuple[live_case.LeagueChoice, ...]:
        """The leagues a club can be added from, with each team's place on the as-of date."""
        case = self._live_case("add a club")
        return live_case.league_choices(case, self._state.leagues, self._state.scenario.as_of, self.cache)

    def freshness(self) -> tuple[date | None, int]:
        """(latest result date, number of match files) behind the figures; (None, 0) without a case."""
        case = self._state.case
        if case is None:
            return None, 0
        try:
            return live_case.freshness(case, self.cache)
        except (InputError, OSError):
            return None, 0   # a file gone since it was loaded: the status bar just says less

    def guess_club(self, name: str) -> str:
        """The club of the scenario that ``name`` (e.g. a squad list's club column) means."""
        from evaluator.data.names import resolve
        names = [c.name for c in self._state.scenario.clubs]
        try:
            return resolve(name, names)
        except InputError:
            return names[0]

    def table_around(self, club_id: str) -> tuple[str, list[Row]]:
        """The club's name in its match file and the table rows around it (empty when fixed)."""
        case, on = self._state.case, self._state.scenario.as_of
        if case is None or on is None:
            return "", []
        return live_case.table_around(case, self._club(club_id).name, on, self.cache)

    # --- edits: weights and criteria ----------------------------------------------------
    def set_weight(self, criterion_id: str, value: float) -> None:
        j = self._index(criterion_id)
        v = check_weight(value, criterion_id)
        weights = self._state.weights[:j] + (v,) + self._state.weights[j + 1:]
        label = self._state.scenario.criteria[j].label
        self._edit(f"weight of {label}", f"weight:{criterion_id}", replace(self._state, weights=weights))

    def set_weights(self, weights: dict[str, float]) -> None:
        new = list(self._state.weights)
        for cid, value in weights.items():
            new[self._index(cid)] = check_weight(value, cid)
        self._edit("weights", "", replace(self._state, weights=tuple(new)))

    def set_column(self, criterion_id: str, column_id: str) -> None:
        """Score the criterion on another column of its group (e.g. the age of all players,
        defenders or centre-backs); the criterion takes that column's label."""
        crit = self._criterion(criterion_id)
        options = {c.id: c for c in self._state.scenario.alternatives(criterion_id)}
        if column_id not in options:
            raise InputError(f"{crit.label}: cannot be scored on {column_id!r} "
                             f"(choose one of: {', '.join(options) or 'no other column'})")
        if column_id == crit.column:
            return
        self._replace_criterion(crit, f"figure of {crit.label}", column=column_id, label=options[column_id].label,
                                scale=in_force(crit.scale, column_id, self._state.scenario.references))

    # --- edits: figures ---------------------------------------------------------------
    def set_figure(self, club_id: str, column_id: str, value: float | None, source: str,
                   as_of: date | None) -> None:
        """Enter (or clear, with ``None``) a figure by hand; a value needs a source."""
        scenario = self._state.scenario
        if value is not None:
            check_number(value, f"{column_id} value", MAX_MAGNITUDE)
            if not source.strip():
                raise InputError(f"{column_id}: say where the figure comes from (source is empty)")
        club = self._club(club_id)
        fig = (Figure(float(value), source.strip(), as_of, FigureStatus.USER, USER_NOTE)
               if value is not None else Figure.missing_figure("cleared by the user"))
        clubs = tuple(replace(c, figures={**c.figures, column_id: fig}) if c.id == club_id else c
                      for c in scenario.clubs)
        label = scenario.column(column_id).label if column_id in {c.id for c in scenario.columns} else column_id
        what = "entered" if value is not None else "cleared"
        self._edit(f"{label} of {club.name} {what}", "", replace(self._state, scenario=replace(scenario, clubs=clubs)))

    # --- edits: the case --------------------------------------------------------------
    def set_as_of(self, day: date) -> None:
        """Recompute every figure for ``day``; on bad input the previous figures stay."""
        case = self._live_case("change the as-of date")
        self._edit(f"as-of date {day.isoformat()}", "as_of", self._rebuilt(case, on=day))

    def recompute(self) -> None:
        """Recompute every figure from the files on the current date (e.g. after they changed)."""
        self._edit("recompute figures", "", self._rebuilt(self._live_case("recompute figures")))

    def set_include_doubtful(self, include: bool) -> None:
        case = self._live_case("change the doubtful-row rule")
        what = "counting" if include else "leaving out"
        self._edit(f"{what} doubtful squad members", "", self._rebuilt(replace(case, include_doubtful=include)))

    def add_club(self, name: str, matches: Path, squad: Path | None = None, team: str = "") -> None:
        case = self._live_case("add a club")
        self._edit(f"add {name}", "", self._rebuilt(live_case.with_club(case, name, matches, squad, self.cache, team)))

    def remove_club(self, club_id: str) -> None:
        club = self._club(club_id)
        if len(self._state.scenario.clubs) == 1:
            raise InputError(f"{club.name}: the last club cannot be removed; a scenario needs at least one")
        case = self._state.case
        if case is not None:
            after = self._rebuilt(live_case.without_club(case, club.name))
        else:   # fixed figures: the club and its figures simply go
            clubs = tuple(c for c in self._state.scenario.clubs if c.id != club_id)
            after = replace(self._state, scenario=replace(self._state.scenario, clubs=clubs))
        self._edit(f"remove {club.name}", "", after)

    def set_squad(self, club_name: str, path: Path, squad: Squad | None = None) -> None:
        """Use this squad list for the club's ages (``squad``: already read, e.g. on a worker)."""
        case = self._live_case("load a squad list")
        if squad is not None:
            self.cache.squads[path] = squad   # a newer read of the same path replaces the old one
        else:
            self.cache.squad(path)            # fail now, with the file named
        self._edit(f"squad list {path.name} for {club_name}", "",
                   self._rebuilt(live_case.with_squad(case, club_name, path)))

    def league_reader(self, path: Path) -> Callable[[Path], live_case.PreloadedLeague]:
        """A function for a worker thread that reads ``path`` and cross-checks it against the
        leagues loaded now (the costly part of loading a league), so the GUI thread only files
        the answer (``load_league(path, preloaded)``)."""
        case = self._live_case("load a league file")
        order = tuple(dict.fromkeys([*(c.matches for c in case.clubs), *case.cross_check, *self._state.leagues, path]))
        others = {p: self.cache.seasons[p] for p in order if p != path and p in self.cache.seasons}
        from evaluator.data.names import read_aliases
        aliases = read_aliases(case.aliases) if case.aliases else {}
        known = frozenset(k for k in self.cache.pairs if path not in k)   # a file read again is compared afresh
        return functools.partial(live_case.preload_league, order=order, others=others, aliases=aliases, known=known)

    def load_league(self, path: Path, season: Season | live_case.PreloadedLeague | None = None) -> None:
        """A league joins those to pick clubs from and is cross-checked against the others.
        Reading a file again (say, updated since) replaces everything computed from the old copy."""
        case = self._live_case("load a league file")
        if season is None:
            from evaluator.data.matches import read_season
            season = read_season(path)
        self.cache.forget(path)
        if isinstance(season, live_case.PreloadedLeague):
            self.cache.pairs.update(season.pairs)   # compared on the worker: the rebuild finds them
            for p, other in season.also_read.items():
                self.cache.seasons.setdefault(p, other)
            season = season.season
        self.cache.seasons[path] = season
        leagues = self._state.leagues if path in self._state.leagues else (*self._state.leagues, path)
        self._edit(f"load {path.name}", "", self._rebuilt(case, leagues=leagues))

    # --- history and documents ------------------------------------------------------------
    def restore(self, state: State) -> None:
        """Put an earlier state back (undo and redo); nothing is recomputed from files."""
        self._commit(state, self._prepared if state.scenario is self._state.scenario else prepare(state.scenario))

    def open(self, path: Path, read_only: bool = False, allow_outside: bool = False) -> None:
        """Open another document; the current one stays when the file cannot be used."""
        scenario, case = read_document(path, allow_outside)
        self._open(opened(scenario, weights_of(scenario), case), path, read_only)

    def open_as_new(self, path: Path) -> None:
        """A new, untitled document started from the case or scenario at ``path`` (a template)."""
        scenario, case = read_document(path, allow_outside=True)   # a template the app ships
        self._open(opened(scenario, weights_of(scenario), case), None, False)
        self._case_path = None

    def new_case(self, player: Player, as_of: date, clubs: Sequence[NewClub], leagues: Sequence[Path] = (),
                 template: Path | None = None) -> None:
        """A new, untitled case: ``clubs`` on the template's (the bundled case's) criteria and weights."""
        self._open(new_case.new_state(player, as_of, clubs, leagues, self.cache, template), None, False,
                   never_saved_work=True)
        self._case_path = None

    def save(self, path: Path | None = None) -> Path:
        """Save in place (``path`` None) or under a new name, with the case beside it when the
        figures come from files. Raises when in place is impossible (untitled or read-only)."""
        target = path or self.path
        if target is None or (path is None and self.read_only):
            raise InputError(f"{self.document_name}: choose where to save it (it is "
                             + ("read-only)" if self.read_only else "not saved yet)"))
        self._case_path = saving.save_document(self._state, self.scenario, target, self._case_path)
        changed = target != self.path or self.read_only
        self.path, self.read_only, self._never_saved_work = target, False, False
        if changed:
            self._notify(Change.DOCUMENT)
        return target

    def absolute_names(self) -> tuple[str, ...]:
        """Files the saved case names by full path (outside the document's folder tree)."""
        if self._state.case is None or self.path is None:
            return ()
        from evaluator.documents import absolute_names
        return absolute_names(self._state.case, self.path.resolve().parent)

    # --- internals -----------------------------------------------------------------
    def _open(self, state: State, path: Path | None, read_only: bool, never_saved_work: bool = False) -> None:
        prepared = prepare(state.scenario)
        result = self._score(state, prepared)   # before anything changes
        self.path, self.read_only, self.generation = path, read_only, self.generation + 1
        self._never_saved_work = never_saved_work
        self._case_path = state.case.path if state.case is not None else None
        self._state, self._prepared, self._result = state, prepared, result
        self._notify(Change.ALL)

    def _edit(self, label: str, key: str, after: State) -> None:
        if after == self._state:
            return
        before = self._state
        prepared = self._prepared if after.scenario is before.scenario else prepare(after.scenario)
        self._commit(after, prepared)
        edit = Edit(label, key, before, after)
        for listener in list(self._edit_listeners):
            listener(edit)

    def _commit(self, after: State, prepared: Prepared) -> None:
        result = self._score(after, prepared)   # may raise: nothing has changed yet
        changes = changes_between(self._state, after)
        self._state, self._prepared, self._result = after, prepared, result
        self._notify(changes)

    def _notify(self, changes: Change) -> None:
        for listener in list(self._listeners):
            listener(self._result, changes)

    @staticmethod
    def _score(state: State, prepared: Prepared) -> Result:
        return score(prepared, np.array(state.weights, dtype=float))

    def _rebuilt(self, case: CaseDefinition, on: date | None = None,
                 leagues: tuple[Path, ...] | None = None) -> State:
        """The state with ``case`` and every figure recomputed from its files (weights kept)."""
        day = on or self._state.scenario.as_of or case.as_of
        lg = self._state.leagues if leagues is None else leagues
        scenario = live_case.rebuild(case, day, lg, self._state.scenario, self.cache)
        return State(scenario, self._state.weights, case, lg, self._state.profiles)

    def _live_case(self, what: str) -> CaseDefinition:
        if self._state.case is None:
            raise InputError(f"cannot {what}: this scenario has no case file beside it, so its figures are fixed")
        return self._state.case

    def _replace_criterion(self, crit: Criterion, edit_label: str, **changes: Any) -> None:
        scenario = self._state.scenario
        criteria = tuple(replace(c, **changes) if c.id == crit.id else c for c in scenario.criteria)
        self._edit(edit_label, f"criterion:{crit.id}", replace(self._state, scenario=replace(scenario, criteria=criteria)))

    def _club(self, club_id: str) -> Any:
        for c in self._state.scenario.clubs:
            if c.id == club_id:
                return c
        raise InputError(f"club {club_id!r}: not in the scenario")

    def _criterion(self, criterion_id: str) -> Criterion:
        return self._state.scenario.criteria[self._index(criterion_id)]

    def _index(self, criterion_id: str) -> int:
        for j, c in enumerate(self._state.scenario.criteria):
            if c.id == criterion_id:
                return j
        raise InputError(f"weight: no criterion has the id {criterion_id!r}")
