"""CSV export and import of readings: one row per reading, header `account,meter,date,t1,t2,t3`.

Import is all or nothing: the caller runs it in one transaction, and the first bad row raises
an InvalidInput naming its line, so nothing is written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.accounts import find_account
from journal.errors import ConfirmationRequired, InvalidInput, JournalError
from journal.readings import add_reading
from journal.storage.models import Account, Meter, Reading, ReadingStatus

HEADER = ["account", "meter", "date", "t1", "t2", "t3"]


def export_rows(session: Session) -> Iterable[list[str]]:
    query = (
        select(Account.number, Meter.serial, Reading.taken_on, Reading.t1, Reading.t2, Reading.t3)
        .join(Meter, Meter.id == Reading.meter_id)
        .join(Account, Account.id == Meter.account_id)
        .where(Reading.status == ReadingStatus.ACTIVE, Reading.is_final.is_(False))
        .order_by(Account.number, Reading.taken_on, Reading.id)
    )
    for number, serial, taken_on, t1, t2, t3 in session.execute(query):
        yield [number, serial, taken_on.isoformat(), str(t1), "" if t2 is None else str(t2),
               "" if t3 is None else str(t3)]


def write_csv(session: Session, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    count = 0
    for row in export_rows(session):
        writer.writerow(row)
        count += 1
    return count


def import_csv(
    session: Session, source: TextIO, *, today: date, replace: bool = False, rollover: bool = False,
    confirm: bool = False,
) -> int:
    """Add every row's reading; return how many were added. Raises on the first bad row."""
    reader = csv.reader(source)
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header] != HEADER:
        raise InvalidInput(
            f"Line 1: the file must start with the header {','.join(HEADER)}.", field="file"
        )
    added = 0
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            if len(row) != len(HEADER):
                raise InvalidInput(f"expected {len(HEADER)} columns, found {len(row)}")
            number, serial, day, *values = (cell.strip() for cell in row)
            account = find_account(session, number)
            zones = [v for v in values if v != ""]
            add_reading(session, account, validation.iso_date(day), zones, today=today, serial=serial,
                        replace=replace, rollover=rollover, confirm=confirm, source="import")
        except ConfirmationRequired as exc:
            raise ConfirmationRequired(exc.kind, f"Line {line}: {exc.message}", field="file") from exc
        except JournalError as exc:
            raise InvalidInput(f"Line {line}: {exc.message}", field="file") from exc
        added += 1
    return added
