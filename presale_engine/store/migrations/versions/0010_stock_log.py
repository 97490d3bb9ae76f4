"""stock log: shipments and on-hand changes the allocation cache checks itself against

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04

Issue 9 (re-evaluation after a bulk change under 200 ms): shipping an order that stock
alone covered changes no other order's allocation, so it no longer invalidates the
product's cached allocation; the triggers write it (and the on-hand change) to
``stock_log``, and the evaluation keeps the cache when the log shows only such
shipments (``allocation_cache.boundary``).
"""

import sqlalchemy as sa
from alembic import op

from presale_engine.store import tallies

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stock_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_log")),
    )
    op.add_column("allocation_cache", sa.Column("boundary", sa.JSON(), nullable=True))
    conn = op.get_bind()
    conn.exec_driver_sql("DELETE FROM allocation_cache")  # made again with boundaries
    tallies.install(conn)


def downgrade() -> None:
    # The triggers (written by today's tallies.py) keep logging to stock_log: it stays,
    # and the 0007 downgrade drops it with them.
    with op.batch_alter_table("allocation_cache") as batch:
        batch.drop_column("boundary")
