"""analyse(): the single entry point, on the bundled case and edge cases."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluator.decision.batch import utilities_batch
from evaluator.decision.robustness import analyse
from evaluator.decision.scoring import criterion_utilities, prepare, score
from robustness_cases import matrix_scenario, ramos


def test_bundled_case_equal_weights():
    r = score(prepare(ramos()), np.array([50.0, 50.0, 50.0]))
    out = analyse(r, smaa_samples=2_000, seed=0)
    assert out.top_two == (0, 2)                     # Roma, then Marseille
    assert len(out.sweeps) == len(out.stability) == 3
    assert all(st.first_lo == 0.0 and st.first_hi == 1.0 for st in out.stability)
    assert out.smaa.first_rank.tolist() == [1.0, 0.0, 0.0]
    assert len(out.weight_flips) == 3 and len(out.figure_flips) == 6
    assert out.rank_reversals == ()


def test_all_weights_zero_gives_an_empty_analysis():
    r = score(prepare(ramos()), np.zeros(3))
    out = analyse(r)
    assert out.smaa is None and out.sweeps == () and "zero" in out.messages[0]


def test_single_criterion_and_two_clubs():
    r = score(prepare(matrix_scenario(np.array([[1.0], [2.0]]))), np.array([1.0]))
    out = analyse(r, smaa_samples=500)
    assert out.top_two == (1, 0)
    assert out.stability[0].ranking_lo == 0.0 and out.stability[0].ranking_hi == 1.0
    assert out.smaa.first_rank.tolist() == [0.0, 1.0]
    assert not any(f.possible for f in out.weight_flips)


@pytest.mark.parametrize("direction,scale,target,tolerance", [
    ("higher", None, None, None), ("lower", None, None, None), ("target", None, 4.0, None),
    ("higher", (0.0, 8.0), None, None), ("lower", (2.0, 6.0), None, None), ("target", (0.0, 10.0), 4.0, None),
    ("target", None, 4.0, 1.5), ("target", (0.0, 10.0), 4.0, 20.0)])
def test_utilities_batch_matches_scoring_row_by_row(direction, scale, target, tolerance):
    rng = np.random.default_rng(0)
    rows = rng.uniform(0, 10, (200, 5)).round(1)
    rows[rng.random((200, 5)) < 0.2] = np.nan
    rows[0] = 3.0                       # flat row
    rows[1] = np.nan                    # nothing present
    rows[2] = [4.0, np.nan, 6.0, 2.0, 4.0]   # target distances tie
    crit = replace(matrix_scenario(np.zeros((1, 1)), [direction], scales=[scale], targets=[target]).criteria[0],
                   tolerance=tolerance)
    got = utilities_batch(rows, crit)
    want = np.array([criterion_utilities(row, crit)[0] for row in rows])
    np.testing.assert_allclose(got, want, atol=1e-12)
    assert np.array_equal(np.isnan(got), np.isnan(want))


@settings(max_examples=30, deadline=None)
@given(n=st.integers(2, 14), k=st.integers(1, 4), seed=st.integers(0, 2**32 - 1), missing=st.sampled_from([0.0, 0.3]),
       fixed=st.booleans())
def test_leaving_the_swaps_out_then_completing_gives_the_whole_analysis(n, k, seed, missing, fixed):
    """The How sure tab leaves the flips and rank reversals out while they are out of sight
    (``analyse_exact(swaps=False)``) and completes them when they come into it, SMAA perhaps
    already attached: the same flips, reversals and warnings, in the same order, as at once."""
    from dataclasses import fields
    from evaluator.decision.robustness import analyse_exact, completed, with_smaa
    from evaluator.decision.smaa import smaa
    from robustness_cases import random_scenario
    s = random_scenario(np.random.default_rng(seed), n, k, missing=missing, fixed=fixed)
    r = score(prepare(s), np.array([s.weights[c.id] for c in s.criteria]))
    whole, part = analyse_exact(r), analyse_exact(r, swaps=False)
    assert whole.whole and (not part.whole or not whole.sweeps)   # all weights zero: nothing to leave out
    if part.whole:
        return
    assert part.weight_flips == part.figure_flips == part.rank_reversals == part.messages == ()
    done = completed(part)
    for f in fields(whole):
        assert repr(getattr(done, f.name)) == repr(getattr(whole, f.name)), f.name
    mc = replace(smaa(r, 200, seed=1), messages=("an SMAA note",))   # (no band: SMAA itself has none to say)
    assert completed(with_smaa(part, mc)).messages == with_smaa(whole, mc).messages
    assert completed(done) is done
