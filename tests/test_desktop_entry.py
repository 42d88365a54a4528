"""The app has its own icon, and a freedesktop entry that launches it by that icon."""
from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys

import pytest

from clubfit.paths import app_icon, resources
from conftest import ROOT

DESKTOP = resources() / "clubfit.desktop"


def test_icon_draws(qapp):
    from PySide6.QtGui import QIcon
    image = QIcon(str(app_icon())).pixmap(64, 64).toImage()   # needs Qt's SVG plugin: catches its absence
    assert not image.isNull() and image.pixelColor(32, 32).alpha() == 255


def test_the_app_shows_the_icon():
    # In its own process: a finished app.exec() leaves state behind that upsets later Qt tests.
    code = ("import sys; from conftest import BUNDLED_SCENARIO; from evaluator.session import Session;"
            "from ui.app import run_app;"
            "from PySide6.QtWidgets import QApplication;"
            "code = run_app(Session.from_file(BUNDLED_SCENARIO), quit_after_paint=True);"
            "app = QApplication.instance();"
            "sys.exit(code or app.windowIcon().isNull() or app.desktopFileName() != 'clubfit')")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join((str(ROOT / "tests"), str(ROOT)))}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_desktop_entry_launches_the_console_script_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str   # keys are case-sensitive
    entry.read(DESKTOP, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert (main["Type"], main["Exec"], main["Icon"], main["Terminal"]) == ("Application", "clubfit", app_icon().stem,
                                                                            "false")


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_is_valid():
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
