"""The outbox of readings for the supplier's portal: what is queued, the states a submission goes through, and
when a failed one is tried again.

Saving a meter's newest reading, dated within the last 31 days, queues its submission in the same
transaction: the reading and its submission are saved together or not at all. Older readings typed in as
history are not queued. A reading that is replaced, edited, deleted or undone while its submission is still
queued takes the submission with it (cancelled); undoing that brings the submission back.

Exactly once. The sender (desktop_app.portal.delivery) claims a submission by marking it `sending` and
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

States change only through the functions here, along `TRANSITIONS` (any other change raises
`TransitionRefused`); a failed try sets its next one itself (`Backoff`). Reading the outbox:
journal.submissions. Everything here is plain SQL through the session: no network, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from journal.messages import Message, msg
from journal.storage.models import Account, Change, Meter, Reading, ReadingStatus, Submission, SubmissionStatus
from journal.submissions import (
    STATE_TEXT,
    WAITING,
    PendingSubmission,
    SubmissionInfo,
    SubmissionState,
    pending,
    reading_values,
    submission,
    submissions,
    waiting_count,
)
from journal.supplier import DEFAULT_PROFILE, has_portal

__all__ = [
    "STATE_TEXT", "WAITING", "PendingSubmission", "SubmissionInfo", "SubmissionState", "SubmissionStatus",
    "pending", "submission", "submissions", "waiting_count",
]

SUBMIT_WINDOW_DAYS = 31
MAX_TEXT = 500

SMS_NUMBER = DEFAULT_PROFILE.sms_number
CALL_CENTRE_PHONE = DEFAULT_PROFILE.call_centre
DEADLINE_DAYS = (DEFAULT_PROFILE.cutoff_day - 1, DEFAULT_PROFILE.cutoff_day)

Q, S = SubmissionStatus.QUEUED, SubmissionStatus.SENDING
# Where each status may go. `sending` → `queued` only when it is certain the portal does not hold the reading.
TRANSITIONS: dict[str, frozenset[str]] = {
    Q: frozenset({S, SubmissionStatus.REJECTED, SubmissionStatus.CANCELLED}),
    S: frozenset({S, Q, SubmissionStatus.SENT, SubmissionStatus.ACCEPTED, SubmissionStatus.REJECTED,
                  SubmissionStatus.CANCELLED}),
    SubmissionStatus.SENT: frozenset({SubmissionStatus.ACCEPTED}),
    SubmissionStatus.ACCEPTED: frozenset(),
    SubmissionStatus.REJECTED: frozenset(),
    SubmissionStatus.CANCELLED: frozenset({Q}),
}


class TransitionRefused(RuntimeError):
    """A change of state the outbox does not allow (a defect of the caller, never of the person's input)."""


@dataclass(frozen=True)
class Backoff:
    """How long a submission that could not be sent waits before its next try: `first`, doubling with each
    attempt, at most `longest`."""

    first: timedelta = timedelta(minutes=1)
    longest: timedelta = timedelta(hours=6)

    def after(self, attempts: int) -> timedelta:
        return min(self.first * (1 << max(attempts - 1, 0)), self.longest)


BACKOFF = Backoff()


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
    text: Message
    message: str = field(init=False)  # its English (the command line's)

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", str(self.text))


def _now() -> datetime:
    return datetime.now()


def _clip(text: str | None) -> str | None:
    return None if text is None else text[:MAX_TEXT]


def _move(s: Submission, to: str, now: datetime, *, only_from: str | None = None) -> None:
    if to not in TRANSITIONS.get(s.status, frozenset()) or only_from not in (None, s.status):
        raise TransitionRefused(f"submission {s.id}: {s.status} → {to} is not a change the outbox allows")
    s.status = to
    s.updated_at = now


def in_submit_window(taken_on: date, today: date) -> bool:
    """Dated within the last 31 days: only such a reading may be queued (a bulk import asks this first)."""
    return today - timedelta(days=SUBMIT_WINDOW_DAYS) <= taken_on <= today


def may_queue(account: Account, meter: Meter, taken_on: date, today: date) -> bool:
    """Whether the newest reading in force of `meter` (not a final one), dated `taken_on`, is queued: dated within
    the last 31 days, on a meter still in place, of an account whose supplier has a portal."""
    return in_submit_window(taken_on, today) and meter.removed_on is None and has_portal(account.supplier)


def _qualifies(session: Session, reading: Reading, today: date) -> bool:
    """`may_queue` for a reading in the journal: its meter's newest reading in force."""
    if reading.status != ReadingStatus.ACTIVE or reading.is_final:
        return False
    if not in_submit_window(reading.taken_on, today):
        return False
    meter = session.get_one(Meter, reading.meter_id)
    if not may_queue(session.get_one(Account, meter.account_id), meter, reading.taken_on, today):
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


# --- queued with its reading, cancelled with it ----------------------------------------------------------------


def cancel(session: Session, reading_id: int) -> bool:
    """Cancel a reading's submission if it is still only queued; True if one was cancelled."""
    submission = _submission_of(session, reading_id)
    if submission is None or submission.status != SubmissionStatus.QUEUED:
        return False
    _move(submission, SubmissionStatus.CANCELLED, _now())
    submission.last_error = None
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
        _move(submission, SubmissionStatus.QUEUED, now)
        submission.next_attempt_at = None
    session.flush()
    return submission


def queue_new(session: Session, reading_ids: list[int], now: datetime) -> None:
    """Queue the submissions of new readings, in this order, already known to qualify: `may_queue` said so and
    each was its meter's newest reading in force when it was added (an import knows both without asking the
    journal: journal.readings.ReadingImport). The readings are in the journal; none of them has a submission."""
    if reading_ids:
        session.execute(insert(Submission), [
            {"reading_id": reading_id, "status": SubmissionStatus.QUEUED, "attempts": 0, "created_at": now,
             "updated_at": now} for reading_id in reading_ids
        ])


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


# --- the sender's state changes (each inside the sender's own short transaction) -------------------------------


CLAIMED = "claimed"
WITHDRAWN = "withdrawn"
TAKEN = "taken"


def in_force(session: Session, reading_id: int, values: tuple[int, ...] | None = None) -> bool:
    """The reading is still in force (not replaced, edited, deleted or undone) and holds these values."""
    reading = session.get(Reading, reading_id)
    if reading is None or reading.status != ReadingStatus.ACTIVE:
        return False
    return values is None or reading_values(reading, len(values)) == tuple(values)


def withdrawn_as(session: Session, reading_id: int) -> str:
    """What became of a reading no longer in force: superseded, edited, deleted or undone ("" if in force)."""
    reading = session.get(Reading, reading_id)
    return "" if reading is None or reading.status == ReadingStatus.ACTIVE else reading.status


def _get(session: Session, submission_id: int) -> Submission:
    return session.get_one(Submission, submission_id)


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
    result = session.execute(  # the status in the WHERE: of two claims at once, one wins
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == SubmissionStatus.QUEUED)
        .values(status=SubmissionStatus.SENDING, attempts=Submission.attempts + 1, updated_at=now,
                next_attempt_at=check_after)
    )
    return CLAIMED if result.rowcount == 1 else TAKEN  # type: ignore[attr-defined]


