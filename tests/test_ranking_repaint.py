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
            assert bool(option.displayAlignment & Qt.AlignmentFlag.AlignRight) == right, (row, col, option.displayAlignment)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole):
                one = QModelRoleData(role)
                model.multiData(index, one)
                assert one.data() == index.data(role)
