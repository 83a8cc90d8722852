"""`meter-journal remind --wait`: the reminder's daily round while the person is logged in.

Started at login by the autostart entry (desktop_app.autostart), or by the window when the person turns the
reminder on. It runs `meter-journal remind` at once, then every day at CHECK_HOUR (or as soon as the computer is
awake after it), and sleeps in between: no window, no tray icon, no journal or Qt libraries of its own — each check
is a short process of its own, which shows the notification when something is due. A reminder still on screen
from the day before is not shown twice.

One waiter per person at a time: it holds an OS lock on `reminder-waiter.lock` in the person's data folder (freed
by the system when the waiter ends, even killed) and writes its process id beside it in `reminder-waiter.pid`,
so that turning the reminder off (in Settings, `meter-journal remind --off`, the uninstallers) stops it.

A waiter rather than the system's scheduler: one mechanism on all three systems (the login entry each system
already has), nothing more to register or to remove, and no administrator rights.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import IO

from desktop_app.portal.lock import try_lock, unlock

log = logging.getLogger(__name__)

LOCK_FILE = "reminder-waiter.lock"
PID_FILE = "reminder-waiter.pid"
CHECK_HOUR = 10  # the daily check after the first one, at login
SLICE_SECONDS = 300.0  # sleeps against the wall clock in short slices: a night of suspend delays nothing


class WaiterRunning(Exception):
    """Another waiter holds the lock."""


class WaiterLock:
    """The one waiter's lock, in `folder` (the person's data folder)."""

    def __init__(self, folder: Path) -> None:
        self.lock_path, self.pid_path = Path(folder) / LOCK_FILE, Path(folder) / PID_FILE
        self._handle: IO[bytes] | None = None

    def __enter__(self) -> WaiterLock:
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        handle = self.lock_path.open("a+b")
        if not try_lock(handle):
            handle.close()
            raise WaiterRunning(str(self.lock_path))
        self._handle = handle
        self.pid_path.write_text(str(os.getpid()), encoding="ascii")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._handle is not None:
            try:
                self.pid_path.unlink(missing_ok=True)
            finally:
                unlock(self._handle)
                self._handle.close()
                self._handle = None


def running_waiter(folder: Path) -> int | None:
    """The process id of the waiter running now (its lock is held), or None."""
    lock_path = Path(folder) / LOCK_FILE
    if not lock_path.is_file():
        return None
    with lock_path.open("a+b") as handle:
        if try_lock(handle):
            unlock(handle)
            return None
    try:
        return int((Path(folder) / PID_FILE).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


def stop_waiter(folder: Path) -> int | None:
    """End the running waiter (the reminder was turned off); its process id, or None when none ran."""
    pid = running_waiter(folder)
    if pid is None or pid == os.getpid():
        return None
    try:
        os.kill(pid, signal.SIGTERM)  # on Windows: TerminateProcess
    except OSError:
        return None
    log.info("The reminder's waiter (process %s) was stopped", pid)
    return pid


def next_check(after: datetime) -> datetime:
    """The next day's check: CHECK_HOUR o'clock the day after `after`."""
    return datetime.combine(after.date() + timedelta(days=1), clock_time(CHECK_HOUR))


def rounds(check: Callable[[], object], *, now: Callable[[], datetime] = datetime.now,
           sleep: Callable[[float], object] = time.sleep, days: int | None = None) -> None:
    """Check now, then once a day: `days` checks, or for ever."""
    done = 0
    while days is None or done < days:
        check()
        done += 1
        if days is not None and done >= days:
            return
        due = next_check(now())
        while (left := (due - now()).total_seconds()) > 0:
            sleep(min(left, SLICE_SECONDS))


class DailyCheck:
    """One check: start `meter-journal remind` (which shows the notification when something is due), unless the
    previous one is still on screen."""

    def __init__(self, command: list[str], start: Callable[[list[str]], subprocess.Popen[bytes]]) -> None:
        self.command, self.start = command, start
        self.shown: subprocess.Popen[bytes] | None = None

    def __call__(self) -> None:
        if self.shown is not None and self.shown.poll() is None:
            log.info("The reminder's notification is still on screen; not shown again")
            return
        self.shown = self.start(self.command)


def wait(journal_folder: Path, lock_folder: Path) -> int:
    """The waiter's life: 0 at once when another one runs; otherwise until the session ends (or it is stopped)."""
    from desktop_app.autostart import program_command, start_program

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # turned off: leave through the lock's clean-up
    try:
        with WaiterLock(lock_folder):
            log.info("The reminder's waiter started (process %s)", os.getpid())
            rounds(DailyCheck([*program_command(), "remind", "--data-dir", str(journal_folder)], start_program))
    except WaiterRunning:
        return 0
    return 0  # pragma: no cover - the rounds never end
