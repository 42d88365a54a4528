"""Changes to the live case: each is one call into the workspace, then a recomputation."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from evaluator.data.workspace import CaseWorkspace
from evaluator.decision.session import Session
from evaluator.errors import InputError
from ui import dialogs


def workspace(session: Session) -> CaseWorkspace:
    if not isinstance(session.source, CaseWorkspace):
        raise InputError("this scenario has no case file, so its figures cannot be recomputed")
    return session.source


def set_as_of(session: Session, day: date) -> None:
    session.set_as_of(day)


def set_include_doubtful(session: Session, include: bool) -> None:
    ws = workspace(session)
    before = ws.case.include_doubtful
    ws.set_include_doubtful(include)
    try:
        session.recompute()
    except InputError:
        ws.set_include_doubtful(before)
        raise


def add_club(session: Session, name: str, matches: Path, squad: Path | None = None) -> None:
    ws = workspace(session)
    ws.add_club(name, matches, squad)
    try:
        session.recompute()
    except InputError:
        ws.remove_club(name)   # leave the case as it was
        raise


def load_season(session: Session, path: Path) -> str:
    return workspace(session).load_season(path).name


def add_club_interactively(parent: QWidget | None, session: Session) -> bool:
    from ui.add_club_dialog import ask_club
    try:
        choice = ask_club(parent, workspace(session))
        if choice is None:
            return False
        add_club(session, choice.name, choice.matches, choice.squad)
    except InputError as e:
        dialogs.show_error(parent, "Cannot add club", str(e))
        return False
    return True


def show_club_detail(parent: QWidget | None, session: Session, club_index: int) -> None:
    from ui.club_detail import ClubDetailDialog
    scenario = session.scenario
    club = scenario.clubs[club_index]
    team, rows = "", []
    if isinstance(session.source, CaseWorkspace) and scenario.as_of is not None:
        try:
            team, rows = session.source.table_around(club.name, scenario.as_of)
        except InputError:
            rows = []   # the figures still show; only the mini table is left out
    ClubDetailDialog(scenario, club, rows, team, club.league, parent).exec()


def show_data_checks(parent: QWidget | None, session: Session) -> None:
    from ui.data_checks_dialog import DataChecksDialog
    DataChecksDialog(session.scenario.data_checks, parent).exec()
