"""Opening the journal file: SQLite in WAL mode with foreign keys on, one transaction per action."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from journal import JOURNAL_FILE_NAME  # noqa: F401 - re-exported for callers
from journal.errors import JournalFileError
from journal.storage.schema import head_revision, inspect_file, upgrade_to_head

log = logging.getLogger(__name__)



def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (SQLAlchemy's SQLite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")  # a saved reading survives a crash or power loss
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        immediate = connection.get_execution_options().get("immediate", False)  # type: ignore[attr-defined]
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")  # type: ignore[attr-defined]

    return engine


def backup_file(source: Path, target: Path) -> Path:
    """Copy a journal with SQLite's online backup: consistent even while another process writes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


class Journal:
    """An open journal file. Use `read()` and `write()` for short units of work."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._write_engine = engine.execution_options(immediate=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: everything inside is committed together, or not at all."""
        with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_journal(path: Path, *, backup_dir: Path | None = None) -> Journal:
    """Open (creating or upgrading as needed) the journal at `path`.

    An older file is first copied to `backup_dir` (default: a `backups` folder beside it).
    A corrupt, foreign or newer file raises JournalFileError and is not touched.
    """
    path = Path(path)
    state = inspect_file(path)
    head = head_revision()
    if state.revision and state.revision != head:
        folder = backup_dir or path.parent / "backups"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = backup_file(path, folder / f"{path.stem}-before-upgrade-{state.revision}-{stamp}.sqlite3")
        log.info("Journal at revision %s backed up to %s before upgrading to %s", state.revision, copy, head)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise JournalFileError(f"The data folder {path.parent} cannot be created: {exc.strerror}.") from exc
    engine = _make_engine(path)
    if state.revision != head:
        with engine.begin() as connection:
            upgrade_to_head(connection)
    return Journal(path, engine)
