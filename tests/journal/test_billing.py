"""Billing over a real journal: bills, estimates, the user's prices, payments, the balance, the forecast.

Every amount is a worked example checked by hand; the arithmetic is in the comments. Shipped prices
(urban-gas, band I): single 6.25 from 2026-01-01 and 6.95 from 2026-10-01; two-zone day/night
6.42/3.21 from 2024-07-01, day 7.18 and night unknown from 2025-07-01, 7.29/3.76 from 2026-01-01, 8.20/4.17 from
2026-10-01; three-zone peak/night/semi-peak 8.50/3.61/6.26 from 2026-01-01.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_app.services.journal_service import JournalService
from journal import accounts, billing
from journal.billing import BalanceRow, BillInterval
from journal.charges import PricePart, charge_to_json, compute_charge, round_money
from journal.errors import ConfirmationRequired, InvalidInput, JournalError, NotFound
from journal.tariffs import MissingPrice, UnknownPrice
from journal.zones import ConsumerCategory, TariffPlan, Zone
from tests.conftest import ACCOUNT, TODAY, make_household

D = Decimal


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, to prove that a refused action changed nothing."""
    connection = sqlite3.connect(path)
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(connection.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        connection.close()


def amounts(charge) -> dict[Zone, Decimal]:  # type: ignore[no-untyped-def]
    return {zone.zone: zone.amount for zone in charge.zones}


def single(service: JournalService, installed: date = date(2026, 1, 10), initial: str = "1000",
           digits: int = 6) -> JournalService:
    make_household(service, "single", initial=initial, installed=installed, digits=digits)
    return service


# --- bills ---------------------------------------------------------------------------------------------


def test_single_zone_bill(service: JournalService) -> None:
    single(service)
    service.add_reading(ACCOUNT, date(2026, 2, 20), "1200")
    service.add_reading(ACCOUNT, date(2026, 3, 20), "1350")
    bill = service.billing.bill(ACCOUNT, "2026-03")
    # 1350 − 1200 = 150 kWh over the 28 days after 2026-02-20, all at 6.25: 150 × 6.25 = 937.50
    assert bill.intervals == (
        BillInterval("11712434", TariffPlan.SINGLE, date(2026, 2, 20), date(2026, 3, 20), (150,)),)
    assert bill.charge.total == D("937.50")
    assert bill.charge.zones[0].parts == (PricePart(date(2026, 1, 1), D("6.25"), 28, D("150.000")),)
    with service.journal.read() as session:
        account = accounts.find_account(session, ACCOUNT)
        assert billing.period_charge(session, account, "2026-03") == bill.charge


def test_two_zone_bill(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2026, 3, 20), "1500,700")
    household.add_reading(ACCOUNT, date(2026, 4, 20), "1710,795")
    charge = household.billing.bill(ACCOUNT, "2026-04").charge
    # 31 days at the 2026-01-01 prices. day 210 × 7.29 = 1530.90; night 95 × 3.76 = 357.20; total 1888.10
    assert amounts(charge) == {Zone.DAY: D("1530.90"), Zone.NIGHT: D("357.20")}
    assert charge.total == D("1888.10")


def test_three_zone_bill(service: JournalService) -> None:
    make_household(service, "three-zone", initial="10,20,30", installed=date(2026, 1, 10))
    service.add_reading(ACCOUNT, date(2026, 4, 20), "110,70,60")
    service.add_reading(ACCOUNT, date(2026, 5, 20), "190,190,160")
    charge = service.billing.bill(ACCOUNT, "2026-05").charge
    # peak 80 × 8.50 = 680.00; night 120 × 3.61 = 433.20; semi-peak 100 × 6.26 = 626.00; total 1739.20
    assert amounts(charge) == {Zone.PEAK: D("680.00"), Zone.NIGHT: D("433.20"), Zone.SEMI_PEAK: D("626.00")}
    assert [z.zone for z in charge.zones] == [Zone.PEAK, Zone.NIGHT, Zone.SEMI_PEAK]
    assert charge.total == D("1739.20")


