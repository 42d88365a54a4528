"""The fast paths of the robustness maths against the straightforward computation.

- rank reversal re-scores only the clubs that alone set an end of a scale (``scale_setters``);
  the straightforward way removes every club in turn;
- figure flips score the top two against a cut-down column (``_scale_representatives``);
  the straightforward way uses the whole column;
- SMAA ranks in chunks, with a no-ties shortcut, and counts the pairwise index for i < j
  only; the straightforward way ranks sample by sample with fractional tie shares.
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from evaluator.decision import flips, rank_reversal, smaa as smaa_mod
from evaluator.decision.batch import utilities_batch, weighted_scores
from evaluator.decision.scoring import TIE_TOLERANCE, prepare, score
from robustness_cases import matrix_scenario, random_scenario


def _straight_reversals(r, directed: bool = False) -> set[tuple[int, int, int, str]]:
    """Remove every club in turn; every pairwise order change (the pre-shortcut algorithm):
    (removed, lower index, higher index, kind), or with ``directed`` (removed, the club ahead
    with every club in (for an untie: the one moving ahead), the other, kind)."""
    p = r.prepared
    n, k = p.utilities.shape
    values = np.broadcast_to(p.values, (n, n, k)).copy()
    values[np.arange(n), np.arange(n), :] = np.nan
    u = np.stack([utilities_batch(values[:, :, j], c) for j, c in enumerate(p.scenario.criteria)], axis=-1)
    u = np.where(p.missing[None], 0.5, u)            # a missing figure sits mid-scale (scoring.py)
    u[np.arange(n), np.arange(n), :] = np.nan        # the removed club is not scored
    reduced = weighted_scores(np.broadcast_to(r.weights, (n, k)), u)
    out = set()
    for c in range(n):
        for i in range(n):
            for m in range(i + 1, n):
                if c in (i, m) or np.isnan(r.scores[[i, m]]).any() or np.isnan(reduced[c, [i, m]]).any():
                    continue
                b = _sign(r.scores[i] - r.scores[m])
                a = _sign(reduced[c, i] - reduced[c, m])
                if a != b:
                    kind = "untie" if b == 0 else ("swap" if a != 0 else "tie")
                    if not directed:
                        out.add((c, min(i, m), max(i, m), kind))
                    elif b == 0:
                        out.add((c, i, m, kind) if a > 0 else (c, m, i, kind))
                    else:
                        out.add((c, i, m, kind) if b > 0 else (c, m, i, kind))
    return out


def _sign(d: float) -> int:
    return 1 if d > TIE_TOLERANCE else (-1 if d < -TIE_TOLERANCE else 0)


def _cases(seed: int, count: int):
    rng = np.random.default_rng(seed)
    for i in range(count):
        n = int(rng.integers(3, 12))
        s = random_scenario(rng, n, 3, missing=0.2 if i % 2 else 0.0, fixed=(i % 5 == 4))
        raw = np.array([s.weights[c.id] for c in s.criteria])
        if i % 3 == 0:
            raw[rng.integers(0, 3)] = 0.0            # an unweighted criterion
        yield score(prepare(s), raw)


@pytest.mark.parametrize("seed", [21, 22])
def test_rank_reversals_equal_removing_every_club(seed):
    found_any = False
    for r in _cases(seed, 40):
        fast = {(x.removed, min(x.before, x.after), max(x.before, x.after), x.kind) for x in rank_reversal.rank_reversals(r)}
        assert fast == _straight_reversals(r)
        found_any |= bool(fast)
    assert found_any


@settings(max_examples=40, deadline=None)
@given(n=st.integers(3, 40), seed=st.integers(0, 2**32 - 1), coarse=st.booleans(), fixed=st.booleans())
def test_rank_reversals_compare_only_near_pairs_yet_find_every_change(n, seed, coarse, fixed):
    """Only pairs closer in score than the left-out club's deltas spread are compared
    (``_changed_pairs``), or every pair at once for few clubs (``_every_changed_pair``): either
    way every change removing every club finds, with the right club ahead, in (removed, first,
    second) order. Coarse figures (1-4) make ties, and one club alone at each end of every
    column (0 and 5) makes reversals likely; fixed scales must make none."""
    rng = np.random.default_rng(seed)
    if coarse:
        values = rng.integers(1, 5, (n, 3)).astype(float)
        for j in range(3):
            low, high = rng.choice(n, 2, replace=False)
            values[low, j], values[high, j] = 0.0, 5.0
        s = matrix_scenario(values, ["higher", "lower", "higher"], scales=[(-1.0, 6.0)] * 3 if fixed else None)
    else:
        s = random_scenario(rng, n, 3, missing=0.2 if seed % 2 else 0.0, fixed=fixed)
    raw = np.array([s.weights[c.id] for c in s.criteria])
    r = score(prepare(s), raw)
    straight = _straight_reversals(r, directed=True)
    if fixed:
        assert straight == set() and rank_reversal.rank_reversals(r) == ()   # fixed scales prevent it
        return
    assume(straight)                           # a case with reversals to find
    default = rank_reversal.DENSE_UP_TO
    try:
        for dense_up_to in (0, 10**9):        # the near-pairs window, then every pair at once
            rank_reversal.DENSE_UP_TO = dense_up_to
            found = rank_reversal.rank_reversals(prepare_again(r))
            assert {(x.removed, x.before, x.after, x.kind) for x in found} == straight
            keys = [(x.removed, min(x.before, x.after), max(x.before, x.after)) for x in found]
            assert keys == sorted(keys)
    finally:
        rank_reversal.DENSE_UP_TO = default


def test_rank_reversal_window_keeps_pairs_exactly_at_its_edge(monkeypatch):
    """A pair as far apart as the left-out club moves scores, which ends level without it: the
    window's tie tolerance and rounding margin keep it (found by search; without them it is lost)."""
    values = np.array([[1.0, 0.0, 1.0], [3.0, 1.0, 3.0], [1.0, 2.0, 2.0], [2.0, 1.0, 0.0]])
    weights = [2.0, 3.0, 1.0]
    r = score(prepare(matrix_scenario(values, ["higher", "lower", "higher"], weights=weights)), np.array(weights))
    monkeypatch.setattr(rank_reversal, "DENSE_UP_TO", 0)      # the window, even for four clubs
    straight = _straight_reversals(r, directed=True)
    assert any(kind == "tie" for *_, kind in straight)
    assert {(x.removed, x.before, x.after, x.kind) for x in rank_reversal.rank_reversals(r)} == straight


