"""Generated scenario files, case files and command lines: each is accepted with sane figures or
refused with one short line naming the file (or option) — never a traceback or a hang."""
from __future__ import annotations

import contextlib
import io
import json
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import BUNDLED_CASE, BUNDLED_SCENARIO
from evaluator.documents import load_case, load_scenario
from evaluator.errors import InputError
from tests.strategies_documents import absolute_case, places, swap

MAX_MESSAGE = 200

json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.sampled_from(["", "false", "NaN", "1e400", "../../etc/passwd", "\x00", "x" * 5000]),
    st.just(10**400), st.just([]), st.just({}),
)


def _mutations(base: dict) -> st.SearchStrategy:
    spots = places(base)
    return st.lists(st.tuples(st.sampled_from(spots), json_leaf), min_size=1, max_size=3)


def _write(doc: object, path: Path) -> None:
    # json.dumps writes NaN/Infinity and ints of any size: the reader must cope with them.
    path.write_text(json.dumps(doc, allow_nan=True), encoding="utf-8")


def _check_refusal(e: InputError, name: str) -> None:
    text = str(e)
    assert "\n" not in text and len(text) <= MAX_MESSAGE, text[:300]
    assert name in text, text


SCENARIO = json.loads(BUNDLED_SCENARIO.read_text(encoding="utf-8"))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=_mutations(SCENARIO))
def test_mutated_scenarios_load_sanely_or_are_refused_in_one_line(tmp_path, changes):
    doc: object = SCENARIO
    for where, value in changes:
        doc = swap(doc, where, value)   # a place an earlier change removed is left alone
    path = tmp_path / "fuzzed.json"
    _write(doc, path)
    try:
        s = load_scenario(path)
    except InputError as e:
        _check_refusal(e, "fuzzed.json")
        return
    for club in s.clubs:
        for f in club.figures.values():
            assert f.value is None or (math.isfinite(f.value) and abs(f.value) <= 1e9)
    assert all(math.isfinite(w) and 0 <= w <= 1e9 for w in s.weights.values())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=_mutations(absolute_case()))
def test_mutated_cases_build_or_are_refused_in_one_line(tmp_path, changes):
    from evaluator.data.case import build_scenario
    base = absolute_case()   # paths made absolute so the copy finds the shipped data
    doc: object = base
    for where, value in changes:
        doc = swap(doc, where, value)
    path = tmp_path / "fuzzed.case.json"
    _write(doc, path)
    try:
        build_scenario(load_case(path))
    except InputError as e:
        text = str(e)
        assert "\n" not in text and len(text) <= MAX_MESSAGE, text[:300]


commands = st.sampled_from(["score", "table", "build-case"])
option_values = st.one_of(
    st.sampled_from(["2025-11-28", "2025-02-30", "9999-12-31", "0001-01-01", "", "x", "standing=2", "age=nan",
                     "defence=1e400", "=3", "age=-1", "age=" + "9" * 5000, "json", "text", "csv", "yaml",
                     str(BUNDLED_SCENARIO), str(BUNDLED_CASE), "/dev/null", "/nonexistent.json", "/"]),
    st.text(max_size=20),
)
options = st.lists(st.tuples(st.sampled_from(["--weight", "--as-of", "--format", "--scenario", "--out", ""]),
                             option_values), max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=commands, opts=options)
def test_generated_command_lines_exit_0_or_2_with_one_line(tmp_path, command, opts):
    import main
    argv = [command]
    if command in ("table", "build-case"):
        argv.append(str(BUNDLED_CASE) if command == "build-case" else
                    str(BUNDLED_CASE.parent.parent / "data" / "matches" / "openfootball-it.1-2025-26.json"))
    for flag, value in opts:
        if flag == "--out":
            value = str(tmp_path / "out.json")
        argv += [flag, value] if flag else [value]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main.main(argv)
        except SystemExit as e:   # argparse: usage mistakes
            code = e.code if isinstance(e.code, int) else 2
    assert code in (0, 2), (argv, err.getvalue())
    if code == 2:
        lines = err.getvalue().strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in err.getvalue(), (argv, err.getvalue()[:500])
        assert len(lines[0]) <= MAX_MESSAGE + 60, lines[0][:300]


@pytest.mark.parametrize("text", ["[" * 1000 + "]" * 1000, '{"format": "clubfit-scenario", "clubs": ' + "[" * 5000])
def test_deep_nesting_is_refused_without_recursing(tmp_path, text):
    p = tmp_path / "deep.json"
    p.write_text(text)
    with pytest.raises(InputError, match=r"deep\.json: nested \d+ levels deep"):
        load_scenario(p)
