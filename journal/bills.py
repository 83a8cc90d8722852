"""A billing period's bill from the account's history and a price book: computed here without reading anything,
so that the service (journal.billing, over a session) and the read-only `bill` command (sqlite3 alone, starting
without SQLAlchemy) compute it the same way.

Each reading in force of the period (journal.history rows) is charged over its own interval, the days after the
previous reading's (or the installation act's) date up to and including the reading's date, with compute_charge.
A period normally has one such reading; a period with a meter replacement or a tariff plan change has two or
more: the old meter's final reading (dated on the new meter's installation day) and the new meter's reading. The
zone amounts of the intervals, each already rounded to kopecks, are added per zone. Volume bands are applied per
interval, as compute_charge treats each interval as one month's consumption. Parts of the intervals under the
same price are shown merged (days and kWh added).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from journal.charges import Charge, PricePart, ZoneCharge, compute_charge
from journal.errors import NotFound
from journal.messages import msg
from journal.periods import Period
from journal.records import HistoryRow
from journal.tariffs import PriceBook
from journal.zones import ConsumerCategory, TariffPlan, Zone

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class BillInterval:
    """One reading's interval in a period: the days after `previous_date` through `taken_on`."""

    meter_serial: str
    plan: TariffPlan  # the meter's plan: the zones of `consumption`
    previous_date: date
    taken_on: date
    consumption: tuple[int, ...]
    is_final: bool = False

    @property
    def days(self) -> int:
        return (self.taken_on - self.previous_date).days


@dataclass(frozen=True)
class Bill:
    account: str
    period: str
    intervals: tuple[BillInterval, ...]
    charge: Charge


def in_force(rows: Iterable[HistoryRow]) -> list[HistoryRow]:
    """The readings in force among history rows: each has its consumption."""
    return [row for row in rows if row.consumption is not None]


def _merge_parts(parts: Iterable[PricePart]) -> tuple[PricePart, ...]:
    merged: dict[tuple[date, Decimal, int], PricePart] = {}
    for part in parts:
        key = (part.valid_from, part.price, part.band)
        if key in merged:
            seen = merged[key]
            part = PricePart(part.valid_from, part.price, seen.days + part.days, seen.kwh + part.kwh, part.band)
        merged[key] = part
    return tuple(sorted(merged.values(), key=lambda p: (p.band, p.valid_from)))


def combine_charges(charges: list[Charge]) -> Charge:
    """Add the charges of several intervals zone by zone (amounts already rounded per interval). In the
    period of a plan change the zones of both plans appear, in the order the intervals bring them."""
    if len(charges) == 1:
        return charges[0]
    by_zone: dict[Zone, list[ZoneCharge]] = {}
    for charge in charges:
        for zone_charge in charge.zones:
            by_zone.setdefault(zone_charge.zone, []).append(zone_charge)
    zones = tuple(
        ZoneCharge(
            zone=zone,
            kwh=sum(z.kwh for z in same),
            amount=sum((z.amount for z in same), ZERO),
            parts=_merge_parts(part for z in same for part in z.parts),
        )
        for zone, same in by_zone.items()
    )
    warnings = tuple(dict.fromkeys(w for charge in charges for w in charge.warnings))
    return Charge(zones=zones, total=sum((z.amount for z in zones), ZERO), warnings=warnings)


def interval(row: HistoryRow) -> BillInterval:
    """A reading in force as the interval it is charged over."""
    return BillInterval(row.meter_serial, row.plan, row.previous_date, row.taken_on,  # type: ignore[arg-type]
                        row.consumption, row.is_final)  # type: ignore[arg-type]


def row_charge(book: PriceBook, category: ConsumerCategory, row: HistoryRow) -> Charge:
    """The charge of one reading's interval, by the plan its meter counted in."""
    return compute_charge(book, category, row.plan, dict(zip(row.plan.zones, row.consumption, strict=True)),  # type: ignore[arg-type]
                          row.previous_date, row.taken_on)  # type: ignore[arg-type]


def charge_rows(book: PriceBook, category: ConsumerCategory, rows: list[HistoryRow]) -> Charge:
    """The charge of readings in force (a period's), their intervals' charges added per zone."""
    return combine_charges([row_charge(book, category, row) for row in rows])


def period_rows(rows: Iterable[HistoryRow], number: str, period: str) -> list[HistoryRow]:
    """The readings in force of a billing period among an account's (more than one after a meter replacement or
    plan change); NotFound when it has none."""
    wanted = str(Period.parse(period))
    found = [row for row in in_force(rows) if row.period == wanted]
    if not found:
        raise NotFound(
            msg("There is no reading for {period} on the account {number}. Add the period's reading first (reading "
                "add), or choose a period shown in the history.", period=Period.parse(wanted), number=number),
            field="period",
        )
    return found


def bill(book: PriceBook, number: str, category: ConsumerCategory, rows: Iterable[HistoryRow], period: str) -> Bill:
    """The bill of a billing period from the account's history rows (`rows`); InvalidInput for a period that is
    not one, NotFound when it has no reading, UnknownPrice when a price is missing."""
    wanted = str(Period.parse(period))
    found = period_rows(rows, number, wanted)
    return Bill(number, wanted, tuple(interval(row) for row in found), charge_rows(book, category, found))
