"""waves: batches of orders to pick, pack and hand over; what was printed for them

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05

Issue 11 (printed fulfilment): ``wave`` (how its orders were chosen, carrier, status),
``wave_order`` (its order lines in picking order, packed or not), ``wave_print`` (which
sheet was printed when, in which size and language).
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wave",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shop_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("carrier", sa.String(length=50), nullable=False),
        sa.Column("filters", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("shipped_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["shop_id"], ["shop.id"], name=op.f("fk_wave_shop_id_shop")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wave")),
    )
    op.create_index(op.f("ix_wave_status"), "wave", ["status"], unique=False)
    op.create_table(
        "wave_order",
        sa.Column("wave_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("packed_at", sa.DateTime(), nullable=True),
        sa.Column("packed_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"],
                                name=op.f("fk_wave_order_order_id_orders"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["wave_id"], ["wave.id"],
                                name=op.f("fk_wave_order_wave_id_wave"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("wave_id", "order_id", name=op.f("pk_wave_order")),
    )
    op.create_index(op.f("ix_wave_order_order_id"), "wave_order", ["order_id"], unique=False)
    op.create_table(
        "wave_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("wave_id", sa.Integer(), nullable=False),
        sa.Column("sheet", sa.String(length=20), nullable=False),
        sa.Column("size", sa.String(length=10), nullable=False),
        sa.Column("lang", sa.String(length=5), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["wave_id"], ["wave.id"],
                                name=op.f("fk_wave_print_wave_id_wave"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wave_print")),
    )
    op.create_index(op.f("ix_wave_print_wave_id"), "wave_print", ["wave_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_wave_print_wave_id"), table_name="wave_print")
    op.drop_table("wave_print")
    op.drop_index(op.f("ix_wave_order_order_id"), table_name="wave_order")
    op.drop_table("wave_order")
    op.drop_index(op.f("ix_wave_status"), table_name="wave")
    op.drop_table("wave")
