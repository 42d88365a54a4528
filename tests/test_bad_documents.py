"""Every kind of bad document or case the outside audit found: refused in one line naming the file
and field (or accepted with a visible warning), and nothing already loaded is lost."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from conftest import BUNDLED_CASE, BUNDLED_SCENARIO, ROOT
from evaluator.data.case import build_scenario
from evaluator.documents import load_case, load_scenario
from evaluator.errors import InputError
from evaluator.session import Session
from tests.strategies_documents import absolute_case

DATA = BUNDLED_CASE.parent.parent / "data"


def _case(tmp_path: Path, change=lambda d: None) -> Path:
    d = absolute_case()
    change(d)
    p = tmp_path / "mine.case.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    return p


def _scenario(tmp_path: Path, change) -> Path:
    d = json.loads(BUNDLED_SCENARIO.read_text(encoding="utf-8"))
    change(d)
    p = tmp_path / "mine.json"
    p.write_text(json.dumps(d, allow_nan=True), encoding="utf-8")
    return p


@pytest.mark.parametrize("raw, words", [
    ("9" * 5000, "infinite"), ("9" * 400, "infinite"), ("1e400", "infinite"), ("1e308", "out of range"),
])
def test_absurd_weights_are_refused_by_field(tmp_path, raw, words):
    p = tmp_path / "w.json"
    text = BUNDLED_SCENARIO.read_text(encoding="utf-8")
    p.write_text(text.replace('"age": 50.0', f'"age": {raw}', 1), encoding="utf-8")
    with pytest.raises(InputError, match=rf"^w\.json: weights\.age: .*{words}") as e:
        load_scenario(p)
    assert len(str(e.value)) < 200


def test_a_fixed_scale_near_the_float_limit_is_refused(tmp_path):
    p = _scenario(tmp_path, lambda d: d["criteria"][1].update(scale={"lo": -1.7e308, "hi": 1.7e308}))
    with pytest.raises(InputError, match=r"criteria\[1\]\.scale\.lo: .* out of range"):
        load_scenario(p)


def test_a_long_bad_value_is_cut_short(tmp_path):
    p = _scenario(tmp_path, lambda d: d["criteria"][0].update(direction="x" * 140_000))
    with pytest.raises(InputError) as e:
        load_scenario(p)
    assert len(str(e.value)) < 200 and "…" in str(e.value)


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_scenario(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_case(fifo)


def test_a_nul_byte_in_a_case_path_names_the_field(tmp_path):
    p = _case(tmp_path, lambda d: d["clubs"][0].update(squad="a\x00b.csv"))
    with pytest.raises(InputError, match=r"^mine\.case\.json: clubs\[0\]\.squad: .* not a usable file name"):
        load_case(p)


def test_a_boolean_written_as_text_is_refused(tmp_path):
    p = _case(tmp_path, lambda d: d.update(include_doubtful_squad_rows="false"))
    with pytest.raises(InputError, match=r"include_doubtful_squad_rows: expected true or false, got 'false'"):
        load_case(p)


def test_a_club_named_twice_is_reported_against_the_case_file(tmp_path):
    p = _case(tmp_path, lambda d: d["clubs"].append(dict(d["clubs"][0])))
    with pytest.raises(InputError, match=r"^mine\.case\.json: clubs\[3\]\.name: 'AS Roma' appears twice \(also clubs\[0\]\)"):
        load_case(p)


def test_two_names_for_one_team_are_refused(tmp_path):
    p = _case(tmp_path, lambda d: d["clubs"].append({"name": "Roma", "matches": d["clubs"][0]["matches"]}))
    with pytest.raises(InputError, match=r"^mine\.case\.json: clubs\[3\] \(Roma\) is the same team as clubs\[0\] \(AS Roma\)"):
        build_scenario(load_case(p))


def test_a_squad_list_of_another_club_is_refused(tmp_path):
    def swap(d):
        d["clubs"][0]["squad"] = d["clubs"][1]["squad"]   # Leverkusen's list given for Roma
    p = _case(tmp_path, swap)
    with pytest.raises(InputError, match=r"clubs\[0\] \(AS Roma\)\.squad: .*Leverkusen, not of AS Roma"):
        build_scenario(load_case(p))


def test_case_building_errors_name_the_case_file(tmp_path):
    p = _case(tmp_path, lambda d: d["clubs"][0].update(name="Nobody FC"))
    with pytest.raises(InputError, match=r"^mine\.case\.json: clubs\[0\] \(Nobody FC\)"):
        build_scenario(load_case(p))


def test_an_as_of_date_far_after_the_season_is_refused():
    s = Session.from_file(BUNDLED_SCENARIO)
    before = s.state
    with pytest.raises(InputError, match=r"as-of date 9999-12-31: after the season"):
        s.set_as_of(date(9999, 12, 31))
    assert s.state == before


def test_an_output_name_too_long_for_the_file_system_is_one_line(tmp_path):
    out = tmp_path / ("r" * 300 + ".pdf")
    done = subprocess.run([sys.executable, "main.py", "report", "--out", str(out)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "too long" in done.stderr


def test_reader_warnings_reach_the_window_messages_and_the_score_output(tmp_path):
    squad = tmp_path / "roma.csv"
    lines = (DATA / "squads" / "as-roma-2025-26-squad.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    squad.write_text("".join(lines + [lines[1]]), encoding="utf-8")        # one player listed twice
    p = _case(tmp_path, lambda d: d["clubs"][0].update(squad=str(squad)))
    scenario = build_scenario(load_case(p))
    warnings = [c.text for c in scenario.data_checks if c.kind == "warning"]
    assert len(warnings) == 1 and warnings[0].startswith("roma.csv: ") and "counted once" in warnings[0]


# --- crash-safe saves -------------------------------------------------------------------------
SAVER = """
import sys
from evaluator.session import Session
s = Session.from_file(sys.argv[1])
target = sys.argv[2]
i = 0
print("ready", flush=True)
while True:
    i += 1
    s.set_weight("age", float(i % 50 + 1))
    s.save(__import__("pathlib").Path(target))
