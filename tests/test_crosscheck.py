"""The two shipped sources agree; an altered copy is caught, naming both files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evaluator.data.crosscheck import cross_check, last_common_date
from evaluator.data.matches import parse_openfootball, read_season
from evaluator.data.names import read_aliases
from evaluator.errors import InputError
from helpers import altered_serie_a_csv

DATA = Path(__file__).resolve().parent.parent / "resources" / "data"
M = DATA / "matches"
ALIASES = read_aliases(DATA / "team_aliases.csv")
PAIRS = [("openfootball-it.1-2025-26.json", "datahub-football-datasets-serie-a-season-2526.csv", 280),
         ("openfootball-de.1-2025-26.json", "datahub-football-datasets-bundesliga-season-2526.csv", 225),
         ("openfootball-fr.1-2025-26.json", "datahub-football-datasets-ligue-1-season-2526.csv", 225)]


@pytest.mark.parametrize("of, csv_, played", PAIRS)
def test_shipped_sources_agree(of, csv_, played):
    c = cross_check(read_season(M / of), read_season(M / csv_), ALIASES)
    assert c.agree, [d.description for d in c.disagreements]
    assert c.compared == played
    assert len(set(c.teams.values())) == len(c.teams) == len(c.first.teams)


def test_all_730_shared_matches_agree():
    total = sum(cross_check(read_season(M / of), read_season(M / csv_), ALIASES).compared for of, csv_, _ in PAIRS)
    assert total == 730


def test_one_altered_score_gives_exactly_one_disagreement(tmp_path):
    copy = altered_serie_a_csv(tmp_path)
    c = cross_check(read_season(M / "openfootball-it.1-2025-26.json"), read_season(copy), ALIASES)
    assert len(c.disagreements) == 1
    d = c.disagreements[0]
    assert (d.home, d.away, d.field, d.first, d.second) == ("Genoa CFC", "US Lecce", "score", "0-0", "1-0")
    assert d.description == ("Genoa CFC v US Lecce: score 0-0 in openfootball-it.1-2025-26.json: matches[0] "
                             "but 1-0 in altered-serie-a.csv: row 2")


def test_moved_date_and_missing_match_are_reported():
    first = parse_openfootball('{"name":"x","matches":[{"date":"2025-08-01","team1":"A","team2":"B","score":{"ft":[1,0]}},'
                               '{"date":"2025-08-08","team1":"B","team2":"A","score":{"ft":[2,2]}}]}', "one.json")
    second = parse_openfootball('{"name":"x","matches":[{"date":"2025-08-02","team1":"A","team2":"B","score":{"ft":[1,0]}},'
                                '{"date":"2025-08-08","team1":"B","team2":"A"}]}', "two.json")
    c = cross_check(first, second)
    assert [(d.field, d.first, d.second) for d in c.disagreements] == [("date", "2025-08-01", "2025-08-02")]
    assert c.compared == 1      # B v A is played in one file only, scheduled in the other: not compared
    third = parse_openfootball('{"name":"x","matches":[{"date":"2025-08-02","team1":"A","team2":"B","score":{"ft":[1,0]}}]}',
                               "three.json")
    c = cross_check(first, third)
    assert [d.field for d in c.disagreements] == ["date", "missing"]
    assert "played in one.json: matches[1]" in c.disagreements[1].description and "absent from three.json" in c.disagreements[1].description


def test_different_leagues_refused():
    with pytest.raises(InputError, match=r"team .* is not in the file"):
        cross_check(read_season(M / "openfootball-it.1-2025-26.json"),
                    read_season(M / "datahub-football-datasets-ligue-1-season-2526.csv"), ALIASES)


def test_last_common_date():
    c = cross_check(read_season(M / "openfootball-de.1-2025-26.json"),
                    read_season(M / "datahub-football-datasets-bundesliga-season-2526.csv"), ALIASES)
    assert last_common_date(c) == date(2026, 3, 8)
