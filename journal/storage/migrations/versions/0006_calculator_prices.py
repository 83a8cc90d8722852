"""The supplier's online calculator's answers: a zone's price for a run of months (or a refusal), with the day
it was asked. They are the supplier's word, used over the shipped prices and under the user's.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calculator_prices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("plan", sa.String(12), nullable=False),
        sa.Column("zone", sa.String(10), nullable=False),
        sa.Column("band", sa.Integer, nullable=False, server_default=sa.text("1")),
        sa.Column("first_month", sa.Date, nullable=False),
        sa.Column("last_month", sa.Date, nullable=False),
        sa.Column("price", sa.String(32)),
        sa.Column("outcome", sa.String(10), nullable=False, server_default="answered"),
        sa.Column("asked_on", sa.Date, nullable=False),
        sa.UniqueConstraint("category", "plan", "zone", "band", "first_month", name="uq_calculator_prices_key"),
    )


def downgrade() -> None:
    op.drop_table("calculator_prices")