"""


def kill_saver_at_random(tmp_path: Path, tries: int, seed: int = 0) -> dict[str, int]:
    """Start a process saving the same document over and over, kill it at a random instant, and
    check the pair on disk is the old or the new one (the scenario and its case agree)."""
    import random
    rng = random.Random(seed)
    target = tmp_path / "ramos.json"
    Session.from_file(BUNDLED_SCENARIO).save(target)
    counts = {"kills": 0, "consistent": 0, "leftovers_seen": 0}
    for _ in range(tries):
        proc = subprocess.Popen([sys.executable, "-c", SAVER, str(target), str(target)], cwd=ROOT,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        counts["kills"] += 1
        counts["leftovers_seen"] += any(p.name.endswith(".part") for p in tmp_path.iterdir())
        s = Session.from_file(target)
        assert s.case is not None
        assert dict(s.case.weights) == s.weights        # the scenario and its case were saved together
        counts["consistent"] += 1
    Session.from_file(target).save(target)               # the next save cleans what kills left
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith((".part", ".previous"))]
    return counts


def test_killed_saves_leave_the_old_pair_or_the_new_pair(tmp_path):
    counts = kill_saver_at_random(tmp_path, tries=6)
    assert counts["consistent"] == counts["kills"] == 6


def test_a_save_killed_between_the_two_renames_reopens_as_the_old_pair(tmp_path, monkeypatch):
    from evaluator import atomic
    target = tmp_path / "ramos.json"
    s = Session.from_file(BUNDLED_SCENARIO)
    s.save(target)                                       # the old pair: age weight 50
    s.set_weight("age", 7)
    real = os.replace
    calls = []

    def replace_then_die(src, dst):
        calls.append(dst)
        if len(calls) == 2:                              # the case is in place, the scenario not yet
            raise KeyboardInterrupt("killed")
        real(src, dst)
    monkeypatch.setattr(atomic.os, "replace", replace_then_die)
    with pytest.raises(KeyboardInterrupt):
        s.save(target)
    monkeypatch.setattr(atomic.os, "replace", real)
    assert json.loads((tmp_path / "ramos.case.json").read_text())["weights"]["age"] == 7   # new case on disk
    back = Session.from_file(target)
    assert back.weights["age"] == 50 and back.case is not None and back.case.weights["age"] == 50


# --- only what the user chose is read -------------------------------------------------------
def _pair_reading_outside(tmp_path: Path) -> Path:
    """A saved scenario whose case names a match file two folders up from it."""
    far = tmp_path / "elsewhere"
    far.mkdir()
    (far / "serie-a.json").write_bytes((DATA / "matches" / "openfootball-it.1-2025-26.json").read_bytes())
    home = tmp_path / "a" / "b"
    home.mkdir(parents=True)
    s = Session.from_file(BUNDLED_SCENARIO)
    s.save(home / "case.json")
    d = json.loads((home / "case.case.json").read_text())
    d["clubs"][0]["matches"] = "../../elsewhere/serie-a.json"
    d["cross_check"] = []
    (home / "case.case.json").write_text(json.dumps(d))
    scen = json.loads((home / "case.json").read_text())
    scen.pop("case_sha256")   # edited by hand: no digest to hold it to
    (home / "case.json").write_text(json.dumps(scen))
    return home / "case.json"


def test_a_case_reading_outside_its_folder_is_refused_headless_unless_allowed(tmp_path):
    path = _pair_reading_outside(tmp_path)
    run = lambda *extra: subprocess.run([sys.executable, "main.py", "score", "--scenario", str(path), *extra],  # noqa: E731
                                        cwd=ROOT, capture_output=True, text=True, timeout=60)
    refused = run()
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "outside its folder" in refused.stderr and "serie-a.json" in refused.stderr
    assert run("--allow-outside-files").returncode == 0


def test_the_window_asks_before_reading_outside_files(qtbot, tmp_path, monkeypatch):
    from ui import dialogs
    from ui.main_window import MainWindow
    path = _pair_reading_outside(tmp_path)
    window = MainWindow(Session.from_file(BUNDLED_SCENARIO, read_only=True))
    qtbot.addWidget(window)
    asked = []
    answer = {"yes": False}
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda parent, title, text: asked.append(text) or answer["yes"])
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(path))
    before = window.session.state
    from ui import document_actions
    assert not document_actions.open_document(window, window.session, window.history)
    assert len(asked) == 1 and "serie-a.json" in asked[0] and window.session.state == before
    answer["yes"] = True
    assert document_actions.open_document(window, window.session, window.history)
    assert window.session.path == path


def test_a_long_name_from_the_file_keeps_the_message_short(tmp_path):
    # found by the 10,000-case fuzz run: a 5,000-character figure key was echoed in full
    def change(d):
        figs = d["clubs"][2]["figures"]
        figs["x" * 5000] = figs.pop("conceded_per_match")
    with pytest.raises(InputError) as e:
        load_scenario(_scenario(tmp_path, change))
    assert len(str(e.value)) <= 200 and str(e.value).startswith("mine.json: ")