def test_a_price_change_inside_the_interval(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2026, 9, 20), "1300,600")
    household.add_reading(ACCOUNT, date(2026, 10, 20), "1600,720")
    charge = household.billing.bill(ACCOUNT, "2026-10").charge
    # 30 days: 10 (Sep 21–30) at the 2026-01-01 prices, 20 (Oct 1–20) at the 2026-10-01 prices.
    # day 300 × (10 × 7.29 + 20 × 8.20) / 30 = 10 × (72.9 + 164) = 2369.00
    # night 120 × (10 × 3.76 + 20 × 4.17) / 30 = 4 × (37.6 + 83.4) = 484.00; total 2853.00
    assert charge_to_json(charge) == {
        "zones": [
            {"zone": "day", "kwh": "300", "amount": "2369.00", "prices": [
                {"from": "2026-01-01", "price": "7.29", "days": 10, "kwh": "100"},
                {"from": "2026-10-01", "price": "8.20", "days": 20, "kwh": "200"}]},
            {"zone": "night", "kwh": "120", "amount": "484.00", "prices": [
                {"from": "2026-01-01", "price": "3.76", "days": 10, "kwh": "40"},
                {"from": "2026-10-01", "price": "4.17", "days": 20, "kwh": "80"}]},
        ],
        "total": "2853.00",
        "warnings": [],
    }


def test_a_rollover(service: JournalService) -> None:
    single(service, initial="9700", digits=4)
    service.add_reading(ACCOUNT, date(2026, 2, 20), "9900")
    service.add_reading(ACCOUNT, date(2026, 3, 20), "0050", rollover=True)
    bill = service.billing.bill(ACCOUNT, "2026-03")
    # 10^4 − 9900 + 50 = 150 kWh, 28 days at 6.25: 937.50
    assert bill.intervals[0].consumption == (150,)
    assert bill.charge.total == D("937.50")


def test_a_meter_replacement_inside_a_period(service: JournalService) -> None:
    single(service)
    service.add_reading(ACCOUNT, date(2026, 9, 20), "2000")
    service.replace_meter(ACCOUNT, "2050", "NEW-2", 6, date(2026, 10, 5), "0")
    service.add_reading(ACCOUNT, date(2026, 10, 20), "100")
    bill = service.billing.bill(ACCOUNT, "2026-10")
    assert bill.intervals == (
        BillInterval("11712434", TariffPlan.SINGLE, date(2026, 9, 20), date(2026, 10, 5), (50,), is_final=True),
        BillInterval("NEW-2", TariffPlan.SINGLE, date(2026, 10, 5), date(2026, 10, 20), (100,)),
    )
    # Each interval is charged on its own, then the zone amounts are added:
    # old meter, 50 kWh over 15 days: 10 (Sep 21–30) at 6.25 and 5 (Oct 1–5) at 6.95:
    #   50 × (10 × 6.25 + 5 × 6.95) / 15 = 50 × 97.25 / 15 = 4862.5 / 15 = 324.1666… → 324.17
    # new meter, 100 kWh over 15 days (Oct 6–20) at 6.95: 695.00
    # total 324.17 + 695.00 = 1019.17 (one interval of 150 kWh over 30 days would give 1007.50)
    assert bill.charge.total == D("1019.17")
    zone = bill.charge.zones[0]
    assert zone.kwh == 150
    # Parts under the same price are merged: 6.95 for 5 + 15 = 20 days, 16.667 + 100 = 116.667 kWh
    assert zone.parts == (
        PricePart(date(2026, 1, 1), D("6.25"), 10, D("33.333")),
        PricePart(date(2026, 10, 1), D("6.95"), 20, D("116.667")),
    )


