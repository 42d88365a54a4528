"""Generated scenario and case files for the fuzz tests and the fuzz benchmark: the shipped
documents with values swapped for hostile ones, then byte-level faults on top."""
from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "resources" / "cases"
SCENARIO: Any = json.loads((CASES / "ramos-2025-11-28.scenario.json").read_text(encoding="utf-8"))


def absolute_case() -> Any:
    d = json.loads((CASES / "ramos-2025-11-28.case.json").read_text(encoding="utf-8"))
    for c in d["clubs"]:
        c["matches"] = str((CASES / c["matches"]).resolve())
        c["squad"] = str((CASES / c["squad"]).resolve())
    d["aliases"] = str((CASES / d["aliases"]).resolve())
    d["cross_check"] = [str((CASES / f).resolve()) for f in d["cross_check"]]
    return d


CASE = absolute_case()

LEAVES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["", "false", "NaN", "1e400", "../../etc/passwd", "\x00", "x" * 5000,
                                           "<img src='/etc/hosts'>", "9999-12-31", "2025-02-30"]),
    st.just(10**400), st.just([]), st.just({}),
)


def places(doc: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += places(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += places(v, prefix + (i,))
    return out


def swap(doc: Any, where: tuple, value: Any) -> Any:
    if not where:
        return value
    doc = copy.deepcopy(doc)
    node = doc
    try:
        for key in where[:-1]:
            node = node[key]
        node[where[-1]] = value
    except (KeyError, IndexError, TypeError):
        pass   # an earlier swap removed the place
    return doc


def document(base: Any) -> st.SearchStrategy[bytes]:
    spots = places(base)

    @st.composite
    def go(draw: st.DrawFn) -> bytes:
        doc = base
        for _ in range(draw(st.integers(0, 3))):
            doc = swap(doc, draw(st.sampled_from(spots)), draw(LEAVES))
        return json.dumps(doc, allow_nan=True).encode("utf-8")
    return go()


def check_scenario(path: Path, name: str) -> None:
    from evaluator.documents import load_scenario
    s = load_scenario(path)
    for club in s.clubs:
        for f in club.figures.values():
            assert f.value is None or (math.isfinite(f.value) and abs(f.value) <= 1e9), f
    assert all(math.isfinite(w) and 0 <= w <= 1e9 for w in s.weights.values()), s.weights


def check_case(path: Path, name: str) -> None:
    from evaluator.data.case import build_scenario
    from evaluator.documents import load_case
    build_scenario(load_case(path))   # a scenario validates its own figures when built


def register(readers: dict) -> None:
    from tests.strategies import mutated
    readers.update({
        "scenario": (lambda: mutated(document(SCENARIO)), "fuzz.scenario.json", check_scenario),
        "case": (lambda: mutated(document(CASE)), "fuzz.case.json", check_case),
    })
