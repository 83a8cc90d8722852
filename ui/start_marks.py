"""The start's moments, said for the frozen build's benchmark (benchmarks/bench_bundle.py): with
METER_JOURNAL_START_MARKS=1 in the environment, the window's start prints «start: window painted», «start: history
painted» and «start: journal ready» on standard output as each happens. Without it (a person's start) nothing is
printed. A frozen program cannot be timed from inside by the benchmark's own code, as the source can
(benchmarks/bench_window.py): these lines are how it tells when."""

from __future__ import annotations

import os
import sys

ENABLED = os.environ.get("METER_JOURNAL_START_MARKS") == "1"


def mark(moment: str) -> None:
    if ENABLED and sys.stdout is not None:  # a windowed build on Windows has no standard output
        print(f"start: {moment}", flush=True)
