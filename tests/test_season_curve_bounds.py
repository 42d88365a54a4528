"""The season chart's curves take the chart's fixed range as their bounds (``RangeCurve``, so no
curve works its bounds out of its data on every move); drawn, they must look exactly as
pyqtgraph's own curves that do: scores, ranks, a shorter and a longer season."""
from __future__ import annotations

from dataclasses import replace

import pyqtgraph as pg

from conftest import BUNDLED_SCENARIO
from evaluator.session import Session


def _pictures(qtbot, monkeypatch, plain: bool) -> list:
    import ui.panels.season_chart as sc
    if plain:
        class Plain(pg.PlotCurveItem):
            def set_range(self, rect) -> None:   # bounds from the data, as pyqtgraph works them out
                pass
        monkeypatch.setattr(sc, "RangeCurve", Plain)
    t = Session.from_file(BUNDLED_SCENARIO, read_only=True).timeline()
    half = len(t.dates) // 2
    shorter = replace(t, dates=t.dates[:half], scores=t.scores[:half], ranks=t.ranks[:half])
    plot = sc.SeasonPlot()
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    qtbot.waitExposed(plot)
    out = []
    for timeline, ranks in ((t, False), (t, True), (t, False), (shorter, False), (t, False)):
        plot.show_timeline(timeline, ranks)
        qtbot.wait(20)
        out.append(plot.grab().toImage())
    return out


def test_range_bounded_curves_draw_what_data_bounded_ones_do(qtbot, monkeypatch):
    ours = _pictures(qtbot, monkeypatch, plain=False)
    theirs = _pictures(qtbot, monkeypatch, plain=True)
    assert all(a == b for a, b in zip(ours, theirs))
    assert ours[0] != ours[1] and ours[0] != ours[3]   # the pictures do show the changes
