"""Match files in two open formats, read into one plain shape.

- openfootball football.json: {"name", "matches": [{"round", "date", "time"?, "team1",
  "team2", "score": {"ht"?, "ft"?}, "status"?}]}; no "ft" = not played yet.
- football-data.co.uk-style CSV: the PDDL mirror's shape (ISO dates, Date,HomeTeam,...)
  and the original site's shape (Div first, dd/mm/yyyy or dd/mm/yy dates, Time, odds).
Nothing here knows a league, season or club.

What is refused and what is only warned about: docs/bad-input.md.
"""
from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from evaluator.data.reading import MB, capped, decode, elide, header_and_rows, quoted, read_bounded, shown_name
from evaluator.errors import InputError

PLAYED, SCHEDULED, POSTPONED = "played", "scheduled", "postponed"
MAX_BYTES = 5 * MB   # a season is under 1 MB; past 5 MB the parse alone would stall the window (benchmarks/bench_soak.py)
MAX_GOALS = 999                       # three digits: more is a typo or a different column
EARLIEST = date(1850, 1, 1)           # before organised football: a wrong year, not a match
FIXTURES_AHEAD = timedelta(days=3 * 366)   # fixture lists are published months, not years, ahead
_COUNT = re.compile(r"[0-9]{1,3}")    # ASCII only: int() would also read '1_0', ' 3 ', '٣'


@dataclass(frozen=True)
class Match:
    date: date
    home: str
    away: str
    home_goals: int | None
    away_goals: int | None
    status: str                         # played, scheduled or postponed
    where: str                          # "file: matches[12]" or "file: row 14", for messages
    home_shots_on_target: int | None = None
    away_shots_on_target: int | None = None

    @property
    def played(self) -> bool:
        return self.status == PLAYED


@dataclass(frozen=True)
class Season:
    name: str
    path: str
    format: str                         # "openfootball-json" or "football-data-csv"
    matches: tuple[Match, ...]
    teams: tuple[str, ...]              # every team in the file, sorted
    warnings: tuple[str, ...] = ()      # one line each, for the window, report and CLI to show

    @property
    def first_date(self) -> date | None:
        return min((m.date for m in self.matches), default=None)

    @property
    def last_result_date(self) -> date | None:
        return max((m.date for m in self.matches if m.played), default=None)


def read_season(path: str | os.PathLike[str], today: date | None = None) -> Season:
    """Read either format, chosen by content (JSON object vs CSV header)."""
    p = Path(path)
    text = decode(read_bounded(p, MAX_BYTES, "a match file"), p.name, fallback_latin1=True)
    if text.lstrip().startswith("{"):
        return parse_openfootball(text, p.name, str(p), today)
    return parse_football_data_csv(text, p.name, str(p), today)


def _team_key(team: str) -> str:
    return " ".join(team.casefold().split())


def _finish(name: str, path: str, fmt: str, matches: list[Match], file: str) -> Season:
    """Refuse a file that holds one match twice; warn about a team playing twice on a day."""
    seen: dict[tuple[date, frozenset[str]], Match] = {}
    per_day: dict[tuple[date, str], Match] = {}
    warnings: list[str] = []
    for m in matches:
        pair = frozenset((_team_key(m.home), _team_key(m.away)))
        first = seen.setdefault((m.date, pair), m)
        if first is not m:
            # Refused, not dropped: a repeated row means a bad merge or export, and the copies
            # may disagree on the score; the user should look at the file, not trust a guess.
            raise InputError(f"{m.where}: the same match as {_label(first)} ({elide(m.home, 30)} v "
                             f"{elide(m.away, 30)}, {m.date}); remove one of the two")
        for team in (m.home, m.away):
            other = per_day.setdefault((m.date, _team_key(team)), m)
            if other is not m:
                warnings.append(f"{shown_name(file)}: {elide(team, 30)} has two matches on {m.date} "
                                f"({_label(other)} and {_label(m)})")
    teams = tuple(sorted({m.home for m in matches} | {m.away for m in matches}))
    return Season(name, path, fmt, tuple(matches), teams, capped(warnings))


def _label(m: Match) -> str:
    return m.where.rpartition(": ")[2]


def _check(home: str, away: str, day: date, played: bool, where: str, today: date | None) -> None:
    if _team_key(home) == _team_key(away):
        raise InputError(f"{where}: {quoted(home)} plays itself; home and away must be two teams")
    today = today or date.today()
    if day < EARLIEST:
        raise InputError(f"{where}: date {day} is before {EARLIEST.year}; the year is wrong")
    if played and day > today + timedelta(days=1):   # a day of slack for time zones
        raise InputError(f"{where}: a result dated {day}, after today ({today}); the date is wrong")
    if day > today + FIXTURES_AHEAD:
        raise InputError(f"{where}: a fixture dated {day}, years from now; the date is wrong")


# --- openfootball JSON ------------------------------------------------------------------
def _json_int(s: str) -> int | float:
    # Beyond 18 digits no count is meant; int() of 4,300+ digits would raise ValueError.
    return int(s) if len(s) <= 18 else math.inf


