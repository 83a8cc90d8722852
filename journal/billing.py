"""Billing over the journal: the user's prices, a period's charge, the balance, the forecast (payments and the
opening balance: journal.payments).

Prices. The user's prices (table user_prices) are layered over the supplier calculator's answers
(journal.supplier_prices), which are layered over the shipped ones: from its start date on, a user price
wins (PriceBook.with_user_prices). Setting a price again for the same category, plan,
zone, band and start date replaces the user's earlier price.

A period's charge: journal.bills, from the period's readings in force (journal.history rows) and the price book
(journal.stored_prices reads the prices the journal stores).

Balance. What an account owes, as of a day, is journal.owed's one rule: the opening balance from the
user's last bill (a debt positive, an advance negative; without one, every period counts from 0), plus
the charges of the periods billed by that day, minus the payments made by it. account_ledger reads what
it needs (the periods' charges with the day each was billed, the payments); balance_rows lists the
balance per billing period — each row's balance is what was owed on the period's cut-off day — and what
is owed today. A payment counts in the billing period of its date, like a reading (the supplier's
cut-off day, 25: a payment on 28 October counts in November). A period whose price is unknown is listed
without a charge and with the message of what to enter; the balance is then incomplete: it holds the
known charges only and says so.

Average consumption and forecast: journal.forecast over every interval in force of the account.

Money is Decimal throughout; nothing here touches a float.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import bills, stored_prices, validation
from journal.bills import (  # noqa: F401 - re-exported: billing's public names
    Bill,
    BillInterval,
    combine_charges,
    row_charge,
)
from journal.charges import Charge, compute_charge
from journal.consumption import consumption
from journal.errors import ConfirmationKind, ConfirmationRequired, InvalidInput
from journal.forecast import ZoneAverage, average_consumption, forecast_period
from journal.history import account_history
from journal.messages import Message, ZoneNumber, msg
from journal.meters import current_meter
from journal.owed import Ledger, LedgerPayment, Owed, PeriodCharge, owed_on, period_end
from journal.payments import (  # noqa: F401 - re-exported: billing's public names
    MAX_NOTE,
    PaymentInfo,
    add_payment,
    list_payments,
    set_opening_balance,
)
from journal.periods import DEFAULT_CUTOFF_DAY, period_of
from journal.records import HistoryRow
from journal.storage.models import Account, Reading, ReadingStatus, UserPrice
from journal.tariffs import (
    MissingPrice,
    PriceBook,
    PriceEntry,
    UnknownPrice,
)
from journal.typed_prices import check_price_date, parse_prices
from journal.zones import PLAN_ZONES, ConsumerCategory, TariffPlan, Zone

ZERO = Decimal("0.00")
USER_PRICE_SOURCE = "entered from the bill"


# --- plain records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """The charge for values typed but not saved, from the last reading (or the act) to `day`."""

    account: str
    meter_serial: str
    previous_date: date
    previous_values: tuple[int, ...]
    day: date
    values: tuple[int, ...]
    consumption: tuple[int, ...]
    charge: Charge


@dataclass(frozen=True)
class BalanceRow:
    """One billing period of the balance. `charge` is None when the period has no reading (payments
    only) or when its price is unknown (then `warnings` says what to enter and `complete` is False)."""

    period: str
    charge: Decimal | None
    payments: Decimal
    balance: Decimal  # at the period's end, from the known charges only
    complete: bool  # False once the charge of this or an earlier period is unknown
    warnings: tuple[Message, ...] = ()


@dataclass(frozen=True)
class BalanceInfo:
    account: str
    opening_balance: Decimal  # debt positive, advance negative
    opening_on: date | None  # None: no opening balance entered, every period counts from 0
    rows: tuple[BalanceRow, ...]
    owed: Owed  # what is owed today, with its composition (journal.owed)
    missing_prices: tuple[MissingPrice, ...] = ()  # what the owed figure's unknown periods lack, earliest first

    @property
    def charged_known(self) -> Decimal:
        """The known charges, with a debt the opening balance carries in: while a price is unknown, what was charged
        is at least this. `charged_known - paid` is what is owed by the known charges (`owed.total`)."""
        return max(self.opening_balance, ZERO) + sum((r.charge for r in self.rows if r.charge is not None), ZERO)

    @property
    def paid(self) -> Decimal:
        """The payments counted, with an advance the opening balance carries in."""
        return max(-self.opening_balance, ZERO) + sum((r.payments for r in self.rows), ZERO)


@dataclass(frozen=True)
class ForecastInfo:
    account: str
    period: str  # the current billing period
    last_reading_date: date | None
    period_end: date  # the period's cut-off day
    averages: dict[Zone, ZoneAverage]
    expected: dict[Zone, Decimal]  # kWh from the day after the last reading through period_end


# --- prices ----------------------------------------------------------------------------------------


def _user_entry(row: UserPrice) -> PriceEntry:
    return PriceEntry(
        category=ConsumerCategory(row.category), plan=TariffPlan(row.plan), zone=Zone(row.zone),
        valid_from=row.valid_from, price=row.price, source=row.source, band=row.band, user=True,
    )


def price_book(session: Session, *, supplier: bool = True) -> PriceBook:
    """The shipped prices, the supplier calculator's answers over them (unless `supplier` is False), and the
    user's prices over both: journal.stored_prices on the session's DBAPI connection, in its transaction (what
    the session holds unwritten is written first, as a query of the session would)."""
    session.flush()
    return stored_prices.price_book(session.connection().connection, supplier=supplier)


def set_user_price(
    session: Session, category: str, plan: str, valid_from: date, prices: Sequence[str], *, today: date,
    source: str = USER_PRICE_SOURCE,
) -> list[PriceEntry]:
    """Record the user's prices of a plan's zones from `valid_from` on: one typed price per zone, in zone order
    (journal.typed_prices.parse_prices).

    Everything is checked before anything is written; an existing user price for the same key and
    date is replaced.
    """
    category_value = validation.category(category)
    plan_value = validation.plan(plan)
    check_price_date(valid_from, today)
    values = parse_prices(prices, plan_value)
    now = datetime.now()
    result = []
    for zone, price in zip(PLAN_ZONES[plan_value], values, strict=True):
        row = session.scalar(
            select(UserPrice).where(
                UserPrice.category == category_value.value, UserPrice.plan == plan_value.value,
                UserPrice.zone == zone.value, UserPrice.band == 1, UserPrice.valid_from == valid_from,
            )
        )
        if row is None:
            row = UserPrice(category=category_value.value, plan=plan_value.value, zone=zone.value, band=1,
                            valid_from=valid_from, price=price, source=source, created_at=now)
            session.add(row)
        else:
            row.price, row.source, row.created_at = price, source, now
        result.append(_user_entry(row))
    session.flush()
    return result


# --- a period's charge -----------------------------------------------------------------------------


def _in_force(session: Session, account: Account) -> list[HistoryRow]:
    """The account's readings in force: each has its consumption."""
    return bills.in_force(account_history(session, account, include_retired=False))


