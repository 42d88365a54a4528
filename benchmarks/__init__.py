"""Speed measurements; never timed assertions in tests. Run: python -m benchmarks."""