def test_a_user_price_wins_from_its_start_date(service: JournalService) -> None:
    single(service)
    service.add_reading(ACCOUNT, date(2026, 9, 20), "1300")
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1450")
    entries = service.billing.set_price("urban-gas", "single", date(2026, 10, 11), "7.10").result
    assert [(e.zone, e.price, e.user) for e in entries] == [(Zone.SINGLE, D("7.10"), True)]
    # 150 kWh over 30 days, 5 kWh a day: 10 days at 6.25, 10 (Oct 1–10) at the shipped 6.95, 10 at 7.10:
    # 5 × (62.5 + 69.5 + 71.0) = 5 × 203 = 1015.00
    charge = service.billing.bill(ACCOUNT, "2026-10").charge
    assert [(p.price, p.days) for p in charge.zones[0].parts] == [(D("6.25"), 10), (D("6.95"), 10), (D("7.10"), 10)]
    assert charge.total == D("1015.00")
    # A user price on the shipped price's own date replaces it: Oct 1–10 at 7.00:
    # 5 × (62.5 + 70.0 + 71.0) = 1017.50
    service.billing.set_price("urban-gas", "single", date(2026, 10, 1), "7.00")
    assert service.billing.bill(ACCOUNT, "2026-10").charge.total == D("1017.50")
    # Setting again for the same date replaces the user's price (no second row): 5 × (62.5 + 70 + 72) = 1022.50
    service.billing.set_price("urban-gas", "single", date(2026, 10, 11), "7.20")
    assert service.billing.bill(ACCOUNT, "2026-10").charge.total == D("1022.50")
    assert len(snapshot(service.path)["user_prices"]) == 2
    listed = [(e.valid_from, e.price, e.user) for e in service.billing.prices("urban-gas", "single")][-3:]
    assert listed == [(date(2026, 1, 1), D("6.25"), False), (date(2026, 10, 1), D("7.00"), True),
                      (date(2026, 10, 11), D("7.20"), True)]


def test_a_multi_zone_user_price_sets_every_zone_in_zone_order(service: JournalService) -> None:
    make_household(service, "three-zone", initial="10,20,30", installed=date(2026, 1, 10))
    entries = service.billing.set_price("urban-gas", "three-zone", date(2026, 11, 1),
                                        ["9,60", "4.10", "7,00 ₽"]).result
    assert [(e.zone, e.price) for e in entries] == [
        (Zone.PEAK, D("9.60")), (Zone.NIGHT, D("4.10")), (Zone.SEMI_PEAK, D("7.00"))]
    stored = snapshot(service.path)["user_prices"]
    assert sorted((row[3], row[6]) for row in stored) == [("night", "4.10"), ("peak", "9.60"), ("semi-peak", "7.00")]


def test_a_decimal_comma_is_a_decimal(service: JournalService) -> None:
    single(service)
    service.billing.set_price("urban-gas", "two-zone", date(2026, 11, 1), ["6,95", "3,5"])
    service.billing.set_price("urban-gas", "single", date(2026, 11, 1), "6,95")
    assert {(e.plan, e.zone, e.price) for e in service.billing.prices("urban-gas") if e.user} == {
        (TariffPlan.TWO_ZONE, Zone.DAY, D("6.95")), (TariffPlan.TWO_ZONE, Zone.NIGHT, D("3.5")),
        (TariffPlan.SINGLE, Zone.SINGLE, D("6.95"))}
    assert service.billing.add_payment(ACCOUNT, date(2026, 11, 1), "1 250,50 ₽").result.amount == D("1250.50")
    opening = service.billing.set_opening_balance(ACCOUNT, "−120,50", date(2026, 11, 1)).result
    assert opening.opening_balance == D("-120.50")


def test_exactly_half_a_kopeck_rounds_up(service: JournalService) -> None:
    single(service)
    service.add_reading(ACCOUNT, date(2026, 2, 20), "1200")
    service.add_reading(ACCOUNT, date(2026, 3, 20), "1350")
    service.billing.set_price("urban-gas", "single", date(2026, 1, 1), "4.1239")
    # 150 × 4.1239 = 412.39 + 206.195 = 618.585 exactly → 618.59 (half-even would give 618.58)
    assert service.billing.bill(ACCOUNT, "2026-03").charge.total == D("618.59")


def test_an_unknown_price_is_refused_and_named_then_entered(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 6, 20), "1200,600")
    household.add_reading(ACCOUNT, date(2025, 8, 20), "1300,650")
    before = snapshot(household.path)
    with pytest.raises(UnknownPrice) as caught:
        household.billing.bill(ACCOUNT, "2025-08")
    message = caught.value.message
    for words in ("2025-07-01", "category urban-gas", "plan two-zone", "zone night",
                  "tariff set --category urban-gas --plan two-zone --from 2025-07-01 DAY NIGHT"):
        assert words in message
    assert snapshot(household.path) == before
    household.billing.set_price("urban-gas", "two-zone", date(2025, 7, 1), ["6,80", "3,40"])
    charge = household.billing.bill(ACCOUNT, "2025-08").charge
    # 61 days after 2025-06-20: 10 (Jun 21–30) at 6.42/3.21, 51 (Jul 1–Aug 20) at the user's 6.80/3.40.
    # day 100 × (10 × 6.42 + 51 × 6.80) / 61 = 100 × 411 / 61 = 673.770… → 673.77
    # night 50 × (10 × 3.21 + 51 × 3.40) / 61 = 50 × 205.5 / 61 = 168.442… → 168.44; total 842.21
    assert amounts(charge) == {Zone.DAY: D("673.77"), Zone.NIGHT: D("168.44")}
    assert charge.total == D("842.21")


