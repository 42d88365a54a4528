"""Weighted-sum scoring: every expected value below is worked out by hand in the test."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest

from evaluator.decision.scoring import competition_ranks, prepare, rounded_contributions, score
from tests.helpers import make

ROOT = Path(__file__).resolve().parent.parent


def run(scn, weights=None):
    p = prepare(scn)
    w = [scn.weights.get(c.id, 0.0) for c in scn.criteria] if weights is None else weights
    return score(p, np.array(w, dtype=float))


# --- a small 3 x 2 by hand -----------------------------------------------------------------
def small():
    return make({"A": {"x": 10, "y": 1}, "B": {"x": 20, "y": 3}, "C": {"x": 30, "y": 2}},
                [("x", "higher"), ("y", "lower")], {"x": 3, "y": 1})


def test_small_3x2_by_hand():
    r = run(small())
    # weights 3:1 -> 0.75, 0.25; x higher on 10..30: 0, .5, 1; y lower on 1..3: 1, 0, .5
    assert r.weights == pytest.approx([0.75, 0.25])
    assert r.scores == pytest.approx([0 + 25 * 1, 75 * 0.5 + 0, 75 + 25 * 0.5])   # 25, 37.5, 87.5
    assert list(r.ranks) == [3, 2, 1]
    assert list(r.order) == [2, 1, 0]
    assert r.contributions[2] == pytest.approx([75.0, 12.5])
    assert not r.incomplete.any() and r.messages == ()


def test_contributions_sum_to_scores_exactly():
    r = run(small())
    for i in range(3):
        assert r.contributions[i].sum() == r.scores[i]


def test_weights_scale_free():
    a, b = run(small(), [3, 1]), run(small(), [300, 100])
    assert a.scores == pytest.approx(b.scores)


# --- the real case ----------------------------------------------------------------------------
ROMA_DF = ["1996-04-17", "1999-08-20", "1995-06-18", "2003-01-06", "2005-06-05", "1997-02-17",
           "1997-01-04", "1996-05-12", "2003-09-06", "2003-01-18", "2007-08-06"]
LEV_DF = ["2003-01-29", "2000-04-11", "1999-02-02", "2005-02-17", "1994-09-22", "1995-09-20",
          "1991-07-01", "2003-03-17", "2007-08-10"]
OM_DF = ["1999-01-26", "1996-03-30", "2003-01-02", "1996-03-28", "1999-05-28", "1996-02-11",
         "1994-08-03", "2000-02-22", "1996-01-11"]


def mean_age(dobs, on=date(2025, 11, 28)):
    return sum((on - date.fromisoformat(d)).days / 365.2425 for d in dobs) / len(dobs)


def real_case_by_hand():
    # Roma 1st of 20 (27 pts, 6 conceded in 12); Leverkusen 3rd of 18 (15 in 11);
    # Marseille 2nd of 18 (12 in 13). Standing = share of the other clubs below.
    return {
        "AS Roma": {"standing": 100.0, "defence": 6 / 12, "age": mean_age(ROMA_DF)},
        "Bayer 04 Leverkusen": {"standing": 100 * 15 / 17, "defence": 15 / 11, "age": mean_age(LEV_DF)},
        "Olympique de Marseille": {"standing": 100 * 16 / 17, "defence": 12 / 13, "age": mean_age(OM_DF)},
    }


def test_real_case_equal_weights_by_hand():
    v = real_case_by_hand()
    scn = make(v, [("standing", "higher"), ("defence", "lower"), ("age", "lower")],
               {"standing": 50, "defence": 50, "age": 50})
    r = run(scn)
    third = 100 / 3
    roma, lev, om = v["AS Roma"], v["Bayer 04 Leverkusen"], v["Olympique de Marseille"]
    # Roma is best on all three -> 100. Leverkusen is worst on standing and defence.
    lev_age = (om["age"] - lev["age"]) / (om["age"] - roma["age"])
    # Marseille: standing halfway between 15/17 and 17/17; worst on age.
    om_def = (lev["defence"] - om["defence"]) / (lev["defence"] - roma["defence"])
    expected = [100.0, third * lev_age, third * 0.5 + third * om_def]
    assert r.scores == pytest.approx(expected, abs=1e-9)
    assert r.scores == pytest.approx([100.0, 28.28, 33.67], abs=0.005)
    assert list(r.ranks) == [1, 3, 2]


def test_real_case_built_from_files_gives_the_same_figures_and_own_range_scores():
    """The figures built from the files are the hand-counted ones; scored on the candidates'
    own range (the bundled case uses reference scales, tests/test_scales.py) they give the
    hand scores."""
    from dataclasses import replace
    from evaluator.data.case import build_scenario
    from evaluator.documents import load_case
    from evaluator.model import Scale
    scn = build_scenario(load_case(ROOT / "resources/cases/ramos-2025-11-28.case.json"))
    v = real_case_by_hand()
    for club in scn.clubs:
        assert club.figure("table_percentile").value == pytest.approx(v[club.name]["standing"])
        assert club.figure("conceded_per_match").value == pytest.approx(v[club.name]["defence"])
        assert club.figure("defender_age").value == pytest.approx(v[club.name]["age"])
    hand = run(make(v, [("standing", "higher"), ("defence", "lower"), ("age", "lower")],
                    {"standing": 1, "defence": 1, "age": 1}))
    own = replace(scn, criteria=tuple(replace(c, scale=Scale(kind="own")) for c in scn.criteria))
    r = run(own, [1, 1, 1])
    assert r.scores == pytest.approx(hand.scores, abs=1e-9)


# --- ranks -----------------------------------------------------------------------------------
def test_competition_ranks_share_ties():
    assert list(competition_ranks(np.array([90.0, 50.0, 50.0, 10.0]))) == [1, 2, 2, 4]
    assert list(competition_ranks(np.array([50.0, np.nan, 50.0 + 1e-12]))) == [1, 0, 1]


def test_tied_scores_rank_1_2_2_4():
    scn = make({"A": {"x": 2}, "B": {"x": 1}, "C": {"x": 1}, "D": {"x": 0}}, [("x", "higher")], {"x": 1})
    r = run(scn)
    assert r.scores == pytest.approx([100, 50, 50, 0])
    assert list(r.ranks) == [1, 2, 2, 4]


# --- flat, zero, missing -----------------------------------------------------------------------
def test_flat_criterion_gives_half_to_everyone_and_says_so():
    scn = make({"A": {"x": 1, "y": 5}, "B": {"x": 3, "y": 5}}, [("x", "higher"), ("y", "lower")],
               {"x": 1, "y": 1})
    r = run(scn)
    assert r.prepared.flat.tolist() == [False, True]
    assert r.prepared.utilities[:, 1].tolist() == [0.5, 0.5]
    assert r.scores == pytest.approx([25.0, 75.0])
    assert any("Y cannot separate the clubs" in m for m in r.messages)


def test_all_weights_zero_no_ranks_no_nan():
    r = run(small(), [0, 0])
    assert not r.ranked and list(r.ranks) == [0, 0, 0]
    assert not np.isnan(r.contributions).any()
    assert not np.isnan(r.effective).any() and not np.isnan(r.weights).any()
    assert any("All weights are zero" in m for m in r.messages)


def test_missing_figure_gives_a_range_flags_and_says_so():
    scn = make({"A": {"x": 10, "y": None}, "B": {"x": 20, "y": 3}, "C": {"x": 30, "y": 1}},
               [("x", "higher"), ("y", "lower")], {"x": 3, "y": 1})
    r = run(scn)
    assert r.effective[0] == pytest.approx([0.75, 0.25])         # never renormalised
    assert r.effective[1] == pytest.approx([0.75, 0.25])
    assert r.scores[0] == pytest.approx(25 * 0.5)                # worst x, y unknown: the middle
    assert (r.score_low[0], r.score_high[0]) == pytest.approx((0.0, 25.0))
    assert r.contributions[0, 1] == pytest.approx(12.5) and r.contributions[0, 1] <= 25.0
    assert r.scores[1] == pytest.approx(75 * 0.5 + 25 * 0)       # y range is B, C only: 1..3
    assert r.score_low[1] == r.scores[1] == r.score_high[1]
    assert r.incomplete.tolist() == [True, False, False]
    assert any(m.startswith("A has no figure for Y") for m in r.messages)
    assert not np.isnan(r.contributions).any()


def test_missing_figure_on_zero_weight_is_not_flagged():
    scn = make({"A": {"x": 10, "y": None}, "B": {"x": 20, "y": 3}}, [("x", "higher"), ("y", "lower")],
               {"x": 1, "y": 0})
    assert not run(scn).incomplete.any()


def test_club_without_any_weighted_figure_is_unranked():
    scn = make({"A": {"x": 10, "y": 1}, "B": {"x": None, "y": 2}, "C": {"x": 30, "y": 3}},
               [("x", "higher"), ("y", "lower")], {"x": 1, "y": 0})
    r = run(scn)
    assert r.ranks.tolist() == [2, 0, 1]
    assert np.isnan(r.scores[1]) and r.order.tolist() == [2, 0, 1]
    assert not np.isnan(r.contributions).any()
    assert any(m == "B is not ranked: it has no figure for any weighted criterion." for m in r.messages)


# --- directions and scales ---------------------------------------------------------------------
def utilities(values, crit):
    scn = make({f"c{i}": {crit[0]: v} for i, v in enumerate(values)}, [crit], {crit[0]: 1})
    return prepare(scn).utilities[:, 0].tolist()


def test_higher_and_lower_on_own_range():
    assert utilities([10, 20, 30], ("x", "higher")) == pytest.approx([0, 0.5, 1])
    assert utilities([10, 20, 30], ("x", "lower")) == pytest.approx([1, 0.5, 0])


def test_higher_and_lower_on_fixed_scale_clip_outside():
    assert utilities([10, 20, 50], ("x", "higher", None, (0, 40))) == pytest.approx([0.25, 0.5, 1])
    assert utilities([-5, 20, 30], ("x", "lower", None, (0, 40))) == pytest.approx([1, 0.5, 0.25])


def test_target_on_own_range():
    # distances to 2: 1, 0, 2 -> best 0, worst 2
    assert utilities([1, 2, 4], ("x", "target", 2)) == pytest.approx([0.5, 1, 0])


def test_target_on_fixed_scale():
    # scale 0..10, target 4: the worst distance on the scale is 6
    assert utilities([4, 10, 1, 7], ("x", "target", 4, (0, 10))) == pytest.approx([1, 0, 0.5, 0.5])


def test_target_equal_distances_is_flat_with_a_true_message():
    scn = make({"A": {"x": 1}, "B": {"x": 3}}, [("x", "target", 2)], {"x": 1})
    r = run(scn)
    assert r.prepared.utilities[:, 0].tolist() == [0.5, 0.5]
    msg = [m for m in r.messages if "cannot separate" in m]
    assert msg and "same value" not in msg[0] and "target" in msg[0]


def test_single_club_gets_a_message():
    r = run(make({"A": {"x": 1}}, [("x", "higher")], {"x": 1}))
    assert r.ranks.tolist() == [1]
    assert any("Only one club" in m for m in r.messages)


# --- rounding -----------------------------------------------------------------------------------
@pytest.mark.parametrize("weights", [[1, 1, 1], [50, 20, 7], [1, 0, 3], [0.3, 0.3, 0.4]])
def test_rounded_contributions_add_up_to_rounded_score(weights):
    scn = make(real_case_by_hand(), [("standing", "higher"), ("defence", "lower"), ("age", "lower")],
               {"standing": 1, "defence": 1, "age": 1})
    r = run(scn, weights)
    for decimals in (0, 1, 2):
        rc = rounded_contributions(r, decimals)
        for i in range(3):
            assert rc[i].sum() == pytest.approx(round(r.scores[i] * 10**decimals) / 10**decimals, abs=1e-9)
            assert np.all(np.abs(rc[i] - r.contributions[i]) < 10.0**-decimals + 1e-9)
