"""Who is writing to the journal: a small note beside it while a write transaction is open.

SQLite lets one program write at a time; another one waits (the busy timeout) and is then refused. To say which
program holds the journal, each write transaction — once it holds SQLite's write lock — leaves a note
`journal.sqlite3-writer` with its process id, its command and the time, and removes it before it commits. A note
left by a killed program names a process that no longer runs, so it is ignored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from journal.errors import JournalBusy
from journal.messages import msg

BUSY_TIMEOUT = 15.0  # seconds a write waits for another program's write to finish before the journal is "busy"

NOTE_SUFFIX = "-writer"


@dataclass(frozen=True)
class WriterNote:
    pid: int
    command: str  # the command line's subcommand ("import", "reading add"); "" for the window
    since: datetime


def note_path(journal: Path) -> Path:
    return Path(f"{journal}{NOTE_SUFFIX}")


@contextmanager
def writing(journal: Path, command: str) -> Iterator[None]:
    """Leave the note for the duration of the block (call it while holding the write lock). Best effort: a note
    that cannot be written only makes a busy message less precise."""
    path = note_path(journal)
    text = json.dumps({"pid": os.getpid(), "command": command, "since": datetime.now().isoformat(timespec="seconds")})
    part = path.with_name(f"{path.name}.{os.getpid()}")
    try:  # written whole, then named: another program never reads half a note
        part.write_text(text, encoding="utf-8")
        os.replace(part, path)
        written = True
    except OSError:
        part.unlink(missing_ok=True)
        written = False
    try:
        yield
    finally:
        if written:
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass


def read_note(journal: Path) -> WriterNote | None:
    try:
        data = json.loads(note_path(journal).read_text(encoding="utf-8"))
        return WriterNote(int(data["pid"]), str(data.get("command") or ""), datetime.fromisoformat(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows: os.kill would end the process
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def busy_error(journal: Path) -> JournalBusy:
    """The refusal when the journal stayed busy for the whole busy timeout, naming the writer when it is known."""
    note = read_note(journal)
    if note is None or not process_alive(note.pid):
        return JournalBusy(
            msg(
                "The journal {journal} is busy: another Meter Journal window or command, or another program, is "
                "writing to it. Nothing was changed; wait a little, then try again.",
                journal=journal,
            )
        )
    since, pid = note.since.strftime("%H:%M:%S"), note.pid
    if note.command:
        command = note.command
        return JournalBusy(
            msg(
                "The journal {journal} is busy: the command «meter-journal {command}» (process {pid}) has been "
                "writing to it since {since}. Nothing was changed; wait until it finishes, then try again.",
                journal=journal,
                command=command,
                pid=pid,
                since=since,
            )
        )
    return JournalBusy(
        msg(
            "The journal {journal} is busy: the Meter Journal window (process {pid}) has been writing to it since "
            "{since}. Nothing was changed; wait until it finishes, then try again.",
            journal=journal,
            pid=pid,
            since=since,
        )
    )
