"""Match files a user might feed the app by mistake: each is refused in one short line, never a traceback or hang."""
from __future__ import annotations

import json
import os
import threading
from datetime import date
from pathlib import Path

import pytest

from evaluator.data.matches import parse_football_data_csv, parse_openfootball, read_season
from evaluator.errors import InputError

HEAD = "Date,HomeTeam,AwayTeam,FTHG,FTAG\n"
TODAY = date(2026, 1, 15)


def one_line(e: pytest.ExceptionInfo[InputError], name: str) -> str:
    msg = str(e.value)
    assert "\n" not in msg and len(msg) <= 200 and name in msg, msg
    return msg


def csv_of(*rows: str) -> str:
    return HEAD + "\n".join(rows) + "\n"


@pytest.mark.parametrize("goals", ["inf", "1e400", "nan", "1e300", "2.0", "1_0", "٣", " 3 3", "+1", "1000", "0x1"])
def test_csv_goals_are_plain_ascii_counts(goals):
    with pytest.raises(InputError, match=r"x\.csv: row 2, FTHG: .* is not a count") as e:
        parse_football_data_csv(csv_of(f"2025-08-01,A,B,{goals},0"), "x.csv", today=TODAY)
    one_line(e, "x.csv")


def test_csv_goals_ok_with_spaces_and_three_digits():
    s = parse_football_data_csv(csv_of("2025-08-01,A,B, 3 ,149"), "x.csv", today=TODAY)
    assert (s.matches[0].home_goals, s.matches[0].away_goals) == (3, 149)


@pytest.mark.parametrize("ft", ["[1e400, 0]", "[NaN, 0]", "[Infinity, 0]", "[1e300, 0]", "[2.0, 1]",
                                "[1000, 0]", "[" + "9" * 5000 + ", 0]"])
def test_json_goals_are_small_ints(ft):
    text = '{"matches": [{"date": "2025-08-01", "team1": "A", "team2": "B", "score": {"ft": %s}}]}' % ft
    with pytest.raises(InputError, match=r"x\.json: matches\[0\]\.score\.ft: expected two goal counts") as e:
        parse_openfootball(text, "x.json", today=TODAY)
    one_line(e, "x.json")


def test_json_huge_int_elsewhere_is_not_a_traceback():
    text = '{"name": "L", "round": %s, "matches": [{"date": "2025-08-01", "team1": "A", "team2": "B"}]}' % ("7" * 5000)
    assert len(parse_openfootball(text, "x.json", today=TODAY).matches) == 1


def test_json_nested_deep_is_refused():
    text = '{"matches": ' + "[" * 1000 + "]" * 1000 + "}"
    with pytest.raises(InputError, match=r"x\.json: not an openfootball file \(JSON nested far too deep\)") as e:
        parse_openfootball(text, "x.json")
    one_line(e, "x.json")


def test_json_deep_value_in_a_message_is_not_repr_d():
    deep = "[" * 900 + "]" * 900
    text = '{"matches": [{"date": "2025-08-01", "team1": %s, "team2": "B"}]}' % deep
    with pytest.raises(InputError, match=r"team1: expected a team name, got a list of 1 items") as e:
        parse_openfootball(text, "x.json")
    one_line(e, "x.json")


def test_cr_only_line_endings_read_like_any_other(tmp_path):
    p = tmp_path / "mac.csv"
    p.write_bytes(csv_of("2025-08-01,A,B,1,0", "2025-08-08,B,A,2,2").replace("\n", "\r").encode())
    s = read_season(p, today=TODAY)
    assert [(m.home, m.home_goals) for m in s.matches] == [("A", 1), ("B", 2)]


@pytest.mark.parametrize("column", ["HomeTeam", "Referee"])
def test_a_field_over_the_csv_limit_is_refused(column):
    head = "Date,HomeTeam,AwayTeam,FTHG,FTAG,Referee\n"
    big = "x" * 140_000
    row = f"2025-08-01,{big},B,1,0,R" if column == "HomeTeam" else f"2025-08-01,A,B,1,0,{big}"
    with pytest.raises(InputError, match=r"x\.csv: row 2: not readable as CSV \(a field is longer than") as e:
        parse_football_data_csv(head + row + "\n", "x.csv", today=TODAY)
    one_line(e, "x.csv")


def test_a_team_playing_itself_is_refused():
    with pytest.raises(InputError, match=r"x\.csv: row 3: 'Roma' plays itself"):
        parse_football_data_csv(csv_of("2025-08-01,A,B,1,0", "2025-08-01,Roma,roma ,1,0"), "x.csv", today=TODAY)
    text = json.dumps({"matches": [{"date": "2025-08-01", "team1": "A", "team2": "A"}]})
    with pytest.raises(InputError, match=r"x\.json: matches\[0\]: 'A' plays itself"):
        parse_openfootball(text, "x.json", today=TODAY)


