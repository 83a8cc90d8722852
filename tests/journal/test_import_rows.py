"""CSV import row by row: the quick ways through a row (cells taken as they are, the meter known, the outbox's
rule decided without asking the journal) give what the general ones give — the same readings and submissions as
adding each reading, and the same refusal, naming its line, for a bad cell anywhere in a large file."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from journal import exchange
from journal.errors import ConfirmationRequired, InvalidInput, JournalError
from tests.conftest import TODAY
from tests.journal.test_import_at_scale import (
    FIRST,
    HEADER,
    SECOND,
    THIRD,
    _add_each,
    _history,
    _households,
    _journal,
    _statements,
    _tables,
)
from tests.journal.test_readings import snapshot

OTHER = "050900691993"  # a household whose supplier has no portal


def _outbox_journal(folder: Path) -> JournalService:
    """The three households of test_import_at_scale, the second's meter replaced ten days ago, and a fourth
    whose supplier has no portal."""
    svc = _journal(folder)
    svc.add_reading(SECOND, TODAY - timedelta(days=40), "5000,2500")
    svc.replace_meter(SECOND, "5100,2550", "M5", 6, TODAY - timedelta(days=10), "0,0")
    svc.add_account(OTHER, "Орлов Пётр", "Самара, ул. Полевая, 4", "single", "urban-gas")
    svc.add_meter(OTHER, "M6", 6, date(2020, 1, 10), "100")
    connection = sqlite3.connect(folder / "journal.sqlite3")
    with connection:
        connection.execute("UPDATE accounts SET supplier = 'no-portal' WHERE number = ?", (OTHER,))
    connection.close()
    return svc


def _outbox_rows() -> list[str]:
    """Readings of the last 31 days in every situation the outbox's rule tells apart."""
    return [
        f"{FIRST},M1,{TODAY - timedelta(days=3)},1100,20100,20100",  # the newest: queued
        f"{FIRST},M1,{TODAY - timedelta(days=35)},1000,20000,20000",  # older than 31 days (before the newest)
        f"{SECOND},M3,{TODAY - timedelta(days=25)},5090,2540",  # a meter since replaced: not queued
        f"{SECOND},M5,{TODAY - timedelta(days=2)},40,20",  # the new meter's: queued
        f"{SECOND},M5,{TODAY - timedelta(days=6)},30,10",  # older than the meter's newest: not queued
        f"{OTHER},M6,{TODAY - timedelta(days=4)},900",  # no portal: not queued
        f"{THIRD},M4,{TODAY - timedelta(days=30)},20000,20000",  # queued, then replaced: cancelled
        f"{THIRD},M4,{TODAY - timedelta(days=29)},20010,20010",  # the same period: replaces it, queued
        f"{THIRD},M4,{TODAY - timedelta(days=1)},20100,20100",  # the next period's: queued, the one before stays
    ]


def test_the_outbox_queues_an_imports_readings_as_each_one_typed_in(tmp_path: Path) -> None:
    text = HEADER + "\n".join(_outbox_rows()) + "\n"
    imported, typed = _outbox_journal(tmp_path / "imported"), _outbox_journal(tmp_path / "typed")
    try:
        with imported.journal.write() as session:
            assert exchange.import_csv(session, text, today=TODAY, replace=True, rollover=True) == 9
        _add_each(typed, text, replace=True, rollover=True)
    finally:
        imported.close()
        typed.close()
    result = _tables(tmp_path / "imported" / "journal.sqlite3")
    assert result == _tables(tmp_path / "typed" / "journal.sqlite3")
    queued = {reading_id: status for _, reading_id, status, _ in result["submissions"]}
    taken_on = {row[0]: row[3] for row in result["readings"]}
    assert sorted((taken_on[r], s) for r, s in queued.items() if r > 4) == sorted([
        (str(TODAY - timedelta(days=3)), "queued"), (str(TODAY - timedelta(days=2)), "queued"),
        (str(TODAY - timedelta(days=30)), "cancelled"), (str(TODAY - timedelta(days=29)), "queued"),
        (str(TODAY - timedelta(days=1)), "queued"),
    ])


