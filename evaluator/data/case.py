"""A case definition (which clubs, which files, which criteria) built into a scenario.

The case file is the only hand-written part; every figure is computed from the match and
squad files it names, on its as-of date (or one the user picks).
"""
from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from evaluator.model import CaseDefinition, Club, DataCheck, Figure, Reference, Scenario, with_references
from evaluator.errors import InputError, cut, within

# The readers, tables and cross-checks are imported where they are first used: opening the
# bundled scenario only loads its case definition, and start-up does not pay for the rest.
if TYPE_CHECKING:
    from evaluator.data.league_table import LeagueTable
    from evaluator.data.matches import Season
    from evaluator.data.source_checks import PairCheck
    from evaluator.data.squads import Squad

T = TypeVar("T")
MAX_TABLES = 512   # league tables kept (see DataCache.tables)
MAX_FIGURES = 20_000   # clubs' figures kept (see DataCache.figures), one dict of ~10 figures each


@dataclass
class DataCache:
    """Parsed files kept between recomputations, so moving the date only re-tables."""

    seasons: dict[Path, Season] = field(default_factory=dict)
    squads: dict[Path, Squad] = field(default_factory=dict)
    # Least recently used first: moving the date across a season makes a table per file per day,
    # so only the newest MAX_TABLES stay (a 20-club table is ~10 KB: at most ~5 MB).
    tables: OrderedDict[tuple[Path, date], LeagueTable] = field(default_factory=OrderedDict)
    pairs: dict[tuple[Path, Path], PairCheck | None] = field(default_factory=dict)
    # Per club, what depends only on its file, its name and the date: kept so adding the 50th
    # club does not redo the other 49 (name matching and figures were ~3 ms a club).
    teams: dict[tuple[Path, str, tuple[tuple[str, str], ...]], str] = field(default_factory=dict)
    figures: OrderedDict[tuple[Path, str, date], dict[str, Figure]] = field(default_factory=OrderedDict)
    dates_ok: set[tuple[Path, date]] = field(default_factory=set)
    # What depends only on files already read and the date, kept so adding a club from a league
    # already scored redoes none of it: the data checks (a scan of every match of each file per
    # add), the leagues' reference ranges, and each squad list's ages, warnings and source codes.
    checks: OrderedDict[tuple[object, ...], tuple[DataCheck, ...]] = field(default_factory=OrderedDict)
    references: OrderedDict[tuple[tuple[Path, ...], date], dict[str, Reference]] = field(default_factory=OrderedDict)
    squad_parts: OrderedDict[tuple[object, ...], SquadPart] = field(default_factory=OrderedDict)
    _aliases: dict[Path, tuple[tuple[int, int] | None, dict[str, str]]] = field(default_factory=dict)

    def aliases(self, path: Path) -> dict[str, str]:
        """The alias table, read again only when the file changed (its size or time): it was
        read and parsed on every rebuild, ~1.5 ms of each added club."""
        try:
            st = path.stat()
            stamp: tuple[int, int] | None = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None    # read_aliases says what is wrong with it
        kept = self._aliases.get(path)
        if stamp is None or kept is None or kept[0] != stamp:
            from evaluator.data.names import read_aliases
            kept = self._aliases[path] = (stamp, read_aliases(path))
        return dict(kept[1])

    def season(self, path: Path) -> Season:
        if path not in self.seasons:
            from evaluator.data.matches import read_season
            self.seasons[path] = read_season(path)
        return self.seasons[path]

    def squad(self, path: Path) -> Squad:
        if path not in self.squads:
            from evaluator.data.squads import read_squad
            self.squads[path] = read_squad(path)
        return self.squads[path]

    def pair(self, first: Path, second: Path, aliases: dict[str, str]) -> PairCheck | None:
        key = (first, second)
        if key not in self.pairs:
            from evaluator.data.source_checks import check_pair
            self.pairs[key] = check_pair(self.season(first), self.season(second), aliases)
        return self.pairs[key]

    def data_checks(self, scored: tuple[Path, ...], others: tuple[Path, ...], on: date,
                    aliases: dict[str, str]) -> tuple[DataCheck, ...]:
        """Results missing from the scored files on ``on``, then every pair of files that is one
        league, cross-checked (each pair once)."""
        key = (tuple(dict.fromkeys(scored)), tuple(dict.fromkeys(others)), on, tuple(sorted(aliases.items())))
        found = _recall(self.checks, key)
        if found is None:
            found = self._data_checks(scored, others, on, aliases)
            if not any(c.kind == "unreadable" for c in found):   # a file that failed is tried again next time
                _remember(self.checks, key, found)
        return found

    def _data_checks(self, scored: tuple[Path, ...], others: tuple[Path, ...], on: date,
                     aliases: dict[str, str]) -> tuple[DataCheck, ...]:
        from evaluator.data.source_checks import describe, missing_results
        out = [m for m in (missing_results(self.season(f), on) for f in dict.fromkeys(scored)) if m is not None]
        unique = list(dict.fromkeys(scored))
        for f in dict.fromkeys(others):
            if f in unique:
                continue
            try:
                self.season(f)
                unique.append(f)
            except InputError as e:   # a second source that cannot be read must not stop the scoring
                out.append(DataCheck(f"{e} (named for cross-checking; nothing was compared with it)", agree=False,
                                     kind="unreadable"))
        for a in range(len(unique)):
            for b in range(a + 1, len(unique)):
                pair = self.pair(unique[a], unique[b], aliases)
                if pair is not None:
                    out.append(describe(pair, on))
        return tuple(out)

    def forget(self, path: Path) -> None:
        """Drop everything computed from the file at ``path`` (before reading it again)."""
        self.seasons.pop(path, None)
        self.squads.pop(path, None)
        for key in [k for k in self.tables if k[0] == path]:
            del self.tables[key]
        for pair_key in [k for k in self.pairs if path in k]:
            del self.pairs[pair_key]
        self.teams = {k: v for k, v in self.teams.items() if k[0] != path}
        for club_key in [k for k in self.figures if k[0] == path]:
            del self.figures[club_key]
        self.dates_ok = {k for k in self.dates_ok if k[0] != path}
        self.checks.clear()
        for refs_key in [k for k in self.references if path in k[0]]:
            del self.references[refs_key]
        for squad_key in [k for k in self.squad_parts if k[0] == path]:
            del self.squad_parts[squad_key]

    def league_references(self, paths: tuple[Path, ...], on: date) -> dict[str, Reference]:
        """``club_figures.league_references`` of these files' tables on ``on``, kept."""
        found = _recall(self.references, (paths, on))
        if found is None:
            from evaluator.data.club_figures import league_references
            found = _remember(self.references, (paths, on), league_references([self.table(p, on) for p in paths], on))
        return found

    def club_figures(self, path: Path, team: str, on: date, source: str) -> dict[str, Figure]:
        """``league_figures`` for one club, kept (a copy each time: the caller adds to it)."""
        key = (path, team, on)
        if key in self.figures:
            self.figures.move_to_end(key)
        else:
            from evaluator.data.club_figures import league_figures
            self.figures[key] = league_figures(self.table(path, on), team, source)
            while len(self.figures) > MAX_FIGURES:
                self.figures.popitem(last=False)
        return dict(self.figures[key])

    def table(self, path: Path, on: date) -> LeagueTable:
        key = (path, on)
        if key in self.tables:
            self.tables.move_to_end(key)
            return self.tables[key]
        from evaluator.data.league_table import league_table
        table = self.tables[key] = league_table(self.season(path), on)
        while len(self.tables) > MAX_TABLES:
            self.tables.popitem(last=False)
        return table


