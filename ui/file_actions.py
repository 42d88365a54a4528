"""User actions on figures and files that are not documents: enter a figure by hand, export
the fit report, open whatever was dropped on the window. One call into the core each."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QWidget

from evaluator import formats
from evaluator.errors import InputError
from evaluator.session import Session
from ui import case_actions, dialogs, document_actions, settings
from ui.undo import UndoHistory

if TYPE_CHECKING:
    from evaluator.session.timeline import Timeline

REPORT_FILTER = "PDF document (*.pdf);;All files (*)"


def edit_figure(parent: QWidget | None, session: Session, row: int, column_id: str) -> bool:
    scenario = session.scenario
    club = scenario.clubs[row]
    column = scenario.column(column_id)
    from ui.figure_dialog import ask_figure   # on first use: nobody edits a figure at start-up
    entry = ask_figure(parent, club.name, column, club.figure(column_id), scenario.as_of)
    if entry is None:
        return False
    try:
        session.set_figure(club.id, column_id, entry.value, entry.source, entry.as_of)
    except InputError as e:
        dialogs.show_error(parent, "Cannot use this figure", str(e))
        return False
    return True


def open_dropped(parent: QWidget | None, session: Session, history: UndoHistory, path: str) -> None:
    """A dropped scenario opens; a squad list goes to a club; a match file becomes a league."""
    fmt = formats.recognise(path)
    if fmt is None:
        dialogs.show_error(parent, "Cannot open this file",
                           f"{Path(path).name}: not a file Club Fit reads (a scenario, a match file or a squad list)")
    elif fmt.kind == "scenario":
        document_actions.open_document(parent, session, history, path)
    elif fmt.kind == "squad":
        case_actions.load_squad_file(parent, session, path)
    else:
        case_actions.load_league_file(parent, session, path)


def default_paper() -> str:
    """US Letter where the locale measures in inches (US), A4 everywhere else."""
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def export_fit_report(parent: QWidget | None, session: Session, path: str = "", paper: str = "") -> bool:
    from ui.export_pdf import export_report   # the same function `clubfit report` calls
    s = session.scenario
    name = f"Fit report - {s.subject or s.title or 'clubs'} - {s.as_of or 'undated'}.pdf".replace("/", "-")
    folder = settings.last_folder("export")
    path = path or dialogs.ask_save_path(parent, "Export fit report", str(Path(folder) / name) if folder else name,
                                         REPORT_FILTER)
    if not path:
        return False
    try:
        written = export_report(session.result, Path(path), paper or default_paper(), datetime.now().astimezone(),
                                season_of(session), session.profiles, session.case_file_name)
    except InputError as e:   # any file already at the path is left untouched
        dialogs.show_error(parent, "Cannot export the fit report", str(e))
        return False
    settings.remember_folder("export", written)
    document_actions.status(parent, f"Exported {Path(written).name}")
    return True


def season_of(session: Session) -> Timeline | None:
    """The season for the report's "Over the season" section; None when the figures are fixed
    (no case file) or the files hold no season to show."""
    try:
        return session.timeline()
    except InputError:
        return None
