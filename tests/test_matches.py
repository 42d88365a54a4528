"""Match readers: both CSV shapes, openfootball JSON, unplayed/postponed fixtures, errors naming file + row/field."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from evaluator.data.matches import PLAYED, POSTPONED, SCHEDULED, parse_football_data_csv, parse_openfootball, read_season
from evaluator.errors import InputError

HERE = Path(__file__).resolve().parent
FIX = HERE / "fixtures"
DATA = HERE.parent / "resources" / "data" / "matches"


def test_original_site_shape_with_time_and_odds():
    s = read_season(FIX / "football-data-original-F1-2526.csv")
    assert s.format == "football-data-csv"
    assert s.name == "football-data-original-F1-2526 (F1)"
    assert len(s.matches) == 4                       # trailing empty row skipped
    m = s.matches[0]
    assert (m.date, m.home, m.away, m.home_goals, m.away_goals, m.status) == (
        date(2025, 8, 15), "Rennes", "Marseille", 1, 0, PLAYED)
    assert (m.home_shots_on_target, m.away_shots_on_target) == (5, 2)
    assert m.where.endswith("football-data-original-F1-2526.csv: row 2")
    assert s.teams == ("Lens", "Lyon", "Marseille", "Rennes")


def test_two_digit_years_and_windows_1252():
    s = read_season(FIX / "football-data-original-D1-1415-yy.csv")
    assert [m.date for m in s.matches] == [date(2014, 8, 22), date(2014, 8, 23), date(2014, 8, 23)]
    assert "FC Köln" in s.teams


def test_pddl_mirror_shape():
    s = read_season(DATA / "datahub-football-datasets-serie-a-season-2526.csv")
    assert len(s.matches) == 380 and len(s.teams) == 20
    assert s.matches[0].date == date(2025, 8, 23) and s.matches[0].home == "Genoa"
    assert all(m.played for m in s.matches)


def test_openfootball_played_unplayed_postponed():
    s = read_season(FIX / "openfootball-mini-2025-26.json")
    assert s.format == "openfootball-json" and s.name == "Mini league 2025/26"
    assert [m.status for m in s.matches] == [PLAYED] * 4 + [POSTPONED, SCHEDULED]
    assert s.matches[4].home_goals is None and s.last_result_date == date(2025, 8, 24)
    assert s.first_date == date(2025, 8, 15)


def test_shipped_openfootball_postponed_fixture():
    s = read_season(DATA / "openfootball-fr.1-2025-26.json")
    post = [m for m in s.matches if m.status == POSTPONED]
    assert [(m.home, m.away, m.date) for m in post] == [("Paris Saint-Germain FC", "FC Nantes", date(2026, 3, 15))]
    assert sum(m.played for m in s.matches) == 225


def test_csv_unplayed_rows_are_scheduled():
    text = "Date,HomeTeam,AwayTeam,FTHG,FTAG\n2026-05-01,A,B,,\n2026-04-01,B,A,2,1\n"
    s = parse_football_data_csv(text, "x.csv")
    assert [m.status for m in s.matches] == [SCHEDULED, PLAYED]


@pytest.mark.parametrize("name, message", [
    ("bad-date.csv", r"^bad-date\.csv: row 3, Date: '31/02/2025' is not a date"),
    ("bad-negative-goals.csv", r"^bad-negative-goals\.csv: row 3, FTHG: '-1' is not a count"),
    ("bad-missing-column.csv", r"^bad-missing-column\.csv: not a football-data CSV \(missing column FTAG\)"),
    ("bad-truncated.json", r"^bad-truncated\.json: not valid JSON \(line 5"),
])
def test_malformed_files_name_file_and_row(name, message):
    with pytest.raises(InputError, match=message):
        read_season(FIX / name)


@pytest.mark.parametrize("row, message", [
    ("2025-08-01,A,B,1,", r"x\.csv: row 2: only one of FTHG/FTAG is given"),
    ("2025-08-01,,B,1,0", r"x\.csv: row 2: HomeTeam/AwayTeam is empty"),
    ("2025-08-01,A,B,1.5,0", r"x\.csv: row 2, FTHG: '1\.5' is not a count"),
    ("2025-08-01,A,B,two,0", r"x\.csv: row 2, FTHG: 'two' is not a count"),
])
def test_csv_row_errors(row, message):
    with pytest.raises(InputError, match=message):
        parse_football_data_csv("Date,HomeTeam,AwayTeam,FTHG,FTAG\n" + row + "\n", "x.csv")


def of(matches):
    return json.dumps({"name": "L", "matches": matches})


@pytest.mark.parametrize("match, message", [
    ({"date": "2025-08-01", "team1": "A", "team2": "B", "score": {"ft": [-1, 0]}}, r"x\.json: matches\[0\]\.score\.ft: expected two goal counts"),
    ({"date": "2025-08-01", "team1": "A", "team2": "B", "score": {"ft": [1]}}, r"matches\[0\]\.score\.ft"),
    ({"date": "2025-08-01", "team1": "A", "team2": "B", "score": {"ft": [True, 0]}}, r"matches\[0\]\.score\.ft"),
    ({"date": "01/08/2025", "team1": "A", "team2": "B"}, r"x\.json: matches\[0\]\.date: '01/08/2025' is not a date"),
    ({"date": "2025-08-01", "team1": "", "team2": "B"}, r"x\.json: matches\[0\]\.team1: expected a team name"),
    ({"date": "2025-08-01", "team1": "A", "team2": "B", "score": [1, 0]}, r"matches\[0\]\.score: expected an object"),
    ("nonsense", r"x\.json: matches\[0\]: expected an object"),
])
def test_openfootball_field_errors(match, message):
    with pytest.raises(InputError, match=message):
        parse_openfootball(of([match]), "x.json")


def test_openfootball_shape_errors(tmp_path):
    with pytest.raises(InputError, match=r"x\.json: expected an object with a 'matches' list"):
        parse_openfootball('{"rounds": []}', "x.json")
    with pytest.raises(InputError, match=r"x\.json: the 'matches' list is empty"):
        parse_openfootball(of([]), "x.json")
    with pytest.raises(InputError, match="no such file"):
        read_season(tmp_path / "none.json")
    with pytest.raises(InputError, match="is a folder"):
        read_season(tmp_path)
