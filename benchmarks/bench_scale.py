"""Sizes the other suites do not reach: adding 50 clubs one by one, opening the window on 1,000
and 10,000 clubs (with the process's RSS against a bare window), and the report at 3/20/100 clubs.

    QT_QPA_PLATFORM=offscreen python -m benchmarks --only scale

Window open and RSS run in a fresh process each (``python -m benchmarks.bench_scale open N``),
so one size's memory cannot hide in another's.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import numpy as np

from benchmarks.common import fresh_settings, row, stats

ROOT = Path(__file__).resolve().parent.parent
REPORT_SIZES = (3, 20, 100)
OPEN_SIZES = (1_000, 10_000)
ADDS = 50
OPEN_TIMEOUT_S = 120
MOVES = 40        # slider moves after the window opened, How sure hidden, each drained
OPEN_TARGETS = {1_000: "<= 2000 ms", 10_000: "<= 5000 ms, RSS <= 3x bare"}


def _rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _drain(app) -> None:
    """Until the event loop is idle (a pass that handles no event): every visible panel painted,
    as bench_live drains."""
    from benchmarks.bench_live import _Counter, drain
    counter = _Counter(app)
    try:
        drain(app, counter)
    finally:
        counter.remove()


def open_window(n: int) -> dict[str, float]:
    """In this (fresh) process: build the session and window for n synthetic clubs, paint it."""
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from benchmarks.common import synthetic_scenario
    scenario = synthetic_scenario(n) if n else None
    t0 = time.perf_counter()
    if scenario is None:          # the bare reference: one bar chart, nothing else
        import pyqtgraph as pg
        w = pg.PlotWidget()
        w.addItem(pg.BarGraphItem(x0=np.zeros(3), y=np.arange(3), height=0.6, width=np.array([7.0, 5.0, 3.0])))
    else:
        from evaluator.session import Session
        from ui.main_window import MainWindow
        fresh_settings()
        w = MainWindow(Session(scenario))
    w.resize(1280, 800)
    w.show()
    w.grab()
    _drain(app)
    open_ms = (time.perf_counter() - t0) * 1000
    out = {"open_ms": open_ms, "rss_mib": _rss_mib()}
    if scenario is not None:      # and a slider move with the How sure tab hidden
        slider = w.weights.rows[0].slider
        times = []
        for i in range(MOVES):
            t = time.perf_counter()
            slider.setValue((i * 7) % 101)
            _drain(app)
            times.append((time.perf_counter() - t) * 1000)
        out.update({f"move_{k}": v for k, v in stats(times).items()})
    return out


def _open_in_child(n: int) -> dict[str, float] | None:
    """None when it does not finish within OPEN_TIMEOUT_S (10,000 clubs, today)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        res = subprocess.run([sys.executable, "-m", "benchmarks.bench_scale", "open", str(n)], cwd=ROOT, env=env,
                             capture_output=True, text=True, check=True, timeout=OPEN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(res.stdout.strip().splitlines()[-1])


def _add_clubs(app) -> dict[str, float]:
    from evaluator.documents import load_scenario  # noqa: F401 - the session reads it
    from evaluator.session import Session
    from main import BUNDLED_SCENARIO
    from ui import dialogs
    from ui.main_window import MainWindow
    session = Session.from_file(BUNDLED_SCENARIO, read_only=True)
    fresh_settings()               # the default layout, whatever an earlier window left
    window = MainWindow(session)
    window.resize(1280, 800)
    window.show()
    _drain(app)
    have = {c.name for c in session.scenario.clubs}
    todo = [(t.name, lg.path) for lg in session.leagues() for t in lg.teams if t.name not in have][:ADDS]
    times = []
    for name, path in todo:
        t0 = time.perf_counter()
        session.add_club(name, path)
        _drain(app)
        times.append((time.perf_counter() - t0) * 1000)
    dialogs.ask_save_changes = lambda parent, name: "discard"
    window.close()
    _drain(app)
    out = stats(times)
    out["total_ms"] = float(sum(times))
    out["first5_ms"] = float(np.mean(times[:5]))
    out["last5_ms"] = float(np.mean(times[-5:]))
    out["clubs_added"] = len(times)
    return out


def _reports(app) -> list[dict[str, object]]:
    from benchmarks.common import synthetic_scenario
    from evaluator.session import Session
    from ui.export_pdf import export_report
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.pdf"
        for n in REPORT_SIZES:
            session = Session(synthetic_scenario(n))
            export_report(session.result, out, "a4", datetime.now().astimezone())   # warm-up
            times = []
            for _ in range(5 if n < 100 else 3):
                t0 = time.perf_counter()
                export_report(session.result, out, "a4", datetime.now().astimezone())
                times.append((time.perf_counter() - t0) * 1000)
            rows.append(row(f"report export, {n} synthetic clubs (window path)", stats(times), "", None,
                            "<= 1000 ms" if n == 100 else ""))
    return rows


def run() -> list[dict[str, object]]:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    rows = _reports(app)
    add = _add_clubs(app)
    rows.append(row(f"add club x{add['clubs_added']} to the bundled case (each add, window drained; first 5 "
                    f"{add['first5_ms']:.0f} ms, last 5 {add['last5_ms']:.0f} ms)", add, "", None,
                    "flat in the number of clubs"))
    bare = _open_in_child(0)
    assert bare is not None
    for n in OPEN_SIZES:
        got = _open_in_child(n)
        if got is None:
            rows.append({"name": f"window open + {MOVES} moves, {n:,} clubs: did not finish in {OPEN_TIMEOUT_S} s",
                         "median_ms": None, "p95_ms": None, "runs": 0, "reference": "", "target": OPEN_TARGETS[n]})
            continue
        rows.append({"name": f"window open, {n:,} clubs (fresh process, to painted)", "median_ms": got["open_ms"],
                     "p95_ms": got["open_ms"], "runs": 1, "rss_mib": got["rss_mib"],
                     "ref_rss_mib": bare["rss_mib"], "rss_ratio": got["rss_mib"] / bare["rss_mib"],
                     "reference": "bare pyqtgraph window RSS", "target": OPEN_TARGETS[n]})
        rows.append({"name": f"slider move, {n:,} clubs, How sure hidden (drained)", "median_ms": got["move_median_ms"],
                     "p95_ms": got["move_p95_ms"], "runs": MOVES, "reference": "",
                     "target": "p95 <= 16 ms" if n == 1_000 else "<= 50 ms"})
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "open":
        print(json.dumps(open_window(int(sys.argv[2]))))
    else:
        for r in run():
            print(r)
