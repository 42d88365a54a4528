"""Club Fit's installed namespace: the version, the shipped resources and the console script.

The app's code lives in the top-level ``evaluator`` and ``ui`` packages and in ``main.py`` (the
composition root); this package holds what an installed copy needs to find them."""
from __future__ import annotations

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _checkout_version() -> str:
    """A checkout run without installing has no metadata; its pyproject.toml says the same thing."""
    try:
        project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml")
                                .read_text(encoding="utf-8"))["project"]
        return str(project["version"]) if project.get("name") == "clubfit" else "0+unknown"
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"


try:
    __version__ = version("clubfit")
except PackageNotFoundError:
    __version__ = _checkout_version()
