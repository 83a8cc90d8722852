"""One sync run: its options, its journal and clock, its progress, cancel and deadline, and what it has done so
far — shared by delivery, matching and pulling (desktop_app.portal.sync orders them).

A run ends early, never with an exception of the portal's: when cancelled, at its deadline, or when the portal is
out of reach (`exchange`: its readings stay queued), each noted once for the report; a fault of the portal's in
one step is a warning, and the run goes on with the next.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from desktop_app.portal.errors import PortalError, PortalUnreachable, SyncDeadline
from desktop_app.portal.sync_report import PullSummary, SyncReport
from journal import outbox
from journal.messages import Message, as_message, msg
from journal.portal_sync import SyncAccount
from journal.storage.database import Journal

log = logging.getLogger(__name__)


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

    @property
    def backoff(self) -> outbox.Backoff:
        """The outbox's wait before a failed submission's next try (the background worker keeps to it)."""
        return outbox.Backoff(self.backoff_base, self.backoff_max)


@dataclass(frozen=True)
class SyncProgress:
    step: str  # connect, match, send, verify, pull, done
    message: Message
    done: int = 0
    total: int = 0


Progress = Callable[[SyncProgress], None]


class Stop(Exception):
    """The portal is unreachable, the run's time is up, or the sync was cancelled: stop, keep everything as it is."""


def words_of(exc: Exception) -> Message:
    """An error's words as a message: its own when it carries one, else its text as it is."""
    text = getattr(exc, "text", None)
    return text if isinstance(text, Message) else as_message(getattr(exc, "message", None) or str(exc))


@dataclass
class SyncRun:
    journal: Journal
    today: Callable[[], date]
    now: Callable[[], datetime] = datetime.now
    options: SyncOptions = field(default_factory=SyncOptions)
    on_progress: Progress | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    deadline: float | None = None  # time.monotonic() at which the run stops (None: SyncOptions.deadline from now)
    sent: list[int] = field(default_factory=list)
    accepted: list[int] = field(default_factory=list)
    rejected: list[int] = field(default_factory=list)
    withdrawn: list[int] = field(default_factory=list)
    warnings: list[Message] = field(default_factory=list)
    unreachable: bool = False
    cancelled: bool = False
    expired: bool = False

    def __post_init__(self) -> None:
        if self.deadline is None:
            self.deadline = time.monotonic() + self.options.deadline.total_seconds()

    def warn(self, message: Message, account: str | None = None) -> None:
        self.warnings.append(message if account is None else msg("Account {number}: {problem}", number=account,
                                                                 problem=message))

    def stop(self, exc: PortalUnreachable) -> Stop:
        """The portal is out of reach or the run's time is up: note it; the Stop returned ends the run."""
        if isinstance(exc, SyncDeadline):
            self.expired = True
        else:
            self.unreachable = True
        self.warn(words_of(exc))
        return Stop()

    @contextmanager
    def exchange(self, account: str | None = None, *, tolerate: bool = True) -> Iterator[None]:
        """One exchange with the portal. Out of reach (or out of time): noted once, and the run stops (Stop). Any
        other fault of the portal's: a warning (naming `account`) and the run goes on after this block — or, not
        `tolerate`d, it is the caller's to answer."""
        try:
            yield
        except PortalUnreachable as exc:
            raise self.stop(exc) from None
        except PortalError as exc:
            if not tolerate:
                raise
            self.warn(words_of(exc), account)

    def progress(self, step: str, message: Message, done: int = 0, total: int = 0) -> None:
        if self.on_progress is None:
            return
        try:
            self.on_progress(SyncProgress(step, message, done, total))
        except Exception:  # a broken progress callback must not break a sync half-way
            log.exception("The sync's progress callback failed")

    def check(self) -> None:
        """Stop here when cancelled or out of time."""
        if self.cancel.is_set():
            self.cancelled = True
            raise Stop
        if time.monotonic() >= self.deadline:  # type: ignore[operator]
            raise self.stop(SyncDeadline())

    def wait(self, seconds: float) -> None:
        seconds = min(seconds, self.deadline - time.monotonic())  # type: ignore[operator]
        if seconds > 0 and self.cancel.wait(seconds):
            self.cancelled = True
            raise Stop
        self.check()

    def report(self, accounts: list[SyncAccount], pulled: PullSummary | None) -> SyncReport:
        with self.journal.read() as session:
            def infos(ids: list[int]) -> tuple[outbox.SubmissionInfo, ...]:
                return tuple(outbox.submission(session, i) for i in dict.fromkeys(ids))

            numbers = {a.number for a in accounts}
            waiting = tuple(s for s in outbox.submissions(session) if s.status in outbox.WAITING
                            and s.account in numbers)
            return SyncReport(sent=infos(self.sent), accepted=infos(self.accepted), rejected=infos(self.rejected),
                              waiting=waiting, pulled=pulled, unreachable=self.unreachable, cancelled=self.cancelled,
                              messages=tuple(dict.fromkeys(self.warnings)), withdrawn=infos(self.withdrawn),
                              expired=self.expired)
