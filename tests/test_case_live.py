"""The as-of date, the doubtful-squad switch and Add club recompute figures from the files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import BUNDLED_SCENARIO, RESOURCES
from evaluator.session import Session
from evaluator.errors import InputError
from evaluator.documents import load_scenario
from ui.main_window import MainWindow
from ui.undo import UndoHistory
from ui.panels.case_panel import to_qdate

LIGUE_1 = RESOURCES / "data" / "matches" / "openfootball-fr.1-2025-26.json"


@pytest.fixture
def live_session() -> Session:
    return Session.from_file(BUNDLED_SCENARIO, read_only=True)


def _fig(session: Session, club: str, col: str) -> float:
    return next(c for c in session.scenario.clubs if c.name == club).figure(col).value


def test_date_change_recomputes_league_figures_and_ages(live_session):
    before = _fig(live_session, "AS Roma", "defender_age")
    live_session.set_weight("defence", 80)
    live_session.set_as_of(date(2025, 9, 1))
    assert live_session.scenario.as_of == date(2025, 9, 1)
    assert _fig(live_session, "AS Roma", "played") < 12
    assert _fig(live_session, "AS Roma", "defender_age") < before   # younger on an earlier date
    assert live_session.weights["defence"] == 80                     # the user's weights survive
    for club in live_session.scenario.clubs:
        assert club.figure("points").as_of == date(2025, 9, 1)


def test_date_before_the_season_is_refused_and_figures_stay(live_session):
    before = live_session.scenario
    with pytest.raises(InputError, match="before the first match"):
        live_session.set_as_of(date(2025, 7, 1))
    assert live_session.scenario == before


def test_hand_entered_figure_survives_a_date_change(live_session):
    club = live_session.scenario.clubs[0]
    live_session.set_figure(club.id, "centre_back_age", 30.0, "club website", date(2025, 11, 28))
    live_session.set_as_of(date(2026, 1, 10))
    assert live_session.scenario.clubs[0].figure("centre_back_age").value == 30.0


def test_add_club_from_a_shipped_league(live_session):
    live_session.add_club("Paris Saint-Germain FC", LIGUE_1)
    psg = live_session.scenario.clubs[-1]
    assert psg.name == "Paris Saint-Germain FC"
    assert psg.figure("league_position").value == 1
    assert "openfootball" in psg.figure("points").source
    assert psg.figure("defender_age").value is None     # no squad list: missing, never invented
    assert len(live_session.result.scores) == 4


def test_doubtful_switch_changes_ages_only_where_doubtful_rows_exist(live_session):
    before = {c.name: c.figure("squad_age").value for c in live_session.scenario.clubs}
    live_session.set_include_doubtful(True)
    after = {c.name: c.figure("squad_age").value for c in live_session.scenario.clubs}
    assert any(before[n] != after[n] for n in before)


def test_case_panel_date_edit_drives_the_session(qtbot, live_session):
    window = MainWindow(live_session)
    qtbot.addWidget(window)
    window.case.as_of.setDate(to_qdate(date(2026, 2, 1)))
    assert live_session.scenario.as_of == date(2026, 2, 1)
    assert "2026-02-01" in window.windowTitle()
    window.case.as_of.setDate(to_qdate(date(2025, 1, 1)))       # before the season
    assert window.case.error.isVisibleTo(window)
    assert "before the first match" in window.case.error.text() and "2025-01-01" in window.case.error.text()
    assert live_session.scenario.as_of == date(2026, 2, 1)
    window.case.as_of.editingFinished.emit()                        # the user leaves the box
    assert window.case.as_of.date() == to_qdate(date(2026, 2, 1))   # it shows the date in effect
    assert window.case.error.isVisibleTo(window)                     # and still says why,
    assert window.case.error.text().endswith("; the figures stay as of 2026-02-01.")   # and what stayed
    assert "before the first match" in window.case.error.text()
    window.case.as_of.setDate(to_qdate(date(2026, 1, 15)))          # a date that works: no message
    assert window.case.error.isHidden() and live_session.scenario.as_of == date(2026, 1, 15)


def test_scenario_without_case_file_disables_live_inputs(qtbot, bundled_scenario):
    window = MainWindow(Session(bundled_scenario))
    qtbot.addWidget(window)
    assert not window.case.as_of.isEnabled()
    assert not window.case.add_club.isEnabled()


def test_dropping_a_match_file_loads_a_league_for_add_club(qtbot, live_session, monkeypatch):
    from ui import dialogs, file_actions
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    window = MainWindow(live_session)
    qtbot.addWidget(window)
    csv = RESOURCES / "data" / "matches" / "datahub-football-datasets-serie-a-season-2526.csv"
    file_actions.open_dropped(window, live_session, window.history, str(csv))   # small: read at once
    assert any(lg.path == csv.resolve() for lg in live_session.leagues())
    assert shown and "Add club" in shown[0] and "20 teams" in shown[0]


def test_dropping_a_broken_file_names_it_and_keeps_the_scenario(qtbot, live_session, monkeypatch, tmp_path):
    from ui import dialogs, file_actions
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    bad = tmp_path / "broken.csv"
    bad.write_text("no,header,here\n1,2,3\n")
    before = live_session.scenario
    file_actions.open_dropped(None, live_session, UndoHistory(live_session), str(bad))
    assert len(errors) == 1 and "broken.csv" in errors[0] and "\n" not in errors[0]
    assert live_session.scenario == before


def test_club_detail_shows_the_table_around_the_club(live_session):
    team, rows = live_session.table_around("bayer-04-leverkusen")
    assert team == "Bayer 04 Leverkusen"
    assert [r.position for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[0].points - rows[2].points == 8
