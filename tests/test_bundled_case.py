"""The bundled case is built by the importer from the shipped files, never typed in."""
from __future__ import annotations

import subprocess
import sys

from conftest import BUNDLED_CASE, BUNDLED_SCENARIO, ROOT
from evaluator.data.case import build_scenario
from evaluator.documents import load_case
from evaluator.documents import load_scenario, scenario_to_dict


def test_rebuilding_from_the_shipped_files_gives_the_bundled_scenario():
    rebuilt = scenario_to_dict(build_scenario(load_case(BUNDLED_CASE)))
    shipped = scenario_to_dict(load_scenario(BUNDLED_SCENARIO))
    assert rebuilt == shipped


def test_bundled_figures_match_the_reference_table():
    s = load_scenario(BUNDLED_SCENARIO)
    clubs = {c.name: c for c in s.clubs}
    roma, lev, om = clubs["AS Roma"], clubs["Bayer 04 Leverkusen"], clubs["Olympique de Marseille"]
    v = lambda club, col: club.figure(col).value  # noqa: E731
    assert (v(roma, "league_position"), v(roma, "league_size"), v(roma, "points")) == (1, 20, 27)
    assert v(roma, "conceded_per_match") == 6 / 12
    assert (v(lev, "league_position"), v(lev, "league_size"), v(lev, "points"), v(lev, "gap_to_leader")) == (3, 18, 23, 8)
    assert (v(om, "league_position"), v(om, "league_size"), v(om, "points"), v(om, "gap_to_leader")) == (2, 18, 28, 2)
    for club in s.clubs:
        for col, fig in club.figures.items():
            assert fig.value is not None, (club.name, col)
            assert fig.source and fig.as_of.isoformat() == "2025-11-28", (club.name, col)


def test_build_case_command_reproduces_the_file(tmp_path):
    out = tmp_path / "rebuilt.json"
    done = subprocess.run([sys.executable, "main.py", "build-case", str(BUNDLED_CASE), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == BUNDLED_SCENARIO.read_text(encoding="utf-8")