# --- estimates -----------------------------------------------------------------------------------------


def test_estimate_from_the_last_reading_writes_nothing(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2026, 11, 20), "1500,700")
    before = snapshot(household.path)
    result = household.billing.estimate(ACCOUNT, "1580,740")
    # 8 days after 2026-11-20 through TODAY 2026-11-28 at the 2026-10-01 prices:
    # day 80 × 8.20 = 656.00; night 40 × 4.17 = 166.80; total 822.80
    assert (result.previous_date, result.day, result.consumption) == (date(2026, 11, 20), TODAY, (80, 40))
    assert result.charge.total == D("822.80")
    assert snapshot(household.path) == before


def test_estimate_from_the_installation_act(service: JournalService) -> None:
    single(service, installed=date(2026, 10, 31), initial="100")
    # 150 kWh over the 28 days after 2026-10-31, at 6.95: 1042.50
    assert service.billing.estimate(ACCOUNT, "250").charge.total == D("1042.50")
    # An earlier day: 19 days after 2026-10-31 through 2026-11-19, still 150 kWh at 6.95
    assert service.billing.estimate(ACCOUNT, "250", date(2026, 11, 19)).charge.total == D("1042.50")


def test_estimate_with_a_rollover(service: JournalService) -> None:
    single(service, installed=date(2026, 11, 1), initial="9950", digits=4)
    with pytest.raises(ConfirmationRequired) as caught:
        service.billing.estimate(ACCOUNT, "50")
    assert caught.value.kind == "rollover"
    # 10^4 − 9950 + 50 = 100 kWh at 6.95 = 695.00
    result = service.billing.estimate(ACCOUNT, "50", rollover=True)
    assert result.consumption == (100,) and result.charge.total == D("695.00")


@pytest.mark.parametrize(
    ("values", "day", "words"),
    [
        ("12x0,600", None, "letters or symbols"),
        ("1200", None, "two values"),
        ("-5,600", None, "cannot be negative"),
        ("1234567,600", None, "6 digits"),
        ("1600,800", date(2026, 11, 20), "needs a day after the reading of 2026-11-20"),
        ("1600,800", date(2026, 11, 29), "in the future"),
    ],
)
def test_estimate_refuses_bad_values(household: JournalService, values: str, day: date | None,
                                     words: str) -> None:
    household.add_reading(ACCOUNT, date(2026, 11, 20), "1500,700")
    with pytest.raises(InvalidInput, match=words):
        household.billing.estimate(ACCOUNT, values, day)


def test_estimate_over_an_unknown_price(household: JournalService) -> None:
    # From the act (2025-01-10): the two-zone prices from 2025-07-01 are unknown.
    with pytest.raises(UnknownPrice, match="No price is known for 2025-07-01, category urban-gas, plan two-zone"):
        household.billing.estimate(ACCOUNT, "1500,700")


# --- payments and the balance ------------------------------------------------------------------------------


def balance_household(service: JournalService) -> JournalService:
    single(service)
    for day, value in [(date(2026, 8, 20), "1100"), (date(2026, 9, 20), "1250"), (date(2026, 10, 20), "1400"),
                       (date(2026, 11, 20), "1500")]:
        service.add_reading(ACCOUNT, day, value)
    for day, amount in [(date(2026, 8, 30), "400"), (date(2026, 9, 10), "1437.50"), (date(2026, 10, 28), "1 000,00"),
                        (date(2026, 11, 20), "500")]:
        service.billing.add_payment(ACCOUNT, day, amount)
    return service


