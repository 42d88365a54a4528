"""The whole sentence of the flip table's current row, wrapped, under the table.

The table itself does not wrap (re-laying out wrapped rows on every slider tick was slow), so
its "In words" column is cut at the panel's width; this pane always shows the full text of the
row that has focus (the first row until the user picks another)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ui.panels.flip_table import FlipTable
from ui.panels.steady_text import set_text_keeping_height

SENTENCE_COLUMN = 4



class FlipDetails(QLabel):
    def __init__(self, table: FlipTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Selected change in words")
        self.setMinimumHeight(2 * self.fontMetrics().lineSpacing() + 8)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        table.currentCellChanged.connect(self._on_current)
        table.rows_changed.connect(self._show)

    def _row(self) -> int:
        return max(self.table.currentRow(), 0)

    def _on_current(self, row: int, column: int, old_row: int, old_column: int) -> None:
        self._show()

    def _show(self) -> None:
        item = self.table.item(self._row(), SENTENCE_COLUMN)
        criterion = self.table.item(self._row(), 0)
        text = item.text() if item is not None else ""
        head = f"<b>{criterion.text()}:</b> " if criterion is not None and text else ""
        set_text_keeping_height(self, head + text)
