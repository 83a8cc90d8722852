"""Storage of the journal: the SQLAlchemy models, the SQLite file and its migrations."""

from journal.storage.database import Journal, open_journal

__all__ = ["Journal", "open_journal"]
