"""Scenario builders shared by the robustness tests (not a test module)."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from evaluator.model import Club, Column, Criterion, Direction, Figure, Scale, Scenario

ROOT = Path(__file__).resolve().parents[1]
RAMOS = ROOT / "resources" / "cases" / "ramos-2025-11-28.case.json"


def ramos() -> Scenario:
    from evaluator.data.case import build_scenario   # tests may read files; decision may not
    from evaluator.documents import load_case
    return build_scenario(load_case(RAMOS))


def matrix_scenario(values: np.ndarray, directions: list[str] | None = None,
                    weights: list[float] | None = None, scales: list[tuple[float, float] | None] | None = None,
                    targets: list[float | None] | None = None, names: list[str] | None = None,
                    units: list[str] | None = None, minimum: float | None = None,
                    maximum: float | None = None) -> Scenario:
    """A scenario straight from a (clubs, criteria) matrix; NaN = missing figure."""
    v = np.asarray(values, dtype=float)
    n, k = v.shape
    directions = directions or ["higher"] * k
    scales = scales or [None] * k
    targets = targets or [None] * k
    units = units or ["pts"] * k
    names = names or [f"Club {chr(65 + i)}" for i in range(n)]
    columns = tuple(Column(f"c{j}", f"Column {j}", units[j], 2, minimum, maximum) for j in range(k))
    criteria = tuple(
        Criterion(f"k{j}", f"Criterion {j}", f"c{j}", Direction(directions[j]), units[j], targets[j],
                  Scale(*scales[j]) if scales[j] else Scale())
        for j in range(k))
    clubs = tuple(
        Club(f"club{i}", names[i], "", {f"c{j}": (Figure.missing_figure() if np.isnan(v[i, j])
                                                else Figure(float(v[i, j]), "test")) for j in range(k)})
        for i in range(n))
    w = weights if weights is not None else [1.0] * k
    return Scenario("test", "test", None, clubs, criteria, columns, {f"k{j}": float(w[j]) for j in range(k)})


def random_scenario(rng: np.random.Generator, n: int, k: int, missing: float = 0.0,
                    fixed: bool = False) -> Scenario:
    """Random clubs with mixed directions (including target), optional missing figures."""
    v = rng.uniform(0, 10, (n, k)).round(2)
    if missing:
        v[rng.random((n, k)) < missing] = np.nan
        v[:, 0] = np.where(np.isnan(v[:, 0]), 5.0, v[:, 0])   # keep every club rankable
    dirs = [["higher", "lower", "target"][j % 3] for j in range(k)]
    targets = [5.0 if d == "target" else None for d in dirs]
    scales = [(-1.0, 11.0) if fixed else None for _ in range(k)]
    weights = list(rng.uniform(0.1, 1.0, k).round(3))
    return matrix_scenario(v, dirs, weights, scales, targets)
