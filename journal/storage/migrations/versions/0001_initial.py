"""Accounts, meters, readings and the change log.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(14), nullable=False, unique=True),
        sa.Column("holder", sa.String(200), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("supplier", sa.String(40), nullable=False, server_default="samaraenergo"),
        sa.Column("plan", sa.String(12), nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "meters",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("serial", sa.String(40), nullable=False),
        sa.Column("digits", sa.Integer, nullable=False),
        sa.Column("installed_on", sa.Date, nullable=False),
        sa.Column("initial_t1", sa.Integer, nullable=False),
        sa.Column("initial_t2", sa.Integer),
        sa.Column("initial_t3", sa.Integer),
        sa.Column("verified_year", sa.Integer),
        sa.Column("next_verification_year", sa.Integer),
        sa.Column("removed_on", sa.Date),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_meters_account_id", "meters", ["account_id"])
    op.create_table(
        "readings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meter_id", sa.Integer, sa.ForeignKey("meters.id", ondelete="RESTRICT"), nullable=False),
        sa.Column("period", sa.String(7), nullable=False),
        sa.Column("taken_on", sa.Date, nullable=False),
        sa.Column("t1", sa.Integer, nullable=False),
        sa.Column("t2", sa.Integer),
        sa.Column("t3", sa.Integer),
        sa.Column("rollover", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("is_final", sa.Boolean, nullable=False, server_default=sa.text("0")),
        sa.Column("status", sa.String(12), nullable=False, server_default="active"),
        sa.Column("source", sa.String(12), nullable=False, server_default="keyboard"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("ended_at", sa.DateTime),
        sa.Column("replaced_by_id", sa.Integer, sa.ForeignKey("readings.id")),
    )
    op.create_index(
        "uq_readings_active_period",
        "readings",
        ["meter_id", "period"],
        unique=True,
        sqlite_where=sa.text("status = 'active' AND is_final = 0"),
    )
    op.create_index("ix_readings_meter_taken", "readings", ["meter_id", "taken_on"])
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("action", sa.String(12), nullable=False),
        sa.Column("reading_id", sa.Integer, sa.ForeignKey("readings.id")),
        sa.Column("previous_id", sa.Integer, sa.ForeignKey("readings.id")),
        sa.Column("undone_at", sa.DateTime),
    )


def downgrade() -> None:
    op.drop_table("changes")
    op.drop_table("readings")
    op.drop_table("meters")
    op.drop_table("accounts")
