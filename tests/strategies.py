"""Hypothesis strategies for the file readers: valid files, then mutated the way real files go wrong.

Each strategy draws the bytes of one file (openfootball JSON, the two football-data CSV shapes,
a squad CSV, an alias CSV). ``mutated(kind)`` starts from a valid file and applies one or more
mutations: a nasty value in a field (inf, nan, 1e400, 4,300+ digits, '1_0', non-ASCII digits,
far dates, self-matches, repeated rows, odd positions) or a byte-level fault (truncation,
random bytes, CR-only endings, a huge field, deep nesting, a BOM, NUL bytes).
``check_*`` hold the property: sane figures, or an InputError of one line naming the file.
Used by tests/test_fuzz_readers.py and benchmarks/bench_fuzz.py.
"""
from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from hypothesis import strategies as st

from evaluator.data.matches import MAX_GOALS, PLAYED, POSTPONED, SCHEDULED, Season, read_season
from evaluator.data.names import read_aliases
from evaluator.data.squads import DEFENDER_GROUPS, POSITIONS, Squad, average_age, read_squad
from evaluator.errors import InputError

TEAMS = ["AS Roma", "Lazio", "Paris SG", "Paris Saint-Germain FC", "1. FC Köln", "Inter", "Milan",
         "Bayer 04 Leverkusen", "Olympique de Marseille", "Lens", "Hellas Verona FC", "St Pauli"]
POSITION_CODES = ["GK", "DF", "DF-CB", "DF-FB", "MF", "FW", "CB", "LB", "RB", "LWB", "RWB", "DM", "CM",
                  "AM", "LW", "RW", "ST", "CF"]
NASTY = ["inf", "-inf", "nan", "NaN", "1e400", "1e300", "2.0", "1_0", "٣", "١٢", "𝟘", "-1", "+1", " ",
         "", "0x10", "9" * 4400, "\x00", "1\x002", "2099-08-01", "1800-01-01", "0001-01-01",
         "9999-12-31", "31/02/2025", "29/02/23", "2025-13-01", "x" * 300, '"', "a\nb", "\r", "Ⅻ",
         "CB", "cb", "Libero", "GK/CB", "DOB UNCERTAIN", "UNCERTAIN", "doubtful"]
RAW_JSON = ["1e400", "-1e400", "NaN", "Infinity", "-Infinity", "9" * 4400, "1e300", "2.0", "-1",
            "true", "null", "[]", "{}", '"2"', "[1]", "[1, 2, 3]", "[" * 50 + "]" * 50, "3",
            '"2099-08-01"', '"1800-01-01"', '"postponed"', '"x"', '"' + "y" * 2000 + '"']
START = date(2023, 7, 1)


@st.composite
def _fixtures(draw: st.DrawFn, max_size: int = 10) -> list[tuple[date, str, str, int | None, int | None]]:
    """Distinct (date, home, away) fixtures between distinct teams, goals or None (unplayed)."""
    n = draw(st.integers(1, max_size))
    out = []
    for k in range(n):
        home, away = draw(st.lists(st.sampled_from(TEAMS), min_size=2, max_size=2, unique=True))
        day = START + timedelta(days=7 * k + draw(st.integers(0, 6)))
        played = draw(st.booleans()) or draw(st.booleans())
        goals = (draw(st.integers(0, 9)), draw(st.integers(0, 9))) if played else (None, None)
        out.append((day, home, away, *goals))
    return out


@st.composite
def openfootball_json(draw: st.DrawFn) -> bytes:
    matches: list[dict[str, object]] = []
    raw: dict[str, str] = {}
    for day, home, away, hg, ag in draw(_fixtures()):
        m: dict[str, object] = {"round": "Matchday 1", "date": day.isoformat(), "team1": home, "team2": away}
        if hg is not None:
            m["score"] = {"ft": [hg, ag]}
        elif draw(st.booleans()):
            m["status"] = "postponed"
        if draw(st.integers(0, 9)) == 0:   # a nasty value spliced in as raw JSON text
            key = f"__RAW{len(raw)}__"
            raw[key] = draw(st.sampled_from(RAW_JSON))
            field = draw(st.sampled_from(["team1", "team2", "date", "score", "status", "ft0", "ft1", "ft"]))
            if field.startswith("ft"):
                score = m.setdefault("score", {"ft": [0, 0]})
                assert isinstance(score, dict)
                if field == "ft":
                    score["ft"] = key
                else:
                    score["ft"][int(field[2])] = key
            else:
                m[field] = key
        if draw(st.integers(0, 60)) == 0:   # per match: keep most files free of it
            m["team2"] = m["team1"]
        matches.append(m)
        if draw(st.integers(0, 60)) == 0:
            matches.append(dict(m))
    text = json.dumps({"name": "Fuzz league", "matches": matches}, ensure_ascii=draw(st.booleans()))
    for key, value in raw.items():
        text = text.replace(f'"{key}"', value)
    return text.encode()


