"""How sure stays readable with many clubs: the sweeps' key and colours follow the best few,
the rank-share chart gives every club a row, and nothing is squeezed into anything else."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks.common import synthetic_scenario
from evaluator.decision.robustness import analyse_exact
from evaluator.decision.scoring import prepare, score
from evaluator.session import Session
from robustness_cases import matrix_scenario
from windows import shown_window
from ui.panels.robustness_charts import KEYED_CLUBS, ROW_PX, SweepPlots


@pytest.fixture
def many(qtbot):
    return shown_window(qtbot, Session(synthetic_scenario(60)), tab=-1)


def test_the_key_and_the_coloured_lines_are_the_best_few_now(many, qtbot):
    w = many
    panel = w.robustness
    hue: dict[int, str] = {}
    for v in (5, 95, 93, 90, 60, 58):
        w.weights.rows[0].slider.setValue(v)
        rb = panel.latest
        r = w.session.result
        top = tuple(sorted(int(i) for i in r.order[:KEYED_CLUBS]))
        names = [c.name for c in r.scenario.clubs]
        key = panel.sweeps._key.text
        assert [n for n in names if f"━ {n}\n" in key or f"━ {n} ·" in key] == [names[i] for i in top]
        assert key.count("━") == KEYED_CLUBS and f"{len(names) - KEYED_CLUBS} more clubs in grey" in key
        for item in panel.sweeps.items:
            assert item.top == top
            assert item._order == list(top)                          # in colour, on top of the rest
            colours = [pen.color().name().upper() for pen in item.pens]
            assert len(set(colours)) == KEYED_CLUBS                  # no two keyed lines alike
            stayed = {c: hue[c] for c in top if c in hue}
            assert all(colours[top.index(c)] == h for c, h in stayed.items())   # a club keeps its colour
            rest = [i for i in range(len(names)) if i not in top]
            assert item._rest.tolist() == rest and item.rest_pen.color().alpha() == 80
            path = item._path_of_rest()                              # the faint lines: every other club's
            assert path.elementCount() == len(rest) * item.grid.size
            first = path.elementAt(0), path.elementAt(item.grid.size - 1)
            x, y = item.curve(rest[0])
            assert (first[0].x, first[0].y, first[1].x, first[1].y) == (x[0], y[0], x[-1], y[-1])
        assert rb is not None and rb.result is r
        hue = {c: panel.sweeps.items[0].pens[k].color().name().upper() for k, c in enumerate(top)}


def test_every_club_gets_a_readable_row_and_no_chart_is_squeezed(many, qtbot):
    panel = many.robustness
    qtbot.waitUntil(lambda: panel.latest.smaa is not None, timeout=10_000)
    chart = panel.acceptability
    assert chart.minimumHeight() >= ROW_PX * 60
    for part in (panel.sweeps, chart, panel.stability, panel.central, panel.flips):
        assert part.height() >= part.minimumHeight() > 0, type(part).__name__


def test_straight_sweeps_are_drawn_by_their_ends_and_others_on_the_grid(qtbot):
    plots = SweepPlots()
    qtbot.addWidget(plots)
    full = matrix_scenario(np.array([[1.0, 4.0, 2.0], [3.0, 1.0, 5.0], [2.0, 2.0, 1.0]]),
                           ["higher", "lower", "higher"])
    rb = analyse_exact(score(prepare(full), np.array([1.0, 1.0, 1.0])))
    assert all(sw.straight for sw in rb.sweeps)
    plots.show_robustness(rb)
    x, y = plots.club_curve(0, 1)
    assert x.tolist() == [0.0, 1.0]
    t = np.linspace(0, 1, 101)                                    # the segment is the exact curve
    np.testing.assert_allclose(np.interp(t, x, y), rb.sweeps[0].at(t)[:, 1], atol=1e-9)
    # Club 2 has only criterion 0: at t = 0 of criterion 0's sweep it has no weighted figure.
    gaps = matrix_scenario(np.array([[1.0, 4.0], [3.0, 1.0], [2.0, np.nan]]), ["higher", "lower"])
    rb = analyse_exact(score(prepare(gaps), np.array([1.0, 1.0])))
    assert not rb.sweeps[0].straight
    plots.show_robustness(rb)
    x, y = plots.club_curve(0, 2)
    assert x.size == SweepPlots.GRID.size
    np.testing.assert_allclose(y, np.nan_to_num(rb.sweeps[0].at(x)[:, 2]))
