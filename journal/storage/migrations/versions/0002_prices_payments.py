"""The user's prices from their bills, payments, and each account's opening balance.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("opening_balance", sa.String(32), nullable=False, server_default="0"))
        batch.add_column(sa.Column("opening_balance_on", sa.Date))
    op.create_table(
        "user_prices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("plan", sa.String(12), nullable=False),
        sa.Column("zone", sa.String(10), nullable=False),
        sa.Column("band", sa.Integer, nullable=False, server_default=sa.text("1")),
        sa.Column("valid_from", sa.Date, nullable=False),
        sa.Column("price", sa.String(32), nullable=False),
        sa.Column("source", sa.String(200), nullable=False, server_default="entered from the bill"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("category", "plan", "zone", "band", "valid_from", name="uq_user_prices_key"),
    )
    op.create_table(
        "payments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("paid_on", sa.Date, nullable=False),
        sa.Column("amount", sa.String(32), nullable=False),
        sa.Column("note", sa.String(200), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_payments_account_id", "payments", ["account_id"])


def downgrade() -> None:
    op.drop_table("payments")
    op.drop_table("user_prices")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("opening_balance_on")
        batch.drop_column("opening_balance")