def test_payments_are_recorded_with_their_period(service: JournalService) -> None:
    balance_household(service)
    payments = service.billing.payments(ACCOUNT)
    assert [(p.paid_on, p.amount, p.period) for p in payments] == [
        (date(2026, 8, 30), D("400.00"), "2026-09"),  # after the cut-off day 25: next period
        (date(2026, 9, 10), D("1437.50"), "2026-09"),
        (date(2026, 10, 28), D("1000.00"), "2026-11"),
        (date(2026, 11, 20), D("500.00"), "2026-11"),
    ]
    note = service.billing.add_payment(ACCOUNT, date(2026, 11, 27), "10.5", "  card,   app ").result
    assert (note.amount, note.note) == (D("10.50"), "card, app")


def test_balance_with_an_opening_debt_charges_and_payments(service: JournalService) -> None:
    balance_household(service)
    info = service.billing.set_opening_balance(ACCOUNT, "500", date(2026, 9, 1)).result
    # The 2026-08 period (reading of 2026-08-20) and the payment of 2026-08-30 are before the opening date.
    # 2026-09: 150 kWh, 31 days after 2026-08-20 at 6.25 = 937.50; paid 1437.50; 500 + 937.50 − 1437.50 = 0.00
    # 2026-10: 150 kWh, 10 days at 6.25 + 20 at 6.95 = 312.50 + 695.00 = 1007.50; nothing paid → 1007.50
    # 2026-11: 100 kWh, 31 days after 2026-10-20 at 6.95 = 695.00; paid 1000 (Oct 28) + 500 = 1500;
    #          1007.50 + 695.00 − 1500.00 = 202.50
    assert (info.opening_balance, info.opening_on) == (D("500.00"), date(2026, 9, 1))
    assert info.rows == (
        BalanceRow("2026-09", D("937.50"), D("1437.50"), D("0.00"), True),
        BalanceRow("2026-10", D("1007.50"), D("0.00"), D("1007.50"), True),
        BalanceRow("2026-11", D("695.00"), D("1500.00"), D("202.50"), True),
    )
    assert (info.owed.total, info.owed.complete, info.owed.as_of) == (D("202.50"), True, TODAY)
    assert service.billing.balance(ACCOUNT) == info


def test_balance_without_an_opening_balance_counts_everything(service: JournalService) -> None:
    balance_household(service)
    info = service.billing.balance(ACCOUNT)
    # 2026-08: 100 kWh, 222 days after 2026-01-10, all at 6.25 = 625.00 → 625.00
    # 2026-09: 937.50; paid 400 + 1437.50 = 1837.50 → 625 + 937.50 − 1837.50 = −275.00
    # 2026-10: 1007.50 → 732.50;  2026-11: 695.00, paid 1500.00 → −72.50 (an advance)
    assert info.opening_on is None and info.opening_balance == D("0.00")
    assert [(r.period, r.charge, r.payments, r.balance) for r in info.rows] == [
        ("2026-08", D("625.00"), D("0.00"), D("625.00")),
        ("2026-09", D("937.50"), D("1837.50"), D("-275.00")),
        ("2026-10", D("1007.50"), D("0.00"), D("732.50")),
        ("2026-11", D("695.00"), D("1500.00"), D("-72.50")),
    ]
    assert info.owed.total == D("-72.50")


def test_an_opening_advance(service: JournalService) -> None:
    balance_household(service)
    # From 2026-11-01: only 2026-11 counts: −300 + 695.00 − 500.00 (the payment of 2026-10-28 is before) = −105.00
    info = service.billing.set_opening_balance(ACCOUNT, "-300", date(2026, 11, 1)).result
    assert [(r.period, r.charge, r.payments, r.balance) for r in info.rows] == [
        ("2026-11", D("695.00"), D("500.00"), D("-105.00"))]


