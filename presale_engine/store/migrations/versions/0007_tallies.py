"""tallies: running counts of the orders kept by triggers; stock versions; allocation cache

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

Issue 9 (risk evaluation on a million orders under a second): ``tally_campaign_sku``,
``tally_ordered_day`` and ``tally_due_day`` answer the risk rules from a few hundred
rows; ``stock_version`` moves when a product's stock, supply or claiming orders change,
so ``allocation_cache`` can keep each product's shortfall until then. Triggers keep
them exact (store/tallies.py); they are filled here from the orders as they are.
"""

import sqlalchemy as sa
from alembic import op

from presale_engine.store import tallies

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    for t in tallies.TALLIES:
        conn.exec_driver_sql(t.create())
    op.create_table(
        "stock_version",
        sa.Column("product_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_stock_version")),
    )
    op.create_table(
        "allocation_cache",
        sa.Column("product_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("groups", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_allocation_cache")),
    )
    tallies.install(conn)


def downgrade() -> None:
    conn = op.get_bind()
    for stmt in tallies.drop_ddl(conn.dialect.name):
        conn.exec_driver_sql(stmt)
    conn.exec_driver_sql("DROP TABLE IF EXISTS stock_log")  # made by 0010's triggers' era
    op.drop_table("allocation_cache")
    op.drop_table("stock_version")
    for t in reversed(tallies.TALLIES):
        op.drop_table(t.table)
