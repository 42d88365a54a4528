"""The robustness panel follows the session live and shows the evaluator's numbers."""
from __future__ import annotations

import numpy as np

from evaluator.decision.robustness import analyse
from ui.main_window import MainWindow
from ui.panels.robustness_panel import FULL_SAMPLES, LIVE_SAMPLES


def test_panel_is_live_then_refines_when_the_slider_rests(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    panel = window.robustness
    assert panel.latest.smaa.n_samples == FULL_SAMPLES
    window.weights.rows[2].slider.setValue(100)
    assert panel.latest.result is session.result            # follows the slider at once
    assert panel.latest.smaa.n_samples == LIVE_SAMPLES
    assert "refining" in panel.summary.text()
    qtbot.waitUntil(lambda: panel.latest.smaa.n_samples == FULL_SAMPLES, timeout=3000)
    expected = analyse(session.result, smaa_samples=FULL_SAMPLES)
    np.testing.assert_allclose(panel.latest.smaa.acceptability, expected.smaa.acceptability)
    assert "refining" not in panel.summary.text()


def test_stability_table_and_sweep_lines_match_the_maths(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    panel = window.robustness
    rb = analyse(session.result, smaa_samples=FULL_SAMPLES)
    for r, st in enumerate(rb.stability):
        assert panel.stability.item(r, 3).text() == f"{100 * st.ranking_lo:.1f}% – {100 * st.ranking_hi:.1f}%"
        assert panel.stability.item(r, 1).text() == f"{100 * st.current:.1f}%"
    x, y = panel.sweeps.lines[0][1].getData()
    np.testing.assert_allclose(y, np.nan_to_num(rb.sweeps[0].at(x)[:, 1]))
    assert panel.sweeps.markers[0].value() == rb.sweeps[0].current


def test_flip_sentences_are_shown(qtbot, session):
    window = MainWindow(session)
    qtbot.addWidget(window)
    rb = window.robustness.latest
    for flip in rb.weight_flips:
        assert flip.sentence in window.robustness.flips.text()