def test_a_period_with_an_unknown_price_makes_the_balance_incomplete(household: JournalService) -> None:
    household.add_reading(ACCOUNT, date(2025, 6, 20), "1200,600")
    household.add_reading(ACCOUNT, date(2025, 8, 20), "1300,650")
    household.billing.add_payment(ACCOUNT, date(2025, 7, 1), "1605.00")
    info = household.billing.balance(ACCOUNT)
    # 2025-06: day 200 × 6.42 = 1284.00 + night 100 × 3.21 = 321.00 → 1605.00
    # 2025-07: no reading, paid 1605.00 → 0.00;  2025-08: price unknown, no number is guessed → still 0.00
    assert [(r.period, r.charge, r.payments, r.balance, r.complete) for r in info.rows] == [
        ("2025-06", D("1605.00"), D("0.00"), D("1605.00"), True),
        ("2025-07", None, D("1605.00"), D("0.00"), True),
        ("2025-08", None, D("0.00"), D("0.00"), False),
    ]
    assert info.rows[1].warnings == ()
    assert ("No price is known for 2025-07-01, category urban-gas, plan two-zone, zone night"
            in str(info.rows[2].warnings[0]))
    assert (info.owed.complete, info.owed.unknown_periods) == (False, ("2025-08",))
    # The same as data, for the window's footnote: the first day without a price and where the user's price starts.
    assert info.missing_prices == (MissingPrice(date(2025, 7, 1), date(2025, 7, 1), ConsumerCategory.URBAN_GAS,
                                                TariffPlan.TWO_ZONE, Zone.NIGHT),)


# --- bad input changes nothing -----------------------------------------------------------------------------

Action = Callable[[JournalService], object]
BAD_INPUT: list[tuple[str, Action, type[JournalError], str]] = [
    ("negative price", lambda s: s.billing.set_price("urban-gas", "two-zone", date(2026, 11, 1), ["-8,20", "4,17"]),
     InvalidInput, "cannot be negative"),
    ("zero price", lambda s: s.billing.set_price("urban-gas", "single", date(2026, 11, 1), "0"),
     InvalidInput, "greater than zero"),
    ("malformed price", lambda s: s.billing.set_price("urban-gas", "single", date(2026, 11, 1), "6.9x"),
     InvalidInput, "is not a price"),
    ("one text for two zones", lambda s: s.billing.set_price("urban-gas", "two-zone", date(2026, 11, 1), ["7,18"]),
     InvalidInput, "could be read two ways"),
    ("too many prices",
     lambda s: s.billing.set_price("urban-gas", "two-zone", date(2026, 11, 1), ["8,20", "4,17", "1"]),
     InvalidInput, "needs 2 prices, one per zone"),
    ("second zone bad", lambda s: s.billing.set_price("urban-gas", "two-zone", date(2026, 11, 1), ["8,20", "x"]),
     InvalidInput, "Zone night"),
    ("price before 2000", lambda s: s.billing.set_price("urban-gas", "single", date(1999, 12, 31), "6.95"),
     InvalidInput, "2000-01-01 or later"),
    ("price over a year ahead",
     lambda s: s.billing.set_price("urban-gas", "single", TODAY + timedelta(days=366), "6.95"),
     InvalidInput, "at most one year ahead"),
    ("unknown category", lambda s: s.billing.set_price("urban", "single", date(2026, 11, 1), "6.95"),
     InvalidInput, "Unknown consumer category"),
    ("negative payment", lambda s: s.billing.add_payment(ACCOUNT, date(2026, 11, 1), "-100"),
     InvalidInput, "cannot be negative"),
    ("zero payment", lambda s: s.billing.add_payment(ACCOUNT, date(2026, 11, 1), "0.00"),
     InvalidInput, "greater than zero"),
    ("malformed payment", lambda s: s.billing.add_payment(ACCOUNT, date(2026, 11, 1), "12.345"),
     InvalidInput, "at most 2 decimal places"),
    ("letters as payment", lambda s: s.billing.add_payment(ACCOUNT, date(2026, 11, 1), "abc"),
     InvalidInput, "is not an amount"),
    ("future payment", lambda s: s.billing.add_payment(ACCOUNT, TODAY + timedelta(days=1), "100"),
     InvalidInput, "in the future"),
    ("malformed opening", lambda s: s.billing.set_opening_balance(ACCOUNT, "1.2.3", date(2026, 11, 1)),
     InvalidInput, "has more than one point"),
    ("letters as opening", lambda s: s.billing.set_opening_balance(ACCOUNT, "сто", date(2026, 11, 1)),
     InvalidInput, "is not an amount"),
    ("future opening", lambda s: s.billing.set_opening_balance(ACCOUNT, "100", TODAY + timedelta(days=1)),
     InvalidInput, "in the future"),
    ("period without reading", lambda s: s.billing.bill(ACCOUNT, "2026-03"),
     NotFound, "There is no reading for 2026-03"),
    ("malformed period", lambda s: s.billing.bill(ACCOUNT, "2026-13"), InvalidInput, "YYYY-MM"),
    ("unknown price", lambda s: s.billing.bill(ACCOUNT, "2025-08"), UnknownPrice, "2025-07-01"),
    ("no such account", lambda s: s.billing.add_payment("777777", date(2026, 11, 1), "100"),
     NotFound, "no account 777777"),
]


