"""The core stays Qt-free, and the app starts and exits cleanly in its own process."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT


def test_importing_evaluator_pulls_in_no_qt():
    code = ("import sys, evaluator, evaluator.session, evaluator.data.case, evaluator.documents, evaluator.formats;"
            "bad=[m for m in sys.modules if m.split('.')[0] in ('PySide6','shiboken6','pyqtgraph')];"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_import_linter_contracts_hold():
    lint = os.path.join(os.path.dirname(sys.executable), "lint-imports")
    done = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "9 kept, 0 broken" in done.stdout


def test_app_starts_paints_and_exits_cleanly():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "main.py", "--quit-after-paint"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_app_with_a_bad_scenario_says_one_line_and_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"clubs": [], "criteria": [], "columns": []}')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "main.py", "--scenario", str(bad)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "bad.json" in done.stderr and "clubs" in done.stderr
