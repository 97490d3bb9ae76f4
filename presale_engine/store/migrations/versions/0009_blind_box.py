"""blind boxes: a campaign item's pool; the SKUs drawn for an order's boxes

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04

Issue 12 (seed 000): ``campaign_item.pool`` holds a blind box's pool (SKU and weight);
``orders.drawn`` the pool SKUs drawn for the line's boxes at packing ("A,B,A"), stored
once so that every reprint shows the same.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("campaign_item", sa.Column("pool", sa.JSON(), nullable=True))
    # ADD COLUMN keeps the table (and its tally triggers) as it is, on SQLite too
    op.add_column("orders", sa.Column("drawn", sa.String(length=400), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("drawn")
    with op.batch_alter_table("campaign_item") as batch:
        batch.drop_column("pool")
    from presale_engine.store import tallies

    tallies.install(op.get_bind())  # the batch rebuild of orders dropped its triggers
