"""Writing a row of texts into a QTableWidget in place (tables updated on every slider move)."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem


def set_row(table: QTableWidget, row: int, cells: Sequence[str]) -> None:
    """Each cell's item made once, its text set only when it differs (a repaint otherwise)."""
    for c, text in enumerate(cells):
        item = table.item(row, c)
        if item is None:
            table.setItem(row, c, QTableWidgetItem(text))
        elif item.text() != text:
            item.setText(text)
