"""Test set-up: offscreen Qt before anything imports it, and the shared fixtures."""
from __future__ import annotations

import os
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"   # before Qt is imported anywhere

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
BUNDLED_CASE = RESOURCES / "cases" / "ramos-2025-11-28.case.json"
BUNDLED_SCENARIO = RESOURCES / "cases" / "ramos-2025-11-28.scenario.json"


@pytest.fixture
def bundled_scenario():
    from evaluator.scenario_file import load_scenario
    return load_scenario(BUNDLED_SCENARIO)


@pytest.fixture
def session(bundled_scenario):
    from evaluator.decision.session import Session
    return Session(bundled_scenario)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal dialog offscreen waits for a click that never comes: fail fast instead of hanging.
    Tests that expect a dialog replace these functions themselves (after this fixture)."""
    from ui import dialogs

    def refuse(name):
        def call(*args, **kwargs):
            raise AssertionError(f"unexpected modal dialog dialogs.{name}{args[1:3]}")
        return call
    for name in ("show_error", "show_info", "show_list", "ask_open_path", "ask_save_path", "ask_item"):
        monkeypatch.setattr(dialogs, name, refuse(name))
