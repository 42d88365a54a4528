"""A new case from scratch: the player in the documents, Session.new_case, and File > New's wizard."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget,
    QWizard,
)

from evaluator.documents import case_from_dict, case_to_dict, load_case, scenario_from_dict, scenario_to_dict
from evaluator.errors import InputError
from evaluator.model import Player
from evaluator.session import Session
from evaluator.session.new_case import NewClub, bundled_leagues
from tests.conftest import BUNDLED_CASE, BUNDLED_SCENARIO
from tests.strategies_documents import CASE, SCENARIO
from tests.test_desktop import _tab_chain, _text
from ui import dialogs
from ui.main_window import MainWindow
from ui.new_case_wizard import NewCaseWizard
from ui.panels.case_panel import to_qdate

MATCHES = BUNDLED_CASE.parent.parent / "data" / "matches"
SERIE_A = (MATCHES / "openfootball-it.1-2025-26.json").resolve()
BUNDESLIGA = (MATCHES / "openfootball-de.1-2025-26.json").resolve()
MINI = Path(__file__).parent / "fixtures" / "openfootball-mini-2025-26.json"
AS_OF = date(2025, 11, 28)
KYLIAN = Player("Kylian Example", "striker", date(2001, 5, 2), "Free agent in January.")
INPUTS = (QLineEdit, QComboBox, QPlainTextEdit, QAbstractButton, QAbstractItemView, QAbstractSpinBox)
PICKED = [NewClub("SSC Napoli", SERIE_A), NewClub("Borussia Dortmund", BUNDESLIGA)]


# --- the player in the documents ----------------------------------------------------------
def test_files_without_a_player_read_and_write_as_before():
    case = load_case(BUNDLED_CASE)
    assert case.player is None and "player" not in case_to_dict(case, BUNDLED_CASE.parent)
    scenario = scenario_from_dict(SCENARIO)
    assert scenario.player is None and "player" not in scenario_to_dict(scenario)


players = st.builds(
    Player,
    name=st.text(min_size=1, max_size=40).filter(lambda s: s.strip()),
    position=st.text(max_size=30),
    born=st.one_of(st.none(), st.dates(min_value=date(1930, 1, 1), max_value=AS_OF)),
    notes=st.text(max_size=200),
)


@settings(max_examples=150, deadline=None)
@given(player=players)
def test_any_player_survives_both_document_formats(player):
    case = case_from_dict({**CASE, "player": {"name": player.name, "position": player.position,
                                              "born": player.born.isoformat() if player.born else None,
                                              "notes": player.notes}}, BUNDLED_CASE)
    assert case.player == player
    assert case_from_dict(json.loads(json.dumps(case_to_dict(case, BUNDLED_CASE.parent))), BUNDLED_CASE) == case
    scenario = scenario_from_dict({**SCENARIO, "player": case_to_dict(case, BUNDLED_CASE.parent)["player"]})
    assert scenario.player == player
    assert scenario_from_dict(json.loads(json.dumps(scenario_to_dict(scenario)))).player == player


HOSTILE = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                    st.just([]), st.just({}), st.sampled_from(["", "  ", "2025-02-30", "9999-12-31", "2025-11-29",
                                                               "1800-01-01", "x" * 5000]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(["name", "position", "born", "notes"]), value=HOSTILE)
def test_a_bad_player_field_is_refused_naming_it(field, value):
    raw = {"name": "Kylian Example", "position": "striker", "born": "2001-05-02", "notes": "", field: value}
    for read in (lambda: case_from_dict({**CASE, "player": raw}, BUNDLED_CASE),
                 lambda: scenario_from_dict({**SCENARIO, "player": raw})):
        try:
            player = read().player
        except InputError as e:
            assert f"player.{field}" in str(e) and "\n" not in str(e) and len(str(e)) < 400
        else:   # accepted: then it is a player the case can describe honestly
            assert player is not None and player.name.strip()
            assert player.born is None or player.born <= AS_OF


@pytest.mark.parametrize("born, says", [("2025-11-29", "is after the as-of date 2025-11-28"),
                                        ("1900-01-01", "check the year"), ("2001-13-01", "is not a date")])
def test_a_date_of_birth_the_case_cannot_use_is_refused(born, says):
    with pytest.raises(InputError, match=f"player.born: .*{says}"):
        case_from_dict({**CASE, "player": {"name": "K", "born": born}}, BUNDLED_CASE)


def test_the_subject_line_and_the_age():
    assert KYLIAN.summary(AS_OF) == "Kylian Example, striker, 24 on 2025-11-28"
    assert KYLIAN.age(date(2026, 5, 2)) == 25 and KYLIAN.age(date(2026, 5, 1)) == 24
    assert Player("Kylian Example").summary(AS_OF) == "Kylian Example"


# --- Session.new_case ------------------------------------------------------------------------
def test_a_new_case_is_untitled_live_and_scored_on_the_bundled_criteria_and_weights():
    s = Session.from_file(BUNDLED_SCENARIO)
    s.new_case(KYLIAN, AS_OF, PICKED, bundled_leagues())
    bundled = load_case(BUNDLED_CASE)
    assert s.path is None and s.document_name == "Untitled" and s.can_recompute
    assert [c.name for c in s.scenario.clubs] == ["SSC Napoli", "Borussia Dortmund"]
    assert [c.id for c in s.scenario.criteria] == [c.id for c in bundled.criteria]
    assert s.weights == bundled.weights
    assert s.scenario.subject == "Kylian Example, striker, 24 on 2025-11-28" and s.scenario.player == KYLIAN
    assert sorted(s.result.order.tolist()) == [0, 1]
    # no squad list yet: ages are missing, never invented
    assert all(c.figure("defender_age").missing for c in s.scenario.clubs)
    s.set_as_of(date(2026, 1, 10))                                # live: the files answer for another date
    assert s.scenario.subject.endswith("24 on 2026-01-10")


@pytest.mark.parametrize("player, clubs, field", [
    (Player(" "), PICKED, "player.name"),
    (Player("K", born=date(2026, 1, 1)), PICKED, "player.born"),
    (KYLIAN, [], "clubs"),
    (KYLIAN, [PICKED[0], PICKED[0]], "clubs[1].name"),
    (KYLIAN, [NewClub("Nobody FC", SERIE_A)], "clubs[0]"),
])
def test_bad_input_names_the_field_and_leaves_the_open_document_unchanged(player, clubs, field):
    s = Session.from_file(BUNDLED_SCENARIO)
    before, seen = s.state, []
    s.subscribe(lambda result, changes: seen.append(changes))
    with pytest.raises(InputError, match=field.replace("[", r"\[").replace("]", r"\]")):
        s.new_case(player, AS_OF, clubs, bundled_leagues())
    assert s.state is before and s.path == BUNDLED_SCENARIO and seen == []


def test_a_new_case_saves_and_reopens_with_its_player_and_clubs(tmp_path):
    s = Session.from_file(BUNDLED_SCENARIO)
    s.new_case(KYLIAN, AS_OF, PICKED, bundled_leagues())
    with pytest.raises(InputError, match="not saved yet"):   # Save asks where, as for any untitled document
        s.save()
    s.save(tmp_path / "kylian.json")
    back = Session.from_file(tmp_path / "kylian.json")
    assert back.scenario.player == KYLIAN and back.case is not None and back.case.player == KYLIAN
    assert [c.name for c in back.case.clubs] == ["SSC Napoli", "Borussia Dortmund"]
    assert back.scenario.clubs == s.scenario.clubs and back.weights == s.weights
    back.recompute()
    assert back.scenario.clubs == s.scenario.clubs


# --- the wizard ----------------------------------------------------------------------------
@pytest.fixture
def window(live_window):
    return live_window


@pytest.fixture
def wizard(window, qtbot):
    wiz = NewCaseWizard(window.session, window)   # parented to the window, closed at teardown
    qtbot.addWidget(wiz)
    wiz.show()
    qtbot.waitExposed(wiz)
    wiz.activateWindow()
    return wiz


def fill_subject(wiz, qtbot, name="Kylian Example", born="2001-05-02", as_of=AS_OF):
    page = wiz.subject
    page.name.clear()
    qtbot.keyClicks(page.name, name)
    page.position.setCurrentText("striker")
    page.born.clear()
    qtbot.keyClicks(page.born, born)
    page.as_of.setDate(to_qdate(as_of))
    qtbot.keyClicks(page.notes, "Free agent in January.")


def pick(wiz, league: Path, *names: str) -> None:
    page = wiz.clubs
    page.league.setCurrentIndex([lg.path for lg in page._leagues].index(league))
    page.teams.clearSelection()
    for i in range(page.teams.count()):
        item = page.teams.item(i)
        if item.data(Qt.ItemDataRole.UserRole) in names:
            item.setSelected(True)
    page.add_selected()


def finish(wiz, qtbot) -> None:
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def fill_and_finish(wiz, qtbot) -> int:
    """The whole wizard as a user goes through it (Kylian, SSC Napoli): what exec() returns."""
    wiz.show()
    fill_subject(wiz, qtbot)
    wiz.next()
    pick(wiz, SERIE_A, "SSC Napoli")
    finish(wiz, qtbot)
    return wiz.result()


def next_page(wiz, qtbot) -> None:
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_the_wizard_builds_a_live_case_of_clubs_from_two_leagues(window, wizard, qtbot, tmp_path):
    fill_subject(wizard, qtbot)
    next_page(wizard, qtbot)
    assert wizard.currentPage() is wizard.clubs
    napoli = next(wizard.clubs.teams.item(i).text() for i in range(wizard.clubs.teams.count())
                  if "Napoli" in wizard.clubs.teams.item(i).text())
    assert napoli == "3. SSC Napoli  (25 pts)"                      # position and points on the as-of date
    pick(wizard, SERIE_A, "SSC Napoli")
    pick(wizard, BUNDESLIGA, "Borussia Dortmund")
    finish(wizard, qtbot)
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Accepted
    s = window.session
    assert [c.name for c in s.scenario.clubs] == ["SSC Napoli", "Borussia Dortmund"]
    assert s.scenario.player == KYLIAN and s.path is None and s.can_recompute
    assert window.windowTitle().startswith("Untitled") and "Kylian Example" in window.header.text()
    assert window.ranking.model().rowCount() == 2                   # the window ranks the new clubs
    s.set_weight("standing", 90)                                    # and it is live
    assert window.ranking.model().rowCount() == 2
    s.save(tmp_path / "kylian.json")
    back = Session.from_file(tmp_path / "kylian.json")
    assert back.scenario.player == KYLIAN and [c.name for c in back.case.clubs] == ["SSC Napoli", "Borussia Dortmund"]


def test_a_whole_league_and_a_loaded_league_file(window, wizard, qtbot, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(MINI))
    fill_subject(wizard, qtbot, as_of=date(2025, 9, 1))
    next_page(wizard, qtbot)
    qtbot.mouseClick(wizard.clubs.load, Qt.MouseButton.LeftButton)
    assert wizard.clubs.league.currentText().startswith("Mini league 2025/26")
    qtbot.mouseClick(wizard.clubs.add_all, Qt.MouseButton.LeftButton)
    mini = [c.name for c in wizard.clubs.clubs()]
    assert len(mini) == wizard.clubs.teams.count() >= 4
    pick(wizard, BUNDESLIGA, "Borussia Dortmund")
    pick(wizard, MINI.resolve())
    qtbot.mouseClick(wizard.clubs.add_all, Qt.MouseButton.LeftButton)   # once each: nothing added twice
    finish(wizard, qtbot)
    assert not wizard.isVisible()
    assert [c.name for c in window.session.scenario.clubs] == [*mini, "Borussia Dortmund"]
    assert MINI.resolve() in {c.matches for c in window.session.case.clubs}


def test_the_wizard_refuses_bad_input_naming_the_field(window, wizard, qtbot):
    before = window.session.state
    next_page(wizard, qtbot)                                        # no name
    # Messages name the boxes by their labels, never a file's fields ("player.name", "clubs")
    assert wizard.currentPage() is wizard.subject
    assert wizard.subject.problem.text() == "Player's name: enter the player's name"
    fill_subject(wizard, qtbot, born="2026-02-01")                  # born after the as-of date
    next_page(wizard, qtbot)
    assert wizard.currentPage() is wizard.subject
    assert wizard.subject.problem.text() == "Date of birth: 2026-02-01 is after the as-of date 2025-11-28"
    fill_subject(wizard, qtbot, born="1900-01-01")
    next_page(wizard, qtbot)
    assert wizard.subject.problem.text() == "Date of birth: 1900-01-01 makes the player 125 on 2025-11-28; check the year"
    fill_subject(wizard, qtbot, born="02/05/2001")
    next_page(wizard, qtbot)
    assert wizard.subject.problem.text() == "Date of birth: '02/05/2001' is not a date (use YYYY-MM-DD)"
    fill_subject(wizard, qtbot)
    next_page(wizard, qtbot)
    finish(wizard, qtbot)                                           # no clubs
    assert wizard.isVisible()
    assert wizard.clubs.problem.text() == "Clubs in the case: pick at least one club from the league's list"
    pick(wizard, SERIE_A, "AS Roma")
    qtbot.mouseClick(wizard.clubs.remove, Qt.MouseButton.LeftButton)   # nothing selected on the right: stays
    wizard.clubs.chosen.item(0).setSelected(True)
    qtbot.mouseClick(wizard.clubs.remove, Qt.MouseButton.LeftButton)
    finish(wizard, qtbot)
    assert wizard.isVisible() and wizard.clubs.clubs() == [] and window.session.state is before


def test_file_new_asks_about_unsaved_changes_then_runs_the_wizard(window, qtbot, monkeypatch):
    import ui.new_case_wizard as module
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: asked.append(name) or "cancel")
    ran: list[NewCaseWizard] = []

    def run(self):                     # stands in for the modal exec(): the user fills it and finishes
        ran.append(self)
        return fill_and_finish(self, qtbot)
    monkeypatch.setattr(module.NewCaseWizard, "exec", run)
    new = next(a for m in window.menuBar().actions() for a in m.menu().actions() if a.text() == "&New case…")
    assert new.shortcut().toString() == "Ctrl+N"
    window.session.set_weight("age", 3)
    new.trigger()                                                   # Cancel: nothing happens
    assert asked and not ran and window.session.path == BUNDLED_SCENARIO
    monkeypatch.setattr(dialogs, "ask_save_changes", lambda parent, name: "discard")
    new.trigger()
    assert len(ran) == 1 and ran[0].parent() is window
    assert [c.name for c in window.session.scenario.clubs] == ["SSC Napoli"]
    assert window.isWindowModified() and not window.undo_action.isEnabled()   # new work, in no file yet


def test_every_wizard_control_is_named_and_tab_comes_round(wizard, qtbot):
    fill_subject(wizard, qtbot)
    for page in (wizard.subject, wizard.clubs):
        if page is wizard.clubs:
            next_page(wizard, qtbot)
        controls = [w for w in page.findChildren(QWidget) if w.isVisible() and isinstance(w, INPUTS)
                    and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))]   # their own line edits
        assert controls
        for widget in controls:
            assert _text(widget, QAccessible.Text.Name) and "&" not in _text(widget, QAccessible.Text.Name)
        chain = _tab_chain(wizard, controls[0])
        assert wizard.button(QWizard.WizardButton.CancelButton) in chain
        assert all(w in chain for w in controls if w.focusPolicy() & Qt.FocusPolicy.TabFocus), \
            [type(w).__name__ for w in controls if w not in chain]
    for page, buttons in ((wizard.subject, (QWizard.WizardButton.NextButton,)),
                          (wizard.clubs, (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton))):
        texts = [w.text() for w in [*page.findChildren(QLabel), *page.findChildren(QAbstractButton),
                                    *(wizard.button(b) for b in buttons)] if "&" in w.text()]
        keys = [t[t.index("&") + 1].lower() for t in texts]
        assert len(keys) == len(set(keys)) >= 5, texts              # no two mnemonics on one key


# --- the report's opening ------------------------------------------------------------------
def test_the_report_opens_with_the_player():
    from datetime import datetime, timezone
    from evaluator.report import build_report
    from ui.report_html import report_html
    s = Session.from_file(BUNDLED_SCENARIO)
    s.new_case(Player("Kylian <b>Example</b>", "striker", date(2001, 5, 2), "Wants to <i>start</i>."),
               AS_OF, PICKED, bundled_leagues())
    report = build_report(s.result, datetime(2025, 11, 28, tzinfo=timezone.utc))
    assert report.player == (
        "Kylian <b>Example</b> — striker · born 2001-05-02 (24 on 2025-11-28)")
    assert report.title == "Fit report: Kylian <b>Example</b>, striker, 24 on 2025-11-28"
    html = report_html(report)
    assert "<b>Player:</b> Kylian &lt;b&gt;Example&lt;/b&gt; — striker · born 2001-05-02" in html
    assert "Wants to &lt;i&gt;start&lt;/i&gt;." in html                 # the user's text, never markup
    assert html.index("Player:") < html.index("<h2>Summary</h2>")
    bundled = build_report(Session.from_file(BUNDLED_SCENARIO).result, datetime(2025, 11, 28, tzinfo=timezone.utc))
    assert bundled.player == "" and "Player:" not in report_html(bundled)


def test_a_new_case_without_squad_lists_exports_and_shows_how_sure(window, wizard, qtbot, tmp_path):
    """No club has an age yet: the How sure tab and the PDF still work (a column nobody has a
    figure for once broke the figure flips)."""
    from pypdf import PdfReader
    from ui.file_actions import export_fit_report
    fill_subject(wizard, qtbot)
    next_page(wizard, qtbot)
    pick(wizard, SERIE_A, "SSC Napoli", "Juventus FC")
    finish(wizard, qtbot)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)           # How sure: built when first shown
    qtbot.waitUntil(lambda: window.how_sure.built)
    assert export_fit_report(window, window.session, str(tmp_path / "fit.pdf"), "a4")
    first = " ".join(PdfReader(tmp_path / "fit.pdf").pages[0].extract_text().split())
    assert "Player: Kylian Example — striker · born 2001-05-02 (24 on 2025-11-28)" in first


def test_a_league_read_in_the_background_after_the_wizard_closed_changes_nothing(window, wizard, qtbot, monkeypatch):
    from ui import background
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(MINI))
    monkeypatch.setattr(background, "in_background", lambda path: True)   # as for a big file
    fill_subject(wizard, qtbot)
    next_page(wizard, qtbot)
    before = window.session.state
    qtbot.mouseClick(wizard.clubs.load, Qt.MouseButton.LeftButton)
    wizard.reject()                                                 # closed while the file is read
    qtbot.waitUntil(lambda: MINI.resolve() in window.session.cache.seasons)
    assert wizard.clubs.leagues() == list(bundled_leagues()) and window.session.state is before


def test_a_new_case_keeps_the_example_criteria_but_not_its_authors_words_about_another_player():
    s = Session.from_file(BUNDLED_SCENARIO)
    s.new_case(KYLIAN, AS_OF, PICKED)
    example = load_case(BUNDLED_CASE)
    assert [(c.id, c.column, c.direction) for c in s.scenario.criteria] == \
           [(c.id, c.column, c.direction) for c in example.criteria]
    assert all(c.description == "" for c in s.scenario.criteria)
    assert all("back line" not in c.scale.reason for c in s.scenario.criteria)
    age = s.scenario.criterion("age")
    assert (age.scale.lo, age.scale.hi) == (22, 32) and "example case" in age.scale.reason


def test_the_report_names_the_case_file_as_saved_not_the_untitled_placeholder(qapp, tmp_path):
    from pypdf import PdfReader
    from ui import file_actions
    s = Session.from_file(BUNDLED_SCENARIO)
    s.new_case(KYLIAN, AS_OF, PICKED)

    def opening(pdf) -> str:
        assert file_actions.export_fit_report(None, s, str(pdf))
        return " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Untitled" not in opening(tmp_path / "before.pdf")
    s.save(tmp_path / "kylian.json")
    assert "case file kylian.case.json" in opening(tmp_path / "after.pdf")
