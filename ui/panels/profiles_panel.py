"""The Profiles tab: named weight sets (stakeholders) saved, applied and removed, and the
ranking under each of them side by side with a consensus and first-place shares between them.

A tab rather than a dock: it is a table read next to the ranking, like the other tabs, and the
window's docks-free layout stays as it is. It listens to the session and writes through it
(``ui.profile_actions``); the comparison is recomputed only while the tab is visible (a few ms
for a few clubs, so on the GUI thread; docs/performance.md).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from evaluator.decision.scoring import Result
from evaluator.report_profiles import ProfilesSection, profiles_section
from evaluator.session import Change, Session
from evaluator.session.profiles import matching
from ui import palette, profile_actions

EMPTY = ("No weight profiles yet. Set the weights as one stakeholder sees them (the player, the agent, "
         "the family…), then Save current weights as…; repeat for the others to compare them here.")
NOTE = "Highlighted: the club's rank differs between profiles. Hover the headers for the weights and the method."
DIFFERS_TIP = "This club's rank is not the same under every profile"


class ProfilesPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.section: ProfilesSection | None = None
        self._stale = True

        self.save_button = QPushButton("&Save current weights as…")
        self.save_button.setToolTip("Keep the current weights under a name, e.g. \u201cAgent: playing time\u201d")
        self.apply_button = QPushButton("&Apply")
        self.apply_button.setToolTip("Set the weights to the selected profile's (one undo step)")
        self.rename_button = QPushButton("Re&name…")
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setToolTip("Remove the selected profile (Undo brings it back)")
        self.save_button.clicked.connect(self._on_save)
        self.apply_button.clicked.connect(self._on_apply)
        self.rename_button.clicked.connect(self._on_rename)
        self.remove_button.clicked.connect(self._on_remove)

        self.list = QListWidget()
        self.list.setAccessibleName("Weight profiles")
        self.list.itemDoubleClicked.connect(self._on_apply)
        self.list.currentRowChanged.connect(self._on_selection)
        self.table = QTableWidget()
        self.table.setAccessibleName("Ranks under each profile")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        # Compact rows: the tab shares the window's height with the charts (three clubs must show).
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(60)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)   # club and profile names come from files
        self.explanation = QLabel()   # one line; the whole explanation is its tooltip and the headers'
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        for b in (self.apply_button, self.rename_button, self.remove_button):
            buttons.addWidget(b)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.save_button)
        left_box.addWidget(self.list, 1)
        left_box.addLayout(buttons)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.summary)
        right_box.addWidget(self.table, 1)
        right_box.addWidget(self.explanation)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([230, 600])
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(split)
        self._fill_list()

    # --- following the session ----------------------------------------------------------
    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._fill_list()                    # cheap: marks the profile matching the current weights
        if changes & ~Change.WEIGHTS:        # the comparison never depends on the current weights
            self._stale = True
            if self.isVisible():
                self._refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def refresh(self) -> None:
        """Bring the table up to date now (a hidden tab otherwise waits until it is shown)."""
        self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        self.section = profiles_section(self.session.prepared, self.session.profiles)
        self._fill_table(self.section)

    def _fill_list(self) -> None:
        names = [p.name for p in self.session.profiles]
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        now = set(matching(self.session.state))
        self.list.blockSignals(True)
        if [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())] != names:
            self.list.clear()
            for name in names:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, name)
                self.list.addItem(item)
        for i, name in enumerate(names):
            item = self.list.item(i)
            item.setText(f"{name}  (current weights)" if name in now else name)
            weights = self.session.profiles[i].weights_for(self.session.state.scenario.criteria)
            total = sum(weights) or 1.0
            item.setToolTip("\n".join(f"{c.label}: {100 * w / total:.1f}%"
                                      for c, w in zip(self.session.state.scenario.criteria, weights)))
        if current in names:
            self.list.setCurrentRow(names.index(current))
        elif names and self.list.currentRow() < 0:
            self.list.setCurrentRow(len(names) - 1)
        self.list.blockSignals(False)
        self._on_selection()

    def _fill_table(self, section: ProfilesSection | None) -> None:
        if section is None:
            self.table.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.summary.setText(EMPTY)
            self.explanation.setText("")
            self.table.setVisible(False)
            return
        self.table.setVisible(True)
        self.summary.setText(" ".join((section.summary, *section.notes)))
        self.explanation.setText(NOTE)
        self.explanation.setToolTip(section.explanation)
        self.table.setColumnCount(len(section.headers))
        self.table.setHorizontalHeaderLabels([_two_lines(h) for h in section.headers])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        tips = ("", *(f"{line.name}: {line.weights}" for line in section.profiles[:-1]),
                f"{section.profiles[-1].weights}. " + section.explanation if section.profiles else "",
                section.explanation)
        for col, tip in enumerate(tips[:len(section.headers)]):
            if (h := self.table.horizontalHeaderItem(col)) is not None:
                h.setToolTip(tip)
        self.table.setRowCount(len(section.rows))
        profile_columns = range(1, len(section.headers) - 2)
        for r, (row, differs) in enumerate(zip(section.rows, section.differs)):
            for col, text in enumerate(row):
                item = self.table.item(r, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(r, col, item)
                item.setText(text)
                if col > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                highlight = differs and col in profile_columns
                item.setData(Qt.ItemDataRole.BackgroundRole, QBrush(QColor(palette.DIFFERS_BG)) if highlight else None)
                item.setData(Qt.ItemDataRole.ForegroundRole, QBrush(QColor(palette.DIFFERS_TEXT)) if highlight else None)
                font = QFont(self.table.font())
                font.setBold(highlight)   # not by colour alone
                item.setFont(font)
                item.setToolTip(DIFFERS_TIP if highlight else "")

    # --- actions: one call each -------------------------------------------------------------
    def selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_selection(self) -> None:
        has = self.selected() is not None
        for b in (self.apply_button, self.rename_button, self.remove_button):
            b.setEnabled(has)

    def _on_save(self) -> None:
        profile_actions.save_current_weights(self, self.session)

    def _on_apply(self) -> None:
        profile_actions.apply(self, self.session, self.selected() or "")

    def _on_rename(self) -> None:
        profile_actions.rename(self, self.session, self.selected() or "")

    def _on_remove(self) -> None:
        profile_actions.remove(self, self.session, self.selected() or "")


def _two_lines(name: str, width: int = 14) -> str:
    """A long header on two lines, broken at the space nearest its middle (columns stay narrow)."""
    if len(name) <= width or " " not in name:
        return name
    spaces = [i for i, ch in enumerate(name) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "\n" + name[cut + 1:]
