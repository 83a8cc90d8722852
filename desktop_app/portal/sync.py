"""The sync engine: send what the outbox holds, exactly once, and pull back what the supplier knows — three parts
in order, each in its own module:

- matching (desktop_app.portal.matching): our accounts ↔ the portal's contract accounts, meters ↔ devices, zones ↔
  registers, stored as links;
- delivery (desktop_app.portal.delivery): claim, send, settle, verify — the answer must be the created entity;
  then the acceptance of sent readings;
- pull (desktop_app.portal.pull): invoices and their PDFs, payments, billed consumption, prices as an offer, the
  payee.
The anonymous mode (desktop_app.portal.anonymous) sends through the public service and pulls nothing.

A run has a deadline (`SyncOptions.deadline`; each request is also limited, desktop_app.portal.transport): when it
passes, the run stops between steps with a message, every submission in a consistent state (sync_run.SyncRun).
All network work happens outside journal transactions; each journal write is one short transaction.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path

from desktop_app.portal.anonymous import run_anonymous
from desktop_app.portal.api import PortalApi, PublicApi, ReadingResult
from desktop_app.portal.delivery import Channel, Delivery, Target
from desktop_app.portal.errors import PasswordBlocked, PortalRefused
from desktop_app.portal.matching import match
from desktop_app.portal.pull import pull, pull_wanted
from desktop_app.portal.reading_checks import confirms
from desktop_app.portal.sync_report import PullSummary, SyncReport
from desktop_app.portal.sync_run import Progress, Stop, SyncOptions, SyncProgress, SyncRun
from journal import portal_sync
from journal.messages import msg
from journal.storage.database import Journal

__all__ = ["PullSummary", "SyncEngine", "SyncOptions", "SyncProgress", "SyncReport"]


class SyncEngine:
    _confirms = staticmethod(confirms)  # the delivery's check of an answer, where the tests have always asked it

    def __init__(self, journal: Journal, *, data_dir: Path, today: Callable[[], date],
                 now: Callable[[], datetime] = datetime.now, options: SyncOptions | None = None,
                 progress: Progress | None = None, cancel: threading.Event | None = None,
                 deadline: float | None = None) -> None:
        """`deadline`: the time.monotonic() at which the run stops (None: SyncOptions.deadline from now)."""
        self.journal, self.data_dir, self.today, self.now = journal, data_dir, today, now
        self.options = options or SyncOptions()
        self.progress, self.cancel = progress, cancel or threading.Event()
        self.deadline = deadline if deadline is not None else time.monotonic() + self.options.deadline.total_seconds()

    def _run(self) -> SyncRun:
        return SyncRun(self.journal, self.today, self.now, self.options, self.progress, self.cancel, self.deadline)

    def run(self, api: PortalApi, login: str, account_numbers: list[str]) -> SyncReport:
        """Connect, match, send, check acceptance, and pull when due."""
        run = self._run()
        with run.journal.read() as session:
            accounts = portal_sync.sync_accounts(session, account_numbers)
        account_ids = [a.id for a in accounts]
        pulled: PullSummary | None = None
        with suppress(Stop), run.exchange():
            run.check()
            run.progress("connect", msg("Connecting to the portal"))
            try:
                status = api.password_status(login)
            except PortalRefused:
                status = ""  # not offered by this server: the next call tells whether the login works
            if status and status not in ("1", "2"):
                raise PasswordBlocked(msg("The portal says this password is blocked; restore it on the portal's "
                                          "site."), field="password")
            run.check()
            portal_accounts = api.accounts()
            run.progress("match", msg("Matching accounts and meters"))
            matches = match(run, portal_accounts, accounts)
            delivery = Delivery(run)

            def channel(target: Target) -> Channel:
                def history() -> list[ReadingResult]:
                    result = delivery.histories[target.device_id] = api.reading_history(target.device_id)
                    return result

                return Channel(lambda: api.registers(target.device_id), history,
                               lambda values, day: api.submit(target.device_id, values, day))

            delivery.send_all(account_ids, matches.targets, channel)
            run.check()
            delivery.refresh_acceptance(api.reading_history, account_ids, matches.targets)
            if pull_wanted(run, account_ids):
                pulled = pull(run, api, matches.accounts, self.data_dir)
        run.progress("done", msg("Done"))
        return run.report(accounts, pulled)

    def run_anonymous(self, api: PublicApi, account_numbers: list[str]) -> SyncReport:
        """Send through the public service: account number + meter serial, no password. Nothing is pulled."""
        return run_anonymous(self._run(), api, account_numbers)
