"""The plain-float path for small scenarios gives exactly what the NumPy path gives.

Each case is prepared and scored twice: once as the app does (small path for <= SMALL_CLUBS
clubs) and once with the small path switched off. Matrices are random but built to hit the
awkward rules: ties, missing figures, flat criteria, zero weights, targets, fixed scales.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from evaluator.decision import scoring
from evaluator.decision.scoring import Result, prepare, score
from tests.helpers import make

CASES = 400


def general(monkeypatch: pytest.MonkeyPatch, scn, w: np.ndarray) -> Result:
    with monkeypatch.context() as m:
        m.setattr(scoring, "SMALL_CLUBS", -1)    # every scenario takes the NumPy path
        return score(prepare(scn), w)


def random_case(rng: np.random.Generator):
    n = int(rng.integers(1, scoring.SMALL_CLUBS + 1)) if rng.random() < 0.3 else int(rng.integers(1, 7))
    k = int(rng.integers(1, 10))    # 8 and 9: small prepare, NumPy score (its sums differ above 7)
    # Few distinct values (ties, flat criteria) or many; sometimes negative, sometimes huge.
    pools = [np.arange(4.0), rng.uniform(-50, 50, 8), rng.normal(0, 1e6, 8), np.array([0.0, 0.1, 0.3])]
    pool = pools[int(rng.integers(len(pools)))]
    values = rng.choice(pool, size=(n, k))
    missing = rng.random((n, k)) < rng.choice([0.0, 0.15, 0.5])
    criteria, figures = [], {f"club{i}": {} for i in range(n)}
    for j in range(k):
        direction = rng.choice(["higher", "lower", "target"])
        target = float(rng.choice(pool)) if direction == "target" else None
        crit: tuple = (f"x{j}", direction, target)
        if rng.random() < 0.25:   # a fixed scale, sometimes narrower than the values
            lo = float(rng.uniform(-60, 10))
            crit = crit + ((lo, lo + float(rng.uniform(1, 80))),)
        criteria.append(crit)
        for i in range(n):
            figures[f"club{i}"][f"x{j}"] = None if missing[i, j] else float(values[i, j])
    weights = rng.choice([0.0, 1.0, 2.5, 50.0, 100.0], size=k, p=[0.3, 0.2, 0.2, 0.2, 0.1])
    if rng.random() < 0.05:
        weights[:] = 0.0
    scn = make(figures, criteria, {c[0]: float(w) for c, w in zip(criteria, weights)})
    # Half the targets get a tolerance (1 at the target, 0 at target +/- tolerance).
    crits = tuple(replace(c, tolerance=float(rng.choice([0.05, 1.0, 30.0])))
                  if c.target is not None and rng.random() < 0.5 else c for c in scn.criteria)
    return replace(scn, criteria=crits), weights


def assert_same(a: Result, b: Result) -> None:
    pa, pb = a.prepared, b.prepared
    for name in ("values", "utilities", "lo", "hi", "flat", "missing"):
        np.testing.assert_array_equal(getattr(pa, name), getattr(pb, name), err_msg=name)
    for name in ("weights", "effective", "contributions", "scores", "score_low", "score_high"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.shape == y.shape and x.dtype == y.dtype, name
        np.testing.assert_array_equal(x, y, err_msg=name)   # same floats, not just within 1e-12
    for name in ("ranks", "order", "incomplete"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype, name
        np.testing.assert_array_equal(x, y, err_msg=name)
    assert a.messages == b.messages


@pytest.mark.parametrize("seed", range(4))
def test_small_path_matches_numpy_path(monkeypatch, seed):
    rng = np.random.default_rng(seed)
    for _ in range(CASES // 4):
        scn, w = random_case(rng)
        assert_same(score(prepare(scn), w), general(monkeypatch, scn, w))


def test_small_path_is_bit_for_bit_on_the_sums():
    # Not just within 1e-12: each row of contributions adds up to its score exactly.
    rng = np.random.default_rng(99)
    for _ in range(200):
        scn, w = random_case(rng)
        r = score(prepare(scn), w)
        ok = ~np.isnan(r.scores)
        assert (r.contributions.sum(axis=1)[ok] == r.scores[ok]).all()


def test_ranges_hold_the_score_and_no_criterion_exceeds_its_share():
    rng = np.random.default_rng(7)
    for _ in range(200):
        scn, w = random_case(rng)
        r = score(prepare(scn), w)
        ok = ~np.isnan(r.scores)
        assert (r.score_low[ok] <= r.scores[ok] + 1e-9).all() and (r.scores[ok] <= r.score_high[ok] + 1e-9).all()
        complete = ok & ~r.prepared.missing.any(axis=1)
        assert (r.score_low[complete] == r.scores[complete]).all()
        assert (r.contributions <= 100 * r.weights[None, :] + 1e-9).all()


def test_small_path_after_replace_uses_the_new_utilities():
    # Robustness code swaps utilities with dataclasses.replace; the cached rows must follow.
    from dataclasses import replace
    scn = make({"A": {"x": 1}, "B": {"x": 2}, "C": {"x": 3}}, [("x", "higher")], {"x": 1})
    p = prepare(scn)
    score(p, np.ones(1))                                        # fills the cache on p
    flipped = replace(p, utilities=1.0 - p.utilities)
    assert score(flipped, np.ones(1)).ranks.tolist() == [1, 2, 3]


def test_negative_zero_figure_is_zero():
    scn = make({"A": {"x": -0.0}, "B": {"x": 0.0}}, [("x", "higher")], {"x": 1})
    p = prepare(scn)
    assert str(p.lo[0]) == "0.0" and str(p.hi[0]) == "0.0"
