"""What the supplier's portal knows, kept beside the journal: links of our accounts and meters to the portal's
contract accounts and devices, invoices, payment documents, billed consumption, and tariff updates offered to
the user. Nothing here changes a reading, a price or a payment of the user's on its own: prices are offers
that the user accepts (then they become the user's prices: journal.tariff_offers), portal payments are listed apart;
the payee's details: journal.portal_payee; what one sync reads and stores: journal.portal_sync.

Plain records in, plain records out; no network here (desktop_app.portal does the talking).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.messages import Message, msg
from journal.periods import Period
from journal.storage.models import (
    Account,
    BilledConsumption,
    Meter,
    PortalAccount,
    PortalDevice,
    PortalInvoice,
    PortalPayment,
    PortalRegister,
)
from journal.tariffs import UnknownPrice

DIFFERENCE_LIMIT = Decimal("0.01")  # flag a billed amount differing from our estimate by more than 1 %


# --- what is pulled (the portal client builds these) -----------------------------------------------------------


@dataclass(frozen=True)
class PulledInvoice:
    invoice_id: str
    invoice_date: date | None
    due_date: date | None
    amount_due: Decimal | None
    amount_paid: Decimal | None
    amount_remaining: Decimal | None
    status_id: str | None


@dataclass(frozen=True)
class PulledPayment:
    document_id: str
    paid_on: date | None
    amount: Decimal | None
    method: str


@dataclass(frozen=True)
class PulledConsumption:
    start_date: date
    end_date: date
    consumption: Decimal | None
    billed_amount: Decimal | None


@dataclass(frozen=True)
class PulledRegister:
    register_id: str
    zone_text: str
    zone: str | None
    previous_value: Decimal | None
    previous_date: date | None


@dataclass(frozen=True)
class InvoiceInfo:
    account: str
    invoice_id: str
    invoice_date: date | None
    due_date: date | None
    amount_due: Decimal | None
    amount_paid: Decimal | None
    amount_remaining: Decimal | None
    settled: bool
    pdf_file: str | None  # relative to the data folder


@dataclass(frozen=True)
class PortalPaymentInfo:
    account: str
    document_id: str
    paid_on: date | None
    amount: Decimal | None
    method: str


@dataclass(frozen=True)
class BilledPeriod:
    account: str
    period: str
    start_date: date
    end_date: date
    consumption: Decimal | None
    billed_amount: Decimal | None


@dataclass(frozen=True)
class BilledComparison:
    """One period: our estimate next to the supplier's billed amount; `flag` when they differ by over 1 %."""

    period: str
    estimate: Decimal | None  # None: no reading of ours for the period, or its price is unknown
    billed: Decimal | None
    difference: Decimal | None  # billed − estimate
    flag: bool
    note: Message | str = ""  # why there is no estimate or no billed amount ("" when both are there)


@dataclass(frozen=True)
class DeviceLink:
    meter_id: int
    meter_serial: str
    device_id: str
    verified_year: int | None
    next_verification_year: int | None
    verification_interval: int | None


# --- links --------------------------------------------------------------------------------------------------


def link_account(session: Session, account: Account, *, portal_account_id: str, contract_account_id: str,
                 contract_id: str | None, tariff_type: str | None, now: datetime) -> PortalAccount:
    row = session.scalar(select(PortalAccount).where(PortalAccount.account_id == account.id))
    if row is None:
        row = PortalAccount(account_id=account.id, linked_at=now, portal_account_id=portal_account_id,
                            contract_account_id=contract_account_id)
        session.add(row)
    row.portal_account_id = portal_account_id
    row.contract_account_id = contract_account_id
    row.contract_id = contract_id
    row.tariff_type = tariff_type
    session.flush()
    return row


