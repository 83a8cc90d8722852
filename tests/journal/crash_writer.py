"""Child process of the crash test (test_crash_safety.py): write readings until killed.

Usage: python tests/journal/crash_writer.py JOURNAL_FILE

Opens the journal through JournalService, creates the account and its meter if they are missing
(each in its own transaction, so a kill can land between them), prints ``READY``, then saves one
reading per transaction on the 20th of each following month, continuing after the journal's last
reading. After each save has returned (i.e. is committed), it prints the reading's date and
flushes stdout: a date on stdout is a promise that the reading is in the file.

The values are a function of the date (see `expected_values`), so the parent can check them.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

ACCOUNT = "050900691990"
SERIAL = "CRASH-1"
DIGITS = 7
PLAN = "two-zone"
INSTALLED = date(2000, 1, 10)
INITIAL = (1000, 500)
STEP = (37, 11)  # kWh a month per zone: small, so the jump check never asks for a confirmation
FAR_FUTURE = date(9999, 12, 31)  # "today" for validation: the child may write centuries of months


def month_index(day: date) -> int:
    """Months since the installation month."""
    return (day.year - INSTALLED.year) * 12 + day.month - INSTALLED.month


def reading_date(index: int) -> date:
    """The date of the reading `index` months after the installation (index >= 1)."""
    year, month0 = divmod(INSTALLED.month - 1 + index, 12)
    return date(INSTALLED.year + year, month0 + 1, 20)


def expected_values(day: date) -> tuple[int, ...]:
    index = month_index(day)
    return tuple(start + index * step for start, step in zip(INITIAL, STEP, strict=True))


def main(path: Path) -> None:
    from desktop_app.services.journal_service import JournalService
    from journal.errors import NotFound

    service = JournalService(path, today=lambda: FAR_FUTURE)
    try:
        service.account(ACCOUNT)
    except NotFound:
        service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", PLAN, "urban-gas")
    if not service.meters(ACCOUNT):
        service.add_meter(ACCOUNT, SERIAL, DIGITS, INSTALLED, ",".join(map(str, INITIAL)))
    active = [row for row in service.history(ACCOUNT, include_retired=False)]
    index = month_index(active[-1].taken_on) if active else 0
    print("READY", flush=True)
    while True:
        index += 1
        day = reading_date(index)
        service.add_reading(ACCOUNT, day, expected_values(day))
        print(day.isoformat(), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
