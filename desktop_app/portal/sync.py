"""The sync engine: send what the outbox holds, exactly once, and pull back what the supplier knows.

Sending one submission (`_deliver`):
1. A `sending` submission (an earlier request may have arrived: no answer, a 5xx, a redirect, a page that is not
   the stored reading, or the app stopped in the middle) waits until `settle` has passed since that request —
   the server may still be working on it: it is neither sent again nor confirmed before then.
2. Read the device's registers (the portal's previous reading per register) — and, for a `sending` one, the
   device's reading history too. If the reading is there, it is recorded as sent (accepted when `Prkrasch` says
   so) and NOT sent again; if it is not, it goes back to `queued` — or is cancelled when its reading has been
   withdrawn (replaced, edited, deleted, undone) meanwhile.
3. Check the values against the portal's previous readings (register by register, matched by zone text).
4. Claim it (`sending`, committed) THEN post the reading (deep insert). The claim checks that the reading is
   still in force with these values; a withdrawn one is cancelled, never sent.
5. The answer is the created entity for this device, registers and values → sent / accepted; an error body →
   rejected with the portal's own message. Anything else (no answer, 5xx, 3xx, empty or foreign page, truncated,
   too slow, another entity) → it stays `sending`, and steps 1–2 decide. A request that certainly did not go out
   (no connection) → back to queued.
Retries in a pass wait 1 s, 2 s, ... (cancel-aware); after the last one the submission gets `next_attempt_at`
with an exponential backoff for the background worker. A meter's readings are sent in date order, after the
outcome of any of its `sending` ones is known: one still waiting holds back the others.

A run has a deadline (`SyncOptions.deadline`; each request is also limited, desktop_app.portal.transport): when it
passes, the run stops between steps with a message, every submission in a consistent state.

Pulling (hourly at most in the background, or on demand): accounts with contract accounts, contracts, devices
and registers, and invoices in one call; invoice PDFs; payment documents; billed consumption per contract;
the current zone prices as a tariff OFFER; payee bank details when the portal has them.

All network work happens outside journal transactions; each journal write is one short transaction.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from desktop_app.portal import odata
from desktop_app.portal.api import ContractAccount, Device, PortalAccount, PortalApi, PublicApi, ReadingResult, Register
from desktop_app.portal.errors import (
    AmbiguousOutcome,
    AuthError,
    CsrfRejected,
    PasswordBlocked,
    PortalError,
    PortalRefused,
    PortalUnreachable,
    SyncDeadline,
)
from desktop_app.portal.transport import UNCONFIRMED
from desktop_app.portal.zones import ZoneMismatch, match_registers
from journal import outbox, portal_data
from journal.outbox import PendingSubmission, SubmissionInfo
from journal.storage.database import Journal
from journal.storage.models import Account, Meter, SubmissionStatus
from journal.zones import TariffPlan, Zone

log = logging.getLogger(__name__)

REJECTION_STATUSES = (400, 409, 412, 422)
SAME_DAY = timedelta(hours=14)  # a portal timestamp within this of our day's midnight (UTC) is that day
SUPPLIER = "samaraenergo"
PHONE_HINT = f"submit it by phone, {outbox.CALL_CENTRE_PHONE} (free)"

Progress = Callable[["SyncProgress"], None]
Submit = Callable[[list[tuple[str, int]], date], list[ReadingResult]]


@dataclass(frozen=True)
class SyncOptions:
    attempts_per_pass: int = 3  # tries of one submission within one sync
    retry_delay: float = 1.0  # seconds before the second try in a pass; doubles each time
    backoff_base: timedelta = timedelta(minutes=1)  # background: the next try after a failed pass, doubling
    backoff_max: timedelta = timedelta(hours=6)
    respect_schedule: bool = False  # background worker: leave submissions whose next try is not due yet
    pull: bool | None = None  # True: pull now; False: never; None: when the last pull is an hour old
    pull_interval: timedelta = timedelta(hours=1)
    download_pdfs: bool = True
    # A request without a confirming answer may still be running on the server (a gateway may hold it for minutes):
    # whether it arrived is asked only this much after it, and it is not sent again before then.
    settle: timedelta = timedelta(minutes=10)
    deadline: timedelta = timedelta(minutes=5)  # a whole run; then it stops, whatever the portal does
    request_limit: timedelta = timedelta(minutes=2)  # one request with its whole answer (however slowly it trickles)


@dataclass(frozen=True)
class SyncProgress:
    step: str  # connect, match, send, verify, pull, done
    message: str
    done: int = 0
    total: int = 0


@dataclass
class PullSummary:
    accounts: int = 0
    devices: int = 0
    invoices: int = 0
    new_invoices: int = 0
    pdfs: int = 0
    payments: int = 0
    new_payments: int = 0
    billed_periods: int = 0
    tariff_offers: list[portal_data.TariffOfferInfo] = field(default_factory=list)
    payee: bool = False


@dataclass(frozen=True)
class SyncReport:
    sent: tuple[SubmissionInfo, ...] = ()  # stored by the portal in this run (accepted or not)
    accepted: tuple[SubmissionInfo, ...] = ()  # accepted for billing, learnt in this run
    rejected: tuple[SubmissionInfo, ...] = ()
    waiting: tuple[SubmissionInfo, ...] = ()  # still waiting after this run: queued, or sending (being checked)
    pulled: PullSummary | None = None
    unreachable: bool = False
    cancelled: bool = False
    warnings: tuple[str, ...] = ()
    withdrawn: tuple[SubmissionInfo, ...] = ()  # not sent: the reading was withdrawn in the journal
    expired: bool = False  # stopped at the run's deadline

    @property
    def ok(self) -> bool:
        return not self.waiting

    @property
    def queued(self) -> tuple[SubmissionInfo, ...]:
        """Waiting to be sent."""
        return tuple(s for s in self.waiting if s.status != SubmissionStatus.SENDING)

    @property
    def checking(self) -> tuple[SubmissionInfo, ...]:
        """A request went out without a confirming answer: asked about later (`next_attempt_at`), never assumed."""
        return tuple(s for s in self.waiting if s.status == SubmissionStatus.SENDING)


@dataclass
class _Run:
    sent: list[int] = field(default_factory=list)
    accepted: list[int] = field(default_factory=list)
    rejected: list[int] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    unreachable: bool = False
    cancelled: bool = False
    expired: bool = False

    def stop(self, exc: PortalUnreachable) -> _Stop:
        """The portal is out of reach or the run's time is up: note it; raise the result to end the pass."""
        if isinstance(exc, SyncDeadline):
            self.expired = True
        else:
            self.unreachable = True
        self.warnings.append(exc.message)
        return _Stop()


