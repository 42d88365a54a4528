"""Run every benchmark, print a table of medians and p95 with references, write JSON.

    python -m benchmarks [--only live,startup,scoring] [--out benchmarks/results/latest.json]

The fuzz suite runs up to 1,000 generated files per reader, at most 30 s each (a few minutes in all).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")   # as main.py sets it for the app and its workers
from benchmarks.common import fresh_settings  # noqa: E402
fresh_settings()   # never the user's settings: child processes (startup, scale) start from defaults too

SUITES = ("scoring", "live", "startup", "report", "robustness", "data", "season", "scale", "fuzz")


def main() -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks")
    p.add_argument("--only", default=",".join(SUITES))
    p.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "latest.json")
    args = p.parse_args()
    rows: list[dict[str, object]] = []
    for name in args.only.split(","):
        module = importlib.import_module(f"benchmarks.bench_{name.strip()}")
        print(f"# {name} …", file=sys.stderr, flush=True)
        rows.extend(module.run())
    _print(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(), "machine": platform.machine(),
        "cpus": os.cpu_count(), "rows": rows}, indent=2))
    print(f"\nwrote {args.out}")
    return 0


def _fmt(v: object) -> str:
    return f"{v:.3f}" if isinstance(v, float) else ("" if v is None else str(v))


def _print(rows: list[dict[str, object]]) -> None:
    cols = ("name", "median_ms", "p95_ms", "ref_median_ms", "ref_p95_ms", "ratio_median", "ratio_p95", "speedup", "target")
    table = [[_fmt(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(c), *(len(t[i]) for t in table)) for i, c in enumerate(cols)]
    print("  ".join(c.ljust(w) for c, w in zip(cols, widths)))
    for t in table:
        print("  ".join(v.ljust(w) for v, w in zip(t, widths)))
    for r in rows:
        if r.get("reference"):
            print(f"  reference for '{r['name']}': {r['reference']}")


if __name__ == "__main__":
    sys.exit(main())
