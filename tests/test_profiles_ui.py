"""The Profiles tab: its buttons go through the session (one undo step each), its questions
(name, Replace?) are asked and honoured, and its table shows the session's numbers."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from evaluator.decision.profiles import compare
from evaluator.report_profiles import CONSENSUS, HULL
from ui import dialogs, palette
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, session):
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentWidget(w.profiles)
    return w


def answer_names(monkeypatch, *names):
    queue = list(names)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_text", lambda parent, title, label, text="": asked.append(title) or queue.pop(0))
    return asked


def save_as(window, monkeypatch, name, weights):
    window.session.set_weights(weights)
    answer_names(monkeypatch, name)
    window.profiles.save_button.click()


def test_empty_tab_says_what_to_do(window):
    panel = window.profiles
    assert "No weight profiles yet" in panel.summary.text()
    assert not panel.table.isVisible() and not panel.apply_button.isEnabled()


def test_save_apply_remove_through_the_buttons_with_undo(window, monkeypatch):
    panel, session, stack = window.profiles, window.session, window.history.stack
    save_as(window, monkeypatch, "Player", {"standing": 80, "defence": 20, "age": 0})
    save_as(window, monkeypatch, "Agent", {"standing": 10, "defence": 30, "age": 60})
    assert [p.name for p in session.profiles] == ["Player", "Agent"]
    assert panel.list.count() == 2 and panel.list.item(1).text() == "✓ Agent" and panel.list.item(1).font().bold()
    panel.list.setCurrentRow(0)
    panel.apply_button.click()
    assert session.weights == {"standing": 80, "defence": 20, "age": 0}
    assert stack.undoText() == "apply profile Player"
    assert panel.list.item(0).text() == "✓ Player" and panel.list.item(1).text() == "Agent"
    panel.remove_button.click()
    assert [p.name for p in session.profiles] == ["Agent"] and panel.list.count() == 1
    stack.undo()
    assert [p.name for p in session.profiles] == ["Player", "Agent"] and panel.list.count() == 2
    stack.undo()
    assert session.weights == {"standing": 10, "defence": 30, "age": 60}


def test_an_existing_name_asks_replace_and_cancel_keeps_the_old_weights(window, monkeypatch):
    session = window.session
    save_as(window, monkeypatch, "Player", {"standing": 80, "defence": 20, "age": 0})
    questions: list[str] = []
    answer = {"replace": False}
    monkeypatch.setattr(dialogs, "ask_replace", lambda parent, title, text: questions.append(text) or answer["replace"])
    save_as(window, monkeypatch, "player", {"standing": 1, "defence": 1, "age": 1})
    assert len(questions) == 1 and "\u201cPlayer\u201d" in questions[0]
    assert session.profiles[0].weights == {"standing": 80, "defence": 20, "age": 0}
    answer["replace"] = True
    save_as(window, monkeypatch, "player", {"standing": 1, "defence": 1, "age": 1})
    assert len(session.profiles) == 1 and session.profiles[0].weights == {"standing": 1, "defence": 1, "age": 1}
    assert window.history.stack.undoText() == "replace profile player"


def test_an_empty_name_is_refused_with_a_message(window, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    before = window.session.state
    answer_names(monkeypatch, "   ")
    window.profiles.save_button.click()
    assert window.session.state == before and errors == ["profile name: the name is empty; give the profile a name"]
    answer_names(monkeypatch, None)            # Cancel: nothing asked further, nothing changed
    window.profiles.save_button.click()
    assert window.session.state == before and len(errors) == 1


def test_rename_through_the_panel(window, monkeypatch):
    save_as(window, monkeypatch, "Player", {"standing": 80, "defence": 20, "age": 0})
    answer_names(monkeypatch, "Player: title race")
    window.profiles.rename_button.click()
    assert [p.name for p in window.session.profiles] == ["Player: title race"]
    assert window.profiles.list.item(0).data(Qt.ItemDataRole.UserRole) == "Player: title race"


def test_the_table_shows_the_sessions_numbers_and_highlights_differing_ranks(window, monkeypatch):
    save_as(window, monkeypatch, "Player", {"standing": 80, "defence": 20, "age": 0})
    save_as(window, monkeypatch, "Agent", {"standing": 10, "defence": 30, "age": 60})
    save_as(window, monkeypatch, "Coach", {"standing": 20, "defence": 70, "age": 10})
    table = window.profiles.table
    c = compare(window.session.prepared, window.session.profiles)
    headers = [table.horizontalHeaderItem(i).text().replace("\n", " ") for i in range(table.columnCount())]
    assert headers == ["Club", "Player", "Agent", "Coach", CONSENSUS, HULL]
    clubs = window.session.scenario.clubs
    assert table.rowCount() == len(clubs)
    for r in range(table.rowCount()):
        i = next(k for k, club in enumerate(clubs) if club.name == table.item(r, 0).text())
        assert [table.item(r, 1 + p).text() for p in range(3)] == [str(int(x)) for x in c.ranks[:, i]]
        assert table.item(r, 4).text() == str(int(c.consensus_ranks[i]))
        assert table.item(r, 5).text() == f"{100 * c.hull_first[i]:.1f}"
        differs = len(set(c.ranks[:, i].tolist())) > 1
        brush = table.item(r, 1).background()
        assert (brush.color().name().upper() == palette.DIFFERS_BG) == differs
        assert table.item(r, 1).font().bold() == differs
    assert any(len(set(c.ranks[:, i].tolist())) > 1 for i in range(len(clubs)))   # the case shows a difference
    assert np.isclose(sum(float(table.item(r, 5).text()) for r in range(table.rowCount())), 100.0, atol=0.2)


def test_a_hidden_tab_catches_up_when_shown(window, monkeypatch):
    window.tabs.setCurrentWidget(window.ranking)
    save_as(window, monkeypatch, "Player", {"standing": 80, "defence": 20, "age": 0})
    assert window.profiles.section is None      # not computed while nobody looks
    window.tabs.setCurrentWidget(window.profiles)
    assert window.profiles.section is not None and window.profiles.table.rowCount() == 3


def test_the_replace_question_defaults_to_cancel(qtbot):
    from PySide6.QtWidgets import QWidget
    parent = QWidget()
    qtbot.addWidget(parent)
    box = dialogs.replace_box(parent, "Replace profile?", "A profile called \u201cX\u201d exists already.")
    try:
        assert box.parent() is parent
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        roles = {box.buttonRole(b) for b in box.buttons()}
        assert QMessageBox.ButtonRole.AcceptRole in roles and box.textFormat() == Qt.TextFormat.PlainText
    finally:
        box.close()
        box.deleteLater()
