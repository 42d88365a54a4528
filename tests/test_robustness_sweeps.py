"""Weight sweeps and stability intervals against brute force with scoring.score."""
from __future__ import annotations

from dataclasses import astuple

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluator.decision import sweeps as sweeps_mod
from evaluator.decision.flips import weight_flips
from evaluator.decision.scoring import prepare, score
from evaluator.decision.sweeps import weight_sweeps, stability_intervals
from robustness_cases import matrix_scenario, ramos, random_scenario

GRID = np.linspace(0.0, 1.0, 10_001)


def _grid_ranks(prepared, sweep) -> np.ndarray:
    """Competition ranks from scoring.score at every grid share (the slow, trusted way)."""
    return np.array([score(prepared, sweep.weights_at(t)).ranks for t in GRID])


def _check_interval(ranks: np.ndarray, key, current_ranks: np.ndarray, lo: float, hi: float) -> None:
    """[lo, hi] must hold exactly the grid points around the current share with the current state."""
    here = key(current_ranks)
    same = np.array([key(r) == here for r in ranks])
    # Every grid point strictly inside the interval has the current state ...
    strict = (GRID > lo + 1e-9) & (GRID < hi - 1e-9)
    assert same[strict].all()
    # ... and the first grid point beyond each end (if any) does not.
    right = np.flatnonzero(GRID > hi + 1e-9)
    left = np.flatnonzero(GRID < lo - 1e-9)
    if right.size:
        assert not same[right[0]], f"ranking still the same just above t_hi={hi}"
    if left.size:
        assert not same[left[-1]], f"ranking still the same just below t_lo={lo}"


def _cases():
    rng = np.random.default_rng(7)
    yield "ramos-equal", ramos(), np.array([50.0, 50.0, 50.0])
    yield "ramos-skewed", ramos(), np.array([10.0, 70.0, 20.0])
    for i in range(4):
        s = random_scenario(rng, 5, 3, missing=0.2 if i % 2 else 0.0)
        yield f"random-{i}", s, np.array([s.weights[c.id] for c in s.criteria])


@pytest.mark.parametrize("name,scenario,raw", list(_cases()), ids=lambda x: x if isinstance(x, str) else "")
def test_intervals_match_brute_force(name, scenario, raw):
    p = prepare(scenario)
    r = score(p, raw)
    sweeps = weight_sweeps(r)
    for sw, st in zip(sweeps, stability_intervals(r, sweeps)):
        ranks = _grid_ranks(p, sw)
        _check_interval(ranks, lambda rk: tuple(rk), r.ranks, st.ranking_lo, st.ranking_hi)
        _check_interval(ranks, lambda rk: frozenset(np.flatnonzero(rk == 1).tolist()),
                        r.ranks, st.first_lo, st.first_hi)
        assert st.ranking_lo <= sw.current <= st.ranking_hi
        assert st.first_lo <= st.ranking_lo and st.ranking_hi <= st.first_hi


@pytest.mark.parametrize("missing", [0.0, 0.3])
def test_curves_and_crossings_are_exact(missing):
    rng = np.random.default_rng(11)
    s = random_scenario(rng, 6, 4, missing=missing)
    p = prepare(s)
    r = score(p, np.array([s.weights[c.id] for c in s.criteria]))
    for sw in weight_sweeps(r):
        ts = np.linspace(0, 1, 41)
        brute = np.array([score(p, sw.weights_at(t)).scores for t in ts])
        np.testing.assert_allclose(sw.at(ts), brute, atol=1e-9)
        # Straight lines really are straight: the midpoint of the endpoints is the score at 0.5.
        lin = sw.linear & ~np.isnan(sw.start) & ~np.isnan(sw.end)   # a club can be unranked at an end
        np.testing.assert_allclose(sw.at(np.array([0.5]))[0][lin], (sw.start[lin] + sw.end[lin]) / 2, atol=1e-9)
        # The current share reproduces the current scores.
        np.testing.assert_allclose(sw.at(np.array([sw.current]))[0], r.scores, atol=1e-9)
        for c in sw.crossings:
            lo, at, hi = sw.at(np.array([c.t - 1e-7, c.t, c.t + 1e-7]))
            assert abs(at[c.first] - at[c.second]) < 1e-7
            other = c.second if c.leader_after == c.first else c.first
            assert hi[c.leader_after] > hi[other] and lo[c.leader_after] < lo[other]
    # A missing figure counts at the middle of its scale and no weight is renormalised, so every
    # curve is a straight line, missing figures or not.
    assert all(sw.linear.all() for sw in weight_sweeps(r))
    if missing:
        assert p.missing.any(), "case meant to have a missing figure"


