"""A meter's installation act can be corrected (a typing mistake in its values, date, serial or digits); the act as
it was before each correction is kept, so that undo brings it back.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "act_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("change_id", sa.Integer, sa.ForeignKey("changes.id"), nullable=False),
        sa.Column("meter_id", sa.Integer, sa.ForeignKey("meters.id"), nullable=False),
        sa.Column("serial", sa.String(40), nullable=False),
        sa.Column("digits", sa.Integer, nullable=False),
        sa.Column("installed_on", sa.Date, nullable=False),
        sa.Column("initial_t1", sa.Integer, nullable=False),
        sa.Column("initial_t2", sa.Integer),
        sa.Column("initial_t3", sa.Integer),
        sa.Column("rollover_reading_id", sa.Integer, sa.ForeignKey("readings.id")),
    )
    op.create_index("ix_act_corrections_change_id", "act_corrections", ["change_id"])


def downgrade() -> None:
    op.drop_index("ix_act_corrections_change_id", "act_corrections")
    op.drop_table("act_corrections")
