"""The journal's schema version: create a new file at head, upgrade an older one, refuse others.

A journal file is recognised by SQLite's `application_id` header field and by Alembic's
revision table. Everything here reads the file before it writes anything, so a file that is
refused is left exactly as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING

from journal.errors import JournalFileError
from journal.messages import Message, msg
from journal.storage.files import SQLITE_HEADER, damage_of, database_error

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

# Our revisions, oldest first. Alembic is imported only to create or upgrade a file, so opening a current
# journal does not pay for it; a test checks this list against the migration scripts.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")

APPLICATION_ID = 0x4D4A524E  # "MJRN": marks an SQLite file as a Meter Journal


@contextmanager
def alembic_config(connection: Connection | None = None) -> Iterator[Config]:
    """An Alembic configuration whose scripts come from inside the installed package."""
    from alembic.config import Config

    with as_file(files("journal.storage.migrations")) as location:
        config = Config()
        config.set_main_option("script_location", str(location))
        config.attributes["connection"] = connection
        yield config


def known_revisions() -> list[str]:
    """Our revisions, oldest first."""
    return list(KNOWN_REVISIONS)


def script_revisions() -> list[str]:
    """The revisions of the migration scripts, oldest first (Alembic's view; KNOWN_REVISIONS must equal it)."""
    from alembic.script import ScriptDirectory

    with alembic_config() as config:
        script = ScriptDirectory.from_config(config)
        return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def head_revision() -> str:
    return known_revisions()[-1]


@dataclass(frozen=True)
class FileState:
    revision: str  # the file's revision; "" when there is no file yet (a new journal)


def inspection_uri(path: Path) -> str:
    """An SQLite URI that reads `path` without creating anything beside it. While no program has the file open
    (no `-wal` beside it) it is read as immutable: SQLite then creates no `-wal` or `-shm`. Otherwise it is read
    through SQLite's locks, whose files exist already."""
    uri = path.resolve().as_uri()
    return f"{uri}?mode=ro" if Path(f"{path}-wal").exists() else f"{uri}?mode=ro&immutable=1"


def _read_state(uri: str, check_pragma: str | None) -> tuple[str, int, set[str], str | None]:
    connection = sqlite3.connect(uri, uri=True)
    try:
        check = connection.execute(f"PRAGMA {check_pragma}").fetchone() if check_pragma else ("ok",)
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    finally:
        connection.close()
    return (check[0] if check else ""), app_id, tables, revision


class _Refusal:
    """The messages for a file that cannot be used: the journal being opened, or a copy offered for restoring."""

    def __init__(self, path: Path, copy: bool) -> None:
        self.path, self.copy = path, copy

    def missing(self) -> JournalFileError:
        return JournalFileError(msg("There is no file {path}.", path=self.path))

    def empty(self) -> JournalFileError:
        path = self.path
        if self.copy:
            return JournalFileError(
                msg(
                    "The file {path} is empty (0 bytes): it is not a copy of a journal. Nothing was changed; choose "
                    "another copy.",
                    path=path,
                )
            )
        return JournalFileError(
            msg(
                "The journal file {path} is empty (0 bytes): the readings are not in it, perhaps after a full disk "
                "or an interrupted copy. It was left untouched; restore a backup copy, or delete the empty file to "
                "start a new journal.",
                path=path,
            )
        )

    def no_journal(self) -> JournalFileError:
        path = self.path
        if self.copy:
            return JournalFileError(
                msg(
                    "The file {path} is not a Meter Journal or a copy of one. Nothing was changed; choose another "
                    "copy.",
                    path=path,
                )
            )
        return JournalFileError(
            msg(
                "The journal file {path} holds no journal: it is an empty database. It was left untouched; restore a "
                "backup copy, or delete the file to start a new journal.",
                path=path,
            )
        )

    def not_database(self) -> JournalFileError:
        if self.copy:
            return self.no_journal()
        return JournalFileError(
            msg(
                "The file {path} is not a Meter Journal: it is not a database at all, or it is damaged. It was left "
                "untouched; restore a backup copy or choose another data folder.",
                path=self.path,
            )
        )

    def damaged(self, detail: Message) -> JournalFileError:
        path = self.path
        if self.copy:
            return JournalFileError(msg(
                "The copy {path} is damaged ({detail}). Nothing was changed; choose another copy.",
                path=path,
                detail=detail,
            ))
        return JournalFileError(msg(
            "The journal file {path} is damaged ({detail}). It was left untouched; restore a backup copy.",
            path=path,
            detail=detail,
        ))

    def foreign(self) -> JournalFileError:
        if self.copy:
            return self.no_journal()
        return JournalFileError(
            msg(
                "The file {path} is a database of another program, not a Meter Journal. It was left untouched.",
                path=self.path,
            )
        )

    def newer(self) -> JournalFileError:
        path = self.path
        if self.copy:
            return JournalFileError(
                msg(
                    "The copy {path} was made by a newer version of Meter Journal. Nothing was changed; install the "
                    "newer version to restore it.",
                    path=path,
                )
            )
        return JournalFileError(
            msg(
                "The journal file {path} was written by a newer version of Meter Journal. Install the newer version "
                "to open it; the file was left untouched.",
                path=path,
            )
        )


def inspect_file(path: Path, *, copy: bool = False) -> FileState:
    """Tell what a journal file is, without changing it or creating anything beside it; raise JournalFileError
    if it is not usable. A missing journal is a new one (revision ""); an existing empty file is not.

    `copy=True` inspects a backup copy offered for restoring: it must exist, and SQLite's full integrity check
    runs on it.

    A journal gets SQLite's quick check (every page read: 50–67 ms for 21 MB, growing with the file) only when a
    `-wal` file with frames in it is beside it. SQLite folds the frames into the file and removes the `-wal` when
    the last program using the journal closes it; one left behind means a program was killed, crashed or lost
    power while writing — when a torn write could have damaged the file — or that another program has it open
    now, and then the check runs as before. (An empty `-wal`, as a read-only reader may leave, holds nothing.) A journal
    closed cleanly has had nothing written to it since its last check but by SQLite itself; damage from outside
    (a truncated or garbled copy put in its place) is still refused here by what is read anyway: the header,
    the length the header gives, the schema and the revision; damage anywhere else is refused when SQLite meets
    it (SQLITE_CORRUPT: "damaged", the unit of work rolled back, nothing written), and `restore` checks every
    copy in full."""
    path = Path(path)
    refuse = _Refusal(path, copy)
    if not path.exists():
        if copy:
            raise refuse.missing()
        return FileState(revision="")
    if not path.is_file():
        raise JournalFileError(msg("{path} is a folder, not a file: give the file's name.", path=path))
    if path.stat().st_size == 0:
        raise refuse.empty()
    with path.open("rb") as handle:
        header = handle.read(100)
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise refuse.not_database()
    wal = Path(f"{path}-wal")
    unclean = wal.exists() and wal.stat().st_size > 0  # frames SQLite has not folded into the file
    if not wal.exists() and _shorter_than_its_header_says(header, path.stat().st_size):
        raise refuse.damaged(msg("the file is shorter than its header says: part of it is missing"))
    check_pragma = "integrity_check" if copy else "quick_check" if unclean else None
    try:
        try:
            check, app_id, tables, revision = _read_state(inspection_uri(path), check_pragma)
        except sqlite3.DatabaseError:
            if not Path(f"{path}-wal").exists():
                raise
            # Another program opened it meanwhile: read it again, through SQLite's locks, and check it.
            check, app_id, tables, revision = _read_state(inspection_uri(path), check_pragma or "quick_check")
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or not code:
            raise refuse.damaged(damage_of(exc, path)) from exc
        raise database_error(exc, path) or refuse.damaged(damage_of(exc, path)) from exc
    if check != "ok":
        raise refuse.damaged(msg("SQLite's integrity check found errors in it"))
    if app_id != APPLICATION_ID or revision is None:
        if not tables and app_id == 0:
            raise refuse.no_journal()
        raise refuse.foreign()
    if revision not in known_revisions():
        raise refuse.newer()
    return FileState(revision=revision)


def _shorter_than_its_header_says(header: bytes, size: int) -> bool:
    """SQLite's header gives the page size (offset 16) and, when valid (its offset 92 equals the change counter at
    24), the number of pages (offset 28): a file shorter than that lost its end (an interrupted copy)."""
    if len(header) < 100 or header[92:96] != header[24:28]:
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    return int.from_bytes(header[28:32], "big") * page_size > size


def create_at_head(connection: Connection) -> None:
    """Make a new journal at the head revision, inside the connection's transaction: the models' tables (the same
    as the migrations build: a test compares them column by column, index by index) and Alembic's revision
    table, marked as ours. Alembic, mako and the migration scripts are not needed for it."""
    from journal.storage.models import all_tables

    all_tables().create_all(connection)
    connection.exec_driver_sql(_ALEMBIC_VERSION_TABLE)
    connection.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (head_revision(),))
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")


# As Alembic creates it (a test checks this too).
_ALEMBIC_VERSION_TABLE = ("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                          "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")


def upgrade_to_head(connection: Connection, target: str = "heads") -> None:
    """Run the migrations on an open connection (inside its transaction) and mark the file as ours."""
    from alembic import command
    from alembic.util.exc import CommandError

    with alembic_config(connection) as config:
        try:
            command.upgrade(config, target)
        except CommandError as exc:  # pragma: no cover - only with a broken installation
            raise JournalFileError(msg("The journal could not be upgraded: {reason}", reason=str(exc))) from exc
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
