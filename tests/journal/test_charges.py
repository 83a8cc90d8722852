"""The charge rule, checked against worked examples computed by hand."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal.charges import Charge, PricePart, charge_to_json, compute_charge, format_decimal, round_money
from journal.errors import InvalidInput
from journal.tariffs import PriceBook, PriceEntry, UnknownPrice
from journal.zones import PLAN_ZONES, ConsumerCategory, TariffPlan, Zone

GAS = ConsumerCategory.URBAN_GAS
SINGLE = TariffPlan.SINGLE
TWO = TariffPlan.TWO_ZONE
THREE = TariffPlan.THREE_ZONE


@pytest.fixture(scope="module")
def book() -> PriceBook:
    return PriceBook.shipped()


def _entry(plan, zone, day: date, price: str, band: int = 1) -> PriceEntry:
    return PriceEntry(GAS, plan, zone, day, Decimal(price), "test", band=band)


def _amounts(charge: Charge) -> dict[Zone, Decimal]:
    return {zone.zone: zone.amount for zone in charge.zones}


# --- worked examples, one price over the interval -----------------------------------------------


def test_single_zone(book: PriceBook) -> None:
    # Days after 2026-02-20 through 2026-03-20: 8 (Feb 21–28) + 20 = 28, all at 6.25 (from 2026-01-01).
    # 150 kWh × 6.25 = 937.50
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 150}, date(2026, 2, 20), date(2026, 3, 20))
    assert _amounts(charge) == {Zone.SINGLE: Decimal("937.50")}
    assert charge.total == Decimal("937.50")
    assert charge.warnings == ()
    assert charge.zones[0].parts == (PricePart(date(2026, 1, 1), Decimal("6.25"), 28, Decimal("150.000")),)


def test_two_zone(book: PriceBook) -> None:
    # 2026-03-20 → 2026-04-20, 31 days at the 2026-01-01 prices.
    # day 210 × 7.29 = 1458.00 + 72.90 = 1530.90; night 95 × 3.76 = 357.20; total 1888.10
    charge = compute_charge(book, GAS, TWO, {Zone.DAY: 210, Zone.NIGHT: 95}, date(2026, 3, 20), date(2026, 4, 20))
    assert _amounts(charge) == {Zone.DAY: Decimal("1530.90"), Zone.NIGHT: Decimal("357.20")}
    assert charge.total == Decimal("1888.10")
    assert [zone.zone for zone in charge.zones] == [Zone.DAY, Zone.NIGHT]


def test_three_zone(book: PriceBook) -> None:
    # 2026-04-20 → 2026-05-20 at the 2026-01-01 prices.
    # peak 80 × 8.50 = 680.00; night 120 × 3.61 = 433.20; semi-peak 100 × 6.26 = 626.00; total 1739.20
    consumption = {Zone.SEMI_PEAK: 100, Zone.NIGHT: 120, Zone.PEAK: 80}
    charge = compute_charge(book, GAS, THREE, consumption, date(2026, 4, 20), date(2026, 5, 20))
    assert _amounts(charge) == {
        Zone.PEAK: Decimal("680.00"),
        Zone.NIGHT: Decimal("433.20"),
        Zone.SEMI_PEAK: Decimal("626.00"),
    }
    assert charge.total == Decimal("1739.20")
    assert [zone.zone for zone in charge.zones] == [Zone.PEAK, Zone.NIGHT, Zone.SEMI_PEAK]  # T1, T2, T3


# --- a price change inside the interval -------------------------------------------------------------

CHANGE = (date(2026, 9, 20), date(2026, 10, 20))  # 30 days: 10 (Sep 21–30) at 2026-01-01, 20 at 2026-10-01


def test_price_change_single(book: PriceBook) -> None:
    # 150 kWh: 150 × 10/30 = 50 kWh × 6.25 = 312.50; 150 × 20/30 = 100 kWh × 6.95 = 695.00; total 1007.50
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 150}, *CHANGE)
    assert charge.total == Decimal("1007.50")
    assert charge_to_json(charge) == {
        "zones": [
            {
                "zone": "single",
                "kwh": "150",
                "amount": "1007.50",
                "prices": [
                    {"from": "2026-01-01", "price": "6.25", "days": 10, "kwh": "50"},
                    {"from": "2026-10-01", "price": "6.95", "days": 20, "kwh": "100"},
                ],
            }
        ],
        "total": "1007.50",
        "warnings": [],
    }
    json.dumps(charge_to_json(charge))  # serialisable as it is


def test_price_change_rounds_once(book: PriceBook) -> None:
    # 100 kWh: 100 × (10 × 6.25 + 20 × 6.95) / 30 = 100 × 201.5 / 30 = 671.666… → 671.67.
    # Rounding each part first would give 208.33 + 463.33 = 671.66.
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 100}, *CHANGE)
    assert charge.total == Decimal("671.67")
    assert [part.kwh for part in charge.zones[0].parts] == [Decimal("33.333"), Decimal("66.667")]
    assert charge_to_json(charge)["zones"][0]["prices"][0]["kwh"] == "33.333"


def test_price_change_two_zone(book: PriceBook) -> None:
    # day 300 × (10 × 7.29 + 20 × 8.20) / 30 = 10 × (72.9 + 164) = 2369.00
    # night 120 × (10 × 3.76 + 20 × 4.17) / 30 = 4 × (37.6 + 83.4) = 484.00; total 2853.00
    charge = compute_charge(book, GAS, TWO, {Zone.DAY: 300, Zone.NIGHT: 120}, *CHANGE)
    assert _amounts(charge) == {Zone.DAY: Decimal("2369.00"), Zone.NIGHT: Decimal("484.00")}
    assert charge.total == Decimal("2853.00")


def test_price_change_three_zone(book: PriceBook) -> None:
    # peak 90 × (10 × 8.50 + 20 × 9.57) / 30 = 3 × (85 + 191.4) = 829.20
    # night 150 × (10 × 3.61 + 20 × 4.07) / 30 = 5 × (36.1 + 81.4) = 587.50
    # semi-peak 110 × (10 × 6.26 + 20 × 6.95) / 30 = 110 × 201.6 / 30 = 22176 / 30 = 739.20
    # total 829.20 + 587.50 + 739.20 = 2155.90
    consumption = {Zone.PEAK: 90, Zone.NIGHT: 150, Zone.SEMI_PEAK: 110}
    charge = compute_charge(book, GAS, THREE, consumption, *CHANGE)
    assert _amounts(charge) == {
        Zone.PEAK: Decimal("829.20"),
        Zone.NIGHT: Decimal("587.50"),
        Zone.SEMI_PEAK: Decimal("739.20"),
    }
    assert charge.total == Decimal("2155.90")


# --- rounding at half a kopeck ------------------------------------------------------------------------


def test_exact_half_kopeck_rounds_up() -> None:
    # 150 × 4.1239 = 412.39 + 206.195 = 618.585 → 618.59 (half-even would give 618.58).
    book = PriceBook([_entry(SINGLE, Zone.SINGLE, date(2026, 1, 1), "4.1239")])
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 150}, date(2026, 2, 20), date(2026, 3, 20))
    assert charge.total == Decimal("618.59")


def test_exact_half_kopeck_after_a_split_rounds_up() -> None:
    # 3 days (Jan 1, 2, 3): 1 day at 1.0000, 2 days at 1.0075; 1 kWh:
    # (1 × 1.0000 + 2 × 1.0075) / 3 = 3.0150 / 3 = 1.005 exactly → 1.01
    book = PriceBook(
        [
            _entry(SINGLE, Zone.SINGLE, date(2030, 1, 1), "1.0000"),
            _entry(SINGLE, Zone.SINGLE, date(2030, 1, 2), "1.0075"),
        ]
    )
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 1}, date(2029, 12, 31), date(2030, 1, 3))
    assert charge.total == Decimal("1.01")


def test_just_below_half_kopeck_rounds_down() -> None:
    # (1 × 1.0000 + 2 × 1.0074) / 3 = 3.0148 / 3 = 1.004933… → 1.00
    book = PriceBook(
        [
            _entry(SINGLE, Zone.SINGLE, date(2030, 1, 1), "1.0000"),
            _entry(SINGLE, Zone.SINGLE, date(2030, 1, 2), "1.0074"),
        ]
    )
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 1}, date(2029, 12, 31), date(2030, 1, 3))
    assert charge.total == Decimal("1.00")
    # And without a split: 1 kWh × 10.0049 = 10.0049 → 10.00
    book = PriceBook([_entry(SINGLE, Zone.SINGLE, date(2030, 1, 1), "10.0049")])
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 1}, date(2030, 1, 1), date(2030, 1, 31))
    assert charge.total == Decimal("10.00")


def test_round_money() -> None:
    assert round_money(Decimal("0.005")) == Decimal("0.01")
    assert round_money(Decimal("0.0049999999")) == Decimal("0.00")
    assert round_money(Decimal("2.675")) == Decimal("2.68")
    assert str(round_money(Decimal(3))) == "3.00"


# --- volume bands ------------------------------------------------------------------------------------


def test_above_1200_kwh_without_band_prices_is_a_lower_bound(book: PriceBook) -> None:
    # 1500 kWh × 6.25 = 9375.00, all at band I, with a warning.
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 1500}, date(2026, 2, 20), date(2026, 3, 20))
    assert charge.total == Decimal("9375.00")
    assert len(charge.warnings) == 1
    warning = str(charge.warnings[0])
    for words in ("1500 kWh", "1200 kWh", "band II prices are unknown", "lower bound"):
        assert words in warning


def test_exactly_1200_kwh_has_no_warning(book: PriceBook) -> None:
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 1200}, date(2026, 2, 20), date(2026, 3, 20))
    assert charge.warnings == ()
    assert charge.total == Decimal("7500.00")  # 1200 × 6.25


def test_known_band_two_prices_share_the_excess_among_zones(book: PriceBook) -> None:
    # Band II test prices (not real): day 9.00, night 4.50. Day 1000 + night 500 = 1500 kWh, 300 above 1200.
    # Shares: day 1000/1500 → 800 at band I, 200 at band II; night 500/1500 → 400 and 100.
    # day 800 × 7.29 = 5832.00 + 200 × 9.00 = 1800.00 → 7632.00
    # night 400 × 3.76 = 1504.00 + 100 × 4.50 = 450.00 → 1954.00; total 9586.00
    mine = book.with_user_prices(
        [_entry(TWO, Zone.DAY, date(2026, 1, 1), "9.00", 2), _entry(TWO, Zone.NIGHT, date(2026, 1, 1), "4.50", 2)]
    )
    charge = compute_charge(mine, GAS, TWO, {Zone.DAY: 1000, Zone.NIGHT: 500}, date(2026, 3, 20), date(2026, 4, 20))
    assert _amounts(charge) == {Zone.DAY: Decimal("7632.00"), Zone.NIGHT: Decimal("1954.00")}
    assert charge.total == Decimal("9586.00")
    assert charge.warnings == ()
    day_parts = charge.zones[0].parts
    assert [(p.band, p.price, p.kwh, p.days) for p in day_parts] == [
        (1, Decimal("7.29"), Decimal("800.000"), 31),
        (2, Decimal("9.00"), Decimal("200.000"), 31),
    ]
    assert charge_to_json(charge)["zones"][0]["prices"][1]["band"] == 2


def test_band_three_unknown_falls_back_to_band_two() -> None:
    # Test prices: band I 6.25, band II 8.00. 7000 kWh: 1200 × 6.25 = 7500.00; 4800 × 8.00 = 38400.00;
    # the 1000 kWh above 6000 also at 8.00 = 8000.00; total 53900.00, with a band III warning.
    book = PriceBook(
        [
            _entry(SINGLE, Zone.SINGLE, date(2026, 1, 1), "6.25"),
            _entry(SINGLE, Zone.SINGLE, date(2026, 1, 1), "8.00", 2),
        ]
    )
    charge = compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 7000}, date(2026, 2, 20), date(2026, 3, 20))
    assert charge.total == Decimal("53900.00")
    assert len(charge.warnings) == 1
    assert "6000 kWh" in str(charge.warnings[0]) and "band III prices are unknown" in str(charge.warnings[0])
    assert "band II prices" in str(charge.warnings[0])


# --- errors ------------------------------------------------------------------------------------------


def test_unknown_price_propagates(book: PriceBook) -> None:
    with pytest.raises(UnknownPrice) as caught:
        compute_charge(book, GAS, TWO, {Zone.DAY: 100, Zone.NIGHT: 50}, date(2025, 6, 20), date(2025, 7, 20))
    error = caught.value
    assert (error.day, error.zone) == (date(2025, 7, 1), Zone.NIGHT)  # the day: 7.18
    assert "2025-07-01" in error.message and "urban-gas" in error.message and "two-zone" in error.message


def test_anything_in_2019_is_unknown(book: PriceBook) -> None:
    with pytest.raises(UnknownPrice, match="No price is known for 2019-02-01, category urban-gas"):
        compute_charge(book, GAS, SINGLE, {Zone.SINGLE: 100}, date(2019, 1, 31), date(2019, 2, 28))


@pytest.mark.parametrize(
    ("consumption", "previous", "words"),
    [
        ({Zone.SINGLE: 100}, date(2026, 3, 20), "must be after"),
        ({Zone.SINGLE: 100}, date(2026, 3, 21), "must be after"),
        ({}, date(2026, 2, 20), "zone single is missing"),
        ({Zone.SINGLE: 1, Zone.DAY: 2}, date(2026, 2, 20), "not part of plan single"),
        ({Zone.SINGLE: -1}, date(2026, 2, 20), "whole number"),
        ({Zone.SINGLE: True}, date(2026, 2, 20), "whole number"),
        ({Zone.SINGLE: Decimal("1.5")}, date(2026, 2, 20), "whole number"),
    ],
)
def test_bad_input_is_refused(book: PriceBook, consumption, previous: date, words: str) -> None:
    with pytest.raises(InvalidInput, match=words):
        compute_charge(book, GAS, SINGLE, consumption, previous, date(2026, 3, 20))


def test_zero_consumption_costs_nothing(book: PriceBook) -> None:
    charge = compute_charge(book, GAS, TWO, {Zone.DAY: 0, Zone.NIGHT: 0}, *CHANGE)
    assert charge.total == Decimal("0.00")
    assert all(part.kwh == 0 for zone in charge.zones for part in zone.parts)


def test_format_decimal() -> None:
    assert format_decimal(Decimal("61.500")) == "61.5"
    assert format_decimal(Decimal("60.000")) == "60"
    assert format_decimal(Decimal("0.000")) == "0"


# --- property: one price change at a random day --------------------------------------------------

prices = st.integers(min_value=1, max_value=999_999).map(lambda n: Decimal(n).scaleb(-4))


def _round_half_up(x: Fraction) -> Decimal:
    return Decimal(math.floor(x * 100 + Fraction(1, 2))).scaleb(-2)


@settings(max_examples=300, deadline=None)
@given(
    plan=st.sampled_from(list(TariffPlan)),
    days=st.integers(min_value=2, max_value=400),
    data=st.data(),
)
def test_amount_is_the_rounded_exact_sum(plan: TariffPlan, days: int, data: st.DataObject) -> None:
    after = date(2030, 3, 1)
    days_before = data.draw(st.integers(min_value=1, max_value=days - 1), label="days at the first price")
    change = after + timedelta(days=days_before + 1)
    zones = PLAN_ZONES[plan]
    first = {zone: data.draw(prices, label=f"{zone} first") for zone in zones}
    second = {zone: data.draw(prices, label=f"{zone} second") for zone in zones}
    kwh = {zone: data.draw(st.integers(min_value=0, max_value=5000), label=f"{zone} kWh") for zone in zones}
    book = PriceBook(
        [_entry(plan, zone, date(2030, 1, 1), str(first[zone])) for zone in zones]
        + [_entry(plan, zone, change, str(second[zone])) for zone in zones]
    )

    charge = compute_charge(book, GAS, plan, kwh, after, after + timedelta(days=days))

    for zone_charge in charge.zones:
        zone = zone_charge.zone
        exact = (
            Fraction(kwh[zone])
            * (days_before * Fraction(first[zone]) + (days - days_before) * Fraction(second[zone]))
            / days
        )
        assert zone_charge.amount == _round_half_up(exact)
        assert zone_charge.amount.as_tuple().exponent == -2
        assert [part.days for part in zone_charge.parts] == [days_before, days - days_before]
        assert all(isinstance(part.kwh, Decimal) and isinstance(part.price, Decimal) for part in zone_charge.parts)
        assert isinstance(zone_charge.amount, Decimal)
    assert isinstance(charge.total, Decimal)
    assert charge.total == sum((zone.amount for zone in charge.zones), Decimal(0))


def test_no_float_in_the_money_modules() -> None:
    package = Path(__file__).resolve().parents[2] / "journal"
    for name in ("tariffs.py", "charges.py", "forecast.py"):
        assert "float(" not in (package / name).read_text(encoding="utf-8"), name
