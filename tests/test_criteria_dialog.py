"""The criteria editor: every action goes through the session and the main window's undo stack,
the plot shows the session's own numbers, and every control has a name."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QAbstractItemView, QApplication, QComboBox, QWidget

from evaluator.data import club_figures
from evaluator.model import Column, Direction
from ui.criteria_dialog import CriteriaDialog, show_criteria
from ui.main_window import MainWindow
from tests.test_desktop import _tab_chain, _text


@pytest.fixture
def window(live_window):
    return live_window


@pytest.fixture
def dialog(window, qtbot):
    action = next(a for a in window.menuBar().actions()[1].menu().actions() if a.text() == "&Criteria…")
    action.trigger()
    d = window.findChild(CriteriaDialog)
    assert d is not None and d.parent() is window
    qtbot.waitExposed(d)
    yield d
    d.close()


def labels(window) -> list[str]:
    return [c.label for c in window.session.scenario.criteria]


def test_opening_twice_raises_the_same_editor(window, dialog):
    assert show_criteria(window, window.session, window.signals) is dialog


def test_add_from_the_catalogue_and_undo_from_the_edit_menu(window, dialog):
    ids = [dialog.catalogue.itemData(i) for i in range(dialog.catalogue.count())]
    assert ids == [c.id for c in club_figures.COLUMNS]
    dialog.catalogue.setCurrentIndex(ids.index("form"))
    assert "last 5" in dialog.about_column.text()
    dialog.add.click()
    assert labels(window)[-1] == "Form (last 5)" and dialog.list.count() == 4
    assert dialog.list.currentItem().text() == "Form (last 5)"       # the new one is selected
    assert len(window.weights.rows) == 4                             # the main window follows
    assert window.undo_action.text() == "&Undo add criterion Form (last 5)"
    window.undo_action.trigger()
    assert labels(window) == ["League standing", "Defensive record", "Squad age (defenders)"]
    assert dialog.list.count() == 3
    window.redo_action.trigger()
    assert dialog.list.count() == 4


def test_rename_in_place_and_a_refused_name_restores_the_list(window, dialog):
    dialog.list.item(2).setText("Back-line age")
    assert labels(window)[2] == "Back-line age" and dialog.message.text() == ""
    dialog.list.item(2).setText("   ")
    assert "criterion name: is empty" in dialog.message.text()
    assert labels(window)[2] == "Back-line age" and dialog.list.item(2).text() == "Back-line age"
    window.undo_action.trigger()
    assert labels(window)[2] == "Squad age (defenders)" and dialog.list.item(2).text() == "Squad age (defenders)"


def test_move_and_remove_buttons_keep_the_weights_in_step(window, dialog):
    window.session.set_weight("age", 20)
    dialog.list.setCurrentRow(2)
    dialog.up.click()
    assert labels(window) == ["League standing", "Squad age (defenders)", "Defensive record"]
    assert window.session.state.weights == (50.0, 20.0, 50.0) and dialog.list.currentRow() == 1
    dialog.remove.click()
    assert labels(window) == ["League standing", "Defensive record"]
    dialog.remove.click()
    assert not dialog.remove.isEnabled()                              # one left: it cannot go
    assert labels(window) == ["Defensive record"] or labels(window) == ["League standing"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert labels(window) == ["League standing", "Defensive record", "Squad age (defenders)"]


def test_target_and_tolerance_from_the_spin_boxes(window, dialog):
    dialog.list.setCurrentRow(2)
    dialog.direction.setCurrentIndex(2)
    dialog.direction.activated.emit(2)
    crit = window.session.scenario.criterion("age")
    assert crit.direction is Direction.TARGET and dialog.target.isEnabled() and dialog.tolerance.isEnabled()
    assert crit.target == 27.0 and crit.tolerance == 5.0        # the middle of 22..32, and out to its ends
    dialog.target.setValue(26.5)
    dialog.tolerance.setValue(2.0)
    crit = window.session.scenario.criterion("age")
    assert (crit.target, crit.tolerance) == (26.5, 2.0)
    assert "the value depends on the tolerance" in dialog.in_force.text()
    window.undo_action.trigger()                                # target, tolerance and direction: one criterion's step
    assert window.session.scenario.criterion("age").direction is Direction.LOWER


def test_scale_kinds_and_a_refused_fixed_range(window, dialog):
    dialog.list.setCurrentRow(1)                                # defence: reference
    assert "all 56 clubs of 3 leagues" in dialog.in_force.text()
    dialog.scale.setCurrentIndex(1)
    dialog.scale.activated.emit(1)
    sc = window.session.scenario.criterion("defence").scale
    assert sc.mode == "fixed" and dialog.lo.isEnabled()
    dialog.hi.setValue(0.2)                                     # below the minimum
    assert "the minimum" in dialog.message.text() and "must be below the maximum" in dialog.message.text()
    assert window.session.scenario.criterion("defence").scale == sc and dialog.hi.value() == pytest.approx(sc.hi)
    dialog.list.setCurrentRow(2)                                # age has no league-wide range
    assert not dialog.scale.model().item(2).isEnabled()


def test_the_plot_shows_the_sessions_numbers_with_items_made_once(window, dialog):
    plot = dialog.plot.plot
    items = (plot.curve, plot.clubs, plot.target_line)
    for row, edit in ((0, None), (2, lambda: window.session.set_direction("age", "target", 28.0, 3.0)),
                      (1, lambda: window.session.set_scale_kind("defence", "own"))):
        dialog.list.setCurrentRow(row)
        if edit is not None:
            edit()
        crit = window.session.scenario.criteria[row]
        want = window.session.value_function(crit.id)
        xs, ys = plot.curve.getData()
        np.testing.assert_array_equal(xs, want.xs)
        np.testing.assert_array_equal(ys, want.ys)
        points = plot.clubs.data
        np.testing.assert_array_equal(points["x"], window.session.prepared.values[:, row])
        np.testing.assert_array_equal(points["y"], window.session.prepared.utilities[:, row])
        assert (plot.curve, plot.clubs, plot.target_line) == items
    assert plot.target_line.isVisible() is False
    dialog.list.setCurrentRow(2)
    assert plot.target_line.isVisible() and plot.target_line.value() == 28.0


def test_a_column_the_data_layer_learns_appears_in_the_editor(monkeypatch, qtbot):
    from clubfit.paths import bundled_scenario
    from evaluator.session import Session
    extra = Column("goals_total", "Goals scored in total", "goals", 0, 0, None, "League goals scored.")
    monkeypatch.setattr(club_figures, "COLUMNS", (*club_figures.COLUMNS, extra))
    plain = club_figures.row_values
    monkeypatch.setattr(club_figures, "row_values", lambda row, size: {**plain(row, size), "goals_total": row.goals_for})
    w = MainWindow(Session.from_file(bundled_scenario()))
    qtbot.addWidget(w)
    d = show_criteria(w, w.session, w.signals)
    texts = [d.catalogue.itemText(i) for i in range(d.catalogue.count())]
    assert "Goals scored in total (goals)" in texts
    d.catalogue.setCurrentIndex(texts.index("Goals scored in total (goals)"))
    d.add.click()
    assert w.session.scenario.criteria[-1].column == "goals_total"
    d.close()


def test_every_control_has_a_name_and_description_and_tab_visits_them(dialog):
    interactive = (QAbstractSpinBox, QComboBox, QAbstractItemView, QAbstractButton)
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, interactive) and widget.isVisible():
            assert _text(widget, QAccessible.Text.Name), widget
            assert _text(widget, QAccessible.Text.Description), widget
    dialog.list.setCurrentRow(1)
    chain = _tab_chain(dialog, dialog.list)
    for widget in (dialog.list, dialog.up, dialog.down, dialog.remove, dialog.catalogue, dialog.add,
                   dialog.direction, dialog.scale):
        assert widget in chain, widget.accessibleName()
    assert QApplication.focusWidget() is not None


def test_the_reports_value_function_plots_are_the_scorers_and_placed_in_the_method_section(qapp):
    from datetime import datetime, timezone

    from clubfit.paths import bundled_scenario
    from evaluator.decision.value_functions import value_function
    from evaluator.report import build_report
    from evaluator.session import Session
    from ui.export_pdf import ReportCharts
    from ui.panels.value_curve_chart import ValueCurvesChart
    from ui.report_html import report_html
    s = Session.from_file(bundled_scenario(), read_only=True)
    s.set_direction("age", "target", 27.0, 2.0)
    charts = ReportCharts(s.result, 700, 900)
    try:
        curves = charts.widgets[-1]
        assert isinstance(curves, ValueCurvesChart) and len(curves.plots) == 3
        for j, plot in enumerate(curves.plots):
            want = value_function(s.prepared, j)
            np.testing.assert_array_equal(plot.curve.getData()[1], want.ys)
            np.testing.assert_array_equal(plot.clubs.data["y"], s.prepared.utilities[:, j])
        assert curves.plots[2].target_line.value() == 27.0
    finally:
        charts.close()
    report = build_report(s.result, datetime(2026, 1, 2, tzinfo=timezone.utc))
    html = report_html(report)
    n = 2 + bool(report.robustness is not None and report.robustness.acceptability)   # no season here
    assert html.index("<h2>Method in plain words") < html.index(f"[[chart{n}]]") < html.index("<h2>Figures and sources")
    assert "1 at 27, falling in a straight line to 0 at 25 and 29 years (the tolerance, ± 2 years)" in html
