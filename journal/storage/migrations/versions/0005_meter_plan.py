"""Each meter carries its tariff plan, so an account can change its plan with the same meter and keep its
history: the readings before the change keep their zones. Existing meters take their account's plan.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meters") as batch:
        batch.add_column(sa.Column("plan", sa.String(12), nullable=False, server_default="single"))
    op.execute("UPDATE meters SET plan = (SELECT accounts.plan FROM accounts WHERE accounts.id = meters.account_id)")


def downgrade() -> None:
    with op.batch_alter_table("meters") as batch:
        batch.drop_column("plan")
