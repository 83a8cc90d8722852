"""What an account owes as of a day (journal.owed over a real journal): the one figure behind the headline, the
receipt, `balance` and the yearly report. Figures are worked out in the comments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from desktop_app.services.journal_service import JournalService
from journal import accounts, billing
from journal.owed import Ledger, Owed, OwedPart, owed_on, period_end, receipt_day
from tests.conftest import ACCOUNT, TODAY, make_household
from tests.desktop_app.receipt_fixtures import make_paid_after_household

D = Decimal


def ledger_of(service: JournalService) -> Ledger:
    with service.journal.read() as session:
        return billing.account_ledger(session, accounts.find_account(session, ACCOUNT))


def owed(service: JournalService, day: date) -> Owed:
    with service.journal.read() as session:
        return billing.owed(session, accounts.find_account(session, ACCOUNT), day)


def test_a_payment_after_the_period_is_subtracted(service: JournalService) -> None:
    make_paid_after_household(service)
    today = owed(service, TODAY)  # 2026-11-28, the day after the 500 ₽ payment
    # 2026-11 is the latest billed period: its charge 1973.60; at its start 1834.00 + 1902.00 − 1500.00 = 2236.00
    # owed; 500.00 paid after it (2026-11-27 counts in 2026-12). 2236.00 + 1973.60 − 500.00 = 3709.60.
    assert today == Owed(ACCOUNT, TODAY, "2026-11", D("1973.60"), D("2236.00"), D("0.00"), D("500.00"), D("3709.60"),
                         True, ())
    assert today.parts() == ((OwedPart.CHARGE, D("1973.60")), (OwedPart.DEBT, D("2236.00")),
                             (OwedPart.PAID_AFTER, D("500.00")))
    # The day before that payment it was 500 more; the payment of 2026-10-10 counted in 2026-10.
    assert owed(service, date(2026, 11, 26)).total == D("4209.60")
    october = owed(service, date(2026, 11, 19))  # the last day before 2026-11 was billed
    assert (october.period, october.charge, october.carried, october.paid_in_period, october.paid_after,
            october.total) == ("2026-10", D("1902.00"), D("1834.00"), D("1500.00"), D("0.00"), D("2236.00"))


def test_a_debt_is_carried_without_payments_or_an_opening_balance(service: JournalService) -> None:
    make_paid_after_household(service)
    with service.journal.write() as session:
        session.connection().exec_driver_sql("DELETE FROM payments")
    today = owed(service, TODAY)
    # Every period counts from 0: the debt at 2026-11's start is 1834.00 + 1902.00 = 3736.00.
    assert (today.charge, today.carried, today.paid_after, today.total) == (
        D("1973.60"), D("3736.00"), D("0.00"), D("5709.60"))
    assert today.parts()[1] == (OwedPart.DEBT, D("3736.00"))
    assert owed(service, date(2026, 9, 19)) == Owed(ACCOUNT, date(2026, 9, 19), None, None, D("0.00"), D("0.00"),
                                                   D("0.00"), D("0.00"), True, ())


def test_an_overpayment_is_carried_and_makes_the_total_negative(service: JournalService) -> None:
    make_paid_after_household(service)
    service.billing.add_payment(ACCOUNT, date(2026, 10, 25), "6000")  # the cut-off day: counts in 2026-10
    today = owed(service, TODAY)
    # At 2026-11's start: 1834.00 + 1902.00 − 1500.00 − 6000.00 = −3764.00, an overpayment;
    # −3764.00 + 1973.60 − 500.00 = −2290.40.
    assert (today.carried, today.total) == (D("-3764.00"), D("-2290.40"))
    assert today.parts() == ((OwedPart.CHARGE, D("1973.60")), (OwedPart.OVERPAYMENT, D("3764.00")),
                             (OwedPart.PAID_AFTER, D("500.00")))


def test_an_opening_balance_replaces_what_came_before_it(service: JournalService) -> None:
    make_paid_after_household(service)
    service.billing.set_opening_balance(ACCOUNT, "300", date(2026, 10, 15))  # the bill's debt on 2026-10-15
    # 2026-09 (billed 2026-09-20) and the payment of 2026-10-10 are in the opening balance. 2026-10 is billed on
    # 2026-10-20, after it: 300.00 + 1902.00 + 1973.60 − 500.00 = 3675.60.
    today = owed(service, TODAY)
    assert (today.period, today.carried, today.paid_after, today.total) == (
        "2026-11", D("2202.00"), D("500.00"), D("3675.60"))
    ledger = ledger_of(service)
    assert [c.period for c in ledger.charges] == ["2026-10", "2026-11"]
    assert ledger.starts_on == date(2026, 10, 15) and not ledger.knows(date(2026, 10, 14))
    assert owed_on(ledger, date(2026, 10, 15)).total == D("300.00")
    with pytest.raises(ValueError):
        owed_on(ledger, date(2026, 10, 14))  # before it the journal does not know
    assert receipt_day(ledger, "2026-09", TODAY) is None  # that month's charge is inside the opening balance


def test_an_unknown_price_makes_it_incomplete_and_adds_nothing(service: JournalService) -> None:
    make_household(service, installed=date(2025, 5, 10))  # act 1000, 500
    service.add_reading(ACCOUNT, date(2025, 6, 20), "1200,600")  # 2025-06: 200 × 6.42 + 100 × 3.21 = 1605.00
    service.add_reading(ACCOUNT, date(2025, 8, 20), "1300,650")  # over 2025-07-01: two-zone night price unknown
    service.billing.add_payment(ACCOUNT, date(2025, 7, 1), "1000")
    today = owed(service, TODAY)
    assert (today.period, today.charge, today.carried, today.total, today.complete, today.unknown_periods) == (
        "2025-08", None, D("605.00"), D("605.00"), False, ("2025-08",))
    assert today.parts() == ((OwedPart.DEBT, D("605.00")),)  # no charge is guessed
    before = owed(service, date(2025, 8, 19))
    assert (before.period, before.total, before.complete) == ("2025-06", D("605.00"), True)


def test_a_receipt_is_counted_to_today_or_to_the_day_before_the_next_bill(service: JournalService) -> None:
    make_paid_after_household(service)
    ledger = ledger_of(service)
    assert receipt_day(ledger, "2026-11", TODAY) == TODAY
    assert receipt_day(ledger, "2026-10", TODAY) == date(2026, 11, 19)
    assert receipt_day(ledger, "2026-09", TODAY) == date(2026, 10, 19)
    assert receipt_day(ledger, "2026-12", TODAY) is None


def test_each_balance_row_is_what_was_owed_at_its_periods_end(service: JournalService) -> None:
    make_paid_after_household(service)
    info = service.billing.balance(ACCOUNT)
    ledger = ledger_of(service)
    assert [(r.period, r.balance) for r in info.rows] == [
        ("2026-09", D("1834.00")), ("2026-10", D("2236.00")), ("2026-11", D("4209.60")), ("2026-12", D("3709.60"))]
    for row in info.rows:
        assert row.balance == owed_on(ledger, min(period_end(row.period), TODAY)).total
    assert info.owed == owed(service, TODAY) and info.owed.total == info.rows[-1].balance
