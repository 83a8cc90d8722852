"""Opening the journal file: SQLite in WAL mode with foreign keys on, one transaction per action; copying it
(backups) and restoring a copy into it."""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from journal import JOURNAL_FILE_NAME  # noqa: F401 - re-exported for callers
from journal.errors import Cancelled, JournalError, JournalFileError
from journal.messages import msg
from journal.storage import busy
from journal.storage.busy import BUSY_TIMEOUT
from journal.storage.files import (
    NOT_ALLOWED,
    application_id_in,
    check_writable,
    database_error,
    file_error,
    header_of,
    remove_with_side_files,
    replacing,
    same_file,
    temporary_beside,
)
from journal.storage.schema import (
    APPLICATION_ID,
    create_at_head,
    head_revision,
    inspect_file,
    inspection_uri,
    upgrade_to_head,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)



def _make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin (SQLAlchemy's SQLite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {round(BUSY_TIMEOUT * 1000)}")  # first: the next ones may wait
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")  # a saved reading survives a crash or power loss
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: object) -> None:
        immediate = connection.get_execution_options().get("immediate", False)  # type: ignore[attr-defined]
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")  # type: ignore[attr-defined]

    return engine


def _mapped(exc: BaseException, path: Path) -> JournalError | None:
    """The plain-words error for an SQLite error on the file at `path` (None: not about the file)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return database_error(orig, path) if isinstance(orig, sqlite3.Error) else None


def _raise_for_people(exc: BaseException, path: Path) -> NoReturn:
    """Raise an SQLite error's plain-words JournalError, or the error itself (a bug, not the file's fault)."""
    mapped = _mapped(exc, path)
    if mapped is None:
        raise exc
    raise mapped from exc


# --- copies ---------------------------------------------------------------------------------------------------


def _copy_into(source: sqlite3.Connection, target: Path) -> None:
    """SQLite's online backup of `source` into a new file `target`, marked as a rollback-journal file so that
    reading the copy later needs no `-wal` or `-shm` beside it."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()


def backup_file(source: Path, target: Path) -> Path:
    """Copy the journal at `source` to `target` with SQLite's online backup (consistent even while another
    program writes). The copy is written whole or not at all: under a temporary name beside `target`, flushed
    to the disk, then renamed; a failure (a full disk...) removes it and raises a plain-words JournalError."""
    source, target = Path(source), Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_error(exc, target.parent) from exc
    with replacing(target) as tmp:
        try:
            connection = sqlite3.connect(source, timeout=BUSY_TIMEOUT)
            try:
                connection.execute("PRAGMA query_only = ON")
                _copy_into(connection, tmp)
            finally:
                connection.close()
        except sqlite3.Error as exc:
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            path = source if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) else target
            _raise_for_people(exc, path)
    return target


def save_copy(journal: Path, target: Path) -> Path:
    """`backup --out FILE`: copy the journal to a file the person names. An existing file is replaced only if it
    is itself a copy of a Meter Journal (or empty): anything else is refused and left as it was."""
    target = Path(target)
    if target.is_dir():
        raise JournalFileError(msg(
            "{target} is a folder: give a file name for the copy, such as {example}.",
            target=target,
            example=target / "journal-copy.sqlite3",
        ))
    if same_file(target, journal):
        raise JournalFileError(msg("{target} is the journal itself: choose another name for the copy.", target=target))
    if target.exists() and target.stat().st_size > 0 and application_id_in(header_of(target)) != APPLICATION_ID:
        raise JournalFileError(
            msg(
                "The file {target} exists and is not a copy of a Meter Journal, so it was not overwritten. Choose "
                "another name for the copy.",
                target=target,
            )
        )
    return backup_file(journal, target)


RESTORE_STEP_PAGES = 256  # a restore copies this many pages between two looks at Cancel (1 MB at 4 KB pages)
RESTORE_STOPPED = msg("The restore was stopped: the journal is as it was.")


