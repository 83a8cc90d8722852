"""Average consumption and a simple forecast from past reading intervals.

An interval is (previous reading's date, current reading's date, kWh per zone) and covers the days
after the previous date up to and including the current one. A zone's average daily consumption is
its kWh summed over the intervals that have the zone, divided by those intervals' days summed (so
longer intervals weigh more). A month is taken as 30.4375 days (365.25 / 12, the mean month over
a four-year leap cycle). Averages and forecasts are computed from the exact quotient and rounded
once, half up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from journal.errors import InvalidInput
from journal.messages import msg
from journal.zones import Zone

MONTH_DAYS = Decimal("30.4375")
DAILY_STEP = Decimal("0.01")
MONTHLY_STEP = Decimal("0.1")
FORECAST_STEP = Decimal("0.1")

Interval = tuple[date, date, Mapping[Zone, int]]


@dataclass(frozen=True)
class ZoneAverage:
    zone: Zone
    daily: Decimal  # kWh per day, 0.01
    monthly: Decimal  # kWh per month of 30.4375 days, 0.1


def _totals(intervals: Iterable[Interval]) -> dict[Zone, tuple[int, int]]:
    """Per zone, in order of first appearance: (kWh summed, days summed)."""
    totals: dict[Zone, tuple[int, int]] = {}
    for previous_date, current_date, consumption in intervals:
        if previous_date >= current_date:
            raise InvalidInput(
                msg(
                    "An interval must end after it starts; got {start} to {end}.",
                    start=previous_date,
                    end=current_date,
                ),
                field="date",
            )
        days = (current_date - previous_date).days
        for zone, kwh in consumption.items():
            if not isinstance(kwh, int) or isinstance(kwh, bool) or kwh < 0:
                raise InvalidInput(
                    msg(
                        "The consumption of zone {zone} must be a whole number of kWh, zero or more; got {kwh!r}.",
                        zone=zone,
                        kwh=kwh,
                    ),
                    field="consumption",
                )
            kwh_sum, days_sum = totals.get(zone, (0, 0))
            totals[zone] = (kwh_sum + kwh, days_sum + days)
    return totals


def _ratio(numerator: Decimal, denominator: int, step: Decimal) -> Decimal:
    with localcontext(Context(prec=50, rounding=ROUND_HALF_UP)):
        return (numerator / Decimal(denominator)).quantize(step, rounding=ROUND_HALF_UP)


def average_consumption(intervals: Iterable[Interval]) -> dict[Zone, ZoneAverage]:
    """Average daily (0.01 kWh) and monthly (0.1 kWh) consumption per zone; {} for no intervals."""
    return {
        zone: ZoneAverage(
            zone=zone,
            daily=_ratio(Decimal(kwh), days, DAILY_STEP),
            monthly=_ratio(kwh * MONTH_DAYS, days, MONTHLY_STEP),
        )
        for zone, (kwh, days) in _totals(intervals).items()
    }


def forecast_period(intervals: Iterable[Interval], last_reading_date: date, period_end: date) -> dict[Zone, Decimal]:
    """Per zone, the kWh expected from the day after the last reading through `period_end`
    (exact daily average × days, 0.1 kWh); {} for no intervals."""
    if period_end < last_reading_date:
        raise InvalidInput(
            msg(
                "The period end {end} must not be before the last reading's date {day}.",
                end=period_end,
                day=last_reading_date,
            ),
            field="date",
        )
    ahead = (period_end - last_reading_date).days
    return {zone: _ratio(Decimal(kwh * ahead), days, FORECAST_STEP) for zone, (kwh, days) in _totals(intervals).items()}
