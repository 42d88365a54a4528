"""Live path, honestly: slider value change -> every visible panel painted, against a bare floor.

One move = ``slider.setValue`` and then draining the event loop until it is idle: a pass of
``processEvents()`` that handles no event at all, after the How sure tab's pending frame (its
at-most-once-per-frame redraw) has run and the exact analysis for the newest weights has come
back from its worker process and been drawn. So the tab's relayout and repaint (which lands in
passes 2-4 of the loop) and any SMAA answer due meanwhile are inside the time. Moves come at
60 Hz (the next move waits for its 16.7 ms slot), >= 300 moves per row, paint events and SMAA
answers drawn counted per move. The app asks for SMAA, and draws its answers, only once the
weights have rested two frames, so a steady 60 Hz drag draws almost none inside a move
(``smaa_drawn_per_move``); the "last drag move -> SMAA painted" rows time the catch-up.

The floor is a bare pyqtgraph bar chart of the same number of bars on fixed 0-100 axes (as the
app's charts), re-weighted with NumPy and drained the same way, at the same 60 Hz, in the same run: every row prints its ratio to it.

A Season-tab row: the bundled case (3 clubs, 26 matchdays) with the Season tab on screen,
drained the same way (its at-most-once-per-frame redraw included), against the 3-bar floor.

"Last move -> SMAA painted": a drag of five 60 Hz moves, then the wall time from the last
move's ``setValue`` until the full 10,000-sample SMAA for those weights has been painted.
"""
from __future__ import annotations

import os
import time

import numpy as np

from benchmarks.common import fresh_settings, row, stats, synthetic_scenario

# CLUBFIT_LIVE_SIZES=3,20,100 leaves the 1,000-club rows out (minutes of the run).
SIZES = tuple(int(v) for v in os.environ.get("CLUBFIT_LIVE_SIZES", "3,20,100,1000").split(","))
MOVES = int(os.environ.get("CLUBFIT_LIVE_MOVES", "300"))   # fewer only for quick looks while working
MOVES_1000_VISIBLE = 60     # the exact analyses at 1,000 clubs: 300 moves would take minutes
PERIOD_S = 1 / 60
DRAGS = 20
TARGETS = {(3, True): "p95 <= 4 ms", (100, True): "p95 <= 16 ms", (1000, False): "p95 <= 16 ms"}
SMAA_TARGETS = {3: "<= 100 ms", 100: "<= 300 ms"}


class _Counter:
    """Counts every event the application delivers, and paint events apart."""

    def __init__(self, app) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, obj, event) -> bool:   # noqa: N805 - Qt's signature
                self.events += 1
                if event.type() == QEvent.Type.Paint:
                    self.paints += 1
                return False
        self.events = self.paints = 0
        self.filter = Filter()
        app.installEventFilter(self.filter)
        self.app = app

    def remove(self) -> None:
        self.app.removeEventFilter(self.filter)


def drain(app, counter: _Counter, panel=None) -> None:
    """Process events until a pass handles none and the tab on screen (How sure or Season) has
    nothing pending: no frame due, and (How sure) no answer from its exact-analysis worker still
    to come and be drawn."""
    pending = getattr(panel, "pending", None)     # the How sure tab's; the Season tab has a frame only
    behind = pending if callable(pending) else (lambda: panel is not None and panel._frame.isActive())
    while True:
        before = counter.events
        app.processEvents()
        if behind():
            time.sleep(0.0002)             # its frame or answer is due: part of this move
            continue
        if counter.events == before:
            return


def _paced(app, counter: _Counter, move, moves: int, panel=None) -> dict[str, float]:
    times, paints = [], []
    next_at = time.perf_counter()
    for i in range(moves + 10):
        while time.perf_counter() < next_at:          # 60 Hz; whatever arrives meanwhile is handled
            app.processEvents()
            time.sleep(0.0005)
        p0 = counter.paints
        t0 = time.perf_counter()
        # The next move a period after this one STARTED: after a slow move, catching up on the
        # schedule sent moves back to back (faster than 60 Hz), which the tab's once-a-frame
        # redraw then held back, and the 100-club row measured its own pacing (6 or 15 ms).
        next_at = max(next_at, t0) + PERIOD_S
        move(i)
        drain(app, counter, panel)
        if i >= 10:                                    # ten warm-up moves
            times.append((time.perf_counter() - t0) * 1000)
            paints.append(counter.paints - p0)
    out = stats(times)
    out["paints_per_move"] = float(np.mean(paints))
    return out


