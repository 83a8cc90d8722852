"""Turning the reminders at login on and off from the window: the first start's last step and Settings."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import APP_NAME

log = logging.getLogger(__name__)


def set_reminders(parent: QWidget, folder: Path, on: bool) -> bool:
    """Turn the reminders at login on (for the journal in `folder`) or off; a failure (a read-only settings
    folder) is told, and changes nothing else. True when done."""
    from desktop_app import autostart

    try:
        if on:
            autostart.reminders_on(folder)
        else:
            autostart.reminders_off()
    except OSError as exc:
        log.warning("The reminders could not be turned %s: %s", "on" if on else "off", exc)
        QMessageBox.warning(parent, APP_NAME, QApplication.translate(
            "reminders", "The reminders could not be turned on or off: {error}").format(error=exc.strerror or exc))
        return False
    return True
