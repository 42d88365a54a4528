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
