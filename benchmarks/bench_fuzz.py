"""Fuzzing the file readers at volume (not a test): cases per second and failures per reader.

A failure is any exception other than InputError, an InputError that is not one line of at most
200 characters naming the file, or figures that are not sane (tests/strategies.py says which).

Bounded, so ``python -m benchmarks`` finishes: each reader gets ``CASES`` generated files (1,000;
files are at most ~150 KB, tests/strategies.py), run in batches of ``BATCH`` with a fresh seed
each, and stops early at ``BUDGET_S`` seconds (the row then says how many it ran). One Hypothesis
run of 10,000 examples kept every example's choices in memory: the suite grew to 2 GB and ran
25 minutes without finishing; a fresh run per batch keeps memory flat (each row reports the
process's RSS growth over the reader). The slowest single case is reported too: a reader that
takes seconds on a small file is a finding, not noise.

Part of ``python -m benchmarks`` (suite ``fuzz``); alone, without the time budget:
python -m benchmarks.bench_fuzz [cases per reader, e.g. 10000]
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

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from evaluator.errors import InputError  # noqa: E402
from tests.strategies import READERS, run_case  # noqa: E402

CASES = 1_000       # per reader
BATCH = 200         # examples per Hypothesis run (memory is dropped between runs)
BUDGET_S = 30.0     # per reader: no new batch after this


def _rss_mib() -> float:
    """The process's resident set now (VmRSS), 0 where /proc is missing."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def fuzz(reader: str, cases: int = CASES, budget_s: float = BUDGET_S) -> dict[str, object]:
    """Run up to ``cases`` generated files through one reader (in batches, within ``budget_s``);
    count outcomes instead of stopping at the first failure."""
    folder = Path(tempfile.mkdtemp(prefix="clubfit-fuzz-"))
    outcome: Counter[str] = Counter()
    examples: list[str] = []
    slowest = [0.0]

    def check(data: bytes) -> None:
        t0 = time.perf_counter()
        try:
            run_case(reader, data, folder)
            outcome["ok"] += 1
        except BaseException as e:  # noqa: BLE001 - counted, not raised: the run goes on
            outcome["failures"] += 1
            if len(examples) < 3:
                examples.append(f"{type(e).__name__}: {str(e)[:150]!r} on {data[:80]!r}")
        slowest[0] = max(slowest[0], time.perf_counter() - t0)

    rss = _rss_mib()
    t = time.perf_counter()
    batch = 0
    try:
        while sum(outcome.values()) < cases and time.perf_counter() - t < budget_s:
            before = sum(outcome.values())
            case = seed(batch)(settings(max_examples=min(BATCH, cases - before), deadline=None, database=None,
                                        phases=[Phase.generate], suppress_health_check=list(HealthCheck))(
                given(data=READERS[reader][0]())(check)))
            case()
            batch += 1
            if sum(outcome.values()) == before:
                break   # the strategy has nothing new to give
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seconds = time.perf_counter() - t
    done = sum(outcome.values())
    return {"reader": reader, "cases": done, "seconds": seconds, "per_second": done / seconds,
            "failures": outcome["failures"], "examples": examples, "slowest_ms": 1000 * slowest[0],
            "rss_growth_mib": _rss_mib() - rss, "cut_short": done < cases}


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
    """Standalone: ``cases`` per reader with no time budget (batches keep memory flat)."""
    failures = 0
    print(f"{'reader':22s} {'cases':>7s} {'cases/s':>9s} {'failures':>9s} {'refused':>8s} {'slowest':>9s} {'RSS +':>7s}")
    for reader in READERS:
        r = fuzz(reader, cases, budget_s=float("inf"))
        failures += int(r["failures"])  # type: ignore[call-overload]
        print(f"{reader:22s} {r['cases']:7d} {r['per_second']:9.0f} {r['failures']:9d} {_refusal_share(reader):8.0%} "
              f"{r['slowest_ms']:7.0f}ms {r['rss_growth_mib']:5.0f}MiB")
        for ex in r["examples"]:  # type: ignore[attr-defined]
            print(f"    {ex}")
    return 1 if failures else 0


def run() -> list[dict[str, object]]:
    from benchmarks.common import row
    rows = []
    for reader in READERS:
        r = fuzz(reader)
        ms = 1000 * float(r["seconds"]) / max(1, int(r["cases"]))  # type: ignore[call-overload]
        cut = f" (cut at the {BUDGET_S:.0f} s budget)" if r["cut_short"] else ""
        out = row(f"fuzz {reader}: {r['cases']} cases{cut}, {r['per_second']:.0f}/s, {r['failures']} failures, "
                  f"slowest {r['slowest_ms']:.0f} ms, RSS +{r['rss_growth_mib']:.0f} MiB",
                  {"median_ms": ms, "p95_ms": None, "runs": r["cases"]},  # type: ignore[dict-item]
                  target="0 failures")
        out.update(failures=r["failures"], slowest_ms=r["slowest_ms"], rss_growth_mib=r["rss_growth_mib"],
                   examples=r["examples"])
        rows.append(out)
    return rows


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else CASES))
