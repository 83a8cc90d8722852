"""The charge rule: what a period's consumption costs.

A period covers the days after the previous reading's date up to and including the current
reading's date. When a new price starts inside the period, each zone's kWh are split across the
prices in proportion to the number of the period's days under each price. A zone's amount is

    Σ kWh × days_under_price / days_in_period × price

computed exactly and rounded once, ROUND_HALF_UP, to kopecks. The period's total is the sum of the
rounded zone amounts.

Volume bands (since 2024-07-01): the period's consumption is treated as one month's. When the total
over all zones exceeds 1,200 kWh (band I), the kWh of each band are shared among the zones in
proportion to each zone's share of the total: a zone with kWh k out of a total T gets k × v / T of a
band holding v kWh, priced at that band's price. When a band's prices are not known for the whole
period in every zone, its kWh are priced at the next lower band that is known and a warning says the
amount is a lower bound.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, Inexact, localcontext

from journal.errors import InvalidInput
from journal.messages import Message, msg
from journal.tariffs import BAND_NAMES, VOLUME_BANDS, PriceBook, PriceSegment, UnknownPrice
from journal.zones import PLAN_ZONES, ConsumerCategory, TariffPlan, Zone

MONEY_STEP = Decimal("0.01")
KWH_DISPLAY_STEP = Decimal("0.001")
PRECISION = 50


@dataclass(frozen=True)
class PricePart:
    """The share of a zone's kWh under one price; `kwh` is for display (0.001), not for the amount."""

    valid_from: date
    price: Decimal
    days: int
    kwh: Decimal
    band: int = 1


@dataclass(frozen=True)
class ZoneCharge:
    zone: Zone
    kwh: int
    amount: Decimal
    parts: tuple[PricePart, ...]


@dataclass(frozen=True)
class Charge:
    zones: tuple[ZoneCharge, ...]
    total: Decimal
    warnings: tuple[Message, ...]


def _context(*, exact: bool) -> Context:
    context = Context(prec=PRECISION, rounding=ROUND_HALF_UP)
    if exact:
        context.traps[Inexact] = True
    return context


def round_money(x: Decimal) -> Decimal:
    """Round to kopecks, half up (0.005 → 0.01)."""
    with localcontext(_context(exact=False)):
        return x.quantize(MONEY_STEP, rounding=ROUND_HALF_UP)


def _checked_consumption(plan: TariffPlan, consumption: Mapping[Zone, int]) -> dict[Zone, int]:
    zones = PLAN_ZONES[plan]
    for zone in consumption:
        if zone not in zones:
            raise InvalidInput(
                msg("Zone {zone} is not part of plan {plan}; its zones are {zones}.", zone=zone, plan=plan,
                    zones=zones),
                field="consumption",
            )
    checked = {}
    for zone in zones:
        if zone not in consumption:
            raise InvalidInput(msg("The consumption of zone {zone} is missing.", zone=zone), field="consumption")
        kwh = consumption[zone]
        if not isinstance(kwh, int) or isinstance(kwh, bool) or kwh < 0:
            raise InvalidInput(
                msg(
                    "The consumption of zone {zone} must be a whole number of kWh, zero or more; got {kwh!r}.",
                    zone=zone,
                    kwh=kwh,
                ),
                field="consumption",
            )
        checked[zone] = kwh
    return checked


def _band_volumes(total_kwh: int) -> list[tuple[int, int]]:
    """The kWh of the total in each volume band, bands with no kWh left out."""
    band_one, band_two = (int(limit) for limit in VOLUME_BANDS)
    volumes = [
        (1, min(total_kwh, band_one)),
        (2, max(0, min(total_kwh, band_two) - band_one)),
        (3, max(0, total_kwh - band_two)),
    ]
    return [(band, kwh) for band, kwh in volumes if kwh > 0]


def _band_warning(total_kwh: int, band: int, priced_at: int) -> Message:
    limit = int(VOLUME_BANDS[band - 2])
    return msg(
        "The consumption of {kwh} kWh is above the {limit} kWh monthly limit of volume band {band}, and band "
        "{unknown} prices are unknown: the kWh above {limit} are priced at band {priced_at} prices, so the amount is "
        "a lower bound. Check it against your bill.",
        kwh=total_kwh, limit=limit, band=BAND_NAMES[band - 1], unknown=BAND_NAMES[band],
        priced_at=BAND_NAMES[priced_at],
    )


