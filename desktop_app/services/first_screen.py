"""The window's first screen, read while the journal opens: the accounts and the shown account's history, with
the standard library's sqlite3 alone (journal.storage.read_only) — before SQLAlchemy is imported, a third of a
second on this machine and more on an old laptop.

Only a journal that is there already, at the head revision, and passes open_journal's checks is read this way;
anything else (missing, older, damaged, foreign, newer, busy, no account yet) gives None, and the start goes its
usual way, with its usual messages, through open_journal. The records are the overview's (JournalService.list_accounts,
and desktop_app.services.overview's rows and plan changes): a test compares them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from journal import history
from journal.records import AccountInfo, HistoryRow
from journal.storage import read_only

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FirstScreen:
    accounts: list[AccountInfo]  # in the account bar's order
    account: AccountInfo  # the one the window shows: the last one shown, else the first
    rows: list[HistoryRow]
    plan_changes: set[tuple[str, date]]


def read_first_screen(path: Path, wanted: str) -> FirstScreen | None:
    """The first screen of the journal at `path`, showing the account `wanted` if it has it; None when the journal
    must be opened the full way first (or has no account yet: the welcome)."""
    try:
        if not read_only.is_current(path):
            return None
        with read_only.reading(path) as connection:
            accounts = history.all_accounts(connection)
            if not accounts:
                return None
            account = next((a for a in accounts if a.number == wanted), accounts[0])
            rows = list(history.history_rows(connection, account.id))
            changes = set(history.plan_changes(connection, account.id))
    except Exception:  # any doubt: the full way says what is wrong, in its words
        log.debug("The first screen was not read ahead", exc_info=True)
        return None
    return FirstScreen(accounts, account, rows, changes)

