"""League tables on any date, checked against the shipped files and small hand-made seasons."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from evaluator.data.case import build_scenario
from evaluator.documents import load_case
from evaluator.data.league_table import league_table
from evaluator.data.matches import PLAYED, POSTPONED, SCHEDULED, Match, Season, read_season
from evaluator.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "resources" / "data" / "matches"
FIX = Path(__file__).resolve().parent / "fixtures"
ON = date(2025, 11, 28)


@pytest.fixture(scope="module")
def seasons():
    return {k: read_season(DATA / f) for k, f in {
        "it": "openfootball-it.1-2025-26.json", "de": "openfootball-de.1-2025-26.json",
        "fr": "openfootball-fr.1-2025-26.json", "it_csv": "datahub-football-datasets-serie-a-season-2526.csv",
    }.items()}


def test_roma_on_2025_11_28(seasons):
    t = league_table(seasons["it"], ON)
    r = t.row("AS Roma")
    assert (r.position, t.size, r.points, r.played, r.goals_against, r.gap_to_leader) == (1, 20, 27, 12, 6, 0)
    assert r.conceded_per_match == 0.5 and r.conceded_rank == 1


def test_leverkusen_on_2025_11_28(seasons):
    t = league_table(seasons["de"], ON)
    r = t.row("Bayer 04 Leverkusen")
    assert (r.position, t.size, r.points, r.gap_to_leader) == (3, 18, 23, 8)
    assert t.rows[0].team == "FC Bayern München" and t.rows[0].points == 31


def test_marseille_on_2025_11_28(seasons):
    t = league_table(seasons["fr"], ON)
    r = t.row("Olympique de Marseille")
    assert (r.position, t.size, r.points, r.gap_to_leader) == (2, 18, 28, 2)
    assert t.rows[0].team == "Paris Saint-Germain FC" and t.rows[0].points == 30


def test_table_adds_up(seasons):
    for s in seasons.values():
        t = league_table(s, ON)
        assert sum(r.played for r in t.rows) == 2 * t.matches_counted
        assert sum(r.goals_for for r in t.rows) == sum(r.goals_against for r in t.rows)
        assert sum(r.won for r in t.rows) == sum(r.lost for r in t.rows)
        assert [r.position for r in t.rows] == list(range(1, t.size + 1))


def test_both_sources_give_the_same_serie_a_table(seasons):
    a, b = league_table(seasons["it"], ON), league_table(seasons["it_csv"], ON)
    assert [(r.points, r.goals_for, r.goals_against, r.clean_sheets) for r in a.rows] == \
           [(r.points, r.goals_for, r.goals_against, r.clean_sheets) for r in b.rows]


def test_clean_sheets_and_shots_on_target_against_from_csv(seasons):
    # by hand from the CSV rows: a clean sheet = the other side scored 0; SOT against = their HST/AST
    cs = sot = n = 0
    with open(DATA / "datahub-football-datasets-serie-a-season-2526.csv", newline="") as f:
        for row in csv.DictReader(f):
            if date.fromisoformat(row["Date"]) > ON or "Roma" not in (row["HomeTeam"], row["AwayTeam"]):
                continue
            home = row["HomeTeam"] == "Roma"
            n += 1
            cs += int(row["FTAG" if home else "FTHG"]) == 0
            sot += int(row["AST" if home else "HST"])
    r = league_table(seasons["it_csv"], ON).row("Roma")
    assert (r.played, r.clean_sheets, r.shots_on_target_against) == (n, cs, sot) == (12, 6, 42)
    assert r.shots_on_target_against_per_match == pytest.approx(42 / 12)
    assert league_table(seasons["it"], ON).row("AS Roma").shots_on_target_against is None   # JSON has no shots


# --- hand-made seasons ----------------------------------------------------------------------------
def season(matches, teams=None):
    ms = tuple(Match(date(2025, 8, d), h, a, hg, ag, st, f"t: {i}") for i, (d, h, a, hg, ag, st) in enumerate(matches))
    names = teams or sorted({m.home for m in ms} | {m.away for m in ms})
    return Season("t", "t", "test", ms, tuple(names))


def test_tie_order_points_then_gd_then_goals_then_name():
    s = season([
        (1, "Dee", "Zed", 1, 0, PLAYED),     # Dee 3 pts, GD +1, GF 1
        (2, "Bee", "Zed", 3, 2, PLAYED),     # Bee 3 pts, GD +1, GF 3
        (3, "Cee", "Zed", 2, 0, PLAYED),     # Cee 3 pts, GD +2
        (4, "Aye", "Zed", 1, 0, PLAYED),     # Aye 3 pts, GD +1, GF 1 -> before Dee by name
    ])
    t = league_table(s, date(2025, 8, 31))
    assert [r.team for r in t.rows] == ["Cee", "Bee", "Aye", "Dee", "Zed"]
    assert [r.gap_to_leader for r in t.rows] == [0, 0, 0, 0, 3]


def test_postponed_and_unplayed_are_ignored():
    s = season([(1, "A", "B", 2, 0, PLAYED), (2, "B", "A", None, None, POSTPONED),
                (3, "A", "C", None, None, SCHEDULED)])
    t = league_table(s, date(2025, 8, 31))
    assert t.matches_counted == 1
    assert t.row("C").played == 0 and t.size == 3
    assert t.row("C").conceded_rank == 0 and t.row("C").conceded_per_match is None


def test_fixture_file_postponed_match_not_counted():
    s = read_season(FIX / "openfootball-mini-2025-26.json")
    t = league_table(s, date(2025, 9, 30))
    assert t.matches_counted == 4
    # Lyon 6; Rennes 3 (GD -2); Marseille and Lens 1 each, GD -1, GF 2: by name
    assert [(r.team, r.points) for r in t.rows] == [
        ("Olympique Lyonnais", 6), ("Stade Rennais FC 1901", 3),
        ("Olympique de Marseille", 1), ("Racing Club de Lens", 1)]


def test_matches_on_the_as_of_date_count():
    s = season([(10, "A", "B", 1, 0, PLAYED)])
    assert league_table(s, date(2025, 8, 10)).matches_counted == 1
    assert league_table(s, date(2025, 8, 9)).matches_counted == 0


def test_before_the_first_match_everything_is_zero(seasons):
    t = league_table(seasons["fr"], date(2025, 8, 1))
    assert t.matches_counted == 0 and t.size == 18
    assert all((r.played, r.points, r.goals_for, r.goals_against, r.clean_sheets, r.gap_to_leader) == (0,) * 6
               for r in t.rows)


def test_case_before_the_first_match_says_so():
    case = load_case(ROOT / "resources/cases/ramos-2025-11-28.case.json")
    with pytest.raises(InputError, match=r"as-of date 2025-08-01: before the first match of .*\(2025-08-2\d\)"):
        build_scenario(case, as_of=date(2025, 8, 1))


def test_after_the_last_result_counts_every_played_match(seasons):
    s = seasons["it"]
    t = league_table(s, date(2026, 12, 31))
    assert t.matches_counted == sum(m.played for m in s.matches) == 280
    assert [r.points for r in t.rows] == [r.points for r in league_table(s, s.last_result_date).rows]


def test_conceded_rank_shares_ties():
    s = season([(1, "A", "B", 0, 0, PLAYED), (2, "C", "D", 3, 1, PLAYED)])
    t = league_table(s, date(2025, 8, 31))
    assert {r.team: r.conceded_rank for r in t.rows} == {"A": 1, "B": 1, "C": 3, "D": 4}
    assert {r.team: r.clean_sheets for r in t.rows} == {"A": 1, "B": 1, "C": 0, "D": 0}


def test_unknown_team_in_row_lookup(seasons):
    with pytest.raises(KeyError):
        league_table(seasons["it"], ON).row("Roma")