def _cell(draw: st.DrawFn, value: str) -> str:
    if draw(st.integers(0, 60)) == 0:   # rare per cell: a file has dozens of cells
        value = draw(st.sampled_from(NASTY))
    if any(c in value for c in ',"\n\r'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _lines(rows: list[list[str]], draw: st.DrawFn) -> bytes:
    lines = [",".join(r) for r in rows]
    if len(lines) > 1 and draw(st.integers(0, 10)) == 0:   # a repeated row
        lines.append(lines[draw(st.integers(1, len(lines) - 1))])
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return (end.join(lines) + end * draw(st.integers(0, 2))).encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])))


@st.composite
def csv_iso(draw: st.DrawFn) -> bytes:
    rows = [["Date", "HomeTeam", "AwayTeam", "FTHG", "FTAG", "FTR", "HST", "AST"]]
    for day, home, away, hg, ag in draw(_fixtures()):
        away = home if draw(st.integers(0, 60)) == 0 else away
        g = ["" if hg is None else str(hg), "" if ag is None else str(ag)]
        rows.append([_cell(draw, v) for v in (day.isoformat(), home, away, *g, "H", "3", "4")])
    return _lines(rows, draw)


@st.composite
def csv_original(draw: st.DrawFn) -> bytes:
    rows = [["Div", "Date", "Time", "HomeTeam", "AwayTeam", "FTHG", "FTAG", "FTR", "HTHG", "HTAG",
             "HS", "AS", "HST", "AST", "B365H", "B365D", "B365A"]]
    fmt = draw(st.sampled_from(["%d/%m/%Y", "%d/%m/%y"]))
    for day, home, away, hg, ag in draw(_fixtures()):
        g = ["" if hg is None else str(hg), "" if ag is None else str(ag)]
        rows.append([_cell(draw, v) for v in ("F1", day.strftime(fmt), "20:45", home, away, *g, "D", "0", "0",
                                             "12", "9", "5", "2", "2.10", "3.30", "3.75")])
    return _lines(rows, draw)


@st.composite
def squad_csv(draw: st.DrawFn) -> bytes:
    rows = [["club", "player", "position", "date_of_birth", "source"]]
    club = draw(st.sampled_from(["AS Roma", "Roma", "Lens"]))
    for k in range(draw(st.integers(1, 12))):
        born = date(1985, 1, 1) + timedelta(days=draw(st.integers(0, 7300)))
        name = draw(st.sampled_from(["Mile Svilar", "Gianluca Mancini", "Żelezny", "Ndicka", "Danilo"])) + f" {k % 4}"
        rows.append([_cell(draw, v) for v in (club, name, draw(st.sampled_from(POSITION_CODES)), born.isoformat(),
                                             draw(st.sampled_from(["confirmed S3", "NOTE: UNCERTAIN squad status"])))])
    return _lines(rows, draw)


@st.composite
def alias_csv(draw: st.DrawFn) -> bytes:
    rows = [["alias", "name"]]
    for _ in range(draw(st.integers(1, 6))):
        a, b = draw(st.lists(st.sampled_from(TEAMS + ["Bayern Munich", "M'gladbach"]), min_size=2, max_size=2, unique=True))
        rows.append([_cell(draw, a), _cell(draw, b)])
    return _lines(rows, draw)


@st.composite
def _byte_fault(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(st.sampled_from(["truncate", "insert", "flip", "cr", "bom", "nul", "huge", "deep", "bigint",
                                 "nan", "empty", "dup-line"]))
    at = draw(st.integers(0, len(data)))
    if kind == "truncate":
        return data[:at]
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=20)) + data[at:]
    if kind == "flip" and data:
        i = min(at, len(data) - 1)
        return data[:i] + bytes([data[i] ^ draw(st.integers(1, 255))]) + data[i + 1:]
    if kind == "cr":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    if kind == "bom":
        return b"\xef\xbb\xbf" + data
    if kind == "nul":
        return data[:at] + b"\x00" + data[at:]
    if kind == "huge":
        return data[:at] + b"x" * 140_000 + data[at:]
    if kind == "deep":
        n = draw(st.sampled_from([100, 1_000, 5_000]))
        return b'{"matches": ' + b"[" * n + b"]" * n + b"}" if draw(st.booleans()) else b"[" * n + data
    if kind == "bigint":
        return data[:at] + b"9" * 4400 + data[at:]
    if kind == "nan":
        return data[:at] + draw(st.sampled_from([b"NaN", b"inf", b"1e400", b"-0"])) + data[at:]
    if kind == "empty":
        return b""
    lines = data.splitlines(keepends=True)
    return b"".join(lines + lines[1:2]) if lines else data


