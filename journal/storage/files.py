"""Files and their errors: what the operating system or SQLite refused, in plain words naming the file; and
writing a file whole or not at all (a temporary name beside it, fsync, rename; removed on failure).

Every message says where (the path) and what to do. The errors are `JournalFileError`s (exit code 2 on the
command line) except a busy journal, a `JournalBusy` (exit code 3: trying again later will work).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal.errors import JournalError, JournalFileError
from journal.messages import Message, msg
from journal.storage.busy import busy_error

DISK_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}
SQLITE_HEADER = b"SQLite format 3\x00"
_SIDE_FILES = ("-journal", "-wal", "-shm")

log = logging.getLogger(__name__)


def damage_of(exc: sqlite3.Error, path: Path) -> Message:
    """What SQLite found wrong in a damaged file, in words a translation carries; SQLite's own English
    ("database disk image is malformed") goes to the log, not into a message for people."""
    log.warning("SQLite refused %s as damaged: %s", path, exc)
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == sqlite3.SQLITE_NOTADB:
        return msg("its beginning is not that of a database")
    return msg("some of its pages cannot be read")



def short_name(path: Path) -> str:
    """A file's name as it fits in a message: a very long one is cut in the middle."""
    name = Path(path).name
    return name if len(name) <= 60 else f"{name[:40]}…{name[-15:]}"


def disk_full(path: Path) -> JournalFileError:
    return JournalFileError(
        msg(
            "There is no room left on the disk for {path}: the disk is full. Nothing was saved there; free some "
            "space on it, then try again.",
            path=path,
        )
    )


def read_only_place(path: Path) -> JournalFileError:
    return JournalFileError(
        msg(
            "{path} cannot be written: it is read-only, or another program (a spreadsheet) has it open. Nothing was "
            "saved; close it there or choose another place, or allow writing to it.",
            path=path,
        )
    )


def file_error(exc: OSError, path: Path, *, writing: bool = True) -> JournalError:
    """A plain-words error for an OSError met while writing (or reading) `path`."""
    path = Path(exc.filename) if exc.filename and not writing else Path(path)
    code = exc.errno
    if code in DISK_FULL:
        return disk_full(path)
    if code in NOT_ALLOWED:
        if writing:
            return read_only_place(path)
        return JournalFileError(msg("Meter Journal may not read {path}: the file's permissions forbid it.", path=path))
    if code == errno.ENAMETOOLONG:
        return JournalFileError(
            msg(
                "The file name {name} is too long. Choose a shorter name (at most 255 characters) and try again.",
                name=short_name(path),
            )
        )
    if code == errno.ENOENT:
        return JournalFileError(msg("There is no file or folder {path}.", path=path))
    if code == errno.EISDIR:
        return JournalFileError(msg("{path} is a folder, not a file: give the file's name.", path=path))
    reason = exc.strerror or str(exc)
    if writing:
        return JournalFileError(msg("{path} could not be written: {reason}.", path=path, reason=reason))
    return JournalFileError(msg("{path} could not be read: {reason}.", path=path, reason=reason))


def database_error(exc: sqlite3.Error, path: Path) -> JournalError | None:
    """A plain-words error for what SQLite refused on the journal (or a copy) at `path`; None for an error
    that is not about the file (a bug: it stays an internal error)."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # the primary result code
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return busy_error(path)
    if code == sqlite3.SQLITE_FULL:
        return disk_full(path)
    if code == sqlite3.SQLITE_READONLY:
        return JournalFileError(
            msg(
                "The journal file {path} is read-only, so nothing can be saved in it. Allow writing to the file and "
                "its folder, or copy the data folder to a place where you may write. Nothing was changed.",
                path=path,
            )
        )
    if code == sqlite3.SQLITE_IOERR:
        return JournalFileError(
            msg(
                "Meter Journal could not write to {path}: the disk is full, or it was removed or is failing. Nothing "
                "was changed; free some space or check the disk, then try again.",
                path=path,
            )
        )
    if code == sqlite3.SQLITE_CANTOPEN:
        return JournalFileError(
            msg(
                "The file {path} cannot be opened: its folder is missing or read-only, or another program does not "
                "let Meter Journal use it.",
                path=path,
            )
        )
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return JournalFileError(
            msg(
                "The journal file {path} is damaged ({detail}). It was left untouched; restore a backup copy.",
                path=path,
                detail=damage_of(exc, path),
            )
        )
    return None


def header_of(path: Path) -> bytes:
    """The first 100 bytes of a file: SQLite's header (b"" for a missing or unreadable file)."""
    try:
        with Path(path).open("rb") as handle:
            return handle.read(100)
    except OSError:
        return b""


def application_id_in(header: bytes) -> int | None:
    """SQLite's application id (big-endian at offset 68) of a database header; None when it is not one."""
    if len(header) < 72 or not header.startswith(SQLITE_HEADER):
        return None
    return int.from_bytes(header[68:72], "big")


def same_file(a: Path, b: Path) -> bool:
    try:
        return Path(a).exists() and Path(b).exists() and Path(a).samefile(b)
    except OSError:
        return False


def remove_with_side_files(path: Path) -> None:
    """Remove a file and SQLite's files beside it (journal, WAL, shared memory); missing ones are fine."""
    for suffix in ("", *_SIDE_FILES):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            pass


def _fsync(path: Path, *, folder: bool = False) -> None:
    if folder and os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY if folder else os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temporary_beside(target: Path) -> Path:
    """A fresh name in the target's folder, short whatever the target's length."""
    return Path(target).parent / f".{Path(target).name[:40]}.{os.urandom(4).hex()}.part"  # as secrets.token_hex(4)


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Write a file whole or not at all. Yields a temporary path beside `target`; when the block ends, the file
    written there is flushed to the disk and renamed to `target` (replacing it); when the block fails, it is
    removed. OSErrors come out as plain-words JournalErrors naming `target`."""
    target = Path(target)
    tmp = temporary_beside(target)
    try:
        try:
            yield tmp
            _fsync(tmp)
            os.replace(tmp, target)
        except BaseException:
            remove_with_side_files(tmp)
            raise
        try:
            _fsync(target.parent, folder=True)
        except OSError:
            pass  # the file is complete; only the rename's durability is left to the file system
    except OSError as exc:
        raise file_error(exc, target) from exc


def write_bytes_whole(target: Path, data: bytes) -> None:
    """`data` under `target`, whole or not at all (see `replacing`)."""
    with replacing(target) as tmp:
        tmp.write_bytes(data)


def check_writable(path: Path) -> None:
    """A journal that cannot be written is refused before anything is opened, naming the read-only place."""
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise JournalFileError(
            msg(
                "The journal file {path} is read-only, so nothing can be saved in it. Allow writing to the file, or "
                "copy the data folder to a place where you may write. It was left untouched.",
                path=path,
            )
        )
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        raise JournalFileError(
            msg(
                "The data folder {folder} is read-only: Meter Journal cannot keep its journal there. Allow writing "
                "to the folder or choose another data folder; nothing was changed.",
                folder=folder,
            )
        )
