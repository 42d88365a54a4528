"""Which figures the importer can compute for a club, and how: the column catalogue."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from evaluator.data.league_table import LeagueTable, Row
from evaluator.data.squads import Squad, average_age
from evaluator.model import Column, Figure, Reference, stale_note

COLUMNS: tuple[Column, ...] = (
    Column("table_percentile", "League standing", "% of league below", 1, 0, 100,
           "Share of the other clubs in the league that are below the club: 100 for the leader, "
           "0 for the bottom club. Compares clubs across leagues of different sizes."),
    Column("league_position", "League position", "", 0, 1, None, "Place in the league table on the as-of date."),
    Column("league_size", "Clubs in league", "", 0, 1, None, "Number of clubs in the league."),
    Column("points", "Points", "pts", 0, 0, None, "3 for a win, 1 for a draw."),
    Column("gap_to_leader", "Gap to leader", "pts", 0, 0, None, "Points behind the leader (0 for the leader)."),
    Column("played", "Matches played", "", 0, 0, None, "League matches played by the as-of date."),
    Column("points_per_match", "Points per match", "pts/match", 2, 0, 3, ""),
    Column("conceded_per_match", "Goals conceded per match", "goals/match", 2, 0, None,
           "League goals conceded divided by league matches played."),
    Column("conceded_rank", "Defence rank in league", "", 0, 1, None,
           "1 = fewest goals conceded per match in the club's league."),
    Column("clean_sheets", "Clean sheets", "", 0, 0, None, "League matches without conceding."),
    Column("scored_per_match", "Goals scored per match", "goals/match", 2, 0, None,
           "League goals scored divided by league matches played."),
    Column("goal_difference_per_match", "Goal difference per match", "goals/match", 2, None, None,
           "League goals scored minus goals conceded, divided by league matches played."),
    Column("clean_sheet_rate", "Clean-sheet rate", "% of matches", 1, 0, 100,
           "Share of the league matches played without conceding a goal."),
    Column("form", "Form (last 5)", "pts/match", 2, 0, 3,
           "Points per match over the last 5 league matches played on or before the as-of date "
           "(over fewer when the club has played fewer; the figure's note says how many)."),
    Column("squad_age", "Average squad age", "years", 1, 0, None, "Mean age of the first-team squad on the as-of date.",
           group="age"),
    Column("defender_age", "Average age of defenders", "years", 1, 0, None,
           "Mean age on the as-of date of the squad's defenders (centre-backs and full-backs).", group="age"),
    Column("centre_back_age", "Average age of centre-backs", "years", 1, 0, None,
           "Mean age on the as-of date of the squad's centre-backs.", group="age"),
)
# Computed from the league table: these have a league-wide reference range (every club of the league).
LEAGUE_COLUMNS = ("table_percentile", "league_position", "league_size", "points", "gap_to_leader", "played",
                  "points_per_match", "conceded_per_match", "conceded_rank", "clean_sheets", "scored_per_match",
                  "goal_difference_per_match", "clean_sheet_rate", "form")


def league_figures(table: LeagueTable, team: str, source: str,
                   columns: frozenset[str] | None = None) -> dict[str, Figure]:
    """The club's figures from the table; only ``columns`` when given (ranking every club of many
    leagues needs only the scored ones, and making the others was most of its time)."""
    row = table.row(team)
    on = table.as_of
    note = f"{table.matches_counted} league matches counted up to {on.isoformat()}"
    if table.without_result and table.last_result is not None:   # the file stops short of the date
        n = table.without_result
        note += (f" (latest result counted: {table.last_result.isoformat()}; {n} fixture{'s' if n != 1 else ''} "
                 f"dated up to {on.isoformat()} {'have' if n != 1 else 'has'} no result in the file)")
    size = table.size
    # The file's own extent (its latest result at all), not the latest before the date: a
    # winter break inside a file that goes on is not stale data.
    stale = "" if table.season_complete else stale_note(
        table.season.last_result_date, on, f"match file {Path(table.season.path).name}, latest result",
        "later matches not counted")

    def fig(v: float | None, extra: str = "") -> Figure:
        if v is None:
            return Figure.missing_figure("no league match played by the as-of date")
        return Figure(float(v), source, on, note=note + extra, stale=stale)

    values = row_values(row, size)
    extra = {"table_percentile": f"; {row.position} of {size}",
             "conceded_per_match": f"; {row.goals_against} conceded in {row.played}",
             "scored_per_match": f"; {row.goals_for} scored in {row.played}",
             "goal_difference_per_match": f"; {row.goal_difference:+d} in {row.played}",
             "clean_sheet_rate": f"; {row.clean_sheets} clean sheets in {row.played}",
             "form": f"; {row.form_points} points in the last {row.form_played} matches"}
    return {col: fig(v, extra.get(col, "")) for col, v in values.items() if columns is None or col in columns}


def row_values(row: Row, size: int) -> dict[str, float | None]:
    """The league columns' values for one table row (None: no match played, no position)."""
    played = row.played > 0
    return {
        "table_percentile": 100.0 * (size - row.position) / (size - 1) if size > 1 and played else None,
        "league_position": row.position if played else None,
        "league_size": size,
        "points": row.points,
        "gap_to_leader": row.gap_to_leader,
        "played": row.played,
        "points_per_match": row.points_per_match,
        "conceded_per_match": row.conceded_per_match,
        "conceded_rank": row.conceded_rank if played else None,
        "clean_sheets": row.clean_sheets,
        "scored_per_match": row.scored_per_match,
        "goal_difference_per_match": row.goal_difference_per_match,
        "clean_sheet_rate": row.clean_sheet_rate,
        "form": row.form,
    }


def squad_figures(squad: Squad, on: date, include_doubtful: bool) -> dict[str, Figure]:
    name = Path(squad.path).name
    dated = f" of {squad.as_of.isoformat()}" if squad.as_of else " (date of the list unknown)"
    source = f"squad list {name}{dated} (dates of birth with per-row source codes, resolved in the report's legend)"
    stale = stale_note(squad.as_of, on, "squad list", "later transfers not reflected")
    out: dict[str, Figure] = {}
    for col, group in (("squad_age", "all"), ("defender_age", "defenders"), ("centre_back_age", "centre_backs")):
        a = average_age(squad, on, group, include_doubtful)
        out[col] = (Figure(a.value, source, on, note=a.note, stale=stale) if a.value is not None
                    else Figure.missing_figure(a.note))
    return out


def squad_warnings(squad: Squad, on: date, include_doubtful: bool) -> tuple[str, ...]:
    """What the reader accepted with a warning, and players left out of the ages on ``on``."""
    return squad.warnings + average_age(squad, on, "all", include_doubtful).warnings


def league_references(tables: list[LeagueTable], on: date) -> dict[str, Reference]:
    """Each league column's range across every club (with a match played) of ``tables``."""
    values: dict[str, list[float]] = {}   # every column row_values gives, not a fixed list
    clubs = 0
    for table in tables:
        for row in table.rows:
            clubs += 1
            for col, v in row_values(row, table.size).items():
                if v is not None:
                    values.setdefault(col, []).append(float(v))
    n = len(tables)
    text = f"all {clubs} clubs of {n} league{'s' if n != 1 else ''} on {on.isoformat()}"
    return {c: Reference(min(v), max(v), text) for c, v in values.items() if v}
