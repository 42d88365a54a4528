"""The ``clubfit`` console script: runs ``main.py``, the composition root, wherever it lives.

An installed wheel carries it as ``clubfit/_main.py`` (setup.py's build step copies it there, so
no generic top-level ``main`` module lands in site-packages); a checkout or an editable install
runs the ``main.py`` at the repository root."""
from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    return int(_composition_root().main(argv))


def _composition_root() -> ModuleType:
    try:
        return importlib.import_module("clubfit._main")
    except ModuleNotFoundError as e:
        if e.name != "clubfit._main":   # something main.py imports is missing: show that, not this
            raise
    path = Path(__file__).resolve().parent.parent / "main.py"
    if "main" in sys.modules and Path(getattr(sys.modules["main"], "__file__", "")).resolve() == path:
        return sys.modules["main"]
    spec = importlib.util.spec_from_file_location("main", path) if path.is_file() else None
    if spec is None or spec.loader is None:
        raise SystemExit(f"clubfit: {path} is missing; reinstall clubfit")
    module = importlib.util.module_from_spec(spec)
    sys.modules["main"] = module
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    sys.exit(main())