class _Stop(Exception):
    """The portal is unreachable, or the sync was cancelled: stop the pass, keep everything as it is."""


@dataclass
class _Target:
    """Where one meter's readings go."""

    device_id: str
    serial: str
    account_number: str


def backoff(options: SyncOptions, attempts: int) -> timedelta:
    return min(options.backoff_base * (2 ** max(attempts - 1, 0)), options.backoff_max)


def check_time(next_attempt_at: datetime | None, updated_at: datetime | None, options: SyncOptions
               ) -> datetime | None:
    """When a `sending` submission's portal may be asked whether it arrived: `settle` after its last request (the
    claim, or the unconfirmed answer), also after a crash in the middle of it."""
    times = [t for t in (next_attempt_at, updated_at + options.settle if updated_at else None) if t is not None]
    return max(times) if times else None


def due_at(status: str, attempts: int, next_attempt_at: datetime | None, updated_at: datetime | None,
           options: SyncOptions) -> datetime | None:
    """When the background worker should try a waiting submission again. A `sending` one (no answer to its last
    request) also backs off from its last try, as `next_attempt_at` only holds its settle time."""
    if status == SubmissionStatus.SENDING and updated_at is not None:
        backed_off = updated_at + backoff(options, attempts)
        return max(next_attempt_at, backed_off) if next_attempt_at else backed_off
    return next_attempt_at


def delivered_before_withdrawal(sub: PendingSubmission, how: str) -> str:
    """What to tell when a reading withdrawn in the journal turns out to have reached the supplier."""
    what = (f"The reading of {sub.taken_on.isoformat()} for the account {sub.account} "
            f"({', '.join(map(str, sub.values))})")
    if how in ("edited", "superseded"):
        return (f"{what} had reached the supplier before it was corrected in the journal; the supplier keeps it. "
                "The corrected reading is sent where the portal allows it; a second reading for the same day is not "
                f"accepted: then {PHONE_HINT}.")
    return (f"{what} had reached the supplier before it was removed from the journal; the supplier keeps it. To "
            f"withdraw it, call the supplier: {outbox.CALL_CENTRE_PHONE} (free).")


def same_day(moment: datetime | None, day: date) -> bool:
    return moment is not None and abs(moment - datetime(day.year, day.month, day.day)) <= SAME_DAY


def _plain(value: Decimal | None) -> str:
    return "—" if value is None else format(value.normalize(), "f")


@contextmanager
def _outcome(run: _Run) -> Iterator[None]:
    """A run ends early, not with an exception: when cancelled, when the portal is out of reach (its readings
    stay queued), or when the portal refuses something (a warning for the report)."""
    try:
        yield
    except _Stop:
        pass
    except PortalUnreachable as exc:
        run.stop(exc)
    except PortalError as exc:
        run.warnings.append(exc.message)


