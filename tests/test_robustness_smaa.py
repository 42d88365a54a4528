"""SMAA-2: known answers, cross-checks against scoring.score, reproducibility."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator.decision.scoring import criterion_utilities, prepare, score
from evaluator.decision.smaa import band_weights, dirichlet_weights, smaa
from robustness_cases import matrix_scenario, ramos, random_scenario


def _result(values, **kw):
    s = matrix_scenario(np.asarray(values, dtype=float), **kw)
    return score(prepare(s), np.array([s.weights[c.id] for c in s.criteria]))


def test_dirichlet_samples_are_uniform_on_the_simplex_and_reproducible():
    w = dirichlet_weights(3, 20_000, 5)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    assert (w >= 0).all()
    # Uniform on the 2-simplex: each share has mean 1/3 and P(share > 1/2) = (1/2)^2.
    np.testing.assert_allclose(w.mean(axis=0), 1 / 3, atol=0.01)
    np.testing.assert_allclose((w > 0.5).mean(axis=0), 0.25, atol=0.015)
    np.testing.assert_array_equal(w, np.random.default_rng(5).dirichlet(np.ones(3), 20_000))


def test_two_criteria_closed_form():
    # Utilities A = (1, 0), B = (0, 1), C = (0.7, 0.5); with w1 ~ U(0, 1):
    # S_A = w1, S_B = 1 - w1, S_C = 0.5 + 0.2 w1.  A first iff w1 > 5/8, B first iff w1 < 5/12.
    r = _result([[10, 0], [0, 10], [7, 5]])
    out = smaa(r, samples=20_000, seed=3)
    want_first = np.array([3 / 8, 5 / 12, 1 - 3 / 8 - 5 / 12])
    tol = 4 * out.acceptability_se[:, 0] + 1e-12
    assert np.all(np.abs(out.first_rank - want_first) <= tol)
    # Pairwise: A above B iff w1 > 1/2; A above C iff w1 > 5/8; C above B iff w1 > 5/12.
    want_pair = {(0, 1): 0.5, (0, 2): 3 / 8, (2, 1): 7 / 12}
    for (i, j), p in want_pair.items():
        assert abs(out.pairwise[i, j] - p) <= 4 * out.pairwise_se[i, j]
        assert out.pairwise[i, j] + out.pairwise[j, i] == pytest.approx(1.0)
    # Central weights: mean w1 over A's first-place region (5/8, 1) is 13/16.
    assert out.central_weights[0][0] == pytest.approx(13 / 16, abs=0.01)
    assert out.central_weights[1][0] == pytest.approx(5 / 24, abs=0.01)


def test_dominated_club_is_never_first_and_shares_sum_to_one():
    r = _result([[5, 5, 5], [4, 4, 4], [9, 1, 3], [1, 9, 6]])   # club B is dominated by A
    out = smaa(r, samples=5_000, seed=1)
    assert out.first_rank[1] == 0.0
    assert out.central_weights[1] is None
    np.testing.assert_allclose(out.acceptability.sum(axis=0), 1.0)
    np.testing.assert_allclose(out.acceptability.sum(axis=1), 1.0)
    assert (out.acceptability_se <= out.max_se + 1e-15).all()
    assert out.pairwise[0, 1] == 1.0 and out.pairwise[1, 0] == 0.0


def test_identical_clubs_share_equally():
    r = _result([[6, 2, 3], [6, 2, 3], [1, 9, 4], [9, 1, 8]])
    out = smaa(r, samples=5_000, seed=2)
    np.testing.assert_allclose(out.acceptability[0], out.acceptability[1], atol=1e-12)
    assert out.pairwise[0, 1] == 0.5
    np.testing.assert_allclose(out.acceptability.sum(axis=1), 1.0)


def test_acceptability_matches_brute_force_competition_ranks():
    rng = np.random.default_rng(4)
    s = random_scenario(rng, 6, 3, missing=0.2)
    p = prepare(s)
    r = score(p, np.array([s.weights[c.id] for c in s.criteria]))
    out = smaa(r, samples=400, seed=9)
    w = dirichlet_weights(3, 400, 9)
    unknown = np.random.default_rng([9, 2]).uniform(0.0, 1.0, (400, 6, 3))   # missing figures, drawn per sample
    brute = np.zeros((6, 6))
    for i, row in enumerate(w):
        u = np.where(p.missing, unknown[i], p.utilities)
        ranks = score(replace(p, utilities=u), row).ranks
        assert len(set(ranks.tolist())) == 6      # no ties here, so ranks are plain places
        brute[np.arange(6), ranks - 1] += 1
    np.testing.assert_allclose(out.acceptability, brute / 400, atol=1e-12)


def test_figure_uncertainty_matches_rescoring_each_sample():
    rng = np.random.default_rng(8)
    s = random_scenario(rng, 5, 3, missing=0.2)
    p = prepare(s)
    r = score(p, np.array([s.weights[c.id] for c in s.criteria]))
    spread = {"k0": 1.5, "k2": 2.0}
    n = 300
    out = smaa(r, samples=n, seed=6, figure_uncertainty=spread)
    w = dirichlet_weights(3, n, 6)
    noise = np.random.default_rng([6, 1]).uniform(-1.0, 1.0, (n, 5, 3))
    unknown = np.random.default_rng([6, 2]).uniform(0.0, 1.0, (n, 5, 3))
    amount = np.array([1.5, 0.0, 2.0])
    brute = np.zeros((5, 5))
    for i in range(n):
        v = p.values + amount * noise[i]
        u = np.column_stack([criterion_utilities(v[:, j], c)[0] for j, c in enumerate(s.criteria)])
        u = np.where(p.missing, unknown[i], u)        # missing figures: drawn uniformly, per sample
        ranks = score(replace(p, values=v, utilities=u), w[i]).ranks
        assert len(set(ranks.tolist())) == 5
        brute[np.arange(5), ranks - 1] += 1
    np.testing.assert_allclose(out.acceptability, brute / n, atol=1e-12)
    assert not np.allclose(out.acceptability, smaa(r, samples=n, seed=6).acceptability)


def test_band_samples_stay_in_band_and_are_uniform_there():
    current = (0.5, 0.3, 0.2)
    w = band_weights(current, 20_000, 0, 10.0)
    assert w.shape == (20_000, 3)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    assert (np.abs(w - np.array(current)) <= 0.1 + 1e-12).all()
    # The feasible region is a hexagon symmetric about the current weights: mean = current.
    np.testing.assert_allclose(w.mean(axis=0), current, atol=0.005)


def test_same_seed_same_answer_and_band_narrows():
    r = score(prepare(ramos()), np.array([50.0, 50.0, 50.0]))
    a, b = smaa(r, 2_000, seed=1), smaa(r, 2_000, seed=1)
    np.testing.assert_array_equal(a.acceptability, b.acceptability)
    # Roma has the best figure on every criterion: first in every sample, banded or not.
    assert a.first_rank[0] == 1.0
    banded = smaa(r, 2_000, seed=1, band=5.0)
    assert banded.n_samples == 2_000
    assert banded.acceptability[1, 1] != pytest.approx(a.acceptability[1, 1], abs=0.05)


def test_background_job_gives_the_same_numbers_from_the_bare_utilities():
    from evaluator.decision.smaa import smaa_job
    s = random_scenario(np.random.default_rng(8), 12, 3, missing=0.1)
    r = score(prepare(s), np.array([s.weights[c.id] for c in s.criteria]))
    # the missing figures go with the utilities: drawn uniformly over the scale, as smaa() does
    direct, job = smaa(r, 3000), smaa_job(r.prepared.utilities, 3000, 0, r.prepared.missing)
    assert job is not None and job.n_samples == direct.n_samples
    np.testing.assert_array_equal(job.acceptability, direct.acceptability)
    for a, b in zip(job.central_weights, direct.central_weights):
        assert (a is None) == (b is None) and (a is None or np.array_equal(a, b))


def test_background_job_stops_when_cancelled():
    from evaluator.decision.smaa import smaa_job

    class Stale:
        def cancelled(self) -> bool:
            return True
    u = prepare(random_scenario(np.random.default_rng(9), 50, 3)).utilities
    assert smaa_job(u, 10_000, control=Stale()) is None

