"""Meter Journal's application layer: bootstrap, command line and the services the UI calls."""

APP_NAME = "Meter Journal"
APP_ID = "MeterJournal"

# The one place the version is written: pyproject.toml reads it (tool.setuptools.dynamic), the installers and
# the About box show it. A constant rather than importlib.metadata, which costs 15 ms at every start.
__version__ = "0.1.0"
