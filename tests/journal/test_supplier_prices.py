"""The supplier calculator's answers in the journal: which months are asked, how answers are stored (equal months
collapsed, a refusal never erasing a price), and how they sit between the shipped prices and the user's."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from desktop_app.services.journal_service import JournalService
from journal import billing, stored_prices, supplier_prices
from journal.storage.models import Account, CalculatorPrice
from journal.supplier_prices import ANSWERED, REFUSED, SKIPPED, MonthAnswer, MonthQuestion
from journal.tariffs import PriceBook, PriceEntry
from journal.zones import ConsumerCategory, TariffPlan, Zone
from tests.conftest import ACCOUNT, TODAY, make_household

D = Decimal
GAS, TWO, THREE = ConsumerCategory.URBAN_GAS, TariffPlan.TWO_ZONE, TariffPlan.THREE_ZONE


def answer(month: date, day: str, night: str, plan: TariffPlan = TWO) -> MonthAnswer:
    return MonthAnswer(MonthQuestion(GAS, plan, month), ANSWERED, {Zone.DAY: D(day), Zone.NIGHT: D(night)})


def rows(service: JournalService) -> list[tuple[str, date, date, str, Decimal | None, date]]:
    with service.journal.read() as session:
        found = session.scalars(select(CalculatorPrice).order_by(CalculatorPrice.zone, CalculatorPrice.first_month))
        return [(r.zone, r.first_month, r.last_month, r.outcome, r.price, r.asked_on) for r in found]


def store(service: JournalService, answers: list[MonthAnswer], asked_on: date = TODAY) -> None:
    with service.journal.write() as session:
        supplier_prices.store_answers(session, answers, asked_on)


def questions(service: JournalService, *, force: bool = False) -> list[date]:
    with service.journal.read() as session:
        account = session.scalar(select(Account))
        base = billing.price_book(session, supplier=False)
        return [q.month for q in supplier_prices.months_to_ask(session, [account], base, TODAY, force=force)]


def test_the_months_asked_are_those_without_a_price_and_the_disputed_one_newest_first(service: JournalService) -> None:
    # A two-zone meter from 2022-05-10: July–November 2022 (zone prices unknown), July 2024 (disputed: its
    # shipped two-zone prices come from a draft), July 2025 up to today's month (the night unknown until 2026).
    make_household(service, installed=date(2022, 5, 10))
    service.add_reading(ACCOUNT, date(2022, 8, 20), "1300,600")
    service.add_reading(ACCOUNT, date(2024, 8, 20), "2300,900")
    service.add_reading(ACCOUNT, date(2025, 8, 20), "3300,1300")
    expected = [date(2025, m, 1) for m in range(12, 6, -1)] + [date(2024, 7, 1)] + [
        date(2022, m, 1) for m in range(11, 6, -1)]
    assert questions(service) == expected
    # The user's own price for 2025-07-01 on: those months need nothing from the calculator.
    service.billing.set_price("urban-gas", "two-zone", date(2025, 7, 1), ["7,20", "3,60"])
    assert questions(service) == expected[6:]
    # Asked once (whatever the answer), a month is not asked again — unless forced.
    store(service, [answer(date(2024, 7, 1), "6.38", "3.30"),
                    MonthAnswer(MonthQuestion(GAS, TWO, date(2022, 11, 1)), REFUSED)])
    assert questions(service) == [date(2022, m, 1) for m in range(10, 6, -1)]
    assert questions(service, force=True) == expected[6:]


def test_equal_consecutive_months_asked_the_same_day_make_one_row(service: JournalService) -> None:
    make_household(service)
    store(service, [answer(date(2025, m, 1), "7.18", "3.59") for m in range(7, 13)]
          + [MonthAnswer(MonthQuestion(GAS, TWO, date(2022, 7, 1)), REFUSED),
             MonthAnswer(MonthQuestion(GAS, TWO, date(2022, 6, 1)), SKIPPED)])
    assert rows(service) == [
        ("day", date(2022, 6, 1), date(2022, 6, 1), SKIPPED, None, TODAY),
        ("day", date(2022, 7, 1), date(2022, 7, 1), REFUSED, None, TODAY),
        ("day", date(2025, 7, 1), date(2025, 12, 1), ANSWERED, D("7.18"), TODAY),
        ("night", date(2022, 6, 1), date(2022, 6, 1), SKIPPED, None, TODAY),
        ("night", date(2022, 7, 1), date(2022, 7, 1), REFUSED, None, TODAY),
        ("night", date(2025, 7, 1), date(2025, 12, 1), ANSWERED, D("3.59"), TODAY),
    ]
    # A later run: a forced re-ask that is refused keeps the price; another answer splits the run.
    later = date(2026, 12, 2)
    store(service, [MonthAnswer(MonthQuestion(GAS, TWO, date(2025, 8, 1)), REFUSED), answer(date(2025, 9, 1),
                                                                                          "7.18", "3.60")], later)
    assert [r for r in rows(service) if r[0] == "night" and r[3] == ANSWERED] == [
        ("night", date(2025, 7, 1), date(2025, 8, 1), ANSWERED, D("3.59"), TODAY),
        ("night", date(2025, 9, 1), date(2025, 9, 1), ANSWERED, D("3.60"), later),
        ("night", date(2025, 10, 1), date(2025, 12, 1), ANSWERED, D("3.59"), TODAY),
    ]


def test_answers_sit_over_the_shipped_prices_and_under_the_users(service: JournalService) -> None:
    make_household(service)
    store(service, [answer(date(2024, 7, 1), "6.38", "3.30")], date(2026, 11, 28))
    with service.journal.read() as session:
        book = billing.price_book(session)
    entry = book.price_on(GAS, TWO, Zone.DAY, date(2025, 3, 1))  # the answer of July 2024 holds until the next change
    assert (entry.price, entry.supplier, entry.source) == (
        D("6.38"), True, "калькулятор samaraenergo.ru, спрошено 28.11.2026")
    listed = [r for r in book.listing(GAS, TWO) if r.entry.valid_from == date(2024, 7, 1) and r.entry.zone == Zone.DAY]
    assert [(r.entry.origin, r.entry.price, r.used) for r in listed] == [
        ("shipped", D("6.42"), False), ("calculator", D("6.38"), True)]
    assert listed[0].replaced_by is listed[1].entry
    mine = book.with_user_prices([PriceEntry(GAS, TWO, Zone.DAY, date(2024, 7, 1), D("6.40"), "my bill")])
    assert mine.price_on(GAS, TWO, Zone.DAY, date(2024, 8, 1)).price == D("6.40")
    shown = [(r.entry.origin, r.used) for r in mine.listing(GAS, TWO)
             if r.entry.valid_from == date(2024, 7, 1) and r.entry.zone == Zone.DAY]
    assert shown == [("shipped", False), ("calculator", False), ("user", True)]


def test_an_answer_holds_over_a_shipped_change_inside_the_months_asked(service: JournalService) -> None:
    # Asked about June–July 2025 and told the same price: the shipped change of 2025-07-01 does not override it.
    make_household(service)
    store(service, [answer(date(2025, m, 1), "6.50", "3.25") for m in (6, 7)])
    with service.journal.read() as session:
        entries = stored_prices.supplier_entries(session.connection().connection, PriceBook.shipped())
        book = billing.price_book(session)
    assert sorted({e.valid_from for e in entries}) == [date(2025, 6, 1), date(2025, 7, 1)]
    assert book.price_on(GAS, TWO, Zone.DAY, date(2025, 7, 15)).price == D("6.50")
    assert book.price_on(GAS, TWO, Zone.DAY, date(2026, 1, 1)).price == D("7.29")  # after the months asked


def test_refused_months_never_hide_a_shipped_price(service: JournalService) -> None:
    make_household(service)
    store(service, [MonthAnswer(MonthQuestion(GAS, TWO, date(2024, 7, 1)), REFUSED)])
    with service.journal.read() as session:
        book = billing.price_book(session)
    assert book.price_on(GAS, TWO, Zone.DAY, date(2024, 7, 1)).price == D("6.42")
