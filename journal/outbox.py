"""The outbox of readings for the supplier's portal.

Saving a meter's newest reading, dated within the last 31 days, queues its submission in the same
transaction: the reading and its submission are saved together or not at all. Older readings typed in as
history are not queued. A reading that is replaced, edited, deleted or undone while its submission is still
queued takes the submission with it (cancelled); undoing that brings the submission back.

Exactly once. The sender (desktop_app.portal.sync) claims a submission by marking it `sending` and
committing BEFORE the request goes out. A `sending` row therefore means "a request may have reached the
portal": it is `sent` only when the portal's answer is the stored reading or its data show the reading, and
sent again only after the portal's own data show that it did not arrive — never before `next_attempt_at`
(the settle time: the server may still be working on the request). A row goes back to `queued` only when it is
certain the portal did not store it.

Only readings in force are sent. Replacing, editing, deleting or undoing a reading cancels its submission
while it is queued; a `sending` one is not touched then (the request may have arrived). Instead, the claim
before every send or resend checks that the reading is still in force with the same values, and cancels the
submission of a withdrawn one; and a `sending` one found absent from the portal is cancelled, not sent again,
when its reading has been withdrawn meanwhile. An edit or replacement queues the new values as a submission
of their own.

Everything here is plain SQL through the session: no network, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from journal.storage.models import Account, Change, Meter, Reading, ReadingStatus, Submission, SubmissionStatus
from journal.zones import TariffPlan

SUBMIT_WINDOW_DAYS = 31
SUPPLIER = "samaraenergo"
WAITING = (SubmissionStatus.QUEUED, SubmissionStatus.SENDING)
MAX_TEXT = 500

SMS_NUMBER = "1163"
CALL_CENTRE_PHONE = "8-800-775-83-37"
DEADLINE_DAYS = (24, 25)

# What a person sees per reading.
STATE_WAITING = "waiting"
STATE_CHECKING = "checking"  # a request went out and no answer confirmed it: the portal is asked later
STATE_SENT = "sent"
STATE_ACCEPTED = "accepted"
STATE_REJECTED = "rejected"
STATE_CANCELLED = "cancelled"
_STATE = {
    SubmissionStatus.QUEUED: STATE_WAITING,
    SubmissionStatus.SENDING: STATE_CHECKING,
    SubmissionStatus.SENT: STATE_SENT,
    SubmissionStatus.ACCEPTED: STATE_ACCEPTED,
    SubmissionStatus.REJECTED: STATE_REJECTED,
    SubmissionStatus.CANCELLED: STATE_CANCELLED,
}
STATE_TEXT = {
    STATE_WAITING: "waiting to be sent",
    STATE_CHECKING: "not confirmed yet: being checked with the supplier",
    STATE_SENT: "sent to the supplier",
    STATE_ACCEPTED: "accepted for billing",
    STATE_REJECTED: "rejected",
    STATE_CANCELLED: "not sent (replaced or deleted)",
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
    def state(self) -> str:
        """waiting, checking, sent, accepted, rejected or cancelled."""
        return _STATE.get(self.status, STATE_WAITING)

    @property
    def text(self) -> str:
        text = STATE_TEXT[self.state]
        if self.state == STATE_REJECTED:
            reason = self.portal_message or self.last_error
            return f"{text}: {reason}" if reason else text
        if self.state in (STATE_WAITING, STATE_CHECKING) and self.last_error:
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


@dataclass(frozen=True, slots=True)
class DeadlineWarning:
    """A reading still waiting on the 24th or 25th: the supplier takes readings until the 25th."""

    account: str
    reading_id: int
    period: str
    taken_on: date
    values: tuple[int, ...]
    sms_text: str  # e.g. 001#1200;600
    sms_number: str
    phone: str
    message: str


def _now() -> datetime:
    return datetime.now()


def _clip(text: str | None) -> str | None:
    return None if text is None else text[:MAX_TEXT]


def _values(reading: Reading, zones: int) -> tuple[int, ...]:
    return (reading.t1, reading.t2, reading.t3)[:zones]  # type: ignore[return-value]


def in_submit_window(taken_on: date, today: date) -> bool:
    """Dated within the last 31 days: only such a reading may be queued (a bulk import asks this first)."""
    return today - timedelta(days=SUBMIT_WINDOW_DAYS) <= taken_on <= today


def _qualifies(session: Session, reading: Reading, today: date) -> bool:
    """The meter's newest reading in force, dated within the last 31 days, of a Samaraenergo account."""
    if reading.status != ReadingStatus.ACTIVE or reading.is_final:
        return False
    if not in_submit_window(reading.taken_on, today):
        return False
    meter = session.get_one(Meter, reading.meter_id)
    account = session.get_one(Account, meter.account_id)
    if account.supplier != SUPPLIER or meter.removed_on is not None:
        return False
    newer = session.scalar(
        select(Reading.id).where(
            Reading.meter_id == reading.meter_id, Reading.status == ReadingStatus.ACTIVE, Reading.id != reading.id,
            Reading.taken_on > reading.taken_on,
        ).limit(1)
    )
    return newer is None


