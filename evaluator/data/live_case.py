"""A case kept live, as pure functions: recompute every figure on a date, list the leagues to
pick clubs from, the table around a club. The session owns the (frozen) case and calls these.

What the user changed in the current scenario (criteria directions and scales, figures entered
by hand, title and notes) is carried over by ``rebuild``; every computed figure is recomputed
from the files.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from evaluator.data.case import DataCache, checked, scenario_fields
from evaluator.errors import InputError
from evaluator.model import CaseDefinition, ClubSource, Figure, FigureStatus, Scenario, with_references

if TYPE_CHECKING:   # the readers load on first use (see evaluator.data.case)
    from evaluator.data.league_table import Row
    from evaluator.data.matches import Season
    from evaluator.data.source_checks import PairCheck


@dataclass(frozen=True)
class TeamChoice:
    """A club of a loaded league, as the Add club list shows it."""
    name: str
    position: int | None = None     # in the table on the as-of date, when it can be computed
    points: int | None = None


@dataclass(frozen=True)
class LeagueChoice:
    name: str
    path: Path
    teams: tuple[TeamChoice, ...]


def rebuild(case: CaseDefinition, as_of: date, leagues: tuple[Path, ...], current: Scenario | None,
            cache: DataCache, hand: dict[str, dict[str, Figure]] | None = None) -> Scenario:
    """``hand``: ``hand_figures(current)``, when the caller rebuilds many dates from one scenario."""
    fields = scenario_fields(case, as_of=as_of, cache=cache, extra_seasons=leagues)
    if current is None:
        return checked(case, fields)
    hand = hand_figures(current) if hand is None else hand
    if hand:   # figures the user entered by hand survive a recomputation
        fields["clubs"] = tuple(replace(c, figures={**c.figures, **hand[c.id]}) if c.id in hand else c
                                for c in fields["clubs"])
    # The user's criteria, with reference ranges of the leagues on the new date and club list;
    # checked once, with them (checking the fresh build first doubled the cost of every add).
    fields.update(criteria=with_references(current.criteria, fields["references"]),
                  weights=dict(current.weights),
                  title=current.title, notes=current.notes, player=current.player,
                  # the one-line subject says the player's age on the date the figures are for
                  subject=current.player.summary(as_of) if current.player else current.subject,
                  case_file=current.case_file or fields["case_file"])
    return checked(case, fields)


def hand_figures(scenario: Scenario) -> dict[str, dict[str, Figure]]:
    """Club id -> the figures the user entered by hand (clubs with none left out)."""
    out = {}
    for c in scenario.clubs:
        hand = {k: f for k, f in c.figures.items() if f.status is FigureStatus.USER}
        if hand:
            out[c.id] = hand
    return out


def with_club(case: CaseDefinition, name: str, matches: Path, squad: Path | None, cache: DataCache,
              team: str = "") -> CaseDefinition:
    if any(c.name == name for c in case.clubs):
        raise InputError(f"{name}: already in the scenario")
    cache.season(matches)            # fail now, with the file named, not on rebuild
    if squad is not None:
        cache.squad(squad)
    return replace(case, clubs=(*case.clubs, ClubSource(name=name, matches=matches, squad=squad, team=team or name)))


def without_club(case: CaseDefinition, name: str) -> CaseDefinition:
    clubs = tuple(c for c in case.clubs if c.name != name)
    if len(clubs) == len(case.clubs):
        raise InputError(f"{name}: not in the scenario")
    if not clubs:
        raise InputError(f"{name}: the last club cannot be removed; a scenario needs at least one")
    return replace(case, clubs=clubs)


def with_squad(case: CaseDefinition, club_name: str, path: Path) -> CaseDefinition:
    if not any(c.name == club_name for c in case.clubs):
        raise InputError(f"{club_name}: not in the scenario")
    return replace(case, clubs=tuple(replace(c, squad=path) if c.name == club_name else c for c in case.clubs))


def league_paths(case: CaseDefinition, leagues: tuple[Path, ...]) -> tuple[Path, ...]:
    """Every league the user can pick a club from: the clubs' files, the case's second sources
    (a loaded league is saved among them) and the leagues loaded since."""
    return tuple(dict.fromkeys([c.matches for c in case.clubs] + list(case.cross_check) + list(leagues)))


def freshness(case: CaseDefinition, cache: DataCache) -> tuple[date | None, int]:
    """The latest result in the match files the clubs are scored from, and how many files."""
    paths = tuple(dict.fromkeys(c.matches for c in case.clubs))
    latest = [d for d in (cache.season(p).last_result_date for p in paths) if d is not None]
    return (max(latest) if latest else None), len(paths)


def league_choices(case: CaseDefinition, leagues: tuple[Path, ...], on: date | None,
                   cache: DataCache) -> tuple[LeagueChoice, ...]:
    return choices(league_paths(case, leagues), on, cache)


def choices(paths: tuple[Path, ...], on: date | None, cache: DataCache) -> tuple[LeagueChoice, ...]:
    """Each league file's teams, best placed first, with position and points on ``on``."""
    out = []
    for path in paths:
        season = cache.season(path)
        standing: dict[str, Row] = {}
        if on is not None and season.first_date is not None and on >= season.first_date:
            standing = {r.team: r for r in cache.table(path, on).rows}
        teams = tuple(TeamChoice(t, standing[t].position, standing[t].points) if t in standing else TeamChoice(t)
                      for t in season.teams)
        out.append(LeagueChoice(season.name, path, tuple(sorted(teams, key=lambda t: (t.position or 999, t.name)))))
    return tuple(out)


