"""Payments and the opening balance: what the household paid, each counting in the billing period of its date
(like a reading: after the supplier's cut-off day, in the next month), and the balance of its last bill the
journal's balance starts from (journal.billing.account_ledger, journal.owed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.amounts import parse_money, parse_signed_money
from journal.errors import ConfirmationKind, ConfirmationRequired, InvalidInput
from journal.messages import Label, msg
from journal.periods import period_of
from journal.storage.models import Account, Payment
from journal.tariffs import EARLIEST_PRICE_DATE

MAX_NOTE = 200


@dataclass(frozen=True)
class PaymentInfo:
    id: int
    account: str
    paid_on: date
    amount: Decimal
    note: str
    period: str  # the billing period the payment counts in
    created_at: datetime


def payment_info(payment: Payment, account: Account) -> PaymentInfo:
    return PaymentInfo(payment.id, account.number, payment.paid_on, payment.amount, payment.note,
                       str(period_of(payment.paid_on)), payment.created_at)


def check_money_date(day: date, today: date, field: str) -> None:
    if day < EARLIEST_PRICE_DATE:
        raise InvalidInput(msg("The date {day} is before {earliest}; check it.", day=day, earliest=EARLIEST_PRICE_DATE),
                           field=field)
    validation.not_in_future(day, today, field)


def add_payment(
    session: Session, account: Account, paid_on: date, amount: str, note: str = "", *, today: date,
    again: bool = False,
) -> PaymentInfo:
    """Record a payment. The same sum on the same day is most likely the same payment typed twice (in the window
    and from a script, or a receipt entered again): it needs `again`, the person's word that it is a second one."""
    check_money_date(paid_on, today, "date")
    value = parse_money(amount)
    text = validation.one_line(note, "note", Label("note"))
    if len(text) > MAX_NOTE:
        raise InvalidInput(msg("The note is too long (at most {limit} characters).", limit=MAX_NOTE), field="note")
    same = session.scalars(select(Payment).where(Payment.account_id == account.id, Payment.paid_on == paid_on))
    if not again and any(Decimal(row.amount) == value for row in same):
        raise ConfirmationRequired(
            ConfirmationKind.DUPLICATE, msg(
                "A payment of {value:.2f} ₽ on {paid_on} is already recorded for this account. Record it only if "
                "this is a second payment.",
                value=value,
                paid_on=paid_on,
            ), field="amount")
    payment = Payment(account_id=account.id, paid_on=paid_on, amount=value, note=text, created_at=datetime.now())
    session.add(payment)
    session.flush()
    return payment_info(payment, account)


def list_payments(session: Session, account: Account) -> list[PaymentInfo]:
    rows = session.scalars(
        select(Payment).where(Payment.account_id == account.id).order_by(Payment.paid_on, Payment.id)
    )
    return [payment_info(row, account) for row in rows]


def set_opening_balance(session: Session, account: Account, amount: str, on: date, *, today: date) -> Decimal:
    """Store the balance of the user's last bill: a debt (positive) or an advance (negative) on `on`."""
    check_money_date(on, today, "opening-date")
    value = parse_signed_money(amount, field="opening")
    account.opening_balance = value
    account.opening_balance_on = on
    session.flush()
    return value
