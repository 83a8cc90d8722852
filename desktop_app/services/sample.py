"""A sample household to look around in before typing one's own: a separate journal file, so the
person's real journal is never mixed with made-up data. Its numbers are examples, marked as such.

The sample is a single-rate flat in town with a gas stove: the published prices cover its whole history,
so its bills and balance are complete. Each month it pays the previous month's estimated charge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop_app.services.journal_service import JournalService
from journal.periods import Period

SAMPLE_FOLDER = "sample"
SAMPLE_ACCOUNT = "000000123456"
SAMPLE_MONTHS = 24  # the history the person looks around in: two years, enough for every chart


def sample_path(data_folder: Path) -> Path:
    return data_folder / SAMPLE_FOLDER / "journal.sqlite3"


def create_sample(path: Path, today: date, months: int = SAMPLE_MONTHS) -> JournalService:
    """A fresh sample journal: a single-rate flat with `months` months of monthly readings and payments (the
    self-test takes a few: the same writes, fewer times)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    service = JournalService(path, today=lambda: today)
    service.add_account(SAMPLE_ACCOUNT, "Образцова Анна Ивановна", "443000, г. Самара, ул. Образцовая, д. 1, кв. 1",
                        "single", "urban-gas")
    service.receipts.use_sample_payee()  # sample bank details: its receipts are marked «ОБРАЗЕЦ»
    start = Period(today.year, today.month)
    for _ in range(months):
        start = start.previous()
    service.add_meter(SAMPLE_ACCOUNT, "00000001", 6, date(start.year, start.month, 1), "14370",
                      verified_year=start.year, next_verification_year=start.year + 16)
    value = 14370
    period = start
    month = 0
    while True:
        period = period.next()
        taken = date(period.year, period.month, 20)
        if taken >= today:
            break
        month += 1
        winter = period.month in (11, 12, 1, 2, 3)
        value += (285 if winter else 190) + (month * 7) % 23
        service.add_reading(SAMPLE_ACCOUNT, taken, [str(value)], confirm=True)
        if month > 1:
            due = service.billing.bill(SAMPLE_ACCOUNT, str(period.previous())).charge.total
            service.billing.add_payment(SAMPLE_ACCOUNT, date(period.year, period.month, 10), str(due), "Образец")
    return service
