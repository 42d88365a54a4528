"""How sure below its fold: what would swap the top two and the rank-reversal warnings are
left out of a move while scrolled out of sight, and are current when they come into it, in
their first paint (ui/panels/in_sight.py, ``RobustnessPanel._catch_up_below``)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QScrollArea

from evaluator.decision.robustness import analyse_exact
from evaluator.report_robustness import flip_rows
from ui.panels.robustness_words import warnings_text
from windows import shown_window


def _cells(panel) -> list[tuple[str, ...]]:
    t = panel.flips
    return [tuple(t.item(r, c).text() for c in range(t.columnCount())) for r in range(t.rowCount())]


def _want(session) -> list[tuple[str, ...]]:
    return [(f.criterion, f.change, f.needed, f.outcome, f.sentence) for f in flip_rows(analyse_exact(session.result))]


def _area(panel) -> QScrollArea:
    area = panel.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    return area


class _FirstPaint(QObject):
    """What the flip table held when its viewport was first painted after ``arm``."""

    def __init__(self, panel) -> None:
        super().__init__()
        self.panel, self.seen = panel, None
        panel.flips.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.seen is None:
            self.seen = _cells(self.panel)
        return False


def test_swaps_below_the_fold_wait_until_scrolled_into_sight(qtbot, session):
    window = shown_window(qtbot, session, tab=-1)            # 1280 x 800: the flip table below the fold
    panel = window.robustness
    area = _area(panel)
    assert not panel.below.now()
    rows = window.weights.rows
    for v in (20, 70, 35):
        rows[0].slider.setValue(v)
        qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
        assert not panel._latest.whole                       # left out: nobody can see them
    assert _cells(panel) != _want(session)                   # the table is behind ...
    first = _FirstPaint(panel)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    assert panel.below.now() and panel._latest.whole         # ... and caught up as it scrolls into sight,
    qtbot.waitUntil(lambda: first.seen is not None, timeout=5000)
    assert first.seen == _want(session)                      # before its first paint
    messages = analyse_exact(session.result).messages
    assert panel.warnings.text() == panel.warnings.markup(warnings_text(messages), bool(messages))
    for v in (90, 5):                                        # in sight: every move brings them
        rows[1].slider.setValue(v)
        qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
        assert panel._latest.whole and _cells(panel) == _want(session)
    area.verticalScrollBar().setValue(0)                     # out of sight again
    rows[2].slider.setValue(12)
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    assert not panel._latest.whole
    assert panel.latest.whole and _cells(panel) == _want(session)   # whoever reads them gets them whole


def test_back_to_the_tab_scrolled_to_its_foot_shows_them_current_in_the_first_paint(qtbot, session):
    """Moves made on another tab, then back to How sure scrolled to its foot: the charts above
    take room back and only the scroll area's viewport is resized (watched for that)."""
    window = shown_window(qtbot, session, tab=-1)
    panel = window.robustness
    area = _area(panel)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    assert panel.below.now()
    window.tabs.setCurrentIndex(0)
    window.weights.rows[0].slider.setValue(15)
    window.weights.rows[1].slider.setValue(80)
    first = _FirstPaint(panel)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    qtbot.waitUntil(lambda: first.seen is not None, timeout=5000)
    assert first.seen == _want(session) and panel._latest.whole


def _moved_below_the_fold(qtbot, session):
    """How sure on screen at its top, one slider moved: the swaps left out."""
    window = shown_window(qtbot, session, tab=-1)
    panel = window.robustness
    window.weights.rows[0].slider.setValue(25)
    qtbot.waitUntil(lambda: not panel.pending(), timeout=5000)
    assert not panel._latest.whole
    return window, panel


def test_a_taller_window_brings_them_into_sight(qtbot, session):
    window, panel = _moved_below_the_fold(qtbot, session)
    window.resize(1280, 2400)                                # the whole tab fits
    qtbot.waitUntil(lambda: panel.below.now(), timeout=5000)
    assert panel._latest.whole and _cells(panel) == _want(session)


def test_whoever_reads_latest_gets_the_whole_analysis_even_from_a_hidden_tab(qtbot, session):
    window, panel = _moved_below_the_fold(qtbot, session)
    window.tabs.setCurrentIndex(0)                 # hidden, and a newer change waits for the tab
    window.weights.rows[1].slider.setValue(75)
    assert panel._stale is not None
    assert panel.latest.whole