def parse_openfootball(text: str, name: str, path: str = "", today: date | None = None) -> Season:
    short = shown_name(name)
    try:
        raw = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as e:
        raise InputError(f"{short}: not valid JSON (line {e.lineno}: {elide(e.msg, 60)})") from None
    except RecursionError:   # the C decoder stops cleanly at the recursion limit (~1,000 levels)
        raise InputError(f"{short}: not an openfootball file (JSON nested far too deep)") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("matches"), list):
        raise InputError(f"{short}: expected an object with a 'matches' list (openfootball format)")
    out = [_openfootball_match(m, f"{short}: matches[{i}]", today) for i, m in enumerate(raw["matches"])]
    if not out:
        raise InputError(f"{short}: the 'matches' list is empty")
    title = raw.get("name")
    title = elide(title, 80) if isinstance(title, str) and title.strip() else name
    return _finish(title, path or name, "openfootball-json", out, name)


def _openfootball_match(m: Any, where: str, today: date | None) -> Match:
    if not isinstance(m, dict):
        raise InputError(f"{where}: expected an object")
    home, away = m.get("team1"), m.get("team2")
    for field, v in (("team1", home), ("team2", away)):
        if not isinstance(v, str) or not v.strip():
            raise InputError(f"{where}.{field}: expected a team name, got {quoted(v)}")
    assert isinstance(home, str) and isinstance(away, str)
    home, away = home.strip(), away.strip()
    day = _iso_date(m.get("date"), f"{where}.date")
    score = m.get("score") or {}
    if not isinstance(score, dict):
        raise InputError(f"{where}.score: expected an object")
    ft = score.get("ft")
    status = m.get("status")
    status = status.strip().lower() if isinstance(status, str) else ""
    if status == POSTPONED or ft is None:
        _check(home, away, day, False, where, today)
        return Match(day, home, away, None, None, POSTPONED if status == POSTPONED else SCHEDULED, where)
    if (not isinstance(ft, list) or len(ft) != 2
            or not all(isinstance(g, int) and not isinstance(g, bool) and 0 <= g <= MAX_GOALS for g in ft)):
        raise InputError(f"{where}.score.ft: expected two goal counts [home, away] of 0-{MAX_GOALS}, "
                         f"got {_ft_text(ft)}")
    _check(home, away, day, True, where, today)
    return Match(day, home, away, ft[0], ft[1], PLAYED, where)


def _ft_text(ft: Any) -> str:
    if isinstance(ft, list) and len(ft) <= 4 and all(not isinstance(g, (list, dict)) for g in ft):
        return elide("[" + ", ".join(elide(g, 12) for g in ft) + "]", 60)
    return elide(ft)


def _iso_date(v: Any, where: str) -> date:
    if not isinstance(v, str):
        raise InputError(f"{where}: expected a date YYYY-MM-DD, got {quoted(v)}")
    try:
        if not v.isascii():
            raise ValueError
        return date.fromisoformat(v.strip())
    except ValueError:
        raise InputError(f"{where}: {quoted(v)} is not a date (YYYY-MM-DD)") from None


# --- football-data CSV ------------------------------------------------------------------
_CSV_REQUIRED = ("Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG")


def parse_football_data_csv(text: str, name: str, path: str = "", today: date | None = None) -> Season:
    short = shown_name(name)
    header, rows = header_and_rows(text, name)
    missing = [c for c in _CSV_REQUIRED if c not in header]
    if missing:
        raise InputError(f"{short}: not a football-data CSV (missing column {', '.join(missing)})")
    out: list[Match] = []
    div = ""
    for line, row in rows:
        where = f"{short}: row {line}"
        home, away = row["HomeTeam"].strip(), row["AwayTeam"].strip()
        if not home or not away:
            raise InputError(f"{where}: HomeTeam/AwayTeam is empty")
        day = _csv_date(row["Date"], f"{where}, Date")
        hg, ag = _goals(row["FTHG"], f"{where}, FTHG"), _goals(row["FTAG"], f"{where}, FTAG")
        if (hg is None) != (ag is None):
            raise InputError(f"{where}: only one of FTHG/FTAG is given")
        _check(home, away, day, hg is not None, where, today)
        out.append(Match(
            day, home, away, hg, ag, PLAYED if hg is not None else SCHEDULED, where,
            _goals(row.get("HST"), f"{where}, HST"), _goals(row.get("AST"), f"{where}, AST"),
        ))
        if len(out) == 1 and "Div" in header:
            div = f" ({elide(row['Div'].strip(), 20)})"
    if not out:
        raise InputError(f"{short}: no match rows")
    return _finish(f"{Path(name).stem}{div}", path or name, "football-data-csv", out, name)


def _csv_date(v: str, where: str) -> date:
    s = v.strip()
    if s.isascii():   # strptime's %d would also read other scripts' digits
        for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"):
            try:
                return datetime.strptime(s, fmt).date()
            except ValueError:
                continue
    raise InputError(f"{where}: {quoted(v)} is not a date (YYYY-MM-DD, dd/mm/yyyy or dd/mm/yy)")


def _goals(v: str | None, where: str) -> int | None:
    """A count 0-999 written as plain ASCII digits; '' is no value. '2.0', '1e300', 'inf' are refused."""
    s = (v or "").strip()
    if not s:
        return None
    if not _COUNT.fullmatch(s):
        raise InputError(f"{where}: {quoted(v)} is not a count (a whole number 0-{MAX_GOALS})")
    return int(s)
