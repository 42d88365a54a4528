"""Add a club: choose a loaded league (or load another file), then a club from its list."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPushButton, QWidget,
)

from evaluator.data.workspace import CaseWorkspace
from evaluator.data.matches import Season, read_season
from ui import background, dialogs
from ui.case_actions import SEASON_FILTER, SQUAD_FILTER


@dataclass(frozen=True)
class ClubChoice:
    name: str
    matches: Path
    squad: Path | None


class AddClubDialog(QDialog):
    def __init__(self, ws: CaseWorkspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle("Add club")
        form = QFormLayout(self)
        self.league = QComboBox()
        load = QPushButton("Load league file…")
        row = QHBoxLayout()
        row.addWidget(self.league, 1)
        row.addWidget(load)
        form.addRow("&League:", row)
        self.clubs = QListWidget()
        self.clubs.setMinimumHeight(220)
        form.addRow("&Club:", self.clubs)
        self.squad = QLineEdit()
        self.squad.setPlaceholderText("optional: squad list with dates of birth (CSV)")
        pick_squad = QPushButton("Choose…")
        srow = QHBoxLayout()
        srow.addWidget(self.squad, 1)
        srow.addWidget(pick_squad)
        form.addRow("&Squad list:", srow)
        note = QLabel("Without a squad list the club's ages are shown as missing; you can enter them by hand.")
        note.setWordWrap(True)
        form.addRow(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.league.currentIndexChanged.connect(self._on_league)
        load.clicked.connect(self._on_load)
        pick_squad.clicked.connect(self._on_pick_squad)
        self._paths: list[Path] = []
        self._fill_leagues()

    def _fill_leagues(self, select: Path | None = None) -> None:
        self.league.clear()
        self._paths = []
        for season in self.ws.seasons():
            self._paths.append(Path(season.path))
            self.league.addItem(f"{season.name} ({Path(season.path).name})")
        if select is not None and select in self._paths:
            self.league.setCurrentIndex(self._paths.index(select))

    def _on_league(self, index: int) -> None:
        self.clubs.clear()
        if index < 0:
            return
        taken = {c.team or c.name for c in self.ws.case.clubs} | {c.name for c in self.ws.case.clubs}
        season = self.ws.cache.season(self._paths[index])
        self.clubs.addItems([t for t in season.teams if t not in taken])

    def _on_load(self) -> None:
        path = dialogs.ask_open_path(self, "Load league file", SEASON_FILTER)
        if not path:
            return
        where = Path(path).resolve()

        def adopt(season: Season) -> None:
            self.ws.adopt_season(where, season)
            if self.isVisible():          # the dialog may have been closed while the file was read
                self._fill_leagues(select=where)

        background.read_file(read_season, where, adopt,
                             lambda message: dialogs.show_error(self, "Cannot load league file", message))

    def _on_pick_squad(self) -> None:
        path = dialogs.ask_open_path(self, "Squad list", SQUAD_FILTER)
        if path:
            self.squad.setText(path)

    def choice(self) -> ClubChoice | None:
        item = self.clubs.currentItem()
        if item is None or self.league.currentIndex() < 0:
            return None
        squad = Path(self.squad.text().strip()).resolve() if self.squad.text().strip() else None
        return ClubChoice(item.text(), self._paths[self.league.currentIndex()], squad)


def ask_club(parent: QWidget | None, ws: CaseWorkspace) -> ClubChoice | None:
    dialog = AddClubDialog(ws, parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
