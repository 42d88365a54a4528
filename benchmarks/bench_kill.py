"""Writers killed at random instants: saves must leave the old pair or the new pair, exports the
old PDF or a complete new one; what a kill leaves behind is cleaned by the next write.

    python -m benchmarks.bench_kill [--tries 150]
"""
from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "resources" / "cases" / "ramos-2025-11-28.scenario.json"

SAVER = """
import sys, pathlib
from evaluator.session import Session
s = Session.from_file(pathlib.Path(sys.argv[1]))
print("ready", flush=True)
i = 0
while True:
    i += 1
    s.set_weight("age", float(i % 50 + 1))
    s.save(pathlib.Path(sys.argv[1]))
"""

EXPORTER = """
import os, sys, pathlib
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
app = QApplication([])
from evaluator.session import Session
from ui.export_pdf import export_report
s = Session.from_file(pathlib.Path(sys.argv[2]))
print("ready", flush=True)
while True:
    export_report(s.result, pathlib.Path(sys.argv[1]))
"""


def _kill_after(code: str, args: list[str], delay: float) -> None:
    proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    proc.stdout.readline()
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()


def kill_saves(folder: Path, tries: int, rng: random.Random) -> dict[str, object]:
    from evaluator.session import Session
    target = folder / "ramos.json"
    Session.from_file(BUNDLED).save(target)
    consistent = leftovers = 0
    for _ in range(tries):
        _kill_after(SAVER, [str(target)], rng.uniform(0.0, 0.08))
        leftovers += any(p.name.endswith((".part", ".previous")) for p in folder.iterdir())
        s = Session.from_file(target)
        consistent += s.case is not None and dict(s.case.weights) == s.weights
    Session.from_file(target).save(target)
    clean = not any(p.name.endswith((".part", ".previous")) for p in folder.iterdir())
    return {"name": "kill test: scenario+case save", "tries": tries, "old_or_new_pair": consistent,
            "kills_leaving_temporaries": leftovers, "clean_after_next_save": clean}


def kill_exports(folder: Path, tries: int, rng: random.Random) -> dict[str, object]:
    target = folder / "fit-report.pdf"
    intact = leftovers = 0
    for _ in range(tries):
        _kill_after(EXPORTER, [str(target), str(BUNDLED)], rng.uniform(0.0, 0.4))
        leftovers += any(p.name.endswith(".part") for p in folder.iterdir())
        data = target.read_bytes() if target.exists() else b""
        intact += (not data) or (data.startswith(b"%PDF") and b"%%EOF" in data[-1024:])
    return {"name": "kill test: report export", "tries": tries, "old_or_complete_new_pdf": intact,
            "kills_leaving_temporaries": leftovers}


def run(tries: int = 100) -> list[dict[str, object]]:
    rng = random.Random(0)
    rows = []
    for fn in (kill_saves, kill_exports):
        folder = Path(tempfile.mkdtemp(prefix="clubfit-kill-"))
        try:
            rows.append(fn(folder, tries, rng))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return rows


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--tries", type=int, default=150)
    for row in run(p.parse_args().tries):
        print(row)
