"""The ranking table repaints only the cells whose text a change altered (ui/panels/ranking_table.py),
and what is on screen is always what a full repaint would draw."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtWidgets import QApplication

from benchmarks.common import synthetic_scenario
from evaluator.session import Session
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    w = MainWindow(Session(synthetic_scenario(200)))
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.tabs.setCurrentWidget(w.ranking)
    w.show()
    qtbot.waitExposed(w)
    return w


class _Painted(QObject):
    """The union of the regions painted on a widget."""

    def __init__(self) -> None:
        super().__init__()
        self.rect = QRect()

    def eventFilter(self, obj, event) -> bool:   # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.rect |= event.region().boundingRect()
        return False


def _screen(w: MainWindow):
    """The window as it is on screen (the backing store), not freshly rendered as grab() would."""
    return QApplication.primaryScreen().grabWindow(w.winId()).toImage()


def test_every_move_leaves_on_screen_what_a_full_repaint_draws(window, qtbot):
    w = window
    w.ranking.selectRow(2)
    for step, value in enumerate((5, 60, 95, 30, 31, 31, 80, 0, 100)):
        w.weights.rows[step % 3].slider.setValue(value)
        if step == 4:
            w.ranking.verticalScrollBar().setValue(7)    # rows scrolled into sight are painted in full
        QApplication.processEvents()
        shown = _screen(w)
        w.ranking.viewport().repaint()
        assert _screen(w) == shown, f"stale cells after move {step}"


def test_a_move_repaints_neither_the_rank_column_nor_unchanged_names(window, qtbot):
    w = window
    painted = _Painted()
    w.ranking.viewport().installEventFilter(painted)
    QApplication.processEvents()
    painted.rect = QRect()
    before = [w.ranking.model_.index(r, 1).data() for r in range(8)]
    w.weights.rows[0].slider.setValue(w.weights.rows[0].slider.value() + 1)   # a small step
    QApplication.processEvents()
    after = [w.ranking.model_.index(r, 1).data() for r in range(8)]
    assert not painted.rect.isEmpty()                                     # the scores changed and were painted
    assert painted.rect.left() >= w.ranking.columnViewportPosition(1)     # ranks 1, 2, 3... stay as drawn
    if before == after:                                                   # the order held: names stay too
        assert painted.rect.left() >= w.ranking.columnViewportPosition(3)
    w.ranking.viewport().removeEventFilter(painted)


def test_the_delegate_gets_in_one_call_what_data_answers_role_by_role(qtbot):
    from PySide6.QtCore import QModelRoleData, Qt
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    from ui.panels.ranking_table import RankingTable

    table = RankingTable(Session(synthetic_scenario(5)).result)
    qtbot.addWidget(table)
    model, delegate = table.model_, QStyledItemDelegate(table)
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)        # Qt asks multiData for seven roles at once
            assert option.text == index.data()
            right = index.data(Qt.ItemDataRole.TextAlignmentRole) is not None
            assert bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight) == right, (row, col)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
                one = QModelRoleData(role)
                model.multiData(index, one)
                assert one.data() == index.data(role)


def _with_long_name(n: int):
    from dataclasses import replace
    scenario = synthetic_scenario(n)
    clubs = list(scenario.clubs)
    clubs[-1] = replace(clubs[-1], name="Real Club Deportivo de la Coruña, a very long name indeed",
                        league="A league whose name is longer than any other")
    return Session(replace(scenario, clubs=tuple(clubs))).result


def test_a_club_added_widens_the_columns_its_row_needs_without_sizing_them_all(qtbot):
    from evaluator.session import Change
    from ui.panels.ranking_table import RankingTable

    table = RankingTable(Session(synthetic_scenario(5)).result)
    qtbot.addWidget(table)
    table.resize(1000, 400)
    table.show()
    widths = [table.columnWidth(c) for c in range(3)]
    table.setColumnWidth(0, widths[0] + 40)              # a width the user chose is not undone
    sized = []
    table.horizontalHeader().sectionResized.connect(lambda col, old, new: sized.append(col))
    table.show_result(_with_long_name(6), Change.ALL)    # one club more, the columns as they were
    notes = table.model_.columnCount() - 1                # stretched: it gives the others room
    assert table.model_.new_rows and set(sized) - {notes} == {1, 2}   # only the club and league grew
    assert table.columnWidth(0) == widths[0] + 40
    grown = [table.columnWidth(c) for c in (1, 2)]
    table.resizeColumnsToContents()
    assert [table.columnWidth(c) for c in (1, 2)] == grown    # as wide as sizing every row makes them
    sized.clear()
    table.show_result(Session(synthetic_scenario(5)).result, Change.ALL)   # a club removed: widths stay
    assert not set(sized) - {notes}


def test_new_columns_are_sized_afresh(qtbot):
    from dataclasses import replace

    from evaluator.session import Change
    from ui.panels.ranking_table import RankingTable

    table = RankingTable(Session(synthetic_scenario(5)).result)
    qtbot.addWidget(table)
    before = table.columnWidth(4)
    scenario = synthetic_scenario(5)
    renamed = replace(scenario, criteria=(replace(scenario.criteria[0], label="A criterion with a long label"),
                                          *scenario.criteria[1:]))
    table.show_result(Session(renamed).result, Change.ALL)
    assert table.columnWidth(4) > before
