"""Exactly-once delivery: send what the outbox holds, each reading in force once, a withdrawn one never.

Sending one submission (`Delivery.deliver`):
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
Retries in a pass wait 1 s, 2 s, ... (cancel-aware); after the last one the outbox sets the next try by its
backoff. A meter's readings are sent in date order, after the outcome of any of its `sending` ones is known: one
still waiting holds back the others. Every state change is one short transaction of journal.outbox.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.portal.api import ReadingResult, Register
from desktop_app.portal.errors import AmbiguousOutcome, AuthError, PortalError, PortalRefused
from desktop_app.portal.reading_checks import (
    REJECT,
    THERE,
    arrived,
    check_time,
    confirms,
    delivered_before_withdrawal,
    precheck,
)
from desktop_app.portal.sync_run import SyncRun, words_of
from desktop_app.portal.transport import UNCONFIRMED
from desktop_app.portal.zones import ZoneMismatch, match_registers
from journal import outbox
from journal.messages import Message, msg
from journal.outbox import PendingSubmission, SubmissionStatus
from journal.zones import Zone

log = logging.getLogger(__name__)

REJECTION_STATUSES = (400, 409, 412, 422)
Submit = Callable[[list[tuple[str, int]], date], list[ReadingResult]]


@dataclass(frozen=True)
class Target:
    """Where one meter's readings go."""

    device_id: str
    serial: str
    account_number: str


@dataclass(frozen=True)
class Channel:
    """How to reach one device: its registers, its reading history (None: the public service has none), the POST."""

    registers: Callable[[], list[Register]]
    history: Callable[[], list[ReadingResult]] | None
    submit: Submit


def _rejection(exc: PortalError) -> bool:
    """The portal refused the reading itself, in its own words (not a fault of the request)."""
    return isinstance(exc, PortalRefused) and bool(exc.portal_message) and exc.status in REJECTION_STATUSES


