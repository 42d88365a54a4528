"""The status bar's word on SMAA: said once per burst of work, never per slider tick.

The timers are fired by hand (``timeout.emit()``), so nothing here depends on how fast SMAA is.
"""
from __future__ import annotations

from ui.status import SamplingStatus


def _status(qtbot) -> tuple[SamplingStatus, list[tuple[str, int]]]:
    status = SamplingStatus()
    said: list[tuple[str, int]] = []
    status.message.connect(lambda text, ms: said.append((text, ms)))
    return status, said


def test_a_slow_answer_says_sampling_then_done_once_for_a_whole_drag(qtbot):
    status, said = _status(qtbot)
    status.started(10_000)
    assert status._show.isActive() and said == []
    status._show.timeout.emit()                     # no answer within SHOW_AFTER_MS
    for _ in range(20):                             # the drag goes on: answers come, new jobs follow
        status.finished(10_000)
        status.started(10_000)
        assert not status._done.isActive()
    status.finished(10_000)                         # the weights rest
    status._done.timeout.emit()
    assert said == [("Sampling 10,000 weightings…", 0), ("Sampled 10,000 weightings: done", SamplingStatus.DONE_FOR_MS)]
    assert not status.busy


def test_a_quick_answer_says_nothing(qtbot):
    status, said = _status(qtbot)
    status.started(10_000)
    status.finished(10_000)
    status._show.stop()                             # answered before SHOW_AFTER_MS
    status._done.timeout.emit()
    assert said == [] and not status.busy


def test_no_answer_coming_clears_a_sampling_message(qtbot):
    status, said = _status(qtbot)
    status.started(1_000)
    status._show.timeout.emit()
    status.stopped()
    assert said[-1][0] == "" and not status.busy and not status._show.isActive()


def test_the_window_status_bar_shows_what_the_how_sure_tab_says(qtbot):
    from benchmarks.common import synthetic_scenario
    from evaluator.session import Session
    from ui.main_window import MainWindow
    window = MainWindow(Session(synthetic_scenario(3)))
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    window.show()
    window.robustness.sampling._say("Sampling 10,000 weightings…", 0)
    assert window.statusBar().currentMessage() == "Sampling 10,000 weightings…"
