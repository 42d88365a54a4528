"""How sure's "What would swap the top two": one row per weight or figure change that could put
the runner-up first, cells updated in place (a paragraph of ~1,600 characters of wrapped text,
re-laid out on every tick, cost 4 ms a tick)."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QWidget

from evaluator.decision.robustness import Robustness
from evaluator.report_robustness import FlipRow, flip_rows
from ui.panels.steady_text import set_text_keeping_height
from ui.text import esc, tip

FLIP_HEADERS = ["Criterion", "What changes", "Change needed", "Outcome", "In words"]
ROWS_WITHOUT_SCROLLING = 10
OUTCOME_COLUMN = 3
OUTCOMES = ("can swap", "cannot swap", "level already")   # report_robustness._outcome


class FlipTable(QTableWidget):
    rows_changed = Signal()
    """After each update of the cells (whose own itemChanged signals are held back meanwhile)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(FLIP_HEADERS), parent)
        self.setHorizontalHeaderLabels(FLIP_HEADERS)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setToolTip("What would swap the top two: the smallest change of one weight share "
                        "(the others in proportion) or of one figure in its own unit.")
        self.horizontalHeader().setStretchLastSection(True)   # columns sized once per shape, not per tick
        self.setTabKeyNavigation(False)   # Tab leaves the table instead of cycling its cells
        self.setAccessibleName("What would swap the top two")
        self.setAccessibleDescription("One row per change that could put the runner-up first; "
                                      "the full sentence of the current row is under the table.")
        self.title = QLabel()
        self._shown: list[tuple[str, ...]] = []   # the cells' texts as last filled, row by row

    def show_robustness(self, rb: Robustness) -> None:
        s = rb.result.scenario
        title = (f"<b>What would swap the top two</b> ({esc(s.clubs[rb.top_two[0]].name)} and "
                 f"{esc(s.clubs[rb.top_two[1]].name)})" if rb.top_two else "<b>What would swap the top two</b>: "
                 "there is no runner-up to swap with")
        set_text_keeping_height(self.title, title)
        rows = flip_rows(rb)
        new_shape = self.rowCount() != len(rows)
        if new_shape:
            self.setRowCount(len(rows))
        with QSignalBlocker(self):   # one ``rows_changed`` below, not an itemChanged per cell (~40 a move)
            self._fill(rows)
        self.rows_changed.emit()
        if new_shape:   # asking every cell for its size on every tick cost more than the rest
            for c in range(len(FLIP_HEADERS) - 1):
                self.resizeColumnToContents(c)
            # The outcome may later read longer than when the columns were sized ("cannot …" was cut).
            widest = max(self.fontMetrics().horizontalAdvance(t) for t in OUTCOMES) + 16
            self.setColumnWidth(OUTCOME_COLUMN, max(self.columnWidth(OUTCOME_COLUMN), widest))
            shown = min(len(rows), ROWS_WITHOUT_SCROLLING)
            self.setMinimumHeight(self.horizontalHeader().height() + 4
                                  + shown * self.verticalHeader().defaultSectionSize())

    def _fill(self, rows: tuple[FlipRow, ...]) -> None:
        shown, self._shown = self._shown, [(row.criterion, row.change, row.needed, row.outcome, row.sentence)
                                           for row in rows]
        for r, (row, cells) in enumerate(zip(rows, self._shown)):
            old = shown[r] if r < len(shown) else None
            if old == cells:
                continue                 # asking each item for its text cost more than the rest
            words = tip(row.sentence) if old is None or old[-1] != row.sentence else None
            for c, text in enumerate(cells):
                item = self.item(r, c)
                if item is None:
                    item = QTableWidgetItem(text)
                    self.setItem(r, c, item)
                    item.setToolTip(tip(row.sentence))
                elif item.text() != text:
                    item.setText(text)
                if words is not None:    # every cell's tooltip is the row's sentence (each had kept
                    item.setToolTip(words)   # an old one while its own text stayed the same)
