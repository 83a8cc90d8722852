"""Reminders: submit the readings between the 15th and the 25th; a meter's verification that is due."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.services.journal_service import JournalService
from journal.periods import DEFAULT_CUTOFF_DAY, period_of
from journal.records import HistoryRow

REMIND_FROM_DAY = 15


@dataclass(frozen=True)
class Reminder:
    kind: str  # "submit" or "verification"
    values: dict[str, object] = field(default_factory=dict)


def due_reminders(service: JournalService, number: str, rows: list[HistoryRow] | None = None) -> list[Reminder]:
    """`rows`: the account's history when the caller has it already (the window does), to avoid reading it again."""
    today = service.today()
    reminders: list[Reminder] = []
    period = str(period_of(today))
    if REMIND_FROM_DAY <= today.day <= DEFAULT_CUTOFF_DAY:
        if rows is None:
            rows = service.history(number, include_retired=False)
        if not any(r.period == period and not r.is_final and r.consumption is not None for r in rows):
            reminders.append(Reminder("submit", {"period": period}))
    for meter in service.meters(number):
        if meter.active and meter.next_verification_year and meter.next_verification_year <= today.year:
            reminders.append(Reminder("verification", {"year": meter.next_verification_year}))
    return reminders
