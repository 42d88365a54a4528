"""What would flip the top two, and rank reversal: every answer re-scored with scoring.score."""
from __future__ import annotations

import numpy as np
import pytest

from evaluator.decision.flips import figure_flips, plausible_range, top_two, weight_flips
from evaluator.decision.rank_reversal import rank_reversals
from evaluator.decision.scoring import prepare, score
from evaluator.decision.sweeps import weight_sweeps
from robustness_cases import matrix_scenario, ramos, random_scenario

GRID = np.linspace(0.0, 1.0, 10_001)


def _random_results(count: int, seed: int):
    rng = np.random.default_rng(seed)
    for i in range(count):
        s = random_scenario(rng, 5, 3, missing=0.15 if i % 2 else 0.0)
        p = prepare(s)
        yield s, score(p, np.array([s.weights[c.id] for c in s.criteria]))


def _gap(prepared, w, lead, run) -> float:
    r = score(prepared, w)
    return float(r.scores[lead] - r.scores[run])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_weight_flips_are_the_nearest_swap(seed):
    found = 0
    for s, r in _random_results(4, seed):
        lead, run = top_two(r)
        p = r.prepared
        sweeps = weight_sweeps(r)
        for f, sw in zip(weight_flips(r, sweeps), sweeps):
            gaps = np.array([_gap(p, sw.weights_at(t), lead, run) for t in GRID])
            between_or_beyond = np.abs(GRID - sw.current)
            if not f.possible:
                assert not (gaps < -1e-9).any(), "brute force finds a swap the flip table missed"
                continue
            found += 1
            assert f.share == pytest.approx(sw.current + f.delta)
            step = 1e-6 * np.sign(f.delta)
            assert _gap(p, sw.weights_at(f.share + step), lead, run) < 0      # past it: swapped
            assert _gap(p, sw.weights_at(f.share - step), lead, run) > 0      # short of it: not yet
            # No swap anywhere closer to the current share, in either direction.
            closer = between_or_beyond < abs(f.delta) - 1e-6
            assert (gaps[closer] > 0).all()
            # The raw slider value gives the same share with the other sliders unchanged.
            raw = r.raw_weights.copy()
            raw[f.criterion] = f.raw_weight
            assert raw[f.criterion] / raw.sum() == pytest.approx(f.share)
    assert found > 0


def _rescored_gap(s, values, k, club, x, lead, run) -> float:
    v = values.copy()
    v[club, k] = x
    s2 = matrix_scenario(v, [c.direction.value for c in s.criteria], [s.weights[c.id] for c in s.criteria],
                         [(c.scale.lo, c.scale.hi) if c.scale.fixed else None for c in s.criteria],
                         [c.target for c in s.criteria])
    return _gap(prepare(s2), np.array([s.weights[c.id] for c in s.criteria]), lead, run)


@pytest.mark.parametrize("seed,fixed", [(4, False), (5, False), (6, True)])
def test_figure_flips_rescore_and_are_minimal(seed, fixed):
    rng = np.random.default_rng(seed)
    found = 0
    for i in range(4):
        s = random_scenario(rng, 4, 3, missing=0.15 if i % 2 else 0.0, fixed=fixed)
        p = prepare(s)
        r = score(p, np.array([s.weights[c.id] for c in s.criteria]))
        lead, run = top_two(r)
        for f in figure_flips(r):
            if f.value is None:
                assert np.isnan(p.values[f.club, f.criterion]) and not f.possible
                continue
            lo, hi = plausible_range(r, f.criterion)
            xs = np.linspace(lo, hi, 401)
            gaps = np.array([_rescored_gap(s, p.values, f.criterion, f.club, x, lead, run) for x in xs])
            if not f.possible:
                assert (gaps > 0).all(), "re-scoring finds a flip the search missed"
                continue
            found += 1
            eps = 1e-6 * (hi - lo) * np.sign(f.delta)
            assert _rescored_gap(s, p.values, f.criterion, f.club, f.new_value + eps, lead, run) < 0
            assert _rescored_gap(s, p.values, f.criterion, f.club, f.new_value - eps, lead, run) > 0
            closer = np.abs(xs - f.value) < abs(f.delta) - 1e-6 * (hi - lo)
            assert (gaps[closer] > 0).all()
    assert found > 0


