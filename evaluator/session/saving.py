"""Saving a document: the scenario, and the case beside it when its figures come from files."""
from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from evaluator.atomic import write_group
from evaluator.data.live_case import case_to_save, free_case_path
from evaluator.documents import case_to_json, save_scenario, scenario_to_json
from evaluator.model import Scenario
from evaluator.session.state import State


def save_document(state: State, scenario: Scenario, target: Path, own_case: Path | None) -> Path | None:
    """Write ``scenario`` at ``target``; returns the case file written beside it, if any.

    The case goes to ``name.case.json``, or ``name-2.case.json``... when that file exists and is
    not the document's own case (an unrelated file is never overwritten). The two are written as
    one group: the scenario, which names the case and its digest, is replaced last, so a kill at
    any instant leaves the old pair or the new pair (``evaluator.atomic.write_group``).
    """
    if state.case is None:
        save_scenario(replace(scenario, case_file="", case_sha256=""), target)
        return None
    case_path = free_case_path(target, own_case)
    case_text = case_to_json(case_to_save(state.case, state.leagues, scenario, case_path), case_path)
    digest = hashlib.sha256(case_text.encode("utf-8")).hexdigest()
    saved = replace(scenario, case_file=case_path.name, case_sha256=digest)
    write_group([(case_path, case_text), (target, scenario_to_json(saved))])
    return case_path
