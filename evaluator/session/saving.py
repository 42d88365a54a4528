"""Saving a document: the scenario, and the case beside it when its figures come from files."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from evaluator.atomic import write_atomic, write_text_atomic
from evaluator.data.live_case import case_to_save, free_case_path
from evaluator.documents import case_to_json, save_scenario, scenario_to_json
from evaluator.model import Scenario
from evaluator.session.state import State


def save_document(state: State, scenario: Scenario, target: Path, own_case: Path | None) -> Path | None:
    """Write ``scenario`` at ``target``; returns the case file written beside it, if any.

    The case goes to ``name.case.json``, or ``name-2.case.json``... when that file exists and is
    not the document's own case (an unrelated file is never overwritten). It is written inside
    the scenario's atomic write: if either fails, the scenario file is untouched.
    """
    if state.case is None:
        save_scenario(scenario, target)
        return None
    case_path = free_case_path(target, own_case)
    case = case_to_save(state.case, state.leagues, scenario, case_path)
    saved = replace(scenario, case_file=case_path.name)

    def write(tmp: str) -> None:
        Path(tmp).write_text(scenario_to_json(saved), encoding="utf-8")
        write_text_atomic(case_path, case_to_json(case, case_path))

    write_atomic(target, write)
    return case_path
