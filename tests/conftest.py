"""Test set-up: offscreen Qt before anything imports it, and the shared fixtures."""
from __future__ import annotations

import os
from pathlib import Path

import tempfile  # noqa: E402

os.environ["QT_QPA_PLATFORM"] = "offscreen"   # before Qt is imported anywhere
# Settings go to a throwaway file, never the user's home (subprocesses inherit this too).
_SETTINGS_DIR = tempfile.mkdtemp(prefix="clubfit-test-settings-")
os.environ["CLUBFIT_SETTINGS"] = os.path.join(_SETTINGS_DIR, "settings.ini")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
BUNDLED_CASE = RESOURCES / "cases" / "ramos-2025-11-28.case.json"
BUNDLED_SCENARIO = RESOURCES / "cases" / "ramos-2025-11-28.scenario.json"


@pytest.fixture
def bundled_scenario():
    from evaluator.documents import load_scenario
    return load_scenario(BUNDLED_SCENARIO)


@pytest.fixture
def session(bundled_scenario):
    from evaluator.session import Session
    return Session(bundled_scenario)


@pytest.fixture
def live_window(qtbot):
    """The main window on the bundled case opened live (its figures recomputable), shown."""
    from evaluator.session import Session
    from ui.main_window import MainWindow
    w = MainWindow(Session.from_file(BUNDLED_SCENARIO))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture(autouse=True)
def windows_live_until_teardown(request, monkeypatch):
    """Every main window a test makes stays referenced until the test's teardown, then is closed
    and deleted there. pytest-qt holds added widgets only weakly: a window that a test's locals
    let go of (while the session fixture still reached it) was collected piecemeal by the cycle
    collector, which deleted pyqtgraph items (Python-owned) out of a scene still on screen; the
    next SMAA frame then met a deleted legend and a paint crashed (seen twice in this suite)."""
    if "qtbot" not in request.fixturenames and "qapp" not in request.fixturenames:
        yield            # no Qt in this test
        return
    from ui.main_window import MainWindow
    made: list[MainWindow] = []
    original = MainWindow.__init__

    def keep(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)
    monkeypatch.setattr(MainWindow, "__init__", keep)
    yield
    import shiboken6
    from PySide6.QtWidgets import QApplication
    for window in made:
        if shiboken6.isValid(window):
            window.signals.detach()
            window.close()
            window.deleteLater()
    QApplication.processEvents()


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal dialog offscreen waits for a click that never comes: fail fast instead of hanging.
    Tests that expect a dialog replace these functions themselves (after this fixture)."""
    from ui import dialogs

    def refuse(name):
        def call(*args, **kwargs):
            raise AssertionError(f"unexpected modal dialog dialogs.{name}{args[1:3]}")
        return call
    for name in ("show_error", "show_info", "show_list", "ask_open_path", "ask_save_path", "ask_item",
                 "ask_yes_no", "show_document", "ask_text", "ask_replace"):
        monkeypatch.setattr(dialogs, name, refuse(name))
    # Windows a test changed are closed at teardown and would ask to save: they are thrown away.
    # Tests of that question replace this with their own answer and check it was asked.
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")


@pytest.fixture(autouse=True)
def fresh_settings(tmp_path_factory, monkeypatch):
    """Each test starts with empty settings of its own (recent files, folders, geometry)."""
    monkeypatch.setenv("CLUBFIT_SETTINGS", str(tmp_path_factory.mktemp("settings") / "clubfit.ini"))
