"""A club's detail: its figures with sources, and the league table around it on the as-of date."""
from __future__ import annotations

from typing import Protocol, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from evaluator.model import Club, Scenario
from evaluator.formatting import figure_provenance, format_figure
from ui.text import esc, tip

class Row(Protocol):
    """A league-table row as the session gives it (the window never imports the data layer).
    Read-only properties, so a frozen dataclass's fields match them."""
    @property
    def position(self) -> int: ...
    @property
    def team(self) -> str: ...
    @property
    def played(self) -> int: ...
    @property
    def won(self) -> int: ...
    @property
    def drawn(self) -> int: ...
    @property
    def lost(self) -> int: ...
    @property
    def goals_for(self) -> int: ...
    @property
    def goals_against(self) -> int: ...
    @property
    def points(self) -> int: ...
    @property
    def goal_difference(self) -> int: ...


_TABLE_HEADERS = ("Pos", "Club", "P", "W", "D", "L", "GF", "GA", "GD", "Pts")


def _table_cells(row: Row) -> tuple[str, ...]:
    return (str(row.position), row.team, str(row.played), str(row.won), str(row.drawn), str(row.lost),
            str(row.goals_for), str(row.goals_against), f"{row.goal_difference:+d}", str(row.points))


class ClubDetailDialog(QDialog):
    def __init__(self, scenario: Scenario, club: Club, rows: Sequence[Row], team: str, league: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{club.name} — as of {scenario.as_of}")
        box = QVBoxLayout(self)
        head = QLabel(f"<b>{esc(club.name)}</b> · {esc(league)}")
        box.addWidget(head)
        figures = QTableWidget(len(scenario.columns), 3)
        figures.setHorizontalHeaderLabels(["Figure", "Value", "Source and as-of date"])
        for r, col in enumerate(scenario.columns):
            fig = club.figure(col.id)
            for c, text in enumerate((col.label, format_figure(fig, col, with_unit=True),
                                      figure_provenance(fig).replace("\n", " · "))):
                item = QTableWidgetItem(text)
                item.setToolTip(tip(figure_provenance(fig)))
                figures.setItem(r, c, item)
        figures.resizeColumnsToContents()
        figures.verticalHeader().hide()
        box.addWidget(figures)
        if rows:
            box.addWidget(QLabel(f"League table around {team} on {scenario.as_of} "
                                 "(points, goal difference, goals scored; official tie-breakers may differ)"))
            table = QTableWidget(len(rows), len(_TABLE_HEADERS))
            table.setHorizontalHeaderLabels(list(_TABLE_HEADERS))
            for r, row in enumerate(rows):
                for c, text in enumerate(_table_cells(row)):
                    item = QTableWidgetItem(text)
                    if row.team == team:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    table.setItem(r, c, item)
            table.resizeColumnsToContents()
            table.verticalHeader().hide()
            box.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.resize(820, 640)