def _kwh(row: HistoryRow) -> tuple[int, ...]:
    """The consumption of a reading in force (see `_in_force`)."""
    if row.consumption is None:
        raise ValueError(f"the reading {row.reading_id} is not in force")
    return row.consumption


def _charge_rows(book: PriceBook, account: Account, rows: list[HistoryRow]) -> Charge:
    return bills.charge_rows(book, ConsumerCategory(account.category), rows)


def period_rows(session: Session, account: Account, period: str) -> list[HistoryRow]:
    """The readings in force of a billing period (more than one after a meter replacement or plan change);
    NotFound when it has none."""
    return bills.period_rows(_in_force(session, account), account.number, period)


def period_bill(session: Session, account: Account, period: str, *, book: PriceBook | None = None) -> Bill:
    """The charge of a billing period (journal.bills); NotFound when it has no reading, UnknownPrice when a price
    is missing."""
    rows = _in_force(session, account)
    return bills.bill(book or price_book(session), account.number, ConsumerCategory(account.category), rows, period)


def period_totals(session: Session, account: Account) -> dict[str, Decimal | UnknownPrice]:
    """Every period's charge total (or why it is unknown), from one reading of the history."""
    book = price_book(session)
    by_period: dict[str, list[HistoryRow]] = {}
    for row in _in_force(session, account):
        by_period.setdefault(row.period, []).append(row)
    totals: dict[str, Decimal | UnknownPrice] = {}
    for period, rows in by_period.items():
        try:
            totals[period] = _charge_rows(book, account, rows).total
        except UnknownPrice as error:
            totals[period] = error
    return totals


def period_charge(session: Session, account: Account, period: str) -> Charge:
    return period_bill(session, account, period).charge


# --- an estimate for values not saved ----------------------------------------------------------------


