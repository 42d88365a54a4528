"""Scoring core against peers (pymcdm, scikit-criteria) and a plain NumPy floor, same rankings.

Every timer includes ranking (ours ranks inside ``score``; pymcdm and the floor are timed with
their ``argsort``). pymcdm is measured both with its default input check and with
``validation=False`` (its per-row check dominates at 10,000 clubs). The floor is what live
re-scoring cannot beat: a cached (clubs, K) utilities matrix, one weighted sum, one argsort.
"""
from __future__ import annotations

import warnings

import numpy as np

from benchmarks.common import measure, measure_pair, row, synthetic_scenario
from evaluator.decision.scoring import SMALL_CLUBS, prepare, score

SIZES = (3, 100, 1_000, 10_000, 100_000)
FLOOR_TARGET = 1.5   # live re-score within 1.5x of the NumPy floor from 10,000 clubs


def _ours(n: int):
    """Full path from the scenario (normalise + weigh + rank + messages); the live path only
    re-runs score() on a cached Prepared, measured separately. Both are exactly what the
    session runs, including the switch to plain floats at <= SMALL_CLUBS clubs."""
    scenario = synthetic_scenario(n)
    w = np.array([50.0, 50.0, 50.0])

    def run():
        return score(prepare(scenario), w)
    return scenario, run


# What a view or the report may read from a Result: at <= SMALL_CLUBS clubs each array is built
# on first read (evaluator/decision/small_results.py), so one row reads them all inside the timer.
PARTS = ("weights", "scores", "order", "ranks", "effective", "contributions", "incomplete", "messages",
         "score_low", "score_high")


def _read_all(result) -> object:
    for name in PARTS:
        getattr(result, name)
    for name in ("values", "utilities", "lo", "hi", "flat", "missing"):
        getattr(result.prepared, name)
    return result


def _hot(scenario):
    prepared = prepare(scenario)
    w = np.array([50.0, 50.0, 50.0])
    return lambda: score(prepared, w)


def _path(n: int) -> str:
    """Which implementation the app runs at this size (both give the same numbers)."""
    return "plain floats" if n <= SMALL_CLUBS else "numpy"


def _speed(r: dict[str, object]) -> dict[str, object]:
    """For peers the figure of merit is how many times faster we are (reference / ours)."""
    r["speedup"] = r["ref_median_ms"] / r["median_ms"]  # type: ignore[operator]  # both are floats in a row of mixed fields
    return r


def _ranking(scores: np.ndarray) -> np.ndarray:
    return np.argsort(-scores, kind="stable")


def run() -> list[dict[str, object]]:
    rows = []
    try:
        from pymcdm.methods import WSM
        from pymcdm.normalizations import minmax_normalization
    except ImportError:   # benchmark-only dependency (./dev.sh bench installs it)
        WSM = None
    try:
        warnings.filterwarnings("ignore", module="skcriteria")
        from skcriteria import mkdm
        from skcriteria.madm.simple import WeightedSumModel
        from skcriteria.preprocessing.invert_objectives import MinMaxInverter
        from skcriteria.preprocessing.scalers import MinMaxScaler
    except ImportError:
        mkdm = None
    for n in SIZES:
        scenario, ours = _ours(n)
        reps = 200 if n <= 1000 else (30 if n <= 10_000 else 10)
        mine = measure(ours, repeat=reps, warmup=min(20, reps))
        result = ours()
        matrix = np.array([[c.figure(f"c{j}").value for j in range(3)] for c in scenario.clubs])
        types = np.array([1, -1, 1])
        weights = np.ones(3) / 3
        utilities = prepare(scenario).utilities.copy()
        w = np.array([50.0, 50.0, 50.0])

        def floor():
            s = utilities @ (w / w.sum())
            return np.argsort(-s)
        assert (floor() == _ranking(result.scores)).all(), "the floor ranks differently"
        # Ours and the floor called in turn: the ratio holds on a loaded machine.
        hot, floor_stats = measure_pair(_hot(scenario), floor, repeat=max(reps, 50), warmup=min(20, reps))
        rows.append(row(f"scoring {n} clubs x 3 (live re-score, {_path(n)}) vs NumPy floor", hot,
                        "cached utilities @ weights + argsort", floor_stats,
                        f"<= {FLOOR_TARGET}x the floor" if n >= 10_000 else ""))
        if WSM is not None:
            wsm = WSM(normalization_function=minmax_normalization)
            for validation in (True, False):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")   # pymcdm warns about dominated alternatives
                    peer = measure(lambda: _ranking(wsm(matrix, weights, types, validation=validation)),
                                   repeat=reps, warmup=min(20, reps))
                    theirs = wsm(matrix, weights, types, validation=validation)
                assert (_ranking(theirs) == _ranking(result.scores)).all(), "pymcdm ranks differently"
                ref = "pymcdm WSM (min-max) + argsort" + ("" if validation else ", validation=False")
                tag = "" if validation else " (validation=False)"
                rows.append(_speed(row(f"scoring {n} clubs x 3 (full, {_path(n)}) vs pymcdm{tag}", mine, ref,
                                       peer, "ours >= 20x faster at N=3" if n == 3 else "")))
                rows.append(_speed(row(f"scoring {n} clubs x 3 (live re-score, {_path(n)}) vs pymcdm{tag}", hot,
                                       ref, peer)))
                if n == 3 and validation:   # the whole Result, not only scores and ranking
                    everything = measure(lambda: _read_all(ours()), repeat=reps, warmup=min(20, reps))
                    rows.append(_speed(row(f"scoring {n} clubs x 3 (full, every array and message read, "
                                           f"{_path(n)}) vs pymcdm", everything, ref, peer)))
        if mkdm is not None and n <= 10_000:
            def sk():
                dm = mkdm(matrix, [max if t == 1 else min for t in types], weights=weights)
                dm = MinMaxInverter().transform(dm)
                dm = MinMaxScaler(target="matrix").transform(dm)
                return WeightedSumModel().evaluate(dm)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                peer = measure(sk, repeat=100 if n <= 1000 else 10, warmup=3)
                rank = sk().rank_
            assert (np.argsort(rank, kind="stable") == _ranking(result.scores)).all(), "scikit-criteria ranks differently"
            ref = "skcriteria MinMaxInverter + MinMaxScaler + WeightedSumModel"
            rows.append(_speed(row(f"scoring {n} clubs x 3 (full, {_path(n)}) vs scikit-criteria", mine, ref, peer,
                                   "ours >= 20x faster at N=3" if n == 3 else "")))
            rows.append(_speed(row(f"scoring {n} clubs x 3 (live re-score, {_path(n)}) vs scikit-criteria", hot,
                                   ref, peer)))
        if WSM is None and mkdm is None:
            rows.append(row(f"scoring {n} clubs x 3 criteria", mine, "peers not installed"))
    return rows
