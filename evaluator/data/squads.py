"""Squad lists with dates of birth, and average ages on a date.

File: CSV with columns club, player, position, date_of_birth, source (others ignored).
Position groups: GK, DF, DF-CB (centre-back), DF-FB (full-back), MF, FW. Common codes map to
them explicitly (CB -> DF-CB, LB/RB/LWB/RWB -> DF-FB, DM/CM/AM -> MF, ST/CF/LW/RW -> FW, ...);
a code not in the table is a warning (counted in the whole squad only), never a silent drop.
Defenders are DF, DF-CB and DF-FB; centre-backs are DF-CB.

Doubtful rows: when the optional ``status`` column says ``doubtful``, or (files without it)
when the source note flags the squad status as UNCERTAIN; an UNCERTAIN that qualifies only
the date of birth ("DOB UNCERTAIN") or a sub-role ("sub-role CB UNCERTAIN") does not make the
membership doubtful. The user chooses whether doubtful rows count.

One club per file (Squad.club); the same player twice counts once, with a warning; ages outside
15-45 on the as-of date are left out of averages with a warning. See docs/bad-input.md.

The date a squad list describes, and the names behind its per-row source codes (S1, N2...),
come from ``sources.json`` beside it (format ``clubfit-squad-sources``: ``lists`` maps a file
name to ``{"as_of": "YYYY-MM-DD"}``, ``codes`` maps a code to its source's full name). A list
without a date cannot be judged stale and says so.
"""
from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from evaluator.data.names import normalise
from evaluator.data.reading import MB, capped, decode, elide, header_and_rows, quoted, read_bounded, shown_name
from evaluator.errors import InputError
from evaluator.json_file import read_json_file

DAYS_PER_YEAR = 365.2425
MAX_BYTES = 20 * MB                 # a squad list is a few KB
MIN_AGE, MAX_AGE = 15, 45           # a professional outside this range is almost surely a wrong date
_REQUIRED = ("club", "player", "position", "date_of_birth", "source")
_QUALIFIED_UNCERTAIN = re.compile(r"(DOB|sub-role(\s+\w+)?)\s+UNCERTAIN")
DEFENDER_GROUPS = ("DF", "DF-CB", "DF-FB")


def _groups(table: dict[str, str]) -> dict[str, str]:
    return {code: group for group, codes in table.items() for code in codes.split()}


# Explicit: each code a squad site commonly uses, to the group it belongs to.
POSITIONS = _groups({
    "GK": "GK G GKP GOALKEEPER KEEPER",
    "DF-CB": "DF-CB CB LCB RCB CD SW CENTRE-BACK CENTER-BACK CENTRE-HALF SWEEPER DF-SW",
    "DF-FB": "DF-FB FB LB RB WB LWB RWB LFB RFB FULL-BACK FULLBACK LEFT-BACK RIGHT-BACK WING-BACK "
             "DF-LB DF-RB DF-WB DF-LWB DF-RWB",
    "DF": "DF D DEF DEFENDER DEFENCE DEFENSE",
    "MF": "MF M MID MIDFIELDER MIDFIELD DM CDM DMF CM LCM RCM CMF AM CAM AMF LM RM LMF RMF "
          "DEFENSIVE-MIDFIELDER CENTRAL-MIDFIELDER ATTACKING-MIDFIELDER MF-DM MF-CM MF-AM",
    "FW": "FW F FWD FORWARD ST CF SS LW RW LF RF LWF RWF STRIKER CENTRE-FORWARD CENTER-FORWARD "
          "WINGER ATT ATTACKER",
})


def position_group(written: str) -> str | None:
    """The group of a position as written ("cb", "Left Back", "CB/RB": the first listed), or None."""
    first = re.split(r"[/,;|]", written.strip(), maxsplit=1)[0]
    code = re.sub(r"[\s_]+", "-", first.strip().upper())
    return POSITIONS.get(code)


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
    position_as_written: str = ""   # the file's text; ``position`` is its group, "" if unknown

    @property
    def defender(self) -> bool:
        return self.position in DEFENDER_GROUPS

    @property
    def centre_back(self) -> bool:
        return self.position == "DF-CB"


@dataclass(frozen=True)
class Squad:
    club: str                       # the one club the file is about (files naming several are refused)
    path: str
    players: tuple[Player, ...]
    warnings: tuple[str, ...] = ()  # one line each: unknown positions, repeated players

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
    warnings: tuple[str, ...] = ()  # players left out for an implausible age on the date


def doubtful_from_note(source: str) -> bool:
    cleaned = _QUALIFIED_UNCERTAIN.sub("", source)
    return "UNCERTAIN" in cleaned


def read_squad(path: str | os.PathLike[str]) -> Squad:
    p = Path(path)
    return _with_sources(parse_squad(decode(read_bounded(p, MAX_BYTES, "a squad file"), p.name, fallback_latin1=False),
                                     p.name, str(p)), p)