def prepare_again(r):
    """The same scores from a fresh ``Prepared``: nothing cached by an earlier call."""
    return score(prepare(r.scenario), r.weights)


def test_rank_reversals_with_tied_extremes_and_targets():
    # Two clubs share the minimum on criterion 0 (neither sets it alone); target distances tie.
    v = np.array([[1.0, 4.0], [1.0, 6.0], [5.0, 5.0], [9.0, 2.0], [7.0, 8.0]])
    for directions in (["higher", "target"], ["lower", "higher"]):
        s = matrix_scenario(v, directions, targets=[None, 5.0] if directions[1] == "target" else None)
        r = score(prepare(s), np.array([1.0, 2.0]))
        fast = {(x.removed, min(x.before, x.after), max(x.before, x.after), x.kind) for x in rank_reversal.rank_reversals(r)}
        assert fast == _straight_reversals(r)
        assert 0 not in rank_reversal.scale_setters(r) and 1 not in rank_reversal.scale_setters(r)


@pytest.mark.parametrize("fixed", [False, True])
def test_figure_flips_equal_the_whole_column(monkeypatch, fixed):
    rng = np.random.default_rng(31 + fixed)
    for i in range(8):
        s = random_scenario(rng, int(rng.integers(3, 15)), 3, missing=0.2 if i % 2 else 0.0, fixed=fixed)
        w = np.array([s.weights[c.id] for c in s.criteria])
        fast = flips.figure_flips(score(prepare(s), w))
        with monkeypatch.context() as m:
            m.setattr(flips, "_scale_representatives",
                      lambda v, crit, skip: [i for i in range(v.size) if i not in skip])
            whole = flips.figure_flips(score(prepare(s), w))   # a fresh Prepared: nothing cached
        assert fast == whole