@pytest.mark.parametrize(("action", "error", "words"), [case[1:] for case in BAD_INPUT],
                         ids=[case[0] for case in BAD_INPUT])
def test_bad_input_changes_nothing(household: JournalService, action: Action, error: type[JournalError],
                                   words: str) -> None:
    household.add_reading(ACCOUNT, date(2025, 6, 20), "1200,600")
    household.add_reading(ACCOUNT, date(2025, 8, 20), "1300,650")
    household.billing.add_payment(ACCOUNT, date(2025, 9, 1), "100")
    household.billing.set_price("urban-gas", "single", date(2026, 11, 1), "7.00")
    before = snapshot(household.path)
    with pytest.raises(error, match=words) as caught:
        action(household)
    assert caught.value.message.count("\n") == 0
    assert snapshot(household.path) == before


def test_a_price_exactly_a_year_ahead_is_accepted_and_a_day_later_refused(household: JournalService) -> None:
    ahead = TODAY + timedelta(days=365)
    household.billing.set_price("urban-gas", "single", ahead, ["7,50"])
    mine = [(e.valid_from, e.price) for e in household.billing.prices("urban-gas", "single") if e.user]
    assert mine == [(ahead, Decimal("7.50"))]
    with household.journal.read() as session:
        book = billing.price_book(session)
    assert book.price_on(ConsumerCategory.URBAN_GAS, TariffPlan.SINGLE, Zone.SINGLE, ahead).price == Decimal("7.50")
    # a bill for ten kWh over the day before and that day: one day at the old price, one at 7.50
    charge = compute_charge(book, ConsumerCategory.URBAN_GAS, TariffPlan.SINGLE, {Zone.SINGLE: 20},
                            ahead - timedelta(days=2), ahead)
    old = book.price_on(ConsumerCategory.URBAN_GAS, TariffPlan.SINGLE, Zone.SINGLE, ahead - timedelta(days=1)).price
    assert old is not None and charge.total == round_money(10 * old + 10 * Decimal("7.50"))
    before = household.billing.prices("urban-gas", "single")
    with pytest.raises(InvalidInput, match="at most one year ahead"):
        household.billing.set_price("urban-gas", "single", ahead + timedelta(days=1), ["7,60"])
    assert household.billing.prices("urban-gas", "single") == before


# --- average consumption and the forecast ----------------------------------------------------------------


def test_average_and_forecast(service: JournalService) -> None:
    single(service, installed=date(2026, 9, 20))
    service.add_reading(ACCOUNT, date(2026, 10, 20), "1300")  # 300 kWh in 30 days
    service.add_reading(ACCOUNT, date(2026, 11, 20), "1610")  # 310 kWh in 31 days
    info = service.billing.forecast(ACCOUNT)
    # 610 / 61 = 10.00 kWh a day; a month 10 × 30.4375 = 304.375 → 304.4.
    # TODAY 2026-11-28 is after the cut-off day, so the current period is 2026-12, ending 2026-12-25:
    # 35 days after 2026-11-20 × 10 = 350.0 kWh expected.
    assert (info.period, info.last_reading_date, info.period_end) == ("2026-12", date(2026, 11, 20),
                                                                      date(2026, 12, 25))
    assert (info.averages[Zone.SINGLE].daily, info.averages[Zone.SINGLE].monthly) == (D("10.00"), D("304.4"))
    assert info.expected == {Zone.SINGLE: D("350.0")}


def test_no_forecast_without_readings(household: JournalService) -> None:
    info = household.billing.forecast(ACCOUNT)
    assert (info.averages, info.expected, info.last_reading_date) == ({}, {}, None)
