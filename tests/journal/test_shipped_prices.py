"""The prices shipped in resources/tariffs.csv reach the bill: a reading over the first day of each price found
since the first table (docs/DOMAIN.md) is charged at it, and a month without a change keeps the price before it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop_app.services.journal_service import JournalService
from journal.charges import PricePart
from journal.periods import period_of
from journal.tariffs import UnknownPrice
from journal.zones import Zone
from tests.conftest import ACCOUNT

D = Decimal


def _bill_over(service: JournalService, category: str, plan: str, first_day: date, kwh: tuple[int, ...],
               days: int = 10):  # type: ignore[no-untyped-def]
    """A meter installed the day before `first_day`, read `days` days later: the bill of that reading."""
    service.add_account(ACCOUNT, "Иванова Мария Петровна", "Самара, ул. Ленина, 1", plan, category)
    start = ",".join("1000" for _ in kwh)
    service.add_meter(ACCOUNT, "11712434", 6, first_day - timedelta(days=1), start)
    taken = first_day + timedelta(days=days - 1)
    service.add_reading(ACCOUNT, taken, ",".join(str(1000 + k) for k in kwh))
    return service.billing.bill(ACCOUNT, str(period_of(taken)))


def _parts(bill) -> dict[Zone, tuple[PricePart, ...]]:  # type: ignore[no-untyped-def]
    return {zone.zone: zone.parts for zone in bill.charge.zones}


@pytest.mark.parametrize(("category", "plan", "first_day", "kwh", "prices"), [
    # Until 2017-06-30 (63.ru, 29.06.2017): single 3.67, day 3.85, night 1.90; 0.7 categories single 2.57.
    ("urban-gas", "single", date(2016, 7, 1), (100,), {Zone.SINGLE: "3.67"}),
    ("urban-gas", "two-zone", date(2016, 7, 1), (100, 50), {Zone.DAY: "3.85", Zone.NIGHT: "1.90"}),
    ("urban-electric", "single", date(2016, 7, 1), (100,), {Zone.SINGLE: "2.57"}),
    ("rural", "single", date(2016, 7, 1), (100,), {Zone.SINGLE: "2.57"}),
    # 2022-07-01 (niasam.ru): single 4.62.
    ("urban-gas", "single", date(2022, 7, 1), (100,), {Zone.SINGLE: "4.62"}),
    # 2025-07-01 (volga.news 775233): peak 8.37, three-zone night 3.56, semi-peak 6.16.
    ("urban-gas", "three-zone", date(2025, 7, 1), (100, 50, 70),
     {Zone.PEAK: "8.37", Zone.NIGHT: "3.56", Zone.SEMI_PEAK: "6.16"}),
])
def test_a_bill_over_the_first_day_of_a_new_price_uses_it(service: JournalService, category: str, plan: str,
                                                          first_day: date, kwh: tuple[int, ...],
                                                          prices: dict[Zone, str]) -> None:
    bill = _bill_over(service, category, plan, first_day, kwh)
    expected = {zone: (PricePart(first_day, D(price), 10, D(k).quantize(D("0.001"))),)
                for (zone, price), k in zip(prices.items(), kwh, strict=True)}
    assert _parts(bill) == expected
    assert bill.charge.total == sum((D(p) * k for p, k in zip(prices.values(), kwh, strict=True)), D(0))


def test_the_2025_day_price_is_shipped_while_the_two_zone_night_stays_unknown(service: JournalService) -> None:
    # Zones are charged in order, day first: the refusal names the night, so the day's 7.18 was found.
    with pytest.raises(UnknownPrice) as caught:
        _bill_over(service, "urban-gas", "two-zone", date(2025, 7, 1), (100, 50))
    assert caught.value.zone == Zone.NIGHT and caught.value.day == date(2025, 7, 1)
    day = service.billing.prices("urban-gas", "two-zone")
    assert [(e.price, e.source) for e in day if e.zone == Zone.DAY and e.valid_from == date(2025, 7, 1)] == [
        (D("7.18"), "volga.news, статья 775233")]


def test_no_change_on_2023_07_01_keeps_the_prices_of_2022_12_01(service: JournalService) -> None:
    # Days 2023-06-21 .. 2023-07-10 (20 days) all at 5.04: one part, dated 2022-12-01.
    bill = _bill_over(service, "urban-gas", "single", date(2023, 6, 21), (200,), days=20)
    assert _parts(bill) == {Zone.SINGLE: (PricePart(date(2022, 12, 1), D("5.04"), 20, D("200.000")),)}
    assert bill.charge.total == D("1008.00")


def test_the_zone_prices_of_2022_07_01_are_unknown_not_the_old_ones(service: JournalService) -> None:
    with pytest.raises(UnknownPrice) as caught:
        _bill_over(service, "urban-gas", "two-zone", date(2022, 7, 1), (100, 50))
    assert caught.value.day == date(2022, 7, 1)
