"""What the supplier's portal knows: links of our accounts and meters to the portal's contract accounts and
devices, their registers, invoices, payment documents, billed consumption and offered tariff updates.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "portal_accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False,
                  unique=True),
        sa.Column("portal_account_id", sa.String(20), nullable=False),
        sa.Column("contract_account_id", sa.String(20), nullable=False),
        sa.Column("contract_id", sa.String(20)),
        sa.Column("tariff_type", sa.String(60)),
        sa.Column("linked_at", sa.DateTime, nullable=False),
        sa.Column("pulled_at", sa.DateTime),
    )
    op.create_table(
        "portal_devices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meter_id", sa.Integer, sa.ForeignKey("meters.id", ondelete="RESTRICT"), nullable=False,
                  unique=True),
        sa.Column("device_id", sa.String(20), nullable=False),
        sa.Column("contract_id", sa.String(20)),
        sa.Column("serial", sa.String(40), nullable=False),
        sa.Column("integer_places", sa.Integer),
        sa.Column("decimal_places", sa.Integer),
        sa.Column("verified_year", sa.Integer),
        sa.Column("next_verification_year", sa.Integer),
        sa.Column("verification_interval", sa.Integer),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "portal_registers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("portal_device_id", sa.Integer, sa.ForeignKey("portal_devices.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("register_id", sa.String(10), nullable=False),
        sa.Column("zone_text", sa.String(60), nullable=False, server_default=""),
        sa.Column("zone", sa.String(10)),
        sa.Column("previous_value", sa.String(32)),
        sa.Column("previous_date", sa.Date),
        sa.UniqueConstraint("portal_device_id", "register_id", name="uq_portal_registers_key"),
    )
    op.create_table(
        "portal_invoices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("invoice_id", sa.String(20), nullable=False),
        sa.Column("invoice_date", sa.Date),
        sa.Column("due_date", sa.Date),
        sa.Column("amount_due", sa.String(32)),
        sa.Column("amount_paid", sa.String(32)),
        sa.Column("amount_remaining", sa.String(32)),
        sa.Column("status_id", sa.String(4)),
        sa.Column("pdf_file", sa.String(300)),
        sa.Column("pulled_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("account_id", "invoice_id", name="uq_portal_invoices_key"),
    )
    op.create_table(
        "portal_payments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("document_id", sa.String(20), nullable=False),
        sa.Column("paid_on", sa.Date),
        sa.Column("amount", sa.String(32)),
        sa.Column("method", sa.String(100), nullable=False, server_default=""),
        sa.Column("pulled_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("account_id", "document_id", name="uq_portal_payments_key"),
    )
    op.create_table(
        "billed_consumption",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("contract_id", sa.String(20), nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("consumption", sa.String(32)),
        sa.Column("billed_amount", sa.String(32)),
        sa.Column("pulled_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("account_id", "contract_id", "start_date", "end_date",
                            name="uq_billed_consumption_key"),
    )
    op.create_table(
        "tariff_offers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("tariff_type", sa.String(60)),
        sa.Column("plan", sa.String(12), nullable=False),
        sa.Column("t1", sa.String(32)),
        sa.Column("t2", sa.String(32)),
        sa.Column("t3", sa.String(32)),
        sa.Column("status", sa.String(12), nullable=False, server_default="offered"),
        sa.Column("offered_at", sa.DateTime, nullable=False),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("valid_from", sa.Date),
    )
    op.create_index("ix_tariff_offers_account_id", "tariff_offers", ["account_id"])


def downgrade() -> None:
    op.drop_index("ix_tariff_offers_account_id", "tariff_offers")
    for table in ("tariff_offers", "billed_consumption", "portal_payments", "portal_invoices", "portal_registers",
                  "portal_devices", "portal_accounts"):
        op.drop_table(table)
