"""Changes to the live case: each is one call into the workspace, then a recomputation."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from evaluator.data.workspace import CaseWorkspace
from evaluator.decision.session import Session
from evaluator.errors import InputError
from ui import background, dialogs

if TYPE_CHECKING:   # the readers load when a file is first loaded, not at start-up
    from evaluator.data.matches import Season
    from evaluator.data.squads import Squad


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


SEASON_FILTER = "Match files (*.json *.csv);;All files (*)"
SQUAD_FILTER = "Squad lists (*.csv);;All files (*)"


def _choose_file(parent: QWidget | None, session: Session, title: str, filters: str,
                 path: str) -> tuple[CaseWorkspace, Path] | None:
    """The live workspace and the file to read (asked for when not given), or None, having said why."""
    try:
        ws = workspace(session)
    except InputError as e:
        dialogs.show_error(parent, f"Cannot {title[0].lower()}{title[1:]}", str(e))
        return None
    path = path or dialogs.ask_open_path(parent, title, filters)
    return (ws, Path(path).resolve()) if path else None


def _still_open(parent: QWidget | None, session: Session, ws: CaseWorkspace, where: Path, what: str) -> bool:
    """False, having said so, when another scenario was opened while the file was being read."""
    if session.source is ws:
        return True
    dialogs.show_info(parent, f"{what} not loaded",
                      f"{where.name} was read after another scenario was opened; load it again to use it.")
    return False


def load_league_file(parent: QWidget | None, session: Session, path: str = "") -> None:
    """Read a season file (off the GUI thread when big), add it to the leagues to pick clubs
    from, and recompute so it is cross-checked against any file of the same league."""
    chosen = _choose_file(parent, session, "Load league file", SEASON_FILTER, path)
    if chosen is None:
        return
    ws, where = chosen

    def adopt(season: Season) -> None:
        if not _still_open(parent, session, ws, where, "League"):
            return
        ws.adopt_season(where, season)
        _recompute_or_say(parent, session, "League loaded, but the figures were not recomputed")
        dialogs.show_info(parent, "League loaded",
                          f"{season.name} ({where.name}, {len(season.teams)} teams) is loaded: "
                          "use Add club to pick a club from it.")

    from evaluator.data.matches import read_season
    background.read_file(read_season, where, adopt,
                         lambda message: dialogs.show_error(parent, "Cannot load league file", message))


def load_squad_file(parent: QWidget | None, session: Session, path: str = "") -> None:
    """Read a squad list (off the GUI thread when big), ask which club it belongs to, and
    recompute that club's ages from it; the previous list stays when anything fails."""
    chosen = _choose_file(parent, session, "Load squad list", SQUAD_FILTER, path)
    if chosen is None:
        return
    ws, where = chosen

    def adopt(squad: Squad) -> None:
        from evaluator.data.names import resolve
        if not _still_open(parent, session, ws, where, "Squad list"):
            return
        names = [c.name for c in ws.case.clubs]
        try:
            guess = resolve(squad.club, names)
        except InputError:
            guess = names[0]
        club = dialogs.ask_item(parent, "Load squad list", f"Whose squad is {where.name} ({squad.club})?",
                                names, guess)
        if not club:
            return
        try:
            old = ws.set_squad(club, where, squad)
        except InputError as e:
            dialogs.show_error(parent, "Cannot load squad list", str(e))
            return
        try:
            session.recompute()
        except InputError as e:
            ws.restore_source(old)
            dialogs.show_error(parent, "Cannot use this squad list", str(e))

    from evaluator.data.squads import read_squad
    background.read_file(read_squad, where, adopt,
                         lambda message: dialogs.show_error(parent, "Cannot load squad list", message))


def _recompute_or_say(parent: QWidget | None, session: Session, title: str) -> None:
    try:
        session.recompute()
    except InputError as e:
        dialogs.show_error(parent, title, str(e))


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