class SyncEngine:
    def __init__(self, journal: Journal, *, data_dir: Path, today: Callable[[], date],
                 now: Callable[[], datetime] = datetime.now, options: SyncOptions | None = None,
                 progress: Progress | None = None, cancel: threading.Event | None = None,
                 deadline: float | None = None) -> None:
        """`deadline`: the time.monotonic() at which the run stops (None: SyncOptions.deadline from now)."""
        self.journal = journal
        self.data_dir = data_dir
        self.today = today
        self.now = now
        self.options = options or SyncOptions()
        self._progress = progress
        self.cancel = cancel or threading.Event()
        self.deadline = deadline if deadline is not None else time.monotonic() + self.options.deadline.total_seconds()
        self._history: dict[str, list[ReadingResult]] = {}

    # --- plumbing -------------------------------------------------------------------------------------------------

    def progress(self, step: str, message: str, done: int = 0, total: int = 0) -> None:
        if self._progress is None:
            return
        try:
            self._progress(SyncProgress(step, message, done, total))
        except Exception:  # a broken progress callback must not break a sync half-way
            log.exception("The sync's progress callback failed")

    def _check_cancel(self, run: _Run) -> None:
        if self.cancel.is_set():
            run.cancelled = True
            raise _Stop
        if time.monotonic() >= self.deadline:
            raise run.stop(SyncDeadline())

    def _wait(self, seconds: float, run: _Run) -> None:
        seconds = min(seconds, self.deadline - time.monotonic())
        if seconds > 0 and self.cancel.wait(seconds):
            run.cancelled = True
            raise _Stop
        self._check_cancel(run)

    def _report(self, run: _Run, account_ids: list[int], pulled: PullSummary | None) -> SyncReport:
        with self.journal.read() as session:
            def infos(ids: list[int]) -> tuple[SubmissionInfo, ...]:
                return tuple(outbox.submission(session, i) for i in dict.fromkeys(ids))

            numbers = set(session.scalars(select(Account.number).where(Account.id.in_(account_ids))))
            waiting = tuple(s for s in outbox.submissions(session) if s.status in outbox.WAITING
                            and s.account in numbers)
            return SyncReport(sent=infos(run.sent), accepted=infos(run.accepted), rejected=infos(run.rejected),
                              waiting=waiting, pulled=pulled, unreachable=run.unreachable, cancelled=run.cancelled,
                              warnings=tuple(dict.fromkeys(run.warnings)), withdrawn=infos(run.withdrawn),
                              expired=run.expired)

    def _pending(self, account_ids: list[int]) -> list[PendingSubmission]:
        with self.journal.read() as session:
            return outbox.pending(session, account_ids)

    # --- the states of a submission (each one short transaction) -------------------------------------------------

    def _sent(self, run: _Run, sub: PendingSubmission, results: list[ReadingResult], note: str | None = None) -> None:
        accepted = any(r.accepted for r in results)
        ids = [r.result_id for r in results if r.result_id]
        with self.journal.write() as session:
            outbox.mark_sent(session, sub.id, self.now(), portal_reading_id=ids[0] if ids else None,
                             accepted=accepted, note=note)
            withdrawn = outbox.withdrawn_as(session, sub.reading_id)
        run.sent.append(sub.id)
        if accepted:
            run.accepted.append(sub.id)
        log.info("Submission %s (account %s, %s) %s", sub.id, sub.account, sub.taken_on.isoformat(),
                 "accepted" if accepted else "sent")
        if withdrawn:
            run.warnings.append(delivered_before_withdrawal(sub, withdrawn))

    def _rejected(self, run: _Run, sub: PendingSubmission, *, portal_message: str | None = None,
                  reason: str | None = None) -> None:
        with self.journal.write() as session:
            outbox.mark_rejected(session, sub.id, self.now(), portal_message=portal_message, reason=reason)
        run.rejected.append(sub.id)
        log.info("Submission %s (account %s, %s) rejected", sub.id, sub.account, sub.taken_on.isoformat())

    def _release(self, sub: PendingSubmission, error: str | None, *, later: bool = True) -> None:
        now = self.now()
        with self.journal.write() as session:
            attempts = session.get_one(outbox.Submission, sub.id).attempts
            outbox.release(session, sub.id, now, error=error,
                           next_attempt_at=now + backoff(self.options, attempts) if later else None)

    def _release_unless_withdrawn(self, run: _Run, sub: PendingSubmission) -> bool:
        """A `sending` one the portal does not hold: back to queued (True), or cancelled when its reading has been
        withdrawn meanwhile (False: never sent again)."""
        now = self.now()
        with self.journal.write() as session:
            if outbox.in_force(session, sub.reading_id, sub.values):
                outbox.release(session, sub.id, now, error="checked: it had not arrived; sending again",
                               next_attempt_at=None)
                return True
            outbox.withdraw(session, sub.id, now)
        self._withdrawn(run, sub)
        return False

    def _withdrawn(self, run: _Run, sub: PendingSubmission) -> None:
        run.withdrawn.append(sub.id)
        log.info("Submission %s (account %s, %s) cancelled: its reading was withdrawn before it reached the portal",
                 sub.id, sub.account, sub.taken_on.isoformat())

    def _uncertain(self, sub: PendingSubmission, error: AmbiguousOutcome) -> datetime:
        """Stays `sending`; returns when the portal may be asked whether it arrived (after `settle`: the server may
        still be working on the request)."""
        now = self.now()
        not_before = now + self.options.settle
        log.info("Submission %s: outcome unknown (%s); checked from %s on", sub.id, error.status or "no answer",
                 not_before.isoformat(timespec="seconds"))
        with self.journal.write() as session:
            outbox.keep_uncertain(session, sub.id, now, error=error.message, next_attempt_at=not_before)
        return not_before

    def _note(self, sub: PendingSubmission, error: str) -> None:
        now = self.now()
        with self.journal.write() as session:
            attempts = max(session.get_one(outbox.Submission, sub.id).attempts, 1)
            outbox.note_error(session, sub.id, now, error=error, next_attempt_at=now + backoff(self.options, attempts))

    def _claim(self, run: _Run, sub: PendingSubmission) -> bool:
        """queued → sending, committed before the request goes out; False when it is not to be sent (taken, or its
        reading withdrawn: then cancelled)."""
        now = self.now()
        with self.journal.write() as session:
            outcome = outbox.claim(session, sub.id, now, sub.values, check_after=now + self.options.settle)
        if outcome == outbox.WITHDRAWN:
            self._withdrawn(run, sub)
        return outcome == outbox.CLAIMED

    # --- checks ---------------------------------------------------------------------------------------------------

    @staticmethod
    def _arrived(sub: PendingSubmission, mapping: dict[Zone, Register] | None, registers: list[Register],
                 history: list[ReadingResult] | None) -> list[ReadingResult] | None:
        """The portal's results that show this reading arrived, or None. Each of our values must be there, dated on
        our day, in its register (any register when the zones cannot be matched)."""
        zones = sub.plan.zones
        found: list[ReadingResult] = []
        for zone, value in zip(zones, sub.values, strict=True):
            register_id = mapping[zone].register_id if mapping else None
            match = None
            for result in history or []:
                if (result.value == value and same_day(result.taken_at, sub.taken_on)
                        and (register_id is None or result.register_id == register_id)):
                    match = result
                    break
            if match is None:
                for register in registers:
                    if (register.previous_value == value and register.previous_date == sub.taken_on
                            and (register_id is None or register.register_id == register_id)):
                        match = ReadingResult("", register.device_id, register.register_id, register.previous_value,
                                              None, None, register.zone_text, "", False)
                        break
            if match is None:
                return None
            found.append(match)
        return found

    @staticmethod
    def _precheck(sub: PendingSubmission, mapping: dict[Zone, Register]) -> tuple[str, str | None]:
        """("send", None), ("there", note) when the portal already holds exactly this reading, or ("reject", why)."""
        pairs = [(zone, mapping[zone], value) for zone, value in zip(sub.plan.zones, sub.values, strict=True)]
        if all(r.previous_date == sub.taken_on and r.previous_value == v for _, r, v in pairs):
            return "there", "already on the portal"
        for zone, register, value in pairs:
            name = register.zone_text or zone.value
            if register.previous_date is not None and register.previous_date > sub.taken_on:
                return "reject", (
                    f"The portal already has a later reading ({register.previous_date.isoformat()}, {name}: "
                    f"{_plain(register.previous_value)}) than this one of {sub.taken_on.isoformat()}; it was not sent.")
            if register.previous_date == sub.taken_on and register.previous_value != value:
                return "reject", (
                    f"The portal already has a reading of {sub.taken_on.isoformat()} ({name}: "
                    f"{_plain(register.previous_value)}, yours {value}); a correction cannot be sent twice for a day: "
                    f"{PHONE_HINT}.")
            if register.previous_value is not None and value < register.previous_value and not sub.rollover:
                return "reject", (
                    f"{name}: {value} is below the portal's previous reading {_plain(register.previous_value)}"
                    + (f" of {register.previous_date.isoformat()}" if register.previous_date else "")
                    + "; check the value and correct the reading. It was not sent.")
        return "send", None

    # --- sending --------------------------------------------------------------------------------------------------

    @staticmethod
    def _confirms(results: list[ReadingResult], device_id: str, values: list[tuple[str, int]], day: date) -> bool:
        """The POST's answer is the created entity: this device, each register with the value sent, on our day."""
        if not results:
            return False
        got = sorted((r.register_id, r.value) for r in results)
        wanted = sorted((register_id, Decimal(value)) for register_id, value in values)
        return (got == wanted and all(r.device_id.lstrip("0") == device_id.lstrip("0") for r in results)
                and all(r.taken_at is None or same_day(r.taken_at, day) for r in results))

    def _deliver(self, run: _Run, sub: PendingSubmission, target: _Target,
                 read_registers: Callable[[], list[Register]], read_history: Callable[[], list[ReadingResult]] | None,
                 submit: Submit) -> bool:
        """Send one submission, or learn that it arrived. True when it is settled; False when it still waits."""
        status = sub.status
        not_before = check_time(sub.next_attempt_at, sub.updated_at, self.options) \
            if status == SubmissionStatus.SENDING else None
        for attempt in range(self.options.attempts_per_pass):
            if attempt:
                self._wait(self.options.retry_delay * 2 ** (attempt - 1), run)
            self._check_cancel(run)
            if status == SubmissionStatus.SENDING and not_before is not None and not_before > self.now():
                # The request may still be running on the server: neither sent again nor confirmed before then.
                self.progress("verify", f"The outcome of the reading of {sub.taken_on.isoformat()} is not known yet; "
                              f"it is checked from {not_before:%H:%M} on")
                return False
            try:
                registers = [r for r in read_registers() if not r.device_id or r.device_id == target.device_id]
                mapping: dict[Zone, Register] | None
                try:
                    mapping = match_registers(registers, sub.plan)
                    mismatch = None
                except ZoneMismatch as exc:
                    mapping, mismatch = None, exc.message
                if status == SubmissionStatus.SENDING:
                    self.progress("verify", f"Checking whether the reading of {sub.taken_on.isoformat()} arrived")
                    history = read_history() if read_history is not None else None
                    found = self._arrived(sub, mapping, registers, history)
                    if found is not None:
                        self._sent(run, sub, found, note="found on the portal after an unconfirmed send")
                        return True
                    if not self._release_unless_withdrawn(run, sub):
                        return True
                    status = SubmissionStatus.QUEUED
                if mapping is None:
                    self._note(sub, mismatch or "The zones cannot be matched to the portal's registers.")
                    run.warnings.append(f"Account {sub.account}: {mismatch}")
                    return False
                verdict, why = self._precheck(sub, mapping)
                if verdict == "there":
                    if self._claim(run, sub):
                        self._sent(run, sub, [], note=why)
                    return True
                if verdict == "reject":
                    self._rejected(run, sub, reason=why)
                    return True
                values = [(mapping[zone].register_id, v) for zone, v in zip(sub.plan.zones, sub.values, strict=True)]
            except PortalUnreachable as exc:
                raise run.stop(exc) from None
            except (AuthError, PasswordBlocked):
                raise
            except PortalError as exc:  # the portal answered a read with an error (5xx...): try again later
                log.info("Submission %s: the portal's registers could not be read (%s)", sub.id, exc.status)
                if status == SubmissionStatus.QUEUED:
                    self._note(sub, exc.message)
                continue
            if not self._claim(run, sub):
                return True  # withdrawn (cancelled) or taken meanwhile: nothing to send
            status = SubmissionStatus.SENDING
            self.progress("send", f"Sending the reading of {sub.taken_on.isoformat()} for account {sub.account}")
            try:
                results = submit(values, sub.taken_on)
                if not self._confirms(results, target.device_id, values, sub.taken_on):
                    raise AmbiguousOutcome("The portal's answer was not the stored reading (another device or other "
                                           f"values). {UNCONFIRMED}")
            except AmbiguousOutcome as exc:
                not_before = self._uncertain(sub, exc)
                continue  # the next try first waits for settle, then checks whether it arrived
            except PortalUnreachable as exc:  # nothing went out
                self._release(sub, exc.message)
                raise run.stop(exc) from None
            except AuthError:
                self._release(sub, "the portal did not accept the password", later=False)
                raise
            except CsrfRejected as exc:
                self._release(sub, exc.message)
                status = SubmissionStatus.QUEUED
                continue
            except PortalRefused as exc:
                if exc.portal_message and exc.status in REJECTION_STATUSES:
                    self._rejected(run, sub, portal_message=exc.portal_message)
                    return True
                self._release(sub, exc.message)
                run.warnings.append(exc.message)
                return False
            except PortalError as exc:
                self._release(sub, exc.message)
                status = SubmissionStatus.QUEUED
                continue
            self._sent(run, sub, results)
            return True
        return False

    def _send_all(self, run: _Run, account_ids: list[int], targets: dict[int, _Target],
                  reader: Callable[[_Target], tuple[Callable[[], list[Register]],
                                                    Callable[[], list[ReadingResult]] | None, Submit]]) -> None:
        # Per meter, the `sending` ones first (date order kept): nothing of a meter goes out while the outcome of an
        # earlier request is unknown — an edited reading's new values wait until the old ones are known.
        pending = sorted(self._pending(account_ids), key=lambda s: (s.meter_id, s.status != SubmissionStatus.SENDING))
        held: set[int] = set()
        now = self.now()
        for index, sub in enumerate(pending, start=1):
            if sub.meter_id in held:
                continue
            due = due_at(sub.status, sub.attempts, sub.next_attempt_at, sub.updated_at, self.options)
            if self.options.respect_schedule and due is not None and due > now:
                held.add(sub.meter_id)
                continue
            target = targets.get(sub.meter_id)
            if target is None:
                error = (f"The meter {sub.meter_serial} of the account {sub.account} is not among the portal's "
                         "devices; check its serial number against the bill.")
                self._note(sub, error)
                run.warnings.append(error)
                held.add(sub.meter_id)
                continue
            self.progress("send", f"Reading of {sub.taken_on.isoformat()} for account {sub.account}", index,
                          len(pending))
            read_registers, read_history, submit = reader(target)
            if not self._deliver(run, sub, target, read_registers, read_history, submit):
                held.add(sub.meter_id)

    # --- the authenticated sync -----------------------------------------------------------------------------------

    def run(self, api: PortalApi, login: str, account_numbers: list[str]) -> SyncReport:
        run = _Run()
        account_ids: list[int] = []
        pulled: PullSummary | None = None
        with _outcome(run):
            with self.journal.read() as session:
                accounts = [session.scalar(select(Account).where(Account.number == n)) for n in account_numbers]
                account_ids = [a.id for a in accounts if a is not None]
            self._check_cancel(run)
            self.progress("connect", "Connecting to the portal")
            try:
                status = api.password_status(login)
            except PortalRefused:
                status = ""  # not offered by this server: the next call tells whether the login works
            if status and status not in ("1", "2"):
                raise PasswordBlocked("The portal says this password is blocked; restore it on the portal's site.",
                                      field="password")
            self._check_cancel(run)
            portal_accounts = api.accounts()
            self.progress("match", "Matching accounts and meters")
            links = self._match(run, portal_accounts, account_numbers)
            targets = {meter_id: target for meter_id, (target, _d, _ca, _pa) in links.items()}

            def reader(target: _Target):  # type: ignore[no-untyped-def]
                def history() -> list[ReadingResult]:
                    result = api.reading_history(target.device_id)
                    self._history[target.device_id] = result
                    return result

                return (lambda: api.registers(target.device_id), history,
                        lambda values, day: api.submit(target.device_id, values, day))

            self._send_all(run, account_ids, targets, reader)
            self._check_cancel(run)
            self._refresh_acceptance(run, api, account_ids, targets)
            if self._pull_wanted(account_ids):
                pulled = self._pull(run, api, portal_accounts, account_numbers, links)
        self.progress("done", "Done")
        return self._report(run, account_ids, pulled)

    def _match(self, run: _Run, portal_accounts: list[PortalAccount], numbers: list[str]
               ) -> dict[int, tuple[_Target, Device, ContractAccount, PortalAccount]]:
        """Our accounts ↔ contract accounts by Vkona; our meters ↔ devices by serial. Stored as links."""
        by_vkona: dict[str, tuple[PortalAccount, ContractAccount]] = {}
        for pa in portal_accounts:
            for ca in pa.contract_accounts:
                for key in {ca.vkona, ca.vkona.lstrip("0"), ca.contract_account_id, ca.contract_account_id.lstrip("0")}:
                    if key:
                        by_vkona.setdefault(key, (pa, ca))
        links: dict[int, tuple[_Target, Device, ContractAccount, PortalAccount]] = {}
        now = self.now()
        with self.journal.write() as session:
            for number in numbers:
                account = session.scalar(select(Account).where(Account.number == number))
                if account is None:
                    continue
                found = by_vkona.get(number) or by_vkona.get(number.lstrip("0"))
                if found is None:
                    run.warnings.append(f"The account {number} is not among the portal's accounts for this login.")
                    continue
                pa, ca = found
                contracts = [c for c in ca.contracts if c.move_out is None] or list(ca.contracts)
                portal_data.link_account(session, account, portal_account_id=pa.account_id,
                                         contract_account_id=ca.contract_account_id,
                                         contract_id=contracts[0].contract_id if contracts else None,
                                         tariff_type=ca.tariff_type, now=now)
                devices = {odata.normalize_serial(d.serial): d for c in ca.contracts for d in c.devices}
                for meter in session.scalars(select(Meter).where(Meter.account_id == account.id)):
                    device = devices.get(odata.normalize_serial(meter.serial))
                    if device is None:
                        continue
                    try:  # by the meter's own plan: after a plan change, the old record's zones no longer match
                        mapping = {r.register_id: z for z, r in
                                   match_registers(device.registers, TariffPlan(meter.plan)).items()}
                    except ZoneMismatch as exc:
                        mapping = {}
                        if meter.removed_on is None:  # the meter in use: the plans disagree now
                            run.warnings.append(f"Account {number}: {exc.message}")
                    registers = [portal_data.PulledRegister(r.register_id, r.zone_text,
                                                            mapping[r.register_id].value if r.register_id in mapping
                                                            else None, r.previous_value, r.previous_date)
                                 for r in device.registers]
                    portal_data.link_device(
                        session, meter, device_id=device.device_id, contract_id=device.contract_id,
                        serial=device.serial, integer_places=device.integer_places,
                        decimal_places=device.decimal_places, verified_year=device.verified_year,
                        next_verification_year=device.next_verification_year,
                        verification_interval=device.verification_interval, registers=registers, now=now)
                    links[meter.id] = (_Target(device.device_id, device.serial, number), device, ca, pa)
        return links

    def _refresh_acceptance(self, run: _Run, api: PortalApi, account_ids: list[int], targets: dict[int, _Target]
                            ) -> None:
        """Sent submissions become accepted when the portal's history shows Prkrasch on them."""
        with self.journal.read() as session:
            sent = outbox.sent_not_accepted(session, account_ids)
        for sub in sent:
            target = targets.get(sub.meter_id)
            if target is None:
                continue
            self._check_cancel(run)
            history = self._history.get(target.device_id)
            if history is None:
                self.progress("verify", f"Reading history of meter {target.serial}")
                try:
                    history = api.reading_history(target.device_id)
                except PortalUnreachable as exc:
                    raise run.stop(exc) from None
                except PortalError as exc:
                    run.warnings.append(exc.message)
                    return
                self._history[target.device_id] = history
            found = self._arrived(sub, None, [], history)
            if found and any(r.accepted for r in found):
                with self.journal.write() as session:
                    outbox.mark_accepted(session, sub.id, self.now())
                run.accepted.append(sub.id)

    # --- pulling --------------------------------------------------------------------------------------------------

    def _pull_wanted(self, account_ids: list[int]) -> bool:
        if self.options.pull is not None:
            return self.options.pull
        now = self.now()
        with self.journal.read() as session:
            return any(portal_data.pull_due(session, session.get_one(Account, aid), now, self.options.pull_interval)
                       for aid in account_ids)

    def _pull(self, run: _Run, api: PortalApi, portal_accounts: list[PortalAccount], numbers: list[str],
              links: dict[int, tuple[_Target, Device, ContractAccount, PortalAccount]]) -> PullSummary:
        summary = PullSummary()
        by_number: dict[str, tuple[PortalAccount, ContractAccount, Device | None]] = {}
        for _target, device, ca, pa in links.values():
            by_number[_target.account_number] = (pa, ca, device)
        for pa in portal_accounts:
            for ca in pa.contract_accounts:
                for number in numbers:
                    if number in (ca.vkona, ca.vkona.lstrip("0")) or number.lstrip("0") == ca.vkona.lstrip("0"):
                        by_number.setdefault(number, (pa, ca, None))
        payments_cache: dict[str, list[portal_data.PulledPayment]] = {}
        total = len(by_number)
        for index, (number, (pa, ca, device)) in enumerate(sorted(by_number.items()), start=1):
            self._check_cancel(run)
            self.progress("pull", f"Bills and payments of account {number}", index, total)
            try:
                self._pull_account(run, api, summary, number, pa, ca, device, payments_cache)
            except PortalUnreachable as exc:
                raise run.stop(exc) from None
            except (AuthError, PasswordBlocked):
                raise
            except PortalError as exc:
                run.warnings.append(f"Account {number}: {exc.message}")
        return summary

    def _pull_account(self, run: _Run, api: PortalApi, summary: PullSummary, number: str, pa: PortalAccount,
                      ca: ContractAccount, device: Device | None,
                      payments_cache: dict[str, list[portal_data.PulledPayment]]) -> None:
        now, today = self.now(), self.today()
        invoices = list(ca.invoices)
        if pa.account_id not in payments_cache:
            self._check_cancel(run)
            payments_cache[pa.account_id] = api.payment_documents(pa.account_id)
        payments = payments_cache[pa.account_id]
        consumption: dict[str, list[portal_data.PulledConsumption]] = {}
        for contract in ca.contracts:
            self._check_cancel(run)
            consumption[contract.contract_id] = api.billed_consumption(contract.contract_id)
        with self.journal.write() as session:
            account = session.scalar(select(Account).where(Account.number == number))
            if account is None:
                return
            summary.accounts += 1
            summary.devices += len(portal_data.device_links(session, account))
            summary.invoices += len(invoices)
            summary.new_invoices += portal_data.store_invoices(session, account, invoices, now)
            summary.payments += len(payments)
            summary.new_payments += portal_data.store_payments(session, account, payments, now)
            for contract_id, values in consumption.items():
                portal_data.store_consumption(session, account, contract_id, values, now)
                summary.billed_periods += len(values)
            prices = self._zone_prices(ca, device, TariffPlan(account.plan))
            offer = portal_data.offer_tariff(session, account, ca.tariff_type, prices, today=today, now=now)
            if offer is not None:
                summary.tariff_offers.append(offer)
            payee = payee_from(ca.raw) or payee_from(pa.raw)
            if payee is not None and portal_data.store_payee(session, SUPPLIER, payee, now):
                summary.payee = True
            missing = portal_data.invoices_without_pdf(session, account) if self.options.download_pdfs else []
        for invoice_id in missing:
            self._check_cancel(run)
            content = api.invoice_pdf(invoice_id)
            if not content.startswith(b"%PDF"):
                run.warnings.append(f"Account {number}: the invoice {invoice_id} came without a PDF.")
                continue
            relative = Path("invoices") / _safe(number) / f"{_safe(invoice_id)}.pdf"
            path = self.data_dir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".part")
            tmp.write_bytes(content)
            tmp.replace(path)
            with self.journal.write() as session:
                account = session.scalar(select(Account).where(Account.number == number))
                if account is not None:
                    portal_data.set_invoice_pdf(session, account, invoice_id, relative.as_posix())
            summary.pdfs += 1
        with self.journal.write() as session:
            account = session.scalar(select(Account).where(Account.number == number))
            if account is not None:
                portal_data.mark_pulled(session, account, now)

    @staticmethod
    def _zone_prices(ca: ContractAccount, device: Device | None, plan: TariffPlan) -> dict[Zone, Decimal]:
        """Preisbtr1..3 → our zones through the registers 001..003 and their zone texts."""
        prices = [p if p is not None and p > 0 else None for p in ca.prices]
        if plan is TariffPlan.SINGLE:
            return {Zone.SINGLE: prices[0]} if prices[0] is not None else {}
        if device is None:
            return {}
        try:
            mapping = match_registers(device.registers, plan)
        except ZoneMismatch:
            return {}
        result: dict[Zone, Decimal] = {}
        for zone, register in mapping.items():
            digits = re.sub(r"\D", "", register.register_id)
            index = int(digits) - 1 if digits else -1
            if 0 <= index < len(prices) and prices[index] is not None:
                result[zone] = prices[index]  # type: ignore[assignment]
        return result if len(result) == len(plan.zones) else {}

    # --- the anonymous sync ---------------------------------------------------------------------------------------

    def run_anonymous(self, api: PublicApi, account_numbers: list[str]) -> SyncReport:
        """Send through the public service: account number + meter serial, no password. Nothing is pulled."""
        run = _Run()
        with self.journal.read() as session:
            accounts = [session.scalar(select(Account).where(Account.number == n)) for n in account_numbers]
            account_ids = [a.id for a in accounts if a is not None]
            meters = {m.id: (m.serial, a.number) for a in accounts if a is not None
                      for m in session.scalars(select(Meter).where(Meter.account_id == a.id))}
        with _outcome(run):
            self.progress("connect", "Connecting to the portal's public service")
            pending = self._pending(account_ids)
            targets: dict[int, _Target] = {}
            register_cache: dict[int, list[Register]] = {}
            for meter_id in dict.fromkeys(s.meter_id for s in pending):
                self._check_cancel(run)
                serial, number = meters[meter_id]
                registers = self._public_registers(api, number, serial)
                if registers:
                    register_cache[meter_id] = registers
                    targets[meter_id] = _Target(registers[0].device_id, serial, number)

            def reader(target: _Target):  # type: ignore[no-untyped-def]
                def registers() -> list[Register]:
                    return self._public_registers(api, target.account_number, target.serial)

                return (registers, None,
                        lambda values, day: api.submit(target.account_number, target.device_id, values, day))

            self._send_all(run, account_ids, targets, reader)
        self.progress("done", "Done")
        return self._report(run, account_ids, None)

    @staticmethod
    def _public_registers(api: PublicApi, number: str, serial: str) -> list[Register]:
        try:
            registers = api.registers(number, "")
        except PortalRefused as exc:
            raise PortalRefused(exc.message, status=exc.status, portal_message=exc.portal_message) from None
        wanted = odata.normalize_serial(serial)
        mine = [r for r in registers if not r.serial or odata.normalize_serial(r.serial) == wanted]
        return mine


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "_", text) or "_"


