"""How long exporting the fit report takes for the bundled case (not a test).

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_report [--runs 10]

- window path: in-process, with a QApplication already running (what File > Export fit report… costs)
- command line: ``clubfit report`` in a subprocess, wall time including Python and Qt start-up
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _stats(ms: list[float]) -> str:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   (n={len(ms)})"


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=10)
    runs = p.parse_known_args(argv)[0].runs
    window, cli, size = measure_exports(runs)
    print(f"fit report, bundled case ({size / 1024:.0f} KiB PDF)")
    print(f"  window path (in-process): {_stats(window)}")
    print(f"  command line (subprocess): {_stats(cli)}")


def run(runs: int = 10) -> list[dict[str, object]]:
    """Rows for `python -m benchmarks`."""
    window, cli, size = measure_exports(runs)
    rows = []
    for name, ms in (("report export, window path (in-process)", window),
                     ("report export, command line (subprocess)", cli)):
        ordered = sorted(ms)
        rows.append({"name": name, "median_ms": statistics.median(ms),
                     "p95_ms": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
                     "runs": runs, "pdf_kib": size / 1024, "reference": "", "target": ""})
    return rows


def measure_exports(runs: int) -> tuple[list[float], list[float], int]:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    from evaluator.session import Session
    from evaluator.documents import load_scenario
    from main import BUNDLED_SCENARIO
    from ui.export_pdf import export_report

    session = Session(load_scenario(BUNDLED_SCENARIO))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.pdf"
        export_report(session.result, out, "a4", datetime.now().astimezone())   # warm-up: fonts, imports
        window = []
        for _ in range(runs):
            t0 = time.perf_counter()
            export_report(session.result, out, "a4", datetime.now().astimezone())
            window.append(1000 * (time.perf_counter() - t0))
        size = out.stat().st_size
        cli = []
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, str(ROOT / "main.py"), "report", "--out", str(out)],
                           check=True, capture_output=True, env=env)
            cli.append(1000 * (time.perf_counter() - t0))
    return window, cli, size


if __name__ == "__main__":
    main()
