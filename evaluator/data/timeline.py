"""The season behind a case: which dates a timeline visits, the scenario on each of them, and
every club of the candidates' leagues as one scenario ("who else fits?").

Each date's scenario is ``live_case.rebuild`` on that date, so criteria and hand-entered figures
carry over exactly as when the user moves the as-of date; the tables come from the shared
``DataCache``, so a date already visited costs nothing to table again.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from evaluator.data import live_case
from evaluator.data.case import DataCache, _slug, source_label
from evaluator.errors import Cancelled, InputError
from evaluator.model import CaseDefinition, Club, FigureStatus, Scenario


@dataclass(frozen=True)
class SeasonSpan:
    """The dates a timeline can cover: from the day every candidate's league has begun to the
    last result in the files."""
    first: date
    last: date


def season_span(case: CaseDefinition, cache: DataCache) -> SeasonSpan:
    seasons = [cache.season(p) for p in dict.fromkeys(c.matches for c in case.clubs)]
    firsts = [s.first_date for s in seasons if s.first_date is not None]
    lasts = [s.last_result_date for s in seasons if s.last_result_date is not None]
    if not firsts or not lasts:
        raise InputError(f"{case.path.name}: the candidates' match files hold no result, so there is no season to show")
    return SeasonSpan(max(firsts), max(lasts))


def timeline_dates(case: CaseDefinition, cache: DataCache, start: date | None = None, end: date | None = None,
                   every: int | None = None) -> tuple[date, ...]:
    """The dates to score: matchdays (``every`` None) or every ``every`` days from ``start``.

    A matchday is one per week, Tuesday to Monday: the last day of that week with a result in any
    of the candidates' files (a round spreads over Friday to Monday; the table after it counts).
    Bad or empty ranges raise an ``InputError`` naming the dates."""
    span = season_span(case, cache)
    lo, hi = start or span.first, end or span.last
    if start is not None and end is not None and start > end:
        raise InputError(f"--from {start} is after --to {end}")
    if hi < span.first:
        raise InputError(f"--to {hi}: before the season has begun in every candidate's league ({span.first})")
    if lo > span.last:
        raise InputError(f"--from {lo}: after the last result in the files ({span.last})")
    lo, hi = max(lo, span.first), min(hi, span.last)
    if every is not None:
        if every < 1:
            raise InputError(f"--every {every}: use a whole number of days, 1 or more")
        out = [lo + timedelta(days=d) for d in range(0, (hi - lo).days + 1, every)]
        return tuple(out)
    weeks: dict[tuple[int, int], date] = {}
    for path in dict.fromkeys(c.matches for c in case.clubs):
        for m in cache.season(path).matches:
            if m.played and lo <= m.date <= hi:
                key = (m.date - timedelta(days=1)).isocalendar()[:2]
                if key not in weeks or m.date > weeks[key]:
                    weeks[key] = m.date
    if not weeks:
        raise InputError(f"no results between {lo} and {hi} in the candidates' match files")
    return tuple(sorted(weeks.values()))


def scenarios_over(case: CaseDefinition, dates: tuple[date, ...], leagues: tuple[Path, ...],
                   current: Scenario, cache: DataCache) -> tuple[Scenario, ...]:
    """The scenario on each date, as ``Session.set_as_of`` would build it."""
    hand = live_case.hand_figures(current)   # once, not once a date
    return tuple(live_case.rebuild(case, d, leagues, current, cache, hand) for d in dates)


# --- every club of the leagues ------------------------------------------------------------------
@dataclass(frozen=True)
class Field:
    """Every club of some leagues as one scenario; ``paths[i]`` is club i's match file and
    ``candidate[i]`` the candidate's name when club i is one of the scenario's clubs."""
    scenario: Scenario
    paths: tuple[Path, ...]
    candidate: tuple[str, ...]


def discover_leagues(case: CaseDefinition, leagues: tuple[Path, ...]) -> tuple[Path, ...]:
    """The candidates' own league files and the leagues loaded since (second sources of the same
    leagues are not scored: they would list every club twice)."""
    return tuple(dict.fromkeys([c.matches for c in case.clubs] + list(leagues)))


def every_club(case: CaseDefinition, paths: tuple[Path, ...], on: date, current: Scenario,
               cache: DataCache, stop: Callable[[], bool] | None = None) -> Field:
    """Each club of the files at ``paths`` with the scored figures its league table gives on ``on``.
    A candidate also keeps its squad-list ages and hand-entered figures (as in the scenario);
    other clubs have no squad list, so their ages are missing and the missing-figure rule applies.
    ``stop()`` is asked once a league (on a worker thread: a newer job replaced this one)."""
    from evaluator.data.club_figures import COLUMNS, league_figures, squad_figures
    from evaluator.data.names import read_aliases, resolve
    aliases = read_aliases(case.aliases) if case.aliases else {}
    own: dict[tuple[Path, str], int] = {}
    for i, src in enumerate(case.clubs):
        if src.matches in paths:
            team = resolve(src.team or src.name, cache.season(src.matches).teams, aliases, where=f"clubs[{i}] ({src.name})")
            own[(src.matches, team)] = i
    kept = {c.name: c for c in current.clubs}
    scored = frozenset(c.column for c in current.criteria)
    clubs: list[Club] = []
    where: list[Path] = []
    names: list[str] = []
    for path in paths:
        if stop is not None and stop():
            raise Cancelled
        season = cache.season(path)
        if season.first_date is None or on < season.first_date:
            raise InputError(f"as-of date {on}: before the first match of {season.name} ({season.first_date})")
        table, label = cache.table(path, on), source_label(season)
        for row in table.rows:
            figures = league_figures(table, row.team, label, scored)   # only what is scored: 10,000 clubs
            k = own.get((path, row.team))
            name = ""
            if k is not None:
                src = case.clubs[k]
                name = src.name
                if src.squad is not None:
                    ages = squad_figures(cache.squad(src.squad), on, case.include_doubtful)
                    figures.update({c: f for c, f in ages.items() if c in scored})
                old = kept.get(src.name)
                if old is not None:
                    figures.update({k: f for k, f in old.figures.items() if f.status is FigureStatus.USER})
            clubs.append(Club(id=f"{len(clubs)}-{_slug(row.team)}", name=row.team, league=season.name,
                              figures=figures))
            where.append(path)
            names.append(name)
    if not clubs:
        raise InputError("no clubs in the league files to rank")
    scenario = replace(current, as_of=on, clubs=tuple(clubs), columns=COLUMNS, data_checks=())
    return Field(scenario, tuple(where), tuple(names))
