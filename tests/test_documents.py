"""Documents behave like a desktop app's: Save in place, Save As, the modified marker follows the
undo history, and unsaved work is never lost without asking (close, quit, open, new)."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from conftest import BUNDLED_SCENARIO, RESOURCES
from evaluator.session import Session
from ui import dialogs, settings
from ui.main_window import MainWindow
from ui.panels.case_panel import to_qdate

LIGUE_1 = RESOURCES / "data" / "matches" / "openfootball-fr.1-2025-26.json"


@pytest.fixture
def window(qtbot):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    w = MainWindow(session, template=BUNDLED_SCENARIO)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def asked(monkeypatch):
    """Records the Save / Discard / Cancel questions; the answer is set per test."""
    out: dict = {"answer": "cancel", "names": []}

    def ask(parent, name):
        out["names"].append(name)
        return out["answer"]
    monkeypatch.setattr(dialogs, "ask_save_changes", ask)
    return out


def _action(window: MainWindow, text: str):
    for menu in window.menuBar().actions():
        for a in menu.menu().actions():
            if a.text().replace("&", "") == text:
                return a
    raise AssertionError(f"no menu action {text!r}")


def test_a_changed_case_undoes_step_by_step_to_the_saved_state(window, monkeypatch, tmp_path):
    s = window.session
    target = tmp_path / "ramos.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(target))
    assert not window.isWindowModified()
    window.weights.rows[1].slider.setValue(80)               # a weight
    window.weights.step_done.emit()
    s.add_club("Paris Saint-Germain FC", LIGUE_1)              # a club added
    s.remove_club("bayer-04-leverkusen")                       # and one removed
    s.set_figure("paris-saint-germain-fc", "defender_age", 27.5, "club website", date(2025, 11, 28))
    window.case.as_of.setDate(to_qdate(date(2026, 1, 10)))     # the as-of date moved
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    edited = s.state
    _action(window, "Save").trigger()                          # bundled case is read-only: asks a path
    assert target.is_file() and s.path == target and not window.isWindowModified()
    assert window.statusBar().currentMessage() == ("Saved ramos.json (its case names 8 files by full path, "
                                                   "which shows where they are kept)")   # the app's data, elsewhere
    assert window.windowTitle().startswith("ramos.json")
    steps = window.history.stack.count()
    assert steps == 5
    assert window.undo_action.text() == "&Undo as-of date 2026-01-10"
    for _ in range(steps):
        window.undo_action.trigger()
        assert window.isWindowModified()
    assert s.state.scenario.as_of == date(2025, 11, 28) and len(s.scenario.clubs) == 3
    for _ in range(steps):
        window.redo_action.trigger()
    assert s.state == edited and not window.isWindowModified()   # back at the saved state


def test_save_in_place_asks_no_second_time(window, monkeypatch, tmp_path):
    target = tmp_path / "mine.json"
    calls = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: calls.append(a) or str(target))
    window.session.set_weight("age", 10)
    _action(window, "Save").trigger()
    window.session.set_weight("age", 20)
    _action(window, "Save").trigger()
    assert len(calls) == 1
    assert Session.from_file(target).weights["age"] == 20


def test_save_reopen_round_trip_keeps_every_field(window, tmp_path):
    s = window.session
    s.set_weight("standing", 10)
    s.set_direction("age", "higher")
    s.add_club("Paris Saint-Germain FC", LIGUE_1)
    s.set_figure("paris-saint-germain-fc", "defender_age", 27.5, "club website", date(2025, 11, 28))
    s.set_include_doubtful(True)
    s.set_as_of(date(2026, 1, 10))
    s.save(tmp_path / "trip.json")
    back = Session.from_file(tmp_path / "trip.json")
    a, b = s.state, back.state
    assert b.weights == a.weights and b.scenario.criteria == a.scenario.criteria
    assert b.scenario.clubs == a.scenario.clubs and b.scenario.as_of == a.scenario.as_of
    assert b.scenario.data_checks == a.scenario.data_checks
    assert b.case.clubs == a.case.clubs and b.case.include_doubtful and b.case.as_of == date(2026, 1, 10)
    back.recompute()                                            # live again: the same figures from the files
    assert back.state.scenario.clubs == a.scenario.clubs


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
@pytest.mark.parametrize("how", ["close", "quit", "open", "new"])
def test_unsaved_changes_are_asked_about(window, asked, monkeypatch, tmp_path, how, answer):
    asked["answer"] = answer
    saved_to = tmp_path / "kept.json"
    other = tmp_path / "other.json"
    Session.from_file(BUNDLED_SCENARIO).save(other)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(saved_to))
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(other))
    window.session.set_weight("age", 3)
    changed = window.session.state
    if how == "close":
        window.close()
    elif how == "quit":
        _action(window, "Quit").trigger()
    elif how == "open":
        _action(window, "Open scenario…").trigger()
    else:
        _action(window, "New from example").trigger()
    assert asked["names"] == ["ramos-2025-11-28.scenario.json"]
    assert saved_to.is_file() == (answer == "save")
    if answer == "cancel":                                       # everything stays as it was
        assert window.isVisible() and window.session.state == changed and window.isWindowModified()
        return
    if how in ("close", "quit"):
        assert not window.isVisible()
    elif how == "open":
        assert window.session.path == other and not window.isWindowModified()
    else:
        assert window.session.path is None and window.windowTitle().startswith("Untitled")
    if answer == "save":
        assert Session.from_file(saved_to).weights["age"] == 3


def test_nothing_is_asked_when_nothing_changed(window, asked):
    window.close()
    assert asked["names"] == [] and not window.isVisible()


def test_remove_club_from_the_ranking_table_with_delete(window, qtbot):
    from PySide6.QtCore import Qt
    window.tabs.setCurrentWidget(window.ranking)
    window.ranking.setFocus()
    window.ranking.selectRow(0)
    leader = window.session.scenario.clubs[int(window.session.result.order[0])].name
    qtbot.keyClick(window.ranking, Qt.Key.Key_Delete)
    assert leader not in [c.name for c in window.session.scenario.clubs]
    assert window.undo_action.text() == f"&Undo remove {leader}"
    window.undo_action.trigger()
    assert leader in [c.name for c in window.session.scenario.clubs]


def test_open_recent_lists_files_and_prunes_missing_ones(window, tmp_path, monkeypatch):
    kept, gone = tmp_path / "kept.json", tmp_path / "gone.json"
    Session.from_file(BUNDLED_SCENARIO).save(kept)
    Session.from_file(BUNDLED_SCENARIO).save(gone)
    settings.add_recent_file(gone)
    settings.add_recent_file(kept)
    os.unlink(gone)
    window.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts == ["kept.json", "1 missing file removed from this list"]
    assert settings.recent_files() == [str(kept.resolve())]
    window.recent_menu.actions()[0].trigger()
    assert window.session.path == Path(str(kept.resolve()))


def test_settings_never_touch_the_real_home():
    where = Path(settings.location()).resolve()
    assert where == Path(os.environ["CLUBFIT_SETTINGS"]).resolve()
    assert not str(where).startswith(str(Path.home().resolve()) + os.sep + ".config")


def test_settings_written_in_a_batch_are_on_disk_when_it_ends(tmp_path, monkeypatch):
    from PySide6.QtCore import QByteArray
    path = tmp_path / "batch.ini"
    monkeypatch.setenv(settings.ENV, str(path))
    with settings.batch():              # what closing the window does: one store, one write
        settings.save_window_state(QByteArray(b"geo"), QByteArray(b"state"))
        settings.save_splitter_sizes("body", [300, 440])
        settings.save_splitter_sizes("charts", [1, 2, 3])
    text = path.read_text()
    assert "geometry" in text and "body" in text and "charts" in text
    assert settings.splitter_sizes("charts") == [1, 2, 3] and settings.splitter_sizes("body") == [300, 440]


def test_window_geometry_and_splitters_come_back(qtbot):
    first = MainWindow(Session.from_file(BUNDLED_SCENARIO, read_only=True))
    qtbot.addWidget(first)
    first.resize(760, 560)          # within the offscreen screen, which restoreGeometry clamps to
    first.show()
    first.body_split.setSizes([300, 440])
    remembered = first.body_split.sizes()
    first.close()
    second = MainWindow(Session.from_file(BUNDLED_SCENARIO, read_only=True))
    qtbot.addWidget(second)
    second.show()
    assert second.size() == first.size()
    assert second.body_split.sizes() == remembered
