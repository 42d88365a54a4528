"""Without a display the window command says so in one line (Qt would abort), --screenshot goes
offscreen by itself, and absurd window sizes are refused before Qt can crash on them."""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def headless(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess:
    """main.py with no display at all: the variables Qt would use are removed, not emptied."""
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env={**clean, **env},
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="only X11 and Wayland need DISPLAY")
@pytest.mark.parametrize("args, env", [((), {}), (("--scenario", "F"), {}),
                                       ((), {"QT_QPA_PLATFORM": "xcb"}), ((), {"QT_QPA_PLATFORM": "wayland;xcb"})])
def test_window_without_a_display_is_one_line_and_status_2(args, env):
    done = headless(*args, **env)
    assert done.returncode == 2, done
    assert done.stderr.count("\n") == 1 and "no display" in done.stderr, done.stderr
    assert "clubfit report --out" in done.stderr and "--screenshot" in done.stderr
    assert "xcb" not in done.stderr and "Traceback" not in done.stderr


def test_screenshot_goes_offscreen_by_itself(tmp_path):
    png = tmp_path / "window.png"
    done = headless("--screenshot", str(png), "--size", "640x400")
    assert done.returncode == 0, done.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_huge_window_size_is_refused_before_qt_starts(tmp_path):
    png = tmp_path / "huge.png"
    done = headless("--size", "99999999x99999999", "--screenshot", str(png))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "too large" in done.stderr and "16384" in done.stderr
    assert not png.exists()


def test_version_is_the_projects(tmp_path):
    done = headless("--version", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"clubfit {VERSION}\n", "")


def test_a_display_or_a_headless_platform_needs_no_check(monkeypatch):
    import main
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main._needs_display() is (sys.platform not in ("win32", "darwin"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not main._needs_display()
    monkeypatch.setenv("QT_QPA_PLATFORM", "")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert not main._needs_display()
