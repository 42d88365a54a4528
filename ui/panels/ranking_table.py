"""The ranking as a table: a thin QAbstractTableModel over the session's Result."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QModelRoleData, QModelRoleDataSpan,
                            QPersistentModelIndex, Qt)
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from evaluator.session import Change
from evaluator.decision.scoring import Result, rounded_contributions
from evaluator.formatting import format_contribution, format_score_range, ranking_note
from ui.text import tip

Index = QModelIndex | QPersistentModelIndex
_FIXED = ("Rank", "Club", "League", "Fit score")
SIZE_FROM_ROWS = 60
FEW_NEW_ROWS = 5    # more clubs new at once (another case, same criteria): the columns are sized afresh
_DISPLAY, _ALIGN, _TOOLTIP = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                                                Qt.ItemDataRole.ToolTipRole))
_ROLES = frozenset({_DISPLAY, _ALIGN, _TOOLTIP})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RoundedRows:
    """``rounded_contributions(result)[i, j]`` for the rows on screen only: rows are rounded a
    block of ranks at a time, when a cell of the block is first read (10,000 rows per slider
    move cost 9 ms; one row at a time, a NumPy call per row)."""

    BLOCK = 64

    def __init__(self, result: Result) -> None:
        self._result = result
        self._rows: dict[int, np.ndarray] = {}

    def load(self, row: int) -> None:
        """Round the block of ranks holding table row ``row`` (rows are in rank order)."""
        start = row - row % self.BLOCK
        clubs = self._result.order[start:start + self.BLOCK]
        if int(clubs[0]) not in self._rows:
            self._rows.update(zip(clubs.tolist(), rounded_contributions(self._result, rows=clubs)))

    def __getitem__(self, at: tuple[int, int]) -> float:
        i, j = at
        return float(self._rows[i][j])


class RankingModel(QAbstractTableModel):
    """Rows in rank order; one column per criterion's contribution in points."""

    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._result = result
        self._rounded = RoundedRows(result)
        self._texts: dict[int, list[str]] = {}     # row -> its cells' texts, for this result
        self._before: dict[int, list[str]] = {}    # the same for the last result: what the views show until told
        self._slots: dict[int, tuple[int, int] | None] = {}   # multiData: span length -> (display, alignment) slots
        self.new_rows: list[int] = []     # after a new shape: the rows of clubs the last result did not have
        self._count()

    def set_result(self, result: Result, changes: Change = Change.ALL) -> None:
        same_shape = not changes & Change.SHAPE
        if not same_shape:
            self.beginResetModel()
        old, self._result, self._rounded = self._result, result, RoundedRows(result)
        self._before, self._texts = (self._texts if same_shape else {}), {}
        self._count()     # inside the reset, for a new shape
        if same_shape:
            # Rank, club and league only change with the order or the ranks: repaint the rest.
            same_places = np.array_equal(old.order, result.order) and np.array_equal(old.ranks, result.ranks)
            first = _FIXED.index("Fit score") if same_places else 0
            self.dataChanged.emit(self.index(0, first), self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            had = {club.id for club in old.scenario.clubs}
            new = [i for i, club in enumerate(result.scenario.clubs) if club.id not in had]
            self.new_rows = np.flatnonzero(np.isin(result.order, new)).tolist()
            self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return tuple(self.headerData(col, Qt.Orientation.Horizontal) for col in range(self.columnCount()))

    @property
    def result(self) -> Result:
        return self._result

    # A view asks for the counts about 200 times a repaint: kept as numbers, set with the result.
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._cols

    def _count(self) -> None:
        self._rows = len(self._result.scenario.clubs)
        self._cols = len(_FIXED) + len(self._result.scenario.criteria) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        criteria = self._result.scenario.criteria
        if role == Qt.ItemDataRole.ToolTipRole and len(_FIXED) <= section < len(_FIXED) + len(criteria):
            return tip(f"Points this criterion adds to the fit score ({criteria[section - len(_FIXED)].label})")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(_FIXED):
            return _FIXED[section]
        if section < len(_FIXED) + len(criteria):
            return criteria[section - len(_FIXED)].label
        return "Notes"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks for about eight roles per cell on every repaint (168 calls per slider tick
        # at 3 clubs): answer from a row of texts made once per result, the unused roles first.
        if role not in _ROLES:
            return None
        row, col = index.row(), index.column()
        if row < 0:
            return None
        if role == _DISPLAY:
            return self._row(row)[col]
        if role == _ALIGN:
            return _RIGHT if (col == 0 or len(_FIXED) - 1 <= col < self.columnCount() - 1) else None
        if col == self.columnCount() - 1:
            return tip(self._row(row)[col]) or None
        return None

    def changed_columns(self, row: int, first: int, last: int) -> tuple[int, int] | None:
        """The first and last of the columns ``first..last`` whose text on ``row`` differs from
        the last result's (all of them if that row was not read then), or None."""
        before, after = self._before.get(row), self._row(row)
        if before is None:
            return first, last
        changed = [col for col in range(first, last + 1) if before[col] != after[col]]
        return (changed[0], changed[-1]) if changed else None

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:   # noqa: N803
        """All the roles a delegate asks for a cell in one call from C++, not one ``data()`` call
        each: Qt 6's item delegate asks for seven per cell as it paints, and the calls into
        Python were half a repaint's time. Only the display and alignment roles have answers
        here; the slots they sit at are found once per span length, checked every time. The
        delegate re-uses its span from cell to cell: a slot left unset keeps the last cell's
        answer, so the alignment is cleared where it is not set, and the roles never answered
        stay empty as this model leaves them (a view's delegate paints this model only)."""
        if isinstance(roleDataSpan, QModelRoleData):
            roleDataSpan.setData(self.data(index, roleDataSpan.role()))
            return
        span: Any = roleDataSpan     # indexable and iterable; the type stubs do not say so
        slots = self._slots.get(span.size())
        if slots is None:
            roles = [slot.role() for slot in span]
            slots = self._slots[len(roles)] = ((roles.index(_DISPLAY), roles.index(_ALIGN))
                                               if _DISPLAY in roles and _ALIGN in roles and _TOOLTIP not in roles
                                               else None)
        if slots:
            display, align = span[slots[0]], span[slots[1]]
            row, col = index.row(), index.column()
            if row >= 0 and display.role() == _DISPLAY and align.role() == _ALIGN:
                display.setData(self._row(row)[col])
                if col == 0 or len(_FIXED) - 1 <= col < self._cols - 1:
                    align.setData(_RIGHT)
                else:
                    align.clearData()
                return
        for slot in span:
            slot.setData(self.data(index, slot.role()))

    def _row(self, row: int) -> list[str]:
        texts = self._texts.get(row)
        if texts is None:
            texts = self._texts[row] = self._make_row(row)
        return texts

    def _make_row(self, row: int) -> list[str]:
        r = self._result
        i = int(r.order[row])
        club = r.scenario.clubs[i]
        self._rounded.load(row)
        return [str(int(r.ranks[i])) if r.ranks[i] else "—", club.name, club.league, format_score_range(r, i),
                *(format_contribution(r, self._rounded, i, j) for j in range(len(r.scenario.criteria))),
                self._note(i)]

    def _note(self, i: int) -> str:
        return ranking_note(self._result, i) if self._result.ranked or self._result.ranks[i] else ""


class RankingTable(QTableView):
    def __init__(self, result: Result, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = RankingModel(result, self)
        self.setModel(self.model_)
        self.setTabKeyNavigation(False)   # Tab leaves the table; arrow keys move between cells
        self.setAccessibleName("Ranking table")
        self.setAccessibleDescription("Clubs best first: rank, fit score and the points each criterion "
                                      "contributes. Enter opens a club's detail; Delete removes it.")
        self.verticalHeader().hide()
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        # Sized to contents once per new shape, not on every tick: ResizeToContents would ask
        # every cell for its size hint on each slider move.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        # Column widths from the first rows (and those on screen), not from every club: at 1,000
        # clubs sizing read 64,000 cells (2.6 s under a profiler) when the window opened.
        self.horizontalHeader().setResizeContentsPrecision(SIZE_FROM_ROWS)
        self._sized_for: tuple[str, ...] = ()
        self.model_.modelReset.connect(self._fit_columns)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns sized to their contents when they change (a case opened, a criterion added or
        renamed); a club added only widens them as far as its own row needs, and a club removed
        leaves them be: sizing read SIZE_FROM_ROWS rows of every column, 17-31 ms at 50 clubs,
        on every Add club."""
        headers, new_rows = self.model_.headers(), self.model_.new_rows
        if headers != self._sized_for or len(new_rows) > FEW_NEW_ROWS:
            self._sized_for = headers
            self.resizeColumnsToContents()
            return
        grid = 1 if self.showGrid() else 0      # as QTableView's own sizing counts it
        stretched = self.model_.columnCount() - 1 if self.horizontalHeader().stretchLastSection() else -1
        for row in new_rows:
            for col in range(self.model_.columnCount()):
                width = self.sizeHintForIndex(self.model_.index(row, col)).width() + grid
                if col != stretched and width > self.columnWidth(col):
                    self.setColumnWidth(col, width)

    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self.model_.set_result(result, changes)

    def dataChanged(self, top_left: Index, bottom_right: Index, roles: Sequence[int] = ()) -> None:
        """Repaint only the cells on screen whose text changed. A slider move changes every
        row, and Qt repaints the whole viewport for a range that big (4-5 ms at 1,000 clubs);
        the rank column and, unless the order changed, the names stay as they are. A screen
        reader listening is told the whole range, as Qt does."""
        if QAccessible.isActive() or not self.isVisible():
            super().dataChanged(top_left, bottom_right, list(roles))
            return
        last_on_screen = self.rowAt(self.viewport().height() - 1)
        first = max(top_left.row(), self.rowAt(0))
        last = min(bottom_right.row(), last_on_screen if last_on_screen >= 0 else self.model_.rowCount() - 1)
        for row in range(first, last + 1):
            cols = self.model_.changed_columns(row, top_left.column(), bottom_right.column())
            if cols is not None:
                model = self.model_
                self.viewport().update(self.visualRect(model.index(row, cols[0]))
                                       | self.visualRect(model.index(row, cols[1])))

    def selected_club_id(self) -> str | None:
        """The club on the current row (rows are in rank order), or None."""
        row = self.currentIndex().row()
        result = self.model_.result
        return result.scenario.clubs[int(result.order[row])].id if 0 <= row < len(result.order) else None
