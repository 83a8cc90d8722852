"""What a journal copy holds, read before it is restored: the day of the latest change recorded in it, and how many
accounts, readings in force and payments it has — for the restore's question, so that a person knows which copy
it is. Read with the standard library's sqlite3, read-only (nothing is created beside the file); a file that is
not a journal copy, or one that cannot be read, gives what could be read (the file's own time at least): the
restore itself checks the copy and refuses it in words."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from journal.storage.schema import APPLICATION_ID, inspection_uri
from journal.storage.statuses import ReadingStatus

# Every moment the journal records a change at: (table, column). A table an older revision lacks is left out.
CHANGE_TIMES = (
    ("changes", "at"), ("changes", "undone_at"), ("accounts", "created_at"), ("meters", "created_at"),
    ("readings", "created_at"), ("readings", "ended_at"), ("payments", "created_at"), ("user_prices", "created_at"),
)


@dataclass(frozen=True)
class CopyContents:
    modified_at: datetime | None  # the file's modification time; None when the file cannot be read at all
    last_change: datetime | None = None  # the latest change recorded inside; None when it cannot say
    accounts: int | None = None  # None: not read (not a journal copy, or unreadable)
    readings: int | None = None  # readings in force
    payments: int | None = None

    @property
    def as_of(self) -> datetime | None:
        """The copy's own moment: the latest change recorded in it, else the time the file was written."""
        return self.last_change or self.modified_at


def copy_contents(path: Path) -> CopyContents:
    """What the copy at `path` holds, as far as it can be read; never raises for a file that is not a journal."""
    path = Path(path)
    try:
        modified = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return CopyContents(None)
    try:
        connection = sqlite3.connect(inspection_uri(path), uri=True)
        try:
            if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                return CopyContents(modified)
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}

            def count(sql: str, table: str) -> int | None:
                return connection.execute(sql).fetchone()[0] if table in tables else None

            times = [f"SELECT MAX({column}) FROM {table}" for table, column in CHANGE_TIMES if table in tables]
            latest = [row[0] for sql in times for row in connection.execute(sql) if row[0]]
            return CopyContents(
                modified, _moment(max(latest)) if latest else None,
                count("SELECT COUNT(*) FROM accounts", "accounts"),
                count(f"SELECT COUNT(*) FROM readings WHERE status = '{ReadingStatus.ACTIVE}'", "readings"),
                count("SELECT COUNT(*) FROM payments", "payments"))
        finally:
            connection.close()
    except (sqlite3.Error, ValueError):  # not a database, damaged, a column an unknown revision lacks
        return CopyContents(modified)


def _moment(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None
