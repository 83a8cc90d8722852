"""Payee bank details for receipts, and the outbox of portal submissions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "payees",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("supplier", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(160), nullable=False),
        sa.Column("inn", sa.String(12), nullable=False),
        sa.Column("kpp", sa.String(9), nullable=False),
        sa.Column("account", sa.String(20), nullable=False),
        sa.Column("bank", sa.String(45), nullable=False),
        sa.Column("bic", sa.String(9), nullable=False),
        sa.Column("corr", sa.String(20), nullable=False),
        sa.Column("source", sa.String(12), nullable=False, server_default="bill"),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("reading_id", sa.Integer, sa.ForeignKey("readings.id"), nullable=False, unique=True),
        sa.Column("status", sa.String(12), nullable=False, server_default="queued"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("next_attempt_at", sa.DateTime),
        sa.Column("last_error", sa.String(500)),
        sa.Column("portal_message", sa.String(500)),
        sa.Column("portal_reading_id", sa.String(40)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_submissions_status", "submissions", ["status"])


def downgrade() -> None:
    op.drop_table("submissions")
    op.drop_table("payees")
