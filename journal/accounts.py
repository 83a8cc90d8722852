"""Accounts (лицевые счета): create, find, list."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from journal import validation
from journal.errors import InvalidInput, NotFound
from journal.messages import Label, msg
from journal.records import AccountInfo
from journal.storage.models import Account
from journal.supplier import DEFAULT_SUPPLIER
from journal.zones import ConsumerCategory, TariffPlan


def account_info(account: Account) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        number=account.number,
        holder=account.holder,
        address=account.address,
        supplier=account.supplier,
        plan=TariffPlan(account.plan),
        category=ConsumerCategory(account.category),
    )


def add_account(
    session: Session, number: str, holder: str, address: str, plan: str, category: str,
    supplier: str = DEFAULT_SUPPLIER,
) -> AccountInfo:
    number = validation.account_number(number)
    account = Account(
        number=number,
        holder=validation.required_text(holder, "holder", Label("holder's full name"), 200),
        address=validation.required_text(address, "address", Label("address"), 300),
        supplier=supplier,
        plan=validation.plan(plan).value,
        category=validation.category(category).value,
        created_at=datetime.now(),
    )
    if session.scalar(select(Account.id).where(Account.number == number)) is not None:
        raise InvalidInput(msg("The account {number} is already in the journal.", number=number), field="account")
    session.add(account)
    session.flush()
    return account_info(account)


def find_account(session: Session, number: str) -> Account:
    number = validation.account_number(number)
    account = session.scalar(select(Account).where(Account.number == number))
    if account is None:
        raise NotFound(msg("There is no account {number} in the journal. Add it first (account add).", number=number),
                       field="account")
    return account


def list_accounts(session: Session) -> list[AccountInfo]:
    return [account_info(a) for a in session.scalars(select(Account).order_by(Account.number))]


def update_account(session: Session, number: str, holder: str, address: str, plan: str, category: str) -> AccountInfo:
    """Change an account's holder, address, category or plan. Once the account has a meter, the plan changes
    from a date with the meter's values on that day (journal.meters.change_plan), not here."""
    account = find_account(session, number)
    new_plan = validation.plan(plan).value
    if new_plan != account.plan and account.meters:
        raise InvalidInput(
            msg(
                "A new tariff plan starts on a date, with the meter's values on that day: record it as a tariff plan "
                "change (account change-plan).",
            ),
            field="plan",
        )
    account.holder = validation.required_text(holder, "holder", Label("holder's full name"), 200)
    account.address = validation.required_text(address, "address", Label("address"), 300)
    account.plan = new_plan
    account.category = validation.category(category).value
    session.flush()
    return account_info(account)