def _floor(app, counter: _Counter, n: int) -> dict[str, float]:
    import pyqtgraph as pg
    w = pg.PlotWidget()
    w.resize(900, 400)
    bars = pg.BarGraphItem(x0=np.zeros(n), y=np.arange(n), height=0.6, width=np.zeros(n))
    w.addItem(bars)
    # Fixed ranges, as the app's charts have: auto-range would repaint both axes on every move
    # and made this floor 6x slower than a bar chart needs to be (9.6 vs 1.4 ms at 3 clubs).
    w.getPlotItem().enableAutoRange(False)
    w.setXRange(0, 100, padding=0)
    w.setYRange(-1, n, padding=0)
    w.show()
    drain(app, counter)
    u = np.random.default_rng(0).uniform(size=(n, 3))

    def move(i: int) -> None:
        wts = np.array([1.0, 1.0, (i * 7 % 101) / 100])
        bars.setOpts(width=100 * u @ (wts / wts.sum()))

    out = _paced(app, counter, move, MOVES)
    w.close()
    return out


def _window(app, n: int, robustness_visible: bool, season: bool = False):
    from evaluator.session import Session
    from ui.main_window import MainWindow
    fresh_settings()               # the default layout, whatever an earlier window left
    if season:   # the bundled case: a season needs league files
        from clubfit.paths import bundled_scenario
        session = Session.from_file(bundled_scenario())
    else:
        session = Session(synthetic_scenario(n))
    window = MainWindow(session)
    window.resize(1280, 800)
    window.tabs.setCurrentIndex(window.tabs.count() - 1 if robustness_visible else 0)   # "How sure" is last
    if season:
        window.tabs.setCurrentWidget(window.season)
    window.show()
    app.processEvents()
    return session, window


def _close(app, window) -> None:
    from ui import dialogs
    dialogs.ask_save_changes = lambda parent, name: "discard"   # the moved sliders are thrown away
    window.close()
    window.deleteLater()
    app.processEvents()


def _live(app, counter: _Counter, n: int, visible: bool, worker: bool | None = None,
          foot: bool = False) -> dict[str, float]:
    """``worker``: None as the app decides (the exact parts go to the worker process when they
    take over half a frame here), True / False to force it one way. ``foot``: the How sure tab
    scrolled to its foot, the flip table and the warnings in sight (the tab leaves them out of a
    move while they are below its fold)."""
    from ui.panels.robustness_panel import WORKER_FROM_MS, RobustnessPanel
    RobustnessPanel.worker_from_ms = WORKER_FROM_MS if worker is None else (0.0 if worker else float("inf"))
    try:
        return _live_window(app, counter, n, visible, foot)
    finally:
        RobustnessPanel.worker_from_ms = WORKER_FROM_MS


def _scroll_to_foot(app, window) -> None:
    from PySide6.QtWidgets import QScrollArea
    area = window.tabs.currentWidget()
    assert isinstance(area, QScrollArea)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    app.processEvents()
    assert window.robustness.below.now(), "the flip table should be in sight"


def _live_window(app, counter: _Counter, n: int, visible: bool, foot: bool = False) -> dict[str, float]:
    session, window = _window(app, n, visible)
    panel = window.robustness if visible else None
    if foot:
        _scroll_to_foot(app, window)
    from ui.panels.robustness_panel import smaa_stages
    if panel is not None and smaa_stages(n):           # SMAA is off above 200 clubs
        _wait_smaa(app, counter, panel, session)       # the SMAA process is up and has answered once
    if panel is not None:
        drawn = [0]
        original = panel._show_smaa
        panel._show_smaa = lambda mc: (drawn.__setitem__(0, drawn[0] + 1), original(mc))
    slider = window.weights.rows[0].slider
    if panel is not None:
        _warm(app, counter, panel, slider)

    def move(i: int) -> None:
        slider.setValue((i * 7) % 101)

    moves = MOVES_1000_VISIBLE if (visible and n >= 1000) else MOVES
    out = _paced(app, counter, move, moves, panel)
    if panel is not None:
        out["smaa_drawn_per_move"] = drawn[0] / (moves + 10)
    _close(app, window)
    return out


