"""The billing service: prices, bills, estimates, payments, balances and the forecast, one transaction each.

Like JournalService, it hands back plain records, a write `Done(record, changes)`; the CLI and the window call the
same methods.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date

from desktop_app.services.changes import PRICES, Done, payments_of
from journal import accounts, billing, validation
from journal.billing import BalanceInfo, Bill, Estimate, ForecastInfo, PaymentInfo
from journal.storage.database import Journal
from journal.tariffs import ListedPrice, PriceEntry

log = logging.getLogger(__name__)

Values = str | list[str] | tuple[int, ...]


class BillingService:
    def __init__(self, journal: Journal, today: Callable[[], date] = date.today) -> None:
        self.journal = journal
        self.today = today

    # Prices
    def prices(self, category: str | None = None, plan: str | None = None) -> list[PriceEntry]:
        """The price timelines in force — shipped, the supplier calculator's (supplier=True) and the user's
        (user=True) — optionally filtered."""
        with self.journal.read() as session:
            book = billing.price_book(session)
        return book.entries(validation.category(category) if category else None,
                            validation.plan(plan) if plan else None)

    def price_list(self, category: str | None = None, plan: str | None = None) -> list[ListedPrice]:
        """The prices in force and, beside them, the ones the supplier's calculator contradicts or the user
        replaced it with (journal.tariffs.PriceBook.listing): each row says whether it is used."""
        with self.journal.read() as session:
            book = billing.price_book(session)
        return book.listing(validation.category(category) if category else None,
                            validation.plan(plan) if plan else None)

    def set_price(self, category: str, plan: str, valid_from: date, prices: Sequence[str]
                  ) -> Done[list[PriceEntry]]:
        """The user's prices from a bill, one typed price per zone in zone order ("8,20", "4,17")."""
        with self.journal.write() as session:
            entries = billing.set_user_price(session, category, plan, valid_from, prices, today=self.today())
        log.info("User prices set for %s %s from %s", category, plan, valid_from.isoformat())
        return Done(entries, PRICES)

    # Charges
    def bill(self, number: str, period: str) -> Bill:
        with self.journal.read() as session:
            return billing.period_bill(session, accounts.find_account(session, number), period)

    def estimate(self, number: str, values: Values, day: date | None = None, *, rollover: bool = False) -> Estimate:
        """The charge of values typed but not saved, from the last reading to `day` (default today).
        Nothing is written."""
        today = self.today()
        with self.journal.read() as session:
            account = accounts.find_account(session, number)
            return billing.estimate(session, account, values, day or today, today=today, rollover=rollover)

    # Payments and balance
    def add_payment(self, number: str, paid_on: date, amount: str, note: str = "", *, again: bool = False
                    ) -> Done[PaymentInfo]:
        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            info = billing.add_payment(session, account, paid_on, amount, note, today=self.today(), again=again)
        log.info("Payment recorded for account %s", number)
        return Done(info, payments_of(number))

    def payments(self, number: str) -> list[PaymentInfo]:
        with self.journal.read() as session:
            return billing.list_payments(session, accounts.find_account(session, number))

    def set_opening_balance(self, number: str, amount: str, on: date | None = None) -> Done[BalanceInfo]:
        """Store the opening balance (from the user's last bill) and return the balance that follows."""
        with self.journal.write() as session:
            account = accounts.find_account(session, number)
            billing.set_opening_balance(session, account, amount, on or self.today(), today=self.today())
        log.info("Opening balance set for account %s", number)
        return Done(self.balance(number), payments_of(number))

    def balance(self, number: str) -> BalanceInfo:
        """The balance per period, and what is owed today with its composition (BalanceInfo.owed)."""
        with self.journal.read() as session:
            return billing.balance_rows(session, accounts.find_account(session, number), self.today())

    # Consumption
    def forecast(self, number: str) -> ForecastInfo:
        with self.journal.read() as session:
            return billing.consumption_forecast(session, accounts.find_account(session, number), self.today())
