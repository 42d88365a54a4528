"""Weight profiles headless: `clubfit score|report --profile NAME` (in a subprocess) and the
report's "Weight profiles" section."""
from __future__ import annotations

import copy
import json
from datetime import datetime

import numpy as np
import pytest

from evaluator.decision.scoring import prepare, score
from evaluator.documents import scenario_from_dict
from evaluator.report import build_report
from evaluator.session import Session
from strategies_documents import SCENARIO
from test_cli import clubfit
from ui.report_html import report_html

PLAYER = {"standing": 80, "defence": 20, "age": 0}
AGENT = {"standing": 10, "defence": 30, "age": 60}
WHEN = datetime(2026, 1, 1, 12, 0)


@pytest.fixture
def with_profiles(tmp_path):
    d = copy.deepcopy(SCENARIO)
    d.pop("case_file", None)
    d.pop("case_sha256", None)
    d["profiles"] = [{"name": "Player: title race", "weights": PLAYER}, {"name": "Agent", "weights": AGENT}]
    path = tmp_path / "with-profiles.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    return path


def ranking_under(path, weights) -> list[str]:
    s = scenario_from_dict(json.loads(path.read_text(encoding="utf-8")))
    r = score(prepare(s), np.array([weights[c.id] for c in s.criteria], dtype=float))
    return [s.clubs[i].name for i in r.order]


@pytest.mark.parametrize("name, weights", [("Player: title race", PLAYER), ("agent", AGENT)])
def test_score_with_a_profile_reproduces_its_ranking(with_profiles, name, weights):
    done = clubfit("score", "--scenario", str(with_profiles), "--profile", name, "--format", "json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["weights"] == {k: float(v) for k, v in weights.items()}
    assert [row["club"] for row in out["ranking"]] == ranking_under(with_profiles, weights)


def test_weight_options_apply_on_top_of_the_profile(with_profiles):
    done = clubfit("score", "--scenario", str(with_profiles), "--profile", "Agent", "--weight", "standing=5",
                   "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["weights"] == {"standing": 5.0, "defence": 30.0, "age": 60.0}


def test_an_unknown_profile_exits_2_naming_it_and_the_known_ones(with_profiles, tmp_path):
    for command in (("score",), ("report", "--out", str(tmp_path / "r.pdf"))):
        done = clubfit(*command, "--scenario", str(with_profiles), "--profile", "Coach")
        assert done.returncode == 2
        assert done.stderr == ("clubfit: --profile 'Coach': no profile of that name in with-profiles.json "
                               "(profiles: 'Player: title race', 'Agent')\n")
    assert not (tmp_path / "r.pdf").exists()
    done = clubfit("score", "--profile", "Coach")   # the bundled case has none
    assert done.returncode == 2 and "(it has no profiles)" in done.stderr and done.stderr.count("\n") == 1


def test_report_with_a_profile_writes_the_pdf(with_profiles, tmp_path):
    out = tmp_path / "r.pdf"
    done = clubfit("report", "--scenario", str(with_profiles), "--profile", "Agent", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_the_report_lists_each_profile_with_its_ranking(with_profiles):
    session = Session.from_file(with_profiles)
    report = build_report(session.result, WHEN, profiles=session.profiles)
    p = report.profiles
    assert p is not None
    assert [x.name for x in p.profiles] == ["Player: title race", "Agent", "Consensus"]
    names = ranking_under(with_profiles, AGENT)
    assert p.profiles[1].ranking == ", ".join(f"{k}. {n}" for k, n in enumerate(names, 1))
    assert p.profiles[0].weights.startswith("League standing 80.0%")
    assert p.headers == ("Club", "Player: title race", "Agent", "Consensus", "First in hull (%)")
    assert sum(p.hull_shares) == pytest.approx(1.0)
    html = report_html(report)
    assert "<h2>Weight profiles</h2>" in html and "Player: title race" in html


def test_no_profiles_no_section(session):
    report = build_report(session.result, WHEN)
    assert report.profiles is None
    assert "Weight profiles" not in report_html(report)