def compute_charge(
    book: PriceBook,
    category: ConsumerCategory,
    plan: TariffPlan,
    consumption: Mapping[Zone, int],
    previous_date: date,
    current_date: date,
) -> Charge:
    """The charge for a period; raises UnknownPrice when a band I price is unknown on some day."""
    if previous_date >= current_date:
        raise InvalidInput(
            msg("The current reading's date {current} must be after the previous reading's date {previous}.",
                current=current_date, previous=previous_date),
            field="date",
        )
    plan = TariffPlan(plan)
    kwh = _checked_consumption(plan, consumption)
    total_kwh = sum(kwh.values())

    def segments(zone: Zone, band: int) -> list[PriceSegment]:
        return book.segments(category, plan, zone, previous_date, current_date, band=band)

    # Band I must be known (UnknownPrice propagates); higher bands fall back to the band below.
    band_segments = {1: {zone: segments(zone, 1) for zone in kwh}}
    weights: dict[int, int] = {}
    warnings: list[Message] = []
    effective = 1
    for band, volume in _band_volumes(total_kwh):
        if band > 1:
            try:
                band_segments[band] = {zone: segments(zone, band) for zone in kwh}
                effective = band
            except UnknownPrice:
                warnings.append(_band_warning(total_kwh, band, effective))
        weights[effective] = weights.get(effective, 0) + volume
    if not weights:  # no consumption at all: amounts are zero, prices are still shown
        weights = {1: 1}
    weight_total = sum(weights.values())
    days_total = (current_date - previous_date).days

    zones = tuple(
        _zone_charge(zone, zone_kwh, weights, weight_total, days_total, band_segments) for zone, zone_kwh in kwh.items()
    )
    return Charge(zones=zones, total=sum((z.amount for z in zones), Decimal("0.00")), warnings=tuple(warnings))


def _zone_charge(
    zone: Zone,
    zone_kwh: int,
    weights: dict[int, int],
    weight_total: int,
    days_total: int,
    band_segments: dict[int, dict[Zone, list[PriceSegment]]],
) -> ZoneCharge:
    """Σ zone_kwh × weight/weight_total × days/days_total × price, with one division and one rounding.

    The numerator is a sum of integers × prices, exact in Decimal (an Inexact trap guards it); the
    single division by weight_total × days_total is carried to 50 significant digits, far below a
    kopeck, so that the rounding to kopecks sees the exact value's side of every half kopeck.
    """
    denominator = Decimal(weight_total * days_total)
    numerator = Decimal(0)
    parts = []
    for band, weight in weights.items():
        for segment in band_segments[band][zone]:
            units = zone_kwh * weight * segment.days
            with localcontext(_context(exact=True)):
                numerator += Decimal(units) * segment.price
            with localcontext(_context(exact=False)):
                shown_kwh = (Decimal(units) / denominator).quantize(KWH_DISPLAY_STEP, rounding=ROUND_HALF_UP)
            parts.append(PricePart(segment.entry.valid_from, segment.price, segment.days, shown_kwh, band))
    with localcontext(_context(exact=False)):
        amount = round_money(numerator / denominator)
    return ZoneCharge(zone=zone, kwh=zone_kwh, amount=amount, parts=tuple(parts))


def format_decimal(value: Decimal) -> str:
    """A plain decimal string without trailing zeros or exponent: 61.500 → "61.5", 60 → "60"."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def charge_to_json(charge: Charge) -> dict[str, object]:
    """The charge as JSON-ready data; money and kWh as decimal strings. Parts of volume bands II and
    III carry a "band" key; band I parts do not."""

    def part_json(part: PricePart) -> dict[str, object]:
        data: dict[str, object] = {
            "from": part.valid_from.isoformat(),
            "price": format(part.price, "f"),
            "days": part.days,
            "kwh": format_decimal(part.kwh),
        }
        if part.band != 1:
            data["band"] = part.band
        return data

    return {
        "zones": [
            {
                "zone": str(zone.zone),
                "kwh": str(zone.kwh),
                "amount": format(zone.amount, "f"),
                "prices": [part_json(part) for part in zone.parts],
            }
            for zone in charge.zones
        ],
        "total": format(charge.total, "f"),
        "warnings": [str(warning) for warning in charge.warnings],
    }
