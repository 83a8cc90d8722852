"""CSV import at scale: the readings are checked and written in one pass, with the same result as adding each one
as a typed reading (the same rows, ids, change log and portal submissions) and the same refusals."""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from desktop_app.services.journal_service import JournalService
from journal import exchange, outbox
from journal.accounts import find_account
from journal.errors import ConfirmationRequired, InvalidInput, JournalError
from journal.readings import add_reading
from tests.conftest import TODAY
from tests.journal.test_readings import snapshot

HEADER = "account,meter,date,t1,t2,t3\n"
FIRST, SECOND, THIRD = "050900691990", "050900691991", "050900691992"


def _month(start: date, k: int, day: int = 20) -> date:
    year, month0 = divmod(start.month - 1 + k, 12)
    return date(start.year + year, month0 + 1, day)


def _first_values(k: int) -> tuple[int, int, int]:
    """The first household's three zones after k months: its 5-digit drum passes 99999 in month 25."""
    return (90_000 + 400 * k) % 100_000, 500 + 200 * k, 700 + 100 * k


def _journal(folder: Path) -> JournalService:
    """Three households: a three-zone meter with history in the journal, a replaced meter, a tariff plan change."""
    svc = JournalService(folder / "journal.sqlite3", today=lambda: TODAY)
    start = date(2020, 1, 10)
    svc.add_account(FIRST, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", "three-zone", "urban-gas")
    svc.add_meter(FIRST, "M1", 5, start, ",".join(map(str, _first_values(0))))
    for k in (16, 17):
        svc.add_reading(FIRST, _month(start, k), list(map(str, _first_values(k))), rollover=True)
    svc.add_account(SECOND, "Петров Иван", "Самара, ул. Мира, 2", "two-zone", "urban-gas")
    svc.add_meter(SECOND, "M2", 6, start, "100,50")
    svc.add_reading(SECOND, date(2020, 3, 20), "300,150")
    svc.replace_meter(SECOND, "2000,1000", "M3", 6, date(2022, 6, 15), "0,0")
    svc.add_account(THIRD, "Сидорова Анна", "Самара, ул. Садовая, 3", "single", "rural")
    svc.add_meter(THIRD, "M4", 6, start, "1000")
    svc.change_plan(THIRD, "two-zone", date(2023, 3, 10), "5000", "5000,0")
    return svc


def _rows() -> list[str]:
    """History typed in around the journal's readings, out of order, with a wrap of the drum, replacements of
    a month's reading (in the journal and earlier in the file) and readings of the current period."""
    start = date(2020, 1, 10)
    rows = [f"{FIRST},M1,{_month(start, k)},{','.join(map(str, _first_values(k)))}"
            for k in [*range(1, 16), *range(18, 40)]]
    t1, t2, t3 = _first_values(20)
    rows.append(f"{FIRST},M1,{_month(start, 20, 22)},{t1 + 5},{t2 + 5},{t3 + 5}")  # replaces a row of the file
    t1, t2, t3 = _first_values(17)
    rows.append(f"{FIRST},M1,{_month(start, 17, 23)},{t1 + 5},{t2 + 5},{t3 + 5}")  # replaces the journal's
    rows += [f"{SECOND},M2,2020-0{m}-20,{100 + 100 * m},{50 + 50 * m}" for m in (2, 4, 5)]
    rows += [f"{SECOND},M3,{_month(date(2022, 6, 1), k)},{200 * k},{100 * k}" for k in range(1, 40)]
    rows += [f"{THIRD},M4,2023-0{m}-20,{1000 + 500 * m}," for m in (1, 2)]
    rows += [f"{THIRD},M4,{_month(date(2023, 3, 1), k)},{5000 + 300 * k},{200 * k}" for k in range(1, 40)]
    # The current period: queued for the portal; a newer reading of another period leaves the older one queued;
    # a replacement cancels the replaced reading's submission.
    rows += [f"{FIRST},M1,{TODAY - timedelta(days=31)},{1000},{20000},{20000}",
             f"{FIRST},M1,{TODAY - timedelta(days=2)},{1100},{20100},{20100}",
             f"{SECOND},M3,{TODAY - timedelta(days=20)},{9000},{5000}",
             f"{SECOND},M3,{TODAY - timedelta(days=5)},{9100},{5100}",
             f"{THIRD},M4,{TODAY - timedelta(days=3)},{20000},{20000}"]
    return rows


def _add_each(svc: JournalService, text: str, **options: bool) -> int:
    """An import as it was before it was batched: `add_reading` and the outbox for each row."""
    lines = text.splitlines()[1:]
    with svc.journal.write() as session:
        for number, serial, day, *values in csv.reader(lines):
            info = add_reading(session, find_account(session, number), date.fromisoformat(day),
                               [v for v in values if v], today=TODAY, serial=serial, source="import", **options)
            outbox.reading_saved(session, info.id, TODAY)
    return len(lines)


def _tables(path: Path) -> dict[str, list[tuple]]:
    """The rows an import writes, without the moments they were written."""
    connection = sqlite3.connect(path)
    try:
        return {
            "readings": connection.execute(
                "SELECT id, meter_id, period, taken_on, t1, t2, t3, rollover, is_final, status, source, "
                "ended_at IS NULL, replaced_by_id FROM readings ORDER BY id").fetchall(),
            "changes": connection.execute(
                "SELECT id, action, reading_id, previous_id, undone_at FROM changes ORDER BY id").fetchall(),
            "submissions": connection.execute(
                "SELECT id, reading_id, status, attempts FROM submissions ORDER BY id").fetchall(),
        }
    finally:
        connection.close()


def test_an_import_writes_what_adding_each_reading_writes(tmp_path: Path) -> None:
    text = HEADER + "\n".join(_rows()) + "\n"
    imported, typed = _journal(tmp_path / "imported"), _journal(tmp_path / "typed")
    try:
        with imported.journal.write() as session:
            count = exchange.import_csv(session, text, today=TODAY, replace=True, rollover=True)
        assert count == _add_each(typed, text, replace=True, rollover=True) == len(_rows())
    finally:
        imported.close()
        typed.close()
    result = _tables(tmp_path / "imported" / "journal.sqlite3")
    assert result == _tables(tmp_path / "typed" / "journal.sqlite3")
    statuses = [row[9] for row in result["readings"]]
    assert statuses.count("superseded") == 3 and any(row[7] for row in result["readings"])  # replaced, a wrap
    assert sorted(row[2] for row in result["submissions"]) == ["cancelled", "queued", "queued", "queued", "queued"]


def _statements(svc: JournalService, path: Path) -> int:
    count = 0

    def counted(*_args: object) -> None:
        nonlocal count
        count += 1

    event.listen(svc.journal.engine, "before_cursor_execute", counted)
    try:
        svc.import_csv(path, rollover=True)
    finally:
        event.remove(svc.journal.engine, "before_cursor_execute", counted)
    return count


def _history(accounts: int, months: int, start: date = date(2006, 1, 10)) -> Iterator[str]:
    """Monthly three-zone readings of `accounts` households (meters installed on `start`), account by account."""
    for n in range(accounts):
        for k in range(1, months + 1):
            yield f"6300000000{n:02d},S-{n},{_month(start, k)},{1000 + 150 * k},{500 + 90 * k},{800 + 60 * k}"


def _households(svc: JournalService, accounts: int, start: date = date(2006, 1, 10)) -> None:
    for n in range(accounts):
        svc.add_account(f"6300000000{n:02d}", "Абонент", "Самара", "three-zone", "urban-gas")
        svc.add_meter(f"6300000000{n:02d}", f"S-{n}", 6, start, "1000,500,800")


def test_the_statements_of_an_import_do_not_grow_with_its_rows(tmp_path: Path) -> None:
    """Each account, meter and meter's readings is read once; the readings are inserted in batches (before, each
    row read its meter's whole history again and wrote itself alone: thousands of statements)."""
    counts = []
    for months in (60, 240):
        svc = JournalService(tmp_path / f"{months}" / "journal.sqlite3", today=lambda: TODAY)
        try:
            _households(svc, 5)
            path = tmp_path / f"{months}.csv"
            path.write_text(HEADER + "\n".join(_history(5, months)) + "\n", encoding="utf-8")
            counts.append(_statements(svc, path))
            assert len(svc.history("630000000004")) == months
        finally:
            svc.close()
    assert counts[0] == counts[1] < 40


BAD_ROWS = {  # a row of the last household after the good ones (its last reading: 2021-10-20), and the refusal
    "below the previous reading": ("2021-11-20", "3000,2000,1000", ConfirmationRequired, "is below"),
    "a jump": ("2021-11-20", "99999,99999,99999", ConfirmationRequired, "over 10 times the usual"),
    "the same period again": ("2021-10-24", "99999,99999,99999", ConfirmationRequired, "already a reading for"),
    "above a later reading": ("2006-01-25", "1200,600,900", InvalidInput, "is above"),
    "a value with a letter": ("2021-11-20", "13x0,2000,1000", InvalidInput, "Type only the digits"),
    "in the future": (str(TODAY + timedelta(days=1)), "99999,99999,99999", InvalidInput, "in the future"),
    "before the installation": ("2006-01-05", "1000,500,800", InvalidInput, "not after the meter's installation"),
}


@pytest.mark.parametrize("kind", BAD_ROWS)
def test_a_mid_size_import_refuses_a_bad_row_as_typed_and_changes_nothing(tmp_path: Path, kind: str) -> None:
    """2,000 readings of 10 households (to 2021-09), then one bad row of the last: refused with the message a typed
    reading gets, naming its line, and the journal is as it was; without it, everything is imported."""
    day, values, error, words = BAD_ROWS[kind]
    rows = list(_history(10, 189))
    bad = f"630000000009,S-9,{day},{values}"
    svc = JournalService(tmp_path / "journal.sqlite3", today=lambda: TODAY)
    try:
        _households(svc, 10)
        before = snapshot(svc)
        path = tmp_path / "readings.csv"
        path.write_text(HEADER + "\n".join([*rows, bad, rows[0]]) + "\n", encoding="utf-8")
        with pytest.raises(error) as refused:
            svc.import_csv(path)
        assert snapshot(svc) == before
        # The same row typed in after the good rows gets the same message.
        path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
        assert svc.import_csv(path).result == len(rows) == 1890
        with pytest.raises(JournalError) as typed:
            svc.add_reading("630000000009", date.fromisoformat(day), values)
    finally:
        svc.close()
    assert type(typed.value) is error and words in typed.value.message
    assert refused.value.message == f"Line {len(rows) + 2}: {typed.value.message}"