def test_ramos_equal_weights_lines():
    scn = ramos()
    r = score(prepare(scn), np.array([50.0, 50.0, 50.0]))
    sweeps = weight_sweeps(r)
    assert [sw.current for sw in sweeps] == pytest.approx([1 / 3] * 3)
    # Utilities by hand on the bundled case's scales: standing 0-100 % below, goals conceded per
    # match on the league-wide range (written in the case), defenders' age on 22-32 years.
    ref = scn.references["conceded_per_match"]
    fig = lambda club, col: club.figure(col).value  # noqa: E731
    u = np.array([[fig(c, "table_percentile") / 100, (ref.hi - fig(c, "conceded_per_match")) / (ref.hi - ref.lo),
                   (32 - fig(c, "defender_age")) / 10] for c in scn.clubs])
    for k, sw in enumerate(sweeps):
        assert sw.linear.all()
        others = np.delete(u, k, axis=1).mean(axis=1)
        np.testing.assert_allclose(sw.start, 100 * others, atol=1e-9)
        np.testing.assert_allclose(sw.end, 100 * u[:, k], atol=1e-9)
        # A pair crosses inside the sweep exactly when its order at t = 0 and t = 1 differs.
        d0, d1 = others[:, None] - others[None, :], u[:, k][:, None] - u[:, k][None, :]
        expected = {(i, m) for i in range(3) for m in range(i + 1, 3) if d0[i, m] * d1[i, m] < 0}
        assert {(min(c.first, c.second), max(c.first, c.second)) for c in sw.crossings} == expected
    assert [len(sw.crossings) for sw in sweeps] == [0, 1, 1]   # Leverkusen and Marseille swap on defence and age


def test_all_other_weights_zero_treats_others_as_equal():
    s = matrix_scenario(np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.5], [0.5, 0.2, 1.0]]), weights=[1.0, 0.0, 0.0])
    r = score(prepare(s), np.array([1.0, 0.0, 0.0]))
    sw = weight_sweeps(r)[0]
    assert sw.current == 1.0
    np.testing.assert_allclose(sw.base, [0.0, 0.5, 0.5])
    np.testing.assert_allclose(sw.start, score(prepare(s), np.array([0.0, 1.0, 1.0])).scores)


def test_identical_clubs_never_cross():
    s = matrix_scenario(np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]]))
    r = score(prepare(s), np.array([1.0, 1.0]))
    for sw in weight_sweeps(r):
        assert all({c.first, c.second} != {0, 1} for c in sw.crossings)
        assert len(sw.crossings) == 2   # both copies cross the third club at the same share


def _every_pair(monkeypatch, r):
    """The same analysis with every pair's crossings (the way below ALL_PAIRS_UP_TO clubs)."""
    monkeypatch.setattr(sweeps_mod, "ALL_PAIRS_UP_TO", 10**9)
    try:
        full = weight_sweeps(r)
        return full, stability_intervals(r, full), weight_flips(r, full)
    finally:
        monkeypatch.undo()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(sweeps_mod.ALL_PAIRS_UP_TO + 1, 90), k=st.integers(1, 4), seed=st.integers(0, 2**32 - 1),
       coarse=st.booleans(), copies=st.integers(0, 5), zero=st.booleans(), missing=st.sampled_from([0.0, 0.1, 0.5]))
def test_pairs_that_matter_give_what_every_pair_gives(monkeypatch, n, k, seed, coarse, copies, zero, missing):
    """Above ALL_PAIRS_UP_TO clubs only ``pairs_that_matter`` are solved: the stability intervals,
    the weight flips and the crossings among the best three must be exactly those of every pair,
    with ties (coarse figures), identical clubs (copies), a weight at zero, missing figures and
    clubs with none (unranked) among the cases."""
    rng = np.random.default_rng(seed)
    values = rng.integers(0, 4, (n, k)).astype(float) if coarse else rng.uniform(0, 10, (n, k)).round(2)
    values[n - copies:] = values[0]            # identical clubs: coinciding lines never cross
    values[rng.random((n, k)) < missing] = np.nan
    raw = rng.uniform(0.1, 1.0, k).round(3)
    if zero and k > 1:
        raw[int(rng.integers(k))] = 0.0
    r = score(prepare(matrix_scenario(values, weights=list(raw))), raw)
    some = weight_sweeps(r)
    full, full_stability, full_flips = _every_pair(monkeypatch, r)
    # Equal up to float rounding: with ties, several pairs cross at one share, and which pair's
    # root is nearest (0.75 or 0.7500000000000001) may differ; the intervals must not otherwise.
    np.testing.assert_allclose([astuple(x) for x in stability_intervals(r, some)],
                               [astuple(x) for x in full_stability], rtol=0, atol=1e-9)
    assert weight_flips(r, some) == full_flips
    if not coarse:   # few ties: far fewer pairs solved (a big tie group is solved whole)
        assert sweeps_mod.pairs_that_matter(r)[0].size < n * (n - 1) // 2
    top = set(r.order[:sweeps_mod.TOP_PAIRS].tolist())
    for a, b in zip(some, full):
        among = [(c.t, c.first, c.second, c.leader_after) for c in b.crossings if {c.first, c.second} <= top]
        assert [(c.t, c.first, c.second, c.leader_after) for c in a.crossings if {c.first, c.second} <= top] == among


def test_the_plots_draw_only_crossings_the_sweeps_solve():
    """The sweep plots draw every pair's crossing dots up to ALL_CROSSINGS_UP_TO clubs and the
    best TOP_CROSSINGS' above: both must be pairs the sweeps solve (``pairs_that_matter``), or
    dots would silently go missing above ALL_PAIRS_UP_TO clubs."""
    from ui.panels import robustness_charts
    assert robustness_charts.ALL_CROSSINGS_UP_TO <= sweeps_mod.ALL_PAIRS_UP_TO
    assert robustness_charts.TOP_CROSSINGS <= sweeps_mod.TOP_PAIRS
