"""Which figures the importer can compute for a club, and how: the column catalogue."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from evaluator.data.league_table import LeagueTable
from evaluator.data.squads import Squad, average_age
from evaluator.model import Column, Figure

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
    Column("squad_age", "Average squad age", "years", 1, 0, None, "Mean age of the first-team squad on the as-of date."),
    Column("defender_age", "Average age of defenders", "years", 1, 0, None,
           "Mean age on the as-of date of the squad's defenders (centre-backs and full-backs)."),
    Column("centre_back_age", "Average age of centre-backs", "years", 1, 0, None, ""),
)


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

    def fig(v: float | None, extra: str = "") -> Figure:
        if v is None:
            return Figure.missing_figure("no league match played by the as-of date")
        return Figure(float(v), source, on, note=note + extra)

    played = row.played > 0
    values: dict[str, tuple[float | None, str]] = {
        "table_percentile": (100.0 * (size - row.position) / (size - 1) if size > 1 and played else None,
                             f"; {row.position} of {size}"),
        "league_position": (row.position if played else None, ""),
        "league_size": (size, ""),
        "points": (row.points, ""),
        "gap_to_leader": (row.gap_to_leader, ""),
        "played": (row.played, ""),
        "points_per_match": (row.points_per_match, ""),
        "conceded_per_match": (row.conceded_per_match, f"; {row.goals_against} conceded in {row.played}"),
        "conceded_rank": (row.conceded_rank if played else None, ""),
        "clean_sheets": (row.clean_sheets, ""),
    }
    return {k: fig(v, extra) for k, (v, extra) in values.items() if columns is None or k in columns}


def squad_figures(squad: Squad, on: date, include_doubtful: bool) -> dict[str, Figure]:
    source = f"squad list {Path(squad.path).name} (dates of birth with per-row sources)"
    out: dict[str, Figure] = {}
    for col, group in (("squad_age", "all"), ("defender_age", "defenders"), ("centre_back_age", "centre_backs")):
        a = average_age(squad, on, group, include_doubtful)
        out[col] = (Figure(a.value, source, on, note=a.note) if a.value is not None
                    else Figure.missing_figure(a.note))
    return out
