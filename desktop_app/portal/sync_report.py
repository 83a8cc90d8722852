"""What a sync did, for the command line (its English) and the window (its messages as data)."""

from __future__ import annotations

from dataclasses import dataclass, field

from journal.messages import Message
from journal.outbox import SubmissionInfo, SubmissionStatus
from journal.tariff_offers import TariffOfferInfo


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
    tariff_offers: list[TariffOfferInfo] = field(default_factory=list)
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
    messages: tuple[Message, ...] = ()  # the warnings, as data
    withdrawn: tuple[SubmissionInfo, ...] = ()  # not sent: the reading was withdrawn in the journal
    expired: bool = False  # stopped at the run's deadline
    warnings: tuple[str, ...] = field(init=False)  # the warnings' English (the command line's)

    def __post_init__(self) -> None:
        object.__setattr__(self, "warnings", tuple(str(m) for m in self.messages))

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


def merged(reports: list[SyncReport]) -> SyncReport:
    """The reports of one sync's logins as one."""
    if len(reports) == 1:
        return reports[0]
    pulled = [r.pulled for r in reports if r.pulled is not None]
    summary = None
    if pulled:
        summary = PullSummary()
        for p in pulled:
            for name, value in p.__dict__.items():
                current = getattr(summary, name)
                setattr(summary, name, current + value if not isinstance(value, bool) else current or value)
    return SyncReport(
        sent=tuple(s for r in reports for s in r.sent), accepted=tuple(s for r in reports for s in r.accepted),
        rejected=tuple(s for r in reports for s in r.rejected), waiting=tuple(s for r in reports for s in r.waiting),
        pulled=summary, unreachable=any(r.unreachable for r in reports), cancelled=any(r.cancelled for r in reports),
        messages=tuple(m for r in reports for m in r.messages),
        withdrawn=tuple(s for r in reports for s in r.withdrawn), expired=any(r.expired for r in reports),
    )
