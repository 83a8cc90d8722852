"""Unexpected errors: logged in full, shown to the person as a readable message with the log file's place.

A light module (Qt and logging only), so the start installs the hook before the journal's libraries load."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_NAME

log = logging.getLogger(__name__)


def install_exception_hook(log_file: Path | None) -> None:
    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        if QApplication.instance() is not None:
            QMessageBox.critical(None, APP_NAME, QApplication.translate(
                "app", "Something went wrong, but your saved readings are safe. Please restart the program. "
                       "The details are in the log file:\n{path}").format(path=log_file or "—"))

    sys.excepthook = hook


def report_unexpected(error: BaseException) -> None:
    """An error caught off the UI thread, handed to the hook as if it had been raised here."""
    sys.excepthook(type(error), error, error.__traceback__)
