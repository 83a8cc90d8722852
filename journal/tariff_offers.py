"""Tariff updates the supplier's portal offers: the portal's current zone prices, recorded as an offer when the
journal's prices for today say otherwise. Nothing is applied on its own: the person's yes makes them the person's
prices from a day they choose; a no dismisses the offer (the same offer is not made again)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal.errors import InvalidInput, NotFound
from journal.messages import msg
from journal.storage.models import Account, TariffOffer
from journal.tariffs import PriceEntry, UnknownPrice
from journal.zones import ConsumerCategory, TariffPlan, Zone

OFFER_SOURCE = "offered by the portal"


@dataclass(frozen=True)
class TariffOfferInfo:
    id: int
    account: str
    tariff_type: str | None
    plan: TariffPlan
    prices: dict[Zone, Decimal | None]
    status: str  # offered, accepted, dismissed
    offered_at: datetime
    valid_from: date | None


def _offer_info(row: TariffOffer, account: Account) -> TariffOfferInfo:
    plan = TariffPlan(row.plan)
    values = (row.t1, row.t2, row.t3)
    return TariffOfferInfo(row.id, account.number, row.tariff_type, plan,
                           {zone: values[i] for i, zone in enumerate(plan.zones)}, row.status, row.offered_at,
                           row.valid_from)


def offer_tariff(session: Session, account: Account, tariff_type: str | None, prices: dict[Zone, Decimal],
                 *, today: date, now: datetime) -> TariffOfferInfo | None:
    """Record the portal's current zone prices as an offer, unless the journal's prices for today already say the
    same, or the same offer was already made (whatever the user answered). Nothing is applied."""
    plan = TariffPlan(account.plan)
    if not prices or any(prices.get(zone) is None for zone in plan.zones):
        return None
    wanted = tuple(prices[zone].normalize() for zone in plan.zones)
    from journal import billing

    book = billing.price_book(session)
    category = ConsumerCategory(account.category)
    current = []
    for zone in plan.zones:
        try:
            current.append(book.price_on(category, plan, zone, today).price.normalize())  # type: ignore[union-attr]
        except (UnknownPrice, LookupError, AttributeError):
            current.append(None)
    if tuple(current) == wanted:
        return None
    for row in session.scalars(select(TariffOffer).where(TariffOffer.account_id == account.id,
                                                         TariffOffer.plan == plan.value)):
        values = tuple(v.normalize() if v is not None else None for v in (row.t1, row.t2, row.t3)[:len(plan.zones)])
        if values == wanted:
            return None
    padded = (*wanted, None, None)
    row = TariffOffer(account_id=account.id, tariff_type=tariff_type, plan=plan.value, t1=padded[0], t2=padded[1],
                      t3=padded[2], status="offered", offered_at=now)
    session.add(row)
    session.flush()
    return _offer_info(row, account)


def tariff_offers(session: Session, account: Account, *, include_decided: bool = False) -> list[TariffOfferInfo]:
    query = select(TariffOffer).where(TariffOffer.account_id == account.id)
    if not include_decided:
        query = query.where(TariffOffer.status == "offered")
    return [_offer_info(row, account) for row in session.scalars(query.order_by(TariffOffer.offered_at))]


def _offer(session: Session, account: Account, offer_id: int) -> TariffOffer:
    row = session.get(TariffOffer, offer_id)
    if row is None or row.account_id != account.id:
        raise NotFound(msg("There is no tariff offer {offer} for the account {account}.", offer=offer_id,
                           account=account.number), field="offer")
    if row.status != "offered":
        raise InvalidInput(msg("The tariff offer {offer} was already {status}.", offer=offer_id, status=row.status),
                           field="offer")
    return row


def accept_offer(session: Session, account: Account, offer_id: int, valid_from: date, *, today: date,
                 now: datetime) -> list[PriceEntry]:
    """The user's yes: the offered prices become the user's prices from `valid_from`."""
    from journal import billing

    row = _offer(session, account, offer_id)
    plan = TariffPlan(row.plan)
    prices = [format(v, "f") for v in (row.t1, row.t2, row.t3)[:plan.zone_count]]
    source = f"{OFFER_SOURCE}" + (f" ({row.tariff_type})" if row.tariff_type else "")
    entries = billing.set_user_price(session, account.category, row.plan, valid_from, prices, today=today,
                                     source=source[:200])
    row.status, row.decided_at, row.valid_from = "accepted", now, valid_from
    session.flush()
    return entries


def dismiss_offer(session: Session, account: Account, offer_id: int, now: datetime) -> None:
    row = _offer(session, account, offer_id)
    row.status, row.decided_at = "dismissed", now
    session.flush()
