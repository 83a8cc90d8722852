"""Benchmark: `meter-journal remind` when nothing is due — what every login costs.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/bench_remind.py [--runs 9] [--json]

Each run is a fresh process, timed from just before ``subprocess.run`` until it has exited, alternated run by run
with two baselines in the same run: ``python -c pass`` (the interpreter alone) and ``python -c "import sqlalchemy"``
(the library the journal is read with). The measured command is the real entry point,
``python -m desktop_app --data-dir DIR remind``, on two journals of three accounts (one of each tariff plan) with two
years of monthly readings and a reading today, so that no reading is due whatever the day:

- "the glance": no account uses the portal. Outside the days readings are due (the 15th to the 25th) the glance
  with the standard library's sqlite3 is enough (journal.glance); within them the journal is opened to look, as in
  the next line (the output says which);
- "the exact look": one account uses the portal and has an invoice due in two days, paid: the glance says "maybe",
  so the journal is opened with SQLAlchemy and read, and nothing is due.

One warm-up run of each first (it writes the bytecode, as an installed copy has it). The children must not import
Qt's widgets: the run checks that with ``-X importtime`` once per journal. Goal: **median under 0.5 s** for both;
the exit status is 1 when one is over (or when the command did not exit 0 with nothing due). Results in
docs/PERFORMANCE.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GOAL_SECONDS = 0.5
REMIND_GLANCE = "remind, nothing due: the glance"
REMIND_EXACT = "remind, nothing due: the exact look"
PLANS = {"050900000001": ("single", 1), "050900000002": ("two-zone", 2), "050900000003": ("three-zone", 3)}


def make_journal(folder: Path, *, paid_invoice: bool = False) -> None:
    from datetime import datetime
    from decimal import Decimal

    from desktop_app.services.journal_service import JournalService
    from journal import accounts, portal_data

    today = date.today()
    service = JournalService(folder / "journal.sqlite3", today=lambda: today)
    try:
        for number, (plan, zones) in PLANS.items():
            service.add_account(number, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", plan, "urban-gas")
            service.add_meter(number, f"S{number[-1]}", 6, today - timedelta(days=800), ",".join(["1000"] * zones))
            for back in range(24, 0, -1):  # the 10th of each of the 24 months before this one
                year, month = divmod(today.year * 12 + today.month - 1 - back, 12)
                values = ",".join([str(1000 + 150 * (25 - back))] * zones)
                service.add_reading(number, date(year, month + 1, 10), values)
            service.add_reading(number, today, ",".join(["5000"] * zones))
        if paid_invoice:
            number = next(iter(PLANS))
            with service.journal.write() as session:
                account = accounts.find_account(session, number)
                portal_data.store_invoices(session, account, [portal_data.PulledInvoice(
                    "300000000102", today - timedelta(days=20), today + timedelta(days=2), Decimal("1500.00"),
                    Decimal("0"), Decimal("1500.00"), None)], datetime.now())
            service.billing.add_payment(number, today, "1500.00")
    finally:
        service.close()


def timed(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8")
    return time.perf_counter() - start, result


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--json", action="store_true")
    options = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"  # a screen, were anything due: nothing must load Qt anyway
    with tempfile.TemporaryDirectory(prefix="meter-journal-remind-") as tmp:
        glance, exact = Path(tmp) / "glance", Path(tmp) / "exact"
        make_journal(glance)
        make_journal(exact, paid_invoice=True)
        python = sys.executable
        commands = {
            "interpreter: python -c pass": [python, "-c", "pass"],
            "baseline: python -c \"import sqlalchemy\"": [python, "-c", "import sqlalchemy"],
            REMIND_GLANCE: [python, "-m", "desktop_app", "--data-dir", str(glance), "remind"],
            REMIND_EXACT: [python, "-m", "desktop_app", "--data-dir", str(exact), "remind"],
        }
        opened: dict[str, bool] = {}
        for name in (REMIND_GLANCE, REMIND_EXACT):
            _, check = timed([python, "-X", "importtime", *commands[name][1:]], env)
            imported = {line.split("|")[-1].strip() for line in check.stderr.splitlines() if "|" in line}
            if check.returncode != 0 or check.stdout != "Nothing is due.\n" or "PySide6.QtWidgets" in imported:
                print(f"{name}: not an exit at once with nothing due: {check.returncode} {check.stdout!r}",
                      file=sys.stderr)
                return 1
            opened[name] = "sqlalchemy" in imported
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # warm-up: bytecode written
            timed(command, env)
        for _ in range(options.runs):
            for name, command in commands.items():
                seconds, result = timed(command, env)
                if result.returncode != 0:
                    print(f"{name} failed: {result.stderr}", file=sys.stderr)
                    return 1
                times[name].append(seconds)
    results = {name: summary(values) for name, values in times.items()}
    baseline = results["baseline: python -c \"import sqlalchemy\""]["median"]
    worst = max(results[REMIND_GLANCE]["median"], results[REMIND_EXACT]["median"])
    if options.json:
        print(json.dumps({"runs": options.runs, "results": results, "journal_opened": opened, "goal": GOAL_SECONDS},
                         indent=2))
    else:
        print(f"{options.runs} runs each, alternated; seconds")
        print(f"{'':46} {'median':>7} {'min':>7} {'max':>7}")
        for name, result in results.items():
            note = ""
            if name in opened:
                note = "  (journal opened: SQLAlchemy loaded)" if opened[name] else "  (glance only)"
            print(f"{name:46} {result['median']:7.3f} {result['min']:7.3f} {result['max']:7.3f}{note}")
        for name in (REMIND_GLANCE, REMIND_EXACT):
            median = results[name]["median"]
            print(f"{name}: {median - baseline:+.3f} s against the baseline; {median / GOAL_SECONDS:.0%} of the "
                  f"{GOAL_SECONDS} s goal ({'met' if median < GOAL_SECONDS else 'MISSED'})")
    return 0 if worst < GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
