"""A league table as of any date, from played matches dated on or before it.

Order: points (3/1/0), then goal difference, then goals scored, then name. Official
tie-breakers differ (Serie A uses head-to-head first, for example); docs/method.md says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from evaluator.data.matches import SCHEDULED, Season

FORM_MATCHES = 5   # "form": points per match over this many latest league matches


@dataclass(frozen=True)
class Row:
    position: int
    team: str
    played: int
    won: int
    drawn: int
    lost: int
    goals_for: int
    goals_against: int
    points: int
    clean_sheets: int
    shots_on_target_against: int | None   # None when the file has no shots columns
    gap_to_leader: int = 0
    conceded_rank: int = 0                # 1 = fewest goals conceded per match
    form_points: int = 0                  # points from the last FORM_MATCHES matches counted
    form_played: int = 0                  # how many matches that is (fewer when fewer were played)

    @property
    def goal_difference(self) -> int:
        return self.goals_for - self.goals_against

    @property
    def points_per_match(self) -> float | None:
        return self.points / self.played if self.played else None

    @property
    def conceded_per_match(self) -> float | None:
        return self.goals_against / self.played if self.played else None

    @property
    def scored_per_match(self) -> float | None:
        return self.goals_for / self.played if self.played else None

    @property
    def goal_difference_per_match(self) -> float | None:
        return self.goal_difference / self.played if self.played else None

    @property
    def clean_sheet_rate(self) -> float | None:
        """Share of the league matches played without conceding, in percent."""
        return 100.0 * self.clean_sheets / self.played if self.played else None

    @property
    def form(self) -> float | None:
        """Points per match over the last ``form_played`` (at most FORM_MATCHES) matches."""
        return self.form_points / self.form_played if self.form_played else None

    @property
    def shots_on_target_against_per_match(self) -> float | None:
        if self.shots_on_target_against is None or not self.played:
            return None
        return self.shots_on_target_against / self.played


@dataclass(frozen=True)
class LeagueTable:
    season: Season
    as_of: date
    rows: tuple[Row, ...]
    matches_counted: int
    last_result: date | None = None   # the latest counted match
    without_result: int = 0           # fixtures dated on or before as_of that have no result yet

    @property
    def size(self) -> int:
        return len(self.rows)

    @property
    def season_complete(self) -> bool:
        """Every match of a double round robin counted: nothing later is missing."""
        return self.matches_counted >= self.size * (self.size - 1)

    def row(self, team: str) -> Row:
        for r in self.rows:
            if r.team == team:
                return r
        raise KeyError(team)


def league_table(season: Season, as_of: date) -> LeagueTable:
    stats = {t: [0, 0, 0, 0, 0, 0, 0, 0] for t in season.teams}   # P W D L GF GA CS SOTA
    has_shots = True
    counted = 0
    last: date | None = None
    waiting = 0
    results: dict[str, list[tuple[date, int]]] = {t: [] for t in season.teams}   # (date, points) per team
    for m in season.matches:
        if m.date > as_of:
            continue
        if not m.played:
            waiting += m.status == SCHEDULED
            continue
        counted += 1
        last = m.date if last is None or m.date > last else last
        hg, ag = m.home_goals, m.away_goals
        assert hg is not None and ag is not None
        for team, gf, ga, sot_against in ((m.home, hg, ag, m.away_shots_on_target),
                                          (m.away, ag, hg, m.home_shots_on_target)):
            s = stats[team]
            s[0] += 1
            s[1 if gf > ga else 2 if gf == ga else 3] += 1
            s[4] += gf
            s[5] += ga
            s[6] += ga == 0
            results[team].append((m.date, 3 if gf > ga else 1 if gf == ga else 0))
            if sot_against is None:
                has_shots = False
            else:
                s[7] += sot_against
    rows = [
        Row(0, t, s[0], s[1], s[2], s[3], s[4], s[5], 3 * s[1] + s[2], s[6], s[7] if has_shots else None)
        for t, s in stats.items()
    ]
    rows.sort(key=lambda r: (-r.points, -r.goal_difference, -r.goals_for, r.team))
    top = rows[0].points if rows else 0
    ranked = []
    for i, r in enumerate(rows, start=1):
        c = r.conceded_per_match
        conceded_rank = 1 + sum(1 for x in rows if x.conceded_per_match is not None
                                and c is not None and x.conceded_per_match < c) if c is not None else 0
        ranked.append(Row(i, r.team, r.played, r.won, r.drawn, r.lost, r.goals_for, r.goals_against,
                          r.points, r.clean_sheets, r.shots_on_target_against, top - r.points, conceded_rank,
                          *_form(results[r.team])))
    return LeagueTable(season, as_of, tuple(ranked), counted, last, waiting)


def _form(results: list[tuple[date, int]]) -> tuple[int, int]:
    """(points, matches) over the latest FORM_MATCHES results; a stable sort keeps the file's
    order for two matches on one day."""
    last = sorted(results, key=lambda r: r[0])[-FORM_MATCHES:]
    return sum(p for _, p in last), len(last)