def test_the_statements_of_an_import_do_not_grow_with_its_households(tmp_path: Path) -> None:
    """Accounts and meters are read at once, and the current period's readings are queued with the batch: as
    many statements for 20 households as for 4 (before, each household took five or more of its own)."""
    counts = []
    for accounts in (4, 20):
        svc = JournalService(tmp_path / f"{accounts}" / "journal.sqlite3", today=lambda: TODAY)
        try:
            _households(svc, accounts)
            rows = [*_history(accounts, 12),
                    *(f"6300000000{n:02d},S-{n},{TODAY - timedelta(days=3)},9000,9000,9000" for n in range(accounts))]
            path = tmp_path / f"{accounts}.csv"
            path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
            counts.append(_statements(svc, path))
            with svc.journal.read() as session:
                queued = session.connection().exec_driver_sql("SELECT count(*) FROM submissions").scalar()
            assert queued == accounts
        finally:
            svc.close()
    assert counts[0] == counts[1]


GOOD = 189  # months of history of each of the 10 households (to 2021-10-20)
MIDDLE = 5 * GOOD  # the bad row comes after the fifth household's readings
H = "630000000004,S-4"  # the fifth household and its meter; its next reading: 2021-11-20, 29500,17600,12200

BAD_CELLS = {  # a row as a spreadsheet might hold it, the refusal, and its words (None: a typed reading's)
    "a value with a letter": (f"{H},2021-11-20,29x00,17600,12200", InvalidInput, None),
    "a value of too many digits": (f"{H},2021-11-20,1234567,17600,12200", InvalidInput, None),
    "a negative value": (f"{H},2021-11-20,-5,17600,12200", InvalidInput, None),
    "a value with its tenths": (f'{H},2021-11-20,"29500,5",17600,12200', InvalidInput, None),
    "superscript digits": (f"{H},2021-11-20,2²,17600,12200", InvalidInput, None),
    "a zone left out": (f"{H},2021-11-20,29500,,12200", InvalidInput, None),
    "below the previous reading": (f"{H},2021-11-20,3000,2000,1000", ConfirmationRequired, None),
    "a jump": (f"{H},2021-11-20,99999,99999,99999", ConfirmationRequired, None),
    "the same period again": (f"{H},2021-10-24,29500,17600,12200", ConfirmationRequired, None),
    "a date before the installation": (f"{H},2006-01-05,1000,500,800", InvalidInput, None),
    "an account not in the journal": ("630000000099,S-4,2021-11-20,29500,17600,12200", InvalidInput, None),
    "a meter not of the account": ("630000000004,S-3,2021-11-20,29500,17600,12200", InvalidInput, None),
    "no such date": (f"{H},2021-02-30,29500,17600,12200", InvalidInput,
                     "A date is written as 20.02.2025 or 2025-02-20; got '2021-02-30'."),
    "a date written otherwise": (f"{H},20/11/2021,29500,17600,12200", InvalidInput,
                                 "A date is written as 20.02.2025 or 2025-02-20; got '20/11/2021'."),
    "an account rounded by a spreadsheet": ("6.3E+11,S-4,2021-11-20,29500,17600,12200", InvalidInput,
                                            "The account number 6.3E+11 was turned into a rounded number by a "
                                            "spreadsheet. Type the account number as printed on the bill."),
    "too few columns": (f"{H},2021-11-20", InvalidInput, "expected 6 columns, found 3"),
}


@pytest.mark.parametrize("kind", BAD_CELLS)
def test_a_bad_cell_in_the_middle_of_a_large_file_refuses_it_whole(tmp_path: Path, kind: str) -> None:
    """1,890 good readings with one bad row after the 945th: refused with its line and the message the reading
    gets typed in after the good ones (or the words for the cell), and the journal is as it was."""
    bad, error, words = BAD_CELLS[kind]
    rows = list(_history(10, GOOD))
    path = tmp_path / "readings.csv"
    path.write_text(HEADER + "\n".join([*rows[:MIDDLE], bad, *rows[MIDDLE:]]) + "\n", encoding="utf-8")
    svc = JournalService(tmp_path / "journal.sqlite3", today=lambda: TODAY)
    try:
        _households(svc, 10)
        before = snapshot(svc)
        with pytest.raises(error) as refused:
            svc.import_csv(path)
        assert snapshot(svc) == before
        if words is None:
            words = _typed(svc, bad, rows[:MIDDLE])
    finally:
        svc.close()
    assert refused.value.message == f"Line {MIDDLE + 2}: {words}"


