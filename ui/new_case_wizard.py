"""File > New: a new case from scratch in two pages: the player and the as-of date, then the
clubs, picked from league files with their position and points on that date.

Finish makes one call, ``Session.new_case``; a refusal is shown on the page (the field named)
and the wizard stays open, with the current document untouched.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QFormLayout, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QWidget, QWizard,
    QWizardPage,
)

from evaluator import formats
from evaluator.errors import InputError, shown
from evaluator.model import Player, check_player
from evaluator.session import Session
from evaluator.session.new_case import LeagueChoice, NewClub, bundled_leagues, league_choices, remember_league
from ui import background, dialogs, settings
from ui.add_club_dialog import team_item
from ui.panels.case_panel import from_qdate, to_qdate
from ui.themed import set_style

POSITIONS = ("goalkeeper", "centre-back", "full-back", "defensive midfielder", "midfielder",
             "attacking midfielder", "winger", "striker")


def _named(widget: QWidget, name: str, description: str) -> QWidget:
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _problem_label() -> QLabel:
    """Where a refusal is said, in one line naming the field (empty when all is well)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)   # it may quote what the user typed
    set_style(label, "color: $error_text;")
    _named(label, "Problem", "Why the page cannot go on yet")
    return label


def read_born(text: str) -> date | None:
    """The date of birth typed (empty: not given), or an InputError naming the field."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"player.born: date of birth {shown(text)} is not a date (use YYYY-MM-DD)") from None


class SubjectPage(QWizardPage):
    def __init__(self, as_of: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("Who is moving?")
        self.setSubTitle("The player the case is about, and the as-of date: league figures count the "
                         "matches played up to it.")
        form = QFormLayout(self)
        self.name = QLineEdit()
        _named(self.name, "Player's name", "Required: shown in the header and the fit report")
        self.name.setPlaceholderText("required, e.g. Kylian Example")
        form.addRow(_label("Player's na&me:", self.name), self.name)
        self.position = QComboBox()
        self.position.setEditable(True)
        self.position.addItems(["", *POSITIONS])
        _named(self.position, "Position", "Optional: pick one or type your own")
        typed = self.position.lineEdit()   # an editable box's own text field, read out on its own
        if typed is not None:
            _named(typed, "Position", "Optional: pick one or type your own")
        form.addRow(_label("&Position:", self.position), self.position)
        self.born = QLineEdit()
        self.born.setPlaceholderText("optional, YYYY-MM-DD")
        _named(self.born, "Date of birth", "Optional, YYYY-MM-DD: gives the player's age on the as-of date")
        form.addRow(_label("Date of &birth:", self.born), self.born)
        self.as_of = QDateEdit()
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDate(to_qdate(as_of or date.today()))
        _named(self.as_of, "As-of date", "League positions, points and ages are computed for this date")
        form.addRow(_label("&As of:", self.as_of), self.as_of)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)   # Tab moves on; it never types a tab into the notes
        self.notes.setPlaceholderText("optional: contract, wishes, what matters in this move…")
        _named(self.notes, "Notes", "Optional free text about the player, shown in the report")
        form.addRow(_label("N&otes:", self.notes), self.notes)
        self.problem = _problem_label()
        form.addRow(self.problem)

    def day(self) -> date:
        return from_qdate(self.as_of.date())

    def player(self) -> Player:
        """The player as typed, or an InputError naming the field."""
        player = Player(self.name.text().strip(), self.position.currentText().strip(),
                        read_born(self.born.text()), self.notes.toPlainText().strip())
        check_player(player, self.day())
        return player

    def validatePage(self) -> bool:
        try:
            self.player()
        except InputError as e:
            self.problem.setText(str(e))
            return False
        self.problem.clear()
        return True


class ClubsPage(QWizardPage):
    def __init__(self, session: Session, subject: SubjectPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.subject = session, subject
        self.setTitle("Which clubs?")
        self.setSubTitle("Several at once, or a whole league. Position and points are on the as-of date.")
        self.league = QComboBox()
        _named(self.league, "League", "The league file to pick clubs from")
        load = self.load = QPushButton("Loa&d league file…")
        _named(load, "Load league file", "Read another match file to pick clubs from")
        self.teams = QListWidget()
        self.teams.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        _named(self.teams, "Clubs of the league", "Clubs with position and points on the as-of date; "
                                                  "select several with Ctrl or Shift")
        self.add = QPushButton("Add &selected →")
        _named(self.add, "Add selected clubs", "Add the clubs selected on the left to the case")
        self.add_all = QPushButton("Add all clubs of this lea&gue")
        _named(self.add_all, "Add all clubs of this league", "Add every club of the league shown")
        self.chosen = QListWidget()
        self.chosen.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        _named(self.chosen, "Clubs in the case", "The clubs the new case will compare")
        self.remove = QPushButton("&Remove")
        _named(self.remove, "Remove clubs", "Take the selected clubs out of the case")
        note = QLabel("Ages stay missing until a squad list is attached: after Finish, use File → Load squad "
                      "list… for each club (or enter an age by hand). The criteria and weights are those of "
                      "the bundled case; change them after Finish.")
        note.setWordWrap(True)
        self.problem = _problem_label()

        grid = QGridLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.league, 1)
        top.addWidget(load)
        grid.addWidget(_label("&League:", self.league), 0, 0)
        grid.addLayout(top, 0, 1, 1, 2)
        grid.addWidget(_label("Cl&ubs of the league:", self.teams), 1, 0, 1, 2)
        grid.addWidget(_label("Clubs in the &case:", self.chosen), 1, 2)
        grid.addWidget(self.teams, 2, 0, 1, 2)
        grid.addWidget(self.chosen, 2, 2)
        left = QHBoxLayout()
        left.addWidget(self.add)
        left.addWidget(self.add_all)
        left.addStretch(1)
        grid.addLayout(left, 3, 0, 1, 2)
        right = QHBoxLayout()
        right.addWidget(self.remove)
        right.addStretch(1)
        grid.addLayout(right, 3, 2)
        grid.addWidget(note, 4, 0, 1, 3)
        grid.addWidget(self.problem, 5, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(2, 1)

        self._paths: list[Path] = []        # the leagues listed: the bundled ones, then any loaded
        self._leagues: tuple[LeagueChoice, ...] = ()
        self.league.currentIndexChanged.connect(self._on_league)
        self.teams.itemDoubleClicked.connect(self._on_double_click)
        self.add.clicked.connect(self.add_selected)
        self.add_all.clicked.connect(self.add_whole_league)
        self.remove.clicked.connect(self.remove_selected)
        load.clicked.connect(self._on_load)

    def initializePage(self) -> None:
        """Positions and points are on the as-of date of the first page (it may have changed)."""
        if not self._paths:
            try:
                self._paths = list(bundled_leagues())
            except (InputError, OSError) as e:   # a broken install: other files can still be loaded
                self.problem.setText(f"The bundled leagues cannot be read: {e}")
        self.refresh()

    def refresh(self, select: Path | None = None) -> None:
        current = select or (self._leagues[self.league.currentIndex()].path if self.league.currentIndex() >= 0 else None)
        try:
            self._leagues = league_choices(self._paths, self.subject.day(), self.session.cache)
        except InputError as e:
            self.problem.setText(str(e))
            return
        self.league.blockSignals(True)
        self.league.clear()
        for lg in self._leagues:
            self.league.addItem(f"{lg.name} — {lg.path.name}")
        paths = [lg.path for lg in self._leagues]
        self.league.setCurrentIndex(paths.index(current) if current in paths else 0 if paths else -1)
        self.league.blockSignals(False)
        self._on_league(self.league.currentIndex())

    def _on_league(self, index: int) -> None:
        self.teams.clear()
        if index < 0:
            return
        for team in self._leagues[index].teams:
            self.teams.addItem(team_item(team))   # same rows as Add club's

    def _on_double_click(self, _item: QListWidgetItem) -> None:
        self.add_selected()

    def add_selected(self) -> None:
        self._add([self.teams.item(i) for i in range(self.teams.count()) if self.teams.item(i).isSelected()])

    def add_whole_league(self) -> None:
        self._add([self.teams.item(i) for i in range(self.teams.count())])

    def _add(self, items: list[QListWidgetItem]) -> None:
        if self.league.currentIndex() < 0:
            return
        league = self._leagues[self.league.currentIndex()]
        have = {c.name.casefold() for c in self.clubs()}
        for item in items:
            name = str(item.data(Qt.ItemDataRole.UserRole))
            if name.casefold() in have:
                continue                      # picked already: once is enough
            have.add(name.casefold())
            chosen = QListWidgetItem(f"{name} — {league.name}")
            chosen.setData(Qt.ItemDataRole.UserRole, NewClub(name, league.path))
            self.chosen.addItem(chosen)
        self.problem.clear()

    def remove_selected(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))

    def clubs(self) -> list[NewClub]:
        return [self.chosen.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.chosen.count())]

    def leagues(self) -> list[Path]:
        return list(self._paths)

    def _on_load(self) -> None:
        path = dialogs.ask_open_path(self, "Load league file", formats.dialog_filter("league"),
                                     settings.last_folder("open"))
        if path:
            settings.remember_folder("open", path)
            self.load_league(Path(path).resolve())

    def load_league(self, where: Path) -> None:
        """Read a match file (off the GUI thread when big) and list its clubs."""
        session = self.session

        def adopt(season: Any) -> None:
            remember_league(session.cache, where, season)
            if not isValid(self) or not self.isVisible():
                return                        # the wizard was closed while the file was read
            if where not in self._paths:
                self._paths.append(where)
            self.refresh(select=where)

        def failed(message: str) -> None:
            if isValid(self):
                self.problem.setText(message)

        background.read_file(formats.read_league, where, adopt, failed)

    def validatePage(self) -> bool:
        if not self.clubs():
            self.problem.setText("clubs: pick at least one club for the case")
            return False
        try:
            self.session.new_case(self.subject.player(), self.subject.day(), self.clubs(), self.leagues())
        except InputError as e:   # the current document stays open, unchanged
            self.problem.setText(str(e))
            return False
        return True


class NewCaseWizard(QWizard):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New case")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.subject = SubjectPage(session.scenario.as_of, self)
        self.clubs = ClubsPage(session, self.subject, self)
        self.addPage(self.subject)
        self.addPage(self.clubs)
        for which, name in ((QWizard.WizardButton.NextButton, "Next page"), (QWizard.WizardButton.BackButton, "Back"),
                            (QWizard.WizardButton.FinishButton, "Finish: open the new case"),
                            (QWizard.WizardButton.CancelButton, "Cancel")):
            _named(self.button(which), name, "Wizard button")
        self.resize(760, 560)


def ask_new_case(parent: QWidget | None, session: Session) -> bool:
    """Run the wizard; True when it opened a new case in ``session``."""
    wizard = NewCaseWizard(session, parent)
    try:
        return wizard.exec() == QDialog.DialogCode.Accepted
    finally:
        wizard.deleteLater()

