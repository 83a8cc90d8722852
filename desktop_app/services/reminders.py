"""Reminders: what is due, as plain records.

- a period without a reading in the days its readings are due (the supplier's window, journal.periods: the 15th
  until the cut-off day 25);
- readings still waiting to be sent to the supplier's portal (the outbox: queued, or sent without a confirming
  answer and being checked), for accounts that use the portal;
- a pulled invoice whose due date is near (or passed lately) with nothing paid since it was issued;
- a meter's verification that is due (the window's banner only).

The window asks `due_reminders` for its account; `meter-journal remind` asks `due_now` for every account. This
module is on the reminder's quick path (run at every login): it imports the journal's storage and its queries,
nothing of the window, the portal client or the documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from journal.periods import period_of, readings_due_days
from journal.records import HistoryRow, MeterInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop_app.services.journal_service import JournalService
    from journal.storage.database import Journal
    from journal.storage.models import Account

# A pulled invoice is due for a reminder from this many days before its due date until this many days after it
# (then the next month's invoice takes over), unless a payment was recorded since it was issued.
INVOICE_DAYS_BEFORE = 5
INVOICE_DAYS_AFTER = 30

READING, WAITING, INVOICE = "reading", "waiting", "invoice"  # the order of urgency

# The day the person last saw the reminders (answered the notification, or opened the journal, where the window
# shows them): the notification appears at most once a day. A file beside the journal, not in it: the reminder
# only reads the journal.
SEEN_FILE = "reminders-seen.txt"


@dataclass(frozen=True)
class Reminder:
    kind: str  # "submit" or "verification"
    values: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Due:
    """One thing due for one account. `kind` says which fields are filled in:

    - "reading": `period` has no reading yet; the supplier takes it until `until` (the cut-off day);
    - "waiting": `waiting` readings queued to be sent and `checking` ones sent without a confirming answer;
    - "invoice": the supplier's invoice `invoice`, `amount` still to pay by `until`.
    """

    kind: str
    account: str
    period: str | None = None
    until: date | None = None
    waiting: int = 0
    checking: int = 0
    invoice: str | None = None
    amount: Decimal | None = None


def cutoff_if_due(today: date) -> date | None:
    """The cut-off day of the current period when today is one of the days its readings are due; else None."""
    first, last = readings_due_days(period_of(today))
    return last if first <= today <= last else None


def reading_due(rows: Iterable[HistoryRow], today: date) -> str | None:
    """The current period, when today is one of the days its readings are due and `rows` (an account's
    history) has no reading for it; else None."""
    if cutoff_if_due(today) is None:
        return None
    text = str(period_of(today))
    if any(r.period == text and not r.is_final and r.consumption is not None for r in rows):
        return None
    return text


def due_reminders(service: JournalService, number: str, rows: list[HistoryRow] | None = None) -> list[Reminder]:
    """The window's reminders for one account. `rows`: the account's history when the caller has it already
    (the window does), to avoid reading it again."""
    today = service.today()
    if rows is None and cutoff_if_due(today) is not None:
        rows = service.history(number, include_retired=False)
    return account_reminders(rows or [], service.meters(number), today)


def account_reminders(rows: Iterable[HistoryRow], meters: Iterable[MeterInfo], today: date) -> list[Reminder]:
    """An account's reminders from its history and its meters (the overview's banner and `due_reminders`)."""
    reminders: list[Reminder] = []
    period = reading_due(rows, today)
    if period is not None:
        reminders.append(Reminder("submit", {"period": period}))
    for meter in meters:
        if meter.active and meter.next_verification_year and meter.next_verification_year <= today.year:
            reminders.append(Reminder("verification", {"year": meter.next_verification_year}))
    return reminders


def may_be_due(journal_file: Path, today: date) -> bool:
    """A glance before the exact look (`due_now`): False only when nothing can be due today — outside the days
    readings are due, with no reading waiting for the portal and no unsettled invoice due near today. Read with the
    standard library alone (journal.glance): most days the reminder ends here, without loading SQLAlchemy."""
    if cutoff_if_due(today) is not None:
        return True
    from journal.glance import anything_but_readings_may_be_due

    return anything_but_readings_may_be_due(journal_file, today - timedelta(days=INVOICE_DAYS_AFTER),
                                            today + timedelta(days=INVOICE_DAYS_BEFORE))


def due_now(journal: Journal, today: date) -> list[Due]:
    """Everything due today for every account of the journal, most urgent first: one read transaction."""
    with journal.read() as session:
        return _due(session, today)


def _due(session: Session, today: date) -> list[Due]:
    from journal import accounts, history, meters, outbox, portal_data

    found: list[Due] = []
    cutoff = cutoff_if_due(today)
    for info in accounts.list_accounts(session):
        account = accounts.find_account(session, info.number)
        if cutoff is not None and any(m.active for m in meters.list_meters(session, account)):
            missing = reading_due(history.account_history(session, account, include_retired=False), today)
            if missing is not None:
                found.append(Due(READING, info.number, period=missing, until=cutoff))
        if portal_data.portal_link(session, account) is not None:  # readings wait only for those who send them
            states = [s.status for s in outbox.submissions(session, account) if s.status in outbox.WAITING]
            if states:
                checking = states.count(outbox.SubmissionStatus.SENDING)
                found.append(Due(WAITING, info.number, waiting=len(states) - checking, checking=checking))
        unpaid = _unpaid_invoice(session, account, today)
        if unpaid is not None:
            found.append(unpaid)
    urgency = (READING, WAITING, INVOICE)
    return sorted(found, key=lambda due: urgency.index(due.kind))


def _unpaid_invoice(session: Session, account: Account, today: date) -> Due | None:
    """The account's newest pulled invoice when its due date is near and nothing was paid since it was issued:
    no payment recorded in the journal or on the portal from its date on, and the portal does not show it
    settled."""
    from journal import portal_data

    invoices = [i for i in portal_data.invoices(session, account) if i.due_date is not None]
    if not invoices:
        return None
    newest = max(invoices, key=lambda i: (i.invoice_date or i.due_date, i.due_date))
    due_date = newest.due_date
    assert due_date is not None
    if not due_date - timedelta(days=INVOICE_DAYS_BEFORE) <= today <= due_date + timedelta(days=INVOICE_DAYS_AFTER):
        return None
    remaining = newest.amount_remaining if newest.amount_remaining is not None else newest.amount_due
    if newest.settled or (remaining is not None and remaining <= 0):
        return None
    issued = newest.invoice_date or due_date - timedelta(days=INVOICE_DAYS_AFTER)
    from journal import billing  # only now: its prices and charges are not needed to look at invoices

    paid = [p.paid_on for p in billing.list_payments(session, account)]
    paid += [p.paid_on for p in portal_data.payments(session, account) if p.paid_on is not None]
    if any(day >= issued for day in paid):
        return None
    return Due(INVOICE, newest.account, until=due_date, invoice=newest.invoice_id, amount=remaining)


def seen_today(folder: Path, today: date) -> bool:
    try:
        return (Path(folder) / SEEN_FILE).read_text(encoding="ascii").strip() == today.isoformat()
    except (OSError, ValueError):
        return False


def mark_seen(folder: Path, today: date) -> None:
    """Best effort: a folder that cannot be written only means the notification may come again today."""
    try:
        (Path(folder) / SEEN_FILE).write_text(today.isoformat(), encoding="ascii")
    except OSError:
        pass
