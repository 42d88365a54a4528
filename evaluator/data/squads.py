"""Squad lists with dates of birth, and average ages on a date.

File: CSV with columns club, player, position, date_of_birth, source (others ignored).
Positions: GK, DF, DF-CB (centre-back), DF-FB (full-back), MF, FW. Defenders are every
position starting with DF; centre-backs are DF-CB.

Doubtful rows: when the optional ``status`` column says ``doubtful``, or (files without it)
when the source note flags the squad status as UNCERTAIN; an UNCERTAIN that qualifies only
the date of birth ("DOB UNCERTAIN") or a sub-role ("sub-role CB UNCERTAIN") does not make the
membership doubtful. The user chooses whether doubtful rows count.

The date a squad list describes, and the names behind its per-row source codes (S1, N2...),
come from ``sources.json`` beside it (format ``clubfit-squad-sources``: ``lists`` maps a file
name to ``{"as_of": "YYYY-MM-DD"}``, ``codes`` maps a code to its source's full name). A list
without a date cannot be judged stale and says so.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from evaluator.errors import InputError

DAYS_PER_YEAR = 365.2425
_REQUIRED = ("club", "player", "position", "date_of_birth", "source")
_QUALIFIED_UNCERTAIN = re.compile(r"(DOB|sub-role(\s+\w+)?)\s+UNCERTAIN")
_CODE = re.compile(r"\b[A-Z][0-9]+[a-z]?\b")   # a per-row source code: S1, S1m, N12, R2...
SOURCES_FILE = "sources.json"


@dataclass(frozen=True)
class Player:
    club: str
    name: str
    position: str
    born: date | None
    source: str
    doubtful: bool
    where: str                      # "file: row 5"

    @property
    def defender(self) -> bool:
        return self.position.upper().startswith("DF")

    @property
    def centre_back(self) -> bool:
        return self.position.upper() == "DF-CB"


@dataclass(frozen=True)
class Squad:
    club: str
    path: str
    players: tuple[Player, ...]
    as_of: date | None = None                          # the date the list describes
    codes: dict[str, str] = field(default_factory=dict)   # source code -> full name (sources.json)

    def codes_used(self) -> tuple[str, ...]:
        """Every source code named in the rows, in order of first use."""
        found = (m.group(0) for p in self.players for m in _CODE.finditer(p.source))
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class AgeFigure:
    value: float | None
    count: int
    excluded_doubtful: tuple[str, ...]
    note: str


def doubtful_from_note(source: str) -> bool:
    cleaned = _QUALIFIED_UNCERTAIN.sub("", source)
    return "UNCERTAIN" in cleaned


def read_squad(path: str | os.PathLike[str]) -> Squad:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot be read ({getattr(e, 'strerror', None) or e})") from None
    return _with_sources(parse_squad(text, p.name, str(p)), p)


def _with_sources(squad: Squad, p: Path) -> Squad:
    """The list's date and the code legend from sources.json beside it, if there is one."""
    side = p.parent / SOURCES_FILE
    if not side.is_file():
        return squad
    where = f"{side}"
    try:
        raw = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{where}: cannot be read ({e})") from None
    if not isinstance(raw, dict) or raw.get("format") != "clubfit-squad-sources":
        raise InputError(f"{where}: format: expected 'clubfit-squad-sources'")
    codes, lists = raw.get("codes", {}), raw.get("lists", {})
    if not isinstance(codes, dict) or not all(isinstance(v, str) for v in codes.values()):
        raise InputError(f"{where}: codes: expected an object of texts")
    if not isinstance(lists, dict):
        raise InputError(f"{where}: lists: expected an object")
    entry = lists.get(p.name) or {}
    day = entry.get("as_of") if isinstance(entry, dict) else None
    try:
        as_of = date.fromisoformat(day) if day else None
    except (TypeError, ValueError):
        raise InputError(f"{where}: lists.{p.name}.as_of: {day!r} is not a date (use YYYY-MM-DD)") from None
    return replace(squad, as_of=as_of, codes={str(k): v for k, v in codes.items()})


def parse_squad(text: str, name: str, path: str = "") -> Squad:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise InputError(f"{name}: not a squad file (missing column {', '.join(missing)})")
    players: list[Player] = []
    for row in reader:
        where = f"{name}: row {reader.line_num}"
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        player = (row.get("player") or "").strip()
        if not player:
            raise InputError(f"{where}: player is empty")
        dob_raw = (row.get("date_of_birth") or "").strip()
        born = None
        if dob_raw:
            try:
                born = date.fromisoformat(dob_raw)
            except ValueError:
                raise InputError(f"{where} ({player}): date_of_birth {dob_raw!r} is not a date (YYYY-MM-DD)") from None
        status = (row.get("status") or "").strip().lower()
        source = (row.get("source") or "").strip()
        doubtful = status == "doubtful" if status else doubtful_from_note(source)
        players.append(Player((row.get("club") or "").strip(), player, (row.get("position") or "").strip(),
                              born, source, doubtful, where))
    if not players:
        raise InputError(f"{name}: no player rows")
    clubs = {p.club for p in players}
    if len(clubs) != 1:
        raise InputError(f"{name}: one club per squad file, found {len(clubs)}: {', '.join(sorted(clubs))}")
    return Squad(players[0].club, path or name, tuple(players))


def age_on(born: date, day: date) -> float:
    return (day - born).days / DAYS_PER_YEAR


def average_age(squad: Squad, day: date, group: str = "all", include_doubtful: bool = False) -> AgeFigure:
    """Mean age in years on ``day`` of ``group`` ("all", "defenders", "centre_backs")."""
    pick = {"all": lambda p: True, "defenders": lambda p: p.defender,
            "centre_backs": lambda p: p.centre_back}[group]
    chosen = [p for p in squad.players if pick(p)]
    excluded = tuple(p.name for p in chosen if p.doubtful and not include_doubtful)
    counted = [p for p in chosen if include_doubtful or not p.doubtful]
    ages = []
    for p in counted:
        if p.born is None:
            raise InputError(f"{p.where} ({p.name}): no date of birth; add it or remove the row")
        if p.born > day:
            raise InputError(f"{p.where} ({p.name}): born {p.born} after the as-of date {day}")
        ages.append(age_on(p.born, day))
    if not ages:
        return AgeFigure(None, 0, excluded, f"no {group.replace('_', ' ')} in the squad list")
    note = f"{len(ages)} players"
    if excluded:
        note += f"; left out as doubtful: {', '.join(excluded)}"
    elif include_doubtful and any(p.doubtful for p in counted):
        note += f"; includes doubtful: {', '.join(p.name for p in counted if p.doubtful)}"
    return AgeFigure(sum(ages) / len(ages), len(ages), excluded, note)
