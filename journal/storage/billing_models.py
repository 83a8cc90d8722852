"""The billing's tables: the user's prices, the supplier calculator's answers, payments and the payee's bank
details.

Declared in a registry of their own on the journal's MetaData (one schema: a new journal and the migrations have
these tables too), like the portal's (journal.storage.portal_models), so that a command that neither prices nor
pays (`reading add`) neither declares nor configures them. Import them from journal.storage.models like the
others; that module declares them on first use. The read-only `bill` reads the prices with SQL alone
(journal.stored_prices).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Date, DateTime, ForeignKey, Integer, MetaData, String, UniqueConstraint, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from journal.storage.models import Base, DecimalText


class BillingBase(DeclarativeBase):
    metadata: ClassVar[MetaData] = Base.metadata


class UserPrice(BillingBase):
    """A price the user entered from their bill; it wins over the shipped price from its start date."""

    __tablename__ = "user_prices"

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(16))
    plan: Mapped[str] = mapped_column(String(12))
    zone: Mapped[str] = mapped_column(String(10))
    band: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    valid_from: Mapped[date] = mapped_column(Date)
    price: Mapped[Decimal] = mapped_column(DecimalText)
    source: Mapped[str] = mapped_column(String(200), server_default="entered from the bill")
    created_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (UniqueConstraint("category", "plan", "zone", "band", "valid_from", name="uq_user_prices_key"),)


class CalculatorPrice(BillingBase):
    """What the supplier's online calculator answered for a run of months, first_month..last_month (each the
    1st): one zone's price (outcome "answered"), or no price (outcome "refused": Status false; "skipped": not
    asked after the calculator refused the later months). Equal consecutive months asked the same day make
    one row. Every month stored is a month asked: it is not asked again unless the person forces it."""

    __tablename__ = "calculator_prices"
    __table_args__ = (
        UniqueConstraint("category", "plan", "zone", "band", "first_month", name="uq_calculator_prices_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(16))
    plan: Mapped[str] = mapped_column(String(12))
    zone: Mapped[str] = mapped_column(String(10))
    band: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    first_month: Mapped[date] = mapped_column(Date)
    last_month: Mapped[date] = mapped_column(Date)
    price: Mapped[Decimal | None] = mapped_column(DecimalText)  # ₽/kWh; NULL when refused or skipped
    outcome: Mapped[str] = mapped_column(String(10), server_default="answered")  # answered, refused, skipped
    asked_on: Mapped[date] = mapped_column(Date)


class Payment(BillingBase):
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(DecimalText)
    note: Mapped[str] = mapped_column(String(200), server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Payee(BillingBase):
    """A supplier's bank details for payment receipts, entered from the user's bill or taken from the portal."""

    __tablename__ = "payees"

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    inn: Mapped[str] = mapped_column(String(12))
    kpp: Mapped[str] = mapped_column(String(9))
    account: Mapped[str] = mapped_column(String(20))  # settlement account (расчётный счёт)
    bank: Mapped[str] = mapped_column(String(45))
    bic: Mapped[str] = mapped_column(String(9))
    corr: Mapped[str] = mapped_column(String(20))  # correspondent account
    source: Mapped[str] = mapped_column(String(12), server_default="bill")  # bill, portal, sample
    updated_at: Mapped[datetime] = mapped_column(DateTime)
