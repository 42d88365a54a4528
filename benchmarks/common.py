"""Timing helpers and synthetic scenarios shared by the benchmarks."""
from __future__ import annotations

import atexit
import os
import shutil
import statistics
import tempfile
import time
from datetime import date
from typing import Callable

import numpy as np

from evaluator.model import Club, Column, Criterion, Direction, Figure, Scenario

_SETTINGS_DIR = tempfile.mkdtemp(prefix="clubfit-bench-settings-")
atexit.register(shutil.rmtree, _SETTINGS_DIR, True)


def fresh_settings() -> None:
    """The next window (and any child process) starts from the default layout: a new, empty
    settings file. On the user's own file, or the one the previous window saved on closing,
    a window opened with whatever splitters and tab room were left: the 100-club How sure row
    moved between 6 and 15 ms a move with the rows run before it."""
    os.environ["CLUBFIT_SETTINGS"] = tempfile.mkstemp(suffix=".ini", dir=_SETTINGS_DIR)[1]


def measure(fn: Callable[[], object], repeat: int = 200, warmup: int = 20) -> dict[str, float]:
    """Median and p95 wall time of ``fn()`` in milliseconds."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return stats(times)


def measure_pair(fn: Callable[[], object], ref: Callable[[], object], repeat: int = 200,
                 warmup: int = 20) -> tuple[dict[str, float], dict[str, float]]:
    """``measure`` for two functions called in turn, so a loaded machine slows both alike."""
    for _ in range(warmup):
        fn()
        ref()
    a, b = [], []
    for _ in range(repeat):
        for f, out in ((fn, a), (ref, b)):
            t0 = time.perf_counter()
            f()
            out.append((time.perf_counter() - t0) * 1000)
    return stats(a), stats(b)


def stats(times: list[float]) -> dict[str, float]:
    """Median and p95 (ms) of a list of timings."""
    times = sorted(times)
    return {"median_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
            "runs": len(times)}


def synthetic_scenario(n_clubs: int, n_criteria: int = 3, seed: int = 1) -> Scenario:
    """Random but valid figures, labelled as synthetic so they can never pass for real data."""
    rng = np.random.default_rng(seed)
    columns = tuple(Column(f"c{j}", f"Criterion {j + 1}", "units", 2, 0) for j in range(n_criteria))
    criteria = tuple(Criterion(f"k{j}", f"Criterion {j + 1}", f"c{j}",
                               Direction.HIGHER if j % 2 == 0 else Direction.LOWER)
                     for j in range(n_criteria))
    on = date(2025, 11, 28)
    clubs = tuple(
        Club(f"club{i}", f"Synthetic club {i}", "Synthetic league",
             {f"c{j}": Figure(float(v), "synthetic benchmark data", on) for j, v in enumerate(row)})
        for i, row in enumerate(rng.uniform(0, 10, size=(n_clubs, n_criteria)))
    )
    return Scenario("Benchmark", f"{n_clubs} synthetic clubs", on, clubs, criteria, columns,
                    {c.id: 50.0 for c in criteria})


def row(name: str, stats: dict[str, float], reference: str = "", ref_stats: dict[str, float] | None = None,
        target: str = "") -> dict[str, object]:
    out: dict[str, object] = {"name": name, **stats, "reference": reference, "target": target}
    if ref_stats:
        out["ref_median_ms"] = ref_stats["median_ms"]
        out["ref_p95_ms"] = ref_stats["p95_ms"]
        out["ratio_median"] = stats["median_ms"] / ref_stats["median_ms"] if ref_stats["median_ms"] else None
        out["ratio_p95"] = stats["p95_ms"] / ref_stats["p95_ms"] if ref_stats["p95_ms"] else None
    return out
