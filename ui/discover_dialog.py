"""Who else fits? Every club of the candidates' leagues scored with the current criteria and
weights on the as-of date: sortable, filterable by league, and any club can join the candidates
(``Session.add_club``: one undo step). Not modal, so the window stays usable beside it.

The dialog opens at once saying "Ranking N clubs…"; the league tables and figures of every club
(0.4-0.9 s at 10,000 clubs) are built on a worker thread (``ui.background.JobRunner``, newest
wins). An answer for inputs that moved on meanwhile (another date, an added club) is dropped
and the work starts again for the new ones; closing the dialog cancels it."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QCloseEvent
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from evaluator.errors import InputError
from evaluator.formatting import MISSING, format_figure, format_score
from evaluator.session import Session
from ui import dialogs
from ui.background import JobRunner

if TYPE_CHECKING:
    from evaluator.session.timeline import Discovery, Field

ModelIndex = QModelIndex | QPersistentModelIndex
SORT = Qt.ItemDataRole.UserRole
FIXED = ("Place", "Club", "League", "Fit score")


class DiscoverModel(QAbstractTableModel):
    """One row per club in list order (best first); sorting and filtering are the proxy's."""

    def __init__(self, discovery: Discovery | None = None) -> None:
        super().__init__()
        self.d: Discovery | None = None
        self.order: list[int] = []
        self.criteria: tuple[Any, ...] = ()
        self.cells: list[list[tuple[str, Any]]] = []
        if discovery is not None:
            self.set_discovery(discovery)

    def set_discovery(self, d: Discovery) -> None:
        self.beginResetModel()
        self.d = d
        r = d.result
        s = r.scenario
        cols = {c.id: c for c in s.columns}
        self.order = r.order.tolist()
        self.criteria = s.criteria
        self.place = {i: n for n, i in enumerate(self.order, start=1)}
        self.cells = []
        for i in self.order:
            club = s.clubs[i]
            score = float(r.scores[i]) if r.ranks[i] else None
            row: list[tuple[str, Any]] = [
                (str(self.place[i]), self.place[i]),
                (club.name + ("  (candidate)" if d.candidate[i] else ""), club.name),
                (club.league, club.league),
                (format_score(score) + (" *" if r.incomplete[i] else "") if score is not None else MISSING,
                 score if score is not None else -1.0)]
            for c in s.criteria:
                fig = club.figure(c.column)
                row.append((format_figure(fig, cols[c.column]), fig.value if fig.value is not None else float("inf")))
            self.cells.append(row)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(FIXED) + len(self.criteria)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        text, key = self.cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == SORT:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, *range(3, self.columnCount())):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.d is not None and self.d.candidate[self.order[index.row()]]:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return FIXED[section] if section < len(FIXED) else self.criteria[section - len(FIXED)].label

    def club_at(self, row: int) -> int:
        return self.order[row]


class DiscoverDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Rank every club of the loaded leagues")
        self.resize(1060, 620)
        self.model = DiscoverModel()
        self.jobs = JobRunner("thread", self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT)
        self.proxy.setFilterKeyColumn(2)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.league = QComboBox()
        self.league.currentTextChanged.connect(self._on_league)
        self.add = QPushButton("&Add to candidates")
        self.add.clicked.connect(self._on_add)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("League:"))
        bar.addWidget(self.league, 1)
        bar.addStretch(1)
        bar.addWidget(self.add)
        bar.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.about)
        box.addWidget(self.table, 1)
        box.addLayout(bar)
        self._sized = False
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    @property
    def ranking(self) -> bool:
        """The list is being built off the GUI thread."""
        return self.jobs.busy

    def start(self) -> None:
        """Rank every club for the session as it is now: at once if its field is kept, else on
        the worker (raises InputError at once when there is nothing to rank from)."""
        work = self.session.discover_work()
        if work is None:
            self._fill(self.session.discover())
            return
        key, build = work
        self.add.setEnabled(False)
        self.about.setText(f"Ranking {self._expected_clubs()} clubs…")
        self.jobs.submit(build, on_done=partial(self._on_field, key), on_error=self._on_failed, control=True)

    def _expected_clubs(self) -> str:
        n = self.session.discover_size()
        return "every" if n is None else f"{n:,}"

    def _on_field(self, key: object, field: Field) -> None:
        if self.session.keep_field(key, field):
            self._fill(self.session.discover())   # kept: this only scores it
        else:
            self.start()                          # the case moved on meanwhile: again, for the new one

    def _on_failed(self, message: str) -> None:
        self.about.setText(f"Cannot rank every club: {message}")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.jobs.shutdown()   # an answer still to come is dropped
        super().closeEvent(event)

    def _fill(self, d: Discovery) -> None:
        self.model.set_discovery(d)
        self.add.setEnabled(True)
        if not self._sized:   # once: sizing to contents on every change asks every cell
            self._sized = True
            self.table.resizeColumnsToContents()
        s = d.result.scenario
        leagues = list(dict.fromkeys(c.league for c in s.clubs))
        current = self.league.currentText()
        self.league.blockSignals(True)
        self.league.clear()
        self.league.addItems(["All leagues", *leagues])
        self.league.setCurrentText(current if current in leagues else "All leagues")
        self.league.blockSignals(False)
        self._on_league(self.league.currentText())
        places = ", ".join(f"{n} {p}" for n, p in d.candidate_positions().items())
        missing = int(d.result.incomplete.sum())
        self.about.setText(
            f"{len(s.clubs)} clubs of {len(leagues)} leagues on {s.as_of}, scored with the current criteria and "
            f"weights (places of the candidates: {places}). "
            + (f"{missing} clubs have no figure for a weighted criterion (* — no squad list, so no ages): they are "
               "scored on the criteria they have, their weights scaled up." if missing else ""))

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.mapToSource(rows[0]).row() if rows else None

    def add_row(self, row: int) -> bool:
        """Add the club in the model's ``row`` to the candidates; the list is scored again."""
        i = self.model.club_at(row)
        d = self.model.d
        if d is None or d.candidate[i]:
            return False
        try:
            self.session.add_club(d.result.scenario.clubs[i].name, d.paths[i])
            self.start()   # the list with the new candidate, built again off the GUI thread
        except InputError as e:
            dialogs.show_error(self, "Cannot add the club", str(e))
            return False
        return True

    def _on_add(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.add_row(row)

    def _on_league(self, text: str) -> None:
        self.proxy.setFilterFixedString("" if text == "All leagues" else text)


def show_discover(parent: QWidget | None, session: Session) -> DiscoverDialog | None:
    dialog = DiscoverDialog(session, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    try:
        dialog.start()
    except InputError as e:
        dialog.close()
        dialog.deleteLater()
        dialogs.show_error(parent, "Cannot rank every club", str(e))
        return None
    dialog.show()
    return dialog
