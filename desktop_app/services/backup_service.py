"""Automatic daily backup copies of the journal: one a day, the last N kept, any of them restorable."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from journal.storage.copy_contents import CopyContents, copy_contents
from journal.storage.database import backup_file

log = logging.getLogger(__name__)

AUTO_PREFIX = "auto-"
DEFAULT_KEEP = 10


@dataclass(frozen=True)
class BackupCopy:
    path: Path
    made_at: datetime
    size: int


def list_backups(folder: Path) -> list[BackupCopy]:
    """Every backup copy in the folder, newest first."""
    if not folder.is_dir():
        return []
    copies = [BackupCopy(p, datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size)
              for p in folder.glob("*.sqlite3")]
    return sorted(copies, key=lambda c: c.made_at, reverse=True)


def daily_backup(journal: Path, folder: Path, today: date, keep: int = DEFAULT_KEEP) -> Path | None:
    """Copy the journal once a day (SQLite's online backup, written whole or not at all) and keep the last `keep`
    automatic copies. Returns the new copy, or None when today's copy exists already."""
    if not journal.is_file():
        return None
    target = folder / f"{AUTO_PREFIX}{today.isoformat()}.sqlite3"
    if target.exists():
        return None
    backup_file(journal, target)
    autos = sorted(folder.glob(f"{AUTO_PREFIX}*.sqlite3"), reverse=True)
    for old in autos[max(keep, 1):]:
        old.unlink(missing_ok=True)
    log.info("Daily backup made; %d automatic copies kept", min(len(autos), max(keep, 1)))
    return target


def describe_copy(path: Path) -> CopyContents:
    """What a copy offered for restoring holds (its latest change, its accounts, readings and payments), read
    without opening it as the journal; any thread."""
    return copy_contents(Path(path))
