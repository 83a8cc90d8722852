"""An account's overview: everything the window's top and tabs show for one account, read in one transaction.

`account_overview(journal, number, today)` decides; the window only draws it, and `meter-journal overview` prints
it. It holds what is owed (journal.owed), the banners in their order of priority, the history with each tariff
plan change, the chart's months, the payments (ours and the personal account's), the supplier's bills and the
submissions' states (the sync state).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from desktop_app.services.reminders import Reminder, account_reminders
from journal import accounts, billing, history, meters, outbox, portal_data
from journal import tariff_offers as price_offers
from journal.periods import period_of

if TYPE_CHECKING:
    from journal.billing import BalanceInfo, PaymentInfo
    from journal.outbox import DeadlineWarning, SubmissionInfo
    from journal.owed import Owed
    from journal.portal_data import BilledComparison, InvoiceInfo, PortalPaymentInfo
    from journal.records import AccountInfo, HistoryRow, MeterInfo, PeriodConsumption
    from journal.storage.database import Journal
    from journal.tariff_offers import TariffOfferInfo
    from journal.zones import Zone

CHART_MONTHS = 24  # the chart shows the last 12 or 24 of them
ONE_MONTH_AT_MOST = 45  # days between a month's first and last reading: more is a gap of months, not a month


class BannerKind(StrEnum):
    """What the banner over the tabs may say, most urgent first (the order of `banners`)."""

    SAMPLE = "sample"  # the sample household's journal
    DEADLINE = "deadline"  # a reading not at the supplier on the 24th or 25th: the SMS and the phone
    INVOICE_PAYEE = "invoice-payee"  # a bill from the personal account holds other bank details
    TARIFF_OFFER = "tariff-offer"  # the personal account shows new prices, not used until accepted
    REMINDERS = "reminders"  # readings due, a verification due


@dataclass(frozen=True)
class Banner:
    kind: BannerKind
    deadline: DeadlineWarning | None = None
    offer: TariffOfferInfo | None = None
    invoice: object | None = None  # the InvoicePayee the window found in the newest bill
    reminders: tuple[Reminder, ...] = ()


@dataclass(frozen=True)
class SyncState:
    """The account's submissions to the personal account."""

    by_reading: dict[int, SubmissionInfo] = field(default_factory=dict)
    waiting: int = 0  # queued, or sent and being checked

    @property
    def idle(self) -> bool:
        return self.waiting == 0


@dataclass(frozen=True)
class ChartMonth:
    """A billing period of the chart: its own consumption per zone (None: no readings, or not one month's), and
    its charge (None: not known — see `read` and `price_unknown`) and payments (None: none counted that month).
    What a missing bar means is said by the rest: `read` (a reading in the month), `gap` (its reading closes a gap
    of months: the first and last day its consumption counts, so no bar of its own), `price_unknown` (read, but a
    price of its charge is unknown)."""

    period: str
    kwh: dict[Zone, int] | None
    charge: object | None = None
    paid: object | None = None
    read: bool = False
    gap: tuple[date, date] | None = None
    price_unknown: bool = False


@dataclass(frozen=True)
class AccountOverview:
    account: AccountInfo
    today: date
    meters: tuple[MeterInfo, ...]
    rows: tuple[HistoryRow, ...]  # the whole history, retired readings too
    plan_changes: frozenset[tuple[str, date]]  # (meter serial, day) of each tariff plan change
    balance: BalanceInfo
    banners: tuple[Banner, ...]  # most urgent first: the window shows the first
    months: tuple[PeriodConsumption, ...]  # consumption per billing period, from `rows`
    chart_zones: tuple[Zone, ...]  # the current plan's zones, then older plans'
    chart: tuple[ChartMonth, ...]  # the last CHART_MONTHS billing periods, the current one last
    payments: tuple[PaymentInfo, ...]
    portal_payments: tuple[PortalPaymentInfo, ...]
    invoices: tuple[InvoiceInfo, ...]
    billed: tuple[BilledComparison, ...]
    sync: SyncState

    @property
    def owed(self) -> Owed:
        return self.balance.owed

    @property
    def number(self) -> str:
        return self.account.number


