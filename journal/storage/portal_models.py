"""What the supplier's portal knows about an account: pulled by the sync, never applied to the journal silently.

Declared in a registry of their own on the journal's MetaData (one schema: a new journal and the migrations have
these tables too), so that a command that does not use the portal neither declares nor configures them: they
hold almost half of the journal's mapped columns. Import them from journal.storage.models like the others; that
module declares them on first use.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import Date, DateTime, ForeignKey, Integer, MetaData, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from journal.storage.models import Base, DecimalText


class PortalBase(DeclarativeBase):
    metadata: ClassVar[MetaData] = Base.metadata


class PortalAccount(PortalBase):
    """Our account matched to the portal's contract account (by Vkona), and when it was last pulled."""

    __tablename__ = "portal_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"), unique=True)
    portal_account_id: Mapped[str] = mapped_column(String(20))  # AccountID (the business partner)
    contract_account_id: Mapped[str] = mapped_column(String(20))  # ContractAccountID
    contract_id: Mapped[str | None] = mapped_column(String(20))
    tariff_type: Mapped[str | None] = mapped_column(String(60))  # Ttypbez
    linked_at: Mapped[datetime] = mapped_column(DateTime)
    pulled_at: Mapped[datetime | None] = mapped_column(DateTime)


class PortalDevice(PortalBase):
    """Our meter matched to the portal's device (by serial number), with what the portal says about it."""

    __tablename__ = "portal_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    meter_id: Mapped[int] = mapped_column(ForeignKey("meters.id", ondelete="RESTRICT"), unique=True)
    device_id: Mapped[str] = mapped_column(String(20))
    contract_id: Mapped[str | None] = mapped_column(String(20))
    serial: Mapped[str] = mapped_column(String(40))  # as the portal writes it
    integer_places: Mapped[int | None] = mapped_column(Integer)  # Stanzvor
    decimal_places: Mapped[int | None] = mapped_column(Integer)  # Stanznac
    verified_year: Mapped[int | None] = mapped_column(Integer)  # Bgljahr
    next_verification_year: Mapped[int | None] = mapped_column(Integer)  # LvProv
    verification_interval: Mapped[int | None] = mapped_column(Integer)  # Vlzeitt, years
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class PortalRegister(PortalBase):
    """A register of a portal device, matched to our zone by its zone text (Zwarttxt)."""

    __tablename__ = "portal_registers"
    __table_args__ = (UniqueConstraint("portal_device_id", "register_id", name="uq_portal_registers_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    portal_device_id: Mapped[int] = mapped_column(ForeignKey("portal_devices.id", ondelete="CASCADE"))
    register_id: Mapped[str] = mapped_column(String(10))
    zone_text: Mapped[str] = mapped_column(String(60), server_default="")
    zone: Mapped[str | None] = mapped_column(String(10))  # our zone; NULL when the text matches none
    previous_value: Mapped[Decimal | None] = mapped_column(DecimalText)
    previous_date: Mapped[date | None] = mapped_column(Date)


class PortalInvoice(PortalBase):
    __tablename__ = "portal_invoices"
    __table_args__ = (UniqueConstraint("account_id", "invoice_id", name="uq_portal_invoices_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    invoice_id: Mapped[str] = mapped_column(String(20))
    invoice_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date)
    amount_due: Mapped[Decimal | None] = mapped_column(DecimalText)
    amount_paid: Mapped[Decimal | None] = mapped_column(DecimalText)
    amount_remaining: Mapped[Decimal | None] = mapped_column(DecimalText)
    status_id: Mapped[str | None] = mapped_column(String(4))  # "9" = settled
    pdf_file: Mapped[str | None] = mapped_column(String(300))  # relative to the data folder
    pulled_at: Mapped[datetime] = mapped_column(DateTime)


class PortalPayment(PortalBase):
    """A payment document on the portal. Kept apart from the user's own `payments`: nothing is merged silently."""

    __tablename__ = "portal_payments"
    __table_args__ = (UniqueConstraint("account_id", "document_id", name="uq_portal_payments_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    document_id: Mapped[str] = mapped_column(String(20))
    paid_on: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(DecimalText)
    method: Mapped[str] = mapped_column(String(100), server_default="")
    pulled_at: Mapped[datetime] = mapped_column(DateTime)


class BilledConsumption(PortalBase):
    """The supplier's billed consumption and amount for one period (ContractConsumptionValues, type BC)."""

    __tablename__ = "billed_consumption"
    __table_args__ = (
        UniqueConstraint("account_id", "contract_id", "start_date", "end_date", name="uq_billed_consumption_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"))
    contract_id: Mapped[str] = mapped_column(String(20))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    period: Mapped[str] = mapped_column(String(7))  # our billing period, YYYY-MM
    consumption: Mapped[Decimal | None] = mapped_column(DecimalText)  # kWh
    billed_amount: Mapped[Decimal | None] = mapped_column(DecimalText)  # ₽
    pulled_at: Mapped[datetime] = mapped_column(DateTime)


class TariffOffer(PortalBase):
    """The portal's current zone prices of an account, offered to the user as a price update (never applied
    without the user's yes: accepting records them as the user's prices)."""

    __tablename__ = "tariff_offers"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="RESTRICT"), index=True)
    tariff_type: Mapped[str | None] = mapped_column(String(60))
    plan: Mapped[str] = mapped_column(String(12))
    t1: Mapped[Decimal | None] = mapped_column(DecimalText)  # ₽/kWh in the journal's zone order
    t2: Mapped[Decimal | None] = mapped_column(DecimalText)
    t3: Mapped[Decimal | None] = mapped_column(DecimalText)
    status: Mapped[str] = mapped_column(String(12), server_default="offered")  # offered, accepted, dismissed
    offered_at: Mapped[datetime] = mapped_column(DateTime)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    valid_from: Mapped[date | None] = mapped_column(Date)  # chosen by the user on accepting
