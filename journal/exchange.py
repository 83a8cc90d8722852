"""CSV export and import of readings: one row per reading, header `account,meter,date,t1,t2,t3`.

Two dialects. Ours: UTF-8, commas, dates as 2025-02-20. Excel's, as a Russian Excel opens and saves it:
semicolons, dates as 20.02.2025, and the file in UTF-8 with a BOM (`export --excel`), Windows-1251 («CSV
(разделители - запятые)») or UTF-16 («Текст Юникод», tabs). The import recognises the encoding and the separator
by itself, and what a spreadsheet does to the cells: numbers that lost their leading zeros, `="050900691990"`
(how `export --excel` keeps account numbers as text), thousands separators, a zero decimal part («1200,00»).

Import is all or nothing: the caller runs it in one transaction, and the first bad row raises an InvalidInput
naming its line, so nothing is written. Each reading is queued for the portal by the same rule as one typed in
(journal.outbox.may_queue, the rule of journal.outbox.reading_saved).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from typing import TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import outbox, validation
from journal.accounts import find_account
from journal.errors import ConfirmationRequired, InvalidInput, JournalError, NotFound
from journal.messages import msg
from journal.readings import ReadingImport
from journal.storage.models import Account, Meter, Reading, ReadingStatus

HEADER = ["account", "meter", "date", "t1", "t2", "t3"]
SEPARATORS = (",", ";", "\t")
EXCEL_SEPARATOR = ";"
MAX_FILE_BYTES = 50_000_000  # a table of readings is a few megabytes at most; a film chosen by mistake is not read
_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # none in a text file (tabs and line ends are)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")  # thousands separators as spreadsheets write them
_ZERO_FRACTION = re.compile(r"^(\d+)[.,]0+$")
_SCIENTIFIC = re.compile(r"^\d+([.,]\d+)?[eE][+-]?\d+$")


# --- export ---------------------------------------------------------------------------------------------------


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


def _as_text(value: str) -> str:
    """A cell Excel keeps as the text it is (leading zeros, no 5,09E+11): the formula ="…"."""
    return f'="{value}"'


def excel_row(row: list[str]) -> list[str]:
    number, serial, day, *values = row
    return [_as_text(number), _as_text(serial) if serial.isdigit() else serial,
            date.fromisoformat(day).strftime("%d.%m.%Y"), *values]


def write_csv(session: Session, out: TextIO, *, excel: bool = False) -> int:
    """Write every reading in force; return how many. `excel`: Excel's dialect (the caller encodes the text as
    UTF-8 with a BOM). Its cells never hold a separator or a quote (digits, dates, serial numbers), so they are
    written as they are: a quoted ="…" would reach Excel as text, not as a formula."""
    count = 0
    if excel:
        out.write(EXCEL_SEPARATOR.join(HEADER) + "\r\n")
        for row in export_rows(session):
            out.write(EXCEL_SEPARATOR.join(excel_row(row)) + "\r\n")
            count += 1
        return count
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in export_rows(session):
        writer.writerow(row)
        count += 1
    return count


# --- import ---------------------------------------------------------------------------------------------------


def not_text(name: str) -> InvalidInput:
    return InvalidInput(
        msg(
            "The file {name} is not a table of readings: it is not text in UTF-8, UTF-16 or Windows-1251. Choose a "
            "CSV file saved by Meter Journal or by a spreadsheet (Excel, LibreOffice).",
            name=name,
        ),
        field="file",
    )


def decode_csv(data: bytes, name: str) -> str:
    """The text of a CSV file: UTF-8 or UTF-16 by their byte-order mark, else UTF-8, else Windows-1251 (a
    Russian Excel's «CSV»). A binary file or one in no such encoding raises InvalidInput."""
    try:
        if data.startswith(codecs.BOM_UTF8):
            text = data[len(codecs.BOM_UTF8):].decode("utf-8")
        elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        elif b"\x00" in data:
            raise not_text(name)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise not_text(name) from None
    if _TEXT_CONTROLS.search(text):
        raise not_text(name)
    return text


def _header_cells(line: str, separator: str) -> list[str]:
    cells = [cell.strip().lower() for cell in next(csv.reader([line], delimiter=separator), [])]
    while cells and not cells[-1]:
        cells.pop()  # a spreadsheet pads rows with empty cells
    return cells


def _dialect(text: str) -> tuple[list[str], str, int]:
    """The lines after the header, the separator, and the number of lines before them. The separator is the one
    that splits the header into our columns (or the one an Excel `sep=;` line names)."""
    lines = io.StringIO(text, newline="").readlines()
    first = lines[0].strip().strip('"') if lines else ""
    if first.lower().startswith("sep=") and len(first) == 5 and _header_cells(lines[1] if len(lines) > 1 else "",
                                                                                first[4]) == HEADER:
        return lines[2:], first[4], 2
    for separator in SEPARATORS:
        if lines and _header_cells(lines[0], separator) == HEADER:
            return lines[1:], separator, 1
    raise InvalidInput(
        msg("Line 1: the file must start with the header {header} (columns separated by commas, semicolons or tabs).",
            header=",".join(HEADER)),
        field="file",
    )


def _cell(text: str) -> str:
    """A cell as typed: `="…"` (text kept by Excel) unwrapped."""
    value = text.strip()
    if value.startswith('="') and value.endswith('"') and len(value) >= 3:
        value = value[2:-1].strip()
    return value


def _value(text: str) -> str:
    """A meter value as a spreadsheet may write it: «1 234» or «1234,00» is 1234. Anything else is left to the
    reading's own checks (which refuse «1234,5»: the digits after the comma are not written)."""
    if text.isdigit():
        return text  # as most are: nothing to undo
    value = _SPACES.sub("", text)
    whole = _ZERO_FRACTION.match(value)
    return whole.group(1) if whole else value


class _Known:
    """The accounts, meters and dates rows name, each one read once per import, by the cell's text as written."""

    def __init__(self, session: Session, readings: ReadingImport) -> None:
        self.session, self.readings = session, readings
        self._by_text: dict[str, Account] = {}
        self._numbers: dict[str, Account] | None = None  # every account by its number, read at once
        self._serials: dict[tuple[Account, str], str] = {}
        self._dates: dict[str, date] = {}

    def date(self, cell: str) -> date:
        day = self._dates.get(cell)
        if day is None:
            day = self._dates[cell] = validation.file_date(_cell(cell))
        return day

    def account(self, cell: str) -> Account:
        account = self._by_text.get(cell)
        if account is None:
            if self._numbers is None:
                self._numbers = {a.number: a for a in self.session.scalars(select(Account))}
            text = _cell(cell)
            found = self._numbers.get(text)  # a number as stored: the account find_account finds
            account = self._by_text[cell] = found if found is not None else _account(self.session, text)
        return account

    def serial(self, account: Account, cell: str) -> str:
        serial = self._serials.get((account, cell))
        if serial is None:
            serial = self._serials[(account, cell)] = _serial({m.serial for m in self.readings.meters(account)},
                                                               _cell(cell))
        return serial


def _account(session: Session, text: str) -> Account:
    """The account of a row: its number as written, or — when a spreadsheet dropped its leading zeros — the one
    account whose number is the same without them."""
    if _SCIENTIFIC.match(text):
        raise InvalidInput(
            msg(
                "The account number {text} was turned into a rounded number by a spreadsheet. Type the account "
                "number as printed on the bill.",
                text=text,
            ), field="account"
        )
    try:
        return find_account(session, text)
    except NotFound:
        digits = text.lstrip("0")
        if not digits.isdigit():
            raise
        matches = [a for a in session.scalars(select(Account)) if a.number.lstrip("0") == digits]
        if len(matches) != 1:
            raise
        return matches[0]


def _serial(serials: set[str], text: str) -> str:
    """The meter's serial number as stored (among the account's), allowing for leading zeros a spreadsheet
    dropped."""
    if text in serials or not text.isdigit():
        return text
    matches = [s for s in serials if s.isdigit() and s.lstrip("0") == text.lstrip("0")]
    return matches[0] if len(matches) == 1 else text


def _columns(row: list[str]) -> list[str]:
    if len(row) == len(HEADER):
        return row
    while len(row) > len(HEADER) and not row[-1].strip():
        row = row[:-1]  # empty cells a spreadsheet added on the right
    if len(HEADER) - 2 <= len(row) < len(HEADER):
        row = row + [""] * (len(HEADER) - len(row))  # the empty T2, T3 of a single-zone row left out
    if len(row) != len(HEADER):
        raise InvalidInput(f"expected {len(HEADER)} columns, found {len(row)}")
    return row


def _values(cells: list[str]) -> list[str]:
    """The zones' values of a row's value cells (those left empty are not a zone's)."""
    t1, t2, t3 = cells
    if t1.isdigit() and (t2.isdigit() or not t2) and (t3.isdigit() or not t3):
        return list(filter(None, cells))  # as most are: nothing to undo (`_cell` and `_value` leave them as they are)
    return [_value(v) for v in map(_cell, cells) if v != ""]


def import_csv(
    session: Session, source: str | TextIO, *, today: date, replace: bool = False, rollover: bool = False,
    confirm: bool = False,
) -> int:
    """Add every row's reading; return how many were added. Raises on the first bad row. `source` is the
    file's text (see `decode_csv`) or an open text file."""
    text = source if isinstance(source, str) else source.read()
    rows, separator, before = _dialect(text)
    reader = csv.reader(rows, delimiter=separator)
    # Each row is checked as a typed reading is, and queued for the portal as one (journal.outbox); the writes are
    # batched. One that replaces the reading of its period is written at once, as if typed in.
    readings = ReadingImport(session, today=today, source="import", queue=True)
    known = _Known(session, readings)
    added = 0
    for row in reader:
        if not any(map(str.strip, row)):
            continue
        line = before + reader.line_num  # the row's line in the file
        try:
            number, serial, day, *values = _columns(row)
            account = known.account(number)
            zones = _values(values)
            saved = readings.add(account, known.date(day), zones, serial=known.serial(account, serial),
                                 replace=replace, rollover=rollover, confirm=confirm)
            if saved is not None:
                outbox.reading_saved(session, saved.id, today, replaced=[saved.replaced])
        except ConfirmationRequired as exc:
            raise ConfirmationRequired(exc.kind, msg("Line {line}: {reason}", line=line, reason=exc.text), field="file",
                                       figures=exc.figures) from exc
        except JournalError as exc:
            raise InvalidInput(msg("Line {line}: {reason}", line=line, reason=exc.text), field="file") from exc
        added += 1
    readings.flush()
    return added
