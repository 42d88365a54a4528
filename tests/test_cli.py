"""The command line: useful output on good input, one line and status 2 on bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from conftest import RESOURCES, ROOT

SERIE_A = RESOURCES / "data" / "matches" / "openfootball-it.1-2025-26.json"


def clubfit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_table_prints_the_league_on_a_date():
    done = clubfit("table", str(SERIE_A), "--as-of", "2025-11-28", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)["rows"]
    roma = next(r for r in rows if r["team"] == "AS Roma")
    assert (roma["position"], roma["points"], roma["goals_against"], roma["played"]) == (1, 27, 6, 12)
    assert len(rows) == 20


def test_table_bad_inputs_exit_2_with_one_line(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"matches": [{"date": "2025-08-01", "team1": "A", "team2": "B", "score": {"ft": [1, -1]}}]}')
    for args, needle in (((str(tmp_path / "none.json"), "--as-of", "2025-11-28"), "none.json"),
                         ((str(bad), "--as-of", "2025-11-28"), "matches[0].score.ft"),
                         ((str(SERIE_A), "--as-of", "2024-01-01"), "before the first match")):
        done = clubfit("table", *args)
        assert done.returncode == 2, done
        assert needle in done.stderr and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_score_with_weights_and_bad_weight():
    done = clubfit("score", "--weight", "age=0", "--weight", "standing=0", "--format", "json")
    assert done.returncode == 0
    ranking = json.loads(done.stdout)["ranking"]
    assert ranking[0]["club"] == "AS Roma" and ranking[0]["score"] == 100.0   # fewest conceded
    done = clubfit("score", "--weight", "defence=-1")
    assert done.returncode == 2 and "negative" in done.stderr
    done = clubfit("score", "--weight", "nonsense=1")
    assert done.returncode == 2 and "nonsense" in done.stderr


def test_all_weights_zero_is_bad_input_on_the_command_line():
    done = clubfit("score", "--weight", "standing=0", "--weight", "defence=0", "--weight", "age=0")
    assert done.returncode == 2
    assert "all weights are zero" in done.stderr and done.stderr.count("\n") == 1


def test_usage_mistakes_are_one_line_and_status_2():
    for args, needle in ((("score", "--as-of", "2026-13-01"), "argument --as-of: '2026-13-01' is not a date"),
                         (("--size", "10x10"), "is not a window size"),
                         (("score", "--weight", "standing=1e308"), "weight of standing: 1e+308 is too large"),
                         (("score", "--scenario", str(SERIE_A)), "not a Club Fit scenario")):
        done = clubfit(*args)
        assert done.returncode == 2, done
        assert needle in done.stderr and done.stderr.count("\n") == 1 and "usage:" not in done.stderr


def test_score_recomputes_on_another_date():
    done = clubfit("score", "--as-of", "2026-02-01", "--format", "json")
    assert done.returncode == 0, done.stderr
    scores = {x["club"]: x["score"] for x in json.loads(done.stdout)["ranking"]}
    from test_scales import expected_scores      # counted from the raw files on that date
    assert scores == pytest.approx(expected_scores(date(2026, 2, 1)), abs=1e-5)


def test_a_reader_that_stops_early_is_not_an_error(monkeypatch):
    import main as cli

    class ClosedPipe:   # what stdout looks like once `| head -1` has exited
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert cli.main(["table", str(SERIE_A), "--as-of", "2026-02-01"]) == 0
