"""Small builders for scenarios in tests (no files, no Qt)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from evaluator.model import Club, Column, Criterion, Direction, Figure, Scale, Scenario

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


def altered_serie_a_csv(folder: Path) -> Path:
    """A copy of the shipped Serie A CSV with one score changed (Genoa v Lecce 0-0 -> 1-0)."""
    src = Path(__file__).resolve().parent.parent / "resources" / "data" / "matches" / \
        "datahub-football-datasets-serie-a-season-2526.csv"
    lines = src.read_text().splitlines(keepends=True)
    assert lines[1].startswith("2025-08-23,Genoa,Lecce,0,0,")
    lines[1] = lines[1].replace("2025-08-23,Genoa,Lecce,0,0,", "2025-08-23,Genoa,Lecce,1,0,", 1)
    copy = Path(folder) / "altered-serie-a.csv"
    copy.write_text("".join(lines))
    return copy
