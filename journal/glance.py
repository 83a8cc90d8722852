"""A glance at the journal file with the standard library alone: could anything but a reading be due?

The reminder runs at every login, mostly on days when nothing is due. Before it opens the journal properly (with
SQLAlchemy: a third of a second of imports, more on an old laptop), it asks this: are readings waiting to be sent
for an account that uses the portal, or is an unsettled invoice due near today? Each condition is looser than the
exact rule it stands for (desktop_app.services.reminders: the newest invoice only, and none when a payment was
recorded), so a glance may say "maybe" when nothing is due, never "no" when something is; the exact look decides.
Anything unexpected — not our file, an older schema, a lock — is a "maybe" too, for the exact look to explain.

The file is only read: opened read-only, as immutable while no program has it open (no `-wal` beside it), so that
nothing is created beside it (as journal.storage.schema.inspection_uri does; that package loads SQLAlchemy).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

# The outbox's states of a reading not yet confirmed as sent (journal.outbox.WAITING), and the portal's status of a
# settled invoice (journal.portal_data.invoices): a test keeps them equal.
WAITING_STATES = ("queued", "sending")
SETTLED_STATUS = "9"

_GLANCE_SQL = f"""
SELECT EXISTS (
    SELECT 1 FROM submissions AS s
    JOIN readings AS r ON r.id = s.reading_id
    JOIN meters AS m ON m.id = r.meter_id
    JOIN portal_accounts AS p ON p.account_id = m.account_id
    WHERE s.status IN ({", ".join("?" for _ in WAITING_STATES)})
) OR EXISTS (
    SELECT 1 FROM portal_invoices
    WHERE due_date BETWEEN ? AND ? AND COALESCE(status_id, '') <> ?
)
"""


def _read_only_uri(path: Path) -> str:
    uri = path.resolve().as_uri()
    return f"{uri}?mode=ro" if Path(f"{path}-wal").exists() else f"{uri}?mode=ro&immutable=1"


def anything_but_readings_may_be_due(path: Path, invoices_due_from: date, invoices_due_to: date) -> bool:
    """True when readings may be waiting to be sent, or an invoice due between the two days may be unpaid."""
    try:
        connection = sqlite3.connect(_read_only_uri(Path(path)), uri=True)
        try:
            row = connection.execute(_GLANCE_SQL, (*WAITING_STATES, invoices_due_from.isoformat(),
                                                   invoices_due_to.isoformat(), SETTLED_STATUS)).fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return True
    return bool(row and row[0])
