"""Loading the user's own files: league and squad files from the File menu or by dropping them,
big ones read off the GUI thread; a saved scenario keeps the clubs and files added in the window."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest

from conftest import BUNDLED_SCENARIO, RESOURCES
from evaluator.data import matches as matches_module
from evaluator.session import Session
from evaluator.documents import load_scenario
from ui import background, case_actions, dialogs, document_actions, file_actions
from ui.main_window import MainWindow
from ui.undo import UndoHistory

M = RESOURCES / "data" / "matches"
SQUADS = RESOURCES / "data" / "squads"


@pytest.fixture
def live_session() -> Session:
    return Session.from_file(BUNDLED_SCENARIO, read_only=True)


@pytest.fixture
def said(monkeypatch):
    out: dict[str, list[str]] = {"info": [], "error": []}
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: out["info"].append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: out["error"].append(text))
    return out


def _club(session: Session, name: str):
    return next(c for c in session.scenario.clubs if c.name == name)


def test_file_menu_offers_league_and_squad_files(qtbot, live_session):
    window = MainWindow(live_session)
    qtbot.addWidget(window)
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    assert "Load league file…" in texts and "Load squad list…" in texts


def test_big_league_file_is_read_off_the_gui_thread(qtbot, live_session, said, monkeypatch):
    monkeypatch.setattr(background, "BACKGROUND_BYTES", 0)      # treat every file as big
    threads: dict[Path, threading.Thread] = {}
    real = matches_module.read_season

    def spying(path):
        threads[Path(path)] = threading.current_thread()
        return real(path)
    monkeypatch.setattr(matches_module, "read_season", spying)
    csv = M / "datahub-football-datasets-ligue-1-season-2526.csv"
    case_actions.load_league_file(None, live_session, str(csv))
    assert not said["info"]                                      # not done yet: the window stays live
    qtbot.waitUntil(lambda: bool(said["info"]), timeout=10_000)
    assert threads[csv.resolve()] is not threading.main_thread()   # the other leagues were read before
    assert any(lg.path == csv.resolve() for lg in live_session.leagues())
    assert not said["error"]


def test_a_broken_big_file_is_named_and_nothing_changes(qtbot, live_session, said, monkeypatch, tmp_path):
    monkeypatch.setattr(background, "BACKGROUND_BYTES", 0)
    bad = tmp_path / "garbled.json"
    bad.write_text('{"name": "x", "matches": [ {"date": "2025-13-45"')
    before = live_session.scenario
    case_actions.load_league_file(None, live_session, str(bad))
    qtbot.waitUntil(lambda: bool(said["error"]), timeout=10_000)
    assert "garbled.json" in said["error"][0] and "\n" not in said["error"][0]
    assert live_session.scenario == before and not said["info"]


def test_dropped_squad_list_replaces_a_clubs_ages(qtbot, live_session, said, monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(dialogs, "ask_item", lambda parent, title, label, items, current: asked.append(current) or current)
    lines = (SQUADS / "as-roma-2025-26-squad.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    defenders = [r for r in rows if ",DF" in r]
    mine = tmp_path / "roma-without-one-defender.csv"
    mine.write_text(header + "".join(r for r in rows if r != defenders[0]), encoding="utf-8")
    before = _club(live_session, "AS Roma").figure("defender_age")
    file_actions.open_dropped(None, live_session, UndoHistory(live_session), str(mine))
    assert asked == ["AS Roma"]                      # guessed from the file's club column
    after = _club(live_session, "AS Roma").figure("defender_age")
    assert after.value != before.value and mine.name in after.source
    assert not said["error"]


def test_a_squad_list_with_a_bad_row_names_it_and_keeps_the_old_one(qtbot, live_session, said, monkeypatch, tmp_path):
    monkeypatch.setattr(dialogs, "ask_item", lambda *a: "AS Roma")
    src = (SQUADS / "as-roma-2025-26-squad.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    bad = tmp_path / "future.csv"
    cols = src[0].strip().split(",")
    row = src[1].split(",")
    row[cols.index("date_of_birth")] = "2030-01-01"
    bad.write_text(src[0] + ",".join(row), encoding="utf-8")
    before = live_session.scenario
    case_actions.load_squad_file(None, live_session, str(bad))
    assert len(said["error"]) == 1 and "future.csv" in said["error"][0]
    assert live_session.scenario == before
    assert live_session.case.clubs[0].squad.name == "as-roma-2025-26-squad.csv"


def test_saved_scenario_keeps_an_added_club_and_reopens_live(qtbot, live_session, said, monkeypatch, tmp_path):
    live_session.add_club("Paris Saint-Germain FC", M / "openfootball-fr.1-2025-26.json")
    mine = tmp_path / "my-ligue-1.csv"          # a league file the bundled case does not name
    mine.write_bytes((M / "datahub-football-datasets-ligue-1-season-2526.csv").read_bytes())
    case_actions.load_league_file(None, live_session, str(mine))
    live_session.set_weight("age", 10)
    path = tmp_path / "with-psg.json"
    assert document_actions.save_as(None, live_session, UndoHistory(live_session), str(path))
    case_file = tmp_path / "with-psg.case.json"
    assert case_file.is_file() and load_scenario(path).case_file == "with-psg.case.json"
    session = Session.from_file(path)
    session.set_as_of(live_session.scenario.as_of)               # recompute from the saved case
    assert [c.name for c in session.scenario.clubs][-1] == "Paris Saint-Germain FC"
    assert session.weights["age"] == 10
    assert session.scenario.clubs == live_session.scenario.clubs
    assert any("my-ligue-1.csv" in c.text for c in session.scenario.data_checks)
    assert mine.resolve() in [lg.path for lg in session.leagues()]   # still offered in Add club


def test_saving_never_overwrites_an_unrelated_case_file(live_session, tmp_path):
    other = tmp_path / "notes.case.json"
    other.write_text("my own notes", encoding="utf-8")
    assert document_actions.save_as(None, live_session, UndoHistory(live_session), str(tmp_path / "notes.json"))
    assert other.read_text(encoding="utf-8") == "my own notes"
    assert load_scenario(tmp_path / "notes.json").case_file == "notes-2.case.json"
    assert (tmp_path / "notes-2.case.json").is_file()
    # saving the same scenario again updates its own case file, no third one
    assert document_actions.save_as(None, live_session, UndoHistory(live_session), str(tmp_path / "notes.json"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes-2.case.json", "notes.case.json", "notes.json"]


def test_a_failed_case_write_leaves_the_scenario_and_workspace_as_they_were(live_session, said, tmp_path,
                                                                           monkeypatch):
    from evaluator.errors import InputError
    from evaluator.session import saving

    def full_disk(files):
        raise InputError(f"{files[0][0]}: could not be written (No space left on device)")
    monkeypatch.setattr(saving, "write_group", full_disk)
    (tmp_path / "s.json").write_text("previous", encoding="utf-8")
    before = (live_session.state, live_session.path)
    assert not document_actions.save_as(None, live_session, UndoHistory(live_session), str(tmp_path / "s.json"))
    assert len(said["error"]) == 1 and "s.case.json" in said["error"][0]
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == "previous"
    assert (live_session.state, live_session.path) == before


def test_reading_an_updated_file_again_refreshes_the_figures(live_session, said, tmp_path):
    import json
    from datetime import date
    mine = tmp_path / "serie-a.json"
    doc = json.loads((M / "openfootball-it.1-2025-26.json").read_text(encoding="utf-8"))
    mine.write_text(json.dumps(doc), encoding="utf-8")
    live_session.load_league(mine)
    live_session.add_club("SSC Napoli", mine)
    before = _club(live_session, "SSC Napoli").figure("points").value
    # the file is updated: Napoli's first result becomes a 0-5 defeat (it was not one)
    m = next(m for m in doc["matches"] if "Napoli" in m["team1"] and m.get("score", {}).get("ft")
             and date.fromisoformat(m["date"]) <= date(2025, 11, 28))
    old = m["score"]["ft"]
    lost_before = old[0] < old[1]
    m["score"]["ft"] = [0, 5]
    mine.write_text(json.dumps(doc), encoding="utf-8")
    case_actions.load_league_file(None, live_session, str(mine))   # read it again
    after = _club(live_session, "SSC Napoli").figure("points").value
    was = 0 if lost_before else (1 if old[0] == old[1] else 3)
    assert after == before - was


def test_case_paths_are_relative_only_for_files_close_by(tmp_path):
    from evaluator.documents import case_to_dict, load_case
    from conftest import BUNDLED_CASE
    case = load_case(BUNDLED_CASE)
    here = case_to_dict(case, BUNDLED_CASE.parent)                     # beside the data: relative
    assert here["clubs"][0]["matches"] == "../data/matches/openfootball-it.1-2025-26.json"
    far = case_to_dict(case, tmp_path / "a" / "b")                      # elsewhere: absolute
    assert far["clubs"][0]["matches"] == (M / "openfootball-it.1-2025-26.json").resolve().as_posix()


def test_a_file_read_after_another_scenario_opened_is_not_used(qtbot, live_session, said, monkeypatch):
    monkeypatch.setattr(background, "BACKGROUND_BYTES", 0)
    case_actions.load_league_file(None, live_session, str(M / "datahub-football-datasets-ligue-1-season-2526.csv"))
    live_session.open(BUNDLED_SCENARIO)                # the user opens another scenario meanwhile
    qtbot.waitUntil(lambda: bool(said["info"]), timeout=10_000)
    assert "was read after another scenario was opened" in said["info"][0]
    assert live_session.state.leagues == ()
