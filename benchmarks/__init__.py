"""Speed measurements, run with `./dev.sh bench` (never timed assertions in the test suite)."""
