"""The raw figures, one row per club, with each figure's source and as-of date as a tooltip.

A missing figure reads "missing"; double-clicking any figure opens a dialog to enter a value
and its source (the session records it as user-entered).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from evaluator.model import Column, FigureStatus
from evaluator.session import Change
from evaluator.decision.scoring import Result
from evaluator.formatting import figure_provenance, format_figure
from ui.panels.ranking_table import SIZE_FROM_ROWS
from ui.palette import WARNING_TEXT, chart
from ui.text import tip

Index = QModelIndex | QPersistentModelIndex
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole})


def ordered_columns(result: Result) -> list[Column]:
    """Criteria columns first, in criterion order, then the context figures."""
    s = result.scenario
    first = [s.column(c.column) for c in s.criteria]
    return first + [c for c in s.columns if c not in first]


class FiguresModel(QAbstractTableModel):
    sized = Signal(object)
    """After a reset: the rows of clubs new to the table when the columns are the same (their
    cells may need wider columns), or None when the columns changed (size them all again)."""

    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result = result
        self._columns = ordered_columns(result)

    def set_result(self, result: Result, changes: Change = Change.ALL) -> None:
        # Figures only change with the scenario; a weight change leaves this model alone.
        if not changes & (Change.SHAPE | Change.FIGURES):
            self._result = result
            return
        before = self._columns, {c.id for c in self._result.scenario.clubs}
        self.beginResetModel()
        self._result, self._columns = result, ordered_columns(result)
        self.endResetModel()
        same_columns = [c.id for c in before[0]] == [c.id for c in self._columns]
        self.sized.emit(None if not same_columns else
                        [r for r, c in enumerate(result.scenario.clubs) if c.id not in before[1]])

    def column_at(self, col: int) -> Column:
        return self._columns[col]

    def club_at(self, row: int) -> str:
        return self._result.scenario.clubs[row].id

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._result.scenario.clubs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self._result.scenario
        if orientation == Qt.Orientation.Vertical:
            return s.clubs[section].name if role == Qt.ItemDataRole.DisplayRole else None
        col = self._columns[section]
        scored = col.id in {c.column for c in s.criteria}
        if role == Qt.ItemDataRole.DisplayRole:
            return col.label + (f"\n({col.unit})" if col.unit else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip((col.description or col.label) + ("\nUsed as a criterion." if scored else ""))
        if role == Qt.ItemDataRole.FontRole and scored:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per cell on every repaint; answer the unused ones first.
        if role not in _ROLES or not index.isValid():
            return None
        club = self._result.scenario.clubs[index.row()]
        col = self._columns[index.column()]
        fig = club.figure(col.id)
        if role == Qt.ItemDataRole.DisplayRole:
            text = format_figure(fig, col) + (" (stale)" if fig.stale else "")
            return text + " ✎" if fig.status is FigureStatus.USER else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(figure_provenance(fig))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (fig.value is None or fig.stale):
            return QBrush(QColor(chart().error_text if fig.value is None else WARNING_TEXT))   # missing, stale
        if role == Qt.ItemDataRole.FontRole and fig.value is None:
            font = QFont()
            font.setItalic(True)
            return font
        return None


class FiguresTable(QTableView):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = FiguresModel(result, self)
        self.setModel(self.model_)
        self.setTabKeyNavigation(False)   # Tab leaves the table; arrow keys move between cells
        self.setAccessibleName("Figures and sources table")
        self.setAccessibleDescription("Every club's figure for every criterion with its source; "
                                      "double-click or Enter on a figure to edit it.")
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        # Sized when the columns change (from the first rows and those on screen, not every
        # club's cells: ranking_table.py), and widened for an added club's cells only. Sizing to
        # contents on every layout read each row's cells (rows one line high each, all of them)
        # at every repaint after an add: ~55 ms at 8 clubs, 120 ms at 53 with the tab on screen.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)   # no wrapping: one line each
        self.setWordWrap(False)
        self.model_.sized.connect(self._fit_columns)
        self._fit_when_shown = False
        self.resizeColumnsToContents()

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self.model_.set_result(result, changes)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._fit_when_shown:
            self._fit_when_shown = False
            self.resizeColumnsToContents()

    def _fit_columns(self, new_rows: list[int] | None) -> None:
        if not self.isVisible():   # a hidden tab does no work per add: sized when shown
            self._fit_when_shown = True
            return
        if new_rows is None:
            self.resizeColumnsToContents()
            return
        header = self.horizontalHeader()
        for col in range(self.model_.columnCount()):
            need = max((self.sizeHintForIndex(self.model_.index(r, col)).width() for r in new_rows), default=0)
            if need > header.sectionSize(col):
                header.resizeSection(col, need)

    def selected_club_id(self) -> str | None:
        """The club on the current row (rows are in scenario order), or None."""
        row = self.currentIndex().row()
        return self.model_.club_at(row) if 0 <= row < self.model_.rowCount() else None
