"""A case definition (which clubs, which files, which criteria) built into a scenario.

The case file is the only hand-written part; every figure is computed from the match and
squad files it names, on its as-of date (or one the user picks).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluator.atomic import write_text_atomic
from evaluator.decision.model import Club, Criterion, DataCheck, Scenario, check_number
from evaluator.errors import InputError
from evaluator.scenario_file import _criterion, _date, _list, _obj, _text, criterion_to_dict

# The readers, tables and cross-checks are imported where they are first used: opening the
# bundled scenario only loads its case definition, and start-up does not pay for the rest.
if TYPE_CHECKING:
    from evaluator.data.league_table import LeagueTable
    from evaluator.data.matches import Season
    from evaluator.data.source_checks import PairCheck
    from evaluator.data.squads import Squad

FORMAT = "clubfit-case"


@dataclass(frozen=True)
class ClubSource:
    name: str
    matches: Path
    squad: Path | None = None
    team: str = ""               # name in the match file when it differs and no alias covers it


@dataclass(frozen=True)
class CaseDefinition:
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


def load_case(path: str | os.PathLike[str]) -> CaseDefinition:
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot be read ({getattr(e, 'strerror', None) or e})") from None
    except json.JSONDecodeError as e:
        raise InputError(f"{p}: not valid JSON (line {e.lineno}: {e.msg})") from None
    try:
        return _case_from_dict(raw, p)
    except InputError as e:
        raise InputError(f"{p.name}: {e}") from None


def _case_from_dict(raw: Any, p: Path) -> CaseDefinition:
    o = _obj(raw, "case")
    if o.get("format") != FORMAT:
        raise InputError(f"format: expected {FORMAT!r}, got {o.get('format')!r}")
    base = p.parent

    def rel(v: Any, where: str) -> Path:
        return (base / _text(v, where, required=True)).resolve()

    clubs = []
    for i, c in enumerate(_list(o.get("clubs"), "clubs")):
        co = _obj(c, f"clubs[{i}]")
        clubs.append(ClubSource(
            name=_text(co.get("name"), f"clubs[{i}].name", required=True),
            matches=rel(co.get("matches"), f"clubs[{i}].matches"),
            squad=rel(co["squad"], f"clubs[{i}].squad") if co.get("squad") else None,
            team=_text(co.get("team", ""), f"clubs[{i}].team"),
        ))
    as_of = _date(o.get("as_of"), "as_of")
    if as_of is None:
        raise InputError("as_of: the case needs an as-of date (YYYY-MM-DD)")
    weights = {str(k): check_number(v, f"weights.{k}") for k, v in _obj(o.get("weights", {}), "weights").items()}
    return CaseDefinition(
        path=p, title=_text(o.get("title", ""), "title"), subject=_text(o.get("subject", ""), "subject"),
        as_of=as_of, clubs=tuple(clubs),
        criteria=tuple(_criterion(c, f"criteria[{i}]") for i, c in enumerate(_list(o.get("criteria"), "criteria"))),
        weights=weights, include_doubtful=bool(o.get("include_doubtful_squad_rows", False)),
        aliases=rel(o["aliases"], "aliases") if o.get("aliases") else None,
        notes=_text(o.get("notes", ""), "notes"),
        cross_check=tuple(rel(v, f"cross_check[{i}]") for i, v in enumerate(_list(o.get("cross_check", []), "cross_check"))),
    )


def case_to_dict(case: CaseDefinition, folder: Path) -> dict[str, Any]:
    """The case as its file says it, with every path relative to ``folder`` (where it is saved)."""
    def rel(p: Path) -> str:
        """Relative when the file sits near (a case folder and its data folder move together),
        absolute otherwise, so a scenario saved elsewhere still finds the app's files."""
        try:
            r = Path(os.path.relpath(p, folder))
            common = Path(os.path.commonpath([p.resolve(), folder.resolve()]))
        except ValueError:   # another drive (Windows)
            return p.as_posix()
        near = common != Path(common.anchor) and r.parts[:2].count("..") <= 1
        return r.as_posix() if near else p.resolve().as_posix()

    return {
        "format": FORMAT, "version": 1, "title": case.title, "subject": case.subject,
        "as_of": case.as_of.isoformat(), "notes": case.notes,
        "include_doubtful_squad_rows": case.include_doubtful,
        **({"aliases": rel(case.aliases)} if case.aliases else {}),
        "cross_check": [rel(p) for p in case.cross_check],
        "clubs": [{"name": c.name, "matches": rel(c.matches),
                   **({"squad": rel(c.squad)} if c.squad else {}), **({"team": c.team} if c.team else {})}
                  for c in case.clubs],
        "criteria": [criterion_to_dict(c) for c in case.criteria],
        "weights": dict(case.weights),
    }


def save_case(case: CaseDefinition, path: Path) -> Path:
    text = json.dumps(case_to_dict(case, path.resolve().parent), indent=2, ensure_ascii=False) + "\n"
    return write_text_atomic(path, text)


@dataclass
class DataCache:
    """Parsed files kept between recomputations, so moving the date only re-tables."""

    seasons: dict[Path, Season] = field(default_factory=dict)
    squads: dict[Path, Squad] = field(default_factory=dict)
    tables: dict[tuple[Path, date], LeagueTable] = field(default_factory=dict)
    pairs: dict[tuple[Path, Path], PairCheck | None] = field(default_factory=dict)

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
        for key in [k for k in self.pairs if path in k]:
            del self.pairs[key]

    def table(self, path: Path, on: date) -> LeagueTable:
        key = (path, on)
        if key not in self.tables:
            from evaluator.data.league_table import league_table
            self.tables[key] = league_table(self.season(path), on)
        return self.tables[key]


def source_label(season: Season) -> str:
    kind = {"openfootball-json": "openfootball football.json, CC0",
            "football-data-csv": "football-data.co.uk-style CSV"}[season.format]
    return f"{season.name} ({kind}), file {Path(season.path).name}"


def build_scenario(case: CaseDefinition, as_of: date | None = None, include_doubtful: bool | None = None,
                   cache: DataCache | None = None, extra_seasons: tuple[Path, ...] = ()) -> Scenario:
    on = as_of or case.as_of
    doubtful = case.include_doubtful if include_doubtful is None else include_doubtful
    from evaluator.data.club_figures import COLUMNS, league_figures, squad_figures
    from evaluator.data.names import read_aliases, resolve
    cache = cache or DataCache()
    aliases = read_aliases(case.aliases) if case.aliases else {}
    clubs = []
    for i, src in enumerate(case.clubs):
        season = cache.season(src.matches)
        team = resolve(src.team or src.name, season.teams, aliases, where=f"clubs[{i}] ({src.name})")
        first = season.first_date
        if first is not None and on < first:
            raise InputError(f"as-of date {on}: before the first match of {season.name} ({first})")
        figures = league_figures(cache.table(src.matches, on), team, source_label(season))
        if src.squad is not None:
            figures.update(squad_figures(cache.squad(src.squad), on, doubtful))
        clubs.append(Club(id=_slug(src.name), name=src.name, league=season.name, figures=figures))
    return Scenario(
        title=case.title, subject=case.subject, as_of=on, clubs=tuple(clubs), criteria=case.criteria,
        columns=COLUMNS, weights=dict(case.weights), notes=case.notes, case_file=case.path.name,
        data_checks=cache.data_checks(tuple(c.matches for c in case.clubs), (*case.cross_check, *extra_seasons),
                                      on, aliases),
    )


def _slug(name: str) -> str:
    import re
    import unicodedata
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "club"
