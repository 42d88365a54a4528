"""Above TOP_N clubs the charts draw the TOP_N best and one summary row for the rest; the
summary's count and score range are the hidden clubs'. Value labels stay right (and no empty
label stays visible) after clubs are added and removed."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.common import synthetic_scenario
from evaluator.decision.scoring import prepare, score
from evaluator.formatting import format_score
from evaluator.session import Session
from evaluator.top_clubs import TOP_N, Hidden, hidden_clubs, shown_clubs
from main import BUNDLED_SCENARIO
from tests.helpers import make
from ui.main_window import MainWindow
from windows import shown_window
from ui.panels.club_names import club_names


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 70), st.floats(0.0, 0.5), st.sampled_from([None, [0.0, 1.0, 2.0]]), st.integers(0, 2**31))
def test_the_summary_row_counts_and_spans_exactly_the_hidden_clubs(n, missing_rate, pool, seed):
    rng = np.random.default_rng(seed)
    values = rng.uniform(0, 9, n) if pool is None else rng.choice(pool, n)
    gone = rng.random(n) < missing_rate          # no figure on the only criterion: not ranked
    scenario = make({f"c{i}": {"x": None if gone[i] else float(values[i])} for i in range(n)},
                    [("x", "higher", None)], {"x": 1.0})
    r = score(prepare(scenario), np.array([1.0]))
    shown, hidden = shown_clubs(r), hidden_clubs(r)
    if n <= TOP_N:
        assert hidden is None and list(shown) == list(range(n))
        return
    assert list(shown) == list(r.order[:TOP_N])
    rest = np.setdiff1d(np.arange(n), shown)
    assert hidden is not None and hidden.count == n - TOP_N == rest.size
    ranked = r.scores[rest][r.ranks[rest] > 0]
    assert hidden.unranked == rest.size - ranked.size
    if ranked.size:
        assert (hidden.low, hidden.high) == (ranked.min(), ranked.max())
    else:
        assert np.isnan(hidden.low) and hidden.text() == f"… and {hidden.count:,} more (not ranked)"


def test_summary_text_reads_count_and_range():
    assert Hidden(9975, 0.123, 55.0, 0).text() == "… and 9,975 more (scores 0.1–55.0)"
    assert Hidden(3, 12.0, 12.0, 1).text() == "… and 3 more (score 12.0; 1 not ranked)"


@pytest.fixture
def big_window(qtbot):
    return shown_window(qtbot, Session(synthetic_scenario(60)), height=1400)


def test_charts_draw_the_top_clubs_and_summarise_the_rest(big_window):
    w = big_window
    for v in (10, 90):
        w.weights.rows[0].slider.setValue(v)
        r = w.session.result
        names = [r.scenario.clubs[i].name for i in r.order[:TOP_N]]
        assert w.scores.bar_order() == names
        np.testing.assert_array_equal(w.scores.bar_widths(), r.scores[r.order[:TOP_N]])
        np.testing.assert_array_equal(w.contributions.segment_widths(), r.contributions[r.order[:TOP_N]])
        summary = hidden_clubs(r)
        assert summary is not None and summary.count == 60 - TOP_N
        assert w.scores.summary_text() == w.contributions.summary_text() == summary.text()
        assert len(w.scores.label_texts()) == TOP_N and len(w.contributions.label_texts()) == TOP_N
        _labels_match(w)
    assert w.ranking.model_.rowCount() == 60     # the table still lists every club


def _labels_match(w: MainWindow) -> None:
    """Every visible score label says its bar's club's score and rank; none is visible and empty."""
    r = w.session.result
    shown = shown_clubs(r)
    texts = w.scores.label_texts()
    assert len(texts) == len(shown)
    for s, text in enumerate(texts):
        i = int(shown[s])
        if text and not r.incomplete[i]:
            assert text == f"{format_score(r.scores[i])}  #{int(r.ranks[i])}"
    for chart in (w.scores, w.contributions):
        drawn = chart.values.labels()
        assert all(label.text for label in drawn), "an empty label drawn"
        summary = [label.text for label in drawn if label.text.startswith("… and ")]
        assert summary == ([chart.summary_text()] if chart.summary_text() else [])
    for chart in (w.scores, w.contributions):     # names beside their bars, top to bottom
        drawn = [t for _, t in sorted(club_names(chart.plot).rows(), key=lambda row: -row[0]) if t != "…"]
        assert drawn and drawn == [n for n in chart.bar_order() if n in drawn]
        if len(shown) <= 6:
            assert drawn == chart.bar_order()     # few clubs: every bar is named
    widths = w.contributions.segment_widths()
    for s, row in enumerate(w.contributions.label_texts()):
        assert all(bool(text) == (widths[s, j] >= 7.0) for j, text in enumerate(row)) or not any(texts)


def test_labels_are_right_after_clubs_are_added_and_removed(qtbot):
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    w = shown_window(qtbot, session, height=1000)
    have = {c.name for c in session.scenario.clubs}
    todo = [(t.name, lg.path) for lg in session.leagues() for t in lg.teams if t.name not in have]
    for name, path in todo[:3]:
        session.add_club(name, path)
        qtbot.wait(1)
        assert all(w.scores.label_texts())   # 4-6 clubs: the labels fit
        _labels_match(w)
    session.remove_club(session.scenario.clubs[0].id)
    _labels_match(w)
    for name, path in todo[3:TOP_N + 3]:     # past TOP_N: the top clubs and a summary row
        session.add_club(name, path)
    qtbot.wait(1)
    _labels_match(w)
    assert len(w.scores.label_texts()) == TOP_N and w.scores.summary_text().startswith("… and ")
    session.remove_club(session.scenario.clubs[0].id)
    _labels_match(w)
