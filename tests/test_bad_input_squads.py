"""Squad lists a user might feed the app by mistake: refused in one short line, or kept with a visible warning."""
from __future__ import annotations

import os
import threading
from datetime import date
from pathlib import Path

import pytest

from evaluator.data.squads import average_age, parse_squad, position_group, read_squad
from evaluator.errors import InputError

HEAD = "club,player,position,date_of_birth,source\n"
ON = date(2025, 11, 28)


def squad(*rows: str):
    return parse_squad(HEAD + "\n".join(rows) + "\n", "s.csv")


def test_abbreviated_positions_count_as_defenders():
    s = squad("X,A,CB,1995-01-01,a", "X,B,LB,1996-01-01,a", "X,C,RB,1997-01-01,a", "X,D,LWB,1998-01-01,a",
              "X,E,RWB,1999-01-01,a", "X,F,cb,2000-01-01,a", "X,G,Centre-Back,2001-01-01,a", "X,H,DF,1994-01-01,a",
              "X,I,GK,1993-01-01,a", "X,J,CM,1992-01-01,a", "X,K,ST,1991-01-01,a")
    assert average_age(s, ON, "defenders").count == 8
    assert average_age(s, ON, "centre_backs").count == 3
    assert [p.position for p in s.players][:5] == ["DF-CB", "DF-FB", "DF-FB", "DF-FB", "DF-FB"]
    assert s.players[0].position_as_written == "CB" and s.warnings == ()


@pytest.mark.parametrize("written, group", [
    ("GK", "GK"), ("DF-CB", "DF-CB"), ("DF-FB", "DF-FB"), ("DM", "MF"), ("AM", "MF"), ("MF", "MF"),
    ("LW", "FW"), ("RW", "FW"), ("CF", "FW"), ("FW", "FW"), ("left back", "DF-FB"), ("CB/RB", "DF-CB"),
    ("libero", None), ("", None),
])
def test_position_table(written, group):
    assert position_group(written) == group


def test_an_unknown_position_is_a_warning_not_a_silent_drop():
    s = squad("X,A,CB,1995-01-01,a", "X,B,Libero,1996-01-01,a")
    assert s.warnings == ("s.csv: row 3 (B): position 'Libero' is not known; counted in the whole squad only, "
                          "not as a defender",)
    assert average_age(s, ON, "all").count == 2 and average_age(s, ON, "defenders").count == 1


def test_the_same_player_twice_counts_once_with_a_warning():
    s = squad("X,A,CB,1995-01-01,a", "X,B,GK,1990-01-01,a", "X,A,CB,1995-01-01,a")
    assert [p.name for p in s.players] == ["A", "B"]
    assert s.warnings == ("s.csv: row 4 (A): the same player as row 2; counted once",)
    assert average_age(s, ON, "all").count == 2


def test_two_players_of_one_name_with_different_birth_dates_are_both_kept_with_a_warning():
    s = squad("X,Danilo,CB,1995-01-01,a", "X,danilo ,MF,2001-01-01,a")
    assert len(s.players) == 2 and s.warnings == (
        "s.csv: row 3 (danilo): same name as row 2, another date of birth; both counted",)


def test_implausible_ages_are_left_out_with_a_warning():
    s = squad("X,Old,DF,1800-01-01,a", "X,A,DF,1995-01-01,a", "X,Kid,DF,2015-01-01,a")
    a = average_age(s, ON, "defenders")
    assert a.count == 1 and a.value == pytest.approx((ON - date(1995, 1, 1)).days / 365.2425)
    assert a.warnings == (
        "s.csv: row 2 (Old): born 1800-01-01, 226 on 2025-11-28; outside 15-45, left out of the average",
        "s.csv: row 4 (Kid): born 2015-01-01, 11 on 2025-11-28; outside 15-45, left out of the average")
    assert "left out for an implausible age: 2" in a.note
    only_old = average_age(squad("X,Old,DF,1800-01-01,a"), ON, "defenders")
    assert only_old.value is None and only_old.note == "no defenders with a plausible age in the squad list"


def test_squad_exposes_its_one_club_and_refuses_several():
    s = squad("AS Roma,A,CB,1995-01-01,a", "Roma,B,GK,1990-01-01,a")
    assert s.club == "AS Roma"
    with pytest.raises(InputError, match=r"^s\.csv: one club per squad file, found 2: AS Roma, Lazio"):
        squad("AS Roma,A,CB,1995-01-01,a", "Lazio,B,GK,1990-01-01,a")
    with pytest.raises(InputError, match=r"^s\.csv: row 3 \(B\): club is empty"):
        squad("AS Roma,A,CB,1995-01-01,a", ",B,GK,1990-01-01,a")


def test_cr_only_line_endings(tmp_path):
    p = tmp_path / "mac.csv"
    p.write_bytes((HEAD + "X,A,CB,1995-01-01,a\nX,B,GK,1990-01-01,a\n").replace("\n", "\r").encode())
    assert [pl.name for pl in read_squad(p).players] == ["A", "B"]


def test_a_field_over_the_csv_limit_is_refused():
    with pytest.raises(InputError, match=r"^s\.csv: row 2: not readable as CSV \(a field is longer than") as e:
        squad("X,A,CB,1995-01-01," + "n" * 140_000)
    assert len(str(e.value)) <= 200


def test_long_values_are_elided():
    with pytest.raises(InputError) as e:
        squad("X," + "P" * 5000 + ",CB,not-a-date-" + "9" * 5000 + ",a")
    msg = str(e.value)
    assert msg.startswith("s.csv: row 2 (PPP") and len(msg) <= 200 and "…" in msg


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_not_read_until_memory_runs_out():
    with pytest.raises(InputError, match=r"^/dev/zero: not a regular file"):
        read_squad("/dev/zero")


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "squad.csv"
    os.mkfifo(fifo)
    out: list[BaseException] = []

    def read() -> None:
        try:
            read_squad(fifo)
        except BaseException as e:  # noqa: BLE001 - inspected below
            out.append(e)
    t = threading.Thread(target=read, daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():
        with open(fifo, "w"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert isinstance(out[0], InputError) and "squad.csv: not a regular file" in str(out[0])


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    import evaluator.data.squads as squads
    p = tmp_path / "big.csv"
    p.write_text(HEAD + "X,A,CB,1995-01-01,a\n")
    monkeypatch.setattr(squads, "MAX_BYTES", 10)
    with pytest.raises(InputError, match=r"big\.csv: .* is over the 10 bytes limit for a squad file"):
        read_squad(p)
