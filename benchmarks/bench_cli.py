"""Benchmark: the command line as a person runs it — how soon a command is done, and `history --json` of a long
history — against a bare `python -c "import sqlalchemy"` in the same run.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/bench_cli.py [--runs 9] [--only start|history] [--importtime]

Each figure is a fresh process timed from its start to its end (wall clock), run after run alternated with the
baseline; median and range over the runs, after one warm-up run of each (bytecode written, files in the OS
cache, as on a computer where the app has been used).

* start — `history`, `reading add` and `bill` on a journal of 10 accounts × 20 years (2,400 readings; a fresh
  copy for each `reading add`). Goal: each within 1.5× of the baseline (median against median).
* history — `history --json` of one account with 10,008 readings (monthly since 1190: the journal's rules do
  not limit how long a history is) and one with 96,000 (since 1000), written to a file; also the process's
  peak memory (its maximum resident set). Goal: 10,008 readings within 0.5 s; the memory about the same for
  96,000 as for 10,008 (the output is streamed). The output is checked once: it is JSON with every reading.

`--importtime` adds, for `history`, the modules that take longest to import (`python -X importtime`,
cumulative), as the start-up's profile.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from figures import load, machine, spread, verdict
from generate_journal import INSTALLED, ROOT, default_path

START_GOAL = 1.5
HISTORY_GOAL_SECONDS = 0.5
BASELINE = [sys.executable, "-c", "import sqlalchemy"]
APP = [sys.executable, "-m", "desktop_app"]
LONG = {10_008: (1, 834, date(1190, 1, 10)), 96_000: (1, 8000, date(1000, 1, 10))}


CPU: dict[str, list[float]] = {}  # user + system seconds of each command's processes, by command
# The warm-up run writes the bytecode, as on a computer where the app has been used: not when the environment
# forbids writing it (PYTHONDONTWRITEBYTECODE), or every run would compile the app's modules again.
CHILD_ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], out: Path | None = None) -> tuple[float, int]:
    """Wall-clock seconds and peak resident memory (KiB) of one process (its CPU seconds go to CPU)."""
    with open(out or os.devnull, "wb") as stdout:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE, env=CHILD_ENV)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode() if process.stderr else ''}")
    if process.stderr:
        process.stderr.close()
    CPU.setdefault(" ".join(command), []).append(usage.ru_utime + usage.ru_stime)
    return seconds, usage.ru_maxrss


def _last_reading(journal: Path, number: str) -> tuple[str, list[int]]:
    connection = sqlite3.connect(journal)
    try:
        row = connection.execute(
            "SELECT r.taken_on, r.t1, r.t2, r.t3 FROM readings r JOIN meters m ON m.id = r.meter_id "
            "JOIN accounts a ON a.id = m.account_id WHERE a.number = ? ORDER BY r.taken_on DESC LIMIT 1",
            (number,)).fetchone()
    finally:
        connection.close()
    return row[0], [v for v in row[1:] if v is not None]


def _account(journal: Path) -> str:
    connection = sqlite3.connect(journal)
    try:
        return connection.execute("SELECT number FROM accounts ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        connection.close()


def start(runs: int) -> bool:
    source = _generated(10, 20, INSTALLED)
    number = _account(source)
    last_day, last_values = _last_reading(source, number)
    day = date.fromisoformat(last_day).replace(day=26).isoformat()  # after the cut-off: the next period
    values = ",".join(str(v + 50) for v in last_values)
    period = f"{int(last_day[:4]) - 1}{last_day[4:7]}"  # a year before the last: its prices are shipped
    with tempfile.TemporaryDirectory(prefix="meter-journal-cli-") as work:
        folder = Path(work) / "data"
        folder.mkdir()
        shutil.copy(source, folder / "journal.sqlite3")
        data = ["--data-dir", str(folder)]
        commands = {
            "history": [*APP, "history", "--account", number, *data],
            "reading add": [*APP, "reading", "add", "--account", number, "--date", day, values, "--rollover",
                            "--confirm", *data],
            "bill": [*APP, "bill", "--account", number, "--period", period, *data],
        }

        def run(name: str) -> float:
            if name == "reading add":  # each on the journal as it was: a fresh copy (not timed)
                for suffix in ("-wal", "-shm"):
                    Path(f"{folder / 'journal.sqlite3'}{suffix}").unlink(missing_ok=True)
                shutil.copy(source, folder / "journal.sqlite3")
            return timed(commands[name])[0]

        for name in ("baseline", *commands):  # warm-up
            timed(BASELINE) if name == "baseline" else run(name)
        times: dict[str, list[float]] = {name: [] for name in ("baseline", *commands)}
        for _ in range(runs):
            times["baseline"].append(timed(BASELINE)[0])
            for name in commands:
                times[name].append(run(name))
    base = statistics.median(times["baseline"])
    print(f"\nstart: {runs} runs of each, alternated, after one warm-up run; journal 10 × 20 (2,400 readings)")
    print(f"  baseline: python -c \"import sqlalchemy\"   {spread(times['baseline'])}")
    ok = True
    for name in commands:
        ratio = statistics.median(times[name]) / base
        print(f"  {name:<38} {spread(times[name])}  {ratio:.2f}× the baseline (medians) — "
              f"{verdict(ratio, START_GOAL)}")
        ok = ok and ratio <= START_GOAL
    # CPU time is less disturbed by other programs on a shared machine than the wall clock (the warm-up's too)
    cpu_base = statistics.median(CPU[" ".join(BASELINE)])
    print(f"  CPU seconds (user + system): baseline {spread(CPU[' '.join(BASELINE)])}; " + "; ".join(
        f"{name} {statistics.median(CPU[' '.join(command)]) / cpu_base:.2f}×" for name, command in commands.items()))
    return ok


def _generated(accounts: int, years: int, installed: date) -> Path:
    """The journal, generated in another process: this one stays small, as its children start as its copies
    (their peak memory counts it)."""
    path = default_path(accounts, years, installed)
    subprocess.run([sys.executable, str(Path(__file__).with_name("generate_journal.py")), str(path), "--accounts",
                    str(accounts), "--years", str(years), "--installed", installed.isoformat()], check=True)
    return path


def _readings_in(out: Path) -> int:
    """How many readings the JSON output holds (read in another process, for the same reason)."""
    completed = subprocess.run([sys.executable, "-c", "import json, sys; print(len(json.load(open(sys.argv[1], "
                                "encoding='utf-8'))['readings']))", str(out)], capture_output=True, text=True,
                               check=True)
    return int(completed.stdout)


def history(runs: int) -> bool:
    journals = {count: _generated(a, y, since) for count, (a, y, since) in LONG.items()}
    ok = True
    with tempfile.TemporaryDirectory(prefix="meter-journal-history-") as work:
        out = Path(work) / "history.json"
        commands = {}
        for count, journal in journals.items():
            folder = Path(work) / str(count)
            folder.mkdir()
            (folder / "journal.sqlite3").symlink_to(journal)
            commands[count] = [*APP, "--json", "history", "--account", _account(journal), "--data-dir", str(folder)]
        for count, command in commands.items():  # warm-up, and the output checked
            timed(command, out)
            if (readings := _readings_in(out)) != count:
                raise SystemExit(f"history --json gave {readings} readings instead of {count}")
        timed(BASELINE)
        results: dict[object, list[tuple[float, int]]] = {"baseline": [], **{c: [] for c in commands}}
        for _ in range(runs):
            results["baseline"].append(timed(BASELINE))
            for count, command in commands.items():
                results[count].append(timed(command, out))
    print(f"\nhistory --json: {runs} runs of each, alternated, after one warm-up run; output to a file")
    for key, values in results.items():
        label = "baseline: python -c \"import sqlalchemy\"" if key == "baseline" else f"{key:,} readings"
        seconds, memory = [s for s, _ in values], [m / 1024 for _, m in values]
        print(f"  {label:<40} {spread(seconds)}, peak memory {spread(memory, 'MiB', digits=1)}")
    median_10k = statistics.median(s for s, _ in results[10_008])
    print(f"  10,008 readings: goal ≤ {HISTORY_GOAL_SECONDS} s — {verdict(median_10k, HISTORY_GOAL_SECONDS)}")
    memory_small = statistics.median(m for _, m in results[10_008])
    memory_large = statistics.median(m for _, m in results[96_000])
    print(f"  peak memory, 96,000 against 10,008 readings: {memory_large / memory_small:.2f}×")
    return ok and median_10k <= HISTORY_GOAL_SECONDS


def importtime() -> None:
    journal = _generated(10, 20, INSTALLED)
    with tempfile.TemporaryDirectory(prefix="meter-journal-importtime-") as work:
        folder = Path(work) / "data"
        folder.mkdir()
        (folder / "journal.sqlite3").symlink_to(journal)
        completed = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "desktop_app", "history", "--account", _account(journal),
             "--data-dir", str(folder)], cwd=ROOT, capture_output=True, text=True, check=True, env=CHILD_ENV)
    rows = []
    for line in completed.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = (part.strip() for part in line.split(":", 1)[1].split("|"))
            rows.append((int(cumulative), name))
    modules = {name.strip() for _, name in rows}
    print(f"\n`history` under -X importtime: {len(modules)} modules; the top-level packages by cumulative time:")
    top = sorted(((c, n) for c, n in rows if not n.startswith(" ")), reverse=True)[:15]
    for cumulative, name in top:
        print(f"  {cumulative / 1000:7.1f} ms  {name}")
    for package in ("httpx", "keyring", "asyncio", "alembic", "mako", "pygments", "reportlab"):
        print(f"  {package}: {'imported' if package in modules else 'not imported'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--only", choices=("start", "history"))
    parser.add_argument("--importtime", action="store_true", help="also list the slowest imports of `history`")
    args = parser.parse_args(argv)
    print(f"Machine: {machine()}; {date.today().isoformat()}; load before: {load()}")
    ok = True
    if args.only in (None, "start"):
        ok = start(args.runs) and ok
    if args.only in (None, "history"):
        ok = history(args.runs) and ok
    if args.importtime:
        importtime()
    print(f"\nload after: {load()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