_PAYEE_KEYS = {
    "name": ("PayeeName", "RecipientName", "Poluchatel", "PayeeFullName"),
    "inn": ("PayeeINN", "PayeeInn", "RecipientINN", "Inn"),
    "kpp": ("PayeeKPP", "PayeeKpp", "RecipientKPP", "Kpp"),
    "account": ("PayeeAccount", "PayeeBankAccount", "SettlementAccount", "Rschet"),
    "bank": ("PayeeBankName", "BankName", "Bank"),
    "bic": ("PayeeBIC", "PayeeBic", "BIC", "Bik"),
    "corr": ("PayeeCorrAccount", "CorrAccount", "CorrespondentAccount", "Kschet"),
}


def payee_from(raw: dict[str, object]) -> portal_data.PulledPayee | None:
    """Payee bank details, when the portal's entity carries them. No field name is confirmed for this portal
    (docs/PORTAL_API.md lists none), so several plausible ones are read; the details are stored only when complete
    and valid by the Bank of Russia's check keys."""
    values: dict[str, str] = {}
    for name, keys in _PAYEE_KEYS.items():
        for key in keys:
            if odata.text(raw.get(key)):
                values[name] = odata.text(raw.get(key))
                break
        else:
            return None
    return portal_data.PulledPayee(**values)
