"""Logging to a rotating file beside the journal. Logs name the account number at most: no names,
addresses or passwords."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop_app.paths import log_dir
from desktop_app.portal.redaction import RedactingFilter, quiet_http_loggers

LOG_FILE_NAME = "meter-journal.log"


class QuietFileHandler(RotatingFileHandler):
    """The log file. When it cannot be written (a full disk, a folder made read-only), the record is dropped:
    logging's own report («--- Logging error ---» and a traceback) would reach the person's terminal."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging(data_folder: Path) -> Path | None:
    """Send the app's log records to a file; returns its path (None if the folder is not writable)."""
    folder = log_dir(data_folder)
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = QuietFileHandler(folder / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())  # sap-password, Authorization and known passwords never reach the file
    quiet_http_loggers()
    for old in [h for h in root.handlers if getattr(h, "meter_journal", False)]:
        root.removeHandler(old)
        old.close()
    handler.meter_journal = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return folder / LOG_FILE_NAME
