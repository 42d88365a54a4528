"""Run every benchmark in this folder: python -m benchmarks."""
from benchmarks import bench_report

bench_report.main()
