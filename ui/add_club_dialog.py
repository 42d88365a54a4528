"""Add a club: choose a loaded league (or load another file), then a club from its table."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QWidget,
)
from PySide6.QtCore import Qt

from evaluator import formats
from evaluator.errors import InputError
from evaluator.session import Session
from ui import background, dialogs, settings


@dataclass(frozen=True)
class ClubChoice:
    name: str
    matches: Path
    squad: Path | None


def league_label(league: Any) -> str:
    """"Italian Serie A 2025/26 — openfootball-it.1-2025-26.json"; a file that names no league
    (a CSV, named after its file) once by its file name, not "stem — stem.csv"."""
    return league.path.name if league.name == league.path.stem else f"{league.name} — {league.path.name}"


class AddClubDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Add club")
        form = QFormLayout(self)
        self.league = QComboBox()
        self.league.setAccessibleName("League")
        load = QPushButton("Load league file…")
        row = QHBoxLayout()
        row.addWidget(self.league, 1)
        row.addWidget(load)
        league_label = QLabel("&League:")
        league_label.setBuddy(self.league)
        form.addRow(league_label, row)
        self.clubs = QListWidget()
        self.clubs.setAccessibleName("Clubs of the league, with position and points on the as-of date")
        self.clubs.setMinimumHeight(220)
        club_label = QLabel("&Club:")
        club_label.setBuddy(self.clubs)
        form.addRow(club_label, self.clubs)
        self.squad = QLineEdit()
        self.squad.setAccessibleName("Squad list")
        self.squad.setPlaceholderText("optional: squad list with dates of birth (CSV)")
        pick_squad = QPushButton("Choose…")
        srow = QHBoxLayout()
        srow.addWidget(self.squad, 1)
        srow.addWidget(pick_squad)
        squad_label = QLabel("&Squad list:")
        squad_label.setBuddy(self.squad)
        form.addRow(squad_label, srow)
        note = QLabel("Without a squad list the club's ages are shown as missing; you can enter them by hand.")
        note.setWordWrap(True)
        form.addRow(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.league.currentIndexChanged.connect(self._on_league)
        self.clubs.itemDoubleClicked.connect(self._on_double_click)
        load.clicked.connect(self._on_load)
        pick_squad.clicked.connect(self._on_pick_squad)
        self._leagues: tuple[Any, ...] = ()
        self._fill_leagues()

    def _fill_leagues(self, select: Path | None = None) -> None:
        self._leagues = self.session.leagues()
        self.league.clear()
        for lg in self._leagues:
            self.league.addItem(league_label(lg))
        paths = [lg.path for lg in self._leagues]
        if select is not None and select in paths:
            self.league.setCurrentIndex(paths.index(select))

    def _on_league(self, index: int) -> None:
        self.clubs.clear()
        if index < 0:
            return
        taken = {c.name for c in self.session.scenario.clubs} | {c.team for c in (self.session.case.clubs
                                                                                 if self.session.case else ())}
        for team in self._leagues[index].teams:
            if team.name in taken:
                continue
            self.clubs.addItem(team_item(team))

    def _on_double_click(self, _item: QListWidgetItem) -> None:
        self.accept()

    def _on_load(self) -> None:
        path = dialogs.ask_open_path(self, "Load league file", formats.dialog_filter("league"),
                                     settings.last_folder("open"))
        if not path:
            return
        where = Path(path).resolve()

        def adopt(season: Any) -> None:
            try:
                self.session.load_league(where, season)
            except InputError as e:
                dialogs.show_error(self, "Cannot load league file", str(e))
                return
            if self.isVisible():          # the dialog may have been closed while the file was read
                self._fill_leagues(select=where)

        background.read_file(self.session.league_reader(where), where, adopt,
                             lambda message: dialogs.show_error(self, "Cannot load league file", message))

    def _on_pick_squad(self) -> None:
        path = dialogs.ask_open_path(self, "Squad list", formats.dialog_filter("squad"), settings.last_folder("open"))
        if path:
            self.squad.setText(path)

    def choice(self) -> ClubChoice | None:
        item = self.clubs.currentItem()
        if item is None or self.league.currentIndex() < 0:
            return None
        squad = Path(self.squad.text().strip()).resolve() if self.squad.text().strip() else None
        return ClubChoice(item.data(Qt.ItemDataRole.UserRole), self._leagues[self.league.currentIndex()].path, squad)


def team_item(team: Any) -> QListWidgetItem:
    """A league's team as a list row, "3. SSC Napoli  (25 pts)", carrying the team's name."""
    place = f"{team.position}. " if team.position else ""
    points = f"  ({team.points} pts)" if team.points is not None else ""
    item = QListWidgetItem(f"{place}{team.name}{points}")
    item.setData(Qt.ItemDataRole.UserRole, team.name)
    return item


def ask_club(parent: QWidget | None, session: Session) -> ClubChoice | None:
    dialog = AddClubDialog(session, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
