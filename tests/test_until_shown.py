"""Views out of sight do no work per change and catch up as they come into sight (ui/until_shown.py)."""
from __future__ import annotations

import numpy as np
import pytest

from benchmarks.common import synthetic_scenario
from evaluator.session import Session
from ui.main_window import MainWindow
from windows import shown_window


@pytest.fixture
def window(qtbot):
    return shown_window(qtbot, Session(synthetic_scenario(6)))


def _up_to_date(w: MainWindow) -> bool:
    r = w.session.result
    names = [r.scenario.clubs[i].name for i in r.order]
    # Six clubs: every bar drawn, widths in the clubs' own order, placed by rank.
    return (w.scores.bar_order() == names == w.contributions.bar_order()
            and np.array_equal(w.scores.bar_widths(), r.scores)
            and np.array_equal(w.contributions.segment_widths(), r.contributions)
            and w.ranking.model_._result is r)


def _how_sure(w: MainWindow) -> None:
    w.tabs.setCurrentIndex(w.tabs.count() - 1)     # the charts fold away (ui/tab_room.py)


def test_folded_charts_and_the_hidden_ranking_wait_then_catch_up_when_shown(window, qtbot):
    w = window
    _how_sure(w)
    qtbot.waitUntil(lambda: w.robustness.isVisible())
    before = w.scores.bar_widths().copy()
    for v in (5, 60, 95):
        w.weights.rows[0].slider.setValue(v)
    assert np.array_equal(w.scores.bar_widths(), before)    # out of sight: nothing was redrawn
    assert not _up_to_date(w)
    w.tabs.setCurrentIndex(0)                                # the Ranking tab, the charts unfolded
    assert _up_to_date(w)                                    # before the first paint, not a frame later


def test_a_folded_pane_catches_up_when_its_handle_is_dragged_open(window, qtbot):
    w = window
    _how_sure(w)
    qtbot.waitUntil(lambda: w.robustness.isVisible())
    w.weights.rows[1].slider.setValue(3)
    stale = w.session.result
    assert not np.array_equal(w.contributions.segment_widths(), stale.contributions)
    w.charts_split.setSizes([200, 200, 400])                 # the user opens the folded panes
    assert _up_to_date(w) is False                           # the Ranking tab is still out of sight
    r = w.session.result
    np.testing.assert_array_equal(w.scores.bar_widths(), r.scores)
    np.testing.assert_array_equal(w.contributions.segment_widths(), r.contributions)


def test_views_in_sight_and_windows_nobody_sees_follow_every_change(window, qtbot):
    w = window
    w.weights.rows[0].slider.setValue(17)                    # the Ranking tab is up: at once
    assert _up_to_date(w)
    hidden = MainWindow(Session(synthetic_scenario(4)))      # never shown (tests, the report)
    qtbot.addWidget(hidden)
    hidden.tabs.setCurrentIndex(hidden.tabs.count() - 1)
    hidden.weights.rows[0].slider.setValue(80)
    assert _up_to_date(hidden)