def mutated(base: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """A valid file (a third of the time), or one with 1-3 byte-level faults on top."""
    @st.composite
    def go(draw: st.DrawFn) -> bytes:
        data = draw(base)
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3]))):
            data = draw(_byte_fault(data))
        return data
    return go()


# --- the property -----------------------------------------------------------------------
def check_error(e: InputError, name: str) -> None:
    msg = str(e)
    assert "\n" not in msg and "\r" not in msg, msg
    assert len(msg) <= 200, (len(msg), msg)
    assert name in msg, msg


def _one_line(warnings: tuple[str, ...]) -> None:
    for w in warnings:
        assert isinstance(w, str) and "\n" not in w and "\r" not in w and len(w) <= 250, w


def check_season(s: Season) -> None:
    assert s.matches and isinstance(s.warnings, tuple)
    _one_line(s.warnings)
    latest = date.today() + timedelta(days=4 * 366)
    seen = set()
    for m in s.matches:
        assert isinstance(m.date, date) and date(1850, 1, 1) <= m.date <= latest
        assert isinstance(m.home, str) and isinstance(m.away, str) and m.home.strip() and m.away.strip()
        assert m.home.casefold().split() != m.away.casefold().split()
        key = (m.date, frozenset((" ".join(m.home.casefold().split()), " ".join(m.away.casefold().split()))))
        assert key not in seen
        seen.add(key)
        assert m.status in (PLAYED, SCHEDULED, POSTPONED)
        goals = (m.home_goals, m.away_goals)
        if m.played:
            assert m.date <= date.today() + timedelta(days=1)
            assert all(type(g) is int and 0 <= g <= MAX_GOALS for g in goals)
        else:
            assert goals == (None, None)
        for sot in (m.home_shots_on_target, m.away_shots_on_target):
            assert sot is None or (type(sot) is int and 0 <= sot <= MAX_GOALS)
    assert list(s.teams) == sorted({m.home for m in s.matches} | {m.away for m in s.matches})


def check_squad(s: Squad, name: str) -> None:
    assert s.players and s.club.strip() and isinstance(s.warnings, tuple)
    _one_line(s.warnings)
    assert len({(" ".join(p.name.casefold().split()), p.born) for p in s.players}) == len(s.players)
    for p in s.players:
        assert p.name.strip() and p.position in ("", *set(POSITIONS.values()))
        assert p.born is None or isinstance(p.born, date)
        assert p.defender == (p.position in DEFENDER_GROUPS)
    for group in ("all", "defenders", "centre_backs"):
        try:
            a = average_age(s, date(2025, 11, 28), group, include_doubtful=True)
        except InputError as e:   # no date of birth, or born after the date: refused, named
            check_error(e, name)
            continue
        assert a.value is None or 15 <= a.value <= 45
        _one_line(a.warnings)


def check_aliases(table: dict[str, str]) -> None:
    for k, v in table.items():
        assert isinstance(k, str) and k and isinstance(v, str) and v.strip()


READERS: dict[str, tuple[Callable[[], st.SearchStrategy[bytes]], str, Callable[[Path, str], None]]] = {}


def _season(path: Path, name: str) -> None:
    check_season(read_season(path))


def _squad(path: Path, name: str) -> None:
    check_squad(read_squad(path), name)


def _aliases(path: Path, name: str) -> None:
    check_aliases(read_aliases(path))


READERS.update({   # reader name: (strategy, file name, read-and-check)
    "matches-json": (lambda: mutated(openfootball_json()), "fuzz.json", _season),
    "matches-csv-iso": (lambda: mutated(csv_iso()), "fuzz-iso.csv", _season),
    "matches-csv-original": (lambda: mutated(csv_original()), "fuzz-orig.csv", _season),
    "squads": (lambda: mutated(squad_csv()), "fuzz-squad.csv", _squad),
    "aliases": (lambda: mutated(alias_csv()), "fuzz-aliases.csv", _aliases),
})


def run_case(reader: str, data: bytes, folder: Path) -> None:
    """Write ``data`` as the reader's file and read it: sane figures or a good InputError, else AssertionError."""
    _, name, read = READERS[reader]
    path = folder / name
    path.write_bytes(data)
    try:
        read(path, name)
    except InputError as e:
        check_error(e, name)


from tests.strategies_documents import register as _register_documents  # noqa: E402  (uses mutated above)

_register_documents(READERS)
