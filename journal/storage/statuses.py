"""The states a reading's row can be in: plain values, importable without SQLAlchemy's ORM (the history reads
them with SQL alone)."""

from __future__ import annotations


class ReadingStatus:
    ACTIVE = "active"  # the reading in force
    SUPERSEDED = "superseded"  # replaced by another reading for the same period, on the user's confirmation
    EDITED = "edited"  # replaced by its corrected version
    DELETED = "deleted"  # deleted by the user
    UNDONE = "undone"  # its creation was undone