def table_around(case: CaseDefinition, club_name: str, on: date, cache: DataCache,
                 around: int = 3) -> tuple[str, list[Row]]:
    """The club's name in its match file and the table rows within ``around`` places of it."""
    from evaluator.data.names import resolve
    source = next((c for c in case.clubs if c.name == club_name), None)
    if source is None:
        return "", []
    season = cache.season(source.matches)
    team = resolve(source.team or source.name, season.teams)
    table = cache.table(source.matches, on)
    pos = table.row(team).position
    return team, [r for r in table.rows if abs(r.position - pos) <= around]


def case_to_save(case: CaseDefinition, leagues: tuple[Path, ...], current: Scenario, path: Path) -> CaseDefinition:
    """The case as it is now (its clubs, squad lists, loaded leagues, and the current scenario's
    date, criteria and weights), to be written at ``path``."""
    return replace(case, path=path, cross_check=tuple(dict.fromkeys((*case.cross_check, *leagues))),
                   as_of=current.as_of or case.as_of, criteria=current.criteria,
                   weights=dict(current.weights), title=current.title, subject=current.subject,
                   notes=current.notes, player=current.player)


def free_case_path(scenario_path: Path, own_case: Path | None) -> Path:
    """my.scenario.json or my.json -> my.case.json beside it; -2, -3... when that name is taken
    by a file other than ``own_case`` (the case the open document was loaded from)."""
    name = scenario_path.name
    for suffix in (".scenario.json", ".json"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    candidate = scenario_path.with_name(f"{name}.case.json")
    n = 2
    while candidate.exists() and (own_case is None or candidate.resolve() != own_case.resolve()):
        candidate = scenario_path.with_name(f"{name}-{n}.case.json")
        n += 1
    return candidate


@dataclass(frozen=True)
class PreloadedLeague:
    """A match file read, and cross-checked against the leagues loaded when the read began, on a
    worker thread: the GUI thread only files the results in the cache and rebuilds."""
    path: Path
    season: Season
    pairs: dict[tuple[Path, Path], PairCheck | None]
    also_read: dict[Path, Season]   # the other leagues it had to read to compare (not cached yet)


def preload_league(path: Path, order: tuple[Path, ...], others: dict[Path, Season],
                   aliases: dict[str, str], known: frozenset[tuple[Path, Path]] = frozenset()) -> PreloadedLeague:
    """Read ``path`` and compare every pair of files the rebuild will compare (in ``order``, the
    order ``DataCache.data_checks`` uses) that is not ``known`` already. Pure: safe on any thread."""
    from evaluator.data.matches import read_season
    from evaluator.data.source_checks import check_pair
    season = read_season(path)
    also_read: dict[Path, Season] = {}
    for p in order:
        if p != path and p not in others:
            try:
                also_read[p] = read_season(p)
            except InputError:
                pass   # an unreadable second source is reported by the rebuild, not here
    seasons = {**others, **also_read, path: season}
    files = [p for p in order if p in seasons]
    pairs: dict[tuple[Path, Path], PairCheck | None] = {}
    for a in range(len(files)):
        for b in range(a + 1, len(files)):
            key = (files[a], files[b])
            if key not in known:
                pairs[key] = check_pair(seasons[key[0]], seasons[key[1]], aliases)
    return PreloadedLeague(path, season, pairs, also_read)
