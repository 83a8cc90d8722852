"""One sync at a time per journal: an OS file lock (between processes: the window and a `sync` command) plus a
thread lock (between threads of one process, which an OS lock does not separate)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import IO

from journal.messages import msg

_thread_locks: dict[str, threading.Lock] = {}
_registry_lock = threading.Lock()


class SyncBusy(Exception):
    """Another sync of the same journal is running."""


def try_lock(handle: IO[bytes]) -> bool:
    """An OS lock on the open (empty) file, without waiting: False when another process holds it. The system
    releases it when the file is closed or the process ends, so a killed program leaves no stale lock."""
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(handle: IO[bytes]) -> None:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class SyncLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        key = str(path.resolve())
        with _registry_lock:
            self._thread_lock = _thread_locks.setdefault(key, threading.Lock())
        self._handle: IO[bytes] | None = None

    def __enter__(self) -> SyncLock:
        if not self._thread_lock.acquire(blocking=False):
            raise SyncBusy(msg("Another sync with the portal is running for this journal."))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = self.path.open("a+b")
            if not try_lock(handle):
                handle.close()
                raise SyncBusy(msg("Another program is syncing this journal with the portal right now."))
            self._handle = handle
        except BaseException:
            self._thread_lock.release()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        try:
            if self._handle is not None:
                unlock(self._handle)
                self._handle.close()
                self._handle = None
        finally:
            self._thread_lock.release()