def test_figure_flip_sentence_is_built_from_the_criterion():
    # Two clubs close on a lower-is-better goals figure; a third club sets the range.
    v = np.array([[1.00, 80.0], [1.40, 82.0], [2.00, 40.0]])
    s = matrix_scenario(v, ["lower", "higher"], [1.0, 1.0], units=["goals/match", "% of league below"],
                        names=["Alpha FC", "Beta United", "Gamma"])
    r = score(prepare(s), np.array([1.0, 1.0]))
    assert top_two(r) == (0, 1)
    f = next(f for f in figure_flips(r) if f.criterion == 0 and f.club == 1)
    assert f.possible and f.delta < 0
    assert f.sentence.startswith("Beta United would draw level with Alpha FC if its Criterion 0 figure were ")
    assert "goals/match lower" in f.sentence and "lower is better" in f.sentence
    # The printed change (rounded up to 2 decimals) is enough to move Beta United ahead.
    shown = float(f.sentence.split("were ")[1].split(" ")[0])
    assert shown >= abs(f.delta) - 1e-9 and shown - abs(f.delta) < 0.01
    assert _rescored_gap(s, v, 0, 1, 1.40 - shown - 1e-9, 0, 1) <= 1e-9


def test_bundled_case_cannot_be_flipped_by_one_weight():
    r = score(prepare(ramos()), np.array([50.0, 50.0, 50.0]))
    flips = weight_flips(r, weight_sweeps(r))
    assert len(flips) == 3 and not any(f.possible for f in flips)   # Roma is best on every criterion


REVERSAL = np.array([[1.0, 8.0], [7.0, 10.0], [5.0, 6.0], [10.0, 8.0]])


def test_rank_reversal_found_and_confirmed_by_removing_the_club():
    s = matrix_scenario(REVERSAL)
    r = score(prepare(s), np.ones(2))
    found = rank_reversals(r)
    assert {(x.removed, x.before, x.after, x.kind) for x in found} == {(0, 1, 3, "swap"), (3, 0, 2, "swap")}
    for x in found:
        keep = [i for i in range(4) if i != x.removed]
        sub = score(prepare(matrix_scenario(REVERSAL[keep])), np.ones(2))
        assert sub.scores[keep.index(x.after)] > sub.scores[keep.index(x.before)]
        assert r.scores[x.before] > r.scores[x.after]
        assert "Fixed scales" in x.message and s.criteria[x.criteria[0]].label in x.message


def test_fixed_scales_prevent_rank_reversal():
    s = matrix_scenario(REVERSAL, scales=[(0.0, 10.0), (0.0, 10.0)])
    assert rank_reversals(score(prepare(s), np.ones(2))) == ()


def test_no_reversal_means_brute_force_agrees():
    for s, r in _random_results(3, 9):
        found = {(x.removed, min(x.before, x.after), max(x.before, x.after)) for x in rank_reversals(r)}
        n = len(s.clubs)
        values = r.prepared.values
        for c in range(n):
            keep = [i for i in range(n) if i != c]
            sub = prepare(matrix_scenario(values[keep], [x.direction.value for x in s.criteria],
                                          [s.weights[x.id] for x in s.criteria], None,
                                          [x.target for x in s.criteria]))
            ss = score(sub, r.raw_weights).scores
            for a in range(n - 1):
                for b in range(a + 1, n - 1):
                    i, m = keep[a], keep[b]
                    d_full = np.sign(np.round(r.scores[i] - r.scores[m], 8))
                    d_sub = np.sign(np.round(ss[a] - ss[b], 8))
                    assert (d_full != d_sub) == ((c, i, m) in found)
