"""Reading the outbox: each reading's submission as a person sees it (its state), and what the sender needs.

The stored status (journal.storage.models.SubmissionStatus: queued, sending, sent, accepted, rejected, cancelled)
is the sender's; a person sees a `SubmissionState`: waiting, checking (a request went out without a confirming
answer: the portal is asked later), sent, accepted, rejected, cancelled. Each front end names the states in its
own words: the command line through `SubmissionInfo.text` (English), the window through `ui.texts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from journal.consumption import zone_values
from journal.storage.models import Account, Meter, Reading, Submission, SubmissionStatus
from journal.zones import TariffPlan

WAITING = (SubmissionStatus.QUEUED, SubmissionStatus.SENDING)


class SubmissionState(StrEnum):
    """What a person sees per reading (equal to its string: "waiting", "checking", ...)."""

    WAITING = "waiting"
    CHECKING = "checking"  # a request went out and no answer confirmed it: the portal is asked later
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


STATE_OF_STATUS = {
    SubmissionStatus.QUEUED: SubmissionState.WAITING,
    SubmissionStatus.SENDING: SubmissionState.CHECKING,
    SubmissionStatus.SENT: SubmissionState.SENT,
    SubmissionStatus.ACCEPTED: SubmissionState.ACCEPTED,
    SubmissionStatus.REJECTED: SubmissionState.REJECTED,
    SubmissionStatus.CANCELLED: SubmissionState.CANCELLED,
}

# The states in the command line's words (the window has its own, ui.texts.submission_state_name).
STATE_TEXT = {
    SubmissionState.WAITING: "waiting to be sent",
    SubmissionState.CHECKING: "not confirmed yet: being checked with the supplier",
    SubmissionState.SENT: "sent to the supplier",
    SubmissionState.ACCEPTED: "accepted for billing",
    SubmissionState.REJECTED: "rejected",
    SubmissionState.CANCELLED: "not sent (replaced or deleted)",
}


@dataclass(frozen=True, slots=True)
class SubmissionInfo:
    """A reading's submission, as the history shows it."""

    id: int
    reading_id: int
    account: str
    meter_serial: str
    period: str
    taken_on: date
    values: tuple[int, ...]
    status: str  # queued, sending, sent, accepted, rejected, cancelled
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    portal_message: str | None  # the portal's own (Russian) words, for a rejection
    portal_reading_id: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def state(self) -> SubmissionState:
        return STATE_OF_STATUS.get(self.status, SubmissionState.WAITING)

    @property
    def text(self) -> str:
        """The state in the command line's words, with why it was rejected or why it still waits."""
        state = self.state
        text = STATE_TEXT[state]
        if state is SubmissionState.REJECTED:
            reason = self.portal_message or self.last_error
            return f"{text}: {reason}" if reason else text
        if state in (SubmissionState.WAITING, SubmissionState.CHECKING) and self.last_error:
            return f"{text} ({self.last_error})"
        return text


@dataclass(frozen=True, slots=True)
class PendingSubmission:
    """What the sender needs to send one submission."""

    id: int
    status: str
    attempts: int
    next_attempt_at: datetime | None
    reading_id: int
    taken_on: date
    values: tuple[int, ...]
    rollover: bool
    account_id: int
    account: str
    plan: TariffPlan
    meter_id: int
    meter_serial: str
    updated_at: datetime | None = None


def reading_values(reading: Reading, zones: int) -> tuple[int, ...]:
    return zone_values((reading.t1, reading.t2, reading.t3)[:zones])


_COLUMNS = (Submission, Reading, Meter.serial, Account.number, Meter.plan)  # the reading's own zones


def _joined() -> Select[Submission, Reading, str, str, str]:
    return (select(*_COLUMNS).join(Reading, Reading.id == Submission.reading_id)
            .join(Meter, Meter.id == Reading.meter_id).join(Account, Account.id == Meter.account_id))


def _info(row: tuple[Submission, Reading, str, str, str]) -> SubmissionInfo:
    s, r, serial, number, plan = row
    return SubmissionInfo(
        id=s.id, reading_id=s.reading_id, account=number, meter_serial=serial, period=r.period, taken_on=r.taken_on,
        values=reading_values(r, TariffPlan(plan).zone_count), status=s.status, attempts=s.attempts,
        next_attempt_at=s.next_attempt_at, last_error=s.last_error, portal_message=s.portal_message,
        portal_reading_id=s.portal_reading_id, created_at=s.created_at, updated_at=s.updated_at,
    )


def submissions(session: Session, account: Account | None = None) -> list[SubmissionInfo]:
    """Every submission (of one account, or all), oldest reading first."""
    query = _joined()
    if account is not None:
        query = query.where(Account.id == account.id)
    return [_info(row) for row in session.execute(query.order_by(Reading.taken_on, Submission.id))]


def submission(session: Session, submission_id: int) -> SubmissionInfo:
    return _info(session.execute(_joined().where(Submission.id == submission_id)).one())


def waiting_count(session: Session, account: Account | None = None) -> int:
    return sum(1 for s in submissions(session, account) if s.status in WAITING)


def pending(session: Session, account_ids: list[int] | None = None,
            statuses: Iterable[str] = WAITING) -> list[PendingSubmission]:
    """Submissions in these statuses — by default those to send (queued) or to verify (sending); `(SENT,)`: those
    whose acceptance for billing is not known yet — per meter in the order of their readings."""
    query = _joined().where(Submission.status.in_(tuple(statuses)))
    if account_ids is not None:
        query = query.where(Account.id.in_(account_ids))
    result = []
    for s, r, serial, number, plan in session.execute(query.order_by(Meter.id, Reading.taken_on, Reading.id)):
        result.append(PendingSubmission(
            id=s.id, status=s.status, attempts=s.attempts, next_attempt_at=s.next_attempt_at, reading_id=r.id,
            taken_on=r.taken_on, values=reading_values(r, TariffPlan(plan).zone_count), rollover=r.rollover,
            account_id=r.meter.account_id, account=number, plan=TariffPlan(plan), meter_id=r.meter_id,
            meter_serial=serial, updated_at=s.updated_at,
        ))
    return result
