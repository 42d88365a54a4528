"""User actions that touch files or open dialogs: each is one call into the core plus a message."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from evaluator.data.workspace import CaseWorkspace
from evaluator.decision.session import Session
from evaluator.errors import InputError
from evaluator.scenario_file import load_scenario, save_scenario
from ui import dialogs
from ui.figure_dialog import ask_figure

SCENARIO_FILTER = "Club Fit scenario (*.json);;All files (*)"
REPORT_FILTER = "PDF document (*.pdf);;All files (*)"


def open_scenario(parent: QWidget | None, session: Session, path: str = "") -> bool:
    path = path or dialogs.ask_open_path(parent, "Open scenario", SCENARIO_FILTER)
    if not path:
        return False
    try:
        scenario = load_scenario(path)
        session.set_scenario(scenario, source=CaseWorkspace.for_scenario(scenario, Path(path)))
    except InputError as e:   # the previous scenario stays loaded
        dialogs.show_error(parent, "Cannot open scenario", str(e))
        return False
    return True


def save_scenario_as(parent: QWidget | None, session: Session, path: str = "") -> bool:
    suggested = f"{session.scenario.subject or 'scenario'}.json".replace("/", "-")
    path = path or dialogs.ask_save_path(parent, "Save scenario as", suggested, SCENARIO_FILTER)
    if not path:
        return False
    try:
        save_scenario(session.scenario, Path(path))
    except InputError as e:
        dialogs.show_error(parent, "Cannot save scenario", str(e))
        return False
    return True


def edit_figure(parent: QWidget | None, session: Session, row: int, column_id: str) -> bool:
    scenario = session.scenario
    club = scenario.clubs[row]
    column = scenario.column(column_id)
    entry = ask_figure(parent, club.name, column, club.figure(column_id), scenario.as_of)
    if entry is None:
        return False
    try:
        session.set_figure(club.id, column_id, entry.value, entry.source, entry.as_of)
    except InputError as e:
        dialogs.show_error(parent, "Cannot use this figure", str(e))
        return False
    return True


def open_dropped(parent: QWidget | None, session: Session, path: str) -> bool:
    """A dropped scenario opens; a dropped match file becomes a league to add clubs from."""
    from ui import case_actions
    if _looks_like_scenario(path):
        return open_scenario(parent, session, path)
    try:
        name = case_actions.load_season(session, Path(path).resolve())
    except InputError as e:
        dialogs.show_error(parent, "Cannot use this file", str(e))
        return False
    dialogs.show_info(parent, "League loaded", f"{name} is loaded: use Add club to pick a club from it.")
    return True


def _looks_like_scenario(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as f:
            return '"clubfit-scenario"' in f.read(4096)
    except (OSError, UnicodeDecodeError):
        return False


def default_paper() -> str:
    """US Letter where the locale measures in inches (US), A4 everywhere else."""
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def export_fit_report(parent: QWidget | None, session: Session, path: str = "", paper: str = "") -> bool:
    from ui.export_pdf import export_report   # the same function `clubfit report` calls
    s = session.scenario
    suggested = f"Fit report - {s.subject or s.title or 'clubs'} - {s.as_of or 'undated'}.pdf".replace("/", "-")
    path = path or dialogs.ask_save_path(parent, "Export fit report", suggested, REPORT_FILTER)
    if not path:
        return False
    try:
        export_report(session.result, Path(path), paper or default_paper(), datetime.now().astimezone())
    except InputError as e:   # any file already at the path is left untouched
        dialogs.show_error(parent, "Cannot export the fit report", str(e))
        return False
    return True
