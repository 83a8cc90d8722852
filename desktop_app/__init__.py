"""Meter Journal's application layer: bootstrap, command line and the services the UI calls."""

from importlib.metadata import PackageNotFoundError, version

APP_NAME = "Meter Journal"
APP_ID = "MeterJournal"

try:
    __version__ = version("meter-journal")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
