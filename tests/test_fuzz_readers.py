"""Fuzzing the file readers: whatever the bytes, sane figures or one short InputError naming the file.

A few hundred cases per reader (tests/strategies.py draws them); benchmarks/bench_fuzz.py runs
1,000 per reader in ``python -m benchmarks`` and any count alone (``python -m benchmarks.bench_fuzz 10000``). Any other exception, or figures that are not sane, fails.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.strategies import READERS, run_case

CASES = {"matches-json": 500, "matches-csv-iso": 400, "matches-csv-original": 400, "squads": 400, "aliases": 300,
         "scenario": 300, "case": 200}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_reader_survives_fuzzing(reader, tmp_path):
    folder = tmp_path

    @settings(max_examples=CASES[reader], deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
    @given(data=READERS[reader][0]())
    def case(data: bytes) -> None:
        run_case(reader, data, folder)

    case()
