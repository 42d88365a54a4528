"""Documents as a desktop app handles them: New, Open, Open Recent, Save, Save As, and the
Save / Discard / Cancel question before unsaved work would be lost.

Each action is one call into the session plus what the desktop needs (dialogs, the recent
list, the undo history's clean state, a status-bar line).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QWidget

from evaluator import formats
from evaluator.documents import OutsideFilesError
from evaluator.errors import InputError
from evaluator.session import Session
from ui import dialogs, settings
from ui.undo import UndoHistory

STATUS_MS = 6000


def status(parent: QWidget | None, text: str) -> None:
    """A line in the window's status bar, when there is a window to show it."""
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)


def confirm_discard(parent: QWidget | None, session: Session, history: UndoHistory) -> bool:
    """True when the current document may be closed: saved, or the user said Save or Discard."""
    if not history.modified:
        return True
    answer = dialogs.ask_save_changes(parent, session.document_name)
    if answer == "save":
        return save(parent, session, history)
    return answer == "discard"


def open_document(parent: QWidget | None, session: Session, history: UndoHistory, path: str = "") -> bool:
    if not confirm_discard(parent, session, history):
        return False
    path = path or dialogs.ask_open_path(parent, "Open scenario", formats.dialog_filter("scenario"),
                                         settings.last_folder("open"))
    if not path:
        return False
    try:
        try:
            session.open(Path(path))
        except OutsideFilesError as e:   # a received case naming files elsewhere: only if the user says so
            if not dialogs.ask_yes_no(parent, "Read files outside the case's folder?",
                                      f"{e}. Read {'it' if len(e.outside) == 1 else 'them'} anyway?\n\n"
                                      + "\n".join(str(p) for p in e.outside[:10])):
                return False
            session.open(Path(path), allow_outside=True)
    except InputError as e:   # the previous document stays open, unchanged
        dialogs.show_error(parent, "Cannot open scenario", str(e))
        return False
    history.reset()
    settings.add_recent_file(path)
    settings.remember_folder("open", path)
    status(parent, f"Opened {Path(path).name}")
    return True


def open_recent(parent: QWidget | None, session: Session, history: UndoHistory, path: str) -> bool:
    if not Path(path).is_file():
        settings.prune_recent_files()
        dialogs.show_error(parent, "Cannot open scenario",
                           f"{path}: no longer exists; it has been removed from Open Recent.")
        return False
    return open_document(parent, session, history, path)


def new_case(parent: QWidget | None, session: Session, history: UndoHistory) -> bool:
    """File > New: a new, untitled case from scratch (the wizard asks for the player and the clubs)."""
    if not confirm_discard(parent, session, history):
        return False
    from ui.new_case_wizard import ask_new_case
    if not ask_new_case(parent, session):
        return False   # cancelled: the current document stays as it was
    history.reset()
    status(parent, "New case: attach squad lists (File → Load squad list…), then save it under a name of your own")
    return True


def new_document(parent: QWidget | None, session: Session, history: UndoHistory, template: Path | None) -> bool:
    """A new, untitled case started from ``template`` (the bundled case's clubs and criteria)."""
    if not confirm_discard(parent, session, history):
        return False
    try:
        if template is None:
            raise InputError("no template case to start from")
        session.open_as_new(template)
    except InputError as e:
        dialogs.show_error(parent, "Cannot start a new case", str(e))
        return False
    history.reset()
    status(parent, "New case: add or remove clubs, then save it under a name of your own")
    return True


def save(parent: QWidget | None, session: Session, history: UndoHistory) -> bool:
    """Save in place; an untitled or read-only document (the bundled case) asks for a name."""
    if session.path is None or session.read_only:
        return save_as(parent, session, history)
    return _write(parent, session, history, None)


def save_as(parent: QWidget | None, session: Session, history: UndoHistory, path: str = "") -> bool:
    if not path:
        name = f"{session.scenario.subject or 'scenario'}.json".replace("/", "-")
        folder = settings.last_folder("save")
        path = dialogs.ask_save_path(parent, "Save scenario as", str(Path(folder) / name) if folder else name,
                                     formats.dialog_filter("scenario"))
    if not path:
        return False
    target = Path(path)
    if not target.suffix:
        target = target.with_suffix(".json")
    return _write(parent, session, history, target)


def _write(parent: QWidget | None, session: Session, history: UndoHistory, path: Path | None) -> bool:
    try:
        written = session.save(path)
    except InputError as e:   # nothing on disk changed, and the document stays as it was
        dialogs.show_error(parent, "Cannot save scenario", str(e))
        return False
    history.stack.setClean()
    settings.add_recent_file(written)
    settings.remember_folder("save", written)
    absolute = session.absolute_names()
    status(parent, f"Saved {written.name}" + (f" (its case names {len(absolute)} file{'s' if len(absolute) != 1 else ''} "
                                              "by full path, which shows where they are kept)" if absolute else ""))
    return True