@pytest.mark.parametrize("seed", [41, 42])
def test_weight_free_parts_cached_per_prepared_give_what_a_fresh_one_does(seed):
    """A slider move keeps the Prepared, and figure flips and rank reversals reuse what they
    derived from its figures (``Prepared.memo``): every answer along a walk of weights equals
    the one computed from scratch, including after the top two change."""
    from evaluator.decision.robustness import analyse_exact
    rng = np.random.default_rng(seed)
    top_pairs = set()
    for i in range(12):
        s = random_scenario(rng, int(rng.integers(3, 12)), 3, missing=0.2 if i % 2 else 0.0, fixed=(i % 4 == 3))
        p = prepare(s)
        for _ in range(6):
            w = rng.uniform(0, 1, 3).round(2)
            if rng.random() < 0.3:
                w[rng.integers(0, 3)] = 0.0             # an unweighted criterion
            kept, fresh = analyse_exact(score(p, w)), analyse_exact(score(prepare(s), w))
            assert kept.figure_flips == fresh.figure_flips
            assert kept.rank_reversals == fresh.rank_reversals
            assert kept.stability == fresh.stability
            top_pairs.add((i, kept.top_two))
        assert p.memo                                    # something was reused
    assert len(top_pairs) > 12                           # the walks changed the top two too


def test_linear_crossings_equal_the_general_path():
    """Weight sweeps have constant denominators: the linear shortcut gives the general
    (quadratic) path's crossings, bit for bit, ties and identical curves included."""
    from evaluator.decision import sweeps
    rng = np.random.default_rng(5)
    for n in (2, 3, 7, 40):
        a = rng.integers(0, 5, n).astype(float) * 12.5      # repeated values: ties, identical curves
        b = rng.integers(-4, 5, n).astype(float) * 9.0
        c = np.full(n, rng.choice([1.0, 2.0]))
        pi, pm = np.triu_indices(n, 1)
        fast = sweeps._linear_crossings(a, b, c, pi, pm)
        general = sweeps._general_crossings(a, b, c, np.zeros(n), pi, pm)
        for x, y in zip(fast, general):
            assert np.array_equal(x, y)
        assert n < 7 or fast[0].size > 0


def _straight_rank_shares(scores: np.ndarray):
    """Sample by sample: sort, chain ties, share places fractionally (the documented rule)."""
    s_count, n = scores.shape
    acc = np.zeros((n, n))
    mid = np.zeros((s_count, n))
    for s in range(s_count):
        x = np.where(np.isnan(scores[s]), -1e9, scores[s])
        order = sorted(range(n), key=lambda i: -x[i])
        groups, cur = [], [order[0]]
        for a, b in zip(order, order[1:]):
            if x[a] - x[b] > TIE_TOLERANCE:
                groups.append(cur)
                cur = []
            cur.append(b)
        groups.append(cur)
        place = 0
        for g in groups:
            for i in g:
                acc[i, place:place + len(g)] += 1 / len(g)
                mid[s, i] = 2 * place + len(g) - 1
            place += len(g)
    return acc / s_count, mid


