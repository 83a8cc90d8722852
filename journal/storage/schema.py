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

from sqlalchemy.engine import Connection

from journal.errors import JournalFileError

if TYPE_CHECKING:
    from alembic.config import Config

# Our revisions, oldest first. Alembic is imported only to create or upgrade a file, so opening a current
# journal does not pay for it; a test checks this list against the migration scripts.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005")

APPLICATION_ID = 0x4D4A524E  # "MJRN": marks an SQLite file as a Meter Journal
_SQLITE_HEADER = b"SQLite format 3\x00"


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
    revision: str  # the file's revision; "" for a new, empty file


def inspect_file(path: Path) -> FileState:
    """Tell what a journal file is, without changing it; raise JournalFileError if it is not usable."""
    if not path.exists() or path.stat().st_size == 0:
        return FileState(revision="")
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise JournalFileError(
            f"The file {path} is not a Meter Journal: it is not a database at all, or it is damaged. "
            "It was left untouched; restore a backup copy or choose another data folder."
        )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise JournalFileError(
            f"The journal file {path} is damaged ({exc}). It was left untouched; restore a backup copy."
        ) from exc
    if check is None or check[0] != "ok":
        raise JournalFileError(
            f"The journal file {path} is damaged (integrity check failed). It was left untouched; "
            "restore a backup copy."
        )
    if app_id != APPLICATION_ID or revision is None:
        if not tables and app_id == 0:
            return FileState(revision="")  # an empty database, e.g. created by a crash before the first write
        raise JournalFileError(
            f"The file {path} is a database of another program, not a Meter Journal. It was left untouched."
        )
    if revision not in known_revisions():
        raise JournalFileError(
            f"The journal file {path} was written by a newer version of Meter Journal. "
            "Install the newer version to open it; the file was left untouched."
        )
    return FileState(revision=revision)


def upgrade_to_head(connection: Connection, target: str = "heads") -> None:
    """Run the migrations on an open connection (inside its transaction) and mark the file as ours."""
    from alembic import command
    from alembic.util.exc import CommandError

    with alembic_config(connection) as config:
        try:
            command.upgrade(config, target)
        except CommandError as exc:  # pragma: no cover - only with a broken installation
            raise JournalFileError(f"The journal could not be upgraded: {exc}") from exc
    connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