def link_device(session: Session, meter: Meter, *, device_id: str, contract_id: str | None, serial: str,
                integer_places: int | None, decimal_places: int | None, verified_year: int | None,
                next_verification_year: int | None, verification_interval: int | None,
                registers: list[PulledRegister], now: datetime) -> PortalDevice:
    row = session.scalar(select(PortalDevice).where(PortalDevice.meter_id == meter.id))
    if row is None:
        row = PortalDevice(meter_id=meter.id, device_id=device_id, serial=serial, updated_at=now)
        session.add(row)
    row.device_id, row.contract_id, row.serial = device_id, contract_id, serial
    row.integer_places, row.decimal_places = integer_places, decimal_places
    row.verified_year, row.next_verification_year = verified_year, next_verification_year
    row.verification_interval = verification_interval
    row.updated_at = now
    session.flush()
    existing = {r.register_id: r for r in session.scalars(
        select(PortalRegister).where(PortalRegister.portal_device_id == row.id))}
    for pulled in registers:
        register = existing.pop(pulled.register_id, None)
        if register is None:
            register = PortalRegister(portal_device_id=row.id, register_id=pulled.register_id)
            session.add(register)
        register.zone_text, register.zone = pulled.zone_text[:60], pulled.zone
        register.previous_value, register.previous_date = pulled.previous_value, pulled.previous_date
    for gone in existing.values():
        session.delete(gone)
    # The portal's verification years fill the meter's when the user has not entered them.
    if meter.verified_year is None and verified_year:
        meter.verified_year = verified_year
    if meter.next_verification_year is None and next_verification_year:
        meter.next_verification_year = next_verification_year
    session.flush()
    return row


def device_links(session: Session, account: Account) -> list[DeviceLink]:
    rows = session.execute(
        select(PortalDevice, Meter.serial).join(Meter, Meter.id == PortalDevice.meter_id)
        .where(Meter.account_id == account.id).order_by(Meter.installed_on)
    )
    return [DeviceLink(d.meter_id, serial, d.device_id, d.verified_year, d.next_verification_year,
                       d.verification_interval) for d, serial in rows]


def portal_link(session: Session, account: Account) -> PortalAccount | None:
    return _link_of(session, account.id)


def _link_of(session: Session, account_id: int) -> PortalAccount | None:
    return session.scalar(select(PortalAccount).where(PortalAccount.account_id == account_id))


def mark_pulled(session: Session, account_id: int, now: datetime) -> None:
    row = _link_of(session, account_id)
    if row is not None:
        row.pulled_at = now


def pull_due(session: Session, account_ids: Iterable[int], now: datetime, interval: timedelta) -> bool:
    """Any of these accounts never pulled, or last pulled `interval` ago or more."""
    for account_id in account_ids:
        row = _link_of(session, account_id)
        if row is None or row.pulled_at is None or now - row.pulled_at >= interval:
            return True
    return False


# --- invoices, payments, consumption -----------------------------------------------------------------------------


def _upsert(session: Session, existing: dict[Any, Any], items: Iterable[Any], key_of: Callable[[Any], Any],
            create: Callable[[Any], Any], fill: Callable[[Any, Any], None]) -> int:
    """Insert the pulled items that are new (by key), update the others; return how many were new."""
    new = 0
    for item in items:
        key = key_of(item)
        if not key:
            continue
        row = existing.get(key)
        if row is None:
            row = create(item)
            session.add(row)
            existing[key] = row
            new += 1
        fill(row, item)
    session.flush()
    return new


def store_invoices(session: Session, account: Account, invoices: list[PulledInvoice], now: datetime) -> int:
    """Insert or update; returns how many were new."""
    existing = {r.invoice_id: r for r in session.scalars(
        select(PortalInvoice).where(PortalInvoice.account_id == account.id))}

    def fill(row: PortalInvoice, item: PulledInvoice) -> None:
        row.invoice_date, row.due_date = item.invoice_date, item.due_date
        row.amount_due, row.amount_paid, row.amount_remaining = item.amount_due, item.amount_paid, item.amount_remaining
        row.status_id = item.status_id
        row.pulled_at = now

    return _upsert(session, existing, invoices, lambda item: item.invoice_id,
                   lambda item: PortalInvoice(account_id=account.id, invoice_id=item.invoice_id), fill)


def invoices_without_pdf(session: Session, account_id: int) -> list[str]:
    return list(session.scalars(select(PortalInvoice.invoice_id).where(
        PortalInvoice.account_id == account_id, PortalInvoice.pdf_file.is_(None)).order_by(PortalInvoice.invoice_date)))


def set_invoice_pdf(session: Session, account_id: int, invoice_id: str, relative_path: str) -> None:
    row = session.scalar(select(PortalInvoice).where(PortalInvoice.account_id == account_id,
                                                     PortalInvoice.invoice_id == invoice_id))
    if row is not None:
        row.pdf_file = relative_path


