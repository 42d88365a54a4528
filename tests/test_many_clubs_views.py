"""Views stay right, and bounded, as clubs are added one by one: the messages panel shows a
few lines and the rest behind "show all"; tabs that are hidden while clubs come and go show
the right clubs when they are opened."""
from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt

import pytest

from evaluator.session import Session
from main import BUNDLED_SCENARIO
from ui import dialogs
from ui.main_window import MainWindow
from windows import shown_window
from ui.panels.messages_panel import MAX_SHOWN


@pytest.fixture
def added(qtbot):
    """The bundled case opened live in a shown window, and the clubs that can be added to it."""
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    w = shown_window(qtbot, session)
    have = {c.name for c in session.scenario.clubs}
    todo: list[tuple[str, Path]] = [(t.name, lg.path) for lg in session.leagues() for t in lg.teams
                                    if t.name not in have]
    return w, todo


def _all_messages(w: MainWindow) -> tuple[str, ...]:
    r = w.session.result
    return r.messages + tuple(c.text for c in r.scenario.data_checks if not c.agree)


def test_messages_show_a_few_lines_and_the_rest_behind_show_all(added, qtbot, monkeypatch):
    w, todo = added
    for name, path in todo[:12]:       # each of these clubs lacks a squad list: one message each
        w.session.add_club(name, path)
    every = _all_messages(w)
    assert len(every) > 2 * MAX_SHOWN
    text = w.messages.text()
    assert text.count("⚠") <= 2 * MAX_SHOWN
    assert f"show all {len(every)}</a>" in text
    assert w.messages.all_messages == every
    listed: list[tuple[str, ...]] = []
    monkeypatch.setattr(dialogs, "show_list", lambda parent, title, items: listed.append(tuple(items)))
    w.messages.label.linkActivated.emit("all")
    assert listed == [every]
    qtbot.wait(1)
    tall = w.messages.height()
    assert tall == w.messages.label.heightForWidth(w.messages.width())   # every line fits
    for club in w.session.scenario.clubs[5:]:      # two added clubs left: every line shown again
        w.session.remove_club(club.id)
    every = _all_messages(w)
    assert len(every) == 2 and "show all" not in w.messages.text()
    assert w.messages.text().count("⚠") == len(every)
    qtbot.wait(1)
    assert w.messages.height() == w.messages.label.heightForWidth(w.messages.width()) < tall   # and no more
    for club in w.session.scenario.clubs[3:]:
        w.session.remove_club(club.id)
    assert not _all_messages(w) and not w.messages.isVisible()


def test_data_check_problems_are_never_buried_under_club_messages(qtbot):
    from dataclasses import replace
    import html
    import numpy as np
    from evaluator.decision.scoring import prepare, score
    from evaluator.model import DataCheck
    from tests.helpers import make
    from ui.panels.messages_panel import MessagesPanel
    values: dict[str, dict[str, float | None]] = {f"c{i}": {"x": float(i), "y": None} for i in range(12)}
    scenario = make(values, [("x", "higher"), ("y", "higher")], {"x": 1.0, "y": 1.0})
    checks = tuple(DataCheck(f"League {i}: a.csv and b.json disagree", agree=False) for i in range(3))
    r = score(prepare(replace(scenario, data_checks=checks)), np.array([1.0, 1.0]))
    panel = MessagesPanel(r)
    qtbot.addWidget(panel)
    assert len(r.messages) >= 12                  # one per club without a figure for y
    for check in checks:
        assert html.escape(check.text) in panel.text()
    assert f"… and {len(r.messages) - MAX_SHOWN} more" in panel.text()


HOW_SURE = 4   # Ranking, Figures and sources, Profiles, Season, How sure


