"""Cold start: process spawn to first paint of the full window, against a bare pyqtgraph window.

Both are started the same way (``main.py --quit-after-paint`` / ``bare_window.py``, wall time from
spawn to exit) with the app's own packages compiled to bytecode first, as an install does: the
bare window's libraries (PySide6, pyqtgraph, NumPy) come with theirs, and where
PYTHONDONTWRITEBYTECODE is set (it is in this project's sessions) the app's ~100 modules were
otherwise compiled from source on every spawn, 0.2-0.6 s the bare window never pays.
"""
from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _peak_rss_kib(pid: int) -> int:
    """The process's own peak RSS (VmHWM). Not rusage: Linux carries the parent's peak RSS
    across fork and exec into ``ru_maxrss``, so every child of this (large) benchmark process
    reported the same ~577 MiB."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _spawn(cmd: list[str]) -> tuple[float, float]:
    """Wall time (ms) and peak RSS (MiB) of one run."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while True:   # poll: the last reading before exit is the peak (VmHWM never goes down)
        pid, status = os.waitpid(proc.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _peak_rss_kib(proc.pid))
        time.sleep(0.001)
    ms = (time.perf_counter() - t0) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
    return ms, peak / 1024


def _series(samples: list[tuple[float, float]]) -> dict[str, float]:
    times = sorted(s[0] for s in samples)
    return {"median_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))],
            "runs": len(samples), "peak_rss_mib": max(s[1] for s in samples)}


def _in_turn(first: list[str], second: list[str], runs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Both commands run alternately, so the machine speeding up or slowing down between runs
    moves both alike (until 2026-12-03 ten of one ran, then ten of the other: the ratio read 1.29x
    to 1.51x over four runs of the same code within minutes)."""
    _spawn(first)   # warm the file cache
    _spawn(second)
    a, b = [], []
    for _ in range(runs):
        a.append(_spawn(first))
        b.append(_spawn(second))
    return _series(a), _series(b)


def _compile_app() -> None:
    """Write the app's .pyc files (py_compile writes them whatever PYTHONDONTWRITEBYTECODE says)."""
    for package in ("clubfit", "evaluator", "ui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def run(runs: int = 10) -> list[dict[str, object]]:
    _compile_app()
    app, bare = _in_turn([sys.executable, "main.py", "--quit-after-paint"],
                         [sys.executable, "benchmarks/bare_window.py"], runs)
    return [{
        "name": "cold start to first paint, bundled case", **app,
        "reference": "bare pyqtgraph window, one bar chart", "ref_median_ms": bare["median_ms"],
        "ref_p95_ms": bare["p95_ms"], "ref_peak_rss_mib": bare["peak_rss_mib"],
        "ratio_median": app["median_ms"] / bare["median_ms"], "target": "ratio <= 1.3",
    }]
