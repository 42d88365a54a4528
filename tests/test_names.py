"""Team-name matching: documented steps, the shipped alias table, one-to-one league pairing."""
from __future__ import annotations

from pathlib import Path

import pytest

from evaluator.data.matches import read_season
from evaluator.data.names import normalise, pair_teams, parse_aliases, read_aliases, resolve
from evaluator.errors import InputError

DATA = Path(__file__).resolve().parent.parent / "resources" / "data"
LEAGUES = {  # openfootball file, CSV file, clubs
    "serie-a": ("openfootball-it.1-2025-26.json", "datahub-football-datasets-serie-a-season-2526.csv", 20),
    "bundesliga": ("openfootball-de.1-2025-26.json", "datahub-football-datasets-bundesliga-season-2526.csv", 18),
    "ligue-1": ("openfootball-fr.1-2025-26.json", "datahub-football-datasets-ligue-1-season-2526.csv", 18),
}
ALIASES = read_aliases(DATA / "team_aliases.csv")


def season(name):
    return read_season(DATA / "matches" / name)


@pytest.fixture(scope="module", params=sorted(LEAGUES))
def league(request):
    of, csv_, size = LEAGUES[request.param]
    return season(of), season(csv_), size


def test_normalise():
    assert normalise("1. FC Köln") == normalise("FC Koln") == ("koln",)
    assert normalise("Borussia Mönchengladbach") == ("borussia", "monchengladbach")
    assert normalise("FC Bayern München") == ("bayern", "munchen")
    assert normalise("Olympique de Marseille") == ("marseille",)
    assert normalise("FC") == ("fc",)          # all form words: keep them rather than nothing


@pytest.mark.parametrize("name, pool, expected", [
    ("AS Roma", ["Roma", "Lazio"], "Roma"),
    ("Roma", ["AS Roma", "SS Lazio"], "AS Roma"),
    ("Paris Saint-Germain FC", ["Paris SG", "Paris FC", "Lyon"], "Paris SG"),
    ("Paris SG", ["Paris Saint-Germain FC", "Paris FC"], "Paris Saint-Germain FC"),
    ("PSG", ["Paris Saint-Germain FC", "Paris FC"], "Paris Saint-Germain FC"),
    ("Paris FC", ["Paris Saint-Germain FC", "Paris FC"], "Paris FC"),
    ("1. FC Köln", ["FC Koln", "Freiburg"], "FC Koln"),
    ("FC Koln", ["1. FC Köln", "SC Freiburg"], "1. FC Köln"),
    ("Bayer 04 Leverkusen", ["Leverkusen", "Bayern Munich"], "Leverkusen"),
    ("Leverkusen", ["Bayer 04 Leverkusen", "FC Bayern München"], "Bayer 04 Leverkusen"),
    ("Olympique de Marseille", ["Marseille", "Lyon"], "Marseille"),
    ("Marseille", ["Olympique de Marseille", "Olympique Lyonnais"], "Olympique de Marseille"),
    ("Ein Frankfurt", ["Eintracht Frankfurt", "Borussia Dortmund"], "Eintracht Frankfurt"),
    ("Milan", ["AC Milan", "FC Internazionale Milano"], "AC Milan"),
    ("AC Milan", ["Milan", "Inter"], "Milan"),
    ("Inter", ["AC Milan", "FC Internazionale Milano"], "FC Internazionale Milano"),
    ("Internazionale", ["AC Milan", "FC Internazionale Milano"], "FC Internazionale Milano"),
    ("Inter Milan", ["AC Milan", "FC Internazionale Milano"], "FC Internazionale Milano"),
    ("Hellas Verona FC", ["Verona", "Venezia"], "Verona"),
    ("St Pauli", ["FC St. Pauli 1910", "Hamburger SV"], "FC St. Pauli 1910"),
])
def test_resolve_without_aliases(name, pool, expected):
    assert resolve(name, pool) == expected


def test_milan_and_inter_never_confused():
    of = season(LEAGUES["serie-a"][0]).teams
    csv_ = season(LEAGUES["serie-a"][1]).teams
    assert resolve("Milan", of) == "AC Milan"
    assert resolve("Inter", of) == "FC Internazionale Milano"
    assert resolve("AC Milan", csv_) == "Milan"
    # Without the alias the long Inter name fits both short ones: an error, not a guess.
    with pytest.raises(InputError, match=r"'FC Internazionale Milano' is ambiguous \(Inter, Milan\)"):
        resolve("FC Internazionale Milano", csv_)
    assert resolve("FC Internazionale Milano", csv_, ALIASES) == "Inter"


