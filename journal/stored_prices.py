"""The prices the journal stores, read with SQL on a DBAPI connection: the user's prices from their bills (table
user_prices) and the supplier calculator's answers (calculator_prices), and the price book they make over the
shipped prices (PriceBook's three layers, journal.tariffs).

One implementation for both ways of reading a journal: a session's DBAPI connection, in its transaction
(journal.billing.price_book passes `session.connection().connection`), and the standard library's sqlite3
connection of a read-only command (journal.storage.read_only), which starts without SQLAlchemy. Dates are stored
as ISO text and prices as their exact decimal text (journal.storage.models.DecimalText): read back as date and
Decimal, as the models give them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from journal.history import DBConnection
from journal.supplier import DEFAULT_PROFILE
from journal.tariffs import PriceBook, PriceEntry
from journal.zones import ConsumerCategory, TariffPlan, Zone

CALCULATOR_SOURCE = f"калькулятор {DEFAULT_PROFILE.calculator_host}, спрошено {{day}}"
ANSWERED, REFUSED, SKIPPED = "answered", "refused", "skipped"  # the calculator's outcome of a month
OUTCOMES = (ANSWERED, REFUSED, SKIPPED)


def calculator_source(asked_on: date) -> str:
    return CALCULATOR_SOURCE.format(day=asked_on.strftime("%d.%m.%Y"))


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


_USER_PRICES_SQL = ("SELECT category, plan, zone, valid_from, price, source, band FROM user_prices "
                    "ORDER BY valid_from, id")


def user_price_entries(connection: DBConnection) -> list[PriceEntry]:
    """The user's prices, oldest first (marked user=True)."""
    fromiso = date.fromisoformat
    return [PriceEntry(category=ConsumerCategory(category), plan=TariffPlan(plan), zone=Zone(zone),
                       valid_from=fromiso(valid_from), price=Decimal(price), source=source, band=band, user=True)
            for category, plan, zone, valid_from, price, source, band in connection.execute(_USER_PRICES_SQL)]


_ANSWERS_SQL = (f"SELECT category, plan, zone, band, first_month, last_month, price, asked_on FROM calculator_prices "
                f"WHERE outcome = '{ANSWERED}' AND price IS NOT NULL ORDER BY first_month, id")


def supplier_entries(connection: DBConnection, shipped: PriceBook) -> list[PriceEntry]:
    """The calculator's answered rows as price entries of the supplier's layer, each also restated at every date
    inside its months where `shipped` changes (so that the supplier's word holds there)."""
    fromiso = date.fromisoformat
    entries = []
    for category_text, plan_text, zone_text, band, first_text, last_text, price_text, asked_text in (
            connection.execute(_ANSWERS_SQL)):
        category, plan, zone = ConsumerCategory(category_text), TariffPlan(plan_text), Zone(zone_text)
        first_month, price = fromiso(first_text), Decimal(price_text)
        end = next_month(fromiso(last_text))
        starts = [first_month] + [d for d in shipped.change_dates((category, plan, zone, band))
                                  if first_month < d < end]
        source = calculator_source(fromiso(asked_text))
        entries += [PriceEntry(category, plan, zone, start, price, source, band=band, supplier=True)
                    for start in starts]
    return entries


def price_book(connection: DBConnection, *, supplier: bool = True) -> PriceBook:
    """The shipped prices, the supplier calculator's answers over them (unless `supplier` is False), and the
    user's prices over both."""
    shipped = PriceBook.shipped()
    book = shipped.with_supplier_prices(supplier_entries(connection, shipped)) if supplier else shipped
    return book.with_user_prices(user_price_entries(connection))
