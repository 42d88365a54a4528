"""Live path: slider value set -> session -> every panel repainted, against a bare floor.

Measured with the "How sure" (robustness) tab hidden and visible, at 3/20/100 clubs (1,000
clubs hidden only: SMAA is off there and the exact parts grow with clubs squared), plus the
time from the last of a burst of slider moves until the refined SMAA sample for the latest
weights is on screen. The repaint is forced by processing events on the window (offscreen
backing store), which really paints; ``PlotWidget.repaint()`` alone paints nothing useful.
"""
from __future__ import annotations

import time

import numpy as np

from benchmarks.common import measure, row, synthetic_scenario

SIZES = (3, 20, 100, 1000)
VISIBLE_SIZES = (3, 20, 100)
REFINE_BURSTS = 15
TARGETS = {3: "p95 <= 4 ms", 100: "p95 <= 16 ms"}


def _floor(app, n: int) -> dict[str, float]:
    import pyqtgraph as pg
    w = pg.PlotWidget()
    w.resize(900, 400)
    bars = pg.BarGraphItem(x0=np.zeros(n), y=np.arange(n), height=0.6, width=np.zeros(n))
    w.addItem(bars)
    w.show()
    app.processEvents()
    rng = np.random.default_rng(0)
    u = rng.uniform(size=(n, 3))
    state = {"t": 0}

    def tick() -> None:
        state["t"] += 1
        wts = np.array([1.0, 1.0, (state["t"] % 100) / 100])
        bars.setOpts(width=100 * u @ (wts / wts.sum()))
        app.processEvents()

    stats = measure(tick)
    w.close()
    return stats


def _window(app, n: int, robustness_visible: bool):
    from PySide6.QtWidgets import QTabWidget
    from evaluator.session import Session
    from ui.main_window import MainWindow
    session = Session(synthetic_scenario(n))
    window = MainWindow(session)
    window.resize(1280, 800)
    tabs = window.findChild(QTabWidget)
    tabs.setCurrentIndex(tabs.count() - 1 if robustness_visible else 0)   # "How sure" is the last tab
    window.show()
    app.processEvents()
    return session, window


def _close(app, window) -> None:
    window.close()
    window.deleteLater()
    app.processEvents()


def _live(app, n: int, visible: bool) -> dict[str, float]:
    session, window = _window(app, n, visible)
    slider = window.weights.rows[0].slider
    state = {"v": 0}

    def tick() -> None:
        state["v"] = (state["v"] + 7) % 101
        slider.setValue(state["v"])
        app.processEvents()

    stats = measure(tick, repeat=200 if n <= 100 else 40, warmup=10)
    _close(app, window)
    return stats


def _refined(panel, session) -> bool:
    """The panel shows the full SMAA sample for the session's current weights."""
    from ui.panels.robustness_panel import smaa_samples
    rb = panel.latest
    full = smaa_samples(len(session.result.scenario.clubs), resting=True)
    return (rb is not None and rb.result is session.result and rb.smaa is not None
            and rb.smaa.n_samples == full)


def _refine_latency(app, n: int) -> dict[str, float]:
    """Five quick slider moves, then the wall time from the last one until the refined SMAA is drawn."""
    session, window = _window(app, n, True)
    slider = window.weights.rows[0].slider
    times = []
    for burst in range(REFINE_BURSTS):
        for step in range(4):
            slider.setValue((burst * 13 + step * 7) % 101)
            app.processEvents()
        t0 = time.perf_counter()                     # from the last move itself
        slider.setValue((burst * 13 + 4 * 7 + 1) % 101)
        while not _refined(window.robustness, session):
            app.processEvents()
            time.sleep(0.0005)
            if time.perf_counter() - t0 > 10:
                raise RuntimeError(f"{n} clubs: refined SMAA never arrived")
        times.append((time.perf_counter() - t0) * 1000)
    _close(app, window)
    times.sort()
    return {"median_ms": float(np.median(times)), "p95_ms": times[int(0.95 * (len(times) - 1))],
            "runs": len(times)}


def run() -> list[dict[str, object]]:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    rows = []
    for n in SIZES:
        floor = _floor(app, n)
        ref = "numpy + one BarGraphItem.setOpts + repaint"
        rows.append(row(f"live slider -> all panels repainted, {n} clubs, How sure hidden",
                        _live(app, n, False), ref, floor, TARGETS.get(n, "")))
        if n in VISIBLE_SIZES:
            rows.append(row(f"live slider -> all panels repainted, {n} clubs, How sure visible",
                            _live(app, n, True), ref, floor, TARGETS.get(n, "")))
            rows.append(row(f"last slider move -> refined SMAA on screen, {n} clubs", _refine_latency(app, n)))
    return rows
