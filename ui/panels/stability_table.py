"""How sure's stability intervals: per criterion, the range of its weight share over which first
place, and the whole ranking, stay as they are; cells updated in place, unchanged rows skipped."""
from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QWidget

from evaluator.decision.robustness import Robustness
from evaluator.report_robustness import stability_cells
from ui.panels.table_cells import set_row

STABILITY_HEADERS = ["Criterion", "Share now", "First place holds for share", "Whole ranking holds for share"]


class StabilityTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(STABILITY_HEADERS), parent)
        self.setHorizontalHeaderLabels(STABILITY_HEADERS)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setTabKeyNavigation(False)   # Tab leaves the table instead of cycling its cells
        self.setAccessibleName("Stability intervals")
        self.setAccessibleDescription("For each criterion, the range of its weight share over which "
                                      "first place, and the whole ranking, stay as they are.")
        self._shown: list[tuple[str, ...]] = []   # the cells' texts as drawn, row by row

    def show_robustness(self, rb: Robustness) -> None:
        if self.rowCount() != len(rb.stability):   # every criterion's row in sight, none squeezed out
            self.setRowCount(len(rb.stability))
            self.setMinimumHeight(self.horizontalHeader().sizeHint().height() + 4
                                  + len(rb.stability) * self.verticalHeader().defaultSectionSize())
        s = rb.result.scenario
        shown, self._shown = self._shown, [stability_cells(st, s) for st in rb.stability]
        for r, cells in enumerate(self._shown):
            if r < len(shown) and shown[r] == cells:
                continue                 # the row reads as drawn: no item asked for its text
            set_row(self, r, cells)