def _submission_of(session: Session, reading_id: int) -> Submission | None:
    return session.scalar(select(Submission).where(Submission.reading_id == reading_id))


def cancel(session: Session, reading_id: int) -> bool:
    """Cancel a reading's submission if it is still only queued; True if one was cancelled."""
    submission = _submission_of(session, reading_id)
    if submission is None or submission.status != SubmissionStatus.QUEUED:
        return False
    submission.status = SubmissionStatus.CANCELLED
    submission.last_error = None
    submission.updated_at = _now()
    session.flush()
    return True


def queue(session: Session, reading_id: int, today: date) -> Submission | None:
    """Queue a reading's submission if it qualifies (see the module's notes); a cancelled one comes back."""
    reading = session.get(Reading, reading_id)
    if reading is None or not _qualifies(session, reading, today):
        return None
    now = _now()
    submission = _submission_of(session, reading_id)
    if submission is None:
        submission = Submission(reading_id=reading_id, status=SubmissionStatus.QUEUED, attempts=0,
                                created_at=now, updated_at=now)
        session.add(submission)
    elif submission.status == SubmissionStatus.CANCELLED:
        submission.status = SubmissionStatus.QUEUED
        submission.next_attempt_at = None
        submission.updated_at = now
    session.flush()
    return submission


def reading_saved(session: Session, reading_id: int, today: date, *,
                  replaced: Iterable[int] | None = None) -> Submission | None:
    """After add or edit: the readings it replaced lose their queued submissions; it is queued if it qualifies.
    `replaced`: those readings when the caller knows them (an import), which saves searching every reading."""
    if replaced is None:
        replaced = session.scalars(select(Reading.id).where(Reading.replaced_by_id == reading_id))
    for old_id in replaced:
        cancel(session, old_id)
    return queue(session, reading_id, today)


def reading_retired(session: Session, reading_id: int) -> None:
    """After a delete: a still-queued submission of the reading is cancelled."""
    cancel(session, reading_id)


def last_change_id(session: Session) -> int | None:
    """The change `undo` is about to undo (call before undoing, inside the same transaction)."""
    return session.scalar(select(Change.id).where(Change.undone_at.is_(None)).order_by(Change.id.desc()).limit(1))


def after_undo(session: Session, change_id: int | None, today: date) -> None:
    """After an undo: the reading it retired loses its queued submission; the one it restored gets its back."""
    if change_id is None:
        return
    change = session.get(Change, change_id)
    if change is None or change.undone_at is None:
        return
    if change.reading_id is not None:
        cancel(session, change.reading_id)
    if change.previous_id is not None:
        submission = _submission_of(session, change.previous_id)
        if submission is not None and submission.status == SubmissionStatus.CANCELLED:
            queue(session, change.previous_id, today)


# --- reading the outbox -------------------------------------------------------------------------------------

_INFO_COLUMNS = (Submission, Reading, Meter.serial, Account.number, Meter.plan)  # the reading's own zones


def _info(row: tuple[Submission, Reading, str, str, str]) -> SubmissionInfo:
    s, r, serial, number, plan = row
    return SubmissionInfo(
        id=s.id, reading_id=s.reading_id, account=number, meter_serial=serial, period=r.period, taken_on=r.taken_on,
        values=_values(r, TariffPlan(plan).zone_count), status=s.status, attempts=s.attempts,
        next_attempt_at=s.next_attempt_at, last_error=s.last_error, portal_message=s.portal_message,
        portal_reading_id=s.portal_reading_id, created_at=s.created_at, updated_at=s.updated_at,
    )