def _warm(app, counter: _Counter, panel, slider) -> None:
    """The How sure tab's first change starts its exact-analysis worker: not timed."""
    for v in (1, 2):
        slider.setValue(v)
        drain(app, counter, panel)


def _season_live(app, counter: _Counter) -> dict[str, float]:
    """The bundled case (3 clubs, 26 matchdays) with the Season tab on screen."""
    session, window = _window(app, 3, False, season=True)
    panel = window.season.panel()
    drain(app, counter, panel)
    slider = window.weights.rows[0].slider
    out = _paced(app, counter, lambda i: slider.setValue((i * 7) % 101), MOVES, panel)
    _close(app, window)
    return out


def _smaa_painted(panel, session) -> bool:
    from ui.panels.robustness_panel import smaa_samples
    rb = panel._latest
    full = smaa_samples(len(session.result.scenario.clubs), resting=True)
    return (not panel.pending() and rb is not None and rb.result is session.result and rb.smaa is not None
            and rb.smaa.n_samples == full)


def _wait_smaa(app, counter: _Counter, panel, session, t0: float | None = None) -> float:
    t0 = time.perf_counter() if t0 is None else t0
    while not _smaa_painted(panel, session):
        app.processEvents()
        time.sleep(0.0002)
        if time.perf_counter() - t0 > 20:
            raise RuntimeError("SMAA never arrived")
    drain(app, counter, panel)                         # and painted
    return (time.perf_counter() - t0) * 1000


def _smaa_latency(app, counter: _Counter, n: int) -> dict[str, float]:
    """A drag of five 60 Hz moves; from the last move until the full SMAA for it is painted."""
    session, window = _window(app, n, True)
    panel = window.robustness
    _wait_smaa(app, counter, panel, session)
    slider = window.weights.rows[0].slider
    _warm(app, counter, panel, slider)
    times = []
    for drag in range(DRAGS):
        for step in range(5):
            next_at = time.perf_counter() + PERIOD_S
            t0 = time.perf_counter()
            slider.setValue((drag * 13 + step * 7) % 101)
            drain(app, counter, panel)
            while step < 4 and time.perf_counter() < next_at:
                app.processEvents()
                time.sleep(0.0005)
        times.append(_wait_smaa(app, counter, panel, session, t0))
    _close(app, window)
    return stats(times)


def run() -> list[dict[str, object]]:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    counter = _Counter(app)
    rows = []
    ref = "bare pyqtgraph bar chart, NumPy re-weight, same drain and pacing, same run"
    for n in SIZES:
        floor = _floor(app, counter, n)
        for visible in (False, True):
            where = "visible" if visible else "hidden"
            rows.append(row(f"live move -> all painted, {n} clubs, How sure {where}",
                            _live(app, counter, n, visible), ref, floor, TARGETS.get((n, visible), "")))
            if visible and n in (3, 100):   # scrolled to the flip table; the exact parts forced to the worker
                rows.append(row(f"live move -> all painted, {n} clubs, How sure {where}, scrolled to its foot "
                                "(flip table and warnings in sight)", _live(app, counter, n, visible, foot=True),
                                ref, floor, ""))
                rows.append(row(f"live move -> all painted, {n} clubs, How sure {where}, exact parts "
                                "forced to the worker process", _live(app, counter, n, visible, worker=True),
                                ref, floor, ""))
        if n <= 100:
            rows.append(row(f"last drag move -> 10,000-sample SMAA painted, {n} clubs",
                            _smaa_latency(app, counter, n), "", None, SMAA_TARGETS.get(n, "")))
        if n == 3:
            rows.append(row("live move -> all painted, bundled case (3 clubs, 26 matchdays), Season tab visible",
                            _season_live(app, counter), ref, floor, "p95 <= 4 ms"))
    counter.remove()
    return rows
