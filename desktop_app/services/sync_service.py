"""The sync service: what the command line and the window call for the supplier's portal.

Threading. `sync()` does network work and may take minutes against a slow portal: the window calls it from a
worker thread (threading.Thread or QThreadPool), passing a `threading.Event` to cancel and a plain callable for
progress (called in the worker thread: the window forwards it to the GUI thread with a queued signal). Every other
method reads or writes the journal in one short transaction and is safe to call from the GUI thread while a sync
runs. One sync at a time per journal (SyncBusy otherwise), also across processes.

Cancelling takes effect between requests: a request already on its way is allowed to finish (or time out), and
its outcome is recorded, so that nothing is sent twice. A run (and the lock it holds) ends by its deadline,
`SyncOptions.deadline`, whatever the portal does: each request is cut off at the deadline or its own limit.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import httpx

from desktop_app.portal import credentials, settings
from desktop_app.portal.address import checked_origin
from desktop_app.portal.api import PortalApi, PublicApi
from desktop_app.portal.credentials import CredentialStore, KeyringStatus
from desktop_app.portal.errors import CredentialsRequired
from desktop_app.portal.lock import SyncBusy, SyncLock
from desktop_app.portal.settings import PortalSettings
from desktop_app.portal.sync import PullSummary, SyncEngine, SyncOptions, SyncProgress, SyncReport
from desktop_app.portal.sync_report import merged
from desktop_app.portal.transport import DEFAULT_TIMEOUT, Login, PortalTransport
from desktop_app.services.changes import PRICES, SETTINGS, Changes, Done
from desktop_app.services.journal_service import JournalService
from journal import accounts, outbox, portal_data
from journal import tariff_offers as offers
from journal.errors import InvalidInput
from journal.messages import msg
from journal.outbox import DeadlineWarning, SubmissionInfo
from journal.portal_data import BilledComparison, InvoiceInfo, PortalPaymentInfo
from journal.tariff_offers import TariffOfferInfo
from journal.tariffs import PriceEntry

log = logging.getLogger(__name__)

LOCK_FILE = "portal-sync.lock"

__all__ = [
    "BilledComparison", "DeadlineWarning", "InvoiceInfo", "PortalPaymentInfo", "PullSummary", "SubmissionInfo",
    "SyncBusy", "SyncOptions", "SyncProgress", "SyncReport", "SyncService", "TariffOfferInfo",
]


@dataclass(frozen=True)
class CredentialInfo:
    login: str
    keyring: KeyringStatus
    stored: bool  # a password for this login is in the keyring
    from_environment: bool


class SyncService:
    def __init__(self, journal_service: JournalService, *, store: CredentialStore | None = None,
                 portal: PortalSettings | None = None, options: SyncOptions | None = None,
                 timeout: httpx.Timeout | float = DEFAULT_TIMEOUT, http_transport: httpx.BaseTransport | None = None,
                 now: Callable[[], datetime] = datetime.now) -> None:
        self.journals = journal_service
        self.data_dir = journal_service.path.parent
        self.store = store or CredentialStore()
        self._portal = portal
        self.options = options or SyncOptions()
        self.timeout = timeout
        self.http_transport = http_transport  # tests: wrap the real transport
        self.now = now

    @property
    def journal(self):  # type: ignore[no-untyped-def]  # follows JournalService after a restore
        return self.journals.journal

    @property
    def today(self) -> Callable[[], date]:
        return self.journals.today

    # --- settings and the password --------------------------------------------------------------------------------

    @property
    def portal(self) -> PortalSettings:
        """Where the portal is: given, else METER_JOURNAL_PORTAL_URL / portal.json / the default."""
        return self._portal or settings.load(self.data_dir)

    def save_portal_settings(self, value: PortalSettings) -> Done[Path]:
        checked_origin(value.origin)
        self._portal = value
        return Done(settings.save(self.data_dir, value), SETTINGS)

    def portal_web_url(self) -> str:
        """The portal's site, to open in the browser for registration and password recovery."""
        return self.portal.config.web_url

    def login_for(self, number: str | None = None) -> str:
        """The portal login: METER_JOURNAL_PORTAL_LOGIN, else portal.json's, else the account number."""
        login = credentials.env_login() or self.portal.login
        if login:
            return login
        if number:
            return number
        numbers = [a.number for a in self.journals.list_accounts()]
        if len(numbers) == 1:
            return numbers[0]
        raise InvalidInput(msg(
            "Which portal login? Give --account NUMBER, or set it once with 'portal login --login LOGIN'.",
        ), field="login")

    def credential_info(self, login: str) -> CredentialInfo:
        status = self.store.status()
        return CredentialInfo(login, status, bool(status.available and self.store.get(login)),
                              bool(os.environ.get(credentials.PASSWORD_ENV)))

    def save_password(self, login: str, password: str, *, remember_login: bool = True) -> None:
        """Store the password in the OS keyring (CredentialsRequired when there is none: then pass the password to
        `sync` each time)."""
        if not login.strip() or not password:
            raise InvalidInput(msg("Both the login and the password are needed."), field="password")
        checked_origin(self.portal.origin)  # not kept for an address it must never be sent to
        self.store.set(login.strip(), password)
        if remember_login:
            self.save_portal_settings(PortalSettings(**{**self.portal.__dict__, "login": login.strip()}))

    def forget_password(self, login: str) -> bool:
        return self.store.delete(login)

    # --- the sync -------------------------------------------------------------------------------------------------

    def _transport(self, origin: str, login: Login | None, deadline: float) -> PortalTransport:
        return PortalTransport(origin, login=login, auth=self.portal.auth, timeout=self.timeout,
                               http_transport=self.http_transport, deadline=deadline,
                               request_limit=self.options.request_limit.total_seconds())

    def sync(self, account: str | None = None, *, password: str | None = None, login: str | None = None,
             anonymous: bool = False, portal_url: str | None = None, pull: bool | None = None,
             background: bool = False, progress: Callable[[SyncProgress], None] | None = None,
             cancel: threading.Event | None = None) -> SyncReport:
        """Send the waiting readings and (when due, or `pull=True`) pull bills, payments and the supplier's figures.

        `account`: one account number (default: every account in the journal). `password`: as typed by the person
        (else the environment, else the keyring; CredentialsRequired when none; AuthError when the portal refuses
        it). `background=True` (the window's timer) respects each submission's backoff and pulls at most hourly.
        Raises SyncBusy when another sync of this journal runs, InsecurePortalAddress for plain http:// to another
        computer.
        """
        numbers = [self.journals.account(account).number] if account else [a.number for a in
                                                                            self.journals.list_accounts()]
        portal = self.portal.with_origin(portal_url)
        if pull is None:  # on demand: pull now; in the background: when the last pull is an hour old
            pull = None if background else (True if self.options.pull is None else self.options.pull)
        options = replace(self.options, pull=pull, respect_schedule=background or self.options.respect_schedule)
        checked_origin(portal.origin)  # before anything else: never a password over plain http:// to elsewhere
        with SyncLock(self.data_dir / LOCK_FILE):
            deadline = time.monotonic() + options.deadline.total_seconds()
            engine = SyncEngine(self.journal, data_dir=self.data_dir, today=self.today, now=self.now, options=options,
                                progress=progress, cancel=cancel, deadline=deadline)
            if anonymous:
                with self._transport(portal.origin, None, deadline) as transport:
                    return engine.run_anonymous(PublicApi(transport, portal.config), numbers)
            reports = []
            by_login: dict[str, list[str]] = {}
            for number in numbers:
                by_login.setdefault(login or self.login_for(number), []).append(number)
            for user, group in by_login.items():
                secret = credentials.resolve(user, self.store, password=password)
                with self._transport(portal.origin, secret, deadline) as transport:
                    reports.append(engine.run(PortalApi(transport, portal.config), user, group))
            return merged(reports)

    # --- what the history and the window show ---------------------------------------------------------------------

    def submissions(self, number: str | None = None) -> list[SubmissionInfo]:
        """Each reading's submission (waiting, sent, accepted, rejected with the portal's message, cancelled)."""
        with self.journal.read() as session:
            account = accounts.find_account(session, number) if number else None
            return outbox.submissions(session, account)

    def submission_by_reading(self, number: str) -> dict[int, SubmissionInfo]:
        """reading id → its submission, to put beside each row of the history."""
        return {s.reading_id: s for s in self.submissions(number)}

    def waiting_count(self, number: str | None = None) -> int:
        return sum(1 for s in self.submissions(number) if s.status in outbox.WAITING)

    def deadline_warnings(self) -> list[DeadlineWarning]:
        """On the 24th and 25th: readings still waiting, with the supplier's SMS text and phone."""
        with self.journal.read() as session:
            return outbox.deadline_warnings(session, self.today())

    def next_attempt_at(self) -> datetime | None:
        """When the background worker should try again (the earliest backoff of a waiting submission)."""
        times = [outbox.next_try(s, self.options.backoff) or self.now()
                 for s in self.submissions() if s.status in outbox.WAITING]
        return min(times) if times else None

    def invoices(self, number: str) -> list[InvoiceInfo]:
        with self.journal.read() as session:
            return portal_data.invoices(session, accounts.find_account(session, number))

    def invoice_pdf(self, invoice: InvoiceInfo) -> Path | None:
        """The downloaded PDF of an invoice (None when not downloaded yet)."""
        if not invoice.pdf_file:
            return None
        path = self.data_dir / invoice.pdf_file
        return path if path.is_file() else None

    def portal_payments(self, number: str) -> list[PortalPaymentInfo]:
        with self.journal.read() as session:
            return portal_data.payments(session, accounts.find_account(session, number))

    def billed_comparison(self, number: str) -> list[BilledComparison]:
        """Per period: our estimate, the supplier's billed amount, and a flag when they differ by over 1 %."""
        with self.journal.read() as session:
            return portal_data.billed_comparison(session, accounts.find_account(session, number))

    def device_links(self, number: str) -> list[portal_data.DeviceLink]:
        with self.journal.read() as session:
            return portal_data.device_links(session, accounts.find_account(session, number))

    def tariff_offers(self, number: str) -> list[TariffOfferInfo]:
        with self.journal.read() as session:
            return offers.tariff_offers(session, accounts.find_account(session, number))

    def accept_tariff_offer(self, number: str, offer_id: int, valid_from: date) -> Done[list[PriceEntry]]:
        """The person's yes: the offered prices become their prices from `valid_from`."""
        with self.journal.write() as session:
            entries = offers.accept_offer(session, accounts.find_account(session, number), offer_id, valid_from,
                                               today=self.today(), now=self.now())
        log.info("Tariff offer %s accepted for account %s", offer_id, number)
        return Done(entries, PRICES | Changes(portal=frozenset({number})))

    def dismiss_tariff_offer(self, number: str, offer_id: int) -> Done[None]:
        with self.journal.write() as session:
            offers.dismiss_offer(session, accounts.find_account(session, number), offer_id, self.now())
        return Done(None, Changes(portal=frozenset({number})))


__all__ += ["CredentialInfo", "CredentialsRequired"]
