"""A journal read with the standard library's sqlite3 alone: what a read-only command needs (`history`), without
importing SQLAlchemy — a third of a second on this machine, more on an old laptop.

Only a journal that is there already at the head revision is read this way: the same checks as open_journal
(journal.storage.database) refuse a read-only, foreign, damaged or newer file; a missing journal must be created
and an older one upgraded (after its backup), which open_journal does with SQLAlchemy — `is_current` says when.
The SQL is the journal's own (journal.history), sent as open_journal's sessions send it to their connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal.storage.busy import BUSY_TIMEOUT
from journal.storage.files import check_writable, database_error
from journal.storage.schema import head_revision, inspect_file


def is_current(path: Path) -> bool:
    """True when the journal at `path` exists at the head revision: ready to be read without open_journal. A file
    that can never be opened raises open_journal's JournalFileError."""
    path = Path(path)
    check_writable(path)
    state = inspect_file(path)
    return path.exists() and state.revision == head_revision()


@contextmanager
def reading(path: Path) -> Iterator[sqlite3.Connection]:
    """One read transaction on the journal (a consistent view, as Journal.read gives); SQLite's errors come out
    as the journal's plain-words errors, as from Journal.read."""
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            connection.execute("BEGIN")
            yield connection
        finally:
            connection.close()  # nothing was written: closing ends the transaction
    except sqlite3.Error as exc:
        mapped = database_error(exc, Path(path))
        if mapped is None:
            raise
        raise mapped from exc
