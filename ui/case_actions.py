"""Changes to the live case: each is one call into the session plus a message.

The session refuses what cannot be done (a scenario without a case file, a file that cannot be
read) and then nothing has changed; these functions only say so.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from evaluator import formats
from evaluator.errors import InputError
from evaluator.session import Session
from ui import dialogs, settings


def _choose_file(parent: QWidget | None, session: Session, title: str, kind: str, path: str) -> Path | None:
    """The file to read (asked for when not given), or None, having said why."""
    if not session.can_recompute:
        dialogs.show_error(parent, f"Cannot {title[0].lower()}{title[1:]}",
                           "This scenario has no case file beside it, so its figures cannot be recomputed.")
        return None
    path = path or dialogs.ask_open_path(parent, title, formats.dialog_filter(kind), settings.last_folder("open"))
    if not path:
        return None
    settings.remember_folder("open", path)
    return Path(path).resolve()


def _still_open(parent: QWidget | None, session: Session, generation: int, where: Path, what: str) -> bool:
    """False, having said so, when another document was opened while the file was being read."""
    if session.generation == generation:
        return True
    dialogs.show_info(parent, f"{what} not loaded",
                      f"{where.name} was read after another scenario was opened; load it again to use it.")
    return False


def load_league_file(parent: QWidget | None, session: Session, path: str = "") -> None:
    """Read a match file (off the GUI thread when big); it joins the leagues to pick clubs from
    and is cross-checked against any file of the same league. One undo step."""
    where = _choose_file(parent, session, "Load league file", "league", path)
    if where is None:
        return
    generation = session.generation

    def adopt(season: Any) -> None:
        if not _still_open(parent, session, generation, where, "League"):
            return
        try:
            session.load_league(where, season)
        except InputError as e:
            dialogs.show_error(parent, "Cannot load league file", str(e))
            return
        league = season.season   # what league_reader read (and cross-checked) on the worker
        dialogs.show_info(parent, "League loaded",
                          f"{league.name} ({where.name}, {len(league.teams)} teams) is loaded: "
                          "use Add club to pick a club from it.")

    from ui import background   # on first use: its thread pool and queues cost start-up ~4 ms
    background.read_file(session.league_reader(where), where, adopt,
                         lambda message: dialogs.show_error(parent, "Cannot load league file", message))


def load_squad_file(parent: QWidget | None, session: Session, path: str = "") -> None:
    """Read a squad list (off the GUI thread when big), ask whose it is, and recompute that
    club's ages from it (one undo step); the previous list stays when anything fails."""
    where = _choose_file(parent, session, "Load squad list", "squad", path)
    if where is None:
        return
    generation = session.generation

    def adopt(squad: Any) -> None:
        if not _still_open(parent, session, generation, where, "Squad list"):
            return
        names = [c.name for c in session.scenario.clubs]
        club = dialogs.ask_item(parent, "Load squad list", f"Whose squad is {where.name} ({squad.club})?",
                                names, session.guess_club(squad.club))
        if not club:
            return
        try:
            session.set_squad(club, where, squad)
        except InputError as e:
            dialogs.show_error(parent, "Cannot use this squad list", str(e))

    from ui import background   # on first use (see above)
    background.read_file(formats.read_squad, where, adopt,
                         lambda message: dialogs.show_error(parent, "Cannot load squad list", message))


def add_club_interactively(parent: QWidget | None, session: Session) -> bool:
    from ui.add_club_dialog import ask_club
    try:
        choice = ask_club(parent, session)
        if choice is None:
            return False
        session.add_club(choice.name, choice.matches, choice.squad)
    except InputError as e:
        dialogs.show_error(parent, "Cannot add club", str(e))
        return False
    return True


def remove_club(parent: QWidget | None, session: Session, club_id: str | None) -> bool:
    if club_id is None:
        return False
    try:
        session.remove_club(club_id)
    except InputError as e:
        dialogs.show_error(parent, "Cannot remove club", str(e))
        return False
    return True


def show_club_detail(parent: QWidget | None, session: Session, club_index: int) -> None:
    from ui.club_detail import ClubDetailDialog
    scenario = session.scenario
    club = scenario.clubs[club_index]
    try:
        team, rows = session.table_around(club.id)
    except InputError:
        team, rows = "", []   # the figures still show; only the mini table is left out
    ClubDetailDialog(scenario, club, rows, team, club.league, parent).exec()


def show_data_checks(parent: QWidget | None, session: Session) -> None:
    from ui.data_checks_dialog import DataChecksDialog
    DataChecksDialog(session.scenario.data_checks, parent).exec()
