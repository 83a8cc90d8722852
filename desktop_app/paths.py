"""Where the journal lives: the platform's user data folder, unless overridden.

Order: the `--data-dir` option, then the METER_JOURNAL_DATA_DIR environment variable (tests,
a portable copy on a USB stick), then platformdirs' user data folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from desktop_app import APP_ID
from journal import JOURNAL_FILE_NAME

DATA_DIR_ENV = "METER_JOURNAL_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder as an absolute path, resolved once at the entry (window and CLI alike): a relative
    `--data-dir my-journal` means that folder under the directory the program was started from, and nothing
    later depends on the working directory."""
    if override:
        chosen = Path(override)
    elif env := os.environ.get(DATA_DIR_ENV):
        chosen = Path(env)
    else:
        from platformdirs import user_data_dir  # only here: a folder given (a portable copy) needs none of it

        chosen = Path(user_data_dir(APP_ID, appauthor=False))
    return chosen.expanduser().resolve()


def journal_path(folder: Path) -> Path:
    return folder / JOURNAL_FILE_NAME


def backups_dir(folder: Path) -> Path:
    return folder / "backups"


def log_dir(folder: Path) -> Path:
    """Logs sit beside the journal, so a portable copy carries its own."""
    return folder / "logs"
