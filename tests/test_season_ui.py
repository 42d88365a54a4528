"""The Season tab and the every-club dialog draw what the session computes, and their edits are
single undo steps."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt

from conftest import BUNDLED_SCENARIO, ROOT
from evaluator.session import Session
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow(Session.from_file(BUNDLED_SCENARIO, read_only=True))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _season(window):
    window.tabs.setCurrentWidget(window.season)
    return window.season.panel()


def test_season_tab_is_built_only_when_shown(window):
    assert not window.season.built
    _season(window)
    assert window.season.built


def test_season_curves_equal_the_timeline_and_the_cli_csv(window, qtbot):
    panel = _season(window)
    window.session.set_weights({"standing": 70, "defence": 20, "age": 10})
    qtbot.waitUntil(lambda: not panel.pending)      # redrawn at the next frame
    t = window.session.timeline()
    for c, curve in enumerate(panel.chart.curves):
        _, y = curve.getData()
        np.testing.assert_allclose(y, t.scores[:, c], atol=1e-12)
    done = subprocess.run([sys.executable, "main.py", "timeline", "--weight", "standing=70", "--weight",
                           "defence=20", "--weight", "age=10", "--format", "csv"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [r["date"] for r in rows[::3]] == [d.isoformat() for d in t.dates]
    for r, row in enumerate(rows):
        d, c = divmod(r, 3)
        assert float(row["score"]) == pytest.approx(panel.chart.curves[c].getData()[1][d], abs=1e-6)
    qtbot.waitUntil(lambda: panel.sentence.text() == t.leader_sentence())   # once the weights rest


def test_several_changes_within_one_frame_redraw_the_season_tab_once(window, qtbot):
    panel = _season(window)
    qtbot.waitUntil(lambda: not panel.pending)
    drawn: list[object] = []
    original = panel.chart.show_timeline
    panel.chart.show_timeline = lambda t, ranks=None: drawn.append(t) or original(t, ranks)
    slider = window.weights.rows[0].slider
    for v in range(10, 60, 5):
        slider.setValue(v)                        # ten changes before control returns to the loop
    assert drawn == [] and panel.pending
    qtbot.waitUntil(lambda: bool(drawn))
    assert len(drawn) == 1 and not panel.pending
    np.testing.assert_allclose(panel.chart.curves[0].getData()[1], window.session.timeline().scores[:, 0])


def test_rank_view_and_as_of_line(window):
    panel = _season(window)
    from ui.panels.season_chart import day_seconds
    assert panel.chart.as_of_line.value() == pytest.approx(day_seconds(date(2025, 11, 28)))
    panel.by_rank.setChecked(True)
    t = window.session.timeline()
    for c, curve in enumerate(panel.chart.curves):
        assert curve.getData()[1].tolist() == t.ranks[:, c].astype(float).tolist()


def test_click_on_the_chart_sets_the_nearest_matchday_in_one_undo_step(window, qtbot):
    from ui.panels.season_chart import day_seconds
    panel = _season(window)
    t = window.session.timeline()
    target = t.dates[len(t.dates) // 2]
    vb = panel.chart.plot.vb
    x = day_seconds(target) + 2 * 3600   # a little off the date: the nearest matchday wins
    pos = vb.mapViewToScene(pg.Point(x, 50))
    view_pos = panel.chart.mapFromScene(pos)
    qtbot.mouseClick(panel.chart.viewport(), Qt.MouseButton.LeftButton, pos=view_pos)
    assert window.session.scenario.as_of == target
    assert window.history.stack.count() == 1
    qtbot.waitUntil(lambda: not panel.pending)
    assert panel.chart.as_of_line.value() == pytest.approx(day_seconds(target))
    window.history.stack.undo()
    assert window.session.scenario.as_of == date(2025, 11, 28)


def test_discover_dialog_lists_sorts_filters_and_adds(window, qtbot):
    from ui.discover_dialog import show_discover
    dialog = show_discover(window, window.session)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 56)   # ranked off the GUI thread
    dialog.league.setCurrentText("Deutsche Bundesliga 2025/26")
    assert dialog.proxy.rowCount() == 18
    dialog.league.setCurrentText("All leagues")
    dialog.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)   # by score, worst first
    scores = [dialog.proxy.index(r, 3).data(Qt.ItemDataRole.UserRole) for r in range(56)]
    assert scores == sorted(scores)
    d = dialog.model.d
    row = next(r for r, i in enumerate(dialog.model.order) if d.result.scenario.clubs[i].name == "SSC Napoli")
    assert dialog.add_row(row)
    assert [c.name for c in window.session.scenario.clubs][-1] == "SSC Napoli"
    assert window.history.stack.count() == 1
    qtbot.waitUntil(lambda: not dialog.ranking)
    assert "SSC Napoli" in dialog.model.d.candidate_positions()
    window.history.stack.undo()
    assert len(window.session.scenario.clubs) == 3


def test_discover_without_a_case_says_why(qtbot, session, monkeypatch):
    from ui import dialogs
    from ui.discover_dialog import show_discover
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    assert show_discover(None, session) is None
    assert len(errors) == 1 and "case file" in errors[0]


def test_report_season_chart_and_sentence_are_the_timeline(qapp):
    from evaluator.report import build_report
    from evaluator.report_season import season_section
    from ui.export_pdf import ReportCharts
    from ui.report_html import report_html
    s = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    t = s.timeline()
    charts = ReportCharts(s.result, 700, 900, None, t)
    try:
        from ui.panels.season_chart import SeasonPlot
        (plot,) = [w for w in charts.widgets if isinstance(w, SeasonPlot)]   # before the value functions
        for c, curve in enumerate(plot.curves):
            np.testing.assert_allclose(curve.getData()[1], t.scores[:, c], atol=1e-12)
    finally:
        charts.close()
    from datetime import datetime, timezone
    report = build_report(s.result, datetime(2026, 1, 2, tzinfo=timezone.utc), season_section(t))
    html = report_html(report)
    assert report.robustness is not None and report.robustness.acceptability   # its chart is [[chart2]]
    season = html.index("Over the season")
    assert html.index("[[chart3]]", season) < html.index("</p>", html.index("[[chart3]]"))   # the fourth chart
    assert "[[chart3]]" not in html[:season]
    assert report.season is not None and report.season.sentence == t.leader_sentence()
    assert report.season.sentence.startswith("AS Roma led the ranking on")


def test_season_tab_without_a_case_says_why(qtbot, session):
    w = MainWindow(session)   # fixed figures: no files to recompute a season from
    qtbot.addWidget(w)
    w.show()
    panel = _season(w)
    assert panel.sentence.text().startswith("No season to show") and "case file" in panel.sentence.text()
    assert not panel.chart.isVisible()


def test_discover_opens_at_once_and_ranks_in_the_background(window, qtbot):
    from ui.discover_dialog import show_discover
    dialog = show_discover(window, window.session)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.ranking                # open before the list is built
    assert dialog.about.text() == "Ranking 56 clubs…" and dialog.proxy.rowCount() == 0
    assert not dialog.add.isEnabled()
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 56)
    assert dialog.add.isEnabled() and "56 clubs of 3 leagues" in dialog.about.text()
    want = window.session.discover()                              # kept: the same numbers
    np.testing.assert_array_equal(dialog.model.d.result.scores, want.result.scores)


def test_discover_drops_an_answer_for_a_date_that_moved_on(window, qtbot):
    from ui.discover_dialog import show_discover
    dialog = show_discover(window, window.session)
    assert dialog is not None
    qtbot.addWidget(dialog)
    window.session.set_as_of(date(2026, 2, 1))                    # while the first list is being built
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 56 and not dialog.ranking)
    assert dialog.model.d.result.scenario.as_of == date(2026, 2, 1)
    assert "on 2026-02-01" in dialog.about.text()


def test_closing_discover_while_it_ranks_cancels_it(window, qtbot):
    from ui.discover_dialog import show_discover
    dialog = show_discover(window, window.session)
    assert dialog is not None and dialog.ranking
    filled: list[object] = []
    dialog._fill = filled.append                                   # type: ignore[method-assign]
    dialog.close()                                                 # cancels; whatever comes is dropped
    assert not dialog.ranking
    qtbot.wait(100)
    assert filled == []
