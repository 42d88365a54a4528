"""The figure editor as a user drives it: double-click a figure, type, press Enter.

The dialog runs modally in the app; here its exec() is replaced by a script that types into the
shown dialog (as test_new_case does with the wizard), so each test says what the user did.
"""
from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from evaluator.model import FigureStatus
from evaluator.session import Session
from ui import file_actions
from ui.figure_dialog import FigureDialog
from ui.main_window import MainWindow
from windows import shown_window

CLUB = 1                              # Bayer 04 Leverkusen in the bundled case
COLUMN = "conceded_per_match"         # minimum 0, no maximum; 1.36 from the Bundesliga file
LABEL = "Goals conceded per match"

Script = Callable[[FigureDialog], None]


@pytest.fixture
def window(qtbot, session):
    return shown_window(qtbot, session)


def drive(monkeypatch, qtbot, script: Script) -> list[FigureDialog]:
    """Every dialog opened from now on runs ``script`` instead of waiting for a person; one left
    open at the end is closed as with Escape."""
    seen: list[FigureDialog] = []

    def run(self: FigureDialog) -> int:
        seen.append(self)
        self.show()
        script(self)
        if self.isVisible():
            qtbot.keyClick(self, Qt.Key.Key_Escape)
        return self.result()
    monkeypatch.setattr(FigureDialog, "exec", run)
    return seen


