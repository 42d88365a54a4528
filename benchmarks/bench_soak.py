"""Long use and big files: does the window stay live and the process stay the same size?

- soak: 100,000 slider moves and 1,000 as-of changes (every date the files allow, cycled) in
  the offscreen window with the bundled case; RSS and live Python objects at start and end.
- big file: a match file of ~100 MB loaded through File > Load league file; the longest gap
  between 5 ms heartbeats on the GUI thread while it is read (target: never over 100 ms).

    python -m benchmarks.bench_soak [--moves 100000] [--dates 1000]
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CLUBFIT_SETTINGS", str(Path(tempfile.mkdtemp()) / "settings.ini"))
ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "resources" / "cases" / "ramos-2025-11-28.scenario.json"


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def soak(moves: int, dates: int) -> dict[str, object]:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from evaluator.errors import InputError
    from evaluator.session import Session
    from ui.main_window import MainWindow
    window = MainWindow(Session.from_file(BUNDLED, read_only=True))
    window.show()
    app.processEvents()
    gc.collect()
    start = {"rss_mib": rss_mib(), "objects": len(gc.get_objects())}
    slider = window.weights.rows[0].slider
    t = time.perf_counter()
    for i in range(moves):
        slider.setValue(i % 101)
        if i % 100 == 0:
            app.processEvents()
    move_s = time.perf_counter() - t
    days = [date(2025, 8, 15) + timedelta(days=d) for d in range(400)]
    done = refused = 0
    t = time.perf_counter()
    while done + refused < dates:
        for day in days:
            if done + refused >= dates:
                break
            try:
                window.session.set_as_of(day)
                done += 1
            except InputError:
                refused += 1   # before the season or long after it: refused, nothing changes
            app.processEvents()
    date_s = time.perf_counter() - t
    gc.collect()
    end = {"rss_mib": rss_mib(), "objects": len(gc.get_objects())}
    steps = window.history.stack.count()
    window.history.stack.setClean()
    window.close()
    return {"name": "soak: slider moves + as-of changes", "moves": moves, "move_seconds": round(move_s, 1),
            "as_of_changes": done, "as_of_refused": refused, "as_of_seconds": round(date_s, 1),
            "start": start, "end": end, "undo_steps": steps,
            "cached_tables": len(window.session.cache.tables)}


def big_file(mb: int = 100) -> dict[str, object]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from evaluator.session import Session
    from ui import case_actions, dialogs
    from ui.main_window import MainWindow
    src = json.loads((ROOT / "resources/data/matches/openfootball-it.1-2025-26.json").read_text(encoding="utf-8"))
    matches = src["matches"]
    big = {"name": src["name"], "matches": []}
    per_season = len(json.dumps(matches))
    for copy in range(1, mb * 1_000_000 // per_season + 2):   # the same season for other teams (no duplicates)
        big["matches"].extend(dict(m, team1=f"{m['team1']} {copy}", team2=f"{m['team2']} {copy}") for m in matches)
    size = len(json.dumps(big))
    path = Path(tempfile.mkdtemp()) / "big-season.json"
    path.write_text(json.dumps(big), encoding="utf-8")
    window = MainWindow(Session.from_file(BUNDLED, read_only=True))
    window.show()
    for _ in range(20):   # the window's first paints are not the file's doing
        app.processEvents()
    said: list[str] = []
    dialogs.show_info = lambda parent, title, text: said.append(text)     # type: ignore[assignment]  # no modal in a benchmark
    dialogs.show_error = lambda parent, title, text: said.append(text)    # type: ignore[assignment]  # likewise
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now
    timer = QTimer()
    timer.timeout.connect(beat)
    timer.start(5)
    t = time.perf_counter()
    case_actions.load_league_file(window, window.session, str(path))
    while not said and time.perf_counter() - t < 120:
        app.processEvents()
    took = time.perf_counter() - t
    timer.stop()
    window.history.stack.setClean()
    window.close()
    path.unlink()
    return {"name": f"big file: {size / 1e6:.0f} MB match file loaded", "seconds": round(took, 2),
            "longest_gui_gap_ms": round(1000 * max(gaps, default=0.0), 1), "target_ms": 100,
            "outcome": said[0][:120] if said else "no answer in 120 s"}


def run(moves: int = 100_000, dates: int = 1000) -> list[dict[str, object]]:
    return [big_file(100), big_file(4), big_file(1), soak(moves, dates)]


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--moves", type=int, default=100_000)
    p.add_argument("--dates", type=int, default=1000)
    a = p.parse_args()
    for row in run(a.moves, a.dates):
        print(row)
    sys.exit(0)
