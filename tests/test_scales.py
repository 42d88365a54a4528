"""Reference scales, missing figures as ranges, and stale data (issue 13).

The expected numbers are computed here from the raw files with plain Python (the JSON match
files read with ``json``, the squad CSVs with ``csv``), not with the app's readers or tables.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from conftest import BUNDLED_CASE, RESOURCES, ROOT
from evaluator.data.case import DataCache, build_scenario
from evaluator.data.live_case import with_club
from evaluator.decision.scoring import prepare, score
from evaluator.decision.smaa import smaa
from evaluator.documents import load_case, scenario_from_dict, scenario_to_dict
from evaluator.model import Figure, Scale

M = RESOURCES / "data" / "matches"
LEAGUES = {"AS Roma": M / "openfootball-it.1-2025-26.json",
           "Bayer 04 Leverkusen": M / "openfootball-de.1-2025-26.json",
           "Olympique de Marseille": M / "openfootball-fr.1-2025-26.json"}
SQUADS = RESOURCES / "data" / "squads"
SQUAD_FILES = {"AS Roma": "as-roma-2025-26-squad.csv", "Bayer 04 Leverkusen": "bayer-04-leverkusen-2025-26-squad.csv",
               "Olympique de Marseille": "olympique-de-marseille-2025-26-squad.csv"}
AGE_LO, AGE_HI = 22.0, 32.0       # the bundled case's fixed defenders' age range


# --- an independent count ---------------------------------------------------------------------
def table(path: Path, on: date) -> dict[str, dict[str, float]]:
    """Per team: points, played, conceded, goal difference, goals for, from the raw JSON."""
    t: dict[str, dict[str, float]] = {}
    for m in json.loads(path.read_text(encoding="utf-8"))["matches"]:
        for team in (m["team1"], m["team2"]):
            t.setdefault(team, {"pts": 0, "p": 0, "ga": 0, "gf": 0})
        ft = (m.get("score") or {}).get("ft")
        if not ft or date.fromisoformat(m["date"]) > on:
            continue
        for team, gf, ga in ((m["team1"], ft[0], ft[1]), (m["team2"], ft[1], ft[0])):
            row = t[team]
            row["p"] += 1
            row["gf"] += gf
            row["ga"] += ga
            row["pts"] += 3 if gf > ga else 1 if gf == ga else 0
    return t


def position(t: dict[str, dict[str, float]], team: str) -> int:
    key = lambda x: (-t[x]["pts"], -(t[x]["gf"] - t[x]["ga"]), -t[x]["gf"], x)  # noqa: E731
    return sorted(t, key=key).index(team) + 1


def defenders_age(club: str, on: date) -> float:
    rows = _rows(SQUAD_FILES[club])
    ages = [(on - date.fromisoformat(r["date_of_birth"])).days / 365.2425 for r in rows
            if r["position"].startswith("DF") and not _doubtful(r["source"])]
    return sum(ages) / len(ages)


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((SQUADS / name).read_text(encoding="utf-8"))))


def _doubtful(source: str) -> bool:
    import re
    return "UNCERTAIN" in re.sub(r"(DOB|sub-role(\s+\w+)?)\s+UNCERTAIN", "", source)


def team_of(t: dict[str, dict[str, float]], club: str) -> str:
    return max(t, key=lambda x: len(set(x.lower().split()) & set(club.lower().split())))


def expected_scores(on: date, weights=(1.0, 1.0, 1.0)) -> dict[str, float]:
    tables = {c: table(p, on) for c, p in LEAGUES.items()}
    every = [row["ga"] / row["p"] for t in tables.values() for row in t.values() if row["p"]]
    lo, hi = min(every), max(every)
    w = np.array(weights) / sum(weights)
    out = {}
    for club, t in tables.items():
        team = team_of(t, club)
        standing = (len(t) - position(t, team)) / (len(t) - 1)
        defence = (hi - t[team]["ga"] / t[team]["p"]) / (hi - lo)
        age = (AGE_HI - min(max(defenders_age(club, on), AGE_LO), AGE_HI)) / (AGE_HI - AGE_LO)
        out[club] = 100 * float(w @ [standing, defence, age])
    return out


# --- reference scales -------------------------------------------------------------------------
def test_reference_range_is_the_range_over_every_club_of_the_leagues():
    on = date(2025, 11, 28)
    s = build_scenario(load_case(BUNDLED_CASE))
    every = [row["ga"] / row["p"] for p in LEAGUES.values() for row in table(p, on).values() if row["p"]]
    ref = s.references["conceded_per_match"]
    assert len(every) == 56
    assert (ref.lo, ref.hi) == pytest.approx((min(every), max(every)))
    assert ref.text == "all 56 clubs of 3 leagues on 2025-11-28"
    defence = s.criterion("defence")
    assert defence.scale.mode == "reference" and (defence.scale.lo, defence.scale.hi) == (ref.lo, ref.hi)
    assert s.criterion("age").scale == Scale(22, 32, "fixed", s.criterion("age").scale.reason)
    assert "chosen, not measured" in s.criterion("age").scale.reason


@pytest.mark.parametrize("on", [date(2025, 11, 28), date(2026, 2, 1)])
def test_bundled_scores_on_reference_scales_match_an_independent_count(on):
    s = build_scenario(load_case(BUNDLED_CASE), as_of=on)
    r = score(prepare(s), np.array([50.0, 50.0, 50.0]))
    want = expected_scores(on)
    assert {c.name: float(x) for c, x in zip(s.clubs, r.scores)} == pytest.approx(want, abs=1e-9)


def test_scale_in_force_reads_beside_the_criterion():
    from evaluator.formatting import describe_scale
    s = build_scenario(load_case(BUNDLED_CASE))
    p = prepare(s)
    j = [c.id for c in s.criteria].index("defence")
    text = describe_scale(s.criteria[j].scale, p.lo[j], p.hi[j], s.column("conceded_per_match"))
    assert text == "scale 0.50–2.36 goals/match, all 56 clubs of 3 leagues on 2025-11-28"


def _bayern_case(name: str = "FC Bayern München"):
    cache = DataCache()
    case = load_case(BUNDLED_CASE)
    return with_club(case, name, LEAGUES["Bayer 04 Leverkusen"], None, cache), case, cache


def _bottom_of_the_bundesliga() -> str:
    t = table(LEAGUES["Bayer 04 Leverkusen"], date(2025, 11, 28))
    return max(t, key=lambda team: position(t, team))


def test_adding_or_removing_a_club_never_changes_the_others_scores():
    bigger, case, cache = _bayern_case(_bottom_of_the_bundesliga())
    w = np.array([50.0, 50.0, 50.0])
    before = score(prepare(build_scenario(case, cache=cache)), w)
    after = score(prepare(build_scenario(bigger, cache=cache)), w)
    assert after.scores[:3].tolist() == before.scores[:3].tolist()      # bit for bit
    # The own range, by contrast, moves them: what reference scales are for.
    own = lambda s: replace(s, criteria=tuple(replace(c, scale=Scale(kind="own")) for c in s.criteria))  # noqa: E731
    a = score(prepare(own(build_scenario(case, cache=cache))), w)
    b = score(prepare(own(build_scenario(bigger, cache=cache))), w)
    assert not np.allclose(a.scores, b.scores[:3])


def test_old_files_without_a_scale_keep_the_own_range_and_a_reference_without_a_range_says_so():
    s = build_scenario(load_case(BUNDLED_CASE))
    d = scenario_to_dict(s)
    for c in d["criteria"]:
        c.pop("scale", None)
    old = scenario_from_dict(d)
    assert all(c.scale.mode == "own" for c in old.criteria)
    d["criteria"][1]["scale"] = {"kind": "reference"}
    d.pop("references")
    r = score(prepare(scenario_from_dict(d)), np.ones(3))
    assert any("Defensive record: no league-wide reference range" in m for m in r.messages)


# --- missing figures as ranges ----------------------------------------------------------------
def test_bayern_without_a_squad_list_gets_a_range_and_no_criterion_above_its_share():
    bigger, _, cache = _bayern_case()
    s = build_scenario(bigger, cache=cache)
    r = score(prepare(s), np.array([1.0, 50.0, 50.0]))
    b = [c.name for c in s.clubs].index("FC Bayern München")
    assert r.incomplete[b] and r.score_low[b] < r.scores[b] < r.score_high[b]
    assert (r.contributions <= 100 * r.weights[None, :] + 1e-9).all()
    # Both ends: the age figure set to the worst and to the best end of its scale.
    for value, end in ((AGE_HI, r.score_low[b]), (AGE_LO, r.score_high[b])):
        club = s.clubs[b]
        filled = replace(club, figures={**club.figures, "defender_age": Figure(value, "test")})
        s2 = replace(s, clubs=tuple(filled if i == b else c for i, c in enumerate(s.clubs)))
        assert score(prepare(s2), r.raw_weights).scores[b] == pytest.approx(end, abs=1e-9)
    assert r.scores[b] == pytest.approx((r.score_low[b] + r.score_high[b]) / 2)   # ranked by the middle
    others = np.delete(r.scores, b)
    assert r.ranks[b] == 1 + int((others > r.scores[b]).sum())


def test_smaa_draws_a_missing_figure_over_its_whole_scale():
    bigger, _, cache = _bayern_case()
    s = build_scenario(bigger, cache=cache)
    r = score(prepare(s), np.array([1.0, 50.0, 50.0]))
    b = [c.name for c in s.clubs].index("FC Bayern München")
    # Only age counts: Bayern's unknown age beats every known one in the share of draws whose
    # utility is above the best club's (uniform over the scale).
    only_age = score(prepare(s), np.array([0.0, 0.0, 1.0]))
    out = smaa(only_age, samples=4000, seed=3, band=0.0)
    best = np.nanmax(np.delete(only_age.prepared.utilities[:, 2], b))
    assert out.first_rank[b] == pytest.approx(1 - best, abs=0.03)
    assert r.ranked


def test_score_json_carries_score_low_and_high():
    done = subprocess.run([sys.executable, "main.py", "score", "--format", "json"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for row in json.loads(done.stdout)["ranking"]:
        assert row["score_low"] == row["score"] == row["score_high"]


# --- stale data -------------------------------------------------------------------------------
@pytest.mark.parametrize("days, stale", [(14, False), (15, True)])
def test_a_squad_list_is_stale_after_fourteen_days(days, stale):
    on = date(2025, 11, 28) + timedelta(days=days)
    s = build_scenario(load_case(BUNDLED_CASE), as_of=on)
    fig = s.clubs[0].figure("defender_age")
    want = f"squad list of 2025-11-28 used for {on.isoformat()}; later transfers not reflected"
    assert fig.stale == (want if stale else "")
    r = score(prepare(s), np.ones(3))
    assert any(want in m for m in r.messages) == stale
    assert not s.clubs[0].figure("points").stale        # the match files run on to March 2026


def test_a_match_file_is_stale_by_the_same_rule(tmp_path):
    from evaluator.model import stale_note
    last = date(2026, 3, 9)
    assert stale_note(last, last + timedelta(days=14), "x", "y") == ""
    assert stale_note(last, last + timedelta(days=15), "x", "y") == f"x of {last} used for {last + timedelta(days=15)}; y"


def test_the_report_resolves_every_source_code_of_the_squad_lists():
    import re
    from datetime import datetime
    from evaluator.report import build_report
    s = build_scenario(load_case(BUNDLED_CASE))
    report = build_report(score(prepare(s), np.ones(3)), datetime(2026, 1, 1))
    used = {m for f in SQUAD_FILES.values() for r in _rows(f)
            for m in re.findall(r"\b[A-Z][0-9]+[a-z]?\b", r["source"])}
    legend = {line.split(" — ")[0]: line.split(" — ", 1)[1] for line in report.legend}
    assert set(legend) == used
    assert all(name and "not named" not in name for name in legend.values())
    assert legend["S1"].startswith("FBref")


# --- the age criterion ------------------------------------------------------------------------
def test_the_age_criterion_switches_between_all_defenders_and_centre_backs_and_undoes():
    from evaluator.session import Session
    session = Session(build_scenario(load_case(BUNDLED_CASE)), case=load_case(BUNDLED_CASE))
    edits = []
    session.on_edit(edits.append)
    assert [c.id for c in session.scenario.alternatives("age")] == ["squad_age", "defender_age", "centre_back_age"]
    assert session.scenario.alternatives("defence") == ()
    session.set_column("age", "centre_back_age")
    crit = session.scenario.criterion("age")
    assert crit.column == "centre_back_age" and crit.scale.mode == "fixed"
    j = [c.id for c in session.scenario.criteria].index("age")
    u = session.result.prepared.utilities[:, j]
    want = [(AGE_HI - c.figure("centre_back_age").value) / (AGE_HI - AGE_LO) for c in session.scenario.clubs]
    assert u.tolist() == pytest.approx(want)
    assert len(edits) == 1
    session.restore(edits[0].before)
    assert session.scenario.criterion("age").column == "defender_age"
    from evaluator.errors import InputError
    with pytest.raises(InputError):
        session.set_column("age", "points")


def bundled_whole_ranking_intervals() -> list[str]:
    """Per criterion, the shares over which the bundled case's whole ranking holds at equal
    weights, from the hand utilities: each pair's score difference is linear in the share t,
    d(t) = d0 + t (d1 - d0), so it crosses at t = d0 / (d0 - d1)."""
    s = build_scenario(load_case(BUNDLED_CASE))
    ref = s.references["conceded_per_match"]
    u = np.array([[c.figure("table_percentile").value / 100,
                   (ref.hi - c.figure("conceded_per_match").value) / (ref.hi - ref.lo),
                   (AGE_HI - c.figure("defender_age").value) / (AGE_HI - AGE_LO)] for c in s.clubs])
    out = []
    for k in range(3):
        at0, at1 = np.delete(u, k, axis=1).mean(axis=1), u[:, k]
        ts = []
        for i in range(3):
            for m in range(i + 1, 3):
                d0, d1 = at0[i] - at0[m], at1[i] - at1[m]
                if d0 * d1 < 0:
                    ts.append(d0 / (d0 - d1))
        lo = max([t for t in ts if t <= 1 / 3], default=0.0)
        hi = min([t for t in ts if t >= 1 / 3], default=1.0)
        out.append(f"{100 * lo:.1f}% – {100 * hi:.1f}%")
    return out


def test_bundled_intervals_by_hand_are_what_the_report_says():
    from datetime import datetime
    from evaluator.report import build_report
    s = build_scenario(load_case(BUNDLED_CASE))
    sec = build_report(score(prepare(s), np.array([50.0, 50.0, 50.0])), datetime(2026, 1, 1)).robustness
    assert [x.whole_ranking for x in sec.stability] == bundled_whole_ranking_intervals()


def test_the_readme_gives_the_bundled_scores_as_computed():
    want = expected_scores(date(2025, 11, 28))
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (f"Roma {want['AS Roma']:.1f}, Marseille {want['Olympique de Marseille']:.1f}, "
            f"Leverkusen {want['Bayer 04 Leverkusen']:.1f}") in text


# --- the window ------------------------------------------------------------------------------
def test_the_weights_panel_shows_the_scale_and_switches_the_age_figure_undoably(qtbot):
    from evaluator.session import Session
    from ui.main_window import MainWindow
    case = load_case(BUNDLED_CASE)
    session = Session(build_scenario(case), case=case)
    window = MainWindow(session)
    qtbot.addWidget(window)
    rows = {row.criterion_id: row for row in window.weights.rows}
    assert rows["defence"].scale.text() == "scale 0.50–2.36 goals/match, all 56 clubs of 3 leagues on 2025-11-28"
    assert rows["age"].scale.text().startswith("scale 22.0–32.0 years, fixed: a plausible span")
    assert rows["defence"].column.isHidden() and not rows["age"].column.isHidden()
    combo = rows["age"].column
    combo.setCurrentIndex(combo.findData("centre_back_age"))
    assert session.scenario.criterion("age").column == "centre_back_age"
    assert window.history.stack.count() == 1
    window.history.stack.undo()
    assert session.scenario.criterion("age").column == "defender_age"
    # The own range stays a choice; back to the reference range is one more edit.
    rows = {row.criterion_id: row for row in window.weights.rows}
    kind = rows["defence"].scale_kind
    kind.setCurrentIndex(kind.findData("own"))
    assert session.scenario.criterion("defence").scale.mode == "own"
    rows = {row.criterion_id: row for row in window.weights.rows}
    assert "the candidates' own range" in rows["defence"].scale.text()
