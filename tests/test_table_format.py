"""format_table: text (aligned), CSV and JSON renderings of a league table."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from evaluator.data.league_table import league_table
from evaluator.data.matches import read_season
from evaluator.data.table_format import format_table
from evaluator.errors import InputError

M = Path(__file__).resolve().parent.parent / "resources" / "data" / "matches"
ON = date(2025, 11, 28)


@pytest.fixture(scope="module")
def it_json():
    return league_table(read_season(M / "openfootball-it.1-2025-26.json"), ON)


@pytest.fixture(scope="module")
def it_csv():
    return league_table(read_season(M / "datahub-football-datasets-serie-a-season-2526.csv"), ON)


def test_text_is_aligned(it_json):
    out = format_table(it_json, "text")
    lines = out.splitlines()
    assert lines[0] == "Italian Serie A 2025/26, as of 2025-11-28 (121 matches counted)"
    assert len(lines) == 2 + 20 and out.endswith("\n")
    assert lines[1].split() == ["Pos", "Team", "P", "W", "D", "L", "GF", "GA", "GD", "Pts", "Gap", "CS", "GA/P", "DefRk"]
    assert lines[2].split()[:3] == ["1", "AS", "Roma"]
    assert "+9" in lines[2] and "27" in lines[2] and "0.50" in lines[2]
    # right-aligned numbers: the Pts column ends at the same place on every row
    end = lines[1].index("Pts") + 3
    assert all(line[end - 1].isdigit() and line[end] == " " for line in lines[2:])


def test_csv_round_trips(it_csv):
    rows = list(csv.DictReader(io.StringIO(format_table(it_csv, "csv"))))
    assert len(rows) == 20
    assert rows[0]["team"] == "Roma" and rows[0]["points"] == "27" and rows[0]["conceded_per_match"] == "0.50"
    assert rows[0]["shots_on_target_against"] == "42"


def test_json(it_json, it_csv):
    doc = json.loads(format_table(it_json, "json"))
    assert (doc["league"], doc["as_of"], doc["clubs"], doc["matches_counted"]) == ("Italian Serie A 2025/26", "2025-11-28", 20, 121)
    assert doc["rows"][0] == {"position": 1, "team": "AS Roma", "played": 12, "won": 9, "drawn": 0, "lost": 3,
                              "goals_for": 15, "goals_against": 6, "goal_difference": 9, "points": 27,
                              "gap_to_leader": 0, "clean_sheets": 6, "conceded_per_match": 0.5, "conceded_rank": 1}
    assert json.loads(format_table(it_csv, "json"))["rows"][0]["shots_on_target_against"] == 42


def test_empty_table_before_the_season(it_json):
    t = league_table(it_json.season, date(2025, 7, 1))
    text = format_table(t, "text")
    assert "(0 matches counted)" in text and "-" in text.splitlines()[2]
    assert json.loads(format_table(t, "json"))["rows"][0]["conceded_per_match"] is None
    assert list(csv.DictReader(io.StringIO(format_table(t, "csv"))))[0]["conceded_rank"] == ""


def test_unknown_format(it_json):
    with pytest.raises(InputError, match=r"^--format: unknown format 'xml' \(use one of: text, csv, json\)"):
        format_table(it_json, "xml")


def test_a_file_that_stops_short_of_the_date_says_so_in_every_format():
    season = read_season(M / "openfootball-it.1-2025-26.json")
    late = league_table(season, date(2026, 5, 1))
    assert "note: 60 fixtures dated up to 2026-05-01 have no result" in format_table(late, "text")
    doc = json.loads(format_table(late, "json"))
    assert (doc["last_result"], doc["fixtures_without_result"]) == ("2026-03-09", 60)
    on_time = league_table(season, ON)
    assert "note:" not in format_table(on_time, "text")
    assert json.loads(format_table(on_time, "json"))["fixtures_without_result"] == 0
