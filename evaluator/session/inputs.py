"""What the session reads from outside: weights typed or given, and documents opened (with the
rule that a case reads only files the user chose)."""
from __future__ import annotations

from pathlib import Path

from evaluator.documents import OutsideFilesError, files_outside, load_case_beside, load_scenario
from evaluator.errors import InputError
from evaluator.model import MAX_WEIGHT, CaseDefinition, Scenario, check_number


def check_weight(value: float, criterion_id: str) -> float:
    v = check_number(value, f"weight of {criterion_id}")
    if v < 0:
        raise InputError(f"weight of {criterion_id}: {v:g} is negative; weights are 0 or more")
    if v > MAX_WEIGHT:   # weights are relative; huge ones only overflow the sum (1e308 + 1e308)
        raise InputError(f"weight of {criterion_id}: {v:.3g} is too large; weights are relative, "
                         f"use numbers up to {MAX_WEIGHT:g}")
    return v


def weights_of(scenario: Scenario) -> tuple[float, ...]:
    return tuple(float(scenario.weights.get(c.id, 0.0)) for c in scenario.criteria)


def read_document(path: Path, allow_outside: bool) -> tuple[Scenario, CaseDefinition | None]:
    """A scenario file and, when its case file sits beside it, the case its figures come from.
    A case naming files outside its folder tree (and outside the app's own data) is refused
    unless the user allowed it."""
    scenario = load_scenario(path)
    case = load_case_beside(scenario, Path(path))
    if case is not None and not allow_outside:
        from clubfit.paths import resources
        outside = files_outside(case, (resources(),))
        if outside:
            raise OutsideFilesError(Path(path), outside)
    return scenario, case
