"""Time ``analyse()`` at 3, 20 and 100 clubs with 1,000 and 10,000 SMAA samples (not a test).

Run: python benchmarks/bench_robustness.py [repeats]. Prints median and p95 in ms. The
3-club row uses the bundled Ramos case; the larger ones random clubs on the same 3 criteria.
Each timed call gets fresh weights (like a slider move), so nothing weight-dependent is
reused; the weight samples are cached per seed/N/criteria count as in the app.
"""
from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluator.data.case import build_scenario  # noqa: E402
from evaluator.documents import load_case
from evaluator.model import Club, Figure  # noqa: E402
from evaluator.decision.robustness import analyse, analyse_exact  # noqa: E402
from evaluator.decision.scoring import prepare, score  # noqa: E402

CASE = Path(__file__).resolve().parents[1] / "resources" / "cases" / "ramos-2025-11-28.case.json"


def scenario(n: int):
    base = build_scenario(load_case(CASE))
    if n == len(base.clubs):
        return base
    rng = np.random.default_rng(n)
    cols = [c.column for c in base.criteria]
    v = prepare(base).values
    lo, hi = np.nanmin(v, axis=0), np.nanmax(v, axis=0)
    clubs = tuple(Club(f"c{i}", f"Club {i}", "", {c: Figure(float(rng.uniform(lo[j], hi[j])), "bench")
                                                  for j, c in enumerate(cols)}) for i in range(n))
    return replace(base, clubs=clubs)


def bench(n: int, samples: int, repeats: int) -> tuple[float, float]:
    """``samples=0``: ``analyse_exact``, the part the live panel runs on the GUI thread."""
    p = prepare(scenario(n))
    rng = np.random.default_rng(0)
    fn = analyse_exact if samples == 0 else (lambda r: analyse(r, smaa_samples=samples))
    fn(score(p, np.array([50.0, 50.0, 50.0])))   # warm the caches
    times = []
    for _ in range(repeats):
        r = score(p, rng.uniform(1, 100, 3))
        t0 = time.perf_counter()
        fn(r)
        times.append((time.perf_counter() - t0) * 1000)
    return float(np.median(times)), float(np.percentile(times, 95))


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    print(f"analyse() timings over {repeats} slider moves (ms)")
    print(f"{'clubs':>5} {'samples':>8} {'median':>8} {'p95':>8}")
    for n in (3, 20, 100):
        for samples in (0, 1_000, 10_000):
            med, p95 = bench(n, samples, repeats if n < 100 else max(5, repeats // 5))
            print(f"{n:>5} {samples or 'exact':>8} {med:>8.2f} {p95:>8.2f}")


if __name__ == "__main__":
    main()


def run(repeats: int = 50) -> list[dict[str, object]]:
    """Rows for `python -m benchmarks`."""
    rows: list[dict[str, object]] = []
    for n in (3, 20, 100):
        for samples in (0, 1_000, 10_000):
            med, p95 = bench(n, samples, repeats if n < 100 else max(5, repeats // 5))
            what = "analyse_exact() (GUI thread part)" if samples == 0 else f"analyse(), SMAA {samples:,}"
            rows.append({"name": f"robustness {what}, {n} clubs", "median_ms": med,
                         "p95_ms": p95, "reference": "", "target": ""})
    return rows