def type_into(qtbot, field, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def double_click(window: MainWindow, column: str = COLUMN) -> None:
    model = window.figures.model_
    col = next(c for c in range(model.columnCount()) if model.column_at(c).id == column)
    window.figures.doubleClicked.emit(model.index(CLUB, col))


def figure(session: Session):
    return session.scenario.clubs[CLUB].figure(COLUMN)


def test_a_negative_value_is_refused_with_the_range_and_nothing_is_stored(window, qtbot, monkeypatch):
    before = figure(window.session)
    said: list[str] = []

    def user(d: FigureDialog) -> None:
        type_into(qtbot, d.value, "-5")
        qtbot.keyClick(d.value, Qt.Key.Key_Return)
        assert d.isVisible() and d.value.text() == "-5"       # open, the minus kept to correct
        assert figure(window.session) == before
        said.append(d.problem.text())
    seen = drive(monkeypatch, qtbot, user)
    double_click(window)
    assert len(seen) == 1
    assert said == [f"{LABEL}: -5 is too low; allowed: 0 or more goals/match"]
    assert figure(window.session) == before and not window.undo_action.isEnabled()


def test_text_that_is_not_a_number_is_refused_and_the_dialog_stays_open(window, qtbot, monkeypatch):
    before = figure(window.session)
    said: list[tuple[str, bool]] = []

    def user(d: FigureDialog) -> None:
        type_into(qtbot, d.value, "abc")
        qtbot.keyClick(d.value, Qt.Key.Key_Return)
        assert d.isVisible() and d.value.text() == "abc"      # open, nothing typed lost
        said.append((d.problem.text(), d.isVisible()))
    drive(monkeypatch, qtbot, user)
    double_click(window)
    message, still_open = said[0]
    assert still_open and message == f"{LABEL}: 'abc' is not a number; allowed: 0 or more goals/match"
    assert "\n" not in message
    assert figure(window.session) == before and before.status is FigureStatus.SOURCED


def test_enter_on_an_unchanged_figure_leaves_it_sourced(window, qtbot, monkeypatch):
    before = figure(window.session)
    closed: list[bool] = []

    def user(d: FigureDialog) -> None:
        assert d.value.text() == "1.3636363636363635"        # every digit: what OK would store
        qtbot.keyClick(d.value, Qt.Key.Key_Return)
        closed.append(not d.isVisible() and d.result() == QDialog.DialogCode.Accepted)
    drive(monkeypatch, qtbot, user)
    double_click(window)
    assert closed == [True]
    assert figure(window.session) is before and before.status is FigureStatus.SOURCED
    assert not window.undo_action.isEnabled() and not window.isWindowModified()


def test_a_typed_figure_needs_its_source_then_its_tooltip_names_that_source_once(window, qtbot, monkeypatch):
    said: list[str] = []

    def user(d: FigureDialog) -> None:
        assert d.source.text() == ""                         # the file's source is not offered as the user's
        type_into(qtbot, d.value, "1,5")
        qtbot.keyClick(d.value, Qt.Key.Key_Return)
        said.append(d.problem.text())
        assert d.isVisible()
        d.source.setFocus()
        qtbot.keyClicks(d.source, "kicker.de table, 2025-11-28")
        qtbot.keyClick(d.source, Qt.Key.Key_Return)
    drive(monkeypatch, qtbot, user)
    double_click(window)
    assert said[0].startswith("Source: say where this figure comes from")
    fig = figure(window.session)
    assert (fig.value, fig.source, fig.status) == (1.5, "kicker.de table, 2025-11-28", FigureStatus.USER)
    model = window.figures.model_
    col = next(c for c in range(model.columnCount()) if model.column_at(c).id == COLUMN)
    assert model.index(CLUB, col).data() == "1.50 ✎"
    tip = model.index(CLUB, col).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.count("Entered by the user") == 1 and "entered by the user" not in tip
    assert "source given: kicker.de table, 2025-11-28" in tip and "openfootball" not in tip


def test_a_user_figure_without_a_source_says_none_was_given(window):
    from dataclasses import replace
    from evaluator.formatting import figure_provenance
    fig = replace(figure(window.session), status=FigureStatus.USER, source=" ", note="entered by the user")
    assert figure_provenance(fig).splitlines()[0] == "Entered by the user; no source given"
    assert "Note" not in figure_provenance(fig)


def test_the_dialog_shows_its_title_and_a_typical_source_whole(window, qtbot, monkeypatch, tmp_path):
    def look(d: FigureDialog) -> None:
        d.grab().save(str(tmp_path / "figure-dialog.png"))
        metrics = d.fontMetrics()
        assert d.width() >= metrics.horizontalAdvance(d.windowTitle()) + 100   # the title bar's text whole
        d.source.setText("openfootball-de.1-2025-26.json, club website")
        assert d.source.width() > metrics.horizontalAdvance(d.source.text())
        assert d.source.toolTip() == d.source.text()          # and a longer one whole in its tooltip
    seen = drive(monkeypatch, qtbot, look)
    double_click(window)
    assert seen and seen[0].windowTitle() == f"{LABEL}: Bayer 04 Leverkusen"


TYPED = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"[ ]?[-+\u2212]?[0-9]{0,4}[.,]?[0-9]{0,3}([eE][-+]?[0-9]{1,3})?[ ]?", fullmatch=True),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.sampled_from(["-5", "abc", "1.36", "nan", "1_0", "\u0663", "1e9", "1e10", "-0", "0x10", "1,000.5"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=TYPED)
def test_anything_typed_is_stored_as_a_number_in_range_or_refused_with_a_message(qtbot, monkeypatch, session, typed):
    start = session.state
    before = figure(session)
    said: list[str] = []
    shown: list[str] = []

    def user(d: FigureDialog) -> None:
        d.value.setText(typed)
        d.source.setText("typed in a test")
        shown.append(d.value.text())                            # what the field holds, as Qt keeps it
        qtbot.keyClick(d.value, Qt.Key.Key_Return)
        said.append(d.problem.text())
    drive(monkeypatch, qtbot, user)
    try:
        stored = file_actions.edit_figure(None, session, CLUB, COLUMN)
        fig = figure(session)
        if stored:
            assert not said[0]
            if fig.value is None:                               # an empty field: the figure is missing
                assert not shown[0].strip() and fig.status is FigureStatus.MISSING
            else:
                assert fig.status is FigureStatus.USER and fig.source == "typed in a test"
                plain = shown[0].strip().replace("\u2212", "-").replace(",", ".")
                assert math.isfinite(fig.value) and 0 <= fig.value <= 1e9 and fig.value == float(plain)
                assert not any(ch.isalpha() for ch in plain.lower().replace("e", ""))
        else:
            assert fig == before and session.state is start
            assert said[0].startswith(f"{LABEL}: ") and "\n" not in said[0] and len(said[0]) < 200
    finally:
        session.restore(start)
