"""orders: (campaign_id, ship_deadline) for a campaign's orders by deadline

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04

Measured on the million-order demo (docs/BENCHMARKS.md, "Order desk"): one campaign's
first page by ship deadline walked the whole deadline index (0.7-1.0 s, its deadlines
come late) without it; with it, a few ms.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_orders_campaign_deadline", "orders", ["campaign_id", "ship_deadline"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_orders_campaign_deadline", table_name="orders")