def _with_sources(squad: Squad, p: Path) -> Squad:
    """The list's date and the code legend from sources.json beside it, if there is one."""
    side = p.parent / SOURCES_FILE
    if not side.is_file():
        return squad
    where = f"{side}"
    raw = read_json_file(side, "squad sources file")
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
        raise InputError(f"{where}: lists.{p.name}.as_of: {quoted(day)} is not a date (use YYYY-MM-DD)") from None
    return replace(squad, as_of=as_of, codes={str(k): v for k, v in codes.items()})


def parse_squad(text: str, name: str, path: str = "") -> Squad:
    short = shown_name(name)
    header, rows = header_and_rows(text, name)
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        raise InputError(f"{short}: not a squad file (missing column {', '.join(missing)})")
    players: list[Player] = []
    warnings: list[str] = []
    seen: dict[tuple[str, date | None], Player] = {}
    seen_name: dict[str, Player] = {}
    for line, row in rows:
        where = f"{short}: row {line}"
        player = row["player"].strip()
        if not player:
            raise InputError(f"{where}: player is empty")
        who = f"{where} ({elide(player, 40)})"
        club = row["club"].strip()
        if not club:
            raise InputError(f"{who}: club is empty")
        born = _birth_date(row["date_of_birth"], who)
        status = row.get("status", "").strip().lower()
        source = row["source"].strip()
        doubtful = status == "doubtful" if status else doubtful_from_note(source)
        written = row["position"].strip()
        group = position_group(written)
        if group is None:
            warnings.append(f"{who}: position {quoted(written, 20)} is not known; counted in the whole "
                            "squad only, not as a defender")
        p = Player(club, player, group or "", born, source, doubtful, where, written)
        key = " ".join(player.casefold().split())
        first = seen.get((key, born))
        if first is not None:
            warnings.append(f"{who}: the same player as {first.where.rpartition(': ')[2]}; counted once")
            continue
        if key in seen_name:
            warnings.append(f"{who}: same name as {seen_name[key].where.rpartition(': ')[2]}, another date "
                            "of birth; both counted")
        seen[(key, born)] = p
        seen_name.setdefault(key, p)
        players.append(p)
    if not players:
        raise InputError(f"{short}: no player rows")
    # "AS Roma" and "Roma" are one club; "AS Roma" and "Lazio" are two, and refused.
    clubs = {" ".join(normalise(p.club)): p.club for p in players}
    if len(clubs) != 1:
        shown = ", ".join(elide(c, 30) for c in sorted(clubs.values())[:4])
        raise InputError(f"{short}: one club per squad file, found {len(clubs)}: {shown}")
    return Squad(players[0].club, path or name, tuple(players), capped(warnings))


def _birth_date(raw: str, who: str) -> date | None:
    s = raw.strip()
    if not s:
        return None
    try:
        if not s.isascii():   # fromisoformat reads only ASCII, but say so plainly
            raise ValueError
        return date.fromisoformat(s)
    except ValueError:
        raise InputError(f"{who}: date_of_birth {quoted(s)} is not a date (YYYY-MM-DD)") from None


def age_on(born: date, day: date) -> float:
    return (day - born).days / DAYS_PER_YEAR


def average_age(squad: Squad, day: date, group: str = "all", include_doubtful: bool = False) -> AgeFigure:
    """Mean age in years on ``day`` of ``group`` ("all", "defenders", "centre_backs")."""
    pick = {"all": lambda p: True, "defenders": lambda p: p.defender,
            "centre_backs": lambda p: p.centre_back}[group]
    chosen = [p for p in squad.players if pick(p)]
    excluded = tuple(p.name for p in chosen if p.doubtful and not include_doubtful)
    counted = [p for p in chosen if include_doubtful or not p.doubtful]
    ages: list[float] = []
    odd: list[str] = []
    for p in counted:
        if p.born is None:
            raise InputError(f"{p.where} ({elide(p.name)}): no date of birth; add it or remove the row")
        if p.born > day:
            raise InputError(f"{p.where} ({elide(p.name)}): born {p.born} after the as-of date {day}")
        age = age_on(p.born, day)
        if not MIN_AGE <= age <= MAX_AGE:
            # Left out: one wrong year (1800 for 1990) would move a 25-player mean by years.
            odd.append(f"{p.where} ({elide(p.name)}): born {p.born}, {age:.0f} on {day}; "
                       f"outside {MIN_AGE}-{MAX_AGE}, left out of the average")
            continue
        ages.append(age)
    warnings = capped(odd)
    if not ages:
        what = "with a plausible age " if odd else ""
        return AgeFigure(None, 0, excluded, f"no {group.replace('_', ' ')} {what}in the squad list", warnings)
    note = f"{len(ages)} players"
    if excluded:
        note += f"; left out as doubtful: {', '.join(excluded)}"
    elif include_doubtful and any(p.doubtful for p in counted):
        note += f"; includes doubtful: {', '.join(p.name for p in counted if p.doubtful)}"
    if odd:
        note += f"; left out for an implausible age: {len(odd)}"
    return AgeFigure(sum(ages) / len(ages), len(ages), excluded, note, warnings)
