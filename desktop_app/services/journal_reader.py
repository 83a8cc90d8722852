"""The read-only commands, `history` and `bill`, served with the standard library's sqlite3 alone.

They only read, so they need neither SQLAlchemy nor the journal's models: without them they start in a fraction of
the time (docs/PERFORMANCE.md). A journal that must first be created or upgraded is opened with open_journal,
which does that, then read the same way. The records are JournalService's `account`, `history`, `history_rows`,
`monthly` and `billing.bill` (tests compare them), from the same journal functions and SQL: journal.history for the
readings, journal.stored_prices for the prices, journal.bills for the bill.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal import bills, history, stored_prices
from journal.bills import Bill
from journal.records import AccountInfo, HistoryRow, PeriodConsumption
from journal.storage import read_only


class JournalReader:
    """`command` names the command line's subcommand, as for JournalService."""

    def __init__(self, path: Path, *, command: str = "") -> None:
        self.path = Path(path)
        self.command = command
        if not read_only.is_current(self.path):  # a new journal to create, an older one to upgrade
            from journal.storage.database import open_journal

            open_journal(self.path, command=command).close()
        self.billing = BillReader(self)

    def close(self) -> None:
        pass  # each read opens and closes its own connection

    def _account(self, connection: sqlite3.Connection, number: str) -> AccountInfo:
        info = history.account_by_number(connection, number)
        if info is None:  # the journal's own lookup refuses it, in its words
            from journal import accounts
            from journal.storage.database import open_journal

            with open_journal(self.path, command=self.command) as journal, journal.read() as session:
                accounts.find_account(session, number)
            raise AssertionError(f"account {number} found by the ORM but not by SQL")  # pragma: no cover
        return info

    def account(self, number: str) -> AccountInfo:
        with read_only.reading(self.path) as connection:
            return self._account(connection, number)

    def history(self, number: str, *, include_retired: bool = True) -> list[HistoryRow]:
        with read_only.reading(self.path) as connection:
            account = self._account(connection, number)
            return list(history.history_rows(connection, account.id, include_retired=include_retired))

    @contextmanager
    def history_rows(self, number: str) -> Iterator[tuple[AccountInfo, Iterator[HistoryRow]]]:
        """An account and its history read one row at a time, in one read transaction."""
        with read_only.reading(self.path) as connection:
            account = self._account(connection, number)
            yield account, history.history_rows(connection, account.id)

    def monthly(self, number: str) -> list[PeriodConsumption]:
        return history.monthly_consumption(self.history(number, include_retired=False))


class BillReader:
    """JournalService.billing's `bill`, read with sqlite3 alone."""

    def __init__(self, reader: JournalReader) -> None:
        self.reader = reader

    def bill(self, number: str, period: str) -> Bill:
        """A billing period's charge (journal.bills), in one read transaction."""
        with read_only.reading(self.reader.path) as connection:
            account = self.reader._account(connection, number)
            rows = bills.in_force(history.history_rows(connection, account.id, include_retired=False))
            return bills.bill(stored_prices.price_book(connection), account.number, account.category, rows, period)
