"""Where the shipped resources are, in a checkout and in an installed wheel.

Kept free of Qt and of the app's packages so both the command line and ``ui`` can use it."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources() -> Path:
    """The resources folder: ``clubfit/resources`` inside an installed wheel (setuptools maps the
    repository's ``resources/`` there), else ``resources/`` beside this package in a checkout.

    A real folder, not a Traversable: case files name their data by relative path and Qt loads
    icons by file name. Wheels are installed unzipped, so the package is always a folder."""
    package = Path(str(files(__package__)))
    for candidate in (package / "resources", package.parent / "resources"):
        if (candidate / "cases").is_dir():
            return candidate
    raise FileNotFoundError(f"Club Fit's resources are missing: looked in {package / 'resources'} "
                            f"and {package.parent / 'resources'}; reinstall clubfit")


def bundled_scenario() -> Path:
    return resources() / "cases" / "ramos-2025-11-28.scenario.json"


def bundled_case() -> Path:
    return resources() / "cases" / "ramos-2025-11-28.case.json"


def app_icon() -> Path:
    return resources() / "icons" / "clubfit.svg"


def user_guide() -> Path | None:
    """docs/user-guide.md: ``clubfit/docs`` in a wheel, ``docs/`` in a checkout; None if absent."""
    package = Path(str(files(__package__)))
    for candidate in (package / "docs", package.parent / "docs"):
        if (candidate / "user-guide.md").is_file():
            return candidate / "user-guide.md"
    return None
