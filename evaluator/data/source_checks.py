"""Which loaded files describe the same league season, and do they agree?

Every pair of loaded match files is a candidate; a pair is the same league when most teams of
one file resolve to a team of the other (``names.resolve``, alias table first). Pairs of
different leagues are skipped silently; a pair that looks like the same league but cannot be
paired one to one is reported, never dropped. Each same-league pair is cross-checked once
(``crosscheck.cross_check``); the as-of date only decides which disagreements can affect the
figures, so moving the date re-words the result without re-checking.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from evaluator.data.crosscheck import CrossCheck, cross_check
from evaluator.data.matches import SCHEDULED, Season
from evaluator.data.names import resolve
from evaluator.model import STALE_DAYS, DataCheck
from evaluator.errors import InputError

SAME_LEAGUE_SHARE = 0.5   # share of the smaller file's teams that must resolve in the other
# STALE_DAYS: a league rarely goes two weeks without a match during its season; the one
# staleness rule of every data file (model.stale_note), here for files that stop early.


@dataclass(frozen=True)
class PairCheck:
    first: Season
    second: Season
    check: CrossCheck | None      # None when the teams could not be paired
    error: str = ""


def same_league(a: Season, b: Season, aliases: dict[str, str] | None = None) -> bool:
    """Same league season: as many teams (give or take two), overlapping dates, and at least
    half of one file's teams found in the other. Last season's file (other dates) or a cup
    file (other teams) is a different competition, not a disagreement."""
    if abs(len(a.teams) - len(b.teams)) > 2 or not _dates_overlap(a, b):
        return False
    small, big = (a, b) if len(a.teams) <= len(b.teams) else (b, a)
    if not small.teams:
        return False
    found = 0
    for team in small.teams:
        try:
            resolve(team, big.teams, aliases)
            found += 1
        except InputError:
            pass
    return found >= SAME_LEAGUE_SHARE * len(small.teams)


def _dates_overlap(a: Season, b: Season) -> bool:
    a0, b0 = a.first_date, b.first_date
    a1 = max((m.date for m in a.matches), default=None)
    b1 = max((m.date for m in b.matches), default=None)
    if a0 is None or b0 is None or a1 is None or b1 is None:
        return False
    return a0 <= b1 and b0 <= a1


def check_pair(first: Season, second: Season, aliases: dict[str, str] | None = None) -> PairCheck | None:
    """The cross-check of two files, or None when they are not the same league."""
    if Path(first.path) == Path(second.path) or not same_league(first, second, aliases):
        return None
    try:
        return PairCheck(first, second, cross_check(first, second, aliases))
    except InputError as e:
        return PairCheck(first, second, None, str(e))


def describe(pair: PairCheck, as_of: date | None) -> DataCheck:
    """One plain-words line per pair, and one detail line per disagreement."""
    f1, f2 = Path(pair.first.path).name, Path(pair.second.path).name
    league = pair.first.name
    if pair.check is None:
        return DataCheck(f"{league}: {f1} and {f2} could not be cross-checked: {pair.error}", agree=False,
                         kind="unreadable")
    c = pair.check
    coverage = _coverage(pair, f1, f2, as_of)
    if c.agree:
        return DataCheck(f"{league}: {f1} and {f2} agree on all {c.compared} matches both have played "
                         f"(date and full-time score){coverage}.", agree=True)
    n = len(c.disagreements)
    text = (f"{league}: {f1} and {f2} disagree: {n} finding{'s' if n != 1 else ''} "
            f"(date, score or a match missing from one file; {c.compared} matches both have played)")
    if as_of is not None:
        early = sum(1 for d in c.disagreements if d.match_date is not None and d.match_date <= as_of)
        text += (f"; {early} concern{'s' if early == 1 else ''} matches on or before {as_of.isoformat()}, "
                 "so figures on that date depend on which file is used" if early else
                 f"; none is on or before {as_of.isoformat()}, so the figures on that date are not affected")
    return DataCheck(text + coverage + ".", agree=False, details=tuple(d.description for d in c.disagreements))


def _coverage(pair: PairCheck, f1: str, f2: str, as_of: date | None) -> str:
    """Say so when one file has results the other does not yet have, up to the as-of date."""
    d1, d2 = pair.first.last_result_date, pair.second.last_result_date
    if d1 is None or d2 is None or d1 == d2:
        return ""
    (late, late_day), (early, early_day) = sorted(((f1, d1), (f2, d2)), key=lambda x: x[1], reverse=True)
    if as_of is not None and as_of <= early_day:
        return ""   # both files cover every match up to the as-of date
    return (f"; {early} has results up to {early_day.isoformat()} and {late} up to {late_day.isoformat()}, "
            f"so matches after {early_day.isoformat()} are not cross-checked")




def missing_results(season: Season, on: date) -> DataCheck | None:
    """Fixtures dated on or before ``on`` with no result: the figures stop short of the date.

    A file downloaded in March knows nothing of April; without this the figures would be
    labelled with the as-of date while counting only the matches the file had then.
    """
    waiting = [m for m in season.matches if m.date <= on and m.status == SCHEDULED]
    if not waiting:
        return _results_end_early(season, on)
    last = season.last_result_date
    since = f"its last result is from {last.isoformat()}" if last else "it has no results yet"
    return DataCheck(f"{season.name}: {Path(season.path).name} has no result for {len(waiting)} "
                     f"fixture{'s' if len(waiting) != 1 else ''} dated on or before {on.isoformat()} "
                     f"({since}); the figures count only the matches with a result.", agree=False,
                     details=tuple(f"{m.home} v {m.away}, {m.date.isoformat()} ({m.where})" for m in waiting),
                     kind="missing results")


def _results_end_early(season: Season, on: date) -> DataCheck | None:
    """A file with no fixture list (the CSVs hold played matches only) that stops before the
    as-of date while its season is not complete: the figures may stop short of the date."""
    last = season.last_result_date
    n = len(season.teams)
    played = sum(1 for m in season.matches if m.played)
    full = n * (n - 1)                       # a double round robin
    if last is None or last >= on or played >= full or (on - last).days <= STALE_DAYS:
        return None
    return DataCheck(f"{season.name}: {Path(season.path).name} has results up to {last.isoformat()} only "
                     f"({played} of the season's {full} matches), {(on - last).days} days before "
                     f"{on.isoformat()}; matches played since are not counted.", agree=False,
                     kind="missing results")
