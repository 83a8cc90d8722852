"""Benchmark: CSV import against the export of the same readings, in the same run.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/bench_import.py [--runs 5] [--only mid|large] [--accounts 50] [--years 20]
                                      [--large-accounts 417] [--large-years 20] [--large-runs 5]

Two sizes, each journal built by generate_journal.py (cached):

* mid — 50 accounts × 20 years of monthly three-zone readings (12,000 readings). Goal: the import takes at
  most 5× the export of the same readings;
* large — 417 accounts × 20 years (100,080 readings). Goal: the import under 15 s.

Each run is a fresh process, which (1) exports every reading of the generated journal to a CSV file with
`JournalService.export_csv` (the baseline), (2) makes the target: a copy of the journal with its accounts and
meters but no readings, changes or submissions, (3) imports the CSV into it with `JournalService.import_csv`
(one transaction, every check of a typed reading; with `rollover=True`, as `import --rollover`, since the drums
wrap about once in 80 readings and a CSV file does not carry the confirmation). The target's "today" is five
days after the last reading, so each meter's last reading is of the current period and is queued for the
portal, as when a household's history is imported. The first run also checks the result: the target exports
the very same CSV.

`--cli` also times the command line as a person runs it (`python -m desktop_app export` and `import`, each a
fresh process with its start-up; the real today, so nothing is queued). Median and range over the runs.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from figures import load, machine, spread, verdict
from generate_journal import ROOT, _month, default_path, generate

RATIO_GOAL = 5.0
LARGE_GOAL_SECONDS = 15.0


def empty_copy(source: Path, target: Path) -> None:
    """The journal's accounts and meters without any reading (SQLite's online backup, then deletes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    connection = sqlite3.connect(target)
    try:
        with connection:
            for table in ("submissions", "changes", "readings"):
                connection.execute(f"DELETE FROM {table}")
        connection.execute("VACUUM")
    finally:
        connection.close()


def measure(source: Path, work: Path, years: int, check: bool) -> dict[str, float | int]:
    """One run, in this (fresh) process."""
    from desktop_app.services.journal_service import JournalService

    today = _month(years * 12) + timedelta(days=5)
    csv_file, target = work / "readings.csv", work / "target" / "journal.sqlite3"
    service = JournalService(source, today=lambda: today)
    try:
        started = time.perf_counter()
        exported = service.export_csv(csv_file)
        export_seconds = time.perf_counter() - started
    finally:
        service.close()
    empty_copy(source, target)
    service = JournalService(target, today=lambda: today)
    try:
        started = time.perf_counter()
        imported = service.import_csv(csv_file, rollover=True).result
        import_seconds = time.perf_counter() - started
        queued = sum(1 for s in service_submissions(target))
        same = True
        if check:
            again = work / "again.csv"
            service.export_csv(again)
            same = again.read_bytes() == csv_file.read_bytes()
    finally:
        service.close()
    return {"export": export_seconds, "import": import_seconds, "rows": exported, "imported": imported,
            "queued": queued, "same": same}


def service_submissions(path: Path) -> list[tuple[int, str]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT reading_id, status FROM submissions WHERE status = 'queued'").fetchall()
    finally:
        connection.close()


def _child(source: Path, years: int, check: bool) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory(prefix="meter-journal-import-") as work:
        completed = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", str(source), "--years", str(years),
             "--work", work, *(["--check"] if check else [])],
            cwd=ROOT, capture_output=True, text=True,
        )
    if completed.returncode:
        raise SystemExit(f"The measuring process failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _cli(source: Path) -> tuple[float, float]:
    """The commands as a person runs them: export from the journal, import into its empty copy."""
    command = [sys.executable, "-m", "desktop_app"]
    with tempfile.TemporaryDirectory(prefix="meter-journal-import-cli-") as work:
        folder = Path(work) / "source"
        folder.mkdir()
        (folder / "journal.sqlite3").symlink_to(source)
        csv_file = Path(work) / "readings.csv"
        target = Path(work) / "target"
        empty_copy(source, target / "journal.sqlite3")
        started = time.perf_counter()
        subprocess.run([*command, "--data-dir", str(folder), "export", "--out", str(csv_file)], cwd=ROOT,
                       check=True, capture_output=True)
        exported = time.perf_counter() - started
        started = time.perf_counter()
        subprocess.run([*command, "--data-dir", str(target), "import", str(csv_file), "--rollover"], cwd=ROOT,
                       check=True, capture_output=True)
        return exported, time.perf_counter() - started


def run_size(name: str, accounts: int, years: int, runs: int, cli: bool) -> tuple[bool, list[dict]]:
    source = generate(default_path(accounts, years), accounts=accounts, years=years)
    _child(source, years, check=False)  # warm-up: the OS file cache, Python's bytecode cache
    results = [_child(source, years, check=index == 0) for index in range(runs)]
    first = results[0]
    ratios = [float(r["import"]) / float(r["export"]) for r in results]
    print(f"\n{name}: {accounts} accounts × {years} years, {first['rows']} readings; {runs} runs, each a fresh "
          f"process (after one warm-up run); load before: {load()}")
    print(f"  export (baseline)    {spread([float(r['export']) for r in results])}")
    print(f"  import               {spread([float(r['import']) for r in results])}")
    print(f"  import / export      {spread(ratios, unit='×', digits=2)}")
    print(f"  per imported reading {spread([float(r['import']) / int(r['rows']) for r in results], 'µs', 1e6, 1)}")
    print(f"  imported {first['imported']}, queued for the portal {first['queued']}, re-export identical: "
          f"{first['same']}")
    ok = bool(first["same"]) and first["imported"] == first["rows"]
    if cli:
        pairs = [_cli(source) for _ in range(runs)]
        print(f"  command line: export {spread([e for e, _ in pairs])}, import {spread([i for _, i in pairs])}, "
              f"import / export {spread([i / e for e, i in pairs], unit='×', digits=2)}")
    return ok, results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("mid", "large"))
    parser.add_argument("--accounts", type=int, default=50)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--large-accounts", type=int, default=417)
    parser.add_argument("--large-years", type=int, default=20)
    parser.add_argument("--large-runs", type=int, default=5)
    parser.add_argument("--cli", action="store_true", help="also time the export and import commands")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--check", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.child, args.work, args.years, args.check)))
        return 0
    print(f"Machine: {machine()}; {date.today().isoformat()}")
    passed = True
    if args.only in (None, "mid"):
        ok, results = run_size("mid", args.accounts, args.years, args.runs, args.cli)
        ratio = statistics.median(float(r["import"]) / float(r["export"]) for r in results)
        print(f"  goal: import ≤ {RATIO_GOAL:.0f}× export — {verdict(ratio, RATIO_GOAL)}")
        passed = passed and ok and ratio <= RATIO_GOAL
    if args.only in (None, "large"):
        ok, results = run_size("large", args.large_accounts, args.large_years, args.large_runs, args.cli)
        seconds = statistics.median(float(r["import"]) for r in results)
        print(f"  goal: import under {LARGE_GOAL_SECONDS:.0f} s — {verdict(seconds, LARGE_GOAL_SECONDS)}")
        passed = passed and ok and seconds < LARGE_GOAL_SECONDS
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