def test_how_sure_seen_once_then_hidden_does_no_work_while_clubs_come_and_go(added, qtbot):
    from ui.panels.robustness_panel import FULL_SAMPLES
    w, todo = added
    w.tabs.setCurrentIndex(HOW_SURE)
    panel = w.how_sure.panel()
    session = w.session
    qtbot.waitUntil(lambda: panel.latest is not None and panel.latest.smaa is not None
                    and panel.latest.smaa.n_samples == FULL_SAMPLES, timeout=10_000)
    w.weights.rows[0].slider.setValue(w.weights.rows[0].slider.value() // 2 + 7)   # SMAA on its way...
    w.tabs.setCurrentIndex(0)                                                      # ...as the tab is left
    drawn: list[int] = []
    original = panel.sweeps.show_robustness
    panel.sweeps.show_robustness = lambda rb: (drawn.append(len(rb.result.scenario.clubs)), original(rb))
    for name, path in todo[:8]:
        session.add_club(name, path)
        qtbot.wait(5)
    session.remove_club(session.scenario.clubs[1].id)
    qtbot.wait(300)                      # any answer still coming lands meanwhile
    assert drawn == [] and not panel.jobs.busy
    w.tabs.setCurrentIndex(HOW_SURE)     # shown: the clubs of now, at once
    assert drawn == [len(session.scenario.clubs)] == [10]
    rb = panel.latest
    assert rb is not None and rb.result is session.result
    names = [c.name for c in session.scenario.clubs]
    assert [c.name for c in rb.result.scenario.clubs] == names
    for club in range(len(names)):       # one curve per club, each that club's sweep
        x, y = panel.sweeps.club_curve(0, club)
        np.testing.assert_allclose(y, np.nan_to_num(rb.sweeps[0].at(x)[:, club]))
    qtbot.waitUntil(lambda: panel.latest.smaa is not None and panel.latest.result is session.result
                    and panel.latest.smaa.n_samples == FULL_SAMPLES, timeout=10_000)
    assert panel.latest.smaa.acceptability.shape[0] == len(names)


def test_how_sure_on_screen_keeps_its_plots_and_follows_added_and_removed_clubs(added, qtbot):
    w, todo = added
    w.tabs.setCurrentIndex(HOW_SURE)
    panel = w.how_sure.panel()
    session = w.session
    plots = list(panel.sweeps.plots)
    gone = ""
    for step in ("add", "add", "add", "remove", "add"):
        if step == "add":
            name, path = todo.pop(0)
            session.add_club(name, path)
        else:
            gone = session.scenario.clubs[0].name
            session.remove_club(session.scenario.clubs[0].id)
        rb = panel.latest                  # brings the tab up to date, as its next frame would
        assert rb is not None and rb.result is session.result
        names = [c.name for c in session.scenario.clubs]
        assert panel.sweeps.plots == plots                   # the same plots: only lines added or dropped
        key = panel.sweeps._key.text
        assert [key.index(f" {n}") for n in names] == sorted(key.index(f" {n}") for n in names)
        assert key.count("━") == len(names) and (not gone or gone not in key)
        for j, item in enumerate(panel.sweeps.items):
            assert item.curves.shape[1] == len(item.polys) == len(names)   # few clubs: every line in colour
            for club in range(len(names)):
                x, y = panel.sweeps.club_curve(j, club)
                np.testing.assert_allclose(y, np.nan_to_num(rb.sweeps[j].at(x)[:, club]))


def test_header_counts_the_clubs_and_fits_its_text_after_adds_and_removes(added, qtbot):
    w, todo = added
    for name, path in todo[:9]:               # 3 -> 12 clubs: the count gains a digit
        w.session.add_club(name, path)
        assert f"{len(w.session.scenario.clubs)} clubs" in w.header.text()
    w.session.remove_club(w.session.scenario.clubs[0].id)
    assert "11 clubs" in w.header.text()
    for width in (1280, 420):                 # a narrow window wraps the line: the holder follows
        w.resize(width, 800)
        qtbot.wait(5)
        holder = w.header.parentWidget()
        assert holder.height() == w.header.heightForWidth(holder.width())


SEASON = 3


def _season_matches(w: MainWindow, panel) -> None:
    """One curve per club, in the session's order, named and coloured as the club, each its scores."""
    from ui.palette import club_colour
    t = w.session.timeline()
    names = [c.name for c in w.session.scenario.clubs]
    assert list(t.clubs) == names and len(panel.chart.curves) == len(names)
    legend = [label.text for _, label in panel.chart.legend.items]
    assert legend == names
    for c, curve in enumerate(panel.chart.curves):
        assert curve.name() == names[c] and curve.opts["pen"].color().name() == pg_colour(club_colour(c))
        np.testing.assert_allclose(curve.getData()[1], t.scores[:, c], atol=1e-12)


def pg_colour(colour: str) -> str:
    import pyqtgraph as pg
    return pg.mkColor(colour).name()


@pytest.mark.parametrize("on_screen", [True, False])
def test_season_tab_shows_the_clubs_of_now_after_adds_and_removes(added, qtbot, on_screen):
    w, todo = added
    w.tabs.setCurrentIndex(SEASON)
    panel = w.season.panel()
    if not on_screen:
        w.tabs.setCurrentIndex(0)
    session = w.session
    kept = list(panel.chart.curves)
    for name, path in todo[:4]:
        session.add_club(name, path)
    if on_screen:
        panel.flush()
        assert panel.chart.curves[:3] == kept       # the clubs already drawn keep their curves
        _season_matches(w, panel)
    session.remove_club(session.scenario.clubs[1].id)   # from the middle: the clubs after it move up
    session.add_club(*todo[4])
    w.tabs.setCurrentIndex(SEASON)
    panel.flush()
    qtbot.waitUntil(lambda: not panel.pending)
    _season_matches(w, panel)
    assert panel.chart.curves[0] is kept[0]


@pytest.mark.parametrize("tab", [0, 1])
def test_figures_table_lists_the_clubs_of_now_and_every_cell_fits(added, qtbot, tab):
    from evaluator.formatting import format_figure
    w, todo = added
    w.tabs.setCurrentIndex(tab)                   # the table hidden, or on screen
    session = w.session
    for name, path in todo[:6]:
        session.add_club(name, path)
    session.remove_club(session.scenario.clubs[2].id)
    session.add_club(*todo[6])
    w.tabs.setCurrentIndex(1)
    qtbot.wait(5)
    table, model = w.figures, w.figures.model_
    clubs = session.scenario.clubs
    assert model.rowCount() == len(clubs)
    header = table.horizontalHeader()
    for r, club in enumerate(clubs):
        assert model.headerData(r, Qt.Orientation.Vertical) == club.name
        for c in range(model.columnCount()):
            col = model.column_at(c)
            text = model.index(r, c).data()
            assert text.startswith(format_figure(club.figure(col.id), col))
            assert table.sizeHintForIndex(model.index(r, c)).width() <= header.sectionSize(c)
