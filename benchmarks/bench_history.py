"""Benchmark: open a 120,000-reading journal and compute every account's history. Goal: under 1 s.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/bench_history.py [--journal PATH] [--runs 7] [--accounts 500] [--years 20]

The journal (500 accounts × 20 years of monthly three-zone readings by default) is built by
generate_journal.py on first use and cached (default: ``<system temp dir>/meter-journal-bench/``).

Each run is a fresh Python process, which imports the journal package (timed apart, not counted), then
times, in this order:

* floor — a bare ``SELECT * FROM readings`` through the sqlite3 module, ``fetchall()``: no ORM, no
  types, no history; what no implementation can beat;
* history SQL — the statement histories() sends (meters joined with their readings, in history order),
  also straight through sqlite3: the floor for this query plan;
* open — ``journal.storage.open_journal(path)``: the file's checks (quick_check, revision) and the engine;
* histories — ``journal.history.histories(session)`` for all accounts, inside ``journal.read()``.

The table gives the median and the minimum over the runs; "open + histories" is what the goal is about.
The OS file cache is warm (the file was just generated or read), as it is when the app reopens a journal.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from figures import machine
from generate_journal import DEFAULT_ACCOUNTS, DEFAULT_YEARS, ROOT, default_path, generate

GOAL_SECONDS = 1.0
FLOOR_QUERY = "SELECT * FROM readings"


def measure(path: Path) -> dict[str, float | int]:
    """One run, in this (fresh) process."""
    started = time.perf_counter()
    import sqlite3

    from journal.history import _HISTORY_SQL, histories

    history_query = _HISTORY_SQL.format(reading_filter="", account_filter="")  # the statement itself
    from journal.storage import open_journal

    imported = time.perf_counter()

    connection = sqlite3.connect(path)
    try:
        floor_rows = len(connection.execute(FLOOR_QUERY).fetchall())
        floored = time.perf_counter()
        connection.execute(history_query).fetchall()
    finally:
        connection.close()
    queried = time.perf_counter()

    started_open = time.perf_counter()
    journal = open_journal(path)
    opened = time.perf_counter()
    try:
        with journal.read() as session:
            result = histories(session)
        done = time.perf_counter()
    finally:
        journal.close()
    return {
        "import": imported - started,
        "floor": floored - imported,
        "history_sql": queried - floored,
        "open": opened - started_open,
        "histories": done - opened,
        "total": done - started_open,
        "floor_rows": floor_rows,
        "accounts": len(result),
        "history_rows": sum(len(rows) for rows in result.values()),
    }


def _run_fresh(path: Path) -> dict[str, float | int]:
    completed = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", str(path)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--journal", type=Path, help="the benchmark journal (generated if missing)")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes to time (default 7)")
    parser.add_argument("--accounts", type=int, default=DEFAULT_ACCOUNTS)
    parser.add_argument("--years", type=int, default=DEFAULT_YEARS)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child)))
        return 0

    path = generate(args.journal or default_path(args.accounts, args.years), accounts=args.accounts,
                    years=args.years)
    _run_fresh(path)  # warm-up: the OS file cache, Python's bytecode cache
    runs = [_run_fresh(path) for _ in range(args.runs)]
    first = runs[0]
    print(f"Journal: {path} ({first['accounts']} accounts, {first['floor_rows']} readings, "
          f"{first['history_rows']} history rows)")
    print(f"Machine: {machine()}")
    print(f"Runs: {args.runs}, each in a fresh process (after one warm-up run)\n")
    steps = [
        ("floor: sqlite3 SELECT * FROM readings", "floor"),
        ("history's SQL through sqlite3", "history_sql"),
        ("open_journal", "open"),
        ("histories(session), all accounts", "histories"),
        ("open + histories", "total"),
        ("(import of the journal package, not counted)", "import"),
    ]
    width = max(len(label) for label, _ in steps)
    print(f"{'step':<{width}}  {'median':>9}  {'min':>9}")
    print(f"{'-' * width}  {'-' * 9}  {'-' * 9}")
    for label, key in steps:
        values = [float(run[key]) for run in runs]
        print(f"{label:<{width}}  {statistics.median(values):>8.3f}s  {min(values):>8.3f}s")
    total = statistics.median(float(run["total"]) for run in runs)
    floor = statistics.median(float(run["floor"]) for run in runs)
    verdict = "within" if total < GOAL_SECONDS else "OVER"
    print(f"\nopen + histories: median {total:.3f} s, {total / floor:.1f}× the floor — {verdict} the "
          f"{GOAL_SECONDS:.0f} s goal")
    return 0 if total < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
