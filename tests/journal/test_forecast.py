"""Average consumption and the forecast, checked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from journal.errors import InvalidInput
from journal.forecast import MONTH_DAYS, ZoneAverage, average_consumption, forecast_period
from journal.zones import Zone

SINGLE_INTERVALS = [
    (date(2026, 1, 20), date(2026, 2, 20), {Zone.SINGLE: 310}),  # 31 days
    (date(2026, 2, 20), date(2026, 3, 20), {Zone.SINGLE: 280}),  # 28 days
]


def test_average_single_zone() -> None:
    # (310 + 280) / (31 + 28) = 590 / 59 = 10.00 kWh/day; monthly 10 × 30.4375 = 304.375 → 304.4
    assert average_consumption(SINGLE_INTERVALS) == {
        Zone.SINGLE: ZoneAverage(Zone.SINGLE, Decimal("10.00"), Decimal("304.4"))
    }


def test_average_two_zones_weighs_by_days() -> None:
    intervals = [
        (date(2026, 3, 1), date(2026, 3, 31), {Zone.DAY: 200, Zone.NIGHT: 90}),  # 30 days
        (date(2026, 3, 31), date(2026, 5, 1), {Zone.DAY: 150, Zone.NIGHT: 61}),  # 31 days
    ]
    averages = average_consumption(intervals)
    assert list(averages) == [Zone.DAY, Zone.NIGHT]
    # day: 350 / 61 = 5.7377… → 5.74; monthly 350 × 30.4375 / 61 = 10653.125 / 61 = 174.641… → 174.6
    assert averages[Zone.DAY].daily == Decimal("5.74")
    assert averages[Zone.DAY].monthly == Decimal("174.6")
    # night: 151 / 61 = 2.4754… → 2.48; monthly 151 × 30.4375 / 61 = 4596.0625 / 61 = 75.345… → 75.3
    assert averages[Zone.NIGHT].daily == Decimal("2.48")
    assert averages[Zone.NIGHT].monthly == Decimal("75.3")


def test_zones_are_averaged_over_their_own_intervals() -> None:
    # A plan change: the single zone only in the first interval, day/night only in the second.
    intervals = [
        (date(2026, 1, 1), date(2026, 1, 11), {Zone.SINGLE: 50}),  # 10 days → 5.00/day
        (date(2026, 1, 11), date(2026, 1, 31), {Zone.DAY: 60, Zone.NIGHT: 30}),  # 20 days
    ]
    averages = average_consumption(intervals)
    assert averages[Zone.SINGLE].daily == Decimal("5.00")
    assert averages[Zone.DAY].daily == Decimal("3.00")
    assert averages[Zone.NIGHT].daily == Decimal("1.50")


def test_forecast_projects_the_daily_average() -> None:
    # 10 kWh/day × 31 days (2026-03-21 .. 2026-04-20) = 310.0
    assert forecast_period(SINGLE_INTERVALS, date(2026, 3, 20), date(2026, 4, 20)) == {Zone.SINGLE: Decimal("310.0")}
    # Same day: nothing yet.
    assert forecast_period(SINGLE_INTERVALS, date(2026, 3, 20), date(2026, 3, 20)) == {Zone.SINGLE: Decimal("0.0")}


def test_forecast_uses_the_exact_average() -> None:
    # night: 151 / 61 per day × 10 days = 1510 / 61 = 24.754… → 24.8
    # day: 350 / 61 per day × 7 days = 2450 / 61 = 40.163… → 40.2
    intervals = [
        (date(2026, 3, 1), date(2026, 3, 31), {Zone.DAY: 200, Zone.NIGHT: 90}),
        (date(2026, 3, 31), date(2026, 5, 1), {Zone.DAY: 150, Zone.NIGHT: 61}),
    ]
    assert forecast_period(intervals, date(2026, 5, 1), date(2026, 5, 11))[Zone.NIGHT] == Decimal("24.8")
    assert forecast_period(intervals, date(2026, 5, 1), date(2026, 5, 8))[Zone.DAY] == Decimal("40.2")
    # 200 kWh over 3 days: 66.666…/day; × 100 days = 6666.666… → 6666.7 (rounded daily 66.67 × 100 = 6667.0)
    three_days = [(date(2026, 1, 1), date(2026, 1, 4), {Zone.SINGLE: 200})]
    assert forecast_period(three_days, date(2026, 1, 4), date(2026, 4, 14)) == {Zone.SINGLE: Decimal("6666.7")}


def test_empty_input_gives_empty_results() -> None:
    assert average_consumption([]) == {}
    assert forecast_period([], date(2026, 3, 20), date(2026, 4, 20)) == {}


def test_month_length() -> None:
    assert MONTH_DAYS == Decimal("365.25") / 12


@pytest.mark.parametrize(
    "intervals",
    [
        [(date(2026, 3, 20), date(2026, 3, 20), {Zone.SINGLE: 1})],
        [(date(2026, 3, 20), date(2026, 3, 1), {Zone.SINGLE: 1})],
        [(date(2026, 3, 1), date(2026, 3, 20), {Zone.SINGLE: -1})],
    ],
)
def test_bad_intervals_are_refused(intervals) -> None:
    with pytest.raises(InvalidInput):
        average_consumption(intervals)


def test_forecast_end_before_last_reading_is_refused() -> None:
    with pytest.raises(InvalidInput, match="must not be before"):
        forecast_period(SINGLE_INTERVALS, date(2026, 3, 20), date(2026, 3, 19))
