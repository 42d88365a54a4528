"""Fuzzing the file readers at volume (not a test): cases per second and failures per reader.

A failure is any exception other than InputError, an InputError that is not one line of at most
200 characters naming the file, or figures that are not sane (tests/strategies.py says which).

Part of ``python -m benchmarks`` (suite ``fuzz``); alone: python -m benchmarks.bench_fuzz [cases]
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from evaluator.errors import InputError  # noqa: E402
from tests.strategies import READERS, run_case  # noqa: E402

CASES = 10_000


def fuzz(reader: str, cases: int = CASES) -> dict[str, object]:
    """Run ``cases`` generated files through one reader; count outcomes instead of stopping at the first failure."""
    folder = Path(tempfile.mkdtemp(prefix="clubfit-fuzz-"))
    outcome: Counter[str] = Counter()
    examples: list[str] = []

    @settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(data=READERS[reader][0]())
    def case(data: bytes) -> None:
        try:
            run_case(reader, data, folder)
            outcome["ok"] += 1
        except BaseException as e:  # noqa: BLE001 - counted, not raised: the run goes on
            outcome["failures"] += 1
            if len(examples) < 3:
                examples.append(f"{type(e).__name__}: {str(e)[:150]!r} on {data[:80]!r}")

    t = time.perf_counter()
    try:
        case()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds = time.perf_counter() - t
    done = sum(outcome.values())
    return {"reader": reader, "cases": done, "seconds": seconds, "per_second": done / seconds,
            "failures": outcome["failures"], "examples": examples}


def _refusal_share(reader: str, n: int = 300) -> float:
    """How many generated files the reader refuses: a fuzzer that only makes refusals tests little."""
    folder = Path(tempfile.mkdtemp(prefix="clubfit-fuzz-"))
    refused = [0]

    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(data=READERS[reader][0]())
    def case(data: bytes) -> None:
        _, name, read = READERS[reader]
        (folder / name).write_bytes(data)
        try:
            read(folder / name, name)
        except InputError:
            refused[0] += 1
        except BaseException:  # noqa: BLE001 - fuzz() counts these
            pass
    try:
        case()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return refused[0] / n


def main(cases: int = CASES) -> int:
    failures = 0
    print(f"{'reader':22s} {'cases':>7s} {'cases/s':>9s} {'failures':>9s} {'refused':>8s}")
    for reader in READERS:
        r = fuzz(reader, cases)
        failures += int(r["failures"])  # type: ignore[call-overload]
        print(f"{reader:22s} {r['cases']:7d} {r['per_second']:9.0f} {r['failures']:9d} {_refusal_share(reader):8.0%}")
        for ex in r["examples"]:  # type: ignore[attr-defined]
            print(f"    {ex}")
    return 1 if failures else 0


def run() -> list[dict[str, object]]:
    from benchmarks.common import row
    rows = []
    for reader in READERS:
        r = fuzz(reader)
        ms = 1000 * float(r["seconds"]) / max(1, int(r["cases"]))  # type: ignore[call-overload]
        rows.append(row(f"fuzz {reader}: {r['cases']} cases, {r['per_second']:.0f}/s, {r['failures']} failures",
                        {"median_ms": ms, "p95_ms": None, "runs": r["cases"]},  # type: ignore[dict-item]
                        target="0 failures"))
    return rows


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else CASES))
