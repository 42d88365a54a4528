"""Live path: slider value set -> session -> every panel repainted, against a bare floor.

The repaint is forced by processing events on the window (offscreen backing store), which
really paints; ``PlotWidget.repaint()`` alone paints nothing useful here.
"""
from __future__ import annotations

import numpy as np

from benchmarks.common import measure, row, synthetic_scenario

SIZES = (3, 20, 100, 1000)


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


def run() -> list[dict[str, object]]:
    from PySide6.QtWidgets import QApplication
    from evaluator.decision.session import Session
    from ui.main_window import MainWindow
    app = QApplication.instance() or QApplication([])
    rows = []
    for n in SIZES:
        session = Session(synthetic_scenario(n))
        window = MainWindow(session)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        slider = window.weights.rows[0].slider
        state = {"v": 0}

        def tick() -> None:
            state["v"] = (state["v"] + 7) % 101
            slider.setValue(state["v"])
            app.processEvents()

        stats = measure(tick, repeat=200 if n <= 100 else 40, warmup=10)
        window.close()
        window.deleteLater()
        app.processEvents()
        target = {3: "p95 <= 4 ms", 100: "p95 <= 16 ms"}.get(n, "")
        rows.append(row(f"live slider -> all panels repainted, {n} clubs", stats,
                        "numpy + one BarGraphItem.setOpts + repaint", _floor(app, n), target))
    return rows