def store_payments(session: Session, account: Account, payments: list[PulledPayment], now: datetime) -> int:
    existing = {r.document_id: r for r in session.scalars(
        select(PortalPayment).where(PortalPayment.account_id == account.id))}

    def fill(row: PortalPayment, item: PulledPayment) -> None:
        row.paid_on, row.amount, row.method, row.pulled_at = item.paid_on, item.amount, item.method[:100], now

    return _upsert(session, existing, payments, lambda item: item.document_id,
                   lambda item: PortalPayment(account_id=account.id, document_id=item.document_id), fill)


def period_of_interval(start: date, end: date) -> str:
    """Our billing period for the supplier's interval: the calendar month of its middle day."""
    middle = start + (end - start) / 2
    return str(Period(middle.year, middle.month))


def store_consumption(session: Session, account: Account, contract_id: str, values: list[PulledConsumption],
                      now: datetime) -> int:
    existing = {(r.start_date, r.end_date): r for r in session.scalars(
        select(BilledConsumption).where(BilledConsumption.account_id == account.id,
                                        BilledConsumption.contract_id == contract_id))}

    def fill(row: BilledConsumption, item: PulledConsumption) -> None:
        row.period = period_of_interval(item.start_date, item.end_date)
        row.consumption, row.billed_amount, row.pulled_at = item.consumption, item.billed_amount, now

    return _upsert(session, existing, values, lambda item: (item.start_date, item.end_date),
                   lambda item: BilledConsumption(account_id=account.id, contract_id=contract_id,
                                                  start_date=item.start_date, end_date=item.end_date), fill)


def invoices(session: Session, account: Account) -> list[InvoiceInfo]:
    rows = session.scalars(select(PortalInvoice).where(PortalInvoice.account_id == account.id)
                           .order_by(PortalInvoice.invoice_date, PortalInvoice.invoice_id))
    return [InvoiceInfo(account.number, r.invoice_id, r.invoice_date, r.due_date, r.amount_due, r.amount_paid,
                        r.amount_remaining, r.status_id == "9", r.pdf_file) for r in rows]


def payments(session: Session, account: Account) -> list[PortalPaymentInfo]:
    rows = session.scalars(select(PortalPayment).where(PortalPayment.account_id == account.id)
                           .order_by(PortalPayment.paid_on, PortalPayment.document_id))
    return [PortalPaymentInfo(account.number, r.document_id, r.paid_on, r.amount, r.method) for r in rows]


def billed_periods(session: Session, account: Account) -> list[BilledPeriod]:
    rows = session.scalars(select(BilledConsumption).where(BilledConsumption.account_id == account.id)
                           .order_by(BilledConsumption.start_date))
    return [BilledPeriod(account.number, r.period, r.start_date, r.end_date, r.consumption, r.billed_amount)
            for r in rows]


def billed_comparison(session: Session, account: Account) -> list[BilledComparison]:
    """Per period: our estimate (the period's charge from the journal), the supplier's billed amount, and a flag
    when they differ by more than 1 % of the billed amount. Periods of either side are listed."""
    billed: dict[str, Decimal] = {}
    for row in billed_periods(session, account):
        if row.billed_amount is not None:
            billed[row.period] = billed.get(row.period, Decimal("0.00")) + row.billed_amount
    from journal import billing  # the prices and charges: not for the reminder's quick look at invoices

    totals = billing.period_totals(session, account)  # one pass over the history, not one per period
    result = []
    for period in sorted(set(billed) | set(totals)):
        estimate: Decimal | None = None
        note: Message | str = ""
        total = totals.get(period)
        if isinstance(total, UnknownPrice):
            note = total.text
        elif total is not None:
            estimate = total
        else:
            note = msg("no reading of ours for this period")
        amount = billed.get(period)
        difference = amount - estimate if amount is not None and estimate is not None else None
        flag = False
        if difference is not None:
            base = abs(amount) if amount else abs(estimate or Decimal(0))
            flag = abs(difference) > base * DIFFERENCE_LIMIT if base else False
        if amount is None and not note:
            note = msg("not billed yet")
        result.append(BilledComparison(period, estimate, amount, difference, flag, note))
    return result
