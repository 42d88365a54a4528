"""Squad ages on a date and the doubtful-row rule, on the shipped squad files and small texts."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evaluator.data.squads import average_age, doubtful_from_note, parse_squad, read_squad
from evaluator.errors import InputError
from tests.test_scoring import LEV_DF, OM_DF, ROMA_DF, mean_age

SQ = Path(__file__).resolve().parent.parent / "resources" / "data" / "squads"
ON = date(2025, 11, 28)
FILES = {"roma": "as-roma-2025-26-squad.csv", "lev": "bayer-04-leverkusen-2025-26-squad.csv",
         "om": "olympique-de-marseille-2025-26-squad.csv"}


@pytest.fixture(scope="module")
def squads():
    return {k: read_squad(SQ / f) for k, f in FILES.items()}


def test_doubtful_rows_of_the_shipped_files(squads):
    doubtful = {k: [(p.name, p.where) for p in s.players if p.doubtful] for k, s in squads.items()}
    assert doubtful == {
        "roma": [("Radosław Żelezny", "as-roma-2025-26-squad.csv: row 5"),
                 ("Alessandro Romano", "as-roma-2025-26-squad.csv: row 29")],
        "lev": [("Montrell Culbreath", "bayer-04-leverkusen-2025-26-squad.csv: row 25")],
        "om": [("Amine Harit", "olympique-de-marseille-2025-26-squad.csv: row 23"),
               ("Tadjidine Mmadi", "olympique-de-marseille-2025-26-squad.csv: row 30")],
    }


def test_qualified_uncertain_is_not_doubtful_membership(squads):
    lev = {p.name: p for p in squads["lev"].players}
    assert "DOB UNCERTAIN" in lev["Niklas Lomb"].source and not lev["Niklas Lomb"].doubtful
    assert "sub-role CB UNCERTAIN" in lev["Robert Andrich"].source and not lev["Robert Andrich"].doubtful


@pytest.mark.parametrize("note, doubtful", [
    ("NOTE: UNCERTAIN squad status: 3rd/4th GK", True),
    ("NOTE: UNCERTAIN: youth", True),
    ("DOB UNCERTAIN: inferred", False),
    ("sofifa CDM,CM,CB; sub-role CB UNCERTAIN", False),
    ("sub-role UNCERTAIN", False),
    ("DOB UNCERTAIN; UNCERTAIN squad status", True),
    ("confirmed S3", False),
])
def test_doubtful_rule(note, doubtful):
    assert doubtful_from_note(note) is doubtful


def test_status_column_overrides_the_note():
    s = parse_squad("club,player,position,date_of_birth,source,status\n"
                    "X,A,DF,2000-01-01,UNCERTAIN squad status,\nX,B,DF,2001-01-01,ok,doubtful\nX,C,DF,2002-01-01,UNCERTAIN,sure\n", "s.csv")
    assert [p.doubtful for p in s.players] == [True, True, False]


def test_defender_ages_match_hand_computation(squads):
    for key, dobs in (("roma", ROMA_DF), ("lev", LEV_DF), ("om", OM_DF)):
        a = average_age(squads[key], ON, "defenders")
        assert a.count == len(dobs) and a.value == pytest.approx(mean_age(dobs))


def test_centre_back_ages(squads):
    roma_cb = ["1996-04-17", "1999-08-20", "1995-06-18", "2003-01-06", "2005-06-05", "1997-02-17"]
    a = average_age(squads["roma"], ON, "centre_backs")
    assert a.count == 6 and a.value == pytest.approx(mean_age(roma_cb))
    lev_cb = ["2003-01-29", "2000-04-11", "1999-02-02", "2005-02-17", "1994-09-22"]
    assert average_age(squads["lev"], ON, "centre_backs").value == pytest.approx(mean_age(lev_cb))


def test_whole_squad_include_exclude_doubtful(squads):
    roma = squads["roma"]
    out = average_age(roma, ON, "all")
    inc = average_age(roma, ON, "all", include_doubtful=True)
    assert (out.count, inc.count) == (26, 28)
    assert out.excluded_doubtful == ("Radosław Żelezny", "Alessandro Romano")
    assert "left out as doubtful: Radosław Żelezny, Alessandro Romano" in out.note
    assert "includes doubtful" in inc.note and inc.excluded_doubtful == ()
    every = [p.born.isoformat() for p in roma.players]
    assert inc.value == pytest.approx(mean_age(every))
    assert out.value == pytest.approx(mean_age([p.born.isoformat() for p in roma.players if not p.doubtful]))


def test_age_moves_with_the_date(squads):
    a, b = average_age(squads["om"], ON, "defenders"), average_age(squads["om"], date(2026, 2, 1), "defenders")
    assert b.value - a.value == pytest.approx((date(2026, 2, 1) - ON).days / 365.2425)


HEAD = "club,player,position,date_of_birth,source\n"


def test_born_after_the_as_of_date_names_the_row():
    s = parse_squad(HEAD + "X,Old,DF,1990-01-01,a\nX,Baby,DF-CB,2026-01-01,b\n", "s.csv")
    with pytest.raises(InputError, match=r"^s\.csv: row 3 \(Baby\): born 2026-01-01 after the as-of date 2025-11-28"):
        average_age(s, ON, "defenders")


def test_missing_date_of_birth_names_the_row():
    s = parse_squad(HEAD + "X,Old,DF,1990-01-01,a\nX,Nobody,DF,,b\n", "s.csv")
    with pytest.raises(InputError, match=r"^s\.csv: row 3 \(Nobody\): no date of birth"):
        average_age(s, ON, "all")
    # a doubtful row left out does not need a date of birth
    s = parse_squad(HEAD + "X,Old,DF,1990-01-01,a\nX,Nobody,DF,,UNCERTAIN squad status\n", "s.csv")
    assert average_age(s, ON, "all").count == 1


def test_no_group_members_gives_no_value():
    s = parse_squad(HEAD + "X,Keeper,GK,1990-01-01,a\n", "s.csv")
    a = average_age(s, ON, "centre_backs")
    assert a.value is None and a.note == "no centre backs in the squad list"


@pytest.mark.parametrize("text, message", [
    ("club,player,position\nX,A,DF\n", r"^s\.csv: not a squad file \(missing column date_of_birth, source\)"),
    (HEAD + "X,A,DF,01/01/1990,a\n", r"^s\.csv: row 2 \(A\): date_of_birth '01/01/1990' is not a date"),
    (HEAD + "X,,DF,1990-01-01,a\n", r"^s\.csv: row 2: player is empty"),
    (HEAD, r"^s\.csv: no player rows"),
    (HEAD + "X,A,DF,1990-01-01,a\nY,B,DF,1990-01-01,a\n", r"^s\.csv: one club per squad file, found 2: X, Y"),
])
def test_squad_file_errors(text, message):
    with pytest.raises(InputError, match=message):
        parse_squad(text, "s.csv")