def _joined():  # type: ignore[no-untyped-def]
    return (select(*_INFO_COLUMNS).join(Reading, Reading.id == Submission.reading_id)
            .join(Meter, Meter.id == Reading.meter_id).join(Account, Account.id == Meter.account_id))


def submissions(session: Session, account: Account | None = None) -> list[SubmissionInfo]:
    """Every submission (of one account, or all), oldest reading first."""
    query = _joined()
    if account is not None:
        query = query.where(Account.id == account.id)
    return [_info(row) for row in session.execute(query.order_by(Reading.taken_on, Submission.id))]  # type: ignore[arg-type]


def submission(session: Session, submission_id: int) -> SubmissionInfo:
    return _info(session.execute(_joined().where(Submission.id == submission_id)).one())  # type: ignore[arg-type]


def waiting_count(session: Session, account: Account | None = None) -> int:
    return sum(1 for s in submissions(session, account) if s.status in WAITING)


def pending(session: Session, account_ids: list[int] | None = None) -> list[PendingSubmission]:
    """Submissions to send (queued) or to verify (sending), per meter in the order of their readings."""
    query = _joined().where(Submission.status.in_(WAITING))
    if account_ids is not None:
        query = query.where(Account.id.in_(account_ids))
    result = []
    for s, r, serial, number, plan in session.execute(query.order_by(Meter.id, Reading.taken_on, Reading.id)):
        zones = TariffPlan(plan).zone_count
        result.append(PendingSubmission(
            id=s.id, status=s.status, attempts=s.attempts, next_attempt_at=s.next_attempt_at, reading_id=r.id,
            taken_on=r.taken_on, values=_values(r, zones), rollover=r.rollover, account_id=r.meter.account_id,
            account=number, plan=TariffPlan(plan), meter_id=r.meter_id, meter_serial=serial, updated_at=s.updated_at,
        ))
    return result


def sent_not_accepted(session: Session, account_ids: list[int] | None = None) -> list[PendingSubmission]:
    """Sent submissions whose acceptance for billing is not known yet."""
    query = _joined().where(Submission.status == SubmissionStatus.SENT)
    if account_ids is not None:
        query = query.where(Account.id.in_(account_ids))
    result = []
    for s, r, serial, number, plan in session.execute(query.order_by(Meter.id, Reading.taken_on)):
        result.append(PendingSubmission(
            id=s.id, status=s.status, attempts=s.attempts, next_attempt_at=s.next_attempt_at, reading_id=r.id,
            taken_on=r.taken_on, values=_values(r, TariffPlan(plan).zone_count), rollover=r.rollover,
            account_id=r.meter.account_id, account=number, plan=TariffPlan(plan), meter_id=r.meter_id,
            meter_serial=serial, updated_at=s.updated_at,
        ))
    return result


# --- the sender's state changes -----------------------------------------------------------------------------


CLAIMED = "claimed"
WITHDRAWN = "withdrawn"
TAKEN = "taken"


def in_force(session: Session, reading_id: int, values: tuple[int, ...] | None = None) -> bool:
    """The reading is still in force (not replaced, edited, deleted or undone) and holds these values."""
    reading = session.get(Reading, reading_id)
    if reading is None or reading.status != ReadingStatus.ACTIVE:
        return False
    return values is None or _values(reading, len(values)) == tuple(values)


def withdrawn_as(session: Session, reading_id: int) -> str:
    """What became of a reading no longer in force: superseded, edited, deleted or undone ("" if in force)."""
    reading = session.get(Reading, reading_id)
    return "" if reading is None or reading.status == ReadingStatus.ACTIVE else reading.status


def claim(session: Session, submission_id: int, now: datetime, values: tuple[int, ...] | None = None, *,
          check_after: datetime | None = None) -> str:
    """queued → sending, before the request goes out (commit right after): CLAIMED; TAKEN if it is no longer
    queued; WITHDRAWN (and cancelled) if its reading is no longer in force with `values`. `check_after`: should the
    request get no answer, when the portal may be asked whether it arrived (it may still be working on it)."""
    submission = session.get(Submission, submission_id)
    if submission is None or submission.status != SubmissionStatus.QUEUED:
        return TAKEN
    if not in_force(session, submission.reading_id, values):
        withdraw(session, submission_id, now)
        return WITHDRAWN
    result = session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == SubmissionStatus.QUEUED)
        .values(status=SubmissionStatus.SENDING, attempts=Submission.attempts + 1, updated_at=now,
                next_attempt_at=check_after)
    )
    return CLAIMED if result.rowcount == 1 else TAKEN  # type: ignore[attr-defined]


