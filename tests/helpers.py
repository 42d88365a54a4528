"""Small builders for scenarios in tests (no files, no Qt)."""
from __future__ import annotations

from datetime import date

from evaluator.decision.model import Club, Column, Criterion, Direction, Figure, Scale, Scenario

ON = date(2025, 11, 28)


def fig(v: float | None) -> Figure:
    return Figure.missing_figure() if v is None else Figure(float(v), "test table", ON)


def make(values: dict[str, dict[str, float | None]], criteria: list[tuple], weights: dict[str, float],
         minimum: dict[str, float] | None = None) -> Scenario:
    """values: club -> column -> value; criteria: (id, direction[, target[, (lo, hi)]])."""
    crits = []
    for c in criteria:
        cid, direction = c[0], Direction(c[1])
        target = c[2] if len(c) > 2 else None
        scale = Scale(*c[3]) if len(c) > 3 else Scale()
        crits.append(Criterion(cid, cid.upper(), cid, direction, target=target, scale=scale))
    cols = tuple(Column(c.id, c.label, minimum=(minimum or {}).get(c.id)) for c in crits)
    clubs = tuple(Club(name, name, "", {k: fig(v) for k, v in figs.items()}) for name, figs in values.items())
    return Scenario("t", "s", ON, clubs, tuple(crits), cols, weights)
