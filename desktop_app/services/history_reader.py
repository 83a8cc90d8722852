"""An account's history for the `history` command, read with SQL alone on a plain connection.

The command only reads, so it needs neither SQLAlchemy's ORM nor the journal's models: without them it starts in
about two thirds of the time (docs/PERFORMANCE.md). The same records as JournalService's `account`, `history`,
`history_rows` and `monthly` (a test compares them), from the same journal.history functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection

from journal import history
from journal.records import AccountInfo, HistoryRow, PeriodConsumption
from journal.storage.database import Journal, open_journal


class HistoryReader:
    """`command` names the command line's subcommand, as for JournalService."""

    def __init__(self, path: Path, *, command: str = "") -> None:
        self.path = path
        self.journal: Journal = open_journal(path, command=command)

    def close(self) -> None:
        self.journal.close()

    def _account(self, connection: Connection, number: str) -> AccountInfo:
        info = history.account_by_number(connection, number)
        if info is None:  # the journal's own lookup refuses it, in its words
            from journal import accounts

            with self.journal.read() as session:
                accounts.find_account(session, number)
            raise AssertionError(f"account {number} found by the ORM but not by SQL")  # pragma: no cover
        return info

    def account(self, number: str) -> AccountInfo:
        with self.journal.reading() as connection:
            return self._account(connection, number)

    def history(self, number: str, *, include_retired: bool = True) -> list[HistoryRow]:
        with self.journal.reading() as connection:
            account = self._account(connection, number)
            return list(history.history_rows(connection, account.id, include_retired=include_retired))

    @contextmanager
    def history_rows(self, number: str) -> Iterator[tuple[AccountInfo, Iterator[HistoryRow]]]:
        """An account and its history read one row at a time, in one read transaction."""
        with self.journal.reading() as connection:
            account = self._account(connection, number)
            yield account, history.history_rows(connection, account.id)

    def monthly(self, number: str) -> list[PeriodConsumption]:
        return history.monthly_consumption(self.history(number, include_retired=False))
