"""Benchmark: opening a journal — its checks — after a clean close and after an unclean shutdown.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/bench_open.py [--runs 9] [--accounts 500] [--years 20]

On the generated journal of 500 accounts × 20 years (120,000 readings, 21 MB), alternated run by run, in one
process (the file in the OS cache): `journal.storage.schema.inspect_file` (what `open_journal` checks before it
opens the file) with no `-wal` beside the file — closed cleanly — and with one holding a write's frames — another
program has it open, as after an unclean shutdown — when SQLite's `PRAGMA quick_check` reads every page; and,
as the baseline, the quick check alone through sqlite3. On a copy of the cached journal. Median and range.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from figures import load, machine, spread
from generate_journal import DEFAULT_ACCOUNTS, DEFAULT_YEARS, default_path, generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--accounts", type=int, default=DEFAULT_ACCOUNTS)
    parser.add_argument("--years", type=int, default=DEFAULT_YEARS)
    args = parser.parse_args(argv)
    from journal.storage.schema import inspect_file

    source = generate(default_path(args.accounts, args.years), accounts=args.accounts, years=args.years)
    work = Path(tempfile.mkdtemp(prefix="meter-journal-open-"))
    path = work / "journal.sqlite3"
    shutil.copy(source, path)  # the cached journal is left as it is
    print(f"Machine: {machine()}; load before: {load()}")
    print(f"Journal: {path} ({path.stat().st_size / 2**20:.1f} MiB)")

    def timed(action: object) -> float:
        started = time.perf_counter()
        action()  # type: ignore[operator]
        return time.perf_counter() - started

    def quick_check() -> None:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            connection.execute("PRAGMA quick_check").fetchone()
        finally:
            connection.close()

    clean, unclean, bare = [], [], []
    for run in range(args.runs + 1):
        a = timed(lambda: inspect_file(path))
        other = sqlite3.connect(path)  # another program wrote; its frames are still in the -wal
        try:
            other.execute("PRAGMA journal_mode = WAL")
            other.execute("UPDATE accounts SET holder = holder || '.' WHERE id = 1")  # a copy: it may change
            other.commit()
            assert Path(f"{path}-wal").stat().st_size > 0
            b = timed(lambda: inspect_file(path))
        finally:
            other.close()
        c = timed(quick_check)
        if run:  # the first is a warm-up
            clean.append(a)
            unclean.append(b)
            bare.append(c)
    print(f"\n{args.runs} runs of each, alternated, after one warm-up run")
    print(f"  baseline: PRAGMA quick_check alone        {spread(bare, 'ms', 1000, 1)}")
    print(f"  inspect_file, closed cleanly (no -wal)    {spread(clean, 'ms', 1000, 1)}")
    print(f"  inspect_file, a -wal beside it            {spread(unclean, 'ms', 1000, 1)}")
    print(f"load after: {load()}")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
