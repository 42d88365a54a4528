"""Data-layer timings (not tests): median and p95 in ms.

Part of ``python -m benchmarks`` (suite ``data``); alone: python benchmarks/bench_data.py [repeats]
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from evaluator.data.club_figures import league_figures  # noqa: E402
from evaluator.data.league_table import league_table  # noqa: E402
from evaluator.data.matches import read_season  # noqa: E402

M = ROOT / "resources" / "data" / "matches"
FILES = ["openfootball-it.1-2025-26.json", "openfootball-de.1-2025-26.json", "openfootball-fr.1-2025-26.json"]


def timeit(fn, repeats):
    fn()   # warm-up
    out = []
    for i in range(repeats):
        t = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - t) * 1000)
    out.sort()
    return statistics.median(out), out[min(len(out) - 1, int(round(0.95 * (len(out) - 1))))]


def cases() -> dict[str, object]:
    base = date(2025, 11, 28)
    seasons = [read_season(M / f) for f in FILES]
    assert sum(len(s.teams) for s in seasons) == 56
    cases = {
        "parse + table, one season file (Serie A JSON)":
            lambda i=0: league_table(read_season(M / FILES[0]), base),
        "parse + table, one season file (Serie A CSV)":
            lambda i=0: league_table(read_season(M / "datahub-football-datasets-serie-a-season-2526.csv"), base),
        "re-table on a new date, already parsed (Serie A)":
            lambda i=0: league_table(seasons[0], base + timedelta(days=i % 90)),
        "recompute all 56 clubs of 3 leagues on a new date":
            lambda i=0: [league_figures(t, team, "bench") for s in seasons
                         for t in [league_table(s, base + timedelta(days=i % 90))] for team in s.teams],
    }
    return cases


def _big_csv() -> Path:
    """A 1 MB CSV (the Serie A rows 40 times): what the background-reading threshold is set from.

    Each copy is moved k years back: the reader refuses the same match twice.
    """
    import tempfile
    lines = (M / "datahub-football-datasets-serie-a-season-2526.csv").read_text().splitlines(keepends=True)
    path = Path(tempfile.mkdtemp(prefix="clubfit-bench-")) / "big.csv"
    copies = [f"{int(line[:4]) - k}{line[4:]}" for k in range(40) for line in lines[1:]]
    path.write_text(lines[0] + "".join(copies))
    return path


def _cross_checks(i: int = 0) -> None:
    from evaluator.data.case import build_scenario
    from evaluator.documents import load_case
    build_scenario(load_case(ROOT / "resources" / "cases" / "ramos-2025-11-28.case.json"))


def main(repeats: int = 200) -> None:
    for name, fn in cases().items():
        med, p95 = timeit(fn, repeats)
        print(f"{name:55s} median {med:7.2f} ms   p95 {p95:7.2f} ms")


def run() -> list[dict[str, object]]:
    from benchmarks.common import row
    rows = []
    for name, fn in cases().items():
        med, p95 = timeit(fn, 200)
        rows.append(row(name, {"median_ms": med, "p95_ms": p95, "runs": 200}))
    big = _big_csv()
    med, p95 = timeit(lambda i=0: read_season(big), 10)
    rows.append(row(f"parse a {big.stat().st_size / 1e6:.1f} MB CSV (read off the GUI thread from 100 KB)",
                    {"median_ms": med, "p95_ms": p95, "runs": 10}))
    big.unlink()
    med, p95 = timeit(_cross_checks, 20)
    rows.append(row("bundled case from the files: 6 parses, 3 tables, 15 pair checks, 730 matches compared",
                    {"median_ms": med, "p95_ms": p95, "runs": 20}))
    return rows


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