K = TypeVar("K")
V = TypeVar("V")


def _recall(kept: OrderedDict[K, V], key: K) -> V | None:
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    return None


def _remember(kept: OrderedDict[K, V], key: K, value: V, limit: int = MAX_TABLES) -> V:
    """Keep ``value``; the least recently used go above ``limit`` (a date per day of a season)."""
    kept[key] = value
    while len(kept) > limit:
        kept.popitem(last=False)
    return value


@dataclass(frozen=True)
class SquadPart:
    """What one squad list gives its club on a date: ages, warnings (file name first), the
    legend of the source codes its rows use. ``squad`` is the list it was computed from: a list
    read again (``Session.set_squad``) is a new object and is computed afresh."""
    squad: Squad
    figures: dict[str, Figure]
    warnings: tuple[str, ...]
    legend: dict[str, str]


def source_label(season: Season) -> str:
    from evaluator.formats import by_id   # the one table of input formats names each
    return f"{season.name} ({by_id(season.format).label}), file {Path(season.path).name}"


def build_scenario(case: CaseDefinition, as_of: date | None = None, include_doubtful: bool | None = None,
                   cache: DataCache | None = None, extra_seasons: tuple[Path, ...] = ()) -> Scenario:
    return checked(case, scenario_fields(case, as_of, include_doubtful, cache, extra_seasons))