@pytest.mark.parametrize("ties", [False, True])
def test_chunked_smaa_ranks_equal_sample_by_sample(monkeypatch, ties):
    rng = np.random.default_rng(41)
    s = random_scenario(rng, 7, 3)
    v = prepare(s).values
    if ties:
        v[1] = v[0]                                   # identical clubs: tied in every sample
        v[4, 0] = np.nan                              # and one club with a missing figure
    s = matrix_scenario(v, [c.direction.value for c in s.criteria], [1.0, 1.0, 1.0],
                        targets=[c.target for c in s.criteria])
    r = score(prepare(s), np.ones(3))
    monkeypatch.setattr(smaa_mod, "CHUNK_CELLS", 7 * 37)     # 37 samples per step: uneven chunks
    out = smaa_mod.smaa(r, samples=500, seed=2)
    u = np.broadcast_to(r.prepared.utilities, (500, 7, 3)).copy()   # missing: drawn uniformly, per sample
    u[:, r.prepared.missing] = np.random.default_rng([2, 2]).uniform(0.0, 1.0, (500, 7, 3))[:, r.prepared.missing]
    scores = weighted_scores(smaa_mod.dirichlet_weights(3, 500, 2), u)
    acc, mid = _straight_rank_shares(scores)
    np.testing.assert_allclose(out.acceptability, acc, atol=1e-12)
    above = (mid[:, :, None] < mid[:, None, :]).mean(axis=0) + 0.5 * (mid[:, :, None] == mid[:, None, :]).mean(axis=0)
    np.fill_diagonal(above, np.nan)
    np.testing.assert_allclose(out.pairwise, above, atol=1e-12)
    if ties:
        assert out.pairwise[0, 1] == 0.5
    one_go = smaa_mod.smaa(r, samples=500, seed=2)
    monkeypatch.setattr(smaa_mod, "CHUNK_CELLS", 10**9)
    whole = smaa_mod.smaa(r, samples=500, seed=2)
    np.testing.assert_allclose(one_go.acceptability, whole.acceptability, atol=1e-12)
    for a, b in zip(one_go.central_weights, whole.central_weights):
        assert (a is None) == (b is None) and (a is None or np.allclose(a, b, atol=1e-12))


def test_smaa_run_stepwise_is_smaa():
    r = score(prepare(random_scenario(np.random.default_rng(5), 60, 3)), np.ones(3))
    run = smaa_mod.SMAARun(r, 10_000, 0)
    steps = 1
    while not run.step():
        steps += 1
    assert steps > 1
    np.testing.assert_array_equal(run.outcome().acceptability, smaa_mod.smaa(r, 10_000, 0).acceptability)


def test_a_worker_keeps_the_memo_across_copies_of_the_same_prepared():
    """Each job sends a fresh pickle of the Result (the memo left out); the worker's
    ``exact_job`` re-attaches the memo it kept for that Prepared's token, and answers the same."""
    import pickle
    from dataclasses import fields
    from evaluator.decision import robustness
    rng = np.random.default_rng(3)
    s = random_scenario(rng, 9, 3)
    p = prepare(s)
    answers = []
    for w in ([1.0, 0.5, 0.2], [0.2, 1.0, 0.5], [1.0, 0.5, 0.2]):
        copy = pickle.loads(pickle.dumps(score(p, np.array(w))))
        assert copy.prepared.token == p.token and "memo" not in copy.prepared.__dict__
        answers.append(robustness.exact_job(copy)[1])
        assert copy.prepared.memo is robustness._worker_memos[p.token]   # one memo for every copy
    fresh = robustness.analyse_exact(score(prepare(s), np.array([1.0, 0.5, 0.2])))
    assert answers[2][5:] == answers[0][5:] == tuple(getattr(fresh, f.name) for f in fields(fresh))[6:]


def test_the_memo_drops_old_entries_of_one_kind_only():
    p = prepare(random_scenario(np.random.default_rng(4), 5, 3))
    p.memo[("left out",)] = "kept"
    for i in range(flips.FLIP_SEARCHES_KEPT + 10):
        flips._remember(p, ("figure flip", i), i, flips.FLIP_SEARCHES_KEPT)
    kept = [k for k in p.memo if k[0] == "figure flip"]
    assert len(kept) == flips.FLIP_SEARCHES_KEPT and kept[-1] == ("figure flip", flips.FLIP_SEARCHES_KEPT + 9)
    assert ("figure flip", 0) not in p.memo and p.memo[("left out",)] == "kept"
