"""Fit across the season and every club of the leagues ranked: the numbers equal the existing
per-date path (set_as_of, then the session's result), and the command line says the same."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

import numpy as np
import pytest

from conftest import BUNDLED_SCENARIO, RESOURCES, ROOT
from evaluator.errors import InputError
from evaluator.session import Session

MATCHES = RESOURCES / "data" / "matches"
LEAGUES = [MATCHES / f"openfootball-{x}.1-2025-26.json" for x in ("it", "de", "fr")]


@pytest.fixture
def live() -> Session:
    return Session.from_file(BUNDLED_SCENARIO, read_only=True)


def _per_date(s: Session, day: date) -> tuple[np.ndarray, np.ndarray]:
    s.set_as_of(day)
    return s.result.scores.copy(), s.result.ranks.copy()


def test_timeline_equals_set_as_of_on_every_matchday(live):
    live.set_weights({"standing": 3, "defence": 1, "age": 2})
    live.set_figure("bayer-04-leverkusen", "defender_age", 24.0, "club website", date(2025, 11, 28))
    t = live.timeline()
    assert len(t.dates) >= 20 and t.dates == tuple(sorted(t.dates))
    assert t.dates[0] >= date(2025, 8, 23) and t.dates[-1] == date(2026, 3, 9)
    other = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    other.set_weights({"standing": 3, "defence": 1, "age": 2})
    other.set_figure("bayer-04-leverkusen", "defender_age", 24.0, "club website", date(2025, 11, 28))
    for d, day in enumerate(t.dates):
        scores, ranks = _per_date(other, day)
        np.testing.assert_allclose(t.scores[d], scores, rtol=0, atol=1e-12, equal_nan=True)
        assert t.ranks[d].tolist() == ranks.tolist(), day


def test_timeline_follows_weights_without_rebuilding_figures(live):
    first = live.timeline()
    built = live._season
    live.set_weight("age", 0)
    second = live.timeline()
    assert live._season is built                    # a weight change only re-scores
    assert not np.allclose(first.scores, second.scores)
    live.set_as_of(date(2026, 2, 1))
    assert live.timeline().as_of == date(2026, 2, 1) and live._season is built   # nor does the date
    live2 = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    live2.set_weight("age", 0)
    live2.set_as_of(second.dates[5])
    np.testing.assert_allclose(second.scores[5], live2.result.scores, atol=1e-12)


def test_every_n_days_and_ranges(live):
    t = live.timeline(date(2025, 10, 1), date(2025, 10, 31), every=7)
    assert t.dates == tuple(date(2025, 10, d) for d in (1, 8, 15, 22, 29))
    t = live.timeline(date(2025, 10, 1), date(2025, 10, 31))
    assert all(date(2025, 10, 1) <= d <= date(2025, 10, 31) for d in t.dates) and t.dates
    assert "since" not in t.leader_sentence() and "led the ranking on" in t.leader_sentence()
    assert t.leader_sentence(date(2025, 10, 10)).count("since 2025-10") == 1
    for bad in ((date(2027, 1, 1), None, None), (date(2025, 12, 1), date(2025, 11, 1), None),
                (None, date(2025, 1, 1), None), (None, None, 0)):
        with pytest.raises(InputError):
            live.timeline(*bad)


def test_timeline_needs_a_case(session):
    with pytest.raises(InputError, match="case file"):
        session.timeline()


def test_discover_lists_all_56_clubs_and_equals_scoring_them_one_by_one(live):
    from evaluator.data.case import build_scenario
    from evaluator.decision.scoring import prepare, score
    from evaluator.model import ClubSource
    from dataclasses import replace
    d = live.discover()
    s = d.result.scenario
    assert len(s.clubs) == 56 and s.as_of == date(2025, 11, 28)
    assert sorted(n for n in d.candidate if n) == ["AS Roma", "Bayer 04 Leverkusen", "Olympique de Marseille"]
    positions = d.candidate_positions()
    # bundled data, equal weights; the 53 clubs without a squad list are ranked by the middle of their range
    assert positions == {"AS Roma": 1, "Bayer 04 Leverkusen": 12, "Olympique de Marseille": 10}
    case = live.case
    assert case is not None
    # Each club built on its own (its own one-club case; a candidate with its squad list) gives the same figures.
    squads = {c.name: c for c in case.clubs}
    clubs = []
    for club, path, cand in zip(s.clubs, d.paths, d.candidate):
        src = replace(squads[cand], matches=path) if cand else ClubSource(name=club.name, matches=path)
        one = build_scenario(replace(case, clubs=(src,), cross_check=()), cache=live.cache)
        scored = {c.column for c in s.criteria}
        got = {k: f.value for k, f in one.clubs[0].figures.items() if k in scored}
        assert got == {k: f.value for k, f in club.figures.items()}, club.name   # the scored figures, no more
        clubs.append(replace(club, figures=one.clubs[0].figures))
    again = score(prepare(replace(s, clubs=tuple(clubs))), np.array(live.state.weights))
    np.testing.assert_allclose(again.scores, d.result.scores, atol=1e-12, equal_nan=True)
    # The candidates in the full list: ages from their squad lists, every other club's ages missing.
    for club, cand in zip(s.clubs, d.candidate):
        assert (club.figure("defender_age").value is None) == (not cand)
    assert int(d.result.incomplete.sum()) == 53


def test_discover_with_other_leagues_and_dates(live):
    d = live.discover(leagues=(LEAGUES[1],), on=date(2026, 2, 1))
    assert len(d.result.scenario.clubs) == 18 and list(d.candidate_positions()) == ["Bayer 04 Leverkusen"]
    with pytest.raises(InputError, match="before the first match"):
        live.discover(on=date(2025, 1, 1))


# --- the command line, in subprocesses ----------------------------------------------------------
def clubfit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_cli_timeline_csv_equals_the_session():
    done = clubfit("timeline", "--weight", "age=10", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    s = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    s.set_weight("age", 10)
    t = s.timeline()
    assert len(rows) == 3 * len(t.dates)
    assert list(rows[0]) == ["date", "club", "score", "rank", "score_low", "score_high"]
    for row, (day, club, score, rank, _, _) in zip(rows, t.rows()):
        assert (row["date"], row["club"], int(row["rank"])) == (day.isoformat(), club, rank)
        assert float(row["score"]) == pytest.approx(score, abs=1e-6)


def test_cli_timeline_text_and_json():
    done = clubfit("timeline", "--from", "2025-10-01", "--to", "2025-12-31", "--every", "14")
    assert done.returncode == 0, done.stderr
    assert "2025-10-15" in done.stdout and "led the ranking on" in done.stdout
    data = json.loads(clubfit("timeline", "--matchdays", "--format", "json").stdout)
    assert data["as_of"] == "2025-11-28" and len(data["rows"]) % 3 == 0 and data["summary"]


def test_cli_discover_outputs():
    done = clubfit("discover", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["clubs"] == 56 and len(data["ranking"]) == 56
    assert set(data["candidates"]) == {"AS Roma", "Bayer 04 Leverkusen", "Olympique de Marseille"}
    text = clubfit("discover", "--league", str(LEAGUES[2]), "--as-of", "2026-01-10").stdout
    assert "18 clubs" in text and "candidate (Olympique de Marseille)" in text
    rows = list(csv.DictReader(io.StringIO(clubfit("discover", "--format", "csv").stdout)))
    assert len(rows) == 56 and [r["place"] for r in rows] == [str(i) for i in range(1, 57)]


@pytest.mark.parametrize("args, needle", [
    (("timeline", "--from", "2027-01-01"), "after the last result"),
    (("timeline", "--from", "2025-12-01", "--to", "2025-11-01"), "is after --to"),
    (("timeline", "--to", "2025-01-01"), "before the season"),
    (("timeline", "--from", "2025-13-01"), "is not a date"),
    (("timeline", "--every", "0"), "--every 0"),
    (("timeline", "--every", "3", "--matchdays"), "not allowed with"),
    (("discover", "--as-of", "2024-01-01"), "before the first match"),
    (("discover", "--league", "no-such-file.json"), "no-such-file.json"),
    (("timeline", "--scenario", "tests/fixtures/bad-truncated.json"), "bad-truncated.json"),
])
def test_cli_bad_input_exits_2_with_one_line(args, needle):
    done = clubfit(*args)
    assert done.returncode == 2, done
    assert needle in done.stderr and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
