"""What one sync with the supplier's portal reads from the journal and stores in it, each in one short
transaction: the accounts to sync with their meters (read once per run), the matches found (accounts ↔ contract
accounts, meters ↔ devices with their registers), and one account's pull (invoices, payments, billed consumption,
the zone prices as an offer, the payee's details). The portal client (desktop_app.portal) builds these plain
records from the portal's answers; no network here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import portal_data, portal_payee, tariff_offers
from journal.portal_data import PulledConsumption, PulledInvoice, PulledPayment, PulledRegister
from journal.portal_payee import PulledPayee
from journal.storage.models import Account, Meter
from journal.tariff_offers import TariffOfferInfo
from journal.zones import TariffPlan, Zone


@dataclass(frozen=True)
class SyncMeter:
    id: int
    serial: str
    plan: TariffPlan  # the meter record's own plan: after a plan change, an old record keeps its zones
    in_use: bool


@dataclass(frozen=True)
class SyncAccount:
    id: int
    number: str
    plan: TariffPlan
    meters: tuple[SyncMeter, ...]


def sync_accounts(session: Session, numbers: Iterable[str]) -> list[SyncAccount]:
    """The journal's accounts of these numbers, in their order (numbers not in the journal left out), with their
    meters."""
    numbers = list(dict.fromkeys(numbers))
    found = {a.number: a for a in session.scalars(select(Account).where(Account.number.in_(numbers)))}
    meters: dict[int, list[SyncMeter]] = {}
    ids = [a.id for a in found.values()]
    for m in session.scalars(select(Meter).where(Meter.account_id.in_(ids)).order_by(Meter.id)):
        meters.setdefault(m.account_id, []).append(SyncMeter(m.id, m.serial, TariffPlan(m.plan), m.removed_on is None))
    return [SyncAccount(a.id, a.number, TariffPlan(a.plan), tuple(meters.get(a.id, ())))
            for n in numbers if (a := found.get(n)) is not None]


@dataclass(frozen=True)
class DeviceMatch:
    """One of our meters found among the portal's devices (by serial number), with its registers."""

    meter_id: int
    device_id: str
    contract_id: str | None
    serial: str
    integer_places: int | None
    decimal_places: int | None
    verified_year: int | None
    next_verification_year: int | None
    verification_interval: int | None
    registers: list[PulledRegister]


@dataclass(frozen=True)
class AccountMatch:
    """One of our accounts found among the portal's contract accounts (by Vkona)."""

    account_id: int
    portal_account_id: str
    contract_account_id: str
    contract_id: str | None
    tariff_type: str | None
    devices: tuple[DeviceMatch, ...] = ()


def store_matches(session: Session, matches: Iterable[AccountMatch], now: datetime) -> None:
    """The links of our accounts and meters to the portal's, kept for the history and the next runs."""
    for match in matches:
        account = session.get(Account, match.account_id)
        if account is None:
            continue
        portal_data.link_account(session, account, portal_account_id=match.portal_account_id,
                                 contract_account_id=match.contract_account_id, contract_id=match.contract_id,
                                 tariff_type=match.tariff_type, now=now)
        for d in match.devices:
            meter = session.get(Meter, d.meter_id)
            if meter is None:
                continue
            portal_data.link_device(
                session, meter, device_id=d.device_id, contract_id=d.contract_id, serial=d.serial,
                integer_places=d.integer_places, decimal_places=d.decimal_places, verified_year=d.verified_year,
                next_verification_year=d.next_verification_year, verification_interval=d.verification_interval,
                registers=d.registers, now=now)


@dataclass(frozen=True)
class AccountPull:
    """What the portal knows of one account, as pulled."""

    invoices: list[PulledInvoice]
    payments: list[PulledPayment]
    consumption: dict[str, list[PulledConsumption]]  # per contract
    tariff_type: str | None
    prices: dict[Zone, Decimal]  # the current zone prices, when the portal gives one per zone
    payee: PulledPayee | None


@dataclass(frozen=True)
class PullStored:
    devices: int
    new_invoices: int
    new_payments: int
    billed_periods: int
    offer: TariffOfferInfo | None
    payee: bool
    without_pdf: list[str] = field(default_factory=list)  # invoices whose PDF is still to fetch


def store_pull(session: Session, account_id: int, pulled: AccountPull, *, supplier: str, want_pdfs: bool,
               today: date, now: datetime) -> PullStored | None:
    """Store one account's pull (None when the account is no longer in the journal). Nothing of the person's own
    changes: prices become an offer, the portal's payments are kept apart, the payee only when checked and not
    taken from the person's bill."""
    account = session.get(Account, account_id)
    if account is None:
        return None
    new_invoices = portal_data.store_invoices(session, account, pulled.invoices, now)
    new_payments = portal_data.store_payments(session, account, pulled.payments, now)
    billed = 0
    for contract_id, values in pulled.consumption.items():
        portal_data.store_consumption(session, account, contract_id, values, now)
        billed += len(values)
    offer = tariff_offers.offer_tariff(session, account, pulled.tariff_type, pulled.prices, today=today, now=now)
    payee = pulled.payee is not None and portal_payee.store_payee(session, supplier, pulled.payee, now)
    return PullStored(len(portal_data.device_links(session, account)), new_invoices, new_payments, billed, offer,
                      payee, portal_data.invoices_without_pdf(session, account_id) if want_pdfs else [])