def withdraw(session: Session, submission_id: int, now: datetime) -> None:
    """Cancelled by the sender: its reading was withdrawn, and the portal does not hold it (or it never went out)."""
    s = _get(session, submission_id)
    _move(s, SubmissionStatus.CANCELLED, now)
    s.last_error = None
    s.next_attempt_at = None


def mark_sent(session: Session, submission_id: int, now: datetime, *, portal_reading_id: str | None,
              accepted: bool, note: str | None = None) -> str:
    """sending → sent (accepted, when the portal says so). Returns what became of its reading meanwhile in the
    journal (`withdrawn_as`: "" while in force), as the supplier keeps it either way."""
    s = _get(session, submission_id)
    _move(s, SubmissionStatus.ACCEPTED if accepted else SubmissionStatus.SENT, now)
    s.portal_reading_id = portal_reading_id
    s.last_error = _clip(note)
    s.next_attempt_at = None
    return withdrawn_as(session, s.reading_id)


def mark_accepted(session: Session, submission_id: int, now: datetime) -> None:
    """sent → accepted for billing (already accepted: nothing changes)."""
    s = _get(session, submission_id)
    if s.status != SubmissionStatus.ACCEPTED:
        _move(s, SubmissionStatus.ACCEPTED, now)


def mark_rejected(session: Session, submission_id: int, now: datetime, *, portal_message: str | None,
                  reason: str | None = None) -> None:
    """Refused: by the portal (its own message) or by the check before sending (`reason`)."""
    s = _get(session, submission_id)
    _move(s, SubmissionStatus.REJECTED, now)
    s.portal_message = _clip(portal_message)
    s.last_error = _clip(reason)
    s.next_attempt_at = None


