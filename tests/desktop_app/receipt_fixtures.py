"""A household with a year of readings, payments and an opening balance, for receipts and reports.

Used by the receipt tests, the benchmark and docs/screenshots/make_receipt_sample.py. The payee details
are either the obviously fake sample details (journal.payees.sample_payee) or VALID_PAYEE below.
"""

from __future__ import annotations

from datetime import date

from desktop_app.services.journal_service import JournalService
from journal.payees import control_digit
from tests.conftest import ACCOUNT, make_household

# Checked public facts and one constructed number (tests/journal/test_payees.py verifies every one):
# INN 6315222985 is Samaraenergo's (docs/DOMAIN.md); BIC 043601607 with correspondent account
# 30101810200000000607 is Sberbank's Povolzhsky bank in Samara, as published by the bank. The settlement
# account is NOT anyone's: "40702810" + a key digit + "54400012345", the key computed with the Bank of
# Russia rule. The KPP is a plausible 6315 01 001 pattern, which has no check digit.
VALID_BIC = "043601607"
VALID_CORR = "30101810200000000607"
_ACCOUNT_BODY = "40702810054400012345"
VALID_ACCOUNT = _ACCOUNT_BODY[:8] + control_digit(VALID_BIC[-3:], _ACCOUNT_BODY, 8) + _ACCOUNT_BODY[9:]
VALID_PAYEE = {
    "name": "ПАО «Самараэнерго»",
    "inn": "6315222985",
    "kpp": "631501001",
    "account": VALID_ACCOUNT,
    "bank": "Поволжский банк ПАО Сбербанк",
    "bic": VALID_BIC,
    "corr": VALID_CORR,
}

READINGS = {
    "single": [("2026-08-20", "1900"), ("2026-09-20", "2150"), ("2026-10-20", "2450")],
    "two-zone": [("2026-08-20", "1900,900"), ("2026-09-20", "2150,1010"), ("2026-10-20", "2450,1130")],
    "three-zone": [("2026-08-20", "1500,900,800"), ("2026-09-20", "1610,1010,900"),
                   ("2026-10-20", "1740,1130,1020")],
}
INITIAL = {"single": "1650", "two-zone": "1650,790", "three-zone": "1390,790,700"}
INSTALLED = date(2026, 7, 20)


def make_receipt_household(svc: JournalService, plan: str = "two-zone", *, balance: bool = True,
                           sample: bool = False, payee: bool = True) -> JournalService:
    """The account 050900691990 (Иванова Мария Петровна) with readings for 2026-08…2026-10; with `balance`,
    an opening debt of 500.00 ₽ on 2026-09-01 and a payment of 2,500.00 ₽ on 2026-09-15."""
    make_household(svc, plan, initial=INITIAL[plan], installed=INSTALLED)
    for day, values in READINGS[plan]:
        svc.add_reading(ACCOUNT, date.fromisoformat(day), values)
    if balance:
        svc.billing.set_opening_balance(ACCOUNT, "500", date(2026, 9, 1))
        svc.billing.add_payment(ACCOUNT, date(2026, 9, 15), "2500", "отделение банка")
    if sample:
        svc.receipts.use_sample_payee()
    elif payee:
        svc.receipts.set_payee(**VALID_PAYEE)
    return svc


def make_paid_after_household(svc: JournalService) -> JournalService:
    """The account 050900691990, two zones, urban with a gas stove, meter from 2026-08-20 (act 1300, 600), valid
    payee details; readings for 2026-09…2026-11 and a payment made after the last period (the 500 ₽ case):
      2026-09  reading 2026-09-20  1500,700  200 + 100 kWh at 7.29 / 3.76              = 1834.00
      2026-10  reading 2026-10-20  1700,780  200 + 80 kWh, 10 days at 7.29 / 3.76 and
                                             20 days at 8.20 / 4.17: 1579.33 + 322.67  = 1902.00
      2026-11  reading 2026-11-20  1900,860  200 + 80 kWh at 8.20 / 4.17: 1640 + 333.60 = 1973.60
    paid 1500.00 on 2026-10-10 (counts in 2026-10) and 500.00 on 2026-11-27 (after 2026-11's cut-off day).
    Owed on 2026-11-28: 1834.00 + 1902.00 + 1973.60 − 1500.00 − 500.00 = 3709.60."""
    make_household(svc, initial="1300,600", installed=date(2026, 8, 20))
    for day, values in [("2026-09-20", "1500,700"), ("2026-10-20", "1700,780"), ("2026-11-20", "1900,860")]:
        svc.add_reading(ACCOUNT, date.fromisoformat(day), values)
    svc.billing.add_payment(ACCOUNT, date(2026, 10, 10), "1500")
    svc.billing.add_payment(ACCOUNT, date(2026, 11, 27), "500")
    svc.receipts.set_payee(**VALID_PAYEE)
    return svc
