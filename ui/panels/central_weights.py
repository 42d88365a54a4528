"""SMAA's central weights in the window (the report had them alone): for each club that comes
first in some weightings, the average weight shares among those weightings."""
from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QWidget

from evaluator.decision.scoring import Result
from evaluator.decision.smaa import SMAAResult
from ui.panels.table_cells import set_row


class CentralWeights(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName("Central weights")
        self.setAccessibleDescription("For each club, the average weight shares among the random weightings "
                                      "that put it first; a dash when no weighting does.")
        self.setToolTip("Central weights: the typical weighting under which each club comes first")

    def show_smaa(self, result: Result, mc: SMAAResult) -> None:
        s = result.scenario
        headers = ["Club (weights that put it first)"] + [c.label for c in s.criteria]
        if self.columnCount() != len(headers) or self.rowCount() != len(s.clubs):
            self.setColumnCount(len(headers))
            self.setRowCount(len(s.clubs))
            self.setHorizontalHeaderLabels(headers)
            rows = min(len(s.clubs), 8)
            self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + 4
                                  + rows * self.verticalHeader().defaultSectionSize())
        for r, i in enumerate(result.order):
            central = mc.central_weights[int(i)]
            cells = [s.clubs[int(i)].name] + (["—"] * len(s.criteria) if central is None
                                               else [f"{100 * w:.0f}%" for w in central])
            set_row(self, r, cells)