def release(session: Session, submission_id: int, now: datetime, *, error: str | None,
            backoff: Backoff | None = BACKOFF) -> None:
    """sending → queued: certain the portal did not store it (the request never went out, or the portal refused
    it unprocessed). Tried again after `backoff` (None: at once)."""
    s = _get(session, submission_id)
    _move(s, SubmissionStatus.QUEUED, now)
    s.last_error = _clip(error)
    s.next_attempt_at = now + backoff.after(s.attempts) if backoff is not None else None


def not_on_portal(session: Session, submission_id: int, values: tuple[int, ...], now: datetime) -> bool:
    """A `sending` one the portal's data show it does not hold: back to queued to be sent again (True), or
    cancelled when its reading has been withdrawn meanwhile (False: never sent again)."""
    s = _get(session, submission_id)
    if in_force(session, s.reading_id, values):
        release(session, submission_id, now, error="checked: it had not arrived; sending again", backoff=None)
        return True
    withdraw(session, submission_id, now)
    return False


def keep_uncertain(session: Session, submission_id: int, now: datetime, *, error: str, check_after: datetime) -> None:
    """Stays `sending`: the request may have arrived; the portal is asked from `check_after` on, before anything is
    sent again."""
    s = _get(session, submission_id)
    _move(s, SubmissionStatus.SENDING, now, only_from=SubmissionStatus.SENDING)
    s.last_error = _clip(error)
    s.next_attempt_at = check_after


def record_failure(session: Session, submission_id: int, error: str, now: datetime,
                   backoff: Backoff = BACKOFF) -> datetime:
    """A try that came to nothing (its meter not found on the portal, the portal's registers unreadable): the state
    stays as it is, the error is kept, and the next try waits by the backoff. Returns when that is."""
    s = _get(session, submission_id)
    if s.status not in WAITING:
        raise TransitionRefused(f"submission {s.id}: {s.status}, not waiting, has no next try")
    s.last_error = _clip(error)
    s.next_attempt_at = now + backoff.after(max(s.attempts, 1))
    s.updated_at = now
    return s.next_attempt_at


def next_try(item: SubmissionInfo | PendingSubmission, backoff: Backoff = BACKOFF) -> datetime | None:
    """When the background worker should try a waiting submission again (None: now). A `sending` one (no answer
    to its last request) also backs off from its last try, as `next_attempt_at` only holds its settle time."""
    if item.status == SubmissionStatus.SENDING and item.updated_at is not None:
        backed_off = item.updated_at + backoff.after(item.attempts)
        return max(item.next_attempt_at, backed_off) if item.next_attempt_at else backed_off
    return item.next_attempt_at


# --- the deadline -----------------------------------------------------------------------------------------------


def sms_text(values: tuple[int, ...]) -> str:
    """The supplier's SMS submitting readings (e.g. 001#V;V;V), in the journal's zone order."""
    return DEFAULT_PROFILE.readings_sms(values)


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
            text=msg("The reading of {day} for the account {account} has not reached the supplier yet, and readings "
                     "are taken until the 25th. Send it by SMS to {sms_number}: {sms} (from the phone bound to the "
                     "account), or call {phone} (free) and dictate the account number and the readings.",
                     day=info.taken_on, account=info.account, sms_number=SMS_NUMBER, sms=text,
                     phone=CALL_CENTRE_PHONE),
        ))
    return result
