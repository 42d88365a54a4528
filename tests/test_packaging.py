"""A wheel built from the repository installs into a fresh environment and runs from there: the
bundled case and its data ship inside it, and nothing generic (``main``, ``resources``) lands in
site-packages.

Offline after the first run: the build backend (setuptools) comes from a wheelhouse fetched once
(``CLUBFIT_WHEELHOUSE``, default ~/.cache/clubfit-wheelhouse), and the fresh environment borrows
Qt, numpy and pyqtgraph from the running interpreter through a .pth file instead of downloading
them again. That borrowed folder could also hold the project itself, so the test first shows the
environment cannot import it before the wheel goes in."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]
DEPENDENCIES = ("PySide6", "shiboken6", "numpy", "pyqtgraph")
ALLOWED_TOP_LEVEL = {"clubfit", "evaluator", "ui", f"clubfit-{VERSION}.dist-info", f"clubfit-{VERSION}.data"}
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                    "tests", "benchmarks", "out", "*.whl")


def run(args: list, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=120, **kw)


def wheelhouse() -> Path:
    """setuptools as a wheel, so the isolated build needs no index."""
    house = Path(os.environ.get("CLUBFIT_WHEELHOUSE") or Path.home() / ".cache" / "clubfit-wheelhouse")
    if not any(house.glob("setuptools-*.whl")):
        done = run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "-d", house,
                    *PYPROJECT["build-system"]["requires"]])
        if done.returncode:
            pytest.skip(f"no setuptools wheel in {house} and none could be downloaded: {done.stderr[-300:]}")
    return house


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Build from a copy: an in-tree build leaves build/ and clubfit.egg-info/ in the repository.
    src = tmp_path_factory.mktemp("src") / "clubfit"
    shutil.copytree(ROOT, src, ignore=NOT_COPIED)
    out = tmp_path_factory.mktemp("wheel")
    house = wheelhouse()
    done = run([sys.executable, "-m", "pip", "wheel", "-q", src, "-w", out, "--no-deps",
                "--no-index", "--find-links", house])
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("clubfit-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(tmp_path_factory, wheel) -> Path:
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    assert run([sys.executable, "-m", "venv", "--without-pip", env_dir]).returncode == 0
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    borrowed = {str(Path(importlib.util.find_spec(name).origin).parent.parent) for name in DEPENDENCIES}
    (site / "borrowed-dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n", encoding="utf-8")
    for name in ("clubfit", "evaluator", "ui", "main"):   # the borrowed folders must not bring the project
        done = run([python, "-c", f"import {name}"], cwd=env_dir, env=outside_env())
        assert "ModuleNotFoundError" in done.stderr, f"{name} importable before the install: {done}"
    done = run([sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel])
    assert done.returncode == 0, done.stdout + done.stderr
    return env_dir


def outside_env() -> dict[str, str]:
    """No PYTHONPATH (nothing from the checkout) and no display (like a server)."""
    drop = ("PYTHONPATH", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return {k: v for k, v in os.environ.items() if k not in drop}


def clubfit(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    script = venv / ("Scripts/clubfit.exe" if os.name == "nt" else "bin/clubfit")
    return run([script, *args], cwd=cwd, env=outside_env())


def test_wheel_holds_the_code_and_every_resource_and_nothing_generic(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {n.split("/")[0] for n in names} <= ALLOWED_TOP_LEVEL, sorted({n.split("/")[0] for n in names})
    shipped = {f"clubfit/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
               for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert shipped <= names, sorted(shipped - names)
    code = {p.relative_to(ROOT).as_posix() for pkg in ("evaluator", "ui", "clubfit") for p in (ROOT / pkg).rglob("*.py")}
    assert code | {"clubfit/_main.py"} <= names, sorted(code - names)


def test_installed_wheel_scores_and_reports_from_anywhere(venv, tmp_path):
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    where = run([python, "-c", "import clubfit.paths, evaluator, ui; print(clubfit.paths.resources());"
                               "print(evaluator.__file__); print(ui.__file__)"], cwd=tmp_path, env=outside_env())
    resources, *code = map(Path, where.stdout.split("\n")[:3])
    assert all(p.is_relative_to(venv) for p in (resources, *code)), where   # not the checkout's

    done = clubfit(venv, tmp_path, "--version")
    assert (done.returncode, done.stdout) == (0, f"clubfit {VERSION}\n"), done

    done = clubfit(venv, tmp_path, "score", "--format", "json")
    assert done.returncode == 0, done.stderr
    from_source = run([sys.executable, ROOT / "main.py", "score", "--format", "json"], cwd=ROOT)
    assert json.loads(done.stdout) == json.loads(from_source.stdout)   # same case, same data

    done = clubfit(venv, tmp_path, "report", "--out", "fit.pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "fit.pdf").read_bytes()[:5] == b"%PDF-"

    done = clubfit(venv, tmp_path)   # the window, with no display: one line, not a Qt abort
    if sys.platform not in ("win32", "darwin"):
        assert done.returncode == 2 and "no display" in done.stderr and done.stderr.count("\n") == 1, done

    data = resources / "data"    # the data pins still hold where the wheel put them
    for line in (data / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, rel = line.split(maxsplit=1)
        assert hashlib.sha256((data / rel.lstrip("*")).read_bytes()).hexdigest() == digest, rel