def checked(case: CaseDefinition, fields: dict[str, Any]) -> Scenario:
    """The scenario of ``fields``, checked once (``Scenario`` checks every club's figures)."""
    try:
        return Scenario(**fields)
    except InputError as e:   # the scenario's fields are the case file's fields: say so, not "scenario."
        raise InputError(within(f"{case.path.name}: {str(e).removeprefix('scenario.')}")) from None


def scenario_fields(case: CaseDefinition, as_of: date | None = None, include_doubtful: bool | None = None,
                    cache: DataCache | None = None, extra_seasons: tuple[Path, ...] = ()) -> dict[str, Any]:
    """What ``build_scenario`` makes the scenario of, not yet checked: a rebuild puts the user's
    criteria and weights in before the one check."""
    on = as_of or case.as_of
    doubtful = case.include_doubtful if include_doubtful is None else include_doubtful
    from evaluator.data.club_figures import COLUMNS
    from evaluator.data.names import resolve
    cache = cache or DataCache()

    def named(field: str, read: Callable[[Path], T], path: Path) -> T:
        """Read a file the case names; a problem says which case field named it."""
        try:
            return read(path)
        except InputError as e:
            raise InputError(within(f"{case.path.name}: {field}: {e}")) from None

    aliases = named("aliases", cache.aliases, case.aliases) if case.aliases else {}
    alias_key = tuple(sorted(aliases.items()))
    clubs = []
    warnings: list[str] = []   # accepted, but the user should know (see docs/bad-input.md)
    teams: dict[tuple[Path, str], int] = {}   # (file, team) -> index of the club that is that team
    legend: dict[str, str] = {}
    labels: dict[Path, str] = {}   # each file's source label, made once
    for i, src in enumerate(case.clubs):
        season = named(f"clubs[{i}].matches", cache.season, src.matches)
        team_key = (src.matches, src.team or src.name, alias_key)
        if (team := cache.teams.get(team_key)) is None:
            try:
                team = resolve(src.team or src.name, season.teams, aliases, where=f"clubs[{i}] ({cut(src.name, 40)})")
            except InputError as e:   # a field of the case file: say which file
                raise InputError(within(f"{case.path.name}: {e}")) from None
            cache.teams[team_key] = team
        twin = teams.setdefault((src.matches, team), i)
        if twin != i:   # "Roma" and "AS Roma": one team counted twice would skew every scale
            raise InputError(within(f"{case.path.name}: clubs[{i}] ({cut(src.name, 40)}) is the same team as "
                                    f"clubs[{twin}] ({cut(case.clubs[twin].name, 40)}): {team} in {Path(season.path).name}"))
        if (src.matches, on) not in cache.dates_ok:
            check_date_in_season(on, season)
            cache.dates_ok.add((src.matches, on))
        if (label := labels.get(src.matches)) is None:
            label = labels[src.matches] = source_label(season)
        figures = cache.club_figures(src.matches, team, on, label)
        if season.warnings:
            warnings.extend(f"{Path(season.path).name}: {w}" for w in season.warnings)
        if src.squad is not None:
            squad = named(f"clubs[{i}].squad", cache.squad, src.squad)
            squad_key = (src.squad, src.name, team, alias_key, on, doubtful)
            part = _recall(cache.squad_parts, squad_key)
            if part is None or part.squad is not squad:
                try:   # one club's squad list loaded for another would give it someone else's ages
                    resolve(squad.club, [src.name, team], aliases)
                except InputError:
                    raise InputError(within(f"{case.path.name}: clubs[{i}] ({cut(src.name, 40)}).squad: "
                                            f"{Path(squad.path).name} lists the players of {cut(squad.club, 40)}, "
                                            f"not of {cut(src.name, 40)}")) from None
                part = _remember(cache.squad_parts, squad_key, _squad_part(squad, on, doubtful), MAX_FIGURES)
            figures.update(part.figures)
            warnings.extend(part.warnings)
            legend.update(part.legend)
        clubs.append(Club(id=_slug(src.name), name=src.name, league=season.name, figures=figures))
    # Reference scales: every club of the candidates' leagues (each league once) on the date.
    references = cache.league_references(tuple(dict.fromkeys(c.matches for c in case.clubs)), on)
    checks = cache.data_checks(tuple(c.matches for c in case.clubs), (*case.cross_check, *extra_seasons), on, aliases)
    return dict(
        title=case.title, as_of=on, clubs=tuple(clubs),
        subject=case.player.summary(on) if case.player else case.subject,
        criteria=with_references(case.criteria, references), references=references,
        legend=dict(sorted(legend.items(), key=lambda kv: _code_order(kv[0]))),
        columns=COLUMNS, weights=dict(case.weights), notes=case.notes, case_file=case.path.name, player=case.player,
        data_checks=checks + tuple(DataCheck(w, agree=False, kind="warning") for w in dict.fromkeys(warnings)),
    )


