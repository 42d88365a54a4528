"""A case kept live: recompute every figure for a new as-of date, add clubs, switch rules.

The session calls ``rebuild(as_of, current)``; what the user changed in the current scenario
(criteria directions and scales, weights, figures entered by hand) is carried over, and every
computed figure is recomputed from the files.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from datetime import date
from pathlib import Path

from evaluator.data.case import CaseDefinition, ClubSource, DataCache, build_scenario, load_case, save_case
from evaluator.decision.model import FigureStatus, Scenario
from evaluator.errors import InputError

if TYPE_CHECKING:   # the readers load on first use (see evaluator.data.case)
    from evaluator.data.league_table import Row
    from evaluator.data.matches import Season
    from evaluator.data.squads import Squad


class CaseWorkspace:
    def __init__(self, case: CaseDefinition, cache: DataCache | None = None) -> None:
        self.case = case
        self.cache = cache or DataCache()
        self.extra_seasons: list[Path] = []   # leagues loaded by the user, beyond the case's

    @classmethod
    def for_scenario(cls, scenario: Scenario, scenario_path: Path) -> "CaseWorkspace | None":
        """The workspace behind a saved scenario, when its case file sits beside it."""
        if not scenario.case_file:
            return None
        case_path = scenario_path.parent / scenario.case_file
        if not case_path.is_file():
            return None
        return cls(load_case(case_path))

    # --- what the session calls ----------------------------------------------------------
    def rebuild(self, as_of: date, current: Scenario) -> Scenario:
        fresh = build_scenario(self.case, as_of=as_of, cache=self.cache, extra_seasons=tuple(self.extra_seasons))
        kept = {c.id: c for c in current.clubs}
        clubs = []
        for club in fresh.clubs:
            old = kept.get(club.id)
            if old is not None:   # figures the user entered by hand survive a recomputation
                hand = {k: f for k, f in old.figures.items() if f.status is FigureStatus.USER}
                club = replace(club, figures={**club.figures, **hand})
            clubs.append(club)
        return replace(fresh, clubs=tuple(clubs), criteria=current.criteria, weights=dict(current.weights),
                       title=current.title, subject=current.subject, notes=current.notes)

    # --- changing the case -------------------------------------------------------------
    def set_include_doubtful(self, include: bool) -> None:
        self.case = replace(self.case, include_doubtful=include)

    def add_club(self, name: str, matches: Path, squad: Path | None = None, team: str = "") -> None:
        if any(c.name == name for c in self.case.clubs):
            raise InputError(f"{name}: already in the scenario")
        self.cache.season(matches)            # fail now, with the file named, not on rebuild
        if squad is not None:
            self.cache.squad(squad)
        source = ClubSource(name=name, matches=matches, squad=squad, team=team or name)
        self.case = replace(self.case, clubs=(*self.case.clubs, source))

    def remove_club(self, name: str) -> None:
        clubs = tuple(c for c in self.case.clubs if c.name != name)
        if len(clubs) == len(self.case.clubs):
            raise InputError(f"{name}: not in the scenario")
        if not clubs:
            raise InputError(f"{name}: the last club cannot be removed; a scenario needs at least one")
        self.case = replace(self.case, clubs=clubs)

    def load_season(self, path: Path) -> Season:
        return self.adopt_season(path, self.cache.season(path))

    def adopt_season(self, path: Path, season: Season) -> Season:
        """A league read elsewhere (e.g. on a worker thread) joins the leagues to pick clubs from
        and is cross-checked against the others on the next recomputation. Reading a file again
        (say, updated since) replaces everything computed from the old copy."""
        self.cache.forget(path)
        self.cache.seasons[path] = season
        if path not in self.extra_seasons:
            self.extra_seasons.append(path)
        return season

    def set_squad(self, club_name: str, path: Path, squad: Squad | None = None) -> ClubSource:
        """Use this squad list for the club's ages from now on; returns the club's previous source,
        so a caller can put it back if the recomputation fails."""
        old = next((c for c in self.case.clubs if c.name == club_name), None)
        if old is None:
            raise InputError(f"{club_name}: not in the scenario")
        if squad is not None:
            self.cache.squads[path] = squad   # a newer read of the same path replaces the old one
        else:
            self.cache.squad(path)            # fail now, with the file named
        self._replace_source(old, replace(old, squad=path))
        return old

    def restore_source(self, source: ClubSource) -> None:
        current = next(c for c in self.case.clubs if c.name == source.name)
        self._replace_source(current, source)

    def _replace_source(self, old: ClubSource, new: ClubSource) -> None:
        self.case = replace(self.case, clubs=tuple(new if c is old else c for c in self.case.clubs))

    def case_to_save(self, current: Scenario, path: Path) -> CaseDefinition:
        """The case as it is now (added clubs, squad lists, loaded leagues, and the current
        scenario's date, criteria and weights), to be written at ``path``. Changes nothing."""
        return replace(self.case, path=path,
                       cross_check=tuple(dict.fromkeys((*self.case.cross_check, *self.extra_seasons))),
                       as_of=current.as_of or self.case.as_of, criteria=current.criteria,
                       weights=dict(current.weights), title=current.title, subject=current.subject,
                       notes=current.notes)

    def save_with_scenario(self, current: Scenario, scenario_path: Path) -> Scenario:
        """Save ``current`` at ``scenario_path`` with its case beside it, so reopening it
        recomputes the same clubs the same way. Returns the scenario as saved.

        The case goes to ``name.case.json``, or ``name-2.case.json``... when that file exists
        and is not this workspace's own case (an unrelated file is never overwritten). The case
        is written inside the scenario's atomic write: if either fails, the scenario file is
        untouched and this workspace is unchanged.
        """
        from evaluator.atomic import write_atomic
        from evaluator.scenario_file import scenario_to_json
        case_path = free_case_path(scenario_path, self.case.path)
        case = self.case_to_save(current, case_path)
        saved = replace(current, case_file=case_path.name)

        def write(tmp: str) -> None:
            Path(tmp).write_text(scenario_to_json(saved), encoding="utf-8")
            save_case(case, case_path)

        write_atomic(scenario_path, write)
        self.case, self.extra_seasons = case, []
        return saved

    def table_around(self, club_name: str, on: date, around: int = 3) -> tuple[str, list[Row]]:
        """The club's name in its match file and the table rows within ``around`` places of it."""
        from evaluator.data.names import resolve
        source = next((c for c in self.case.clubs if c.name == club_name), None)
        if source is None:
            return "", []
        season = self.cache.season(source.matches)
        team = resolve(source.team or source.name, season.teams)
        table = self.cache.table(source.matches, on)
        pos = table.row(team).position
        return team, [r for r in table.rows if abs(r.position - pos) <= around]

    def seasons(self) -> list[Season]:
        """Every league the user can pick a club from: the clubs' files, the case's second
        sources (a loaded league is saved among them) and the leagues loaded since."""
        paths = list(dict.fromkeys([c.matches for c in self.case.clubs] + list(self.case.cross_check)
                                   + self.extra_seasons))
        return [self.cache.season(p) for p in paths]


def free_case_path(scenario_path: Path, own_case: Path) -> Path:
    """my.scenario.json or my.json -> my.case.json beside it; -2, -3... when that name is taken
    by a file other than ``own_case`` (the case this workspace was loaded from)."""
    name = scenario_path.name
    for suffix in (".scenario.json", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    candidate = scenario_path.with_name(f"{name}.case.json")
    n = 2
    while candidate.exists() and candidate.resolve() != own_case.resolve():
        candidate = scenario_path.with_name(f"{name}-{n}.case.json")
        n += 1
    return candidate
