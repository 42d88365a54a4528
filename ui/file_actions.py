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
        if isinstance(session.source, CaseWorkspace):   # its case goes beside it, with any added clubs
            session.source.save_with_scenario(session.scenario, Path(path))
        else:
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


def open_dropped(parent: QWidget | None, session: Session, path: str) -> None:
    """A dropped scenario opens; a squad list goes to a club; a match file becomes a league."""
    from ui import case_actions
    head = _head(path)
    if '"clubfit-scenario"' in head:
        open_scenario(parent, session, path)
    elif "date_of_birth" in head.splitlines()[0] if head else False:
        case_actions.load_squad_file(parent, session, path)
    else:
        case_actions.load_league_file(parent, session, path)


def _head(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read(4096)
    except OSError:
        return ""


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
