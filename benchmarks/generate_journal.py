"""Generate a large journal for benchmarks: 500 accounts × 20 years of monthly three-zone readings.

Usage (from the project's root, with the project's virtualenv)::

    python benchmarks/generate_journal.py [PATH] [--accounts 500] [--years 20] [--seed 1] [--force]
                                          [--installed 2006-01-10]

PATH defaults to ``<system temp dir>/meter-journal-bench/journal-500x20.sqlite3``. An existing file with
the expected schema revision and row counts is kept as it is (a cache); ``--force`` rebuilds it.

The file is created by ``journal.storage.open_journal``, so its schema is exactly the real one (migrations,
indexes, application id); the rows are then bulk-inserted with SQLAlchemy Core ``executemany`` in a single
transaction, which takes a few seconds instead of the minutes that 120,000 ``add_reading`` calls would.
The data are valid as add_reading would have stored them: every account has one meter (5, 6 or 7 digits)
installed on 2006-01-10 with random act values, then a reading on the 20th of every month, each zone
growing by a plausible random amount; a drum that passes all nines wraps and the reading is marked as a
confirmed rollover. Each reading has its "add" entry in the change log, as add_reading writes it.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run as a script from anywhere: the journal package lives in the root

DEFAULT_ACCOUNTS = 500
DEFAULT_YEARS = 20
INSTALLED = date(2006, 1, 10)
# kWh a month per zone (peak, night, semi-peak): a household's plausible spread.
MONTHLY_KWH = ((40, 160), (30, 140), (50, 200))


def default_path(accounts: int = DEFAULT_ACCOUNTS, years: int = DEFAULT_YEARS, installed: date = INSTALLED) -> Path:
    since = "" if installed == INSTALLED else f"-from{installed.year}"
    return Path(tempfile.gettempdir()) / "meter-journal-bench" / f"journal-{accounts}x{years}{since}.sqlite3"


def _counts(path: Path) -> tuple[str, int, int] | None:
    """(schema revision, accounts, readings) of an existing journal file, or None if it is not usable."""
    import sqlite3

    from journal.errors import JournalFileError
    from journal.storage.schema import inspect_file

    if not path.is_file():
        return None
    try:
        revision = inspect_file(path).revision
    except JournalFileError:
        return None
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        accounts = connection.execute("SELECT count(*) FROM accounts").fetchone()[0]
        readings = connection.execute("SELECT count(*) FROM readings").fetchone()[0]
    except sqlite3.DatabaseError:
        return None
    finally:
        connection.close()
    return revision, accounts, readings


def is_cached(path: Path, accounts: int, years: int) -> bool:
    from journal.storage.schema import head_revision

    return _counts(path) == (head_revision(), accounts, accounts * years * 12)


def _month(index: int, installed: date = INSTALLED) -> date:
    """The reading date `index` months after the installation month (index >= 1): the 20th."""
    year, month0 = divmod(installed.month - 1 + index, 12)
    return date(installed.year + year, month0 + 1, 20)


def _rows(accounts: int, years: int, seed: int,
          installed: date = INSTALLED) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    from journal.periods import period_of
    from journal.storage.models import ReadingStatus

    rng = random.Random(seed)
    created = datetime(2026, 11, 28, 12, 0, 0)
    account_rows, meter_rows, reading_rows, change_rows = [], [], [], []
    dates = [_month(index, installed) for index in range(1, years * 12 + 1)]
    periods = [str(period_of(day)) for day in dates]
    reading_id = 0
    for number in range(1, accounts + 1):
        account_rows.append({
            "id": number, "number": f"{630_000_000_000 + number:012d}", "holder": f"Абонент {number}",
            "address": f"Самара, ул. Тестовая, {number}", "supplier": "samaraenergo", "plan": "three-zone",
            "category": "urban-gas", "created_at": created,
        })
        digits = rng.choice((5, 6, 7))
        values = [rng.randrange(10**digits) for _ in MONTHLY_KWH]
        meter_rows.append({
            "id": number, "account_id": number, "serial": f"BENCH-{number:05d}", "digits": digits, "plan": "three-zone",
            "installed_on": installed, "initial_t1": values[0], "initial_t2": values[1], "initial_t3": values[2],
            "verified_year": 2005, "next_verification_year": 2021, "removed_on": None, "created_at": created,
        })
        for day, period in zip(dates, periods, strict=True):
            raw = [v + rng.randint(low, high) for v, (low, high) in zip(values, MONTHLY_KWH, strict=True)]
            wrapped = any(r >= 10**digits for r in raw)
            values = [r % 10**digits for r in raw]
            reading_id += 1
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=19, seconds=number)
            reading_rows.append({
                "id": reading_id, "meter_id": number, "period": period, "taken_on": day,
                "t1": values[0], "t2": values[1], "t3": values[2], "rollover": wrapped, "is_final": False,
                "status": ReadingStatus.ACTIVE, "source": "keyboard", "created_at": at, "ended_at": None,
                "replaced_by_id": None,
            })
            change_rows.append({"at": at, "action": "add", "reading_id": reading_id, "previous_id": None,
                                "undone_at": None})
    return account_rows, meter_rows, reading_rows, change_rows


def generate(path: Path | None = None, *, accounts: int = DEFAULT_ACCOUNTS, years: int = DEFAULT_YEARS,
             seed: int = 1, force: bool = False, quiet: bool = False, installed: date = INSTALLED) -> Path:
    """Build the journal at `path` unless an identical one is already there; return its path. `installed`: the
    meters' installation day (an earlier one makes room for centuries of monthly readings: one account's 10,000
    readings for the history's output)."""
    from sqlalchemy import insert

    from journal.storage import open_journal
    from journal.storage.models import Account, Change, Meter, Reading

    path = Path(path) if path is not None else default_path(accounts, years, installed)
    if not force and is_cached(path, accounts, years):
        if not quiet:
            print(f"Using the cached journal {path}")
        return path
    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    for leftover in (part, part.with_name(part.name + "-wal"), part.with_name(part.name + "-shm")):
        leftover.unlink(missing_ok=True)
    account_rows, meter_rows, reading_rows, change_rows = _rows(accounts, years, seed, installed)
    journal = open_journal(part)  # the real schema, at head
    try:
        with journal.engine.begin() as connection:
            for model, rows in ((Account, account_rows), (Meter, meter_rows), (Reading, reading_rows),
                                (Change, change_rows)):
                connection.execute(insert(model.__table__), rows)  # executemany
    finally:
        journal.close()  # the last connection closing folds the WAL into the file
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    part.replace(path)
    if not quiet:
        size = path.stat().st_size / 2**20
        print(f"Generated {path}: {accounts} accounts, {len(reading_rows)} readings, {size:.1f} MiB, "
              f"in {time.perf_counter() - started:.1f} s")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, help="where to write the journal (default: in the temp dir)")
    parser.add_argument("--accounts", type=int, default=DEFAULT_ACCOUNTS)
    parser.add_argument("--years", type=int, default=DEFAULT_YEARS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--force", action="store_true", help="rebuild even if a matching file exists")
    parser.add_argument("--installed", type=date.fromisoformat, default=INSTALLED, metavar="YYYY-MM-DD",
                        help="the meters' installation day (default 2006-01-10)")
    args = parser.parse_args(argv)
    generate(args.path, accounts=args.accounts, years=args.years, seed=args.seed, force=args.force,
             installed=args.installed)


if __name__ == "__main__":
    main()
