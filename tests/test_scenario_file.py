"""Scenario files: every bad field is named; saves round-trip and are atomic."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import evaluator.atomic as atomic
from evaluator.data.case import build_scenario
from evaluator.documents import load_case
from evaluator.errors import InputError
from evaluator.documents import load_scenario, save_scenario, scenario_from_dict, scenario_to_dict

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def real():
    return build_scenario(load_case(ROOT / "resources/cases/ramos-2025-11-28.case.json"))


def doc(real):
    return json.loads(json.dumps(scenario_to_dict(real)))


def write(tmp_path, text, name="s.json"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_round_trip_save_load(real, tmp_path):
    p = save_scenario(real, tmp_path / "ramos.json")
    back = load_scenario(p)
    assert back == real
    assert scenario_to_dict(back) == scenario_to_dict(real)


@pytest.mark.parametrize("token, words", [("NaN", "is NaN"), ("Infinity", "is infinite"),
                                           ("-Infinity", "is infinite")])
def test_nan_and_inf_in_file_name_the_field(real, tmp_path, token, words):
    text = json.dumps(doc(real), indent=1).replace('"value": 0.5,', f'"value": {token},', 1)
    assert token in text
    with pytest.raises(InputError, match=rf"^s\.json: clubs\[0\] \(AS Roma\)\.figures\.conceded_per_match\.value: {words}"):
        load_scenario(write(tmp_path, text))


def test_nan_weight_in_file_names_the_weight(real, tmp_path):
    text = json.dumps(doc(real), indent=1).replace('"standing": 50.0', '"standing": NaN')
    with pytest.raises(InputError, match=r"^s\.json: weights\.standing: is NaN"):
        load_scenario(write(tmp_path, text))


def mutate(real, change):
    d = doc(real)
    change(d)
    return d


@pytest.mark.parametrize("change, where", [
    (lambda d: d["clubs"][1]["figures"]["defender_age"].update(value=-25.9),
     r"clubs\[1\] \(Bayer 04 Leverkusen\)\.figures\.defender_age\.value: -25\.9 is below the minimum 0"),
    (lambda d: d["criteria"][2].update(direction="younger"), r"criteria\[2\]\.direction: unknown direction 'younger'"),
    (lambda d: d["criteria"][0].update(direction=None), r"criteria\[0\]\.direction: unknown direction None"),
    (lambda d: d["clubs"][0]["figures"]["points"].update(value="27"), r"clubs\[0\] \(AS Roma\)\.figures\.points\.value: expected a number"),
    (lambda d: d["clubs"][0].update(name=7), r"clubs\[0\]\.name: expected a non-empty text"),
    (lambda d: d.update(clubs={}), r"^clubs: expected a list"),
    (lambda d: d.update(clubs=[]), r"clubs: the scenario has no clubs"),
    (lambda d: d.update(criteria=[], weights={}), r"criteria: the scenario has no criteria"),
    (lambda d: d["weights"].update(age=-1), r"weights\.age: weight -1 is negative"),
    (lambda d: d["weights"].update(age="high"), r"weights\.age: expected a number"),
    (lambda d: d["clubs"][2]["figures"]["points"].update(source=""), r"clubs\[2\] \(Olympique de Marseille\)\.figures\.points\.source: a figure needs a source"),
    (lambda d: d["clubs"][0]["figures"]["points"].update(status="guessed"), r"figures\.points\.status: unknown status 'guessed'"),
    (lambda d: d.update(as_of="28/11/2025"), r"as_of: '28/11/2025' is not a date"),
    (lambda d: d["columns"][0].update(decimals=-1), r"columns\[0\]\.decimals: expected a whole number from 0 to 6, got -1"),
    (lambda d: d["columns"][0].update(decimals=1.5), r"columns\[0\]\.decimals: expected a whole number from 0 to 6, got 1\.5"),
    (lambda d: d["columns"][0].update(minimum=10, maximum=5), r"columns\[0\] \(\w+\): minimum \(10\) is above maximum \(5\)"),
    (lambda d: d["columns"][0].update(decimals="two"), r"columns\[0\]\.decimals: expected a number"),
    (lambda d: d.update(format="other"), r"format: expected 'clubfit-scenario'"),
])
def test_bad_fields_are_named(real, change, where):
    with pytest.raises(InputError, match=where):
        scenario_from_dict(mutate(real, change))


def test_bad_field_in_a_file_names_file_and_field(real, tmp_path):
    d = mutate(real, lambda d: d["criteria"][1].update(direction="down"))
    with pytest.raises(InputError, match=r"^s\.json: criteria\[1\]\.direction: unknown direction 'down'"):
        load_scenario(write(tmp_path, json.dumps(d)))


def test_unreadable_files(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_scenario(tmp_path / "none.json")
    with pytest.raises(InputError, match="is a folder"):
        load_scenario(tmp_path)
    with pytest.raises(InputError, match=r"not valid JSON \(line 1"):
        load_scenario(write(tmp_path, '{"clubs": ['))
    with pytest.raises(InputError, match=r"^s\.json: scenario: expected an object"):
        load_scenario(write(tmp_path, "[1, 2]"))


# --- atomic save ---------------------------------------------------------------------------------
def test_save_into_missing_folder(real, tmp_path):
    with pytest.raises(InputError, match=r"folder .*missing does not exist"):
        save_scenario(real, tmp_path / "missing" / "s.json")


def test_save_onto_a_folder(real, tmp_path):
    (tmp_path / "d").mkdir()
    with pytest.raises(InputError, match=r"d: is a folder"):
        save_scenario(real, tmp_path / "d")


def _old_file(tmp_path):
    p = write(tmp_path, "old content\n")
    return p, p.read_bytes()


# An unwritable folder is simulated (below): CI runs as root, who can write anywhere.
def test_save_when_folder_refuses_temp_file_keeps_old_file(real, tmp_path, monkeypatch):
    p, old = _old_file(tmp_path)

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(InputError, match=r"s\.json: cannot write in .*Permission denied"):
        save_scenario(real, p)
    assert p.read_bytes() == old


def test_failed_write_keeps_old_file_and_leaves_no_temp(real, tmp_path, monkeypatch):
    p, old = _old_file(tmp_path)

    def full(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(InputError, match=r"s\.json: could not be written \(No space left on device\)"):
        save_scenario(real, p)
    assert p.read_bytes() == old
    assert sorted(x.name for x in tmp_path.iterdir()) == ["s.json"]


def test_save_keeps_permissions_of_the_file_it_replaces(real, tmp_path):
    p, _ = _old_file(tmp_path)
    p.chmod(0o644)
    save_scenario(real, p)
    assert p.stat().st_mode & 0o777 == 0o644
