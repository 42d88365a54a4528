"""Cross-checking two files of the same league season (e.g. openfootball JSON and a CSV).

Teams are paired with ``names.pair_teams`` (alias table, then the automatic rule), one to
one. A match is identified by (home, away): each pairing happens once per league season, so
no date window is needed and a moved fixture shows up as a date disagreement instead of
vanishing. Only matches played in both files are compared (date and full-time score); a
match played in one file but missing from the other is reported too. Nothing is dropped.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from evaluator.data.matches import Match, Season
from evaluator.data.names import pair_teams
from evaluator.errors import InputError


@dataclass(frozen=True)
class Disagreement:
    home: str                 # names as in the first file
    away: str
    field: str                # "date", "score" or "missing"
    first: str                # what the first file says
    second: str               # what the second file says
    description: str          # one line naming both files and both rows
    match_date: date | None = None   # the earlier date either file gives the match


@dataclass(frozen=True)
class CrossCheck:
    first: Season
    second: Season
    teams: dict[str, str]     # second file's team -> first file's team
    compared: int             # matches played in both files
    disagreements: tuple[Disagreement, ...]

    @property
    def agree(self) -> bool:
        return not self.disagreements


def _index(season: Season, rename: dict[str, str] | None = None) -> dict[tuple[str, str], Match]:
    out: dict[tuple[str, str], Match] = {}
    for m in season.matches:
        key = (rename[m.home], rename[m.away]) if rename else (m.home, m.away)
        if key in out:
            raise InputError(f"{m.where}: {m.home} v {m.away} appears twice in the season "
                             f"(also {out[key].where}); cannot cross-check by pairing")
        out[key] = m
    return out


def _score(m: Match) -> str:
    return f"{m.home_goals}-{m.away_goals}"


def cross_check(first: Season, second: Season, aliases: dict[str, str] | None = None) -> CrossCheck:
    """Compare every match played in both seasons; see the module docstring."""
    f1, f2 = Path(first.path).name, Path(second.path).name
    teams = pair_teams(second.teams, first.teams, aliases, where=f2)
    unpaired = sorted(set(first.teams) - set(teams.values()))
    if unpaired:
        raise InputError(f"{f1}: teams {', '.join(unpaired)} have no counterpart in {f2}; "
                         "are both files the same league and season?")
    a, b = _index(first), _index(second, teams)
    out: list[Disagreement] = []
    compared = 0
    for key in sorted(set(a) | set(b)):
        m1, m2 = a.get(key), b.get(key)
        home, away = key
        p1, p2 = m1 is not None and m1.played, m2 is not None and m2.played
        if p1 and p2:
            assert m1 is not None and m2 is not None
            compared += 1
            if m1.date != m2.date:
                out.append(_dis(home, away, "date", m1.date.isoformat(), m2.date.isoformat(), m1, m2))
            if (m1.home_goals, m1.away_goals) != (m2.home_goals, m2.away_goals):
                out.append(_dis(home, away, "score", _score(m1), _score(m2), m1, m2))
        elif m1 is None or m2 is None:
            there, name = (m1, f2) if m2 is None else (m2, f1)
            assert there is not None
            if there.played:
                out.append(Disagreement(home, away, "missing", _score(m1) if m1 else "absent",
                                        _score(m2) if m2 else "absent",
                                        f"{home} v {away}: played in {there.where} ({there.date}, "
                                        f"{_score(there)}) but absent from {name}", there.date))
    return CrossCheck(first, second, teams, compared, tuple(out))


def _dis(home: str, away: str, field: str, v1: str, v2: str, m1: Match, m2: Match) -> Disagreement:
    return Disagreement(home, away, field, v1, v2,
                        f"{home} v {away}: {field} {v1} in {m1.where} but {v2} in {m2.where}",
                        min(m1.date, m2.date))


def last_common_date(check: CrossCheck) -> date | None:
    """The last day on which both files have a result (tables agree up to it when ``agree``)."""
    a, b = check.first.last_result_date, check.second.last_result_date
    return min(a, b) if a and b else None