def _squad_part(squad: Squad, on: date, doubtful: bool) -> SquadPart:
    from evaluator.data.club_figures import squad_figures, squad_warnings
    name = Path(squad.path).name
    return SquadPart(squad, squad_figures(squad, on, doubtful),
                     tuple(f"{name}: {w}" for w in squad_warnings(squad, on, doubtful)),
                     {code: squad.codes.get(code, "not named in the squad list's sources.json")
                      for code in squad.codes_used()})


AFTER_SEASON_DAYS = 60   # an as-of date this long after a file's last fixture is a typo, not a question


def check_date_in_season(on: date, season: Season) -> None:
    """Figures on ``on`` can only come from a season it falls in (a little after its end is fine)."""
    first = season.first_date
    if first is not None and on < first:
        raise InputError(f"as-of date {on}: before the first match of {season.name} ({first})")
    last = max((m.date for m in season.matches), default=None)
    if last is not None and (on - last).days > AFTER_SEASON_DAYS:
        raise InputError(f"as-of date {on}: after the season in {Path(season.path).name} (its last fixture is "
                         f"{last}); pick a date up to {AFTER_SEASON_DAYS} days after it")


def _code_order(code: str) -> tuple[str, int, str]:
    """S1, S1m, S3, ..., N2, N10: by letter, then number, then suffix."""
    import re
    m = re.match(r"([A-Z])(\d+)(.*)", code)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else (code, 0, "")


@functools.lru_cache(maxsize=65_536)   # a club's id on every date of a season view: made once
def _slug(name: str) -> str:
    import re
    import unicodedata
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "club"
