"""Issue 14's whole journey, as a new user would take it in the window: File > New case for a
24-year-old striker choosing among four clubs of two leagues, criteria reshaped in the criteria
editor (points per match, goals scored per match, squad age with a target of 26), two weight
profiles; it ranks live, saves, reopens, exports with the profiles section, and
`clubfit score --profile` reproduces each profile's ranking."""
from __future__ import annotations

import json
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QWizard

from evaluator.session import Session
from tests.conftest import BUNDLED_CASE, BUNDLED_SCENARIO
from tests.test_cli import clubfit
from tests.test_new_case import BUNDESLIGA, SERIE_A, finish, next_page, pick
from ui import file_actions
from ui.criteria_dialog import CriteriaDialog
from ui.new_case_wizard import NewCaseWizard
from ui.panels.case_panel import to_qdate

SQUADS = BUNDLED_CASE.parent.parent / "data" / "squads"
CLUBS = ["AS Roma", "SSC Napoli", "Bayer 04 Leverkusen", "FC Bayern München"]
PROFILES = {"Player: goals and trophies": {"points_per_match": 60, "scored_per_match": 40, "squad_age": 0},
            "Agent: a young dressing room": {"points_per_match": 20, "scored_per_match": 20, "squad_age": 60}}


@pytest.fixture
def window(live_window):
    return live_window


def test_a_striker_case_built_in_the_window_ranks_saves_reopens_exports_and_scores_headless(window, qtbot, tmp_path):
    s = window.session
    # 1. File > New case: the player and the date, then four clubs from two leagues.
    wiz = NewCaseWizard(s, window)
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    page = wiz.subject
    page.name.clear()
    qtbot.keyClicks(page.name, "Luca Esempio")
    page.position.setCurrentText("striker")
    page.born.clear()
    qtbot.keyClicks(page.born, "2001-06-15")
    page.as_of.setDate(to_qdate(date(2025, 11, 28)))
    next_page(wiz, qtbot)
    pick(wiz, SERIE_A, "AS Roma", "SSC Napoli")
    pick(wiz, BUNDESLIGA, "Bayer 04 Leverkusen", "FC Bayern München")
    finish(wiz, qtbot)
    assert wiz.result() == QWizard.DialogCode.Accepted
    assert sorted(c.name for c in s.scenario.clubs) == sorted(CLUBS)
    assert s.scenario.subject == "Luca Esempio, striker, 24 on 2025-11-28"
    for club, squad in (("AS Roma", "as-roma"), ("Bayer 04 Leverkusen", "bayer-04-leverkusen")):
        s.set_squad(club, SQUADS / f"{squad}-2025-26-squad.csv")   # the others' ages stay missing

    # 2. The criteria editor: add two catalogue columns, age of the whole squad with a target of 26,
    #    then drop the bundled case's standing and defence criteria.
    action = next(a for a in window.menuBar().actions()[1].menu().actions() if a.text() == "&Criteria…")
    action.trigger()
    editor = window.findChild(CriteriaDialog)
    assert editor is not None
    qtbot.waitExposed(editor)
    ppm = s.add_criterion("points_per_match")
    goals = s.add_criterion("scored_per_match")
    s.set_column("age", "squad_age")
    s.set_direction("age", "target", 26.0, 4.0)
    s.remove_criterion("standing")
    s.remove_criterion("defence")
    crit = {c.column: c for c in s.scenario.criteria}
    assert list(crit) == ["squad_age", "points_per_match", "scored_per_match"]
    assert crit["squad_age"].target == 26.0 and crit["squad_age"].direction.value == "target"
    assert [editor.list.item(i).text() for i in range(3)] == [c.label for c in s.scenario.criteria]
    editor.close()
    ids = {c.column: c.id for c in s.scenario.criteria}
    assert ids["points_per_match"] == ppm and ids["scored_per_match"] == goals

    # 3. Two profiles, each saved from the sliders' weights; the ranking moves live with them.
    rankings: dict[str, list[str]] = {}
    for name, weights in PROFILES.items():
        s.set_weights({ids[col]: w for col, w in weights.items()})
        s.save_profile(name)
        rankings[name] = [s.scenario.clubs[i].name for i in s.result.order]
        assert [window.ranking.model().index(r, 1).data() for r in range(4)] == rankings[name]   # the window follows
    assert rankings["Player: goals and trophies"] != rankings["Agent: a young dressing room"]
    window.history.stack.undo()       # undo and redo cover profiles too
    assert [p.name for p in s.profiles] == ["Player: goals and trophies"]
    window.history.stack.redo()
    assert [p.name for p in s.profiles] == list(PROFILES)

    # 4. Save, reopen: the same player, clubs, criteria, profiles and rankings.
    saved = tmp_path / "luca.json"
    s.save(saved)
    back = Session.from_file(saved)
    assert back.scenario.subject == s.scenario.subject and back.scenario.player == s.scenario.player
    assert [c.name for c in back.scenario.clubs] == [c.name for c in s.scenario.clubs]
    assert back.scenario.criteria == s.scenario.criteria
    for name in PROFILES:
        back.apply_profile(name)
        assert [back.scenario.clubs[i].name for i in back.result.order] == rankings[name]

    # 5. Export from the window: the report carries the profiles with their rankings.
    pdf = tmp_path / "luca.pdf"
    assert file_actions.export_fit_report(window, s, str(pdf))
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Weight profiles" in text and all(name in text for name in PROFILES)
    assert "Luca Esempio" in text and "closest to 26" in text

    # 6. Headless: `clubfit score --profile` reproduces each profile's ranking.
    for name, ranking in rankings.items():
        done = clubfit("score", "--scenario", str(saved), "--profile", name, "--format", "json")
        assert done.returncode == 0, done.stderr
        assert [row["club"] for row in json.loads(done.stdout)["ranking"]] == ranking
    done = clubfit("score", "--scenario", str(saved), "--profile", "Coach")
    assert done.returncode == 2 and "Coach" in done.stderr