def test_the_same_match_twice_is_refused_naming_both_rows():
    rows = ("2025-08-01,A,B,1,0", "2025-08-02,C,D,0,0", "2025-08-01,A,B,1,0")
    with pytest.raises(InputError, match=r"^x\.csv: row 4: the same match as row 2 \(A v B, 2025-08-01\)"):
        parse_football_data_csv(csv_of(*rows), "x.csv", today=TODAY)
    same = {"date": "2025-08-01", "team1": "A", "team2": "B", "score": {"ft": [1, 0]}}
    swapped = {"date": "2025-08-01", "team1": "B", "team2": "A", "score": {"ft": [0, 1]}}
    with pytest.raises(InputError, match=r"^x\.json: matches\[1\]: the same match as matches\[0\]"):
        parse_openfootball(json.dumps({"matches": [same, swapped]}), "x.json", today=TODAY)


def test_the_same_pairing_on_two_dates_is_fine_and_two_matches_a_day_is_a_warning():
    s = parse_football_data_csv(csv_of("2025-08-01,A,B,1,0", "2025-09-01,A,B,2,0"), "x.csv", today=TODAY)
    assert len(s.matches) == 2 and s.warnings == ()
    s = parse_football_data_csv(csv_of("2025-08-01,A,B,1,0", "2025-08-01,A,C,2,0"), "x.csv", today=TODAY)
    assert s.warnings == ("x.csv: A has two matches on 2025-08-01 (row 2 and row 3)",)


def test_results_in_the_future_and_impossible_years_are_refused():
    with pytest.raises(InputError, match=r"x\.csv: row 2: a result dated 2099-08-01, after today \(2026-01-15\)"):
        parse_football_data_csv(csv_of("2099-08-01,A,B,1,0"), "x.csv", today=TODAY)
    with pytest.raises(InputError, match=r"x\.csv: row 2: date 1066-10-14 is before 1850"):
        parse_football_data_csv(csv_of("1066-10-14,A,B,1,0"), "x.csv", today=TODAY)
    with pytest.raises(InputError, match=r"x\.csv: row 2: a fixture dated 2099-08-01, years from now"):
        parse_football_data_csv(csv_of("2099-08-01,A,B,,"), "x.csv", today=TODAY)
    # a fixture a few months ahead and a result today are normal
    s = parse_football_data_csv(csv_of("2026-05-01,A,B,,", "2026-01-15,A,C,1,1"), "x.csv", today=TODAY)
    assert len(s.matches) == 2


def test_non_ascii_digits_in_dates_are_refused():
    with pytest.raises(InputError, match=r"row 2, Date: .* is not a date"):
        parse_football_data_csv(csv_of("٢٠٢٥-٠٨-٠١,A,B,1,0"), "x.csv", today=TODAY)


def test_long_values_are_elided_in_messages():
    with pytest.raises(InputError) as e:
        parse_football_data_csv(csv_of("2025-08-01,A,B," + "9" * 5000 + ",0"), "x.csv", today=TODAY)
    assert "…" in one_line(e, "x.csv")
    text = json.dumps({"matches": [{"date": "2025-08-01", "team1": "A", "team2": "B", "score": {"ft": ["x" * 9000, 1]}}]})
    with pytest.raises(InputError) as e:
        parse_openfootball(text, "x.json", today=TODAY)
    one_line(e, "x.json")


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    out: list[BaseException] = []
    t = threading.Thread(target=lambda: _catch(out, fifo), daemon=True)
    t.start()
    t.join(5)
    if t.is_alive():   # unblock the reader so the test run can end, then fail
        with open(fifo, "w"):
            pass
        pytest.fail("reading a FIFO blocked")
    assert isinstance(out[0], InputError) and "pipe.csv: not a regular file" in str(out[0])


def _catch(out: list[BaseException], path: Path) -> None:
    try:
        read_season(path)
    except BaseException as e:  # noqa: BLE001 - the test inspects it
        out.append(e)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused():
    with pytest.raises(InputError, match=r"/dev/zero: not a regular file"):
        read_season("/dev/zero")


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    import evaluator.data.matches as matches
    p = tmp_path / "big.csv"
    p.write_text(csv_of("2025-08-01,A,B,1,0"))
    monkeypatch.setattr(matches, "MAX_BYTES", 20)
    with pytest.raises(InputError, match=r"big\.csv: 52 bytes is over the 20 bytes limit for a match file"):
        read_season(p)


def test_warnings_are_capped_at_twenty_and_a_count():
    rows = [f"2025-08-01,A,T{i},1,0" for i in range(30)]
    s = parse_football_data_csv(csv_of(*rows), "x.csv", today=TODAY)
    assert len(s.matches) == 30 and len(s.warnings) == 21
    assert s.warnings[-1] == "… and 9 more warnings like these"
