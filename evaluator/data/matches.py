"""Match files in two open formats, read into one plain shape.

- openfootball football.json: {"name", "matches": [{"round", "date", "time"?, "team1",
  "team2", "score": {"ht"?, "ft"?}, "status"?}]}; no "ft" = not played yet.
- football-data.co.uk-style CSV: the PDDL mirror's shape (ISO dates, Date,HomeTeam,...)
  and the original site's shape (Div first, dd/mm/yyyy or dd/mm/yy dates, Time, odds).
Nothing here knows a league, season or club.
"""
from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from evaluator.errors import InputError

PLAYED, SCHEDULED, POSTPONED = "played", "scheduled", "postponed"


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

    @property
    def first_date(self) -> date | None:
        return min((m.date for m in self.matches), default=None)

    @property
    def last_result_date(self) -> date | None:
        return max((m.date for m in self.matches if m.played), default=None)


def read_season(path: str | os.PathLike[str]) -> Season:
    """Read either format, chosen by content (JSON object vs CSV header)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, not a match file") from None
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror or e})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")   # older football-data.co.uk files are Windows-1252
    if text.lstrip().startswith("{"):
        return parse_openfootball(text, p.name, str(p))
    return parse_football_data_csv(text, p.name, str(p))


def _teams(matches: list[Match]) -> tuple[str, ...]:
    return tuple(sorted({m.home for m in matches} | {m.away for m in matches}))


# --- openfootball JSON ------------------------------------------------------------------
def parse_openfootball(text: str, name: str, path: str = "") -> Season:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{name}: not valid JSON (line {e.lineno}: {e.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("matches"), list):
        raise InputError(f"{name}: expected an object with a 'matches' list (openfootball format)")
    out = [_openfootball_match(m, f"{name}: matches[{i}]") for i, m in enumerate(raw["matches"])]
    if not out:
        raise InputError(f"{name}: the 'matches' list is empty")
    return Season(str(raw.get("name") or name), path or name, "openfootball-json", tuple(out), _teams(out))


def _openfootball_match(m: Any, where: str) -> Match:
    if not isinstance(m, dict):
        raise InputError(f"{where}: expected an object")
    teams: list[str] = []
    for field in ("team1", "team2"):
        v = m.get(field)
        if not isinstance(v, str) or not v.strip():
            raise InputError(f"{where}.{field}: expected a team name, got {v!r}")
        teams.append(v.strip())
    home, away = teams
    day = _iso_date(m.get("date"), f"{where}.date")
    score = m.get("score") or {}
    if not isinstance(score, dict):
        raise InputError(f"{where}.score: expected an object")
    ft = score.get("ft")
    status = str(m.get("status") or "").lower()
    if status == POSTPONED:
        return Match(day, home, away, None, None, POSTPONED, where)
    if ft is None:
        return Match(day, home, away, None, None, SCHEDULED, where)
    if (not isinstance(ft, list) or len(ft) != 2
            or not all(isinstance(g, int) and not isinstance(g, bool) and g >= 0 for g in ft)):
        raise InputError(f"{where}.score.ft: expected two goal counts [home, away], got {ft!r}")
    return Match(day, home, away, ft[0], ft[1], PLAYED, where)


def _iso_date(v: Any, where: str) -> date:
    if not isinstance(v, str):
        raise InputError(f"{where}: expected a date YYYY-MM-DD, got {v!r}")
    try:
        return date.fromisoformat(v.strip())
    except ValueError:
        raise InputError(f"{where}: {v!r} is not a date (YYYY-MM-DD)") from None


# --- football-data CSV ------------------------------------------------------------------
_CSV_REQUIRED = ("Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG")


def parse_football_data_csv(text: str, name: str, path: str = "") -> Season:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    missing = [c for c in _CSV_REQUIRED if c not in header]
    if missing:
        raise InputError(f"{name}: not a football-data CSV (missing column {', '.join(missing)})")
    out: list[Match] = []
    for row in reader:
        line = reader.line_num
        where = f"{name}: row {line}"
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue   # blank trailing lines are common in these files
        home, away = (row.get("HomeTeam") or "").strip(), (row.get("AwayTeam") or "").strip()
        if not home or not away:
            raise InputError(f"{where}: HomeTeam/AwayTeam is empty")
        day = _csv_date(row.get("Date") or "", f"{where}, Date")
        hg, ag = _goals(row.get("FTHG"), f"{where}, FTHG"), _goals(row.get("FTAG"), f"{where}, FTAG")
        if (hg is None) != (ag is None):
            raise InputError(f"{where}: only one of FTHG/FTAG is given")
        out.append(Match(
            day, home, away, hg, ag, PLAYED if hg is not None else SCHEDULED, where,
            _goals(row.get("HST"), f"{where}, HST"), _goals(row.get("AST"), f"{where}, AST"),
        ))
    if not out:
        raise InputError(f"{name}: no match rows")
    div = ""
    first = next(csv.DictReader(io.StringIO(text)), None)
    if first and "Div" in header:
        div = f" ({(first.get('Div') or '').strip()})"
    return Season(f"{Path(name).stem}{div}", path or name, "football-data-csv", tuple(out), _teams(out))


def _csv_date(v: str, where: str) -> date:
    s = v.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise InputError(f"{where}: {v!r} is not a date (YYYY-MM-DD, dd/mm/yyyy or dd/mm/yy)")


def _goals(v: str | None, where: str) -> int | None:
    s = (v or "").strip()
    if not s:
        return None
    try:
        f = float(s)
    except ValueError:
        raise InputError(f"{where}: {v!r} is not a count") from None
    if f < 0 or f != int(f):
        raise InputError(f"{where}: {v!r} is not a count (whole number, 0 or more)")
    return int(f)