def plan_changes(meter_list: tuple[MeterInfo, ...] | list[MeterInfo]) -> frozenset[tuple[str, date]]:
    """The days a meter's tariff plan changed (`journal.history.plan_change_days`)."""
    return history.plan_change_days((m.serial, m.installed_on, m.removed_on) for m in meter_list)


def banners(*, sample: bool, deadline: list[DeadlineWarning], invoice: object | None,
            offers: list[TariffOfferInfo], reminders: list[Reminder]) -> tuple[Banner, ...]:
    """What the banner may say, most urgent first: the sample, a deadline, new bank details, new prices, what is
    due."""
    found: list[Banner] = []
    if sample:
        found.append(Banner(BannerKind.SAMPLE))
    found += [Banner(BannerKind.DEADLINE, deadline=warning) for warning in deadline[:1]]
    if invoice is not None:
        found.append(Banner(BannerKind.INVOICE_PAYEE, invoice=invoice))
    found += [Banner(BannerKind.TARIFF_OFFER, offer=offer) for offer in offers[:1]]
    if reminders:
        found.append(Banner(BannerKind.REMINDERS, reminders=tuple(reminders)))
    return tuple(found)


def chart_months(months: list[PeriodConsumption], balance: BalanceInfo, today: date,
                 count: int = CHART_MONTHS) -> tuple[ChartMonth, ...]:
    """The last `count` billing periods, every one of them, ending with today's. A month's bar is its own
    consumption: a period whose readings span a gap of months has none (it is not one month's), nor has a month
    without readings. Every payment is drawn, in the month it counts in; a charge only when known."""
    shown = [period_of(today)]
    while len(shown) < count:
        shown.append(shown[-1].previous())
    read = {m.period: m for m in months}
    money = {r.period: r for r in balance.rows}
    result = []
    for period in reversed(shown):
        text = str(period)
        month, row = read.get(text), money.get(text)
        own = month is not None and (month.last_date - month.first_date).days <= ONE_MONTH_AT_MOST
        result.append(ChartMonth(
            text, dict(zip(month.zones, month.consumption, strict=True)) if own and month else None,
            row.charge if row else None, row.payments if row else None, read=month is not None,
            gap=(month.first_date, month.last_date) if month and not own else None,
            price_unknown=month is not None and row is not None and row.charge is None))
    return tuple(result)


def account_overview(journal: Journal, number: str, today: date, *, sample: bool = False,
                     invoice: object | None = None) -> AccountOverview:
    """Everything the window shows for account `number` on `today`, read in one transaction. `sample`: the
    sample household's journal; `invoice`: bank details found in the newest bill (ReceiptService.invoice_payee),
    offered in the banner until taken."""
    with journal.read() as session:
        found = accounts.find_account(session, number)
        info = accounts.account_info(found)
        meter_list = tuple(meters.list_meters(session, found))
        rows = tuple(history.account_history(session, found, include_retired=True))
        balance = billing.balance_rows(session, found, today)
        submissions = outbox.submissions(session, found)
        deadline = [w for w in outbox.deadline_warnings(session, today) if w.account == number]
        offers = [o for o in price_offers.tariff_offers(session, found) if o.status == "offered"]
        payments = tuple(billing.list_payments(session, found))
        portal_payments = tuple(portal_data.payments(session, found))
        invoices = tuple(portal_data.invoices(session, found))
        billed = tuple(portal_data.billed_comparison(session, found))
    months = history.monthly_consumption(rows)  # as the history shows them: the chart is not read again
    reminders = account_reminders(rows, meter_list, today)
    zones = tuple(dict.fromkeys((*info.zones, *(z for month in months for z in month.zones))))
    waiting = sum(1 for s in submissions if s.status in outbox.WAITING)
    return AccountOverview(
        info, today, meter_list, rows, plan_changes(meter_list), balance,
        banners(sample=sample, deadline=deadline, invoice=invoice, offers=offers, reminders=reminders),
        tuple(months), zones, chart_months(months, balance, today), payments, portal_payments, invoices, billed,
        SyncState({s.reading_id: s for s in submissions}, waiting))
