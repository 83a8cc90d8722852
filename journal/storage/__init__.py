"""Storage of the journal: the SQLAlchemy models, the SQLite file and its migrations."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.storage.database import Journal, open_journal

__all__ = ["Journal", "open_journal"]


def __getattr__(name: str) -> object:
    """`Journal` and `open_journal` on first use: the package's light modules (files, schema, statuses,
    read_only) are imported without SQLAlchemy."""
    if name in __all__:
        from journal.storage import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
