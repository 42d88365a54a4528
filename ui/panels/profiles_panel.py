"""The Profiles tab: named weight sets (stakeholders) saved, applied and removed, and the
ranking under each of them side by side with a consensus and first-place shares between them.

A tab rather than a dock: it is a table read next to the ranking, like the other tabs, and the
window's docks-free layout stays as it is. It listens to the session and writes through it
(``ui.profile_actions``); the comparison is recomputed only while the tab is visible (a few ms
for a few clubs, so on the GUI thread; docs/performance.md).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QScrollArea, QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from evaluator.decision.scoring import Result
from evaluator.session import Change, Session
from evaluator.session.profiles import matching
from ui import palette, profile_actions

if TYPE_CHECKING:   # the comparison (SMAA) loads when the tab first shows profiles, not at start-up
    from evaluator.report_profiles import ProfilesSection

EMPTY = ("No weight profiles yet. Set the weights as one stakeholder sees them (the player, the agent, "
         "the family…), then Save current weights as…; repeat for the others to compare them here.")
NOTE = "Amber, bold: the club's rank differs between profiles. Hover the headers for the weights and the method."
LEFT_WIDTH = 210   # px: the list and its buttons
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
        self.list.setAccessibleDescription("Saved weight profiles; ✓ marks the one whose weights are in force")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)   # the whole name is in the tooltip
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.explanation = QLabel()   # short; the whole explanation is its tooltip and the headers'
        self.explanation.setWordWrap(True)
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
        right_box.addWidget(self.table, 1)   # first: in a short window the rows matter most
        right_box.addWidget(self.summary)
        right_box.addWidget(self.explanation)
        # The table and list take what is left (their size hints would make the scroll area
        # scroll at any height); ``_fit`` keeps room for three rows and the wrapped sentences.
        for view in (self.table, self.list):
            view.setSizePolicy(view.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Ignored)
        self.list.setMinimumHeight(60)
        left.setFixedWidth(LEFT_WIDTH)
        # In a scroll area: in a short window the tab scrolls rather than squeezing the table and
        # its sentences over each other.
        inner = self._inner = QWidget()
        box = QHBoxLayout(inner)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(left)
        box.addWidget(right, 1)
        area = self._area = QScrollArea()
        area.setWidget(inner)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(area)
        area.viewport().installEventFilter(self)   # a new width re-wraps the sentences: see _fit
        self._fill_list()

    # --- following the session ----------------------------------------------------------
    def show_result(self, result: Result, changes: Change = Change.ALL) -> None:
        self._fill_list()                    # cheap: marks the profile matching the current weights
        if changes & ~Change.WEIGHTS:        # the comparison never depends on the current weights
            self._stale = True
            if self.isVisible():
                self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        """The tab's least height: three table rows and both sentences wrapped at today's width.
        Below it the tab scrolls (Qt's layouts would otherwise squeeze them over each other)."""
        width = max(self._area.viewport().width() - LEFT_WIDTH - 20, 100)   # the right column
        labels = sum(x.heightForWidth(width) for x in (self.summary, self.explanation) if x.text())
        self._inner.setMinimumHeight(max(self.table.minimumHeight() + labels + 24, 160))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh()

    def refresh(self) -> None:
        """Bring the table up to date now (a hidden tab otherwise waits until it is shown)."""
        self._refresh()

    def _refresh(self) -> None:
        from evaluator.report_profiles import profiles_section
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
            item.setText(f"✓ {name}" if name in now else name)   # ✓: its weights are the ones in force
            font = item.font()
            font.setBold(name in now)
            item.setFont(font)
            weights = self.session.profiles[i].weights_for(self.session.state.scenario.criteria)
            total = sum(weights) or 1.0
            criteria = self.session.state.scenario.criteria
            item.setToolTip("\n".join([name + (" (the current weights)" if name in now else "")]
                                      + [f"{c.label}: {100 * w / total:.1f}%" for c, w in zip(criteria, weights)]))
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
            self.table.setMinimumHeight(0)
            self._fit()
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
        shown = min(len(section.rows), 3)   # the table keeps room for three clubs; more scroll
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + shown * self.table.verticalHeader().defaultSectionSize() + 4)
        self._fit()
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
