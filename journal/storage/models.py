"""The journal's tables, as typed SQLAlchemy 2.x models.

Zone values are stored in columns t1, t2, t3 in the product's zone order (see journal.zones);
unused zones are NULL. Readings are never deleted: an edit, a deletion, a replacement for the same
period or an undo only changes a reading's status and records when it happened.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, DateTime, Dialect, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from journal.storage.statuses import ReadingStatus as ReadingStatus  # the journal's modules import it from here
from journal.supplier import DEFAULT_SUPPLIER

if TYPE_CHECKING:  # the billing's and the portal's tables as the type checker sees them; at run time `__getattr__`
    from sqlalchemy import MetaData

    from journal.storage.billing_models import CalculatorPrice as CalculatorPrice
    from journal.storage.billing_models import Payee as Payee
    from journal.storage.billing_models import Payment as Payment
    from journal.storage.billing_models import UserPrice as UserPrice
    from journal.storage.portal_models import BilledConsumption as BilledConsumption
    from journal.storage.portal_models import PortalAccount as PortalAccount
    from journal.storage.portal_models import PortalDevice as PortalDevice
    from journal.storage.portal_models import PortalInvoice as PortalInvoice
    from journal.storage.portal_models import PortalPayment as PortalPayment
    from journal.storage.portal_models import PortalRegister as PortalRegister
    from journal.storage.portal_models import TariffOffer as TariffOffer


class DecimalText(TypeDecorator[Decimal]):
    """A Decimal stored as its exact text: SQLite has no decimal type and REAL would round money."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Decimal | None:
        return None if value is None else Decimal(value)


class Base(DeclarativeBase):
    """A new journal is created from these tables (journal.storage.schema.create_at_head): each column is in the
    place its migration gives it — a column added later comes last — and a test checks the two are the same."""


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(14), unique=True)
    holder: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300))
    supplier: Mapped[str] = mapped_column(String(40), server_default=DEFAULT_SUPPLIER)
    plan: Mapped[str] = mapped_column(String(12))
    category: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # From the user's last bill: a debt (positive) or an advance (negative) on the given day.
    opening_balance: Mapped[Decimal] = mapped_column(DecimalText, server_default="0")
    opening_balance_on: Mapped[date | None] = mapped_column(Date)

    meters: Mapped[list[Meter]] = relationship(back_populates="account", order_by="Meter.installed_on")


class Meter(Base):
    __tablename__ = "meters"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"), index=True)
    serial: Mapped[str] = mapped_column(String(40))
    digits: Mapped[int] = mapped_column(Integer)
    installed_on: Mapped[date] = mapped_column(Date)
    initial_t1: Mapped[int] = mapped_column(Integer)
    initial_t2: Mapped[int | None] = mapped_column(Integer)
    initial_t3: Mapped[int | None] = mapped_column(Integer)
    verified_year: Mapped[int | None] = mapped_column(Integer)
    next_verification_year: Mapped[int | None] = mapped_column(Integer)
    removed_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # The tariff plan the meter counts by (how many zones its readings have). A plan change with the same
    # meter closes this record with the old zones' values and opens a new one, same serial, with the new
    # plan's values; the account's plan is its current meter's.
    plan: Mapped[str] = mapped_column(String(12), server_default="single")

    account: Mapped[Account] = relationship(back_populates="meters")


class Reading(Base):
    __tablename__ = "readings"
    __table_args__ = (
        # One reading in force per meter and billing period; a meter's final reading (taken when
        # it is replaced) is outside this rule.
        Index(
            "uq_readings_active_period",
            "meter_id",
            "period",
            unique=True,
            sqlite_where=text("status = 'active' AND is_final = 0"),
        ),
        Index("ix_readings_meter_taken", "meter_id", "taken_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id", ondelete="RESTRICT"))
    period: Mapped[str] = mapped_column(String(7))
    taken_on: Mapped[date] = mapped_column(Date)
    t1: Mapped[int] = mapped_column(Integer)
    t2: Mapped[int | None] = mapped_column(Integer)
    t3: Mapped[int | None] = mapped_column(Integer)
    rollover: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    is_final: Mapped[bool] = mapped_column(Boolean, server_default=text("0"))
    status: Mapped[str] = mapped_column(String(12), server_default=ReadingStatus.ACTIVE)
    source: Mapped[str] = mapped_column(String(12), server_default="keyboard")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("readings.id"))

    meter: Mapped[Meter] = relationship()


class Change(Base):
    """One user action on readings, so that the last one can be undone."""

    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(12))  # add, replace, edit, delete, correct-act, …
    reading_id: Mapped[int | None] = mapped_column(ForeignKey("readings.id"))  # the reading it made active
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("readings.id"))  # the reading it retired
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class Submission(Base):
    """The outbox: a reading waiting to be sent to the supplier's portal, and what became of it.

    Created in the same transaction as its reading, so neither exists without the other.
    """

    __tablename__ = "submissions"
    __table_args__ = (Index("ix_submissions_status", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reading_id: Mapped[int] = mapped_column(ForeignKey("readings.id"), unique=True)
    # queued, sending (a request may have gone out), sent, accepted, rejected, cancelled
    status: Mapped[str] = mapped_column(String(12), server_default="queued")
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(String(500))
    portal_message: Mapped[str | None] = mapped_column(String(500))
    portal_reading_id: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ActCorrection(Base):
    """A meter record's installation act as it was before a correction (journal.meter_acts), so that undo brings it
    back and no typed value is lost. One row per meter record the correction touched (a serial number or a number
    of digits corrects every record of the same meter), all with the correction's change."""

    __tablename__ = "act_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("changes.id"), index=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id"))
    serial: Mapped[str] = mapped_column(String(40))
    digits: Mapped[int] = mapped_column(Integer)
    installed_on: Mapped[date] = mapped_column(Date)
    initial_t1: Mapped[int] = mapped_column(Integer)
    initial_t2: Mapped[int | None] = mapped_column(Integer)
    initial_t3: Mapped[int | None] = mapped_column(Integer)
    # The first reading whose rollover mark the correction took off (the act's value no longer above it)
    rollover_reading_id: Mapped[int | None] = mapped_column(ForeignKey("readings.id"))


class SubmissionStatus:
    QUEUED = "queued"  # waiting to be sent
    SENDING = "sending"  # a request may have gone out: check the portal before sending again
    SENT = "sent"  # the portal stored it
    ACCEPTED = "accepted"  # the portal accepted it for billing (Prkrasch)
    REJECTED = "rejected"  # the portal (or the check before sending) refused it; portal_message/last_error say why
    CANCELLED = "cancelled"  # its reading was replaced, edited, deleted or undone before it was sent


# The billing's tables (journal.storage.billing_models) and the portal's (journal.storage.portal_models) are
# declared when first asked for: `from journal.storage.models import Payment` works as for the others.
BILLING_MODELS = ("UserPrice", "CalculatorPrice", "Payment", "Payee")
PORTAL_MODELS = ("PortalAccount", "PortalDevice", "PortalRegister", "PortalInvoice", "PortalPayment",
                 "BilledConsumption", "TariffOffer")


def __getattr__(name: str) -> object:
    if name in BILLING_MODELS:
        from journal.storage import billing_models

        return getattr(billing_models, name)
    if name in PORTAL_MODELS:
        from journal.storage import portal_models

        return getattr(portal_models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def all_tables() -> MetaData:
    """Every table of the journal, the billing's and the portal's included: what a new journal is made of and what
    the migrations build."""
    from journal.storage import billing_models, portal_models  # noqa: F401 - declare their tables on Base.metadata

    return Base.metadata