def restore_into(source: Path, journal: Path, *, progress: Callable[[int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None) -> None:
    """Replace the journal's content by a checked copy's, with SQLite's online backup: in one transaction of
    the journal (a failure — a full disk — or Cancel leaves it as it was), seen at once by every program that has
    it open. The copy is only read; nothing is created beside it. `progress(percent)` follows the pages copied;
    `cancelled()` is asked between steps and while another program holds the journal (then the restore waits up
    to the busy timeout, as a write does): True stops it, raising Cancelled."""
    started = time.monotonic()

    def step(status: int, remaining: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise _Stopped
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            if time.monotonic() - started > BUSY_TIMEOUT:
                busy = sqlite3.OperationalError("database is locked")
                busy.sqlite_errorcode, busy.sqlite_errorname = sqlite3.SQLITE_BUSY, "SQLITE_BUSY"
                raise busy
        elif progress is not None and total:
            progress((total - remaining) * 100 // total)

    try:
        copy = sqlite3.connect(inspection_uri(Path(source)), uri=True)
        try:
            # A short busy wait in each step: Cancel is looked at between them while another program writes.
            destination = sqlite3.connect(journal, timeout=0.2)
            try:
                copy.backup(destination, pages=RESTORE_STEP_PAGES, progress=step, sleep=0.05)
            finally:
                destination.close()
        finally:
            copy.close()
    except _Stopped:
        raise Cancelled(RESTORE_STOPPED) from None
    except sqlite3.Error as exc:
        _raise_for_people(exc, Path(journal))


class _Stopped(Exception):
    """Cancel pressed during a restore's copy: the backup is abandoned (SQLite rolls the journal back)."""


def replace_unusable(journal: Path, source: Path) -> Path:
    """Restore a checked copy in place of a journal that cannot be opened (empty, damaged, foreign...). The
    unusable file is moved aside into `backups/` (kept, never deleted) and the copy takes its place, whole or not
    at all; if the copy cannot be written (a full disk), the unusable file is put back. Returns where it is kept."""
    journal, source = Path(journal), Path(source)
    inspect_file(source, copy=True)
    folder = journal.parent / "backups"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_error(exc, folder) from exc
    kept = folder / f"{journal.stem}-unusable-{datetime.now().strftime('%Y%m%d-%H%M%S')}.sqlite3"
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{journal}{suffix}").exists():
                os.replace(f"{journal}{suffix}", f"{kept}{suffix}")
                moved.append((Path(f"{journal}{suffix}"), Path(f"{kept}{suffix}")))
    except OSError as exc:
        for back, aside in reversed(moved):
            os.replace(aside, back)
        raise file_error(exc, journal) from exc
    try:
        with replacing(journal) as tmp:
            try:
                copy = sqlite3.connect(inspection_uri(source), uri=True)
                try:
                    _copy_into(copy, tmp)
                finally:
                    copy.close()
            except sqlite3.Error as exc:
                _raise_for_people(exc, journal)
    except BaseException:
        for back, aside in reversed(moved):
            os.replace(aside, back)
        raise
    log.info("An unusable journal was replaced by a backup copy; it is kept as %s", kept.name)
    return kept


# --- the open journal -----------------------------------------------------------------------------------------


class Journal:
    """An open journal file. Use `read()` and `write()` for short units of work.

    `command` names the program for the busy note ("import", "reading add"; "" for the window): another program
    that finds the journal busy tells whose work it waits for."""

    def __init__(self, path: Path, engine: Engine, command: str = "") -> None:
        self.path = path
        self.engine = engine
        self.command = command
        self._write_engine = engine.execution_options(immediate=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session  # imported by the work that uses the ORM (a read-only command may not)

        try:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                yield session
        except (DBAPIError, sqlite3.Error) as exc:  # SQL sent to the DBAPI connection raises sqlite3's errors
            _raise_for_people(exc, self.path)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One user action: everything inside is committed together, or not at all. A journal another program
        keeps busy longer than BUSY_TIMEOUT raises JournalBusy; a full disk or a read-only file a JournalFileError;
        in every case nothing was changed."""
        from sqlalchemy.orm import Session

        try:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                session.connection()  # BEGIN IMMEDIATE: the write lock is taken (or waited for) here
                with busy.writing(self.path, self.command):  # removed before the commit, while still holding it
                    yield session
        except (DBAPIError, sqlite3.Error) as exc:  # SQL sent to the DBAPI connection raises sqlite3's errors
            _raise_for_people(exc, self.path)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno in NOT_ALLOWED:
            raise JournalFileError(
                msg(
                    "The data folder {folder} cannot be created: the folder it belongs in is read-only. Choose "
                    "another data folder.",
                    folder=folder,
                )
            ) from exc
        raise JournalFileError(msg(
            "The data folder {folder} cannot be created: {strerror}.",
            folder=folder,
            strerror=exc.strerror,
        )) from exc


def _place_new(tmp: Path, path: Path) -> bool:
    """Give the finished new journal its name, unless another program created one meanwhile (False)."""
    try:
        if os.name == "nt":
            os.rename(tmp, path)  # never replaces an existing file on Windows
            return True
        try:
            os.link(tmp, path)  # never replaces an existing file
        except FileExistsError:
            return False
        except OSError as exc:  # a file system without hard links (FAT on a USB stick)
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            if path.exists():
                return False
            os.rename(tmp, path)
            return True
        os.unlink(tmp)
        return True
    except FileExistsError:
        return False


def _create(path: Path) -> bool:
    """Create a new journal at head: built under a temporary name beside it, flushed to the disk, then named.
    So a journal file that exists is never an unfinished new one (an interrupted first start leaves no
    `journal.sqlite3`), and an empty one is refused as damaged. False if another program created it first."""
    tmp = temporary_beside(path)
    engine = _make_engine(tmp)
    try:
        try:
            with engine.begin() as connection:
                create_at_head(connection)
            engine.dispose()  # the last connection checkpoints and removes the WAL: one complete file
            fd = os.open(tmp, os.O_RDWR)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            placed = _place_new(tmp, path)
        except (sqlite3.Error, DBAPIError) as exc:
            _raise_for_people(exc, path)
        except OSError as exc:
            raise file_error(exc, path) from exc
    finally:
        engine.dispose()
        remove_with_side_files(tmp)
    if placed:
        log.info("New journal created at revision %s", head_revision())
    return placed


def open_journal(path: Path, *, backup_dir: Path | None = None, command: str = "") -> Journal:
    """Open (creating or upgrading as needed) the journal at `path`.

    A missing journal is created; an existing one is first inspected without writing or creating anything
    beside it. An older file is first copied to `backup_dir` (default: a `backups` folder beside it). A
    corrupt, empty, foreign or newer file, or a read-only one, raises JournalFileError and is not touched.
    """
    path = Path(path)
    check_writable(path)
    state = inspect_file(path)
    if not path.exists():
        _make_folder(path.parent)
        check_writable(path)
        if not _create(path):
            state = inspect_file(path)  # another program created it first: use theirs
    head = head_revision()
    if state.revision and state.revision != head:
        folder = backup_dir or path.parent / "backups"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = backup_file(path, folder / f"{path.stem}-before-upgrade-{state.revision}-{stamp}.sqlite3")
        log.info("Journal at revision %s backed up to %s before upgrading to %s", state.revision, copy, head)
    engine = _make_engine(path)
    if state.revision and state.revision != head:
        try:
            with engine.begin() as connection:
                upgrade_to_head(connection)
        except DBAPIError as exc:
            engine.dispose()
            _raise_for_people(exc, path)
    return Journal(path, engine, command)