def withdraw(session: Session, submission_id: int, now: datetime) -> None:
    """Cancelled by the sender: its reading was withdrawn, and the portal does not hold it (or it never went out)."""
    s = _get(session, submission_id)
    s.status = SubmissionStatus.CANCELLED
    s.last_error = None
    s.next_attempt_at = None
    s.updated_at = now


def _get(session: Session, submission_id: int) -> Submission:
    return session.get_one(Submission, submission_id)


def mark_sent(session: Session, submission_id: int, now: datetime, *, portal_reading_id: str | None,
              accepted: bool, note: str | None = None) -> None:
    s = _get(session, submission_id)
    s.status = SubmissionStatus.ACCEPTED if accepted else SubmissionStatus.SENT
    s.portal_reading_id = portal_reading_id
    s.last_error = _clip(note)
    s.next_attempt_at = None
    s.updated_at = now


def mark_accepted(session: Session, submission_id: int, now: datetime) -> None:
    s = _get(session, submission_id)
    if s.status == SubmissionStatus.SENT:
        s.status = SubmissionStatus.ACCEPTED
        s.updated_at = now


def mark_rejected(session: Session, submission_id: int, now: datetime, *, portal_message: str | None,
                  reason: str | None = None) -> None:
    """Refused: by the portal (its own message) or by the check before sending (`reason`)."""
    s = _get(session, submission_id)
    s.status = SubmissionStatus.REJECTED
    s.portal_message = _clip(portal_message)
    s.last_error = _clip(reason)
    s.next_attempt_at = None
    s.updated_at = now


def release(session: Session, submission_id: int, now: datetime, *, error: str | None,
            next_attempt_at: datetime | None, count_attempt: bool = False) -> None:
    """Back to queued: certain the portal did not store it (the request never went out, or the portal's data show
    it did not arrive)."""
    s = _get(session, submission_id)
    s.status = SubmissionStatus.QUEUED
    if count_attempt:
        s.attempts += 1
    s.last_error = _clip(error)
    s.next_attempt_at = next_attempt_at
    s.updated_at = now


def keep_uncertain(session: Session, submission_id: int, now: datetime, *, error: str,
                   next_attempt_at: datetime | None) -> None:
    """Stays `sending`: the request may have arrived; the portal must be asked before sending again."""
    s = _get(session, submission_id)
    s.status = SubmissionStatus.SENDING
    s.last_error = _clip(error)
    s.next_attempt_at = next_attempt_at
    s.updated_at = now


def note_error(session: Session, submission_id: int, now: datetime, *, error: str,
               next_attempt_at: datetime | None) -> None:
    """A queued submission that could not be sent this time (e.g. its meter is not found on the portal)."""
    s = _get(session, submission_id)
    s.last_error = _clip(error)
    s.next_attempt_at = next_attempt_at
    s.updated_at = now


# --- the deadline -----------------------------------------------------------------------------------------------


def sms_text(values: tuple[int, ...]) -> str:
    """The SMS to 1163 (docs/DOMAIN.md): 001#V or 001#V;V or 001#V;V;V in the journal's zone order."""
    return "001#" + ";".join(str(v) for v in values)


def deadline_warnings(session: Session, today: date) -> list[DeadlineWarning]:
    """On the 24th and 25th, each reading still waiting to be sent, with the SMS text and the phone."""
    if today.day not in DEADLINE_DAYS:
        return []
    result = []
    for info in submissions(session):
        if info.status not in WAITING:
            continue
        text = sms_text(info.values)
        result.append(DeadlineWarning(
            account=info.account, reading_id=info.reading_id, period=info.period, taken_on=info.taken_on,
            values=info.values, sms_text=text, sms_number=SMS_NUMBER, phone=CALL_CENTRE_PHONE,
            message=(
                f"The reading of {info.taken_on.isoformat()} for the account {info.account} has not reached the "
                f"supplier yet, and readings are taken until the 25th. Send it by SMS to {SMS_NUMBER}: "
                f"{text} (from the phone bound to the account), or call {CALL_CENTRE_PHONE} (free) and dictate "
                "the account number and the readings."
            ),
        ))
    return result
