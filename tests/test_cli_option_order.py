"""--scenario and --allow-outside-files mean the same before or after the command: the file given
is the file used (never the bundled case instead), and a bad one is one line and status 2."""
from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import main as cli
from strategies_documents import CASE, SCENARIO, document
from test_cli import clubfit

BAD = {   # name -> what the file holds (None: no file at all)
    "missing": None,
    "garbage": b"{\"clubs\": [ not json",
    "wrong-shape-object": b'{"x": 1}',
    "wrong-shape-list": b"[]",
}
NEEDLE = {"missing": "no such file", "garbage": "not valid JSON", "wrong-shape-object": "not a Club Fit scenario",
          "wrong-shape-list": "scenario: expected an object"}
RENAMED = ("Quit Test Albion", "Option Order Rovers", "Argparse Athletic")


def bad_file(folder: Path, kind: str) -> Path:
    path = folder / f"{kind}.json"
    if BAD[kind] is not None:
        path.write_bytes(BAD[kind])
    return path


def positions(command: str, scenario: Path, *rest: str) -> dict[str, list[str]]:
    return {"before": ["--scenario", str(scenario), command, *rest],
            "after": [command, "--scenario", str(scenario), *rest]}


def in_process(args: list[str], capsys) -> tuple[int, str, str]:
    """main() as the console script runs it; a usage error's exit status counts as returned."""
    try:
        code = cli.main(args)
    except SystemExit as e:
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", BAD)
@pytest.mark.parametrize("command", ["score", "report"])
def test_a_bad_scenario_is_refused_in_either_position(tmp_path, capsys, kind, command):
    scenario = bad_file(tmp_path, kind)
    pdf = tmp_path / "fit.pdf"
    for where, args in positions(command, scenario, *(["--out", str(pdf)] if command == "report" else [])).items():
        code, out, err = in_process(args, capsys)
        assert code == 2, (where, out, err)
        assert scenario.name in err and NEEDLE[kind] in err, (where, err)
        assert err.count("\n") == 1 and "Traceback" not in err and out == ""
        assert not pdf.exists()                                  # no report, least of all the bundled one


@pytest.mark.parametrize("kind", BAD)
@pytest.mark.parametrize("command", ["score", "report"])
def test_the_console_refuses_a_bad_scenario_before_the_command(tmp_path, kind, command):
    scenario = bad_file(tmp_path, kind)
    pdf = tmp_path / "fit.pdf"
    done = clubfit("--scenario", str(scenario), command, *(["--out", str(pdf)] if command == "report" else []))
    assert done.returncode == 2, done
    assert scenario.name in done.stderr and NEEDLE[kind] in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr and done.stdout == ""
    assert not pdf.exists()


@pytest.fixture
def renamed(tmp_path) -> Path:
    """A valid scenario that is not the bundled case: the same figures under other clubs' names."""
    d = copy.deepcopy(SCENARIO)
    d.pop("case_file", None)                                     # fixed figures: no case to find
    for club, name in zip(d["clubs"], RENAMED):
        club["name"] = name
    path = tmp_path / "renamed.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["before", "after"])
def test_the_scenario_given_is_the_one_scored(renamed, where):
    done = clubfit(*positions("score", renamed, "--format", "json")[where])
    assert done.returncode == 0, done.stderr
    assert sorted(r["club"] for r in json.loads(done.stdout)["ranking"]) == sorted(RENAMED)


def test_the_scenario_given_before_report_is_the_one_reported(renamed, tmp_path, monkeypatch, capsys, qapp):
    import ui.export_pdf
    seen: list[str] = []
    real = ui.export_pdf.export_report
    monkeypatch.setattr(ui.export_pdf, "export_report",
                        lambda result, *a: seen.extend(c.name for c in result.scenario.clubs) or real(result, *a))
    code, out, err = in_process(positions("report", renamed, "--out", str(tmp_path / "r.pdf"))["before"], capsys)
    assert code == 0, err
    assert sorted(seen) == sorted(RENAMED) and (tmp_path / "r.pdf").stat().st_size > 0


@pytest.fixture
def outside(tmp_path) -> Path:
    """A scenario whose case names match files and squads kept in a folder far from it."""
    far, near = tmp_path / "elsewhere", tmp_path / "a" / "b" / "c"
    far.mkdir()
    near.mkdir(parents=True)
    case = copy.deepcopy(CASE)

    def moved(name: str) -> str:
        return str(Path(shutil.copy(name, far / Path(name).name)).resolve())
    for club in case["clubs"]:
        club["matches"], club["squad"] = moved(club["matches"]), moved(club["squad"])
    case["aliases"] = moved(case["aliases"])
    case["cross_check"] = [moved(f) for f in case["cross_check"]]
    (near / "far.case.json").write_text(json.dumps(case), encoding="utf-8")
    d = {**copy.deepcopy(SCENARIO), "case_file": "far.case.json"}
    (near / "far.json").write_text(json.dumps(d), encoding="utf-8")
    return near / "far.json"


@pytest.mark.parametrize("command", ["score", "timeline"])
def test_allow_outside_files_counts_in_either_position(outside, capsys, command):
    code, _, err = in_process([command, "--scenario", str(outside)], capsys)
    assert code == 2 and "--allow-outside-files" in err
    for args in (["--allow-outside-files", command, "--scenario", str(outside)],
                 [command, "--allow-outside-files", "--scenario", str(outside)],
                 ["--allow-outside-files", "--scenario", str(outside), command]):
        code, out, err = in_process(args, capsys)
        assert code == 0 and "AS Roma" in out, (args, err)


@pytest.mark.parametrize("option", [["--scenario", "x.json"], ["--allow-outside-files"]])
def test_a_shared_option_before_a_command_without_a_use_for_it_is_refused_not_ignored(capsys, option):
    code, out, err = in_process([*option, "table", "matches.json", "--as-of", "2025-11-28"], capsys)
    assert code == 2 and f"{option[0]}: not used by the table command" in err and err.count("\n") == 1


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=document(SCENARIO), command=st.sampled_from(["score", "timeline", "discover"]))
def test_any_scenario_reads_the_same_before_and_after_the_command(tmp_path, capsys, content, command):
    path = tmp_path / "fuzz.scenario.json"
    path.write_bytes(content)
    before, after = (in_process(args, capsys) for args in positions(command, path).values())
    assert before == after
    if before[0] != 0:
        assert before[0] == 2 and before[2].count("\n") == 1 and "Traceback" not in before[2]