class Delivery:
    def __init__(self, run: SyncRun) -> None:
        self.run = run
        self.histories: dict[str, list[ReadingResult]] = {}  # per device, as read in this run

    # --- the outbox's state changes, each one short transaction ----------------------------------------------------

    def _sent(self, sub: PendingSubmission, results: list[ReadingResult], note: Message | None = None) -> None:
        accepted = any(r.accepted for r in results)
        ids = [r.result_id for r in results if r.result_id]
        with self.run.journal.write() as session:
            withdrawn = outbox.mark_sent(session, sub.id, self.run.now(), portal_reading_id=ids[0] if ids else None,
                                         accepted=accepted, note=None if note is None else str(note))
        self.run.sent.append(sub.id)
        if accepted:
            self.run.accepted.append(sub.id)
        log.info("Submission %s (account %s, %s) %s", sub.id, sub.account, sub.taken_on.isoformat(),
                 "accepted" if accepted else "sent")
        if withdrawn:
            self.run.warn(delivered_before_withdrawal(sub, withdrawn))

    def _rejected(self, sub: PendingSubmission, *, portal_message: str | None = None,
                  reason: Message | None = None) -> None:
        with self.run.journal.write() as session:
            outbox.mark_rejected(session, sub.id, self.run.now(), portal_message=portal_message,
                                 reason=None if reason is None else str(reason))
        self.run.rejected.append(sub.id)
        log.info("Submission %s (account %s, %s) rejected", sub.id, sub.account, sub.taken_on.isoformat())

    def _release(self, sub: PendingSubmission, error: str, *, later: bool = True) -> None:
        with self.run.journal.write() as session:
            outbox.release(session, sub.id, self.run.now(), error=error,
                           backoff=self.run.options.backoff if later else None)

    def _failed(self, sub: PendingSubmission, error: Message | str) -> None:
        with self.run.journal.write() as session:
            outbox.record_failure(session, sub.id, str(error), self.run.now(), self.run.options.backoff)

    def _not_on_portal(self, sub: PendingSubmission) -> bool:
        """Back to queued (True), or cancelled when its reading has been withdrawn meanwhile (False)."""
        with self.run.journal.write() as session:
            again = outbox.not_on_portal(session, sub.id, sub.values, self.run.now())
        if not again:
            self._withdrawn(sub)
        return again

    def _withdrawn(self, sub: PendingSubmission) -> None:
        self.run.withdrawn.append(sub.id)
        log.info("Submission %s (account %s, %s) cancelled: its reading was withdrawn before it reached the portal",
                 sub.id, sub.account, sub.taken_on.isoformat())

    def _uncertain(self, sub: PendingSubmission, error: AmbiguousOutcome) -> datetime:
        """Stays `sending`; returns when the portal may be asked whether it arrived (after `settle`: the server may
        still be working on the request)."""
        now = self.run.now()
        not_before = now + self.run.options.settle
        log.info("Submission %s: outcome unknown (%s); checked from %s on", sub.id, error.status or "no answer",
                 not_before.isoformat(timespec="seconds"))
        with self.run.journal.write() as session:
            outbox.keep_uncertain(session, sub.id, now, error=error.message, check_after=not_before)
        return not_before

    def _claim(self, sub: PendingSubmission) -> bool:
        """queued → sending, committed before the request goes out; False when it is not to be sent (taken, or its
        reading withdrawn: then cancelled)."""
        now = self.run.now()
        with self.run.journal.write() as session:
            outcome = outbox.claim(session, sub.id, now, sub.values, check_after=now + self.run.options.settle)
        if outcome == outbox.WITHDRAWN:
            self._withdrawn(sub)
        return outcome == outbox.CLAIMED

    # --- sending ----------------------------------------------------------------------------------------------

    def send_all(self, account_ids: list[int], targets: dict[int, Target],
                 channel: Callable[[Target], Channel]) -> None:
        # Per meter, the `sending` ones first (date order kept): nothing of a meter goes out while the outcome of an
        # earlier request is unknown — an edited reading's new values wait until the old ones are known.
        run = self.run
        with run.journal.read() as session:
            pending = outbox.pending(session, account_ids)
        pending.sort(key=lambda s: (s.meter_id, s.status != SubmissionStatus.SENDING))
        held: set[int] = set()
        now = run.now()
        for index, sub in enumerate(pending, start=1):
            if sub.meter_id in held:
                continue
            due = outbox.next_try(sub, run.options.backoff)
            if run.options.respect_schedule and due is not None and due > now:
                held.add(sub.meter_id)
                continue
            target = targets.get(sub.meter_id)
            if target is None:
                error = msg("The meter {serial} of the account {account} is not among the portal's devices; check "
                            "its serial number against the bill.", serial=sub.meter_serial, account=sub.account)
                self._failed(sub, error)
                run.warn(error)
                held.add(sub.meter_id)
                continue
            run.progress("send", msg("Reading of {day} for account {account}", day=sub.taken_on,
                                     account=sub.account), index, len(pending))
            if not self.deliver(sub, target, channel(target)):
                held.add(sub.meter_id)

    def _verify(self, sub: PendingSubmission, mapping: dict[Zone, Register] | None, registers: list[Register],
                channel: Channel) -> bool:
        """Step 2 for a `sending` one: True when settled (it arrived: sent; withdrawn meanwhile: cancelled); False
        when it is queued again, to be sent."""
        self.run.progress("verify", msg("Checking whether the reading of {day} arrived", day=sub.taken_on))
        found = arrived(sub, mapping, registers, channel.history() if channel.history is not None else None)
        if found is not None:
            self._sent(sub, found, note=msg("found on the portal after an unconfirmed send"))
            return True
        return not self._not_on_portal(sub)

    def _checked(self, sub: PendingSubmission, mapping: dict[Zone, Register] | None,
                 mismatch: Message | None) -> list[tuple[str, int]] | bool:
        """Step 3: the values to post per register; or True when settled without posting (already there, or
        rejected), False when it waits (the zones cannot be matched)."""
        if mapping is None:
            problem = mismatch or msg("The zones cannot be matched to the portal's registers.")
            self._failed(sub, problem)
            self.run.warn(problem, sub.account)
            return False
        verdict, why = precheck(sub, mapping)
        if verdict == THERE:
            if self._claim(sub):
                self._sent(sub, [], note=why)
            return True
        if verdict == REJECT:
            self._rejected(sub, reason=why)
            return True
        return [(mapping[zone].register_id, v) for zone, v in zip(sub.plan.zones, sub.values, strict=True)]

    def deliver(self, sub: PendingSubmission, target: Target, channel: Channel) -> bool:
        """Send one submission, or learn that it arrived. True when it is settled; False when it still waits."""
        run = self.run
        status = sub.status
        not_before = check_time(sub, run.options.settle) if status == SubmissionStatus.SENDING else None
        for attempt in range(run.options.attempts_per_pass):
            if attempt:
                run.wait(run.options.retry_delay * 2 ** (attempt - 1))
            run.check()
            if status == SubmissionStatus.SENDING and not_before is not None and not_before > run.now():
                # The request may still be running on the server: neither sent again nor confirmed before then.
                run.progress("verify", msg("The outcome of the reading of {day} is not known yet; it is checked "
                                           "from {moment} on", day=sub.taken_on, moment=not_before))
                return False
            try:
                with run.exchange(tolerate=False):
                    registers = [r for r in channel.registers() if not r.device_id or r.device_id == target.device_id]
                    mapping: dict[Zone, Register] | None
                    try:
                        mapping, mismatch = match_registers(registers, sub.plan), None
                    except ZoneMismatch as exc:
                        mapping, mismatch = None, words_of(exc)
                    if status == SubmissionStatus.SENDING:
                        if self._verify(sub, mapping, registers, channel):
                            return True
                        status = SubmissionStatus.QUEUED
            except PortalError as exc:  # the portal answered a read with an error (5xx...): try again later
                log.info("Submission %s: the portal's registers could not be read (%s)", sub.id, exc.status)
                if status == SubmissionStatus.QUEUED:
                    self._failed(sub, exc.message)
                continue
            values = self._checked(sub, mapping, mismatch)
            if isinstance(values, bool):
                return values
            if not self._claim(sub):
                return True  # withdrawn (cancelled) or taken meanwhile: nothing to send
            status = SubmissionStatus.SENDING
            run.progress("send", msg("Sending the reading of {day} for account {account}", day=sub.taken_on,
                                     account=sub.account))
            outcome = self._post(sub, target, channel, values)
            if outcome is None:  # certainly not stored: queued again
                status = SubmissionStatus.QUEUED
            elif isinstance(outcome, datetime):
                not_before = outcome  # the next try first waits for settle, then checks whether it arrived
            else:
                return outcome
        return False

    def _post(self, sub: PendingSubmission, target: Target, channel: Channel,
              values: list[tuple[str, int]]) -> bool | datetime | None:
        """Step 5, the claimed submission posted: True settled, False waits, a time: the outcome is unknown (asked
        from then on), None: certainly not stored (queued again, tried again in this pass)."""
        try:
            with self.run.exchange(tolerate=False):
                try:
                    results = channel.submit(values, sub.taken_on)
                except AmbiguousOutcome:
                    raise
                except PortalError as exc:  # it did not go out, or was refused unprocessed: queued again
                    if not _rejection(exc):
                        self._release(sub, exc.message)
                    raise  # out of reach: then the run stops
                if not confirms(results, target.device_id, values, sub.taken_on):
                    raise AmbiguousOutcome("The portal's answer was not the stored reading (another device or "
                                           f"other values). {UNCONFIRMED}")
        except AmbiguousOutcome as exc:
            return self._uncertain(sub, exc)
        except AuthError:
            self._release(sub, "the portal did not accept the password", later=False)
            raise
        except PortalRefused as exc:
            if _rejection(exc):
                self._rejected(sub, portal_message=exc.portal_message)
                return True
            self.run.warn(words_of(exc))
            return False
        except PortalError:  # CSRF refused twice, a 5xx...
            return None
        self._sent(sub, results)
        return True

    def refresh_acceptance(self, history_of: Callable[[str], list[ReadingResult]], account_ids: list[int],
                           targets: dict[int, Target]) -> None:
        """Sent submissions become accepted when the portal's history shows Prkrasch on them."""
        run = self.run
        with run.journal.read() as session:
            sent = outbox.pending(session, account_ids, (SubmissionStatus.SENT,))
        with run.exchange():  # a fault of the portal's: a warning, and the rest waits for the next run
            for sub in sent:
                target = targets.get(sub.meter_id)
                if target is None:
                    continue
                run.check()
                history = self.histories.get(target.device_id)
                if history is None:
                    run.progress("verify", msg("Reading history of meter {serial}", serial=target.serial))
                    history = self.histories[target.device_id] = history_of(target.device_id)
                found = arrived(sub, None, [], history)
                if found and any(r.accepted for r in found):
                    with run.journal.write() as session:
                        outbox.mark_accepted(session, sub.id, run.now())
                    run.accepted.append(sub.id)