def estimate(
    session: Session, account: Account, values: str | list[str] | tuple[int, ...], day: date, *, today: date,
    rollover: bool = False,
) -> Estimate:
    """The charge of values typed for `day` (not saved), since the current meter's last reading."""
    validation.not_in_future(day, today)
    meter = current_meter(session, account)
    plan = TariffPlan(meter.plan)
    zones = plan.zone_count
    typed = validation.zone_values(values, zones, meter.digits)
    last = session.scalar(
        select(Reading)
        .where(Reading.meter_id == meter.id, Reading.status == ReadingStatus.ACTIVE)
        .order_by(Reading.taken_on.desc(), Reading.id.desc())
        .limit(1)
    )
    if last is not None:
        previous: tuple[int, ...] = (last.t1, last.t2, last.t3)[:zones]  # type: ignore[assignment]
        previous_date = last.taken_on
    else:
        previous = (meter.initial_t1, meter.initial_t2, meter.initial_t3)[:zones]  # type: ignore[assignment]
        previous_date = meter.installed_on
    if day <= previous_date:  # two sentences, not "{source}": the window translates each whole
        raise InvalidInput(
            msg(
                "An estimate needs a day after the reading of {previous_date}; got {day}.",
                previous_date=previous_date,
                day=day,
            )
            if last is not None else
            msg(
                "An estimate needs a day after the installation act ({previous_date}); got {day}.",
                previous_date=previous_date,
                day=day,
            ),
            field="date",
        )
    for index, (before, now) in enumerate(zip(previous, typed, strict=True), start=1):
        if now < before and not rollover:  # sentences the window translates each whole (as journal.readings)
            below = msg("{zone}: {now} is below {before} from the reading of {day}.", zone=ZoneNumber(index),
                        now=now, before=before, day=previous_date) if last is not None else msg(
                "{zone}: {now} is below {before} from the installation act.", zone=ZoneNumber(index), now=now,
                before=before)
            hint = msg("If the meter went past {nines} and started again from zero, confirm a rollover; otherwise "
                       "please check the value.", nines="9" * meter.digits)
            raise ConfirmationRequired(ConfirmationKind.ROLLOVER, msg("{below} {hint}", below=below, hint=hint),
                                       field=f"t{index}")
    used = consumption(previous, typed, meter.digits, rollover)
    charge = compute_charge(price_book(session), ConsumerCategory(account.category), plan,
                            dict(zip(plan.zones, used, strict=True)), previous_date, day)
    return Estimate(account.number, meter.serial, previous_date, previous, day, typed, used, charge)


# --- payments and the opening balance ----------------------------------------------------------------


def account_ledger(session: Session, account: Account) -> Ledger:
    """What counts towards the account's balance (see journal.owed): the opening balance, the charge of each period
    billed on or after its date, with the day it was billed, and the payments on or after it."""
    opening_on = account.opening_balance_on
    opening = (account.opening_balance or ZERO).quantize(ZERO) if opening_on is not None else ZERO
    rows_by_period: dict[str, list[HistoryRow]] = {}
    for row in _in_force(session, account):
        rows_by_period.setdefault(row.period, []).append(row)
    book = price_book(session)
    charges = []
    for period, rows in sorted(rows_by_period.items()):
        billed_on = max(r.taken_on for r in rows)
        if opening_on is not None and billed_on < opening_on:
            continue
        try:
            computed = _charge_rows(book, account, rows)
            charges.append(PeriodCharge(period, billed_on, computed.total, computed.warnings))
        except UnknownPrice as error:
            charges.append(PeriodCharge(period, billed_on, None, (error.text,), error.missing))
    payments = tuple(LedgerPayment(p.paid_on, p.period, p.amount) for p in list_payments(session, account)
                     if opening_on is None or p.paid_on >= opening_on)
    return Ledger(account.number, opening, opening_on, tuple(charges), payments)


def owed(session: Session, account: Account, as_of: date) -> Owed:
    """What the account owes on `as_of` (journal.owed.owed_on over the account's ledger)."""
    return owed_on(account_ledger(session, account), as_of)


def balance_rows(session: Session, account: Account, today: date) -> BalanceInfo:
    """The balance at the end of each billing period since the opening balance, and what is owed today."""
    ledger = account_ledger(session, account)
    charges = {c.period: c for c in ledger.charges}
    paid: dict[str, Decimal] = {}
    for payment in ledger.payments:
        paid[payment.period] = paid.get(payment.period, ZERO) + payment.amount
    result = []
    for period in sorted(set(charges) | set(paid)):
        charge = charges.get(period)
        at_end = owed_on(ledger, min(period_end(period), today))
        result.append(BalanceRow(period, charge.charge if charge else None, paid.get(period, ZERO), at_end.total,
                                 at_end.complete, charge.warnings if charge else ()))
    now = owed_on(ledger, today)
    missing = sorted((c.missing for c in ledger.charges if c.missing is not None and c.period in now.unknown_periods),
                     key=lambda m: (m.day, m.start))
    return BalanceInfo(account.number, ledger.opening_balance, ledger.opening_on, tuple(result), now, tuple(missing))


# --- average consumption and the forecast --------------------------------------------------------------


def consumption_forecast(session: Session, account: Account, today: date) -> ForecastInfo:
    """Average daily and monthly kWh per zone, and the kWh expected through the current period's end, from
    the readings of the current plan (after a plan change, its zones' own history)."""
    plan = TariffPlan(account.plan)
    rows = [row for row in _in_force(session, account) if row.plan == plan]
    intervals = [(row.previous_date, row.taken_on, dict(zip(plan.zones, _kwh(row), strict=True)))
                 for row in rows]
    period = period_of(today)
    period_end = date(period.year, period.month, DEFAULT_CUTOFF_DAY)
    last = max((row.taken_on for row in rows), default=None)
    expected = forecast_period(intervals, last, max(period_end, last)) if last else {}  # type: ignore[arg-type]
    return ForecastInfo(account.number, str(period), last, period_end,
                        average_consumption(intervals), expected)  # type: ignore[arg-type]
