"""A league table as text, CSV or JSON, for ``clubfit table FILE --as-of DATE --format ...``."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from evaluator.data.league_table import LeagueTable, Row
from evaluator.errors import InputError

FORMATS = ("text", "csv", "json")
_COLUMNS = ("position", "team", "played", "won", "drawn", "lost", "goals_for", "goals_against",
            "goal_difference", "points", "gap_to_leader", "clean_sheets", "conceded_per_match",
            "conceded_rank", "shots_on_target_against")
_HEAD = {"position": "Pos", "team": "Team", "played": "P", "won": "W", "drawn": "D", "lost": "L",
         "goals_for": "GF", "goals_against": "GA", "goal_difference": "GD", "points": "Pts",
         "gap_to_leader": "Gap", "clean_sheets": "CS", "conceded_per_match": "GA/P",
         "conceded_rank": "DefRk", "shots_on_target_against": "SoTA"}


def _values(r: Row) -> dict[str, Any]:
    cpm = r.conceded_per_match
    return {
        "position": r.position, "team": r.team, "played": r.played, "won": r.won, "drawn": r.drawn,
        "lost": r.lost, "goals_for": r.goals_for, "goals_against": r.goals_against,
        "goal_difference": r.goal_difference, "points": r.points, "gap_to_leader": r.gap_to_leader,
        "clean_sheets": r.clean_sheets,
        "conceded_per_match": None if cpm is None else round(cpm, 2),
        "conceded_rank": r.conceded_rank or None,
        "shots_on_target_against": r.shots_on_target_against,
    }


def format_table(table: LeagueTable, fmt: str = "text") -> str:
    """Render ``table`` as "text" (aligned columns), "csv" or "json"; ends with a newline."""
    if fmt not in FORMATS:
        raise InputError(f"--format: unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")
    rows = [_values(r) for r in table.rows]
    cols = [c for c in _COLUMNS if c != "shots_on_target_against" or any(v[c] is not None for v in rows)]
    if fmt == "json":
        doc = {"league": table.season.name, "file": table.season.path, "as_of": table.as_of.isoformat(),
               "matches_counted": table.matches_counted, "clubs": table.size,
               "last_result": table.last_result.isoformat() if table.last_result else None,
               "fixtures_without_result": table.without_result,
               "rows": [{c: v[c] for c in cols} for v in rows]}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(cols)
        for v in rows:
            w.writerow(["" if v[c] is None else (f"{v[c]:.2f}" if c == "conceded_per_match" else v[c]) for c in cols])
        return buf.getvalue()
    cells = [[_HEAD[c] for c in cols]] + [[_text(c, v[c]) for c in cols] for v in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(cols))]
    lines = [f"{table.season.name}, as of {table.as_of.isoformat()} "
             f"({table.matches_counted} matches counted)"]
    if stops_short(table):
        lines.append(f"note: {stops_short(table)}")
    for row in cells:
        lines.append("  ".join(cell.ljust(widths[i]) if cols[i] == "team" else cell.rjust(widths[i])
                               for i, cell in enumerate(row)).rstrip())
    return "\n".join(lines) + "\n"


def stops_short(table: LeagueTable) -> str:
    """Said when the file has fixtures up to the as-of date without a result ("" otherwise)."""
    if not table.without_result:
        return ""
    last = table.last_result.isoformat() if table.last_result else "none yet"
    return (f"{table.without_result} fixtures dated up to {table.as_of.isoformat()} have no result in "
            f"{Path(table.season.path).name} (its last result: {last}); the table counts only played matches")


def _text(col: str, v: Any) -> str:
    if v is None:
        return "-"
    if col == "conceded_per_match":
        return f"{v:.2f}"
    if col == "goal_difference":
        return f"{v:+d}"
    return str(v)
