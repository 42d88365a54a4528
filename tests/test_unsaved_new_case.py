"""A case built in the New case wizard is unsaved work from the start: the title is marked and
closing, quitting, opening another or starting another asks first, until it is saved. The
untouched bundled case, and an untouched copy of it (New from example), lose nothing: no question."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import BUNDLED_SCENARIO
from evaluator.session import Session
from test_documents import _action
from test_new_case import AS_OF, KYLIAN, PICKED, fill_and_finish
from ui import dialogs
from ui.main_window import MainWindow
from ui.undo import UndoHistory


@pytest.fixture
def window(qtbot):
    """The window as `clubfit` opens it: the bundled case, read-only, and the template for New."""
    w = MainWindow(Session.from_file(BUNDLED_SCENARIO, read_only=True), template=BUNDLED_SCENARIO)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def asked(monkeypatch):
    """Records each Save / Discard / Cancel question and gives the answer set by the test."""
    out: dict = {"answer": "cancel", "names": []}
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: out["names"].append(name) or out["answer"])
    return out


def build_in_wizard(window: MainWindow, qtbot, monkeypatch) -> None:
    """File > New case…, filled in and finished as a user would (exec stands in for the modal loop)."""
    import ui.new_case_wizard as module

    monkeypatch.setattr(module.NewCaseWizard, "exec", lambda wizard: fill_and_finish(wizard, qtbot))
    _action(window, "New case…").trigger()
    assert window.session.scenario.player == KYLIAN and window.session.path is None


@pytest.mark.parametrize("how", ["close", "quit", "open", "new case", "new from example"])
def test_a_wizard_built_case_is_asked_about_before_it_is_lost(window, qtbot, monkeypatch, asked, tmp_path, how):
    build_in_wizard(window, qtbot, monkeypatch)
    assert asked["names"] == []                                  # the untouched bundled case asked nothing
    assert window.isWindowModified() and "[*]" in window.windowTitle()   # shown as "Untitled* — …"
    state = window.session.state
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(BUNDLED_SCENARIO))
    {"close": window.close, "quit": _action(window, "Quit").trigger, "open": _action(window, "Open scenario…").trigger,
     "new case": _action(window, "New case…").trigger,
     "new from example": _action(window, "New from example").trigger}[how]()
    assert asked["names"] == ["Untitled"]
    assert window.isVisible() and window.session.state is state and window.isWindowModified()   # Cancel: kept


def test_discard_lets_the_wizard_built_case_go(window, qtbot, monkeypatch, asked):
    build_in_wizard(window, qtbot, monkeypatch)
    asked["answer"] = "discard"
    _action(window, "Quit").trigger()
    assert asked["names"] == ["Untitled"] and not window.isVisible()


def test_the_untouched_start_up_case_closes_without_asking(window, asked):
    assert not window.isWindowModified()
    window.close()
    assert asked["names"] == [] and not window.isVisible()


def test_an_untouched_copy_of_the_example_closes_without_asking(window, asked):
    _action(window, "New from example").trigger()
    assert window.session.path is None and not window.isWindowModified()
    window.close()
    assert asked["names"] == [] and not window.isVisible()


@pytest.fixture
def target(monkeypatch, tmp_path) -> Path:
    """Where Save puts the case: the file dialog answers this path."""
    path = tmp_path / "kylian.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(path))
    return path


def test_a_wizard_built_case_once_saved_closes_without_asking(window, qtbot, monkeypatch, asked, target):
    build_in_wizard(window, qtbot, monkeypatch)
    _action(window, "Save").trigger()
    assert target.is_file() and window.session.path == target and not window.isWindowModified()
    window.close()
    assert asked["names"] == [] and not window.isVisible()


def test_asking_save_keeps_the_wizard_built_case_on_disk(window, qtbot, monkeypatch, asked, target):
    build_in_wizard(window, qtbot, monkeypatch)
    asked["answer"] = "save"
    window.close()
    assert asked["names"] == ["Untitled"] and not window.isVisible()
    assert Session.from_file(target).scenario.player == KYLIAN


# Edits and undos never make never-saved work look saved; only a save does.
EDITS = st.lists(st.one_of(st.tuples(st.just("weight"), st.sampled_from(["standing", "defence", "age"]),
                                     st.integers(0, 100)),
                           st.tuples(st.just("undo")), st.tuples(st.just("redo"))), max_size=12)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(before=EDITS, after=EDITS)
def test_only_a_save_makes_a_new_case_saved(qapp, tmp_path_factory, before, after):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    history = UndoHistory(session)
    assert not history.modified
    session.new_case(KYLIAN, AS_OF, PICKED)
    history.reset()                                              # as File > New case does
    for op in before:
        _apply(session, history, op)
        assert history.modified and session.never_saved_work
    session.save(tmp_path_factory.mktemp("saved") / "kylian.json")
    history.stack.setClean()                                     # as Save does
    assert not history.modified and not session.never_saved_work
    for op in after:                                             # now the undo history alone decides
        _apply(session, history, op)
        assert history.modified == (not history.stack.isClean())


def _apply(session: Session, history: UndoHistory, op: tuple) -> None:
    if op[0] == "weight":
        session.set_weight(op[1], float(op[2]))
        history.close_step()
    else:
        (history.stack.undo if op[0] == "undo" else history.stack.redo)()


def test_opening_a_file_or_the_template_is_not_never_saved_work(tmp_path):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    session.new_case(KYLIAN, AS_OF, PICKED)
    assert session.never_saved_work
    session.open_as_new(BUNDLED_SCENARIO)
    assert not session.never_saved_work
    session.new_case(KYLIAN, AS_OF, PICKED)
    session.open(Path(BUNDLED_SCENARIO), read_only=True)
    assert not session.never_saved_work
