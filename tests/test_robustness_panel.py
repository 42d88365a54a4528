"""The robustness panel follows the session live and shows the evaluator's numbers.

SMAA arrives from a child process, so these tests wait for it (qtbot.waitUntil) and check
that what is finally on screen is the full sample for the *latest* weights, equal to
``analyse()`` computed directly, and that closing the window mid-computation is clean.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from evaluator.decision.flips import WeightFlip
from evaluator.decision.robustness import analyse, analyse_exact
from evaluator.decision.scoring import prepare, score
from evaluator.session import Session
from evaluator.decision.smaa import smaa
from robustness_cases import random_scenario
from ui.main_window import MainWindow
from ui.panels.robustness_charts import PLOT_ROW_PX, TITLE_ROOM_PX, elide
from ui.panels.robustness_panel import FULL_SAMPLES, LIVE_SAMPLES

HOW_SURE = 4   # Ranking, Figures and sources, Profiles, Season, How sure (the last tab, as bench_live assumes)


def _shown(qtbot, session, tab: int = HOW_SURE) -> MainWindow:
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(tab)
    window.show()
    return window


def _final(panel, session) -> bool:
    rb = panel.latest
    return rb is not None and rb.result is session.result and rb.smaa is not None \
        and rb.smaa.n_samples == FULL_SAMPLES


def test_hidden_tab_does_no_work_and_catches_up_when_shown(qtbot, session):
    window = _shown(qtbot, session, tab=0)
    panel = window.robustness
    window.weights.rows[2].slider.setValue(100)
    assert panel.latest is None and not panel.jobs.busy
    window.tabs.setCurrentIndex(HOW_SURE)
    assert panel.latest.result is session.result            # exact parts at once
    qtbot.waitUntil(lambda: _final(panel, session), timeout=5000)


def test_quick_moves_end_on_the_full_sample_for_the_latest_weights(qtbot, session):
    window = _shown(qtbot, session)
    panel = window.robustness
    drawn = []     # (SMAA drawn, the session's result at that moment)
    original = panel.acceptability.show_smaa
    panel.acceptability.show_smaa = lambda result, mc: (drawn.append((mc, session.result)), original(result, mc))
    slider = window.weights.rows[2].slider
    for v in (90, 10, 70, 30, 55):
        slider.setValue(v)
        assert panel.latest.result is session.result and panel.latest.smaa is None   # exact parts follow at once
        qtbot.wait(3)
    qtbot.waitUntil(lambda: _final(panel, session), timeout=5000)
    text = panel.summary.text()
    assert f"{FULL_SAMPLES:,} samples" in text and "refining" not in text and "updating" not in text
    # Clubs by first-place share, ties (often 0.0%) in the order of the ranking now
    rb = panel.latest
    want = sorted(range(3), key=lambda i: (-rb.smaa.first_rank[i], rb.result.ranks[i]))
    names = [session.result.scenario.clubs[i].name for i in want]
    assert [text.index(name) for name in names] == sorted(text.index(name) for name in names)
    # Every SMAA ever drawn was for the weights current when it was drawn: never a stale one.
    for mc, result in drawn:
        np.testing.assert_allclose(mc.acceptability, smaa(result, mc.n_samples).acceptability, atol=1e-12)
    assert {mc.n_samples for mc, _ in drawn} <= {LIVE_SAMPLES, FULL_SAMPLES}


def test_an_answer_for_old_weights_is_dropped(qtbot, session):
    window = _shown(qtbot, session)
    panel = window.robustness
    qtbot.waitUntil(lambda: _final(panel, session), timeout=5000)
    old_result, old = session.result, panel.latest.smaa
    window.weights.rows[0].slider.setValue(5)
    qtbot.waitUntil(lambda: _final(panel, session), timeout=5000)
    now = panel.latest
    panel._on_smaa(old_result, (), old)                       # a late answer for the previous weights
    qtbot.wait(40)
    assert panel.latest is now and panel.latest.smaa is not old


def test_panel_equals_analyse_computed_directly(qtbot, session):
    window = _shown(qtbot, session)
    panel = window.robustness
    window.weights.rows[1].slider.setValue(80)
    qtbot.waitUntil(lambda: _final(panel, session), timeout=5000)
    rb, want = panel.latest, analyse(session.result, smaa_samples=FULL_SAMPLES)
    np.testing.assert_allclose(rb.smaa.acceptability, want.smaa.acceptability, atol=1e-12)
    for a, b in zip(rb.smaa.central_weights, want.smaa.central_weights):
        assert (a is None) == (b is None) and (a is None or np.allclose(a, b))
    assert rb.stability == want.stability and rb.weight_flips == want.weight_flips
    assert rb.figure_flips == want.figure_flips and rb.rank_reversals == want.rank_reversals
    assert rb.messages == want.messages
    for r, st in enumerate(want.stability):
        assert panel.stability.item(r, 3).text() == f"{100 * st.ranking_lo:.1f}% – {100 * st.ranking_hi:.1f}%"
        assert panel.stability.item(r, 1).text() == f"{100 * st.current:.1f}%"
    x, y = panel.sweeps.club_curve(0, 1)
    np.testing.assert_allclose(y, np.nan_to_num(want.sweeps[0].at(x)[:, 1]))
    assert panel.sweeps.markers[0] == want.sweeps[0].current
    cells = [[panel.flips.item(r, c).text() for c in range(panel.flips.columnCount())]
             for r in range(panel.flips.rowCount())]
    flips = list(want.weight_flips) + list(want.figure_flips)
    assert [row[-1] for row in cells] == [f.sentence for f in flips]    # every flip, in words, in order
    for row, f in zip(cells, flips):                                     # and the change in numbers
        if isinstance(f, WeightFlip) and f.possible and f.delta:
            assert row[2] == f"{100 * (f.share - f.delta):.1f}% → {100 * f.share:.1f}%"
        elif not f.possible:
            assert (row[2], row[3]) == ("—", "cannot swap")
    widths = np.column_stack([bar.opts["width"] for bar in panel.acceptability.segments])
    np.testing.assert_allclose(widths, 100 * want.smaa.acceptability)


def test_closing_the_window_mid_computation_is_clean(qtbot):
    s = random_scenario(np.random.default_rng(3), 100, 3)
    session = Session(s)
    window = _shown(qtbot, session)
    panel = window.robustness
    for v in (20, 40, 60):
        window.weights.rows[0].slider.setValue(v)
    assert panel.latest.result is session.result and panel.jobs.busy   # 100 clubs: SMAA in flight
    window.close()                               # stops the SMAA process (at most one SMAA step)
    assert not panel.jobs.busy and not panel.jobs.started
    on_screen = panel.latest
    qtbot.wait(50)                               # nothing late arrives, nothing warns
    assert panel.latest is on_screen


def test_many_clubs_sweep_plots_are_one_item_per_plot(qtbot):
    s = random_scenario(np.random.default_rng(4), 30, 3)
    session = Session(s)
    window = _shown(qtbot, session)
    panel = window.robustness
    for plot in panel.sweeps.plots:   # 30 lines, the crossing dots and the marker: one item
        assert [type(i).__name__ for i in plot.vb.addedItems] == ["SweepItem"]
    r = score(prepare(s), session.result.raw_weights)
    sweeps = analyse(r, smaa_samples=0).sweeps
    for club in (0, 9, 29):
        x, y = panel.sweeps.club_curve(2, club)
        np.testing.assert_allclose(y, np.nan_to_num(sweeps[2].at(x)[:, club]))
    qtbot.waitUntil(lambda: _final(panel, session), timeout=10_000)
    assert len(panel.acceptability.segments) == 6                # ranks 6..30 share a segment
    widths = np.column_stack([bar.opts["width"] for bar in panel.acceptability.segments])
    np.testing.assert_allclose(widths.sum(axis=1), 100.0)


def test_figure_flip_change_is_in_the_figures_unit(session):
    from evaluator.report_robustness import flip_rows
    # weights under which the runner-up can catch up by a better figure
    session.set_weights({"standing": 10, "defence": 100, "age": 10})
    rb = analyse(session.result, smaa_samples=0)
    rows = [r for r, f in zip(flip_rows(rb)[len(rb.weight_flips):], rb.figure_flips) if f.possible and f.delta]
    assert rows, "expected at least one figure that can swap the top two"
    for row in rows:
        before, after = row.needed.split(" → ")
        assert float(before) != float(after.split()[0]) and row.outcome == "can swap"


def test_many_warnings_show_five_and_offer_the_rest(qtbot, monkeypatch):
    from ui import dialogs
    listed = []
    monkeypatch.setattr(dialogs, "show_list", lambda parent, title, items: listed.append(items))
    scenario = random_scenario(np.random.default_rng(5), 40, 3)
    session = Session(scenario)
    window = _shown(qtbot, session)
    panel = window.robustness
    messages = panel.latest.messages
    if len(messages) <= 5:   # find weights with many reversals
        for w in ((1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (0, 1, 1)):
            session.set_weights(dict(zip([c.id for c in scenario.criteria], w)))
            if len(panel.latest.messages) > 5:
                break
    messages = panel.latest.messages
    assert len(messages) > 5
    assert panel.warnings.text().count("⚠") == 5 and f"show all {len(messages)}" in panel.warnings.text()
    panel.warnings.linkActivated.emit("all")
    assert listed == [messages]


def test_how_sure_tab_is_built_only_when_first_shown(qtbot, session):
    import os
    import subprocess
    import sys
    from conftest import ROOT
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert not window.how_sure.built                      # nobody sees it at start-up
    window.weights.rows[0].slider.setValue(90)
    window.tabs.setCurrentIndex(HOW_SURE)
    assert window.how_sure.built
    assert window.robustness.latest.result is session.result   # and it shows the newest weights at once
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
            "from evaluator.documents import load_scenario; from evaluator.session import Session\n"
            "from conftest import BUNDLED_SCENARIO; from ui.main_window import MainWindow\n"
            "w = MainWindow(Session(load_scenario(BUNDLED_SCENARIO))); w.show(); app.processEvents()\n"
            "print(sorted(m for m in sys.modules if m.startswith(('evaluator.decision.robustness', "
            "'evaluator.decision.smaa', 'ui.panels.robustness_panel'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"})
    assert out.stdout.strip() == "[]", out.stdout


def test_rapid_changes_draw_once_per_frame_and_the_last_smaa_lands(qtbot, session):
    window = _shown(qtbot, session)
    panel = window.robustness
    qtbot.waitUntil(lambda: _final(panel, session), timeout=5000)
    analysed, submitted = [], []
    original, submit = panel._show_exact, panel.jobs.submit
    panel._show_exact = lambda rb: analysed.append(rb.result) or original(rb)
    panel.jobs.submit = lambda fn, *a, **kw: submitted.append(a) or submit(fn, *a, **kw)
    slider = window.weights.rows[1].slider
    for v in range(10, 60, 5):
        slider.setValue(v)                       # ten changes within one frame
    assert analysed == [] and panel.pending()     # nothing drawn yet: the worker has the newest
    qtbot.waitUntil(lambda: bool(analysed), timeout=1000)
    assert analysed == [session.result]                # one redraw, for the newest
    qtbot.waitUntil(lambda: _final(panel, session), timeout=5000)
    assert len(submitted) == 1 and submitted[0][0] is session.result.prepared.utilities   # one SMAA job, once
    assert panel.latest.smaa.n_samples == FULL_SAMPLES                                   # the weights rested


def test_sweep_plots_wrap_in_a_narrow_tab_and_titles_follow_the_plot_width(qtbot, session):
    from evaluator.decision.robustness import analyse_exact
    from ui.panels.robustness_charts import SweepPlots
    sweeps = SweepPlots()
    qtbot.addWidget(sweeps)
    sweeps.show_robustness(analyse_exact(session.result))
    sweeps.show()
    criteria = session.scenario.criteria

    def rows() -> set[int]:
        return {sweeps.ci.items[p][0][0] for p in sweeps.plots}
    sweeps.resize(3000, 400)                        # wide: one row, whole labels
    qtbot.waitUntil(lambda: rows() == {0})          # re-arranged once the resize is over
    assert all(c.label in p.titleLabel.text for p, c in zip(sweeps.plots, criteria))
    assert all(p.titleLabel.toolTip() == c.label for p, c in zip(sweeps.plots, criteria))
    need = sweeps.least_plot_width()
    sweeps.resize(3 * need - 10, 400)               # room for two plots a row
    qtbot.waitUntil(lambda: rows() == {0, 1})
    sweeps.resize(need, 400)                        # one a row, titles cut to the plot
    qtbot.waitUntil(lambda: rows() == {0, 1, 2})
    assert all(p.titleLabel.text.endswith(elide(c.label, need - TITLE_ROOM_PX)) for p, c in zip(sweeps.plots, criteria))
    assert sweeps.minimumHeight() >= 3 * PLOT_ROW_PX  # the rows get their height (the tab scrolls)


def test_sweep_titles_never_set_the_plot_width(qtbot, session):
    from evaluator.decision.robustness import analyse_exact
    from ui.panels.robustness_charts import SweepPlots
    sweeps = SweepPlots()
    qtbot.addWidget(sweeps)
    sweeps.show_robustness(analyse_exact(session.result))
    sweeps.resize(2000, 400)
    sweeps.show()
    qtbot.waitUntil(lambda: all(c.label in p.titleLabel.text for p, c in zip(sweeps.plots, session.scenario.criteria)))
    assert all(p.titleLabel.effectiveSizeHint(Qt.SizeHint.MinimumSize).width() == 0 for p in sweeps.plots)


def _rows(rb) -> tuple:
    """What the tab's tables and warnings say about ``rb``, for comparing two analyses (the flips
    and reversals the tab left out while out of sight, as it completes them when they come into it)."""
    from evaluator.decision.robustness import completed
    from evaluator.report_robustness import flip_rows, stability_cells
    rb = completed(rb)
    s = rb.result.scenario
    return (tuple(flip_rows(rb)), tuple(tuple(stability_cells(st, s)) for st in rb.stability), rb.messages,
            rb.top_two, tuple((w.num0.tobytes(), w.num1.tobytes(), w.cross_t.tobytes()) for w in rb.sweeps))


def test_exact_parts_come_from_the_worker_process_and_equal_those_computed_here(qtbot, session, monkeypatch):
    import ui.panels.robustness_panel as rp
    monkeypatch.setattr(rp.RobustnessPanel, "worker_from_ms", 0.0)   # as if each took longer than that
    window = _shown(qtbot, session)
    panel = window.robustness
    window.weights.rows[1].slider.setValue(20)      # the first change starts the worker
    qtbot.waitUntil(lambda: not panel.pending() and panel.exact.started, timeout=5000)
    here = []
    monkeypatch.setattr(rp, "analyse_exact", lambda result, **kw: here.append(result) or analyse_exact(result, **kw))
    for v in (10, 80, 35):
        window.weights.rows[1].slider.setValue(v)
        qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)   # never reads `latest`: no catching up here
        assert panel._latest.result is session.result
        assert _rows(panel._latest) == _rows(analyse_exact(session.result))
    assert here == []          # the GUI process computed none of them


def test_the_tab_keeps_up_when_its_worker_process_dies(qtbot, session, monkeypatch):
    from ui.panels.robustness_panel import RobustnessPanel
    monkeypatch.setattr(RobustnessPanel, "worker_from_ms", 0.0)
    window = _shown(qtbot, session)
    panel = window.robustness
    window.weights.rows[1].slider.setValue(20)      # the first change starts the worker
    qtbot.waitUntil(lambda: not panel.pending() and panel.exact.started, timeout=5000)
    panel.exact._child.kill()
    panel.exact._child.join()
    window.weights.rows[0].slider.setValue(3)
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    assert panel._latest.result is session.result
    assert _rows(panel._latest) == _rows(analyse_exact(session.result))
    window.weights.rows[0].slider.setValue(60)       # and the next change starts a new worker
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    assert panel._latest.result is session.result and panel.exact.started


def test_quick_exact_parts_are_computed_here_without_a_worker(qtbot, session, monkeypatch):
    from ui.panels.robustness_panel import RobustnessPanel
    monkeypatch.setattr(RobustnessPanel, "worker_from_ms", float("inf"))   # as if each were quick
    window = _shown(qtbot, session)
    panel = window.robustness
    for v in (15, 65):
        window.weights.rows[1].slider.setValue(v)
        qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
        assert _rows(panel._latest) == _rows(analyse_exact(session.result))
    assert not panel.exact.started


def test_slow_exact_parts_go_to_the_worker_and_come_back_when_quick(qtbot, session, monkeypatch):
    import time as clock
    import ui.panels.robustness_panel as rp
    monkeypatch.setattr(rp.RobustnessPanel, "worker_from_ms", 8.0)
    window = _shown(qtbot, session)
    panel = window.robustness
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    monkeypatch.setattr(rp, "analyse_exact", lambda result, **kw: clock.sleep(0.02) or analyse_exact(result, **kw))
    slider = window.weights.rows[1].slider
    slider.setValue(20)                       # computed here, slowly (20 ms): the worker starts
    qtbot.waitUntil(lambda: not panel.pending() and panel.exact.started, timeout=5000)
    assert panel._exact_ms[-1] >= 20, panel._exact_ms   # over a whole frame: at once
    slider.setValue(40)                       # so this one goes to the worker ...
    assert panel._asked is session.result
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    assert _rows(panel._latest) == _rows(analyse_exact(session.result))
    assert 0 < panel._exact_ms[-1] < 20       # the worker says how long it took
    monkeypatch.setattr(rp.RobustnessPanel, "worker_from_ms", panel._exact_ms[-1] + 1)
    slider.setValue(60)                       # under the threshold now: back to this process
    assert panel._asked is None and panel._stale is session.result
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    assert panel._latest.result is session.result


def test_the_sentence_under_the_flip_table_follows_the_row_and_every_change(qtbot, session):
    window = _shown(qtbot, session)
    panel = window.robustness

    def sentence(row: int) -> str:
        return panel.flips.item(row, 4).text()

    for v in (10, 90):
        window.weights.rows[0].slider.setValue(v)
        rb = panel.latest
        assert rb is not None and rb.result is session.result
        assert panel.flip_details.text().endswith(sentence(0))   # the first row until one is picked
    panel.flips.setCurrentCell(2, 0)
    assert panel.flip_details.text().endswith(sentence(2))
    window.weights.rows[1].slider.setValue(3)
    panel.latest
    assert panel.flip_details.text().endswith(sentence(2))       # the picked row, its new words

