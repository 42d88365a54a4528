"""The live re-score (scores and ranking up front, the rest on first access) gives exactly what
the eager ``score`` it replaced gave: the old function is kept below, verbatim but for its
return value, and both are compared float for float on generated scenarios. Both of today's
paths are held to it: NumPy above ``SMALL_CLUBS`` clubs, and the plain-float path at or below,
whose ``Prepared`` and ``Result`` build each array on first read (``small_results``)."""
from __future__ import annotations

from unittest.mock import patch

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluator.decision import results, scoring
from evaluator.decision.scoring import Prepared, competition_ranks, prepare, score
from tests.helpers import make


def old_score(prepared: Prepared, raw_weights: np.ndarray) -> dict[str, object]:
    """scoring.score's NumPy path before the lazy Result (commit a950d00)."""
    raw = np.asarray(raw_weights, dtype=float)
    n, k = prepared.utilities.shape
    w = raw / raw.sum()
    missing = prepared.missing
    scored = (w * prepared.present).sum(axis=1) > 0
    effective = np.where(scored[:, None], w, 0.0)
    contributions = 100.0 * effective * prepared.utilities
    scores = np.where(scored, contributions.sum(axis=1), np.nan)
    half = scoring.MISSING_UTILITY * 100.0 * (w * missing).sum(axis=1)
    ranks = competition_ranks(scores)
    order = np.lexsort((np.arange(n), np.where(ranks > 0, ranks, n + 1)))
    incomplete = scored & (missing & (w > 0)).any(axis=1)
    messages = results._messages(prepared, (w > 0).tolist(), np.flatnonzero(incomplete).tolist(),
                                 np.flatnonzero(~scored).tolist())
    return {"weights": w, "effective": effective, "contributions": contributions, "scores": scores,
            "ranks": ranks, "order": order, "incomplete": incomplete, "messages": messages,
            "score_low": scores - half, "score_high": scores + half}


@st.composite
def cases(draw, small: bool = False):
    if small:       # the plain-float path
        n = draw(st.integers(1, scoring.SMALL_CLUBS))
    else:           # the NumPy path; > 64 ties: one sort
        n = draw(st.integers(scoring.SMALL_CLUBS + 1, 150))
    k = draw(st.integers(1, 10))                              # 8+: NumPy sums pairwise
    # Few distinct values give ties (exact and within the tolerance), many give none.
    pool = draw(st.sampled_from([[0.0, 1.0, 2.0], [0.0, 1e-10, 3e-10, 1.0], None]))
    missing_rate = draw(st.sampled_from([0.0, 0.0, 0.1, 0.6]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    values = rng.uniform(-5, 5, (n, k)) if pool is None else rng.choice(pool, size=(n, k))
    missing = rng.random((n, k)) < missing_rate
    criteria = [(f"x{j}", str(rng.choice(["higher", "lower", "target"])), 0.5) for j in range(k)]
    criteria = [(c, d, t if d == "target" else None) for c, d, t in criteria]
    figures = {f"club{i}": {f"x{j}": None if missing[i, j] else float(values[i, j]) for j in range(k)}
               for i in range(n)}
    weights = np.array(draw(st.lists(st.sampled_from([0.0, 1e-300, 1.0, 3.0, 50.0]), min_size=k, max_size=k)))
    if not weights.sum() > 0:
        weights[0] = 1.0
    return make(figures, criteria, {c[0]: float(w) for c, w in zip(criteria, weights)}), weights


def assert_same_as_old(scenario, weights) -> None:
    prepared = prepare(scenario)
    new = score(prepared, weights)      # first: nothing read from prepared beforehand
    with patch.object(scoring, "SMALL_CLUBS", -1):
        eager = prepare(scenario)       # the NumPy prepare: every array built up front
    old = old_score(eager, weights)
    for name, want in old.items():
        got = getattr(new, name)
        if isinstance(want, np.ndarray):
            assert got.shape == want.shape and got.dtype == want.dtype, name
            np.testing.assert_array_equal(got, want, err_msg=name)   # the same floats
        else:
            assert got == want, name
    np.testing.assert_array_equal(new.low, old["score_low"])
    np.testing.assert_array_equal(new.high, old["score_high"])
    for name in ("values", "utilities", "lo", "hi", "flat", "missing"):
        got, want = getattr(prepared, name), getattr(eager, name)
        assert got.shape == want.shape and got.dtype == want.dtype, name
        np.testing.assert_array_equal(got, want, err_msg=name)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_live_rescore_equals_the_old_eager_score(case) -> None:
    assert_same_as_old(*case)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(small=True))
def test_plain_float_path_equals_the_old_eager_score(case) -> None:
    assert_same_as_old(*case)


def test_score_does_not_build_the_per_club_parts_until_read() -> None:
    scenario, weights = make({f"c{i}": {"x": float(i)} for i in range(30)}, [("x", "higher", None)],
                             {"x": 1.0}), np.array([1.0])
    r = score(prepare(scenario), weights)
    assert "contributions" not in r.__dict__ and "messages" not in r.__dict__
    assert r.contributions.sum(axis=1) == pytest.approx(r.scores)
