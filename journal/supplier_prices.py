"""The supplier's own prices, from its public online calculator (docs/DOMAIN.md): which months to ask, storing
the answers, and the price rows they make. No network here: desktop_app asks, this module decides and stores.

Which months. A month is asked when the journal needs a price in it that the shipped prices and the user's own
do not give: a day of a reading's interval (the days after the previous reading through the reading's date), or
of the current one (the days after the last reading through today, for the estimate), has no known price in one
of its plan's zones. A month whose shipped price is disputed (DISPUTED_SHIPPED) is asked too, once the journal
needs a day under that price. A month already asked — answered, refused or skipped — is not asked again, unless
the person forces it. Each question is one month of one category and plan: every zone of the plan is priced on
the month's 1st.

Storing. The answers of one run are stored in one transaction (`store_answers`), never a part of them. Equal
consecutive months of a zone asked the same day make one row of `calculator_prices` (first_month..last_month).
A refusal ("Status": false) and a month skipped after refusals are stored too, without a price, so that they are
not asked again; they never hide a shipped price.

The rows as prices (read by journal.stored_prices). Each answered row is a PriceEntry of the supplier's layer
(PriceEntry.supplier): from its first month, and again from every date inside its months where the shipped prices
change, so that the supplier's word holds over all the months it was asked about. The source says where it came
from and when: «калькулятор <the calculator's site, journal.supplier>, спрошено 28.11.2026». The user's price wins
over it; it wins over the shipped one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from journal.amounts import MAX_PRICE
from journal.history import account_history
from journal.storage.models import Account, CalculatorPrice, Meter
from journal.stored_prices import (  # noqa: F401 - re-exported: the calculator's words
    ANSWERED,
    CALCULATOR_SOURCE,
    OUTCOMES,
    REFUSED,
    SKIPPED,
    calculator_source,
    next_month,
)
from journal.tariffs import PriceBook, PriceKey, UnknownPrice
from journal.zones import ConsumerCategory, TariffPlan, Zone

# docs/DOMAIN.md: the shipped prices of 2024-07-01 come from a draft order, and one later aggregator gives other
# two-zone figures (day 6.38, night 3.30): the supplier is asked about that month.
DISPUTED_SHIPPED = (date(2024, 7, 1),)


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def months_between(first: date, last: date) -> list[date]:
    """The 1st of every month from `first`'s month through `last`'s, in order."""
    month, end, result = first_of_month(first), first_of_month(last), []
    while month <= end:
        result.append(month)
        month = next_month(month)
    return result


# --- plain records ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class MonthQuestion:
    """One month to ask the calculator about: every zone of `plan` priced on `month` (the 1st)."""

    category: ConsumerCategory
    plan: TariffPlan
    month: date
    disputed: bool = field(default=False, compare=False)  # asked because its shipped price is disputed


@dataclass(frozen=True)
class MonthAnswer:
    """The calculator's answer for a month: `prices` per zone when answered, none when refused or skipped."""

    question: MonthQuestion
    outcome: str
    prices: dict[Zone, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.outcome not in OUTCOMES:
            raise ValueError(f"Unknown outcome {self.outcome!r}.")
        if self.outcome == ANSWERED:
            if set(self.prices) != set(self.question.plan.zones):
                raise ValueError("An answered month has a price for every zone of its plan.")
            if any(not (Decimal(0) < p <= MAX_PRICE) for p in self.prices.values()):
                raise ValueError(f"A price out of range: {self.prices}.")
        elif self.prices:
            raise ValueError("A refused or skipped month has no prices.")


@dataclass(frozen=True)
class UnknownRun:
    """Days without a known price that the journal needs: an account's plan and zone, first_day..last_day."""

    account: str
    category: ConsumerCategory
    plan: TariffPlan
    zone: Zone
    first_day: date
    last_day: date


# --- what the journal needs ----------------------------------------------------------------------------------------


def needed_intervals(session: Session, account: Account, today: date) -> list[tuple[TariffPlan, date, date]]:
    """(plan, after, through): the days after `after` through `through` the account's charges need a price for —
    each reading's interval in force, and the days since the last reading of the meter in use through today."""
    result: list[tuple[TariffPlan, date, date]] = []
    last_of_meter: dict[int, date] = {}
    for row in account_history(session, account, include_retired=False):
        if row.consumption is None or row.previous_date is None:
            continue
        result.append((row.plan, row.previous_date, row.taken_on))
        last_of_meter[row.meter_id] = max(row.taken_on, last_of_meter.get(row.meter_id, row.taken_on))
    meter = session.scalar(select(Meter).where(Meter.account_id == account.id, Meter.removed_on.is_(None)))
    if meter is not None:
        last = last_of_meter.get(meter.id, meter.installed_on)
        if last < today:
            result.append((TariffPlan(meter.plan), last, today))
    return result


def _disputed_months(book: PriceBook, key: PriceKey, after: date, through: date) -> list[date]:
    category, plan, zone, band = key
    months = []
    dates = book.change_dates(key)
    for start in DISPUTED_SHIPPED:
        if start not in dates:
            continue
        try:
            entry = book.price_on(category, plan, zone, start, band)
        except UnknownPrice:
            continue
        if entry.user or entry.supplier:
            continue
        later = [d for d in dates if d > start]
        end = later[0] if later else date.max
        if after + timedelta(days=1) < end and through >= start:  # a needed day under the disputed price
            months.append(first_of_month(start))
    return months


def asked_months(session: Session) -> set[tuple[ConsumerCategory, TariffPlan, date]]:
    """Every (category, plan, month) the calculator was asked about, whatever it answered."""
    asked = set()
    for row in session.scalars(select(CalculatorPrice)):
        for month in months_between(row.first_month, row.last_month):
            asked.add((ConsumerCategory(row.category), TariffPlan(row.plan), month))
    return asked


def months_to_ask(session: Session, accounts: Iterable[Account], base: PriceBook, today: date, *,
                  force: bool = False) -> list[MonthQuestion]:
    """The months to ask about, newest first within each category and plan. `base` is the book without the
    calculator's answers (shipped and the user's prices): a month the user has a price for is not asked."""
    asked = set() if force else asked_months(session)
    wanted: dict[tuple[ConsumerCategory, TariffPlan, date], bool] = {}
    for account in accounts:
        category = ConsumerCategory(account.category)
        for plan, after, through in needed_intervals(session, account, today):
            for zone in plan.zones:
                for first, last in base.unknown_ranges(category, plan, zone, after, through):
                    for month in months_between(first, last):
                        wanted.setdefault((category, plan, month), False)
                for month in _disputed_months(base, (category, plan, zone, 1), after, through):
                    wanted.setdefault((category, plan, month), True)
    questions = [MonthQuestion(c, p, m, disputed) for (c, p, m), disputed in wanted.items() if (c, p, m) not in asked]
    order = {c: i for i, c in enumerate(ConsumerCategory)}, {p: i for i, p in enumerate(TariffPlan)}
    return sorted(questions, key=lambda q: (order[0][q.category], order[1][q.plan], -q.month.toordinal()))


def still_unknown(session: Session, account: Account, book: PriceBook, today: date) -> list[UnknownRun]:
    """The days the account needs a price for and `book` has none, merged per plan and zone."""
    category = ConsumerCategory(account.category)
    runs: dict[tuple[TariffPlan, Zone], list[tuple[date, date]]] = {}
    for plan, after, through in needed_intervals(session, account, today):
        for zone in plan.zones:
            runs.setdefault((plan, zone), []).extend(book.unknown_ranges(category, plan, zone, after, through))
    result = []
    for (plan, zone), ranges in runs.items():
        merged: list[list[date]] = []
        for first, last in sorted(ranges):
            if merged and first <= merged[-1][1] + timedelta(days=1):
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        result += [UnknownRun(account.number, category, plan, zone, first, last) for first, last in merged]
    return sorted(result, key=lambda r: (r.first_day, list(TariffPlan).index(r.plan), r.plan.zones.index(r.zone)))


# --- storing the answers -----------------------------------------------------------------------------------------


@dataclass
class _Run:
    first: date
    last: date
    outcome: str
    price: Decimal | None
    asked_on: date


def _collapse(months: dict[date, tuple[str, Decimal | None, date]]) -> list[_Run]:
    runs: list[_Run] = []
    for month in sorted(months):
        outcome, price, asked_on = months[month]
        last = runs[-1] if runs else None
        if (last is not None and next_month(last.last) == month
                and (last.outcome, last.price, last.asked_on) == (outcome, price, asked_on)):
            last.last = month
        else:
            runs.append(_Run(month, month, outcome, price, asked_on))
    return runs


def store_answers(session: Session, answers: Iterable[MonthAnswer], asked_on: date) -> int:
    """Store one run's answers (in the caller's transaction), merged with the earlier ones of their category and
    plan. A refusal never replaces an earlier answer's price. Returns the number of rows written."""
    by_group: dict[tuple[ConsumerCategory, TariffPlan], list[MonthAnswer]] = {}
    for answer in answers:
        by_group.setdefault((answer.question.category, answer.question.plan), []).append(answer)
    written = 0
    for (category, plan), group in by_group.items():
        rows = list(session.scalars(select(CalculatorPrice).where(
            CalculatorPrice.category == category.value, CalculatorPrice.plan == plan.value, CalculatorPrice.band == 1)))
        months: dict[Zone, dict[date, tuple[str, Decimal | None, date]]] = {zone: {} for zone in plan.zones}
        for row in rows:
            for month in months_between(row.first_month, row.last_month):
                months.setdefault(Zone(row.zone), {})[month] = (row.outcome, row.price, row.asked_on)
        for answer in group:
            month = answer.question.month
            for zone in plan.zones:
                earlier = months[zone].get(month)
                if answer.outcome != ANSWERED and earlier is not None and earlier[0] == ANSWERED:
                    continue
                months[zone][month] = (answer.outcome, answer.prices.get(zone), asked_on)
        session.execute(delete(CalculatorPrice).where(
            CalculatorPrice.category == category.value, CalculatorPrice.plan == plan.value, CalculatorPrice.band == 1))
        session.flush()
        for zone, by_month in months.items():
            for run in _collapse(by_month):
                session.add(CalculatorPrice(category=category.value, plan=plan.value, zone=zone.value, band=1,
                                            first_month=run.first, last_month=run.last, price=run.price,
                                            outcome=run.outcome, asked_on=run.asked_on))
                written += 1
    session.flush()
    return written