@pytest.mark.parametrize("name, pool", [
    ("Bayern Munich", ["FC Bayern München", "Bayer 04 Leverkusen"]),
    ("M'gladbach", ["Borussia Mönchengladbach", "Borussia Dortmund"]),
    ("Rennes", ["Stade Rennais FC 1901", "Stade Brestois 29"]),
])
def test_unpairable_names_error_and_aliases_fix_them(name, pool):
    with pytest.raises(InputError, match=rf"clubs\[0\]: team {name!r} is not in the file; add an alias"):
        resolve(name, pool, where="clubs[0]")
    assert resolve(name, pool, ALIASES) == pool[0]
    assert resolve(pool[0], [name, "Other"], ALIASES) == name     # aliases work both ways


def test_ambiguous_is_an_error_naming_the_candidates():
    with pytest.raises(InputError, match=r"team 'Borussia' is ambiguous \(Borussia Dortmund, Borussia Mönchengladbach\)"):
        resolve("Borussia", ["Borussia Dortmund", "Borussia Mönchengladbach"])


def test_pair_teams_refuses_two_names_on_one_team():
    with pytest.raises(InputError, match=r"both match 'Paris FC'"):
        pair_teams(["Paris FC", "Paris"], ["Paris FC", "Lyon"])


def test_alias_table_errors(tmp_path):
    with pytest.raises(InputError, match=r"^a\.csv: an alias table needs the columns alias,name"):
        parse_aliases("from,to\nx,y\n", "a.csv")
    with pytest.raises(InputError, match=r"^a\.csv: row 3: alias and name must both be filled in"):
        parse_aliases("alias,name\nx,y\nz,\n", "a.csv")
    with pytest.raises(InputError, match=r"^a\.csv: row 3: alias 'X' already stands for 'y'"):
        parse_aliases("alias,name\nx,y\nX,z\n", "a.csv")
    with pytest.raises(InputError, match=r"none\.csv: cannot be read"):
        read_aliases(tmp_path / "none.csv")


def test_every_shipped_alias_is_needed_and_used():
    """Each row of the shipped table pairs a CSV name with an openfootball name of one league."""
    used = set()
    for of, csv_, _ in LEAGUES.values():
        a, b = season(of).teams, season(csv_).teams
        for alias, canonical in ALIASES.items():
            if canonical in a:
                assert any(" ".join(normalise(t)) == alias for t in b), (alias, canonical)
                used.add(alias)
    assert used == set(ALIASES)


def test_every_csv_team_resolves_to_one_openfootball_team(league):
    of, csv_, size = league
    assert len(of.teams) == len(csv_.teams) == size
    pairs = pair_teams(csv_.teams, of.teams, ALIASES, where=csv_.path)
    assert sorted(pairs) == sorted(csv_.teams)
    assert sorted(pairs.values()) == sorted(of.teams)           # onto: one-to-one
    back = pair_teams(of.teams, csv_.teams, ALIASES, where=of.path)
    assert all(back[v] == k for k, v in pairs.items())          # and the same pairs backwards
    # no match is dropped: every match of the CSV lands on openfootball teams
    assert all(pairs[m.home] in of.teams and pairs[m.away] in of.teams for m in csv_.matches)


def test_shipped_pairs_spot_check():
    of, csv_, _ = LEAGUES["ligue-1"]
    pairs = pair_teams(season(csv_).teams, season(of).teams, ALIASES)
    assert pairs["Paris SG"] == "Paris Saint-Germain FC" and pairs["Paris FC"] == "Paris FC"
    assert pairs["Marseille"] == "Olympique de Marseille" and pairs["Lyon"] == "Olympique Lyonnais"
    of, csv_, _ = LEAGUES["bundesliga"]
    pairs = pair_teams(season(csv_).teams, season(of).teams, ALIASES)
    assert pairs["Bayern Munich"] == "FC Bayern München" and pairs["FC Koln"] == "1. FC Köln"
    assert pairs["Leverkusen"] == "Bayer 04 Leverkusen"