def _typed(svc: JournalService, row: str, before: list[str]) -> str:
    """The message the row's reading gets when typed in after the rows `before`."""
    path = svc.path.parent / "before.csv"
    path.write_text(HEADER + "\n".join(before) + "\n", encoding="utf-8")
    svc.import_csv(path)
    number, serial, day, *values = next(csv.reader([row]))
    with pytest.raises(JournalError) as typed:
        svc.add_reading(number, date.fromisoformat(day), [v for v in values if v], serial=serial)
    return typed.value.message


def test_a_spreadsheets_cells_in_a_large_file_give_what_plain_ones_give(tmp_path: Path) -> None:
    """Every seventh row of a large file as a spreadsheet writes it (account numbers as ="…" or without their
    leading zeros, thousands separators, a zero decimal part, padding spaces, dates as 20.10.2021, empty cells
    on the right): the journal gets the same readings as from the plain file."""
    plain = list(_history(10, GOOD))
    forms = [
        lambda n, s, d, v: [f'="{n}"', s, d, *v],
        lambda n, s, d, v: [n, f" {s} ", ".".join(reversed(d.split("-"))), *v],
        lambda n, s, d, v: [n, s, d, *(f"{int(x):,}".replace(",", " ") for x in v)],
        lambda n, s, d, v: [n, s, d, *(f"{x},00" for x in v), "", ""],
    ]
    mangled = []
    for index, row in enumerate(plain):
        number, serial, day, *values = row.split(",")
        if index % 7:
            mangled.append(row.replace(",", ";"))
            continue
        cells = forms[index // 7 % len(forms)](number, serial, day, values)
        mangled.append(";".join(cells))
    tables = []
    for name, rows, separator in (("plain", plain, ","), ("spreadsheet", mangled, ";")):
        svc = JournalService(tmp_path / name / "journal.sqlite3", today=lambda: TODAY)
        try:
            _households(svc, 10)
            path = tmp_path / f"{name}.csv"
            path.write_text(HEADER.replace(",", separator) + "\n".join(rows) + "\n", encoding="utf-8")
            assert svc.import_csv(path).result == len(plain)
        finally:
            svc.close()
        tables.append(_tables(tmp_path / name / "journal.sqlite3"))
    assert tables[0] == tables[1] and len(tables[0]["readings"]) == len(plain)


@pytest.mark.parametrize(("row", "words"), [
    (f"{SECOND},M3,{TODAY - timedelta(days=5)},5200,2600", "The meter M3 was replaced on"),
    (f"{THIRD},M4,2023-03-10,5000,0", "The tariff plan changed on"),
    (f"{THIRD},M4,2023-03-05,5000,4000", "This tariff plan needs one value"),  # the old plan's meter record
])
def test_a_reading_of_a_meter_record_no_longer_in_place_is_refused_in_a_file(tmp_path: Path, row: str,
                                                                              words: str) -> None:
    """After rows of the same meter that are fine (a replaced meter's, a meter whose plan changed), a row dated
    after the replacement or on the change: refused as typed, naming its line."""
    rows = [f"{SECOND},M3,{TODAY - timedelta(days=100)},4000,2000",
            f"{SECOND},M3,{TODAY - timedelta(days=70)},4500,2200"]
    rows += [f"{THIRD},M4,2023-0{m}-20,{1000 + 500 * m}" for m in (1, 2)]
    rows += [f"{THIRD},M4,{TODAY - timedelta(days=60)},9000,2000"]
    svc = _outbox_journal(tmp_path)
    try:
        before = snapshot(svc)
        path = tmp_path / "readings.csv"
        path.write_text(HEADER + "\n".join([*rows, row, rows[0]]) + "\n", encoding="utf-8")
        with pytest.raises(InvalidInput) as refused:
            svc.import_csv(path)
        assert snapshot(svc) == before
        path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
        svc.import_csv(path)
        number, serial, day, *values = row.split(",")
        with pytest.raises(JournalError) as typed:
            svc.add_reading(number, date.fromisoformat(day), values, serial=serial)
    finally:
        svc.close()
    assert words in typed.value.message
    assert refused.value.message == f"Line {len(rows) + 2}: {typed.value.message}"
