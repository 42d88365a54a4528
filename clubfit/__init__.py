"""Club Fit's installed namespace: the version, the shipped resources and the console script.

The app's code lives in the top-level ``evaluator`` and ``ui`` packages and in ``main.py`` (the
composition root); this package holds what an installed copy needs to find them."""
from __future__ import annotations

from pathlib import Path


def _checkout_version() -> str:
    """A checkout run without installing has no metadata; its pyproject.toml says the same thing."""
    import tomllib
    try:
        project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml")
                                .read_text(encoding="utf-8"))["project"]
        return str(project["version"]) if project.get("name") == "clubfit" else "0+unknown"
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "0+unknown"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("clubfit")
    except PackageNotFoundError:
        return _checkout_version()


def __getattr__(name: str) -> str:
    """``__version__`` is looked up on first use: importlib.metadata scans every installed
    distribution (40-150 ms of a cold start here), and only --version and Help > About ask."""
    if name == "__version__":
        globals()["__version__"] = found = _version()
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
